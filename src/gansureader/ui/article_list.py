"""The article list: a lazily loading model over the store and the delegate that paints it.

Rows arrive a page at a time as the view scrolls (canFetchMore/fetchMore), and
nothing is counted, so a cache of 50 000 articles opens as fast as one of 50. The
first page is read on the window's thread (an indexed query of a screenful); later
pages and search results are read off it (``Reads``) and shown when they come.
One row: the title (bold while unread, ★ when starred) over a line with date,
channel and source — or, for search results, the text around the match with the
match highlighted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from html import unescape

from PySide6.QtCore import QAbstractListModel, QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QAccessible, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate

from ..model import ArticleSummary, Channel
from ..store import Store
from .keyboard import open_menu_from_keys
from .phrases import article_phrase
from .reads import Reads

SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1
_TOP = QModelIndex()  # the list's invisible root
FIRST_PAGE = 60  # a screenful and some: what the window needs to open
PAGE = 200
SEARCH_LIMIT = 300  # hits a search lists at most; the first page comes first, more on scroll


class ArticleListModel(QAbstractListModel):
    def __init__(self, store: Store, reads: Reads, parent=None):
        super().__init__(parent)
        self.store, self.reads = store, reads
        self._rows: list[ArticleSummary] = []
        self._exhausted = True  # the last load came back short: nothing more to fetch
        self._loading = False  # a later page is being read
        # (store, offset, limit) → rows: the first page with the window's store, later
        # ones with the reading thread's.
        self._load: Callable[[Store, int, int], list[ArticleSummary]] = lambda *_: []
        self.searching = False

    # ------------------------------------------------------------------ what to show

    def show_articles(
        self, channel: Channel | None = None, *, unread: bool = False, starred: bool = False
    ) -> None:
        def load(store: Store, offset: int, limit: int) -> list[ArticleSummary]:
            return store.articles(
                channel, unread_only=unread, starred_only=starred, limit=limit, offset=offset
            )

        self._reset(load, searching=False)

    def show_search(self, query: str, failed: Callable[[Exception], None]) -> None:
        """Search off the window's thread; the rows shown stay until the hits come (or
        ``failed`` says why none will: a query that cannot be understood)."""

        def load(store: Store, offset: int, limit: int) -> list[ArticleSummary]:
            if offset >= SEARCH_LIMIT:
                return []
            return store.search(query, limit=min(limit, SEARCH_LIMIT - offset), offset=offset)

        self._show_off_thread(load, searching=True, failed=failed)

    def show_follow(self, name: str | None) -> None:
        """A follow's articles (None: those the muted follows hide), each with its match
        marked, read off the window's thread: cutting the snippets reads every body."""

        def load(store: Store, offset: int, limit: int) -> list[ArticleSummary]:
            if name is None:
                return store.muted_articles(limit=limit, offset=offset)
            return store.follow_articles(name, limit=limit, offset=offset)

        self._show_off_thread(load, searching=True)

    def show_changed(self) -> None:
        """The articles that changed or whose page is gone (已更新 / 已删除), the latest first."""
        self._show_off_thread(
            lambda store, offset, limit: store.changed_articles(limit=limit, offset=offset),
            searching=False,
        )

    def _show_off_thread(
        self, load, searching: bool, failed: Callable[[Exception], None] | None = None
    ) -> None:
        """Rows whose first page is read off the window's thread too; shown when it comes
        (``failed``: told if it cannot be read)."""

        def first(rows: list[ArticleSummary]) -> None:
            self._reset(
                lambda store, o, n: rows if o == 0 else load(store, o, n), searching=searching
            )

        self.reads.read("list", lambda store: load(store, 0, FIRST_PAGE), first, failed)

    def _reset(self, load, searching: bool) -> None:
        self.reads.cancel("list")  # an answer on its way is for what was shown before
        self.beginResetModel()
        self._load, self.searching, self._loading = load, searching, False
        self._rows = load(self.store, 0, FIRST_PAGE)
        self._exhausted = len(self._rows) < FIRST_PAGE
        self.endResetModel()

    # ------------------------------------------------------------------ Qt's model API

    def rowCount(self, parent=_TOP) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent=_TOP) -> bool:  # noqa: N802
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent=_TOP) -> None:  # noqa: N802
        """The next page, read off the window's thread; appended when it comes."""
        if not self.canFetchMore(parent):
            return
        self._loading = True
        load, offset = self._load, len(self._rows)

        def failed(error: Exception) -> None:
            self._loading = False  # the next scroll tries again

        self.reads.read("list", lambda store: load(store, offset, PAGE), self._append, failed)

    def _append(self, more: list[ArticleSummary]) -> None:
        self._loading = False
        self._exhausted = len(more) < PAGE
        if not more:
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row.title
        if role == SUMMARY_ROLE:
            return row
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return article_phrase(row)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and row.snippet:
            return row.snippet.replace("<mark>", "").replace("</mark>", "")
        return None

    # ------------------------------------------------------------------ helpers for the window

    def summary(self, row: int) -> ArticleSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, url: str) -> int | None:
        return next((n for n, row in enumerate(self._rows) if row.url == url), None)

    def update(self, url: str, **changes) -> None:
        """Change a row in place (read, starred) without reloading the list."""
        row = self.row_of(url)
        if row is None:
            return
        self._rows[row] = replace(self._rows[row], **changes)
        index = self.index(row)
        self.dataChanged.emit(index, index)


class ArticleListView(QListView):
    """The list of articles, repainting only the row that changed.

    QListView answers a one-row dataChanged (a star, a read flag) by laying out and
    painting every visible row: 167 rowCount, 72 data and 9 paint calls into Python,
    each of which waits for the interpreter lock while a sync runs (a click stalled the
    window 20 ms). One row's change repaints that row; a screen reader, when one is
    listening, still hears of it through Qt's own handling.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setUniformItemSizes(True)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if not open_menu_from_keys(self, event):
            super().keyPressEvent(event)

    def dataChanged(self, top_left, bottom_right, roles=()) -> None:  # noqa: N802 (Qt's name)
        if top_left == bottom_right and not QAccessible.isActive():
            self.update(top_left)
        else:
            super().dataChanged(top_left, bottom_right, roles)


class ArticleDelegate(QStyledItemDelegate):
    """Two lines per article; a fixed height keeps 50 000 rows cheap to lay out."""

    def __init__(self, view: QListView):
        super().__init__(view)
        # Its view, kept: ``option.widget`` hands Python a QWidget, the first of which
        # makes PySide set up every QWidget class (20 ms) — at the list's first paint.
        self.view = view

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 (Qt's name)
        height = QFontMetrics(option.font).height()
        return QSize(200, int(height * 3.3))  # two lines and room: grows with the font

    def paint(self, painter, option, index) -> None:
        row: ArticleSummary = index.data(SUMMARY_ROLE)
        if row is None:
            return
        # Not initStyleOption(): it asks the model for nine roles (each a call into
        # Python) to fill in text, icon and colours this paint draws itself.
        style = self.view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, self.view)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = option.rect.adjusted(8, 5, -8, -5)
        line = QFontMetrics(option.font).height()
        painter.save()
        title_font = QFont(option.font)
        title_font.setBold(not row.read)
        painter.setFont(title_font)
        painter.setPen(option.palette.color(group))
        star = "★ " if row.starred else ""
        title = QFontMetrics(title_font).elidedText(
            star + row.title, Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.drawText(rect.x(), rect.y() + line, title)
        painter.setFont(option.font)
        if row.snippet is not None and not selected:
            self._paint_snippet(painter, option, row.snippet, rect, line)
        else:
            self._paint_detail(painter, option, row, rect, int(line * 2.2), selected)
        painter.restore()

    def _paint_detail(self, painter, option, row: ArticleSummary, rect, y: int, selected) -> None:
        """Date · channel · source, after 原文已删除 or 已更新 (when seen) in the link colour."""
        metrics = QFontMetrics(option.font)
        x, width = rect.x(), rect.width()
        if mark := self.change_mark(row):
            mark += " · "
            link = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Link
            painter.setPen(option.palette.color(link))
            painter.drawText(x, rect.y() + y, mark)
            x += metrics.horizontalAdvance(mark)
            width -= metrics.horizontalAdvance(mark)
        group = (
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        painter.setPen(option.palette.color(group))
        when = _minute(row.published_at) if row.published_at else ""
        detail = " · ".join(part for part in (when, row.channel, row.source) if part)
        detail = metrics.elidedText(detail, Qt.TextElideMode.ElideRight, max(width, 0))
        painter.drawText(x, rect.y() + y, detail)

    def change_mark(self, row: ArticleSummary) -> str:
        if row.removed_at is not None:
            return self.tr("Removed from the site")
        if row.revised_at is not None:
            seen = row.revised_at.astimezone()
            return self.tr("Updated %1").replace("%1", _minute(seen)[5:])  # 12-02 13:53
        return ""

    def _paint_snippet(self, painter, option, snippet: str, rect, line: int) -> None:
        """The text around the match on the second line, each match on the highlight
        colour — drawn piece by piece: a rich-text document a row cost 0.5 ms, and a
        screen of search results shown at once is thirty rows."""
        metrics = QFontMetrics(option.font)
        palette = option.palette
        x, right = rect.x(), rect.right()
        baseline = rect.y() + int(line * 2.2)
        for marked, text in _snippet_pieces(snippet):
            width = metrics.horizontalAdvance(text)
            if x + width > right:  # the last piece that fits, elided
                text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, right - x)
                width = metrics.horizontalAdvance(text)
            if marked:
                box = QRect(x, baseline - metrics.ascent(), width, metrics.height())
                painter.fillRect(box, palette.color(QPalette.ColorRole.Highlight))
                painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
            else:
                painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(x, baseline, text)
            x += width
            if x >= right:
                break


def _snippet_pieces(snippet: str) -> list[tuple[bool, str]]:
    """A snippet (escaped text, matches in <mark>) as (is a match, text) pieces."""
    pieces = []
    for number, part in enumerate(re.split(r"</?mark>", snippet)):
        if part:
            pieces.append((number % 2 == 1, unescape(part)))
    return pieces


def _minute(moment) -> str:
    """2024-05-20 17:03, without strftime: it imports the time module on every call,
    and PySide's import hook makes that two calls into Python per painted row."""
    return f"{moment.year}-{moment.month:02}-{moment.day:02} {moment.hour:02}:{moment.minute:02}"
