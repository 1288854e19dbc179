"""关注: saved searches over the whole cache — exact matches for Chinese, counts that follow
reading and syncing, alerts, mute, a feed each, the command line and its bad input."""

import json
import re
import shutil
from dataclasses import replace

import feedparser
import pytest
import requests

from conftest import DEMO_CHANNELS
from gansureader.cli import main
from gansureader.demo import MirrorServer, demo_channels, demo_site
from gansureader.feeds.server import FeedServer
from gansureader.model import Follow, Paragraph, Run
from gansureader.net import Fetcher
from gansureader.store import DATABASE_NAME, Store
from gansureader.store.query import QueryError, QuerySet, fold, parse_query
from gansureader.sync import SyncEngine


def run(capsys, *argv):
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


def texts_of(store: Store) -> dict[str, tuple[str, str]]:
    """Every cached article's URL → (title, body text), read the plain way."""
    return {
        row.url: (article.title, "\n".join(article.texts()))
        for row in store.articles()
        if (article := store.article(row.url))
    }


def follow_urls(store: Store, name: str) -> list[str]:
    return [row.url for row in store.follow_articles(name)]


def test_follow_add_lists_exactly_the_articles_holding_the_word(cache, capsys):
    code, out, _ = run(capsys, "follow", "add", "兰州", "--data-dir", cache)
    assert code == 0 and out.startswith("following 兰州:")
    code, out, _ = run(capsys, "follow", "show", "兰州", "--json", "--data-dir", cache)
    shown = [row["url"] for row in json.loads(out)]
    with Store(cache) as store:
        plain = {url for url, (title, body) in texts_of(store).items() if "兰州" in title + body}
        newest_first = [row.url for row in store.articles() if row.url in plain]
    assert plain and shown == newest_first
    code, out, _ = run(capsys, "follow", "list", "--json", "--data-dir", cache)
    (listed,) = json.loads(out)
    assert (listed["name"], listed["matches"], listed["unread"]) == ("兰州", len(plain), len(plain))


@pytest.mark.parametrize(
    ("query", "title_only", "expected"),
    [
        # a single character anywhere, also the last of a run (在兰), where the index of
        # character pairs cannot find it alone
        ("兰", False, lambda t, b: "兰" in t + b),
        ("新区", False, lambda t, b: "新区" in t + b),
        ("兰州|天水", False, lambda t, b: "兰州" in t + b or "天水" in t + b),
        ("甘肃 -兰州", False, lambda t, b: "甘肃" in t + b and "兰州" not in t + b),
        ("兰州", True, lambda t, b: "兰州" in t),
        ('"项目 建设"', False, lambda t, b: re.search(r"项目[^\w\n]*建设", t + "\n" + b)),
    ],
)
def test_matching_agrees_with_a_plain_scan(cache, query, title_only, expected):
    with Store(cache) as store:
        some = store.article(store.articles()[0].url)
        odd = Paragraph((Run("院里一株白兰。项目，建设"),))  # 兰 only as the last of a run
        store.save_article(
            replace(some, url=some.url.replace(".shtml", "9.shtml"), title="白兰", body=(odd,)),
            channels=[],
            validators={},
        )
        follow = store.add_follow(Follow("f", query, title_only=title_only))
        wanted = {url for url, (title, body) in texts_of(store).items() if expected(title, body)}
        assert set(follow_urls(store, "f")) == wanted
        assert follow.matches == len(wanted)


def test_a_second_sync_raises_the_count_and_alerts(tmp_path):
    with MirrorServer(demo_site()) as server, Store(tmp_path) as store:
        first = SyncEngine(store, Fetcher(server.url), panel_articles=0)
        first.run(demo_channels(), pages=1)
        before = store.add_follow(Follow("兰州", "兰州"))
        store.add_follow(Follow("quiet", "兰州", alerts=False))
        summary = SyncEngine(store, Fetcher(server.url)).run(demo_channels(), pages=2)
        after = store.find_follow("兰州")
        plain = {url for url, (t, b) in texts_of(store).items() if "兰州" in t + b}
    assert after.unread == len(plain) > before.unread
    assert summary.follows == {"兰州": after.unread - before.unread}  # quiet: no alert


def test_counts_follow_reading_and_removal(cache):
    with Store(cache) as store:
        follow = store.add_follow(Follow("兰州", "兰州"))
        first, second = follow_urls(store, "兰州")[:2]
        store.set_read(first)
        assert store.unread_counts().by_follow["兰州"] == follow.unread - 1
        store.set_read(first, False)
        store.set_read(second)
        assert store.find_follow("兰州").unread == follow.unread - 1
        store._db.execute("DELETE FROM articles WHERE url = ?", (first,))
        assert store.find_follow("兰州").matches == follow.matches - 1
        assert store.find_follow("兰州").unread == follow.unread - 2
        assert store.mark_follow_read("兰州") == follow.unread - 2
        assert store.find_follow("兰州").unread == 0
        assert not [row for row in store.follow_articles("兰州") if not row.read]


def test_an_edited_article_is_matched_again(cache):
    with Store(cache) as store:
        store.add_follow(Follow("酒泉", "酒泉"))
        url = next(url for url in texts_of(store) if url not in follow_urls(store, "酒泉"))
        article = store.article(url)
        changed = replace(article, title=article.title + "（酒泉）")
        store.save_article(changed, channels=[], validators={})
        assert url in follow_urls(store, "酒泉")
        assert store.take_follow_news() == {"酒泉": 1}


def test_a_channel_limited_follow_sees_only_its_channel(cache):
    with Store(cache) as store:
        channel = store.find_channel(DEMO_CHANNELS[0])
        store.add_follow(Follow("here", "甘肃", channels=(channel.name,)))
        inside = {row.url for row in store.articles(channel)}
        wanted = {u for u, (t, b) in texts_of(store).items() if "甘肃" in t + b and u in inside}
        assert set(follow_urls(store, "here")) == wanted
        assert store.find_follow("here").channels == (channel.url,)  # kept by address


def test_mute_hides_matches_from_the_lists_and_their_counts(cache):
    with Store(cache) as store:
        total = store.unread_counts().all
        hidden = store.add_follow(Follow("天气", "兰州", mute=True))
        listed = {row.url for row in store.articles()}
        muted = {row.url for row in store.muted_articles()}
        assert muted == set(follow_urls(store, "天气")) and not (listed & muted)
        counts = store.unread_counts()
        assert counts.all == total - hidden.unread and counts.muted == hidden.matches
        channel = store.find_channel(DEMO_CHANNELS[0])
        assert counts.by_channel[channel.url] == store.count_articles(channel, unread_only=True)
        store.set_starred(next(iter(muted)))
        assert store.articles(starred_only=True)  # a starred article is never hidden


def test_follows_survive_a_replaced_cache(cache):
    with Store(cache) as store:
        made = store.add_follow(Follow("兰州", "兰州", mute=True))
    (cache / DATABASE_NAME).unlink()
    for extra in cache.glob(DATABASE_NAME + "-*"):
        extra.unlink()
    with Store(cache) as store:
        assert store.follows() == []  # the new cache knows none until matched again
        store.match_stale_follows()
        assert [f.name for f in store.follows()] == ["兰州"]
        assert store.find_follow("兰州").mute and store.find_follow("兰州").matches == 0
    shutil.rmtree(cache)
    assert made.matches > 0


def test_a_follow_made_elsewhere_is_matched_by_the_next_sync(cache, demo_server, capsys):
    with Store(cache) as store:  # the window's store, open all along
        run(capsys, "follow", "add", "兰州", "--data-dir", cache)
        SyncEngine(store, Fetcher(demo_server.url)).run([])
        assert store.find_follow("兰州").matches > 0


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["follow", "add", "  "], "the query is empty"),
        (["follow", "add", "--", "-兰州 -天水"], "only says what to leave out"),
        (["follow", "add", " ".join(f"词{n}" for n in range(500))], "500 words"),
        (["follow", "add", '"兰州新区'], "is not closed"),
        (["follow", "add", "兰州", "--channel", "不存在的频道"], "no channel '不存在的频道'"),
        (["follow", "add", "兰州|"], "needs a word on each side"),
        (["follow", "add", "甘肃", "--name", "兰州"], "named '兰州' exists already"),
        (["follow", "show", "没有"], "no follow named '没有'"),
        (["follow", "remove", "没有"], "no follow named '没有'"),
    ],
)
def test_bad_input_is_one_clear_line(cache, capsys, argv, said):
    run(capsys, "follow", "add", "兰州", "--data-dir", cache)
    code, out, err = run(capsys, "--data-dir", cache, *argv)
    assert code == 1 and said in err and err.count("\n") == 1 and not out


def test_one_parser_for_the_search_box_and_the_follows(cache):
    with Store(cache) as store:
        store.add_follow(Follow("两地", "天水|临夏 -兰州"))
        searched = {hit.url for hit in store.search("天水|临夏 -兰州", limit=500)}
        assert searched == set(follow_urls(store, "两地"))
        with pytest.raises(QueryError, match="not closed"):
            store.search('"天水')


def test_the_query_language():
    query = parse_query('兰州新区 "绿色 发展"|LED -天气')
    assert query.matches("兰州新区：绿色、发展") and query.matches("兰州新区 led灯")
    assert not query.matches("兰州新区 绿色发展 天气")
    assert not query.matches("兰州新区", ["绿色", "发展"])  # a phrase stays in one paragraph
    assert not query.matches("兰州新区 sled")  # a Latin word matches where a word begins
    assert parse_query("“兰州新区”").matches("在兰州新区")  # Chinese quotes too


def test_each_follow_is_a_clean_feed_in_the_export_and_the_opml(cache, tmp_path, capsys):
    run(capsys, "follow", "add", "兰州|天水", "--name", "两地 新闻", "--data-dir", cache)
    code, _, _ = run(capsys, "feeds", "export", tmp_path / "out", "--data-dir", cache)
    assert code == 0
    parsed = feedparser.parse(str(tmp_path / "out" / "feeds" / "follow" / "两地-新闻.atom"))
    with Store(cache) as store:
        expected = follow_urls(store, "两地 新闻")
    assert not parsed.bozo and [entry.id for entry in parsed.entries] == expected
    assert "关注 · 两地 新闻" in parsed.feed.title
    opml = (tmp_path / "out" / "feeds.opml").read_text(encoding="utf-8")
    assert "两地 新闻" in opml and "follow/%E4%B8%A4%E5%9C%B0-%E6%96%B0%E9%97%BB.atom" in opml


def test_the_feed_server_answers_a_follows_address(cache):
    with Store(cache) as store:
        store.add_follow(Follow("兰州", "兰州"))
        expected = follow_urls(store, "兰州")
    server = FeedServer(lambda: Store(cache), 0, demo_channels())
    server.serve_in_background()
    try:
        answer = requests.get(f"{server.address}/feeds/follow/%E5%85%B0%E5%B7%9E.atom", timeout=30)
    finally:
        server.stop()
    parsed = feedparser.parse(answer.content)
    assert answer.status_code == 200 and not parsed.bozo
    assert [entry.id for entry in parsed.entries] == expected


def test_many_follows_at_once_agree_with_each_alone(cache):
    queries = [
        parse_query(text)
        for text in (
            "兰州",
            "兰州|天水",
            "甘肃 -兰州",
            '"项目 建设"',
            "兰",
            "LED",
            "临夏 文化|旅游",
        )
    ]
    together = QuerySet(queries)
    with Store(cache) as store:
        for title, body in texts_of(store).values():
            text = fold(title + "\n" + body)
            alone = [n for n, query in enumerate(queries) if query.matches_folded(text)]
            assert together.matching(text) == alone


def test_a_damaged_state_file_gets_the_follows_back_from_the_cache(cache):
    with Store(cache) as store:
        made = store.add_follow(Follow("兰州", "兰州", mute=True))
    (cache / "state.sqlite3").write_bytes(b"not a database at all" * 50)
    with Store(cache) as store:
        assert [follow for _, follow in store.state.follows()] == [
            Follow("兰州", "兰州", mute=True)
        ]
        assert store.match_stale_follows() == 0  # the cache's matches still hold
        assert store.find_follow("兰州") == made
