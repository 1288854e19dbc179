"""The window's side of articles that change: the notes under an article's meta line
(its 新闻排行 record, 本文于…更新 · 查看修改, 原文已删除), and the links in them — what a
version changed, shown in place, and any earlier version as it was.

A mixin of MainWindow. Every version is read from the window's own store (one
indexed query each); the pages are built by revision_view from render's pieces.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..render import Note, article_html
from .phrases import announce

translate = QCoreApplication.translate


class WindowRevisions:
    def article_notes(self, url: str) -> list[Note]:
        """The lines under the meta line of the article as it is now."""
        record = self.store.rank_record(url)
        notes = [Note(record.line())] if record else []
        revisions, removed_at = self.store.revisions(url), self.store.removed_at(url)
        if len(revisions) < 2 and removed_at is None:
            return notes  # the usual case: nothing to say, revision_view not even loaded
        from ..revision_view import article_notes

        return notes + article_notes(url, revisions, removed_at)

    def show_changes(self) -> None:
        """文章 → 查看修改 (H): what the latest version of the article shown changed."""
        url = self.current_url()
        if url is None:
            return
        versions = len(self.store.revisions(url))
        if versions > 1:
            from ..revision_view import CHANGES

            self.open_version_link(url, (CHANGES, versions))
            return
        said = translate("MainWindow", "This article has not changed since it was stored")
        self.statusBar().showMessage(said, 4000)
        announce(self.reader.browser, said)

    def open_version_link(self, url: str, target: tuple[str, int]) -> None:
        """A 查看修改 / 第 N 版 link of the article shown: that page of it, in the reader."""
        from ..changes import article_changes
        from ..revision_view import CHANGES, VERSION, changes_html, version_notes

        what, number = target
        revisions = self.store.revisions(url)
        if url != self.current_url() and not self.show_article(url):
            return
        if not 1 <= number <= len(revisions) or (what == CHANGES and number < 2):
            return
        if what == VERSION and number == len(revisions):
            self.show_article(url, mark_read=False)
            said = translate("MainWindow", "The article as it is now")
        elif what == VERSION:
            version = self.store.revision(url, number)
            notes = version_notes(url, revisions, number)
            self.reader.show_page(article_html(version, self.reader.colours(), notes))
            said = translate("MainWindow", "Version %1 of %2").replace("%1", str(number))
            said = said.replace("%2", str(len(revisions)))
        else:
            older, newer = self.store.revision(url, number - 1), self.store.revision(url, number)
            changes = article_changes(older, newer)
            html = changes_html(newer, changes, revisions, number, self.reader.colours())
            self.reader.show_page(html)
            said = translate("MainWindow", "What version %1 changed").replace("%1", str(number))
        self.statusBar().showMessage(said, 4000)
        announce(self.reader.browser, said)
