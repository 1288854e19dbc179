"""A mirror of a small channel whose articles each fail in their own way, and its server.

The list page names ten articles; the handler makes each one misbehave as its
name says (404, 500 then 200, slower than the timeout, dropped mid-body, cut off
mid-page with no length announced, oversized, a redirect loop, a picture that is no
picture, a robots.txt ban) or serves it well.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from gansureader.demo import MirrorHandler

SITE = "http://gansu.gscn.com.cn"
CHANNEL_URL = f"{SITE}/faults/"
ARTICLES = {
    "missing": "/system/2024/06/01/013300001.shtml",
    "flaky": "/system/2024/06/01/013300002.shtml",
    "slow": "/system/2024/06/01/013300003.shtml",
    "dropped": "/system/2024/06/01/013300004.shtml",
    "oversized": "/system/2024/06/01/013300005.shtml",
    "loop": "/system/2024/06/01/013300006.shtml",
    "bad_picture": "/system/2024/06/01/013300007.shtml",
    "forbidden": "/private/system/2024/06/01/013300008.shtml",
    "good": "/system/2024/06/01/013300009.shtml",
    "cut_unannounced": "/system/2024/06/01/013300010.shtml",
}
BAD_PICTURE = "/pic/broken.jpg"
GOOD_PICTURE = "/pic/fine.png"
SLOW_SECONDS = 1.5


def article_html(title: str, picture: str | None = None) -> str:
    image = (
        f'<p style="text-align:center"><img src="{picture}"></p><p>图为现场。</p>'
        if picture
        else ""
    )
    return f"""<html><head><meta charset="utf-8"><title>{title}--中国甘肃网</title></head><body>
<div class="crumbs">您当前的位置 : <a href="/">中国甘肃网</a> &gt;&gt;
<a href="/faults/">测试</a></div>
<div class="a-header"><h1>{title}</h1><div class="info"><span>2024-06-01 10:00</span>
<span>来源:中国甘肃网</span> <span>编辑:测试</span></div></div>
<div class="a-container">{image}<p>　　{title}，这是一篇用于测试的文章，内容完整，标点齐全。</p>
<p>　　第二段文字，说明同步引擎在遇到故障时仍能保存其他文章。</p></div></body></html>"""


def build(root: Path, png: bytes) -> Path:
    """Write the fault mirror under ``root`` (the handler fakes the faulty parts)."""
    gansu = root / "gansu"
    items = "\n".join(
        f'<li><a href="{path}">{name} 文章</a><span>2024/06/01</span></li>'
        for name, path in ARTICLES.items()
    )
    (gansu / "faults").mkdir(parents=True)
    (gansu / "faults" / "index.shtml").write_text(
        f'<html><head><meta charset="utf-8"><title>测试_中国甘肃网</title></head><body>'
        f'<div id="content"><ul>{items}</ul></div></body></html>',
        encoding="utf-8",
    )
    for name, path in ARTICLES.items():
        if name == "missing":
            continue
        picture = {"bad_picture": BAD_PICTURE, "good": GOOD_PICTURE}.get(name)
        target = gansu / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(article_html(f"{name} 文章", picture), encoding="utf-8")
    (gansu / "pic").mkdir()
    (gansu / BAD_PICTURE.lstrip("/")).write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 200)  # cut short
    (gansu / GOOD_PICTURE.lstrip("/")).write_bytes(png)
    (gansu / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n", encoding="utf-8")
    return root


class FaultHandler(MirrorHandler):
    requests_seen: dict[str, int] = {}
    _lock = threading.Lock()

    def do_GET(self) -> None:  # noqa: N802
        path = self.path.split("/", 2)[2] if self.path.count("/") >= 2 else ""
        path = "/" + path
        with self._lock:
            count = self.requests_seen[path] = self.requests_seen.get(path, 0) + 1
        if path == ARTICLES["flaky"] and count == 1:
            self.send_plain(500, b"try again")
        elif path == ARTICLES["slow"]:
            time.sleep(SLOW_SECONDS)
            super().do_GET()
        elif path == ARTICLES["dropped"]:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "5000")
            self.end_headers()
            self.wfile.write(b"<html><body><p>cut")
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(2)
        elif path == ARTICLES["cut_unannounced"]:
            page = article_html("cut_unannounced 文章").encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")  # no length: only the page's end tells
            self.end_headers()
            self.wfile.write(page[: page.index("第二段".encode())])  # a whole tag, then the close
            self.close_connection = True
        elif path == ARTICLES["oversized"]:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")  # no length: the body runs until the close
            self.end_headers()
            chunk = b"<p>" + "很长的页面。".encode() * 5000 + b"</p>\n"
            for _ in range(6 * 1024 * 1024 // len(chunk) + 2):
                self.wfile.write(chunk)
            self.close_connection = True
        elif path == ARTICLES["loop"]:
            self.send_response(302)
            self.send_header("Location", path)  # itself, as the real site would say it
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            super().do_GET()
