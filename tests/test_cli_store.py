"""The store's commands: sync a local mirror, then list, show and search with it gone."""

import json

import pytest

from conftest import DEMO_CHANNELS
from gansureader.cli import main
from gansureader.demo import MirrorHandler, MirrorServer, demo_site

FIRST = "http://gansu.gscn.com.cn/system/2024/05/20/013200001.shtml"


def run(capsys, *argv):
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def synced(tmp_path_factory):
    """A cache filled from the demo site by `gansureader sync`, its server then stopped."""
    data = tmp_path_factory.mktemp("cache")
    channels = [arg for name in DEMO_CHANNELS for arg in ("--channel", name)]
    with MirrorServer(demo_site()) as server:
        code = main(["sync", "--mirror", server.url, "--data-dir", str(data), "--json", *channels])
    assert code == 0
    return data


def test_sync_prints_a_summary_and_exits_zero(synced, capsys, tmp_path):
    with MirrorServer(demo_site()) as server:
        code, out, _ = run(
            capsys, "sync", "--mirror", server.url, "--data-dir", synced, "--channel", "本网原创"
        )
    assert code == 0
    assert out.startswith("synced: 0 new, 0 updated")


def test_list_works_offline_as_json(synced, capsys):
    code, out, _ = run(capsys, "list", "--data-dir", synced, "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 50
    assert {"url", "title", "published_at", "channel"} <= set(rows[0])
    dates = [row["published_at"] for row in rows]
    assert dates == sorted(dates, reverse=True)
    assert {row["channel"] for row in rows} == set(DEMO_CHANNELS)


def test_list_of_one_channel(synced, capsys):
    code, out, _ = run(capsys, "--data-dir", synced, "list", "--channel", "陇上味道", "--json")
    assert code == 0 and {row["channel"] for row in json.loads(out)} == {"陇上味道"}


def test_show_gives_the_parse_shape_with_pages_merged(synced, capsys):
    code, out, _ = run(capsys, "show", FIRST, "--data-dir", synced, "--json")
    article = json.loads(out)
    assert code == 0
    assert list(article) == [
        "kind",
        "url",
        "title",
        "published_at",
        "source",
        "editor",
        "author",
        "breadcrumb",
        "body",
        "paragraphs",
        "images",
        "contributor",
        "recommendations",
        "ranking",
        "next_page",
        "revisions",  # what the cache adds: every version it saw, and a page gone
        "removed_at",
    ]
    assert article["revisions"]["count"] == 1 and article["removed_at"] is None
    assert len(article["paragraphs"]) == 8 and article["next_page"] is None
    assert len(article["recommendations"]) == 6 and len(article["ranking"]) == 10
    cut = [item for item in article["ranking"] if "cut_title" in item]
    assert cut and all(item["title"].startswith(item["cut_title"]) for item in cut)
    assert all(len(item["title"]) > len(item["cut_title"]) for item in cut)  # full, cut beside


def test_show_as_text(synced, capsys):
    code, out, _ = run(capsys, "show", FIRST, "--data-dir", synced)
    assert code == 0 and "兰州黄河风情线夜游项目全面升级" in out and "精彩推荐" in out


@pytest.mark.parametrize("query", ["兰州", "牛肉面", "黄河风情线"])
def test_search_finds_two_and_longer_queries_offline(synced, capsys, query):
    code, out, _ = run(capsys, "search", query, "--data-dir", synced, "--json")
    hits = json.loads(out)
    assert code == 0 and hits
    assert {"url", "title", "published_at", "channel", "snippet"} <= set(hits[0])
    assert f"<mark>{query}</mark>" in hits[0]["snippet"] or query in hits[0]["title"]


def test_search_text_marks_matches(synced, capsys):
    code, out, _ = run(capsys, "search", "牛肉面", "--data-dir", synced)
    assert code == 0 and "[牛肉面]" in out


def test_show_of_an_unknown_url_says_what_to_do(synced, capsys):
    code, out, err = run(capsys, "show", "http://gansu.gscn.com.cn/x.shtml", "--data-dir", synced)
    assert code == 1 and out == "" and "gansureader sync" in err and err.count("\n") == 1


def test_unknown_channel_is_one_clear_line(synced, capsys):
    code, _, err = run(capsys, "list", "--channel", "没有这个频道", "--data-dir", synced)
    assert code == 1 and "没有这个频道" in err and "Traceback" not in err


def test_channels_lists_the_builtin_ones_and_keeps_an_added_one(tmp_path, capsys):
    url = "http://gansu.gscn.com.cn/msrx/jrjj/index_new.shtml"
    code, out, _ = run(
        capsys, "channels", "--add", url, "--name", "我的频道", "--data-dir", tmp_path
    )
    assert code == 0 and "我的频道" in out
    code, out, _ = run(capsys, "channels", "--json", "--data-dir", tmp_path)
    channels = json.loads(out)
    assert len(channels) == 46 and channels[-1] == {
        "name": "我的频道",
        "url": url,
        "group": "自定义",
        "builtin": False,
    }


def test_a_builtin_channel_typed_with_capitals_is_the_builtin_one(tmp_path, capsys):
    code, out, _ = run(
        capsys, "channels", "--add", "HTTP://Gansu.GSCN.com.cn/gsyw/", "--data-dir", tmp_path
    )
    assert code == 0 and "本网原创  http://gansu.gscn.com.cn/gsyw/" in out
    code, out, _ = run(capsys, "channels", "--json", "--data-dir", tmp_path)
    assert len(json.loads(out)) == 45  # nothing added


def test_channel_outside_the_site_is_refused(tmp_path, capsys):
    code, _, err = run(capsys, "channels", "--add", "http://example.com/", "--data-dir", tmp_path)
    assert code == 1 and "http://example.com/ is not on gscn.com.cn" in err


def channel_addresses(capsys, data) -> list[str]:
    code, out, _ = run(capsys, "channels", "--json", "--data-dir", data)
    return [channel["url"] for channel in json.loads(out)]


def recording_server(asked: list[str]) -> MirrorServer:
    """The demo site, noting in ``asked`` every path a client asks for."""

    class Recording(MirrorHandler):
        def do_GET(self):  # noqa: N802
            asked.append(self.path)
            super().do_GET()

    return MirrorServer(demo_site(), Recording)


def test_a_sync_of_a_channel_off_the_site_neither_adds_nor_fetches_it(tmp_path, capsys):
    asked = []
    with recording_server(asked) as server:
        elsewhere = f"{server.url}/gansu/gsyw/"  # served, but not an address of the site
        code, _, err = run(capsys, "sync", "--channel", elsewhere, "--data-dir", tmp_path)
    assert code == 1 and f"{elsewhere} is not on gscn.com.cn" in err
    assert asked == []
    assert elsewhere not in channel_addresses(capsys, tmp_path)


def test_an_article_is_no_channel(tmp_path, capsys):
    for argv in (["channels", "--add", FIRST], ["sync", "--channel", FIRST]):
        code, _, err = run(capsys, *argv, "--data-dir", tmp_path)
        assert code == 1 and f"{FIRST} is an article, not a list page" in err
    assert FIRST not in channel_addresses(capsys, tmp_path)


def test_an_address_typed_without_http_is_the_sites(synced, capsys):
    typed = FIRST.removeprefix("http://")
    code, out, _ = run(capsys, "show", typed, "--data-dir", synced)
    assert code == 0 and "平凉" in out
    code, out, _ = run(capsys, "list", "--channel", "gansu.gscn.com.cn/gsyw/", "--data-dir", synced)
    assert code == 0 and out.count(" 本网原创 ") == 10


def test_a_channel_typed_without_http_is_added(tmp_path, capsys):
    code, out, _ = run(
        capsys, "channels", "--add", "gansu.gscn.com.cn/zcjd/", "--data-dir", tmp_path
    )
    assert code == 0 and "http://gansu.gscn.com.cn/zcjd/" in out
    assert channel_addresses(capsys, tmp_path)[-1] == "http://gansu.gscn.com.cn/zcjd/"


def test_sync_with_failures_names_them_and_exits_non_zero(tmp_path, capsys):
    with MirrorServer(demo_site()) as server:
        channels = ["--channel", "本网原创", "--channel", "http://edu.gscn.com.cn/gone/"]
        code, out, _ = run(
            capsys, "sync", "--mirror", server.url, "--data-dir", tmp_path, *channels
        )
    assert code == 2
    assert "http://edu.gscn.com.cn/gone/: the server answered HTTP 404" in out
    assert "named by the panels" in out  # articles its panels name came along
    code, out, _ = run(capsys, "list", "--channel", "本网原创", "--data-dir", tmp_path, "--json")
    assert len(json.loads(out)) == 10  # the other channel synced all the same


def test_a_sync_while_another_gansureader_syncs_the_cache_asks_the_site_nothing(tmp_path, capsys):
    from gansureader.sync_lock import sync_lock

    asked = []
    with recording_server(asked) as server:
        argv = ["sync", "--mirror", server.url, "--channel", "本网原创", "--data-dir", tmp_path]
        with sync_lock(tmp_path):  # the window's refresh, say, in another process
            code, _, err = run(capsys, *argv)
        assert code == 1 and "another gansureader is refreshing this cache now" in err
        assert asked == []
        assert run(capsys, *argv)[0] == 0  # once it is done


def test_data_dir_from_the_environment(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("GANSUREADER_DATA_DIR", str(tmp_path / "env"))
    assert run(capsys, "list")[0] == 0
    assert (tmp_path / "env" / "gansureader.sqlite3").is_file()


@pytest.mark.parametrize("under", ["", "sub"])
def test_a_data_dir_where_a_file_is_in_the_way_is_one_clear_line(tmp_path, capsys, under):
    (tmp_path / "notes.txt").write_text("mine")
    folder = tmp_path / "notes.txt" / under if under else tmp_path / "notes.txt"
    code, _, err = run(capsys, "list", "--data-dir", folder)
    assert code == 1 and len(err.splitlines()) == 1
    assert f"{folder} is not a folder" in err and "Errno" not in err
    assert (tmp_path / "notes.txt").read_text() == "mine"


@pytest.mark.parametrize("argv", [["list", "--data-dir", ""], ["show", " "]])
def test_an_empty_name_from_an_unset_variable_is_refused(tmp_path, capsys, monkeypatch, argv):
    """`--data-dir "$UNSET"` read the usual cache unasked; `show "$UNSET"` looked up ''."""
    monkeypatch.setenv("GANSUREADER_DATA_DIR", str(tmp_path / "usual"))
    with pytest.raises(SystemExit) as exit_:
        run(capsys, *argv)
    assert exit_.value.code == 2 and "empty" in capsys.readouterr().err
    assert not (tmp_path / "usual").exists()


def test_ranking_per_source_with_movement_and_an_articles_history(synced, capsys):
    code, out, _ = run(capsys, "ranking", "--data-dir", synced, "--json")
    sources = {entry["source"]: entry for entry in json.loads(out)}
    assert code == 0 and "gansu.gscn.com.cn" in sources and "www.gscn.com.cn/food" in sources
    items = sources["gansu.gscn.com.cn"]["items"]
    assert len(items) == 10 and all("movement" in item for item in items)
    url = items[0]["url"]
    code, out, _ = run(capsys, "ranking", "--history", url, "--data-dir", synced)
    assert code == 0 and out.startswith("新闻排行 第 ") and "最高第 " in out
    code, _, err = run(capsys, "ranking", "--source", "nowhere.example", "--data-dir", synced)
    assert code == 1 and "no 新闻排行 seen from 'nowhere.example'" in err


def test_an_articles_rank_record(synced):
    from gansureader.store import Store

    with Store(synced) as store:
        ranked = store.rankings()[0][2][0][0].url
        record = store.rank_record(ranked)
        assert record.current is not None and record.best <= record.current and record.days == 1
        never = "http://gansu.gscn.com.cn/system/2000/01/01/000000000.shtml"
        assert store.rank_record(never) is None
