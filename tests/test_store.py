"""The offline cache: round trips, state that survives a restart, search, panels, pictures."""

import dataclasses
import sqlite3

import pytest

from conftest import FIXTURE_URLS, fixture_bytes
from gansureader.model import Paragraph, RankItem, Run, merge_pages
from gansureader.parse import parse_page
from gansureader.store import DATABASE_NAME, Store, StoreError


def parsed(name):
    return parse_page(fixture_bytes(name), FIXTURE_URLS[name])


def save(store, article, channels=()):
    return store.save_article(article, channels=list(channels), validators={})


def test_article_round_trips_exactly(store):
    article = parsed("seed_article.html")
    assert save(store, article) == "new"
    assert store.article(article.url) == article


def test_multi_page_article_is_stored_merged(store):
    merged = merge_pages([parsed("multipage_1.html"), parsed("multipage_2.html")])
    save(store, merged)
    stored = store.article(merged.url)
    assert len(stored.paragraphs) == 6 and stored.next_page is None


def test_saving_again_is_unchanged_and_a_change_is_an_update(store):
    article = parsed("gbk_article.html")
    save(store, article)
    assert save(store, article) == "unchanged"
    changed = dataclasses.replace(article, body=article.body + (Paragraph((Run("补充报道。"),)),))
    assert save(store, changed) == "updated"
    assert store.article(article.url).paragraphs[-1] == "补充报道。"
    assert store.count_articles() == 1


def test_an_article_linked_over_https_or_with_a_query_is_the_one_stored(store):
    # The site serves both schemes ("both are seen"): one page under two spellings.
    article = parsed("seed_article.html")
    assert article.url.startswith("http://")
    save(store, article)
    secure = "https://" + article.url.removeprefix("http://")
    shared = secure + "?from=singlemessage"
    assert store.known_urls([secure, shared]) == {secure, shared}
    assert store.article(secure) == article and store.article(shared) == article
    assert store.stored_url(shared) == article.url
    store.queue(secure)
    assert save(store, dataclasses.replace(article, url=secure)) == "unchanged"
    assert store.count_articles() == 1 and store.pending() == []
    assert store.articles()[0].url == article.url  # kept under the spelling it was stored as
    changed = dataclasses.replace(
        article, url=secure, body=article.body + (Paragraph((Run("补充报道。"),)),)
    )
    assert save(store, changed) == "updated"
    assert store.count_articles() == 1
    assert store.article(article.url).paragraphs[-1] == "补充报道。"


def test_read_and_starred_survive_a_restart(tmp_path):
    article = parsed("seed_article.html")
    with Store(tmp_path) as store:
        save(store, article)
        store.set_read(article.url)
        store.set_starred(article.url)
    with Store(tmp_path) as store:
        row = store.articles()[0]
        assert row.read and row.starred
        assert store.count_articles(unread_only=True) == 0
        assert store.count_articles(starred_only=True) == 1


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("甘肃", "甘肃省出台"),  # two characters
        ("地震", None),  # two characters, only in panels: not in any article's text
        ("高技能人才", "甘肃省出台"),  # a longer phrase
        ("堃", "兰州新区"),  # one character
        ("绿电 开工", "兰州新区"),  # two words, both required
        ("LED", "兰州中山铁桥"),  # Latin, any case
    ],
)
def test_search_matches_chinese_queries_of_any_length(store, query, expected):
    for name in ("seed_article.html", "gbk_article.html", "truncated.html", "images_article.html"):
        save(store, parsed(name))
    hits = store.search(query)
    if expected is None:
        assert hits == []
    else:
        assert hits and hits[0].title.startswith(expected)


def test_search_ranks_title_matches_first_and_marks_the_snippet(store):
    for name in ("seed_article.html", "gbk_article.html", "images_article.html"):
        save(store, parsed(name))
    hits = store.search("兰州")
    assert hits[0].title.startswith("兰州新区")  # in its title; the others only in the text
    assert "<mark>兰州</mark>" in hits[0].snippet


def test_ranking_movement_compares_with_the_snapshot_before(store):
    article = parsed("seed_article.html")
    save(store, article)
    assert {move for _, move in store.ranking_movement(article.url)} == {0}  # nothing before
    reordered = list(article.ranking)
    reordered[0], reordered[1] = reordered[1], reordered[0]
    newcomer = RankItem(
        15, "新上榜的文章", "http://gansu.gscn.com.cn/system/2023/12/24/013099999.shtml"
    )
    ranking = [RankItem(i + 1, r.title, r.url) for i, r in enumerate(reordered[:14])] + [newcomer]
    later = dataclasses.replace(
        article, url=article.url.replace("345", "346"), ranking=tuple(ranking)
    )
    save(store, later)
    moves = store.ranking_movement(later.url)
    assert moves[0][1] == 1 and moves[1][1] == -1  # the two that swapped places
    assert moves[-1] == (newcomer, None)  # 新


def test_identical_panels_are_stored_once(store, tmp_path):
    first = parsed("seed_article.html")
    save(store, first)
    save(store, dataclasses.replace(first, url=first.url.replace("345", "347")))
    db = sqlite3.connect(tmp_path / "data" / DATABASE_NAME)
    assert db.execute("SELECT count(*) FROM panel_snapshots").fetchone()[0] == 2  # one per kind
    db.close()


def test_the_same_picture_under_two_urls_is_one_file(store):
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 50 + b"IEND\xaeB`\x82"
    store.save_image("http://www.gscn.com.cn/a.png", png, "image/png")
    store.save_image("http://www.gscn.com.cn/b.png", png, "image/png")
    a, b = (
        store.image_path("http://www.gscn.com.cn/a.png"),
        store.image_path("http://www.gscn.com.cn/b.png"),
    )
    assert a == b and a.read_bytes() == png
    assert len(list((store.folder / "images").rglob("*"))) == 2  # one folder, one file


def test_everything_lives_below_the_data_folder(store):
    save(store, parsed("seed_article.html"))
    names = {path.name for path in store.folder.iterdir()}
    assert names <= {DATABASE_NAME, DATABASE_NAME + "-wal", DATABASE_NAME + "-shm", "images"} | {
        "state.sqlite3"
    }


def test_a_cache_from_a_newer_version_is_refused_not_damaged(tmp_path):
    Store(tmp_path).close()
    db = sqlite3.connect(tmp_path / DATABASE_NAME)
    db.execute("PRAGMA user_version = 99")
    db.close()
    with pytest.raises(StoreError, match="newer gansureader"):
        Store(tmp_path)


def test_queued_articles_are_remembered_until_stored(store):
    article = parsed("seed_article.html")
    store.queue(article.url)
    assert store.pending() == [article.url]
    save(store, article)
    assert store.pending() == []


def test_common_words_rank_among_the_most_recent_matches(store, monkeypatch):
    from gansureader.store import store as store_module

    monkeypatch.setattr(store_module, "SEARCH_WINDOW", 2)
    article = parsed("gbk_article.html")
    for n in range(4):
        save(
            store,
            dataclasses.replace(article, url=f"{article.url}?{n}", title=f"{article.title}{n}"),
        )
    assert [hit.url[-1] for hit in store.search("兰州")] in (["2", "3"], ["3", "2"])


def test_clean_up_forgets_the_oldest_but_keeps_starred_articles(store):
    names = ("table_layout.html", "seed_article.html", "images_article.html", "photo_story.html")
    articles = [parsed(name) for name in names]  # oldest (2009) first
    for article in articles:
        save(store, article)
    png = b"\x89PNG\r\n\x1a\n" + b"\x01" * 200_000 + b"IEND\xaeB`\x82"
    store.save_image(articles[2].images[0].url, png, "image/png")
    store.set_starred(articles[0].url)
    removed = store.clean_up(store.size_bytes() - 150_000)
    assert removed >= 1
    assert store.article(articles[0].url) is not None  # starred, so kept although oldest
    assert store.article(articles[1].url) is None
    assert store.search("高技能人才") == []  # the index forgot it too
    if store.article(articles[2].url) is None:  # its picture went with it
        assert store.image_path(articles[2].images[0].url) is None
        assert not any((store.folder / "images").rglob("*/*"))


def test_two_hosts_rankings_seen_in_turn_show_no_false_movement(store):
    gansu = parsed("seed_article.html")  # gansu.gscn.com.cn
    finance = dataclasses.replace(
        gansu,
        url="http://finance.gscn.com.cn/system/2023/12/23/013099001.shtml",
        ranking=tuple(reversed([RankItem(r.rank, r.title, r.url) for r in gansu.ranking])),
    )
    save(store, gansu)
    save(store, finance)
    again = dataclasses.replace(gansu, url=gansu.url.replace("345", "348"))
    save(store, again)  # gansu's ranking again, after finance's: nothing moved
    assert {move for _, move in store.ranking_movement(again.url)} == {0}
    swapped = list(gansu.ranking)
    swapped[0], swapped[1] = swapped[1], swapped[0]
    changed = dataclasses.replace(
        gansu,
        url=gansu.url.replace("345", "349"),
        ranking=tuple(RankItem(n, r.title, r.url) for n, r in enumerate(swapped, 1)),
    )
    save(store, changed)  # a real change of gansu's ranking
    moves = store.ranking_movement(changed.url)
    assert (moves[0][1], moves[1][1]) == (1, -1) and {m for _, m in moves[2:]} == {0}


def test_cut_ranking_titles_are_completed_from_the_cache(store):
    article = parsed("seed_article.html")
    target = article.ranking[0]
    cut = RankItem(1, target.title[:8], target.url)
    seen = dataclasses.replace(article, ranking=(cut,) + article.ranking[1:])
    save(store, seen)
    assert store.article(seen.url).ranking[0].title == target.title[:8]  # not cached yet
    full = dataclasses.replace(article, url=target.url, title=target.title, ranking=())
    save(store, full)  # the article arrives: the snapshot stored before improves
    first = store.article(seen.url).ranking[0]
    assert (first.title, first.cut_title) == (target.title, target.title[:8])
    assert first.to_dict()["cut_title"] == target.title[:8]


def test_old_panel_history_goes_but_starred_articles_history_stays(store):
    first = parsed("seed_article.html")
    save(store, first)
    for n in range(3):  # three later rankings, each a new snapshot of gansu's ranking
        ranking = tuple(RankItem(r.rank, r.title, r.url) for r in first.ranking[n:]) or ()
        save(store, dataclasses.replace(first, url=f"{first.url}?{n}", ranking=ranking))
    starred = first.ranking[-1].url  # named by every snapshot
    kept_for_star = first.ranking[0].url  # named only by the first snapshot
    save(store, dataclasses.replace(first, url=kept_for_star, ranking=()))
    store.set_starred(kept_for_star)
    with store._write():
        store._db.execute("UPDATE panel_snapshots SET last_seen = '2000-01-01T00:00:00+00:00'")
    with store._write():  # no article shows the first three snapshots any more
        store._db.execute(
            "UPDATE articles SET ranking_id = NULL WHERE url NOT LIKE ?", (f"{first.url}?2",)
        )
    forgotten = store.forget_old_panels(90)
    assert forgotten >= 1
    assert store.rank_history(kept_for_star)  # the starred article's history stays
    assert store.rank_history(starred)
    assert store.forget_old_panels(90) == 0


def _counted(store) -> dict[str, int]:
    """Unread articles per channel, counted the slow way."""
    rows = store._db.execute(
        "SELECT c.url, count(a.id) FROM channels c "
        "LEFT JOIN channel_articles ca ON ca.channel_id = c.id "
        "LEFT JOIN articles a ON a.id = ca.article_id AND a.read = 0 GROUP BY c.id"
    )
    return dict(rows.fetchall())


def test_unread_counts_follow_reading_linking_and_removing(cache):
    from gansureader.demo import demo_channels

    with Store(cache) as store:
        assert store.unread_counts().by_channel == _counted(store)
        assert store.unread_counts().all == 50
        urls = [a.url for a in store.articles()]
        for url in urls[:7]:
            store.set_read(url)
        store.set_read(urls[0], False)  # read, then unread again
        store.set_starred(urls[1])
        food = [c for c in demo_channels() if c.name == "陇上味道"][0]
        store.mark_channel_read(food)
        added = store.add_channel("http://gansu.gscn.com.cn/zcjd/", "政策解读")
        store.add_to_channels(urls[8], [added])  # one article listed by two channels
        assert store.unread_counts().by_channel[added.url] == 1
        store.clean_up(store.size_bytes() * 2 // 3)  # the oldest articles go
        assert store.unread_counts().by_channel == _counted(store)
        assert store.remove_channel(added.url)
        counts = store.unread_counts()
        assert counts.by_channel == _counted(store) and added.url not in counts.by_channel
        unread = store.count_articles(unread_only=True)
        assert counts.all == unread and counts.starred == 0  # the starred one was read
        kept = store.articles(unread_only=True)[0].url
        store.set_starred(kept)
        store.set_starred(kept, False)
        store.set_starred(kept)
        counts = store.unread_counts()  # the totals are kept by triggers: as counted
        assert (counts.all, counts.starred) == tuple(
            store._db.execute(
                "SELECT sum(read = 0), sum(read = 0 AND starred) FROM articles"
            ).fetchone()
        )
        assert counts.starred == 1
        assert (
            store.count_articles()
            == store._db.execute("SELECT count(*) FROM articles").fetchone()[0]
        )
