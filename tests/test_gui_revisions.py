"""Articles that change, in the window: after the site edits one article and takes
another down, the list marks them 已更新 / 原文已删除, the article says when it was
updated, 查看修改 shows exactly what changed in place, the earlier version opens, and
the sidebar's 已更新 / 已删除 lists both. A refresh of the window re-checks by itself."""

import pytest

from conftest import DEMO_CHANNELS, EDITED, GONE, edit, open_window, synced
from gansureader.cli import main
from gansureader.demo import MirrorServer
from gansureader.store import revisions
from gansureader.ui.phrases import article_phrase
from gansureader.ui.sidebar import CHANGED

ADDED_PARAGRAPH = "海关数据显示，出口增速高于全国平均水平。"


@pytest.fixture
def server(site):
    with MirrorServer(site) as server:
        yield server


@pytest.fixture
def window(qtbot, server, tmp_path):
    window = open_window(qtbot, tmp_path / "cache", tmp_path, mirror=server.url)
    synced(qtbot, window)
    yield window
    window.close()
    window.store.close()


def recheck_from_the_command_line(window, server) -> None:
    channels = [arg for name in DEMO_CHANNELS for arg in ("--channel", name)]
    argv = ["sync", "--mirror", server.url, "--data-dir", str(window.store.folder), *channels]
    assert main([*argv, "--recheck", "10000"]) == 0


def marked(browser) -> tuple[list[str], list[str]]:
    """The texts shown struck through (removed) and underlined (added), in order."""
    struck, underlined = [], []
    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            text_format = fragment.charFormat()
            if text_format.fontStrikeOut():
                struck.append(fragment.text())
            elif text_format.fontUnderline() and not text_format.isAnchor():
                underlined.append(fragment.text())
            it += 1
        block = block.next()
    return struck, underlined


def text(window) -> str:
    return window.reader.browser.toPlainText()


def test_the_window_shows_what_changed_and_what_is_gone(window, qtbot, server, site):
    before = window.store.article(EDITED)
    edit(site)
    recheck_from_the_command_line(window, server)
    recheck_from_the_command_line(window, server)
    window.reload()
    changed_entry = window.sidebar._fixed[CHANGED]
    qtbot.waitUntil(lambda: not changed_entry.isHidden())
    window.sidebar.choose(CHANGED)
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    rows = {window.model.summary(n).url: window.model.summary(n) for n in range(2)}
    assert set(rows) == {EDITED, GONE}
    delegate = window.list.itemDelegate()
    assert delegate.change_mark(rows[EDITED]).startswith("Updated ")
    assert delegate.change_mark(rows[GONE]) == "Removed from the site"
    assert "updated" in article_phrase(rows[EDITED])

    window.show_article(EDITED)
    assert "本文于" in text(window) and "更新 · 查看修改" in text(window)
    assert "甘肃前四月外贸进出口增长12.8%" in text(window)
    window.follow_link(f"{EDITED}#gr-changes-2")
    shown = text(window)
    assert "与第 1 版" in shown and "改了标题，修改 2 段，新增 1 段" in shown
    assert f"【新增】{ADDED_PARAGRAPH}" in shown
    assert "未改动的 2 段" in shown  # between the changes: they stay on the screen
    # Listed as words too: a screen reader cannot hear a strike-through.
    assert shown.count("外贸进出口增长12.6% → 外贸进出口增长12.8%") == 1  # title and lead
    assert "兰州累计投入资金30亿元 → 兰州累计投入资金32亿元" in shown
    struck, underlined = marked(window.reader.browser)
    assert struck == ["6", "6", "0"]  # the title, the lead that repeats it, 30亿元
    assert underlined == ["8", "8", "2"]
    assert window.current_url() == EDITED  # the panels and the actions stay the article's

    window.follow_link(f"{EDITED}#gr-version-1")
    assert "这是本文" in text(window) and "第 1 版，共 2 版" in text(window)
    assert before.title in text(window) and ADDED_PARAGRAPH not in text(window)
    window.follow_link(f"{EDITED}#gr-version-2")
    assert ADDED_PARAGRAPH in text(window) and "本文于" in text(window)
    window.actions.changes.trigger()  # 文章 → 查看修改, H
    assert f"【新增】{ADDED_PARAGRAPH}" in text(window)

    window.show_article(GONE)
    assert "原文已删除" in text(window)
    assert window.store.article(GONE) is not None  # kept, and still readable


def test_a_refresh_of_the_window_rechecks_recent_articles(window, qtbot, site, monkeypatch):
    monkeypatch.setattr(revisions, "RECHECK_HOURS", 0)  # as if hours had passed
    window.settings.recheck_days = 10_000  # the demo's articles are from 2024
    window.apply_settings()
    window.show_article(EDITED)
    edit(site)
    summary = synced(qtbot, window)
    assert summary.rechecks.revised == [EDITED]
    assert "本文于" in text(window) and "12.8%" in text(window)  # the article shown, anew
    assert "1 article(s) changed on the site" in window.statusBar().currentMessage()
    window.settings.recheck_days = 0  # never: nothing is looked at again
    window.apply_settings()
    assert synced(qtbot, window).rechecks.checked == 0


def test_a_link_to_a_version_there_is_not_changes_nothing(window, qtbot):
    url = window.model.summary(0).url
    window.show_article(url)
    shown = text(window)
    for fragment in (
        "gr-changes-2",
        "gr-version-7",
        "gr-changes-1",
        "gr-version-x",
        "gr-version-²",
    ):
        window.follow_link(f"{url}#{fragment}")
        assert text(window) == shown
    window.actions.changes.trigger()
    assert text(window) == shown and "not changed" in window.statusBar().currentMessage()
    assert not window.refresher.running  # not taken for another article to fetch
