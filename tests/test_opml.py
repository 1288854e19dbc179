"""Channels out as OPML and in from OPML: what 'channels --add' accepts comes in, every
other entry is refused by name with the reason, and a file that is no OPML is refused
whole."""

from lxml import etree

from gansureader.cli import main
from gansureader.store import Store

ADDED = "http://gansu.gscn.com.cn/zcjd/"


def _opml(body: str) -> bytes:
    head = '<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><head/>'
    return f"{head}<body>{body}</body></opml>".encode()


def test_channels_go_out_and_come_back_with_their_groups(tmp_path, capsys):
    first, second = tmp_path / "a", tmp_path / "b"
    with Store(first) as store:
        store.add_channel(ADDED, "政策解读", "我的频道")
        builtin = store.channels()
    target = tmp_path / "channels.opml"
    assert main(["opml", "export", str(target), "--data-dir", str(first)]) == 0
    outlines = [o for o in etree.parse(str(target)).iter("outline") if o.get("xmlUrl")]
    by_site = {o.get("htmlUrl"): o for o in outlines}
    assert {c.url for c in builtin} <= set(by_site)
    assert by_site[ADDED].get("text") == "政策解读"
    assert by_site[ADDED].getparent().get("text") == "我的频道"
    assert by_site[ADDED].get("xmlUrl") == "http://127.0.0.1:8787/feeds/channel/gansu-zcjd.atom"
    capsys.readouterr()
    assert main(["opml", "import", str(target), "--data-dir", str(second)]) == 0
    out = capsys.readouterr().out
    assert "1 channel(s) added" in out and "0 skipped" in out
    with Store(second) as store:
        added = store.find_channel(ADDED)
    assert (added.name, added.group, added.builtin) == ("政策解读", "我的频道", False)


def test_bad_entries_are_named_and_skipped(tmp_path, capsys):
    source = tmp_path / "mixed.opml"
    source.write_bytes(
        _opml(
            '<outline text="新闻"><outline text="政策" xmlUrl="http://127.0.0.1:8787/x.atom" '
            f'htmlUrl="{ADDED}"/></outline>'
            '<outline text="Other site" xmlUrl="https://example.com/feed.xml"/>'
            '<outline text="An article" '
            'htmlUrl="http://gansu.gscn.com.cn/system/2024/05/18/013200002.shtml"/>'
            '<outline text="No address"/>'
            '<outline text="ftp" url="ftp://gscn.com.cn/"/>'
            '<outline text="Broken" xmlUrl="http://[gansu.gscn.com.cn/gsyw/"/>'
        )
    )
    assert main(["opml", "import", str(source), "--data-dir", str(tmp_path / "c")]) == 2
    captured = capsys.readouterr()
    err = captured.err.splitlines()
    assert len(err) == 5
    assert "entry 2 (Other site): https://example.com/feed.xml is not on gscn.com.cn" in err[0]
    assert "(An article)" in err[1] and "is an article, not a list page" in err[1]
    assert "(No address): no address" in err[2]
    assert "is not an http(s) address" in err[3]
    assert "(Broken): http://[gansu.gscn.com.cn/gsyw/ is not an address that can be read" in err[4]
    assert "1 channel(s) added, 0 already there, 5 skipped" in captured.out
    with Store(tmp_path / "c") as store:
        assert store.find_channel(ADDED).group == "新闻"
        assert store.find_channel("https://example.com/feed.xml") is None


def test_a_file_that_is_not_opml_is_refused_whole(tmp_path, capsys):
    for name, data in (
        ("html.opml", b"<html><body>not opml</body></html>"),
        ("broken.opml", b"<opml><body><outline"),
        ("empty.opml", b""),
    ):
        path = tmp_path / name
        path.write_bytes(data)
        assert main(["opml", "import", str(path), "--data-dir", str(tmp_path / "c")]) == 1
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and f"{path}: not an OPML file" in err[0]
    assert main(["opml", "import", str(tmp_path / "none.opml"), "--data-dir", str(tmp_path)]) == 1
    assert "no such file" in capsys.readouterr().err
