"""关注 in the window: Ctrl+D on a search makes a follow, listed in the sidebar with its
unread count; its articles listed with the match marked, in the list and the article;
mute hides them from 全部; a sync's new matches are told; a bad query is said."""

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from conftest import open_window, synced
from gansureader.demo import MirrorServer, demo_channels, demo_site
from gansureader.model import Follow
from gansureader.net import Fetcher
from gansureader.store import Store
from gansureader.sync import SyncEngine
from gansureader.ui.follow_dialog import FollowDialog
from gansureader.ui.sidebar import ALL, FOLLOW, MUTED


@pytest.fixture
def window(qtbot, cache, tmp_path):
    window = open_window(qtbot, cache, tmp_path)
    yield window
    window.close()
    window.store.close()


def in_dialog(act):
    """Run ``act(dialog)`` on the follow dialog once it is open."""

    def find():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, FollowDialog):
            act(dialog)
        else:
            QTimer.singleShot(20, find)

    QTimer.singleShot(20, find)


def follows_listed(window) -> dict[str, str]:
    sidebar = window.sidebar
    return {name: item.text(1) for name, item in sidebar._follow_items.items()}


def listed_urls(window) -> list[str]:
    return [window.model.summary(row).url for row in range(window.model.rowCount())]


def follow_now(qtbot, window, query, **fields):
    """Search for ``query``, press Ctrl+D and accept the dialog."""
    window.search_box.setText(query)

    def accept(dialog):
        dialog.mute.setChecked(fields.get("mute", False))
        dialog.accept()

    in_dialog(accept)
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: query in follows_listed(window), timeout=10_000)


def test_ctrl_d_follows_the_search_and_lists_its_articles_marked(window, qtbot):
    follow_now(qtbot, window, "兰州")
    with Store(window.store.folder) as store:
        expected = [row.url for row in store.follow_articles("兰州")]
    window.search_box.clear()
    qtbot.waitUntil(lambda: window.current_view() == (FOLLOW, "兰州"))
    qtbot.waitUntil(lambda: listed_urls(window) == expected, timeout=5000)
    qtbot.waitUntil(lambda: follows_listed(window)["兰州"] == str(len(expected)))
    assert "<mark>兰州</mark>" in window.model.summary(0).snippet
    window.select_row(0)
    marked = window.reader.browser.matches_marked()
    assert marked and set(marked) == {"兰州"}


def test_the_dialog_says_what_is_wrong_and_waits(window, qtbot):
    dialog = FollowDialog(Follow("", '"兰州'), demo_channels(), {"兰州"}, new=True)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and "not closed" in dialog.problem.text()
    dialog.query.setText("兰州")
    assert not ok.isEnabled() and "exists already" in dialog.problem.text()
    dialog.name.setText("兰州市")
    assert ok.isEnabled() and dialog.problem.text() == ""
    dialog.channels.item(0).setCheckState(Qt.CheckState.Checked)
    assert dialog.follow().channels == (demo_channels()[0].url,)


def test_mute_hides_the_matches_from_all_and_shows_them_apart(window, qtbot):
    follow_now(qtbot, window, "兰州", mute=True)
    with Store(window.store.folder) as store:
        hidden = {row.url for row in store.follow_articles("兰州")}
    window.search_box.clear()
    window.sidebar.choose(ALL)
    qtbot.waitUntil(lambda: window.model.rowCount() > 0)
    assert not hidden & set(listed_urls(window))
    muted = window.sidebar._muted
    qtbot.waitUntil(lambda: not muted.isHidden())
    assert str(len(hidden)) in muted.text(0)
    window.sidebar.choose(MUTED)
    qtbot.waitUntil(lambda: set(listed_urls(window)) == hidden, timeout=5000)


def test_a_sync_with_new_matches_says_so(qtbot, tmp_path):
    folder = tmp_path / "cache"
    with MirrorServer(demo_site()) as server:
        with Store(folder) as store:
            SyncEngine(store, Fetcher(server.url), panel_articles=0).run(demo_channels(), pages=1)
            before = store.add_follow(Follow("兰州", "兰州")).unread
        window = open_window(qtbot, folder, tmp_path, mirror=server.url)
        try:
            told = []
            window.statusBar().messageChanged.connect(told.append)
            summary = synced(qtbot, window)
            assert summary.follows["兰州"] > 0
            assert any(f"兰州: {summary.follows['兰州']} new article" in t for t in told)
            qtbot.waitUntil(
                lambda: follows_listed(window)["兰州"] == str(before + summary.follows["兰州"])
            )
        finally:
            window.close()
            window.store.close()


def test_a_search_it_cannot_understand_is_said_and_the_list_stays(window, qtbot):
    shown = listed_urls(window)
    told = []
    window.statusBar().messageChanged.connect(told.append)
    window.search_box.setText("兰州 |")
    qtbot.waitUntil(lambda: any("needs a word on each side" in t for t in told), timeout=5000)
    assert listed_urls(window) == shown


def test_what_is_wrong_is_said_in_the_readers_language(qtbot):
    from PySide6.QtCore import QLocale

    from gansureader.ui.app import install_translations

    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    translators = install_translations(QApplication.instance())
    try:
        dialog = FollowDialog(Follow("", "-兰州"), demo_channels(), set(), new=True)
        qtbot.addWidget(dialog)
        assert dialog.problem.text() == "只写了要排除的词：请加上要找的词，例如 兰州 -天气"
        assert dialog.windowTitle() == "关注此搜索"
    finally:
        for translator in translators:
            QApplication.instance().removeTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
