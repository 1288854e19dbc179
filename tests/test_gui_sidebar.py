"""The channel sidebar with unread counts, and what the window sends out: exports,
print, OPML and the local feed server."""

import socket

import pytest
import requests
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from conftest import open_window
from gansureader.demo import demo_channels
from gansureader.store import Store
from gansureader.ui.app import open_for_window
from gansureader.ui.main_window import MainWindow
from gansureader.ui.refresh import Refresher
from gansureader.ui.settings import Settings
from gansureader.ui.sidebar import STARRED

PHOTO_STORY = "http://gansu.gscn.com.cn/system/2024/05/18/013200002.shtml"


def _counts(window) -> dict[str, str]:
    sidebar = window.sidebar
    counts = {}
    for top in range(sidebar.topLevelItemCount()):
        item = sidebar.topLevelItem(top)
        counts[item.text(0)] = item.text(1)
        for child in range(item.childCount()):
            counts[item.child(child).text(0)] = item.child(child).text(1)
    return counts


def _channel_rows(window) -> list[tuple[str, str]]:
    """The channels the sidebar lists: (group heading, channel name)."""
    sidebar = window.sidebar
    groups = (sidebar.topLevelItem(n) for n in range(sidebar.topLevelItemCount()))
    return [
        (group.text(0), group.child(n).text(0))
        for group in groups
        for n in range(group.childCount())
    ]


def _settled(qtbot, window) -> dict[str, str]:
    """The counts once those asked for after the last change are read (off the window's
    thread) and shown."""
    qtbot.waitUntil(lambda: not window.count_timer.isActive(), timeout=2000)
    window.reads.pool.waitForDone(5000)
    QGuiApplication.processEvents()  # the answer, delivered to the window's thread
    return _counts(window)


def test_the_sidebar_lists_the_demo_channels_with_unread_counts(
    qtbot, cache, tmp_path, inline_tasks
):
    window = open_window(qtbot, cache, tmp_path)
    counts = _settled(qtbot, window)
    assert counts["All"] == "50" and counts["Unread"] == "50" and counts["Starred"] == ""
    channels = demo_channels()
    assert all(counts[c.name] == "10" for c in channels)
    assert sorted(_channel_rows(window)) == sorted((c.group, c.name) for c in channels)
    food = window.store.find_channel("陇上味道")
    window.sidebar.choose("channel", food)
    window.select_row(0)  # reading one: its channel, 全部 and 未读 count one less
    qtbot.waitUntil(lambda: _counts(window)["陇上味道"] == "9", timeout=2000)
    assert _counts(window)["All"] == "49" and _counts(window)["Unread"] == "49"
    window.toggle_star()  # written as it is asked (inline_tasks)
    assert _settled(qtbot, window)["Starred"] == ""  # starred, but read
    window.mark_channel_read(food)
    counts = _settled(qtbot, window)
    assert counts["陇上味道"] == "" and counts["All"] == "40"
    assert not any(window.model.summary(n).read is False for n in range(window.model.rowCount()))
    window.sidebar.choose(STARRED)
    assert window.model.rowCount() == 1
    window.close()
    window.store.close()


def test_an_added_channel_can_be_removed_and_its_articles_stay(qtbot, cache, tmp_path, monkeypatch):
    with Store(cache) as writer:
        added = writer.add_channel("http://gansu.gscn.com.cn/zcjd/", "政策解读")
    store, _ = open_for_window(cache)
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(store, settings, Refresher(cache))  # every channel of the store
    qtbot.addWidget(window)
    mine = (added.group, added.name)  # the site's own 政策解读 is another channel
    assert mine in _channel_rows(window) and len(_channel_rows(window)) > 40
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(window.refresher.written):
        window.remove_channel(added)
    assert mine not in _channel_rows(window)
    assert store.find_channel(added.url) is None and window.store.count_articles() == 50
    window.close()
    store.close()


def test_a_channel_added_by_another_gansureader_shows_in_the_open_window(qtbot, cache, tmp_path):
    store, _ = open_for_window(cache)
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(store, settings, Refresher(cache))  # every channel of the store
    qtbot.addWidget(window)
    try:
        with Store(cache) as elsewhere:  # `gansureader channels --add` in a terminal
            elsewhere.add_channel("http://gansu.gscn.com.cn/zcjd/", "我的政策解读")
        qtbot.waitUntil(lambda: ("自定义", "我的政策解读") in _channel_rows(window), timeout=10_000)
    finally:
        window.close()
        store.close()


def test_selected_articles_export_into_a_folder_and_print(qtbot, cache, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    from gansureader.ui.exporting import export_to

    window = open_window(qtbot, cache, tmp_path)
    window.select_row(0)
    selection = window.list.selectionModel()
    selection.select(window.model.index(1), selection.SelectionFlag.Select)
    articles = window.selected_articles()
    assert len(articles) == 2
    written = export_to(window.store, articles, "pdf", tmp_path / "out")
    assert len(written) == 2 and all(path.read_bytes().startswith(b"%PDF") for path in written)
    window.follow_link(PHOTO_STORY)
    shown = []
    monkeypatch.setattr(QPrintPreviewDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    window.actions.print.trigger()  # Ctrl+P
    assert window.actions.print.shortcut().toString() == "Ctrl+P"
    assert len(shown) == 1 and "河西走廊千里风电带再添新机组" in shown[0].windowTitle()
    window.close()
    window.store.close()


def test_an_export_of_many_articles_shows_progress_and_can_be_cancelled(
    qtbot, cache, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QProgressDialog

    window = open_window(qtbot, cache, tmp_path)
    try:
        window.list.selectAll()
        articles = window.selected_articles()
        assert len(articles) >= 10
        out = tmp_path / "out"
        out.mkdir()
        monkeypatch.setattr(QInputDialog, "getItem", lambda *a: ("Markdown (*.md)", True))
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: str(out))
        seen = []

        def cancel_at_three(dialog, value):
            seen.append((dialog.labelText(), dialog.windowModality()))
            if value == 3:
                dialog.cancel()

        monkeypatch.setattr(QProgressDialog, "setValue", cancel_at_three)
        window.actions.export.trigger()
        files = sorted(out.glob("*.md"))  # pictures go into a folder beside each
        assert len(files) == 3 and all(f.read_text().startswith("# ") for f in files)
        assert seen[0] == (f"Exporting {len(articles)} articles…", Qt.WindowModality.WindowModal)
        assert "Export stopped: 3 article(s) written to " in window.statusBar().currentMessage()
    finally:
        window.close()
        window.store.close()


def test_an_export_whose_dialog_is_cancelled_writes_and_says_nothing(
    qtbot, cache, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    window = open_window(qtbot, cache, tmp_path)
    try:
        window.list.selectAll()  # several: the folder dialog, cancelled
        monkeypatch.setattr(QInputDialog, "getItem", lambda *a: ("Markdown (*.md)", True))
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: "")
        window.actions.export.trigger()
        window.select_row(0)  # one: the file dialog, cancelled
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
        window.actions.export.trigger()
        assert not window.statusBar().currentMessage().startswith("Export")
        assert not window.banner.isVisible()
    finally:
        window.close()
        window.store.close()


def test_the_window_serves_feeds_when_asked_and_copies_the_link(qtbot, cache, tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    window = open_window(qtbot, cache, tmp_path)
    assert window.outputs.feeds is None and not window.actions.copy_feeds.isEnabled()
    window.settings.serve_feeds, window.settings.feeds_port = True, port
    window.apply_settings()
    opml = requests.get(f"http://127.0.0.1:{port}/opml", timeout=10)
    assert opml.status_code == 200 and "陇上味道" in opml.text
    window.actions.copy_feeds.trigger()
    assert QGuiApplication.clipboard().text() == f"http://127.0.0.1:{port}/opml"
    window.close()  # the server stops with the window
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=5)
    window.store.close()


def test_a_window_started_with_feeds_on_serves_them_once_it_is_up(qtbot, cache, tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    saved = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    saved.serve_feeds, saved.feeds_port = True, port
    saved.q.sync()
    window = open_window(qtbot, cache, tmp_path)
    assert window.outputs.feeds is None  # the window and its article first
    qtbot.waitUntil(lambda: window.outputs.feeds is not None, timeout=10_000)
    assert requests.get(f"http://127.0.0.1:{port}/opml", timeout=10).status_code == 200
    assert window.actions.copy_feeds.isEnabled()
    window.close()
    window.store.close()


def test_the_export_dialog_takes_the_format_from_the_name_typed(
    qtbot, cache, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    window = open_window(qtbot, cache, tmp_path)
    window.follow_link(PHOTO_STORY)
    for typed, chosen, written in (
        ("story.pdf", "HTML (*.html)", "story.pdf"),  # the name's ending wins
        ("story", "Markdown (*.md)", "story.md"),  # no ending: the filter's
    ):
        answer = (str(tmp_path / typed), chosen)
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, answer=answer: answer)
        window.list.clearSelection()
        window.actions.export.trigger()
        assert (tmp_path / written).exists()
    assert (tmp_path / "story.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "story.md").read_text(encoding="utf-8").startswith("# 河西走廊")
    window.close()
    window.store.close()


def test_folded_groups_stay_folded_after_a_restart(qtbot, cache, tmp_path):
    first = open_window(qtbot, cache, tmp_path)
    (food,) = first.sidebar.findItems("美食", Qt.MatchFlag.MatchExactly)
    food.setExpanded(False)
    first.close()
    first.store.close()
    second = open_window(qtbot, cache, tmp_path)
    assert second.sidebar.collapsed() == {"美食"}
    second.close()
    second.store.close()
