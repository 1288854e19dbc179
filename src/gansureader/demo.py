"""A local HTTP server for a mirror of the site: the bundled demo site, or a test's.

Serves ``ROOT/SUB/PATH`` for ``http://127.0.0.1:PORT/SUB/PATH`` on 127.0.0.1 only,
with ETag and Last-Modified and 304 answers to conditional requests, like the
real site's servers. Runs in a daemon thread of the calling process.
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
import sys
import threading
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .model import Channel
from .paths import resources_dir

INDEX_NAMES = ("index.shtml", "index.html", "index.htm")
_TYPES = {".shtml": "text/html", ".html": "text/html", ".htm": "text/html", ".txt": "text/plain"}


def demo_site() -> Path:
    return resources_dir() / "demo_site"


def demo_channels() -> list[Channel]:
    """The channels the demo site has (its generator lists them in channels.json)."""
    listed = json.loads((demo_site() / "channels.json").read_text(encoding="utf-8"))
    return [Channel(c["name"], c["url"], c["group"]) for c in listed]


class MirrorHandler(BaseHTTPRequestHandler):
    root: Path  # set on the server's handler subclass
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        path = self.resolve(unquote(urlsplit(self.path).path))
        if path is None:
            self.send_plain(404, b"not found")
            return
        data = path.read_bytes()
        etag = '"' + hashlib.sha1(data).hexdigest()[:16] + '"'
        last_modified = formatdate(int(path.stat().st_mtime), usegmt=True)
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        content_type = _TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0]
        self.send_header("Content-Type", content_type or "application/octet-stream")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", last_modified)
        self.end_headers()
        self.wfile.write(data)

    def resolve(self, request_path: str) -> Path | None:
        """The file for a request path, never outside the root."""
        root = self.root.resolve()
        target = (root / request_path.lstrip("/")).resolve()
        if root not in (target, *target.parents):
            return None
        if target.is_dir():
            target = next((target / n for n in INDEX_NAMES if (target / n).is_file()), target)
        return target if target.is_file() else None

    def send_plain(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass  # a reader's terminal is no place for an access log


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # the reader hung up (a cancelled sync): nothing went wrong here
        super().handle_error(request, client_address)


class MirrorServer:
    """``with MirrorServer(root) as server: … server.url …`` — serves until the block ends."""

    def __init__(self, root: Path, handler: type[MirrorHandler] = MirrorHandler):
        handler_class = type("BoundMirrorHandler", (handler,), {"root": Path(root)})
        self.httpd = _Server(("127.0.0.1", 0), handler_class)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def start(self) -> MirrorServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> MirrorServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
