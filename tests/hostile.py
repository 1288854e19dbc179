"""A small channel of the site served by a server that misbehaves as a test says.

``serve(root, behaviours)`` serves the mirror under ``root``; ``behaviours`` maps a real
path (``/system/…``, on any host) to a function of the request handler that answers
in its own way: dripping, redirecting off the site, answering as a Wi-Fi login page.
Every request is counted by path, and ``started`` is set for a path once its
behaviour begins, so a test can wait for it instead of sleeping.
"""

from __future__ import annotations

import gzip
import random
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit

import faults
from gansureader.demo import MirrorHandler, MirrorServer

SITE = "http://gansu.gscn.com.cn"
CHANNEL_URL = f"{SITE}/hostile/"
PORTAL_PAGE = b"""<html><head><meta charset="utf-8"><title>Free Wi-Fi</title></head><body>
<h1>Welcome to Hotel Wi-Fi</h1><p>Please log in to use the internet.</p>
<form action="http://login.hotel.example/auth" method="post">
<input name="room"><input type="password" name="code"><button>Log in</button></form>
</body></html>"""


def article_path(number: int) -> str:
    return f"/system/2024/06/02/0{133400000 + number:08d}.shtml"


def build(root: Path, count: int) -> list[str]:
    """A channel listing ``count`` good articles; returns their real URLs."""
    paths = [article_path(n) for n in range(1, count + 1)]
    write_list(root, paths)
    for n, path in enumerate(paths, 1):
        target = root / "gansu" / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(faults.article_html(f"第{n}篇 测试文章"), encoding="utf-8")
    return [SITE + path for path in paths]


def write_list(root: Path, paths: list[str]) -> None:
    items = "\n".join(
        f'<li><a href="{path}">文章 {n}</a><span>2024/06/02</span></li>'
        for n, path in enumerate(paths, 1)
    )
    folder = root / "gansu" / "hostile"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.shtml").write_text(
        f'<html><head><meta charset="utf-8"><title>测试_中国甘肃网</title></head><body>'
        f'<div id="content"><ul>{items}</ul></div></body></html>',
        encoding="utf-8",
    )


class HostileHandler(MirrorHandler):
    behaviours: dict = {}
    seen: Counter
    started: dict[str, threading.Event]
    lock = threading.Lock()

    def do_GET(self) -> None:  # noqa: N802
        path = "/" + self.path.split("/", 2)[2] if self.path.count("/") >= 2 else "/"
        with self.lock:
            self.seen[path] += 1
        behaviour = self.behaviours.get(path) or self.behaviours.get("*")
        if behaviour is None:
            super().do_GET()
            return
        self.started.setdefault(path, threading.Event()).set()
        behaviour(self)


def serve(root: Path, behaviours: dict) -> MirrorServer:
    handler = type(
        "Hostile",
        (HostileHandler,),
        {"behaviours": behaviours, "seen": Counter(), "started": {}},
    )
    return MirrorServer(root, handler)


def started(server: MirrorServer, path: str, timeout: float = 10) -> bool:
    handler = server.httpd.RequestHandlerClass
    with handler.lock:
        event = handler.started.setdefault(path, threading.Event())
    return event.wait(timeout)


def seen(server: MirrorServer) -> Counter:
    return server.httpd.RequestHandlerClass.seen


# ---------------------------------------------------------------- behaviours


def drip(handler: HostileHandler, seconds: float = 60.0) -> None:
    """A page that arrives a byte at a time, for ``seconds`` or until the client leaves."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    handler.send_header("Content-Length", "100000")
    handler.end_headers()
    page = faults.article_html("滴漏文章").encode()
    end = time.monotonic() + seconds
    try:
        for byte in page * 10:
            if time.monotonic() > end:
                break
            handler.wfile.write(bytes([byte]))
            handler.wfile.flush()
            time.sleep(0.05)
    except OSError:
        pass  # the reader gave up on us: that is the point
    handler.close_connection = True


def redirect_to(location: str):
    def redirect(handler: HostileHandler) -> None:
        handler.send_response(302)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return redirect


def portal(handler: HostileHandler) -> None:
    """What a captive portal answers to every request: its own login page, 200 OK."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    handler.send_header("Content-Length", str(len(PORTAL_PAGE)))
    handler.end_headers()
    handler.wfile.write(PORTAL_PAGE)


FIREWALL_PAGE = """<html><head><meta charset="utf-8"><title>安全验证</title></head><body>
<h2>您的访问请求可能对网站造成安全威胁，请求已被拦截。</h2>
<p>如果您是网站管理员，请登录云防护控制台查看详情。事件ID：8a7b6c5d</p></body></html>""".encode()


def _page_instead(handler, page: bytes) -> None:
    """``page`` answered 200 OK in the asked page's place."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    handler.send_header("Content-Length", str(len(page)))
    handler.end_headers()
    handler.wfile.write(page)


def firewall(handler):
    """A web firewall answering for the site, 200 OK: a page the parser reads as an article."""
    _page_instead(handler, FIREWALL_PAGE)


# The site's own "down for maintenance" page, 200 OK: it names the site (logo, footer).
MAINTENANCE_PAGE = """<html><head><meta charset="utf-8"><title>中国甘肃网</title></head><body>
<div class="logo"><img src="http://www.gscn.com.cn/images/logo.png" alt="中国甘肃网"></div>
<h1>系统维护中</h1><p>为了给您提供更好的服务，网站正在进行系统升级维护，请稍后访问。</p>
<p>给您带来的不便，敬请谅解。</p><div class="footer">中国甘肃网 版权所有</div>
</body></html>""".encode()


def maintenance(handler):
    _page_instead(handler, MAINTENANCE_PAGE)


def not_modified(handler: HostileHandler) -> None:
    """304 whatever was asked, as a broken cache on the way answers."""
    handler.send_response(304)
    handler.send_header("Content-Length", "0")
    handler.end_headers()


def chaotic(seed: int):
    """Every page answered, at random, whole or as one of the ways servers fail: an error, a
    429, a body cut short (announced, unannounced, chunked), no answer, no HTTP, gzip that
    is none, a firewall's page, a 304 to anything, a redirect to an unreadable address or
    off the site, or slowly. robots.txt is whole."""
    rng, lock = random.Random(seed), threading.Lock()

    def behave(handler: HostileHandler) -> None:
        with lock:
            roll, share = rng.random(), rng.random()
        path = handler.resolve(unquote(urlsplit(handler.path).path))
        if path is None or handler.path.endswith("/robots.txt") or roll < 0.45:
            MirrorHandler.do_GET(handler)
            return
        answer = _CHAOS[int((roll - 0.45) / 0.55 * len(_CHAOS))]
        answer(handler, path.read_bytes(), share)
        handler.close_connection = True

    return behave


def _head(handler, status: int, *headers: tuple[str, str]) -> None:
    handler.send_response(status)
    for name, value in headers:
        handler.send_header(name, value)
    handler.end_headers()


def _cut(handler, data: bytes, share: float) -> None:  # the length said, then the close
    _head(handler, 200, ("Content-Type", "text/html"), ("Content-Length", str(len(data))))
    handler.wfile.write(data[: int(len(data) * share)])
    handler.wfile.flush()
    handler.connection.shutdown(2)


def _cut_unannounced(handler, data: bytes, share: float) -> None:
    _head(handler, 200, ("Content-Type", "text/html"), ("Connection", "close"))
    handler.wfile.write(data[: int(len(data) * share)])


def _whole_unannounced(handler, data: bytes, share: float) -> None:
    _head(handler, 200, ("Content-Type", "text/html"), ("Connection", "close"))
    handler.wfile.write(data)


def _cut_chunks(handler, data: bytes, share: float) -> None:
    _head(handler, 200, ("Content-Type", "text/html"), ("Transfer-Encoding", "chunked"))
    part = data[: int(len(data) * share)]
    handler.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
    handler.wfile.flush()
    handler.connection.shutdown(2)


def _gzip(handler, data: bytes, share: float) -> None:
    packed = gzip.compress(data)
    headers = ("Content-Encoding", "gzip"), ("Content-Length", str(len(packed)))
    _head(handler, 200, ("Content-Type", "text/html"), *headers)
    handler.wfile.write(packed)


def _slow(handler, data: bytes, share: float) -> None:
    time.sleep(share / 2)
    MirrorHandler.do_GET(handler)


def _not_gzip(handler, data: bytes, share: float) -> None:
    _head(handler, 200, ("Content-Encoding", "gzip"), ("Content-Length", "4"))
    handler.wfile.write(b"zzzz")


def _answering(behaviour):
    """A behaviour of the handler alone, as one of the chaotic answers."""
    return lambda handler, data, share: behaviour(handler)


_CHAOS = [
    _answering(lambda handler: handler.send_plain(500, b"busy")),
    _answering(lambda handler: _head(handler, 429, ("Retry-After", "0"), ("Content-Length", "0"))),
    _cut,
    _cut_unannounced,
    _whole_unannounced,
    _answering(lambda handler: None),  # the connection closed with no answer
    _answering(lambda handler: handler.wfile.write(b"HTTP/1.1 zz\r\n\r\n")),
    _cut_chunks,
    _gzip,
    _not_gzip,
    _answering(firewall),
    _answering(not_modified),
    _answering(redirect_to("http://[bad/x.shtml")),
    _answering(redirect_to("http://login.hotel.example/portal")),
    _slow,
]
