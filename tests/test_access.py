"""Every reader: what a screen reader hears (through Qt's own accessibility layer, as
Orca or NVDA would ask it) and the window with the keyboard alone."""

import pytest

from conftest import open_window, synced

QtCore = pytest.importorskip("PySide6.QtCore")
from PySide6.QtCore import QLocale, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QAccessible  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from gansureader.ui.reader import URL_ROLE  # noqa: E402
from gansureader.ui.sidebar import RANKING  # noqa: E402

FIRST = "http://gansu.gscn.com.cn/system/2024/05/20/013200001.shtml"
NAME, DESCRIPTION = QAccessible.Text.Name, QAccessible.Text.Description
LABEL = QAccessible.RelationFlag.Label  # the label of the widget asked about


@pytest.fixture
def window(qtbot, cache, tmp_path):
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    window = open_window(qtbot, cache, tmp_path)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    yield window
    window.close()
    window.store.close()


def heard(widget) -> QAccessible:
    return QAccessible.queryAccessibleInterface(widget)


def rows(widget) -> list[str]:
    """The names of a view's rows, as a screen reader is given them (headers left out)."""
    view = heard(widget)
    cells = (view.child(n) for n in range(view.childCount()))
    wanted = (QAccessible.Role.ListItem, QAccessible.Role.TreeItem)
    return [cell.text(NAME) for cell in cells if cell.role() in wanted]


def test_every_focusable_widget_has_an_accessible_name(window, qtbot):
    with qtbot.waitSignal(window.article_shown):
        window.select_row(0)
    focusable = [
        widget
        for widget in window.findChildren(QWidget)
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget.isVisibleTo(window)
    ]
    assert len(focusable) >= 6  # sidebar, search, list, article, 精彩推荐, 新闻排行
    unnamed = [type(widget).__name__ for widget in focusable if not heard(widget).text(NAME)]
    assert unnamed == []
    assert heard(window.reader.recommendations.items).text(NAME) == "精彩推荐"
    assert heard(window.list).text(DESCRIPTION)  # and what it is for


def test_every_box_of_choices_is_labelled_for_a_screen_reader(window, qtbot, tmp_path):
    """On Linux Qt names a combo box by its current value ("1×"), never by its
    accessible name: Orca says what it is for only from a label that is its buddy."""
    from PySide6.QtWidgets import QComboBox

    from gansureader.ui.settings_dialog import SettingsDialog

    window.speech_bar.show_state("speaking")
    dialog = SettingsDialog(window.settings, tmp_path, lambda limit: None, window)
    boxes = window.findChildren(QComboBox) + dialog.findChildren(QComboBox)
    assert len(boxes) >= 2  # the reading speed, the settings' choices
    labels = {
        box.objectName() or heard(box).text(NAME): [
            heard_label.text(NAME) for heard_label, _ in heard(box).relations(LABEL)
        ]
        for box in boxes
    }
    assert all(labels.values()), labels
    assert labels["1×"] == ["Speed"]
    dialog.close()


def test_an_article_row_is_heard_as_one_phrase(window, qtbot):
    window.set_flag(FIRST, "starred", True)
    row = window.model.row_of(FIRST)
    summary = window.model.summary(row)
    phrase = rows(window.list)[row]
    assert phrase.startswith("unread, starred, " + summary.title)
    assert "May 20, 08:00" in phrase and summary.channel in phrase
    with qtbot.waitSignal(window.article_shown):
        window.select_row(row)  # read now
    assert rows(window.list)[row].startswith("read, starred, ")


def test_a_sidebar_row_is_heard_with_its_unread_count(window, qtbot):
    qtbot.waitUntil(lambda: "All, 50 unread" in rows(window.sidebar), timeout=5000)
    assert "陇上味道, 10 unread" in rows(window.sidebar)
    assert "Starred, nothing unread" in rows(window.sidebar)


def test_ranking_rows_are_heard_with_rank_and_movement_in_words(window, qtbot):
    with qtbot.waitSignal(window.article_shown):
        window.select_row(window.model.row_of(FIRST))
    panel = rows(window.reader.ranking.items)
    assert len(panel) == 10 and panel[0].startswith("rank 1, ")
    assert all(
        any(word in line for word in ("up ", "down ", "unchanged", "new in the ranking"))
        for line in panel
    )
    window.sidebar.choose(RANKING)
    qtbot.waitUntil(lambda: window.ranking_list.count() > 10, timeout=5000)
    view = heard(window.ranking_list)
    ranked = [view.child(n) for n in range(view.childCount())]
    ranked = [cell for cell in ranked if cell.text(NAME).startswith("rank ")]
    assert ranked and "best this week: rank" in ranked[0].text(DESCRIPTION)


def test_f6_walks_the_panes_and_the_keys_open_an_article_and_a_panel_item(window, qtbot):
    window.sidebar.setFocus()
    expected = [
        window.list,
        window.reader.browser,
        window.reader.recommendations.items,
        window.reader.ranking.items,
        window.sidebar,
    ]
    with qtbot.waitSignal(window.article_shown):
        window.select_row(window.model.row_of(FIRST))
    window.sidebar.setFocus()
    for pane in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        assert QApplication.focusWidget() is pane
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.reader.ranking.items
    # 精彩推荐: F6 back to it, Down to the second item, Enter opens its article.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    panel = window.reader.recommendations.items
    qtbot.keyClick(panel, Qt.Key.Key_Down)
    wanted = panel.currentItem().data(URL_ROLE)
    with qtbot.waitSignal(window.article_shown) as shown:
        qtbot.keyClick(panel, Qt.Key.Key_Return)
    assert shown.args == [wanted]
    # The list: F6 to it, Down opens the next article.
    window.list.setFocus()
    before = window.current_url()
    with qtbot.waitSignal(window.article_shown):
        qtbot.keyClick(window.list, Qt.Key.Key_Down)
    assert window.current_url() != before


def test_tab_walks_the_links_in_the_article_and_enter_follows_one(window, qtbot):
    with qtbot.waitSignal(window.article_shown):
        window.follow_link(FIRST)
    followed = []
    window.reader.browser.link_activated.connect(followed.append)
    window.reader.browser.setFocus()
    qtbot.keyClick(window.reader.browser, Qt.Key.Key_Tab)
    assert window.reader.browser.textCursor().hasSelection()  # on the first link
    qtbot.keyClick(window.reader.browser, Qt.Key.Key_Return)
    assert len(followed) == 1 and followed[0].startswith("http")


def test_the_menu_key_opens_the_list_menu_on_the_current_row(window, qtbot):
    shown = []

    def press(widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        """The key, then — once the menu is up — what it offers, and close it."""

        def close_menu() -> None:
            popup = QApplication.activePopupWidget()
            shown.append(popup.actions() if popup is not None else None)
            if popup is not None:
                popup.close()

        QTimer.singleShot(50, close_menu)
        qtbot.keyClick(widget, key, modifier)
        qtbot.waitUntil(lambda: len(shown) == count + 1, timeout=2000)

    window.select_row(3)
    window.list.setFocus()
    count = 0
    press(window.list, Qt.Key.Key_Menu)
    assert shown[0] is not None and window.actions.star in shown[0]
    count = 1
    press(window.list, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    assert shown[1] is not None
    window.sidebar.setFocus()
    count = 2
    press(window.sidebar, Qt.Key.Key_Menu)  # 全部: mark all read
    assert shown[2] is not None and len(shown[2]) == 1


def assert_mnemonics_unique(window) -> None:
    for menu_action in window.menuBar().actions():
        assert "&" in menu_action.text(), menu_action.text()
        actions = [a for a in menu_action.menu().actions() if not a.isSeparator()]
        letters = []
        for action in actions:
            text = action.text()
            assert "&" in text, text
            letters.append(text[text.index("&") + 1].lower())
        assert len(letters) == len(set(letters)), [a.text() for a in actions]


def test_every_menu_and_its_actions_have_mnemonics_of_their_own(window):
    assert_mnemonics_unique(window)


def test_in_chinese_rows_are_heard_in_chinese_and_mnemonics_stay_unique(qtbot, cache, tmp_path):
    from gansureader.ui.app import install_translations

    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    translators = install_translations(QApplication.instance())
    try:
        window = open_window(qtbot, cache, tmp_path)
        assert_mnemonics_unique(window)
        phrase = rows(window.list)[window.model.row_of(FIRST)]
        assert phrase.startswith("未读，") and "，5月20日 08:00，" in phrase
        qtbot.waitUntil(lambda: "全部，50 篇未读" in rows(window.sidebar), timeout=5000)
        window.close()
        window.store.close()
    finally:
        for translator in translators:
            QApplication.instance().removeTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_the_shortcuts_list_names_every_shortcut(window, qtbot, monkeypatch):
    from gansureader.ui.shortcuts import ShortcutsDialog

    listed = []
    monkeypatch.setattr(ShortcutsDialog, "exec", lambda dialog: listed.append(dialog.table))
    qtbot.keyClick(window, Qt.Key.Key_F1)
    (table,) = listed
    keys = {table.item(row, 1).text() for row in range(table.rowCount())}
    names = {table.item(row, 0).text() for row in range(table.rowCount())}
    assert {"F6", "Shift+F6", "J", "K", "M", "S", "Ctrl+K"} <= keys
    assert "Next pane" in names and not any("&" in name for name in names)


def test_a_refresh_result_and_a_banner_are_announced(
    qtbot, cache, tmp_path, demo_server, monkeypatch
):
    from gansureader.ui import main_window, states

    said = []
    for module in (main_window, states):
        monkeypatch.setattr(module, "announce", lambda widget, text: said.append(text))
    window = open_window(qtbot, cache, tmp_path, mirror=demo_server.url)
    try:
        synced(qtbot, window)
        assert len(said) == 1 and "new article" in said[0]  # "0 new article(s)"
        window.banner.show_message("The cache is busy; retrying.")
        assert said[-1] == "The cache is busy; retrying."
    finally:
        window.close()
        window.store.close()


def test_about_shows_the_version_and_the_licence(window, qtbot):
    from PySide6.QtWidgets import QMessageBox

    from gansureader import __version__

    seen = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append((box.text(), box.detailedText()))
            box.done(0)

    QTimer.singleShot(100, read_and_close)
    window.actions.about.trigger()
    ((text, details),) = seen
    assert __version__ in text and "MIT" in text
    assert details.startswith("MIT License") and "WITHOUT WARRANTY" in details
