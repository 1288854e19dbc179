"""Articles change: re-checks find an edited article (a new revision, with what changed)
and a page gone (原文已删除 after two checks in a row); a page whose only change is its
panels, a counter or a date stamp makes no revision; nothing is lost."""

import json

import feedparser

from conftest import DEMO_CHANNELS, EDITED, GONE, PANELS_ONLY, edit, page_file
from gansureader.changes import ADDED, CHANGED, SAME, article_changes, text_changes
from gansureader.cli import main
from gansureader.demo import MirrorServer, demo_channels
from gansureader.net import Fetcher
from gansureader.store import Store
from gansureader.sync import SyncEngine


def sync(store: Store, server, days: int | None = 10_000):
    fetcher = Fetcher(server.url)
    try:
        return SyncEngine(store, fetcher).run(
            demo_channels(), recheck_days=days or 0, recheck_now=days is not None
        )
    finally:
        fetcher.close()


def test_an_edited_article_gets_a_revision_and_a_gone_one_is_marked_after_two_checks(
    site, tmp_path
):
    folder = tmp_path / "cache"
    with MirrorServer(site) as server, Store(folder) as store:
        assert sync(store, server, None).ok
        before = store.article(EDITED)
        count = store.count_articles()
        edit(site)
        first = sync(store, server)
        assert first.ok and len(store.revisions(EDITED)) == 2
        assert GONE in first.rechecks.missed and store.removed_at(GONE) is None
        second = sync(store, server)
        assert GONE in second.rechecks.removed and second.ok
        assert store.count_articles() == count  # nothing deleted for it
        removed = store.removed_at(GONE)
        assert removed is not None
        revisions = store.revisions(EDITED)
        assert [r.number for r in revisions] == [1, 2] and revisions[-1].current
        assert store.revision(EDITED, 1).texts() == before.texts()
        now = store.article(EDITED)
        assert now.title == "甘肃前四月外贸进出口增长12.8%"
        changes = text_changes(before.texts(), now.texts())
        kinds = [change.kind for change in changes if change.kind != SAME]
        assert kinds == [CHANGED, CHANGED, ADDED]  # the lead repeats the title
        changed = [change for change in changes if change.kind == CHANGED][-1]
        assert ("removed", "0") in changed.pieces and ("added", "2") in changed.pieces
        assert store.revisions(PANELS_ONLY)[-1].number == 1  # only panels and a footer
        listed = {row.url: row for row in store.articles()}
        assert listed[EDITED].revised_at is not None and listed[GONE].removed_at == removed
        assert {row.url for row in store.changed_articles()} == {EDITED, GONE}


def test_the_ranking_of_a_page_that_did_not_change_is_still_recorded(site, tmp_path):
    with MirrorServer(site) as server, Store(tmp_path / "cache") as store:
        sync(store, server, None)
        edit(site)
        sync(store, server)
        ranking = store.article(PANELS_ONLY).ranking
    assert ranking[0].title.startswith("守护好母亲河")  # today's order, no new revision


def test_show_history_and_the_feed_carry_the_revisions(site, tmp_path, capsys):
    folder = tmp_path / "cache"
    with MirrorServer(site) as server:
        channels = [arg for name in DEMO_CHANNELS for arg in ("--channel", name)]
        argv = ["sync", "--mirror", server.url, "--data-dir", str(folder), *channels]
        assert main(argv) == 0
        edit(site)
        assert main([*argv, "--recheck", "10000"]) == 0
        assert main([*argv, "--recheck", "10000"]) == 0
    capsys.readouterr()
    assert main(["show", EDITED, "--json", "--data-dir", str(folder)]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["revisions"]["count"] == 2 and len(shown["revisions"]["times"]) == 2
    assert shown["removed_at"] is None
    assert main(["show", GONE, "--json", "--data-dir", str(folder)]) == 0
    assert json.loads(capsys.readouterr().out)["removed_at"]
    assert main(["history", EDITED, "--json", "--data-dir", str(folder)]) == 0
    history = json.loads(capsys.readouterr().out)
    assert [entry["number"] for entry in history] == [1, 2]
    assert history[1]["title"] == {
        "old": "甘肃前四月外贸进出口增长12.6%",
        "new": "甘肃前四月外贸进出口增长12.8%",
    }
    assert history[1]["counts"] == {"added": 1, "removed": 0, "changed": 2}
    assert {"old": "兰州累计投入资金30亿元", "new": "兰州累计投入资金32亿元"} in history[1][
        "phrases"
    ]
    assert main(["history", EDITED, "--data-dir", str(folder)]) == 0
    assert "~ 兰州累计投入资金30亿元 → 兰州累计投入资金32亿元" in capsys.readouterr().out
    assert main(["feeds", "export", str(tmp_path / "feeds"), "--data-dir", str(folder)]) == 0
    parsed = feedparser.parse(str(tmp_path / "feeds" / "feeds" / "all.atom"))
    entry = next(e for e in parsed.entries if e.id == EDITED)
    assert not parsed.bozo and entry.updated_parsed > entry.published_parsed


def test_a_picture_behind_a_new_query_string_is_no_revision_but_a_new_picture_is(site, tmp_path):
    page = page_file(site, EDITED)
    photo = "http://finance.gscn.com.cn/pic/demo/photo_13200011_1.jpg"
    with MirrorServer(site) as server, Store(tmp_path / "cache") as store:
        sync(store, server, None)
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace(photo, photo + "?t=1733126400"), encoding="utf-8")
        assert sync(store, server).rechecks.revised == []
        assert len(store.revisions(EDITED)) == 1
        assert store.article(EDITED).picture_urls()[0] == photo + "?t=1733126400"  # as now
        swapped = photo.replace("_1.jpg", "_2.png")
        page.write_text(text.replace(photo, swapped), encoding="utf-8")
        assert sync(store, server).rechecks.revised == [EDITED]
        old, new = store.revision(EDITED, 1), store.revision(EDITED, 2)
    changes = article_changes(old, new)
    assert changes.pictures and changes.to_dict()["counts"] == {
        "added": 0,
        "removed": 0,
        "changed": 0,
    }


def test_a_page_written_as_one_long_paragraph_compares_at_once_and_shows_its_change():
    """difflib is quadratic: a 400 000-character paragraph with one figure corrected took
    the window's thread for an hour (40 000: 37 s). What the two share at either end is not
    compared, and the page shows the change with a little of what stayed either side."""
    from datetime import datetime

    from gansureader.model import ArticlePage, Paragraph, Revision, Run
    from gansureader.parse.dates import BEIJING
    from gansureader.render import Colours
    from gansureader.revision_view import changes_html

    text = "兰州新区经济发展稳步推进，群众生活持续改善" * 20_000
    old, new = text + "投入资金30亿元", text + "投入资金32亿元"
    (change,) = text_changes([old], [new])
    assert change.kind == CHANGED
    assert list(change.pieces[1:]) == [("removed", "0"), ("added", "2"), ("same", "亿元")]
    moment = datetime(2024, 5, 20, tzinfo=BEIJING)

    def version(body: str) -> ArticlePage:
        return ArticlePage(EDITED, "标题", moment, body=(Paragraph((Run(body),)),))

    revisions = [Revision(1, moment), Revision(2, moment, current=True)]
    changes = article_changes(version(old), version(new))
    html = changes_html(version(new), changes, revisions, 2, Colours())
    assert len(html) < 20_000 and "⋯" in html and '<span class="added">2</span>' in html
