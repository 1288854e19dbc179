"""The feeds on 127.0.0.1: GET and HEAD of the paths FeedDocuments knows, with ETags and
304 answers; anything else is a 404. Nothing but the cache is reachable: paths are
looked up, never joined onto a folder, and a request naming another host (a web
page rebinding a name to this computer) is refused."""

from __future__ import annotations

import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from ..model import Channel
from ..store import StoreError
from .documents import FeedDocuments

DEFAULT_PORT = 8787
# A browser always names the host it thinks it talks to; a bare client may name none.
_LOCAL_NAMES = ("127.0.0.1", "localhost", "")


class FeedServerError(Exception):
    """The server could not start (the port is taken); the message says what to do."""


class _Handler(BaseHTTPRequestHandler):
    server: FeedServer
    # One answer per connection, and a client that stalls is let go: one thread serves
    # every feed reader of the computer, so none may hold it.
    protocol_version = "HTTP/1.0"
    timeout = 10

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self._answer(with_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._answer(with_body=False)

    def _answer(self, with_body: bool) -> None:
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
        if host not in _LOCAL_NAMES:
            self._plain(403, "only this computer's feed readers are served")
            return
        try:
            document = self.server.documents().document(urlsplit(self.path).path)
        except StoreError as error:  # the cache cannot be read: say so, keep serving
            self._plain(503, f"the offline cache cannot be read: {error}")
            return
        if document is None:
            self._plain(404, "no such feed: see /opml for the list")
            return
        if _matches(self.headers.get("If-None-Match"), document.etag):
            self.send_response(304)
            self.send_header("ETag", document.etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", document.content_type)
        self.send_header("Content-Length", str(len(document.data)))
        self.send_header("ETag", document.etag)
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        if with_body:
            self.wfile.write(document.data)

    def _plain(self, status: int, text: str) -> None:
        data = (text + "\n").encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args) -> None:
        pass  # a feed reader polls all day; the terminal stays quiet


class FeedServer(HTTPServer):
    """One thread answers, with its own connection to the cache (SQLite connections stay
    on the thread that opened them); readers poll rarely, so one is plenty."""

    def __init__(self, open_store: Callable, port: int, channels: list[Channel] | None = None):
        try:
            super().__init__(("127.0.0.1", port), _Handler)
        except OSError as error:
            raise FeedServerError(
                f"cannot serve feeds on 127.0.0.1:{port} ({error.strerror}): choose another port"
            ) from None
        self.open_store, self.channels = open_store, channels
        self._documents: FeedDocuments | None = None
        self._thread: threading.Thread | None = None

    @property
    def address(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def documents(self) -> FeedDocuments:
        if self._documents is None:
            self._documents = FeedDocuments(self.open_store(), self.address, self.channels)
        return self._documents

    def serve(self) -> None:
        """Answer until stopped (or interrupted), then close the cache on this thread."""
        try:
            self.serve_forever()
        finally:
            if self._documents is not None:
                self._documents.store.close()
            self.server_close()

    def serve_in_background(self) -> None:
        self._thread = threading.Thread(target=self.serve, name="feeds", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """From another thread than the one serving."""
        self.shutdown()
        if self._thread is not None:
            self._thread.join()


def _matches(header: str | None, etag: str) -> bool:
    if not header:
        return False
    tags = [tag.strip().removeprefix("W/") for tag in header.split(",")]
    return "*" in tags or etag in tags


def feed_server(folder: Path, port: int, channels: list[Channel] | None = None) -> FeedServer:
    from ..store import Store

    return FeedServer(lambda: Store(folder), port, channels)
