"""The window's actions, menus and toolbar: every command with its shortcut, in one
place. Shortcuts are on the window itself, so they work with the menu bar hidden."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

# The texts are the window's (context MainWindow), as lupdate reads them here.
translate = QCoreApplication.translate


def build_actions(window: QMainWindow) -> SimpleNamespace:
    """Create the actions on ``window`` (whose slots they call) and lay out its menus."""

    def action(text, slot, shortcut=None, checkable=False) -> QAction:
        made = QAction(text, window, checkable=checkable)
        if shortcut is not None:
            shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
            made.setShortcuts([QKeySequence(key) for key in shortcuts])
        made.triggered.connect(slot)
        window.addAction(made)
        return made

    w, key = window, QKeySequence.StandardKey
    a = SimpleNamespace(
        refresh=action(translate("MainWindow", "&Refresh"), w.refresh, key.Refresh),
        offline=action(translate("MainWindow", "&Offline mode"), w.set_offline, checkable=True),
        import_opml=action(
            translate("MainWindow", "&Import channels (OPML)…"), w.outputs.import_opml
        ),
        export_opml=action(
            translate("MainWindow", "E&xport channels (OPML)…"), w.outputs.export_opml
        ),
        copy_feeds=action(
            translate("MainWindow", "Copy &feeds link (OPML)"), w.outputs.copy_feeds_link
        ),
        settings=action(translate("MainWindow", "&Settings…"), w.open_settings, "Ctrl+,"),
        quit=action(translate("MainWindow", "&Quit"), w.close, key.Quit),
        next=action(translate("MainWindow", "&Next article"), lambda: w.step(1), "J"),
        previous=action(translate("MainWindow", "&Previous article"), lambda: w.step(-1), "K"),
        read=action(translate("MainWindow", "Mark read/&unread"), w.toggle_read, "M"),
        all_read=action(translate("MainWindow", "Mark &all read"), w.mark_all_read, "Ctrl+Shift+M"),
        star=action(translate("MainWindow", "&Star"), w.toggle_star, "S", checkable=True),
        browser=action(translate("MainWindow", "Open in &browser"), w.open_in_browser, "O"),
        copy=action(translate("MainWindow", "&Copy link"), w.copy_link, "Ctrl+Shift+C"),
        export=action(translate("MainWindow", "&Export…"), w.export_selected, "Ctrl+E"),
        print=action(translate("MainWindow", "P&rint…"), w.print_article, key.Print),
        changes=action(translate("MainWindow", "What c&hanged (查看修改)"), w.show_changes, "H"),
        zoom_in=action(
            translate("MainWindow", "Zoom &in"), lambda: w.zoom(1), ["Ctrl+=", "Ctrl++"]
        ),
        zoom_out=action(translate("MainWindow", "Zoom &out"), lambda: w.zoom(-1), "Ctrl+-"),
        zoom_reset=action(translate("MainWindow", "&Reset zoom"), lambda: w.zoom(None), "Ctrl+0"),
        care=action(
            translate("MainWindow", "&Care mode (关怀模式)"), w.set_care_mode, checkable=True
        ),
        find=action(translate("MainWindow", "&Find in article"), w.reader.find_bar.open, key.Find),
        search=action(translate("MainWindow", "&Search"), w.focus_search, "Ctrl+K"),
        follow=action(
            translate("MainWindow", "&Follow this search (关注)…"), w.follow_search, "Ctrl+D"
        ),
        edit_follow=action(translate("MainWindow", "&Edit follow…"), lambda: w.edit_follow()),
        remove_follow=action(translate("MainWindow", "&Remove follow"), lambda: w.remove_follow()),
        next_pane=action(
            translate("MainWindow", "Ne&xt pane"), lambda: w.move_between_panes(1), "F6"
        ),
        previous_pane=action(
            translate("MainWindow", "Previous pa&ne"), lambda: w.move_between_panes(-1), "Shift+F6"
        ),
        shortcuts=action(translate("MainWindow", "&Keyboard shortcuts"), w.show_shortcuts, "F1"),
        about=action(translate("MainWindow", "&About gansureader"), w.about),
        read_aloud=action(translate("MainWindow", "&Read aloud / pause"), w.read_aloud, "R"),
        read_unread=action(
            translate("MainWindow", "Read &unread articles aloud"), w.read_unread_aloud, "Shift+R"
        ),
        read_next=action(translate("MainWindow", "&Next unread article"), w.read_next_unread, "N"),
        stop_reading=action(translate("MainWindow", "&Stop reading"), w.stop_reading, "Shift+S"),
        faster=action(translate("MainWindow", "&Faster"), lambda: w.reading_speed(1), "Ctrl+]"),
        slower=action(translate("MainWindow", "S&lower"), lambda: w.reading_speed(-1), "Ctrl+["),
    )
    a.copy_feeds.setEnabled(False)  # while no feed server runs (WindowSettings)
    _lay_out(window, a)
    return a


def _lay_out(window: QMainWindow, a: SimpleNamespace) -> None:
    """The menus (in this order, separators as None) and the toolbar."""
    for title, items in (
        (
            translate("MainWindow", "&File"),
            [a.refresh, a.offline, None, a.import_opml, a.export_opml, a.copy_feeds, None]
            + [a.settings, None, a.quit],
        ),
        (
            translate("MainWindow", "&Article"),
            [a.next, a.previous, None, a.read, a.all_read, a.star, None]
            + [a.changes, None, a.browser, a.copy, None, a.export, a.print],
        ),
        (
            translate("MainWindow", "&View"),
            [a.zoom_in, a.zoom_out, a.zoom_reset, a.care, None, a.find, a.search]
            + [None, a.next_pane, a.previous_pane],
        ),
        (
            translate("MainWindow", "F&ollows"),
            [a.follow, a.edit_follow, a.remove_follow],
        ),
        (
            translate("MainWindow", "&Listen"),
            [a.read_aloud, a.read_unread, a.read_next, a.stop_reading, None, a.faster, a.slower],
        ),
        (translate("MainWindow", "&Help"), [a.shortcuts, None, a.about]),
    ):
        menu = window.menuBar().addMenu(title)
        for item in items:
            menu.addSeparator() if item is None else menu.addAction(item)
    toolbar = window.addToolBar(translate("MainWindow", "Main"))
    toolbar.setObjectName("main-toolbar")
    for item in (a.refresh, a.offline, a.star, a.browser):
        toolbar.addAction(item)
