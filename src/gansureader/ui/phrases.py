"""What a screen reader hears of a row: one phrase each, in the reader's language.

A painted row (bold while unread, ★, a sparkline) says nothing to someone who cannot
see it; the models hand these phrases to Qt's accessibility layer as
AccessibleTextRole and AccessibleDescriptionRole. No plural forms: "9 篇未读" and
"9 unread" read the same for one and for many.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

from ..model import ArticleSummary

# Literal calls, so that lupdate finds every text.
translate = QCoreApplication.translate


def article_phrase(row: ArticleSummary) -> str:
    """未读，收藏，甘肃省出台措施支持个体工商户发展，5月20日 17:03，省内经济"""
    parts = [translate("Phrases", "read") if row.read else translate("Phrases", "unread")]
    if row.starred:
        parts.append(translate("Phrases", "starred"))
    if row.removed_at is not None:
        parts.append(translate("Phrases", "removed from the site"))
    elif row.revised_at is not None:
        parts.append(
            translate("Phrases", "updated %1").replace(
                "%1", moment_phrase(row.revised_at.astimezone())
            )
        )
    parts.append(row.title)
    if row.published_at is not None:
        parts.append(moment_phrase(row.published_at))
    parts += [part for part in (row.channel, row.source) if part]
    return _join(parts)


def moment_phrase(moment: datetime) -> str:
    """5月20日 17:03 — a date as it is said, not as it is printed."""
    pattern = translate("Phrases", "MMMM d, HH:mm", "a QDateTime format")
    stamp = QDateTime(moment.year, moment.month, moment.day, moment.hour, moment.minute, 0)
    return QLocale().toString(stamp, pattern)


def channel_phrase(name: str, unread: int) -> str:
    """省内经济，9 篇未读"""
    return _join([name, unread_phrase(unread)])


def unread_phrase(unread: int) -> str:
    return (
        translate("Phrases", "%1 unread").replace("%1", str(unread))
        if unread
        else translate("Phrases", "nothing unread")
    )


def movement_phrase(move: int | None) -> str:
    """上升 2 位 / 下降 1 位 / 新上榜 / 名次未变"""
    if move is None:
        return translate("Phrases", "new in the ranking")
    if move > 0:
        return translate("Phrases", "up %1").replace("%1", str(move))
    if move < 0:
        return translate("Phrases", "down %1").replace("%1", str(-move))
    return translate("Phrases", "unchanged")


def ranking_phrase(rank: int, move: int | None, title: str) -> str:
    """第 3 名，上升 2 位，标题"""
    return _join(
        [translate("Phrases", "rank %1").replace("%1", str(rank)), movement_phrase(move), title]
    )


def week_phrase(points: list[tuple[float, int]], current: int) -> str:
    """The sparkline in words: 7 天内最高第 1 名，现第 3 名."""
    if not points:
        return ""
    best = min(rank for _, rank in points)
    return _join(
        [
            translate("Phrases", "best this week: rank %1").replace("%1", str(best)),
            translate("Phrases", "now rank %1").replace("%1", str(current)),
        ]
    )


def announce(widget, text: str) -> None:
    """Said by a screen reader now, wherever the focus is: a refresh's result, a banner."""
    QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))


def _join(parts: list[str]) -> str:
    """Chinese says the parts with "，" between them."""
    return translate("Phrases", ", ", "between the parts of a phrase").join(parts)
