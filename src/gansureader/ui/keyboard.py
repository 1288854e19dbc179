"""The window with the keyboard alone: F6 / Shift+F6 between the panes, the context
menu key on a row; 帮助 → 快捷键, the list of every shortcut, is in shortcuts.py."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QWidget,
)


def next_pane(panes: list[QWidget], focused: QWidget | None, step: int) -> QWidget | None:
    """The pane after (step 1) or before (step -1) the one holding ``focused``, skipping
    those hidden or empty of anything to reach; the first one if none holds it."""
    shown = [pane for pane in panes if pane.isVisible() and pane.isEnabled()]
    if not shown:
        return None
    holding = next(
        (n for n, pane in enumerate(shown) if focused is pane or pane.isAncestorOf(focused)),
        None,
    )
    if holding is None:
        return shown[0] if step > 0 else shown[-1]
    return shown[(holding + step) % len(shown)]


def focus_pane(pane: QWidget) -> None:
    """Focus ``pane``; a list with no current row gets its first, so the arrows and Enter
    act on something the reader can hear."""
    pane.setFocus(Qt.FocusReason.TabFocusReason)
    if isinstance(pane, QAbstractItemView) and pane.model() is not None:
        if not pane.currentIndex().isValid() and pane.model().rowCount() > 0:
            first = pane.model().index(0, 0)
            pane.selectionModel().setCurrentIndex(
                first, pane.selectionModel().SelectionFlag.NoUpdate
            )


def menu_position(view: QAbstractItemView, position: QPoint) -> QPoint | None:
    """Where a row's context menu opens: at the mouse, or — from the menu key, which
    names no row — at the current row; None when there is no row to act on."""
    if view.indexAt(position).isValid():
        return position
    current = view.currentIndex()
    if not current.isValid():
        return None
    return view.visualRect(current).center()


def is_menu_key(event: QKeyEvent) -> bool:
    """The context menu key, or Shift+F10 (its stand-in on keyboards without one)."""
    if event.key() == Qt.Key.Key_Menu:
        return True
    return event.key() == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier


def open_menu_from_keys(view: QAbstractItemView, event: QKeyEvent) -> bool:
    """A view's context menu at its current row from the keyboard; True if it was asked.

    Qt turns the menu key into a context menu event only on some platforms, and never
    Shift+F10; a view with a custom menu then hears a key it does nothing with."""
    if not is_menu_key(event) or not view.currentIndex().isValid():
        return False
    view.customContextMenuRequested.emit(view.visualRect(view.currentIndex()).center())
    return True
