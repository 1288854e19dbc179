"""The cache as Atom feeds and OPML, read by a real consumer (feedparser): every cached
article of each feed, whole, with its pictures served beside it; ETags and 304s;
nothing but the cache reachable."""

import re
import socket
import struct
import time
from urllib.parse import urlsplit

import feedparser
import pytest
import requests
from lxml import etree

from gansureader.cli import main
from gansureader.demo import demo_channels
from gansureader.feeds.catalog import slug
from gansureader.feeds.server import FeedServer
from gansureader.store import Store

PHOTO_STORY = "http://gansu.gscn.com.cn/system/2024/05/18/013200002.shtml"
FINANCE = "http://finance.gscn.com.cn/system/2024/05/15/013200013.shtml"


@pytest.fixture
def starred(cache):
    """The demo cache with the photo story starred."""
    with Store(cache) as store:
        store.set_starred(PHOTO_STORY)
    return cache


@pytest.fixture
def server(starred):
    server = FeedServer(lambda: Store(starred), 0, demo_channels())
    server.serve_in_background()
    yield server
    server.stop()


def _outlines(opml: bytes) -> list[etree._Element]:
    return [o for o in etree.fromstring(opml).iter("outline") if o.get("xmlUrl")]


def _expected(store: Store, path: str, channel_url: str | None) -> list[str]:
    """The article URLs a feed must carry, in its order."""
    if channel_url is not None:
        return [a.url for a in store.articles(store.find_channel(channel_url))]
    if path.endswith("/all.atom"):
        return [a.url for a in store.articles()]
    if path.endswith("/starred.atom"):
        return [a.url for a in store.articles(starred_only=True)]
    (items,) = [
        items for source, _, items in store.rankings() if path.endswith(f"/{slug(source)}.atom")
    ]
    return [item.url for item, _ in items]  # rank order


def _check_feed(parsed, store: Store, channel_url: str | None, path: str) -> None:
    assert not parsed.bozo, (path, parsed.get("bozo_exception"))
    urls = [entry.id for entry in parsed.entries]
    assert urls == _expected(store, path, channel_url) and urls, path
    for entry in parsed.entries:
        article = store.article(entry.id)
        if article is None:
            assert "/ranking/" in path  # a 新闻排行 line whose article is not cached
            continue
        content = entry.content[0].value
        text = re.sub(r"<[^>]+>", "", content).replace("\n", "")
        for paragraph in article.paragraphs:  # whole: the last paragraph too
            assert paragraph.replace("\n", "") in text, (entry.id, paragraph)
        assert entry.link == article.url
        if article.published_at:
            assert entry.published_parsed[:5] == article.published_at.utctimetuple()[:5]
        if article.source:
            assert entry.author == article.source
            assert article.source in [tag.term for tag in entry.tags]


def _channel_of(outline) -> str | None:
    url = outline.get("htmlUrl")
    return url if any(c.url == url for c in demo_channels()) else None


def test_every_served_feed_reads_clean_with_every_article_whole(cache, server):
    opml = requests.get(f"{server.address}/opml", timeout=10)
    assert opml.status_code == 200 and "opml" in opml.headers["Content-Type"]
    outlines = _outlines(opml.content)
    names = {o.get("text") for o in outlines}
    assert {c.name for c in demo_channels()} <= names  # --demo: the demo's channels only
    assert len(outlines) == len(demo_channels()) + 2 + len(Store(cache).rankings())
    with Store(cache) as store:
        for outline in outlines:
            reply = requests.get(outline.get("xmlUrl"), timeout=10)
            assert reply.headers["Content-Type"].startswith("application/atom+xml")
            parsed = feedparser.parse(reply.content)
            _check_feed(parsed, store, _channel_of(outline), urlsplit(outline.get("xmlUrl")).path)
        assert [
            e.id
            for e in feedparser.parse(
                requests.get(f"{server.address}/feeds/starred.atom", timeout=10).content
            ).entries
        ] == [PHOTO_STORY]


def test_pictures_are_served_from_the_cache_in_place(server):
    feed = feedparser.parse(requests.get(f"{server.address}/feeds/all.atom", timeout=10).content)
    (story,) = [e for e in feed.entries if e.id == PHOTO_STORY]
    content = story.content[0].value
    pictures = re.findall(r'<img[^>]*? src="([^"]+)"', content)
    assert len(pictures) == 3 and all(p.startswith(f"{server.address}/pictures/") for p in pictures)
    places = [content.index(mark) for mark in ("风电场全景", "检修风机", "夕阳下的风电场")]
    assert places == sorted(places)
    assert content.index(pictures[0]) < places[0]
    picture = requests.get(pictures[0], timeout=10)
    assert picture.status_code == 200 and picture.headers["Content-Type"] == "image/jpeg"
    assert picture.content[:3] == b"\xff\xd8\xff"


def test_a_second_request_with_the_etag_gets_304(cache, server):
    for path in ("/feeds/all.atom", "/opml", "/feeds/starred.atom"):
        first = requests.get(server.address + path, timeout=10)
        etag = first.headers["ETag"]
        again = requests.get(server.address + path, headers={"If-None-Match": etag}, timeout=10)
        assert again.status_code == 304 and again.content == b""
    # A change in the cache (here a star, from another connection) is a new document.
    with Store(cache) as store:
        store.set_starred(FINANCE)
    try:
        changed = requests.get(
            f"{server.address}/feeds/starred.atom", headers={"If-None-Match": etag}, timeout=10
        )
        assert changed.status_code == 200 and changed.headers["ETag"] != etag
        assert FINANCE in {e.id for e in feedparser.parse(changed.content).entries}
    finally:
        with Store(cache) as store:
            store.set_starred(FINANCE, False)


@pytest.mark.parametrize(
    "path",
    [
        "/feeds/channel/no-such-channel.atom",
        "/feeds/",
        "/feeds",
        "/pictures/",
        "/pictures/" + "0" * 64 + ".jpg",
        "/../gansureader.sqlite3",
        "/gansureader.sqlite3",
        "/images",
        "/%2e%2e/state.sqlite3",
    ],
)
def test_anything_but_a_feed_is_a_404(server, path):
    reply = requests.get(server.address + path, timeout=10)
    assert reply.status_code == 404 and b"SQLite" not in reply.content


def test_a_request_for_another_host_is_refused(server):
    # A web page that rebinds its own name to 127.0.0.1 cannot read the feeds.
    reply = requests.get(f"{server.address}/opml", headers={"Host": "evil.example"}, timeout=10)
    assert reply.status_code == 403
    # A bare HTTP/1.0 client that names no host is this computer's own.
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=10)
    connection.putrequest("GET", "/opml", skip_host=True)
    connection.endheaders()
    assert connection.getresponse().status == 200
    connection.close()


def test_exported_feeds_read_clean_from_files(starred, tmp_path, capsys):
    cache = starred
    target = tmp_path / "feeds"
    base = target.resolve().as_uri()
    assert main(["feeds", "export", str(target), "--data-dir", str(cache)]) == 0
    assert "feeds.opml" in capsys.readouterr().out
    outlines = _outlines((target / "feeds.opml").read_bytes())
    assert len(outlines) > len(demo_channels())  # --data-dir cache: all 45 channels
    shown = set()
    with Store(cache) as store:
        for outline in outlines:
            address = outline.get("xmlUrl")
            assert address.startswith(base + "/feeds/")
            relative = address.removeprefix(base + "/")
            parsed = feedparser.parse(str(target / relative))
            channel = outline.get("htmlUrl") if "/channel/" in relative else None
            if channel is not None and not store.articles(store.find_channel(channel)):
                assert not parsed.bozo and parsed.entries == []
                continue
            _check_feed(parsed, store, channel, "/" + relative)
            for entry in parsed.entries:
                shown.update(
                    re.findall(
                        r'<img[^>]*? src="([^"]+)"', entry.get("content", [{}])[0].get("value", "")
                    )
                )
    assert shown and all(p.startswith(base + "/pictures/") for p in shown)
    for picture in shown:  # every picture a feed shows is beside it
        assert (target / picture.removeprefix(base + "/")).read_bytes()[:2] in (
            b"\xff\xd8",
            b"\x89P",
        )


def test_feeds_serve_answers_until_interrupted(starred, tmp_path):
    import signal
    import subprocess
    import sys

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "gansureader.cli", "feeds", "serve", "--port", str(port)]
    server = subprocess.Popen(
        [*command, "--data-dir", str(starred)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    try:
        first_line = server.stdout.readline().decode()
        assert f"http://127.0.0.1:{port}/opml" in first_line
        reply = requests.get(f"http://127.0.0.1:{port}/feeds/starred.atom", timeout=10)
        assert [e.id for e in feedparser.parse(reply.content).entries] == [PHOTO_STORY]
        server.send_signal(signal.SIGINT)  # handled even where the test runner ignores it
        assert server.wait(timeout=20) == 0
    finally:
        server.kill()
        server.communicate(timeout=20)


def test_a_taken_port_is_one_clear_line(starred, capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["feeds", "serve", "--port", str(port), "--data-dir", str(starred)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and f"127.0.0.1:{port}" in err[0] and "another port" in err[0]


def test_feeds_export_to_a_place_that_cannot_be_written_is_one_line(starred, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert main(["feeds", "export", str(blocker), "--data-dir", str(starred)]) == 1
    assert main(["feeds", "export", str(blocker / "feeds"), "--data-dir", str(starred)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and "is a file, not a folder" in err[0] and "cannot be written" in err[1]


def test_a_client_that_dawdles_holds_only_itself(server):
    with socket.create_connection(server.server_address, timeout=10) as slow:
        slow.sendall(b"GET /feeds/all.atom HTTP/1.0\r\nHo")  # and then nothing, for now
        began = time.monotonic()
        reply = requests.get(f"{server.address}/opml", timeout=5)
        took = time.monotonic() - began
        assert reply.status_code == 200
        assert took < 2, f"a normal client waited {took:.1f} s behind a slow one"
        slow.sendall(b"st: 127.0.0.1\r\n\r\n")  # the slow one is still served
        assert _read_all(slow).startswith(b"HTTP/1.0 200")


def test_a_client_is_let_go_at_its_deadline(server, monkeypatch):
    import gansureader.feeds.server as feeds_server

    monkeypatch.setattr(feeds_server, "REQUEST_SECONDS", 0.5)
    with socket.create_connection(server.server_address, timeout=10) as slow:
        for byte in b"GET /opml HTTP/1.0\r\n":  # a byte every 0.2 s: no read ever times out
            slow.sendall(bytes([byte]))
            time.sleep(0.2)
            if _closed(slow):
                break
        else:
            pytest.fail("the server listened to a dripping request for four seconds")


def test_an_absolute_target_naming_another_host_is_refused(server):
    with socket.create_connection(server.server_address, timeout=10) as client:
        client.sendall(b"GET http://evil.example/opml HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
        assert _read_all(client).startswith(b"HTTP/1.0 403")
    with socket.create_connection(server.server_address, timeout=10) as client:
        client.sendall(b"GET http://127.0.0.1/opml HTTP/1.0\r\n\r\n")
        assert _read_all(client).startswith(b"HTTP/1.0 200")


def test_a_target_that_is_no_address_is_a_bad_request_not_a_traceback(server, capfd):
    for target in (b"http://[bad/opml", b"http://127.0.0.1:abc/opml"):
        with socket.create_connection(server.server_address, timeout=10) as client:
            client.sendall(b"GET " + target + b" HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
            assert _read_all(client).startswith(b"HTTP/1.0 400")
    assert "Traceback" not in capfd.readouterr().err


def test_a_client_hanging_up_mid_answer_leaves_no_traceback(server, capfd):
    for _ in range(5):
        with socket.create_connection(server.server_address, timeout=10) as client:
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            client.sendall(b"GET /feeds/all.atom HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
        # closed with a reset before the answer: the server's writes break
    assert requests.get(f"{server.address}/opml", timeout=10).status_code == 200
    assert "Traceback" not in capfd.readouterr().err


def _read_all(client: socket.socket) -> bytes:
    chunks = []
    while chunk := client.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks)


def _closed(client: socket.socket) -> bool:
    client.setblocking(False)
    try:
        return client.recv(1) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True
    finally:
        client.setblocking(True)
