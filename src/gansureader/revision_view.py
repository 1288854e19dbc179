"""What the reader shows of an article's versions: the notes under its meta line
(本文于 5月21日 10:02 更新 · 查看修改, 原文已删除), an earlier version as it was, and the
changes view — the newer version's text with what it added, removed and changed
marked in place (changes.py decides what changed).

Built from render's pieces, in the site's language like the rest of the article. The
links are the article's own address with a fragment the window reads (``link_target``):
``#gr-changes-N`` shows what version N changed, ``#gr-version-N`` shows version N.
"""

from __future__ import annotations

from datetime import datetime
from html import escape

from .changes import (
    ADDED,
    CHANGED,
    REMOVED,
    SAME,
    ArticleChanges,
    Change,
    character_changes,
    counts,
)
from .model import ArticlePage, Revision
from .render import (
    INDENT,
    MAX_BLOCKS,
    TRUNCATED,
    Colours,
    Note,
    cut_text,
    note_html,
    page_html,
    title_html,
)

CHANGES, VERSION = "gr-changes-", "gr-version-"
CONTEXT = 1  # unchanged paragraphs shown either side of a change
# Of a long unchanged stretch inside a changed paragraph, this much either end is shown (a
# page written as one paragraph is one change of a megabyte); any paragraph is cut as the
# reader cuts it.
KEPT_AROUND = 200
MAX_PHRASES = 20  # changed phrases listed above the text (the text marks every one)
_LABELS = {ADDED: "【新增】", REMOVED: "【删除】", CHANGED: "【修改】"}


def link(url: str, what: str, number: int) -> str:
    return f"{url}#{what}{number}"


def link_target(fragment: str) -> tuple[str, int] | None:
    """(CHANGES or VERSION, the version's number) of a link's fragment; None: not ours."""
    for what in (CHANGES, VERSION):
        number = fragment.removeprefix(what)
        if number != fragment and number.isascii() and number.isdigit():  # not "²"
            return what, int(number)
    return None


def when(moment: datetime) -> str:
    """5月21日 10:02 in the reader's time zone (with the year when it is not this one)."""
    local = moment.astimezone()
    year = f"{local.year}年" if local.year != datetime.now().year else ""
    return f"{year}{local.month}月{local.day}日 {local.hour:02}:{local.minute:02}"


def article_notes(url: str, revisions: list[Revision], removed_at: datetime | None) -> list[Note]:
    """Under the meta line of the article as it is now: that it changed, that it is gone."""
    notes = []
    if len(revisions) > 1:
        latest = revisions[-1]
        notes.append(
            Note(
                f"本文于 {when(latest.seen_at)} 更新",
                (("查看修改", link(url, CHANGES, latest.number)),),
            )
        )
    if removed_at is not None:
        notes.append(
            Note(
                f"原文已删除：网站自 {when(removed_at)} 起不再提供此页，这里保存的版本仍可阅读",
                strong=True,
            )
        )
    return notes


def version_notes(url: str, revisions: list[Revision], number: int) -> list[Note]:
    """Under the meta line of an earlier version: which it is, and the way back."""
    shown, latest = revisions[number - 1], revisions[-1]
    links = [("查看最新版本", link(url, VERSION, latest.number))]
    if number > 1:
        links.append(("查看本版修改", link(url, CHANGES, number)))
    return [
        Note(
            f"这是本文 {when(shown.seen_at)} 的版本（第 {number} 版，共 {len(revisions)} 版）",
            tuple(links),
            strong=True,
        ),
        _versions(url, revisions, number),
    ]


def _versions(url: str, revisions: list[Revision], shown: int) -> Note:
    """Every version, each a link but the one shown."""
    return Note(
        "各版本：",
        tuple(
            (
                f"第 {r.number} 版 {when(r.seen_at)}" + ("（最新）" if r.current else ""),
                link(url, VERSION, r.number),
            )
            for r in revisions
            if r.number != shown
        ),
    )


def changes_html(
    newer: ArticlePage,
    changes: ArticleChanges,
    revisions: list[Revision],
    number: int,
    colours: Colours,
) -> str:
    """What version ``number`` (``newer``) changed from the one before, in place."""
    url, before, after = newer.url, revisions[number - 2], revisions[number - 1]
    tally = counts(changes.body)
    said = [
        f"{word} {tally[kind]} 段"
        for kind, word in ((CHANGED, "修改"), (ADDED, "新增"), (REMOVED, "删除"))
        if tally[kind]
    ]
    if changes.title:
        said.insert(0, "改了标题")
    if changes.meta:
        said.append("改了发布信息")
    if changes.pictures:
        said.append("换了图片")
    summary = (
        f"第 {number} 版（{when(after.seen_at)}）与第 {number - 1} 版（{when(before.seen_at)}）"
        f"相比：{'，'.join(said) or '正文没有改动'}"
    )
    back = [("返回文章", link(url, VERSION, revisions[-1].number))]
    back.append((f"查看第 {number - 1} 版", link(url, VERSION, number - 1)))
    parts = title_html(newer)
    parts.append(note_html(Note(summary, tuple(back), strong=True)))
    parts.append(note_html(_versions(url, revisions, 0)))
    if phrases := changes.phrases()[:MAX_PHRASES]:
        items = "".join(f"<li>{escape(old)} → {escape(new)}</li>" for old, new in phrases)
        parts.append(f'<p class="meta">改动之处：</p><ul>{items}</ul>')
    for label, pair in (("【标题】", changes.title), ("【发布信息】", changes.meta)):
        if pair:
            pieces = _pieces_html(character_changes(*pair))
            parts.append(f'<p class="text"><span class="label">{label}</span>{pieces}</p>')
    shown = _in_context(changes.body)
    for number, change in enumerate(shown):
        if number >= MAX_BLOCKS:
            parts.append(f'<p class="note" align="center">{TRUNCATED}</p>')
            break
        parts.append(_change_html(change))
    return page_html(parts, colours)


def _in_context(body: list[Change]) -> list[Change | str]:
    """The changes with a paragraph of context either side; a longer run of unchanged
    paragraphs is one line saying how many there are (so the changes are on the screen)."""
    shown: list[Change | str] = []
    run: list[Change] = []
    for change in [*body, None]:
        if change is not None and change.kind == SAME:
            run.append(change)
            continue
        if len(run) > 2 * CONTEXT + 1:
            first, last = run[:CONTEXT] if shown else [], run[-CONTEXT:] if change else []
            skipped = len(run) - len(first) - len(last)
            shown += [*first, f"⋯ 未改动的 {skipped} 段 ⋯", *last]
        else:
            shown += run
        run = []
        if change is not None:
            shown.append(change)
    return shown


def _change_html(change: Change | str) -> str:
    if isinstance(change, str):  # unchanged paragraphs left out
        return f'<p class="note" align="center">{escape(change)}</p>'
    if change.kind == SAME:
        return f'<p class="text">{INDENT}{_cut(change.new or "")}</p>'
    label = f'<span class="label">{_LABELS[change.kind]}</span>'
    if change.kind == ADDED:
        return f'<p class="added">{label}{_cut(change.new or "")}</p>'
    if change.kind == REMOVED:
        return f'<p class="gone">{label}<span class="removed">{_cut(change.old or "")}</span></p>'
    return f'<p class="text">{label}{_pieces_html(change.pieces)}</p>'


def _cut(text: str) -> str:
    return escape(cut_text(text))


def _pieces_html(pieces) -> str:
    """A changed text: what went struck through, what came underlined (see _css); a long
    stretch of what stayed, its ends."""
    out = []
    for kind, text in pieces:
        if kind != SAME:
            out.append(f'<span class="{kind}">{_cut(text)}</span>')
        elif len(text) > 3 * KEPT_AROUND:
            out.append(f"{escape(text[:KEPT_AROUND])} ⋯ {escape(text[-KEPT_AROUND:])}")
        else:
            out.append(escape(text))
    return "".join(out)
