"""The fetcher as the site's servers see it: identified, conditional, mirrored, capped."""

import itertools
import ssl
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from gansureader.demo import MirrorHandler, MirrorServer, demo_site
from gansureader.net import USER_AGENT, Fetcher, FetchError, Refused
from gansureader.store import MAX_IMAGE_BYTES

ARTICLE = "http://gansu.gscn.com.cn/system/2024/05/20/013200001.shtml"


def test_mirror_mapping_keeps_the_real_url():
    fetcher = Fetcher("http://127.0.0.1:8000/")
    assert fetcher.mirrored(ARTICLE) == (
        "http://127.0.0.1:8000/gansu/system/2024/05/20/013200001.shtml"
    )
    assert fetcher.mirrored("http://www.gscn.com.cn/food/x.shtml?a=1") == (
        "http://127.0.0.1:8000/www/food/x.shtml?a=1"
    )
    with pytest.raises(FetchError, match="not on gscn.com.cn"):
        fetcher.mirrored("http://www.gansudaily.com.cn/x.shtml")


def test_pages_are_fetched_identified_and_conditionally():
    agents = []

    class Recording(MirrorHandler):
        def do_GET(self):  # noqa: N802
            agents.append(self.headers.get("User-Agent"))
            super().do_GET()

    with MirrorServer(demo_site(), Recording) as server:
        fetcher = Fetcher(server.url)
        first = fetcher.fetch(ARTICLE)
        again = fetcher.fetch(ARTICLE, etag=first.etag, last_modified=first.last_modified)
    assert first.status == 200 and first.url == ARTICLE and first.etag
    assert again.not_modified and again.data == b""
    assert set(agents) == {USER_AGENT} and "gansureader" in USER_AGENT


def test_only_web_addresses_are_fetched():
    with pytest.raises(FetchError, match="only http and https"):
        Fetcher().fetch("file:///etc/passwd")


def test_picture_cap_is_separate_from_the_page_cap():
    big = "http://gansu.gscn.com.cn/pic/demo/photo_13200001_2.png"
    with MirrorServer(demo_site()) as server:
        fetcher = Fetcher(server.url)
        assert fetcher.fetch(big, max_bytes=MAX_IMAGE_BYTES).data.startswith(b"\x89PNG")
        with pytest.raises(FetchError, match="larger than 2 KB"):
            fetcher.fetch(big, max_bytes=2048)


@pytest.mark.parametrize(
    ("page", "whole"),
    [
        (
            "<!DOCTYPE html>\n<!-- cms -->\n<HTML><body><p>全文</p></body></HTML>".encode(),
            True,
        ),
        (
            b"<html><body><p>x</p></body></html>\n<script>count()</script>\n",
            True,
        ),  # a counter after it
        ("\ufeff<!doctype html><html><body><p>半".encode(), False),
        (b"<html><body><p>first paragraph</p><p>sec", False),
        (b"plain text with no markup, cut", True),  # not a page: nothing to tell its end by
        (b"", False),  # closed at once: nothing came
    ],
)
def test_a_page_with_no_announced_length_is_whole_only_if_its_end_came(page, whole):
    class Unannounced(MirrorHandler):
        def do_GET(self):  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")  # the body ends when the connection does
            self.end_headers()
            self.wfile.write(page)
            self.close_connection = True

    with MirrorServer(demo_site(), Unannounced) as server:
        fetcher = Fetcher(server.url, backoff=0.01)
        if whole:
            assert fetcher.fetch(ARTICLE).data == page
        else:
            with pytest.raises(FetchError, match="broke off mid-page|before any of the page"):
                fetcher.fetch(ARTICLE)


def test_a_page_whose_compression_is_damaged_says_so():
    class Damaged(MirrorHandler):
        def do_GET(self):  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", "20")
            self.end_headers()
            self.wfile.write(b"<html>not gzip</html>"[:20])

    with MirrorServer(demo_site(), Damaged) as server:
        with pytest.raises(FetchError, match="damaged compressed page"):
            Fetcher(server.url, backoff=0.01).fetch(ARTICLE)


@pytest.mark.parametrize("encoding", ["br", "zstd", "gzip, br"])
def test_a_page_compressed_in_a_way_nobody_asked_for_says_so(encoding):
    """Sent as brotli or zstd unasked (Accept-Encoding: gzip, deflate): the bytes as they
    came were taken for the page, and refused as naming the site nowhere."""

    class Unasked(MirrorHandler):
        def do_GET(self):  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Encoding", encoding)
            self.send_header("Content-Length", "4")
            self.end_headers()
            self.wfile.write(b"\x0b\x02\x80h")

    with MirrorServer(demo_site(), Unasked) as server:
        with pytest.raises(FetchError, match=f"compressed as {encoding.split()[-1]}"):
            Fetcher(server.url, backoff=0.01).fetch(ARTICLE)


def test_a_content_encoding_that_is_no_compression_passes_the_page_as_it_came():
    class Mislabelled(MirrorHandler):  # a charset where an encoding belongs, as servers write
        def send_header(self, keyword, value):
            super().send_header(keyword, value)
            if keyword == "Content-Type":
                super().send_header("Content-Encoding", "utf-8")

    with MirrorServer(demo_site(), Mislabelled) as server:
        assert "兰州黄河风情线" in Fetcher(server.url).fetch(ARTICLE).data.decode()


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (b"", "closed the connection without answering"),
        (b"HTTP/1.1 abc\r\n\r\n", "not readable HTTP"),
        (b"<html>no status line, no headers</html>", "not readable HTTP"),
        (b"HTTP/1.1 200 OK\r\n" + b"X-Many: 1\r\n" * 200 + b"\r\n", "not readable HTTP"),
        (
            b"HTTP/1.1 200 OK\r\nContent-Length: 13\r\nContent-Length: 20\r\n\r\n<html></html>",
            "contradictory headers",
        ),
        (
            b"HTTP/1.1 302 Found\r\nLocation: http://[bad/x.shtml\r\nContent-Length: 0\r\n\r\n",
            "redirected to an address that cannot be read",
        ),
    ],
)
def test_an_answer_that_is_no_http_says_what_came_back(answer, words):
    class Garbled(MirrorHandler):
        def do_GET(self):  # noqa: N802
            if self.path.endswith("/robots.txt"):
                self.send_plain(404, b"none")  # the page itself answers badly, not robots.txt
                return
            self.wfile.write(answer)
            self.close_connection = True

    with MirrorServer(demo_site(), Garbled) as server:
        with pytest.raises(FetchError, match=words):
            Fetcher(server.url, backoff=0.01).fetch(ARTICLE)


def test_a_certificate_nothing_vouches_for_is_named_not_offline():
    """untrusted.crt/.key: a self-signed pair for 127.0.0.1 made for this test alone (openssl
    req -x509 -days 36500), as a Wi-Fi login page intercepting https presents one."""
    fixtures = Path(__file__).parent / "fixtures"
    server = MirrorServer(demo_site())
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(fixtures / "untrusted.crt", fixtures / "untrusted.key")  # self-signed
    server.httpd.socket = context.wrap_socket(server.httpd.socket, server_side=True)
    with server:
        fetcher = Fetcher(server.url.replace("http://", "https://"), backoff=0.01)
        with pytest.raises(FetchError, match="certificate is not trusted"):
            fetcher.fetch(ARTICLE)


def test_a_robots_txt_that_never_comes_fails_the_page_it_stood_before():
    class Stalling(MirrorHandler):
        def do_GET(self):  # noqa: N802
            if self.path.endswith("/robots.txt"):
                self.send_response(200)
                self.send_header("Content-Length", "100")
                self.end_headers()
                self.wfile.write(b"User-agent: *\n")  # and no more, until the client leaves
                self.wfile.flush()
                self.rfile.read(1)
                return
            super().do_GET()

    with MirrorServer(demo_site(), Stalling) as server:
        fetcher = Fetcher(server.url, timeout=(2.0, 0.5), backoff=0.01)
        with pytest.raises(FetchError, match="did not answer in time") as failure:
            fetcher.fetch(ARTICLE)
        fetcher.close()
    assert failure.value.url == ARTICLE


@pytest.mark.parametrize("status", [401, 403, 404, 410])
def test_a_robots_txt_the_server_will_not_give_sets_no_rules(status):
    """RFC 9309 2.3.1.3: a robots.txt answered with any 4xx is unavailable, so nothing is
    disallowed (a server or firewall that refuses .txt files does not shut out readers)."""

    class Refusing(MirrorHandler):
        def do_GET(self):  # noqa: N802
            if self.path.endswith("/robots.txt"):
                self.send_plain(status, b"<html><title>Forbidden</title></html>")
                return
            super().do_GET()

    with MirrorServer(demo_site(), Refusing) as server:
        fetcher = Fetcher(server.url, backoff=0.01)
        try:
            assert fetcher.fetch(ARTICLE).status == 200
        finally:
            fetcher.close()


def test_robots_txt_is_kept_as_the_standard_reads_it():
    """``Allow: /`` first and a wildcard after: urllib.robotparser let the page through."""

    class Wildcards(MirrorHandler):
        def do_GET(self):  # noqa: N802
            if self.path.endswith("/robots.txt"):
                self.send_plain(200, b"User-agent: *\nAllow: /\nDisallow: /system/*.shtml$\n")
                return
            super().do_GET()

    with MirrorServer(demo_site(), Wildcards) as server:
        fetcher = Fetcher(server.url, backoff=0.01)
        try:
            with pytest.raises(Refused, match="robots.txt"):
                fetcher.fetch(ARTICLE)
            assert fetcher.fetch("http://gansu.gscn.com.cn/gsyw/").status == 200
        finally:
            fetcher.close()


def test_a_proxy_carries_the_site_but_never_a_request_to_this_machine(monkeypatch):
    asked = []

    class Proxy(MirrorHandler):
        def do_GET(self):  # noqa: N802
            asked.append(self.path)  # the whole address, as a proxy is asked
            parts = urlsplit(self.path)
            self.path = "/" + parts.hostname.split(".")[0] + parts.path
            super().do_GET()

    monkeypatch.setenv("http_proxy", "http://127.0.0.1:9")  # named, and nobody there
    monkeypatch.delenv("no_proxy")  # conftest's, for the tests' own clients
    monkeypatch.delenv("NO_PROXY")
    with MirrorServer(demo_site(), Proxy) as proxy, MirrorServer(demo_site()) as mirror:
        through = Fetcher(proxy=proxy.url, backoff=0.01)
        direct = Fetcher(mirror.url, proxy="http://127.0.0.1:9", backoff=0.01)
        try:
            assert "兰州黄河风情线" in through.fetch(ARTICLE).data.decode()
            assert direct.fetch(ARTICLE).status == 200  # the mirror on 127.0.0.1: direct
        finally:
            through.close()
            direct.close()
    assert ARTICLE in asked


@pytest.mark.parametrize("interim", [b"102 Processing", b"103 Early Hints"])
def test_interim_answers_before_the_page_are_read_past(interim):
    """Browsers and curl read past every 1xx; http.client, only past 100 Continue."""

    class Hinting(MirrorHandler):
        def send_response(self, code, message=None):
            if code == 200:
                self.wfile.write(
                    b"HTTP/1.1 " + interim + b"\r\nLink: </style.css>; rel=preload\r\n\r\n"
                )
            super().send_response(code, message)

    with MirrorServer(demo_site(), Hinting) as server:
        fetcher = Fetcher(server.url, backoff=0.01)
        try:
            fetched = fetcher.fetch(ARTICLE)
        finally:
            fetcher.close()
    assert fetched.status == 200 and "兰州黄河风情线" in fetched.data.decode()


def test_a_redirect_written_in_utf8_is_followed_to_the_page_it_names():
    """Servers send a Location's non-ASCII characters as UTF-8 bytes; browsers read them so.
    http.client hands them over as Latin-1, which made /专题.shtml a mojibake address."""
    asked: list[str] = []

    class Redirecting(MirrorHandler):
        def do_GET(self):  # noqa: N802
            asked.append(self.path)
            if self.path.endswith("/robots.txt"):
                self.send_plain(404, b"none")
            elif self.path.endswith("013200001.shtml"):
                self.wfile.write(
                    "HTTP/1.1 301 Moved Permanently\r\nLocation: /system/2024/05/20/专题.shtml"
                    "\r\nContent-Length: 0\r\n\r\n".encode()
                )
                self.close_connection = True
            else:
                self.send_plain(200, "<html><title>专题_中国甘肃网</title></html>".encode())

    with MirrorServer(demo_site(), Redirecting) as server:
        fetched = Fetcher(server.url, backoff=0.01).fetch(ARTICLE)
    assert fetched.url == "http://gansu.gscn.com.cn/system/2024/05/20/专题.shtml"
    assert asked[-1] == "/gansu/system/2024/05/20/%E4%B8%93%E9%A2%98.shtml"


def test_a_crawl_delay_in_robots_txt_spaces_the_pages_of_its_host():
    asked: list[float] = []

    class Slow(MirrorHandler):
        def do_GET(self):  # noqa: N802
            if self.path.endswith("/robots.txt"):
                self.send_plain(200, b"User-agent: *\nCrawl-delay: 1\nDisallow: /cms_sys/\n")
                return
            asked.append(time.monotonic())
            super().do_GET()

    with MirrorServer(demo_site(), Slow) as server:
        fetcher = Fetcher(server.url, backoff=0.01)
        for _ in range(3):
            fetcher.fetch(ARTICLE)
    gaps = [later - earlier for earlier, later in itertools.pairwise(asked)]
    assert len(gaps) == 2 and min(gaps) >= 0.95, gaps
