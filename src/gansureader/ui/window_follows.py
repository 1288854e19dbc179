"""The window's 关注: a follow made from the search box (Ctrl+D) or the dialog, changed,
muted or removed from the sidebar's menu; their matches marked in the article; a
notice when a sync brings new ones.

A mixin of MainWindow. Follows are written by the writer, like every other change;
the sidebar lists them from the window's own (read-only) store. Its texts are looked
up in MainWindow's context (see window_writes).
"""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import QCoreApplication

from ..model import Follow
from ..store.query import QueryError, parse_query
from .phrases import announce
from .sidebar import FOLLOW

translate = QCoreApplication.translate


class WindowFollows:
    def _build_follows(self) -> None:
        self.sidebar.follow_requested.connect(self._follow_requested)
        self.sidebar.set_follows(self.store.follows())  # matched before (open_for_window)

    def follow_search(self) -> None:
        """关注此搜索 (Ctrl+D): a follow of what the search box holds."""
        query = self.search_box.text().strip()
        self._open_follow_dialog(Follow(query, query), None)

    def edit_follow(self, name: str | None = None) -> None:
        name = name or self._chosen_follow()
        follow = next((f for f in self.sidebar.follows() if f.name == name), None)
        if follow is not None:
            self._open_follow_dialog(follow, follow.name)

    def remove_follow(self, name: str | None = None) -> None:
        name = name or self._chosen_follow()
        if name is None:
            return
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            translate("MainWindow", "Remove follow"),
            translate("MainWindow", "Stop following “%1”? Its articles stay in the cache.").replace(
                "%1", name
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.refresher.write(lambda store: store.remove_follow(name), self._follows_written)

    def _open_follow_dialog(self, follow: Follow, old_name: str | None) -> None:
        from .follow_dialog import FollowDialog  # its widgets: only when opened

        taken = {f.name for f in self.sidebar.follows()} - {old_name}
        channels = self._listed_channels()
        dialog = FollowDialog(follow, channels, taken, new=old_name is None, parent=self)
        if not dialog.exec():
            return
        wanted = dialog.follow()

        def write(store):
            if old_name is None:
                return store.add_follow(wanted)
            return store.change_follow(old_name, wanted)

        self.refresher.write(
            write, lambda made, error: self._follows_written(made, error, chosen=wanted.name)
        )

    def _follow_requested(self, what: str, name: str) -> None:
        """An entry of a follow's menu in the sidebar."""
        if what == "edit":
            self.edit_follow(name)
        elif what == "remove":
            self.remove_follow(name)
        elif what == "read":
            self.refresher.write(lambda store: store.mark_follow_read(name), self._written)
        else:  # mute or alerts: turned over
            follow = next(f for f in self.sidebar.follows() if f.name == name)
            turned = replace(follow, **{what: not getattr(follow, what)})
            self.refresher.write(
                lambda store: store.change_follow(name, turned), self._follows_written
            )

    def _follows_written(self, _, error, chosen: str | None = None) -> None:
        """After a follow was made, changed or removed: the sidebar and the list anew."""
        if error is not None:
            self.show_error(error)
            return
        self.sidebar.set_follows(self.store.follows())
        if chosen is not None:
            self.sidebar.choose(FOLLOW, chosen)  # its articles, listed
        self.reload()

    def _chosen_follow(self) -> str | None:
        kind, name = self.current_view()
        return name if kind == FOLLOW else None

    def matches_to_mark(self) -> re.Pattern | None:
        """What to mark in the article: the search's words, else the chosen follow's."""
        text = self.search_box.text().strip()
        if not text and (name := self._chosen_follow()):
            text = next((f.query for f in self.sidebar.follows() if f.name == name), "")
        try:
            return parse_query(text).highlighter() if text else None
        except QueryError:
            return None

    def search_failed(self, error: Exception) -> None:
        """A query the search box cannot understand: said, and the list stays."""
        from .follow_dialog import query_problem

        message = translate("MainWindow", "Search: %1").replace("%1", query_problem(error))
        self.statusBar().showMessage(message, 8000)
        announce(self.search_box, message)
