"""The 关注 dialog: make a follow from a search, or change one — its query, its name,
the channels, 来源 or titles it is limited to, mute and alerts.

What is wrong is said under the field as it is typed (the query language's own
message, a name already taken), and OK waits until nothing is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from ..model import Channel, Follow
from ..store.query import PROBLEMS, QueryError, parse_query
from .failures import user_message
from .phrases import announce

CHANNEL_ROLE = Qt.ItemDataRole.UserRole + 1


class FollowDialog(QDialog):
    def __init__(
        self, follow: Follow, channels: list[Channel], taken: set[str], *, new: bool, parent=None
    ):
        """``follow`` as the fields start; ``taken``: names other follows have."""
        super().__init__(parent)
        self.taken = taken
        self.setWindowTitle(self.tr("Follow a search") if new else self.tr("Edit follow"))
        self.query = QLineEdit(follow.query, self)
        self.query.setAccessibleName(self.tr("Search words"))
        hint = QLabel(
            self.tr('All words must be there; a|b: either; -word: not; "…": an exact phrase'),
            self,
        )
        hint.setWordWrap(True)
        self.query.setAccessibleDescription(hint.text())
        self.name = QLineEdit(follow.name if not new or follow.name != follow.query else "", self)
        self.name.setPlaceholderText(self.tr("The search words"))
        self.name.setAccessibleName(self.tr("Name"))
        self.channels = QListWidget(self)
        self.channels.setAccessibleName(self.tr("Only in these channels (none: every channel)"))
        for channel in channels:
            item = QListWidgetItem(f"{channel.group} · {channel.name}", self.channels)
            item.setData(CHANNEL_ROLE, channel.url)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = channel.url in follow.channels
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.source = QLineEdit(follow.source or "", self)
        self.source.setPlaceholderText(self.tr("Any source"))
        self.source.setAccessibleName(self.tr("Only from a source (来源) holding"))
        self.title_only = QCheckBox(self.tr("Titles only"), self, checked=follow.title_only)
        self.mute = QCheckBox(self.tr("Mute: hide its articles from the lists"), self)
        self.mute.setChecked(follow.mute)
        self.alerts = QCheckBox(self.tr("Notify of new articles"), self, checked=follow.alerts)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("What is wrong"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out(hint)
        self.query.textChanged.connect(self._check)
        self.name.textChanged.connect(self._check)
        self._check()

    def _lay_out(self, hint: QLabel) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&Search words:"), self.query)
        form.addRow("", hint)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Channels:"), self.channels)
        form.addRow(self.tr("So&urce:"), self.source)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        for widget in (self.title_only, self.mute, self.alerts, self.problem, self.buttons):
            layout.addWidget(widget)

    def follow(self) -> Follow:
        """The follow as the fields say."""
        chosen = [
            self.channels.item(row).data(CHANNEL_ROLE)
            for row in range(self.channels.count())
            if self.channels.item(row).checkState() == Qt.CheckState.Checked
        ]
        return Follow(
            " ".join(self.name.text().split()) or " ".join(self.query.text().split()),
            self.query.text().strip(),
            tuple(chosen),
            self.source.text().strip() or None,
            self.title_only.isChecked(),
            self.mute.isChecked(),
            self.alerts.isChecked(),
        )

    def _check(self) -> None:
        """Say what is wrong, if anything; OK only when nothing is."""
        problem = ""
        try:
            parse_query(self.query.text())
        except QueryError as error:
            problem = query_problem(error)
        if not problem and self.follow().name in self.taken:
            problem = self.tr("A follow of that name exists already: choose another name.")
        if problem != self.problem.text() and problem:
            announce(self.problem, problem)
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)


def query_problem(error: Exception) -> str:
    """What is wrong with a query (or whatever else failed), in the reader's language."""
    if isinstance(error, QueryError):  # the texts are marked in store/query.py
        return QCoreApplication.translate("Query", PROBLEMS[error.problem]).replace(
            "%1", error.part
        )
    return user_message(error)
