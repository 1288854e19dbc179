"""Ctrl+F in the article: a bar under it that finds, wrapping around once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTextBrowser, QToolButton, QWidget


class FindBar(QWidget):
    """Ctrl+F: find in the article; Enter finds the next match, Shift+Enter the one before."""

    def __init__(self, browser: QTextBrowser, parent=None):
        super().__init__(parent)
        self.browser = browser
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Find in article"))
        self.field.textChanged.connect(lambda: self.find(restart=True))
        self.field.returnPressed.connect(self.find)
        self.status = QLabel(self)
        before = QToolButton(self, text="↑", toolTip=self.tr("Previous match"))
        after = QToolButton(self, text="↓", toolTip=self.tr("Next match"))
        close = QToolButton(self, text="✕", toolTip=self.tr("Close"))
        before.clicked.connect(lambda: self.find(backward=True))
        after.clicked.connect(self.find)
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for widget in (self.field, self.status, before, after, close):
            layout.addWidget(widget)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.hide)
        QShortcut(QKeySequence("Shift+Return"), self.field, lambda: self.find(backward=True))

    def open(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def find(self, backward: bool = False, restart: bool = False) -> bool:
        text = self.field.text()
        if restart:
            cursor = self.browser.textCursor()
            cursor.movePosition(cursor.MoveOperation.Start)
            self.browser.setTextCursor(cursor)
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        found = bool(text) and self.browser.find(text, flags)
        if text and not found:  # wrap around once
            cursor = self.browser.textCursor()
            cursor.movePosition(
                cursor.MoveOperation.End if backward else cursor.MoveOperation.Start
            )
            self.browser.setTextCursor(cursor)
            found = self.browser.find(text, flags)
        self.status.setText("" if found or not text else self.tr("Not found"))
        return found
