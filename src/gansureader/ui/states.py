"""The window's states besides reading: the first run with an empty cache, and sync errors."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .failures import reason_phrase
from .phrases import announce


class FirstRunPage(QWidget):
    """Shown while the cache is empty: fetch the site, or load the bundled demo site."""

    refresh_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        welcome = self.tr("Welcome to gansureader")
        title = QLabel(f"<h2>{welcome}</h2>", self)
        self.message = QLabel(
            self.tr(
                "Nothing is cached yet. Refresh to fetch the latest news of 中国甘肃网, "
                "or load the demo content to look around without a network."
            ),
            self,
        )
        self.message.setWordWrap(True)
        self.refresh = QPushButton(self.tr("Refresh"), self)
        self.demo = QPushButton(self.tr("Load demo content"), self)
        self.refresh.clicked.connect(self.refresh_requested)
        self.demo.clicked.connect(self.demo_requested)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.refresh)
        buttons.addWidget(self.demo)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addStretch()
        for label in (title, self.message):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        layout.addLayout(buttons)
        layout.addStretch()

    def set_busy(self, busy: bool) -> None:
        self.refresh.setEnabled(not busy)
        self.demo.setEnabled(not busy)


class ErrorBanner(QFrame):
    """After a sync with failures: how many, which URLs (in the tooltip), and a retry. Any
    other message (speech, an export, the cache mended) has no retry: it would refresh."""

    retry_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("ErrorBanner { background: #fff4ce; color: #5c4400; }")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.retry = QPushButton(self.tr("Retry"), self)
        close = QToolButton(self, text="✕")
        close.setAccessibleName(self.tr("Close"))
        self.retry.clicked.connect(self.retry_requested)
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.retry)
        layout.addWidget(close)
        self.hide()

    def show_message(self, text: str, *, retry: bool = False) -> None:
        """``retry``: a refresh is what would try it again (a sync that stopped)."""
        self.label.setText(escape(text))
        self.setToolTip(text)
        self.retry.setVisible(retry)
        self.show()
        announce(self, text)

    def show_problems(self, problems: list) -> None:
        """``problems``: the sync summary's failures (url and reason each)."""
        shown = problems[:3]
        lines = [escape(f"{problem.url} — {reason_phrase(problem.reason)}") for problem in shown]
        if len(problems) > len(shown):
            lines.append(self.tr("and %n more", "", len(problems) - len(shown)))
        self.label.setText(
            self.tr("%n address(es) could not be fetched:", "", len(problems))
            + "<br>"
            + "<br>".join(lines)
        )
        self.setToolTip("\n".join(f"{p.url}: {reason_phrase(p.reason)}" for p in problems))
        self.retry.show()
        self.show()
        announce(self, self.tr("%n address(es) could not be fetched:", "", len(problems)))
