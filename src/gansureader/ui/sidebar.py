"""The channel sidebar, as in every feed reader: 全部, 未读, 收藏 and 排行 (and 已更新 when
articles changed or went from the site), the 关注 (each
follow, and 已屏蔽 when a muted follow hides articles), then each group with its
channels, each with its unread count. Right-click a channel to mark it read, open its
page in the browser, or remove it if the reader added it; a follow to change it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTreeWidget, QTreeWidgetItem

from ..model import Channel, Follow
from ..store.channels import UnreadCounts
from .keyboard import menu_position, open_menu_from_keys
from .phrases import channel_phrase, unread_phrase

# What an entry shows besides single channels: ("follow", name), (MUTED, None) and these.
ALL, UNREAD, STARRED, RANKING, CHANGED = "all", "unread", "starred", "ranking", "changed"
FOLLOW, MUTED = "follow", "muted"
VIEW_ROLE = Qt.ItemDataRole.UserRole + 1


class ChannelSidebar(QTreeWidget):
    view_chosen = Signal()  # the reader chose another entry: current_view() says which
    mark_read_requested = Signal(object)  # a Channel, or None for every article
    remove_requested = Signal(object)  # an added Channel
    open_requested = Signal(str)  # a channel's page, for the browser
    follow_requested = Signal(str, str)  # (what to do: edit, mute, alerts, read, remove; name)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setColumnCount(2)
        self.setHeaderLabels([self.tr("Channel"), self.tr("Unread")])  # hidden; heard
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setIndentation(12)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.setAccessibleName(self.tr("Channels"))
        self.setAccessibleDescription(
            self.tr("What the article list shows, with the number of unread articles")
        )
        self.currentItemChanged.connect(lambda now, _: now is not None and self.view_chosen.emit())
        self._channel_items: dict[str, QTreeWidgetItem] = {}
        self._follow_items: dict[str, QTreeWidgetItem] = {}
        self._groups: list[QTreeWidgetItem] = []
        self._fixed: dict[str, QTreeWidgetItem] = {}
        self._folded: set[str] = set()  # groups to show folded when the tree is filled
        self._channels: list[Channel] = []
        self._follows: list[Follow] = []
        self._muted: QTreeWidgetItem | None = None
        self._changed = 0  # articles changed or gone: their entry shows when there are any

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(200, 400)

    def set_channels(self, channels: list[Channel]) -> None:
        self._channels = list(channels)
        self._fill()

    def channels(self) -> list[Channel]:
        return list(self._channels)

    def set_follows(self, follows: list[Follow]) -> None:
        """The 关注 group: one entry per follow (none: no group)."""
        renamed = [f.name for f in follows] != [f.name for f in self._follows]
        self._follows = list(follows)  # their flags, for the menu
        if renamed:
            self._fill()

    def follows(self) -> list[Follow]:
        return list(self._follows)

    def _fill(self) -> None:
        """Fill the tree; the entry chosen before stays chosen, and a group folded stays
        folded, if it is still there."""
        kind, chosen = self.current_view()
        folded = self.collapsed() if self._groups else self._folded
        self.blockSignals(True)
        self.clear()
        self._channel_items.clear()
        self._follow_items.clear()
        self._groups.clear()
        for label, view in (
            (self.tr("All"), ALL),
            (self.tr("Unread"), UNREAD),
            (self.tr("Starred"), STARRED),
            ("排行", RANKING),
            (self.tr("Updated or removed"), CHANGED),
        ):
            self._fixed[view] = self._item(self, label, (view, None))
        changed = self._fixed[CHANGED]
        changed.setHidden(not self._changed)
        changed.setData(0, Qt.ItemDataRole.AccessibleTextRole, changed.text(0))  # no unread count
        self._muted = None
        if self._follows:
            heading = self._heading(self.tr("Follows"), folded)
            for follow in self._follows:
                self._follow_items[follow.name] = self._item(
                    heading, follow.name, (FOLLOW, follow.name)
                )
            self._muted = self._item(heading, "", (MUTED, None))
            self._muted.setHidden(True)  # until a muted follow hides something
        group_item = None
        for channel in self._channels:
            group = channel.group or "自定义"
            if group_item is None or group_item.text(0) != group:
                group_item = self._heading(group, folded)
            self._channel_items[channel.url] = self._item(
                group_item, channel.name, ("channel", channel)
            )
        if kind == FOLLOW:
            again = self._follow_items.get(chosen)
        elif chosen is not None:
            again = self._channel_items.get(chosen.url)
        else:
            again = self._fixed.get(kind) or (self._muted if kind == MUTED else None)
        self.setCurrentItem(again or self._fixed[ALL])
        self.blockSignals(False)

    def _heading(self, label: str, folded: set[str]) -> QTreeWidgetItem:
        heading = self._item(self, label, None)
        heading.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading, not a view
        heading.setExpanded(label not in folded)
        self._groups.append(heading)
        return heading

    def collapsed(self) -> set[str]:
        """The groups the reader folded."""
        return {group.text(0) for group in self._groups if not group.isExpanded()}

    def fold(self, groups: set[str]) -> None:
        self._folded = set(groups)
        for group in self._groups:
            group.setExpanded(group.text(0) not in self._folded)

    def _item(self, parent, label: str, view: tuple | None) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [label, ""])
        item.setData(0, VIEW_ROLE, view)
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole, channel_phrase(label, 0))
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setForeground(1, self.palette().color(QPalette.ColorRole.PlaceholderText))
        return item

    def current_view(self) -> tuple[str, Channel | None]:
        item = self.currentItem()
        view = item.data(0, VIEW_ROLE) if item is not None else None
        return view or (ALL, None)

    def choose(self, kind: str, channel: Channel | str | None = None) -> None:
        """Make an entry current: a fixed one, a channel, or (FOLLOW, its name)."""
        if kind == FOLLOW:
            item = self._follow_items.get(channel)
        elif kind == MUTED:
            item = self._muted
        else:
            item = self._channel_items.get(channel.url) if channel else self._fixed.get(kind)
        if item is not None:
            self.setCurrentItem(item)

    def set_counts(self, counts: UnreadCounts) -> None:
        """Unread articles beside each entry; a group adds up its channels."""
        self._show(self._fixed[ALL], counts.all)
        self._show(self._fixed[UNREAD], counts.all)
        self._show(self._fixed[STARRED], counts.starred)
        self._changed = counts.changed
        self._fixed[CHANGED].setHidden(not counts.changed)
        for name, item in self._follow_items.items():
            self._show(item, counts.by_follow.get(name, 0))
        if self._muted is not None:
            label = self.tr("Muted: %n article(s)", "", counts.muted)
            self._muted.setText(0, label)
            self._muted.setData(0, Qt.ItemDataRole.AccessibleTextRole, label)
            self._muted.setHidden(counts.muted == 0)
        for group in self._groups:
            if not group.childCount() or group.child(0).data(0, VIEW_ROLE)[0] != "channel":
                continue  # the 关注 are not added up: one article may match several
            total = 0
            for index in range(group.childCount()):
                child = group.child(index)
                count = counts.by_channel.get(child.data(0, VIEW_ROLE)[1].url, 0)
                self._show(child, count)
                total += count
            self._show(group, total)

    @staticmethod
    def _show(item: QTreeWidgetItem, count: int) -> None:
        text = str(count) if count else ""
        if item.text(1) == text:
            return  # unchanged: no repaint (counts follow every click, most stay as they were)
        item.setText(1, text)
        # Heard as one phrase (省内经济，9 篇未读), not as a name and then a bare number.
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole, channel_phrase(item.text(0), count))
        item.setData(1, Qt.ItemDataRole.AccessibleTextRole, unread_phrase(count))
        font = QFont(item.font(0))
        font.setBold(count > 0)  # what has news stands out, as in every feed reader
        item.setFont(0, font)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # 关怀模式 on or off: counts recoloured
            muted = self.palette().color(QPalette.ColorRole.PlaceholderText)
            tops = [self.topLevelItem(n) for n in range(self.topLevelItemCount())]
            children = [top.child(n) for top in tops for n in range(top.childCount())]
            for item in tops + children:
                item.setForeground(1, muted)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if not open_menu_from_keys(self, event):
            super().keyPressEvent(event)

    def _menu(self, position) -> None:
        position = menu_position(self, position)  # the menu key names no row: the current
        item = self.itemAt(position) if position is not None else None
        if item is None or item.data(0, VIEW_ROLE) is None:
            return
        kind, channel = item.data(0, VIEW_ROLE)
        if kind in (RANKING, STARRED, MUTED, CHANGED):
            return  # nothing to mark there that 全部 does not
        menu = QMenu(self)
        if kind == FOLLOW:
            self._follow_menu(menu, channel)
        else:
            self._channel_menu(menu, channel)
        menu.exec(self.viewport().mapToGlobal(position))

    def _channel_menu(self, menu: QMenu, channel: Channel | None) -> None:
        menu.addAction(self.tr("Mark all read"), lambda: self.mark_read_requested.emit(channel))
        if channel is not None:
            menu.addAction(
                self.tr("Open channel page in browser"),
                lambda: self.open_requested.emit(channel.url),
            )
            if not channel.builtin:
                menu.addSeparator()
                menu.addAction(
                    self.tr("Remove channel"), lambda: self.remove_requested.emit(channel)
                )

    def _follow_menu(self, menu: QMenu, name: str) -> None:
        follow = next((f for f in self._follows if f.name == name), None)
        if follow is None:
            return

        def ask(what: str):
            return lambda: self.follow_requested.emit(what, name)

        menu.addAction(self.tr("Mark all read"), ask("read"))
        menu.addAction(self.tr("Edit follow…"), ask("edit"))
        mute = menu.addAction(self.tr("Mute (hide from the lists)"), ask("mute"))
        mute.setCheckable(True)
        mute.setChecked(follow.mute)
        alerts = menu.addAction(self.tr("Notify of new articles"), ask("alerts"))
        alerts.setCheckable(True)
        alerts.setChecked(follow.alerts)
        menu.addSeparator()
        menu.addAction(self.tr("Remove follow"), ask("remove"))
