"""The feeds on 127.0.0.1: GET and HEAD of the paths FeedDocuments knows, with ETags and
304 answers; anything else is a 404. Nothing but the cache is reachable: paths are
looked up, never joined onto a folder, and a request naming another host (in its Host
header or its target — a web page rebinding a name to this computer) is refused.

Each client has a thread of its own (a bounded number of them) and a deadline for its
exchange, so a client that dawdles holds only itself; one thread owns the connection
to the cache and builds every document (SQLite connections stay on their thread, and a
feed built once serves every reader until the cache changes).
"""

from __future__ import annotations

import socket
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as AnswerTimedOut
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .. import reasons
from ..addresses import readable
from ..deadlines import Watchdog
from ..errors import GansuReaderError
from ..model import Channel
from ..store import StoreError
from .documents import Document, FeedDocuments

# A browser always names the host it thinks it talks to; a bare client may name none.
_LOCAL_NAMES = ("127.0.0.1", "localhost", "")
MAX_CLIENTS = 16  # feed readers of one computer; past this a client is told to come back
REQUEST_SECONDS = 10.0  # to send the request line and headers
ANSWER_SECONDS = 120.0  # to build the answer (a large feed, the first time) and take it


class FeedServerError(GansuReaderError):
    """The server could not start (the port is taken); the message says what to do."""


class _Handler(BaseHTTPRequestHandler):
    server: FeedServer
    protocol_version = "HTTP/1.0"  # one answer per connection
    timeout = REQUEST_SECONDS

    def handle(self) -> None:
        with self.server.watchdog.watching(REQUEST_SECONDS) as self.watch:
            self.watch.attach(self.connection)
            super().handle()

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self._answer(with_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._answer(with_body=False)

    def _answer(self, with_body: bool) -> None:
        self.watch.extend_to(time.monotonic() + ANSWER_SECONDS)
        if not readable(self.path):  # GET http://[bad/… : no address at all
            self._plain(400, "the request's target is no address that can be read")
            return
        target = urlsplit(self.path)
        named = {(self.headers.get("Host") or "").rsplit(":", 1)[0]}
        if target.netloc:  # an absolute-form target names its host too
            named.add(target.hostname or target.netloc)
        if not named <= set(_LOCAL_NAMES) or target.scheme not in ("", "http"):
            self._plain(403, "only this computer's feed readers are served")
            return
        try:
            document = self.server.document(unquote(target.path))  # a 关注's name
        except StoreError as error:  # the cache cannot be read: say so, keep serving
            self._plain(503, f"the offline cache cannot be read: {error}")
            return
        except AnswerTimedOut:
            self._plain(503, "the feed is still being built: try again in a minute")
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


class FeedServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, open_store: Callable, port: int, channels: list[Channel] | None = None):
        try:
            super().__init__(("127.0.0.1", port), _Handler)
        except OSError as error:
            raise FeedServerError(reasons.fill(reasons.FEEDS_PORT, port, error.strerror)) from None
        self.open_store, self.channels = open_store, channels
        self.watchdog = Watchdog()
        self._clients = threading.BoundedSemaphore(MAX_CLIENTS)
        self._cache = ThreadPoolExecutor(1, thread_name_prefix="feeds-cache")
        self._documents: FeedDocuments | None = None  # used on the cache thread only
        self._thread: threading.Thread | None = None

    @property
    def address(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def document(self, path: str) -> Document | None:
        """The document at ``path``, built on the cache's thread (from a client's thread)."""
        return self._cache.submit(self._build, path).result(ANSWER_SECONDS)

    def rebuild_recent(self) -> None:
        """After a sync: the documents feed readers asked for lately are built again on
        the cache's thread now, not when the next reader asks (and waits)."""
        if self._documents is not None:
            try:
                self._cache.submit(self._documents.rebuild_recent)
            except RuntimeError:
                pass  # stopping: nobody will ask

    def _build(self, path: str) -> Document | None:
        if self._documents is None:
            self._documents = FeedDocuments(self.open_store(), self.address, self.channels)
        return self._documents.document(path)

    def process_request(self, request, client_address) -> None:
        if not self._clients.acquire(blocking=False):
            _turn_away(request)
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._clients.release()

    def handle_error(self, request, client_address) -> None:
        if isinstance(sys.exc_info()[1], OSError):
            return  # the client hung up or dawdled past its deadline: nothing went wrong here
        super().handle_error(request, client_address)

    def serve(self) -> None:
        """Answer until stopped (or interrupted), then close the cache on its thread."""
        try:
            self.serve_forever()
        finally:
            self._cache.submit(self._close_cache).result()
            self._cache.shutdown()
            self.watchdog.stop()
            self.server_close()

    def _close_cache(self) -> None:
        if self._documents is not None:
            self._documents.store.close()

    def serve_in_background(self) -> None:
        self._thread = threading.Thread(target=self.serve, name="feeds", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """From another thread than the one serving."""
        self.shutdown()
        if self._thread is not None:
            self._thread.join()


def _turn_away(request: socket.socket) -> None:
    """A 503 written straight to a client past MAX_CLIENTS, without a thread of its own."""
    body = b"too many feed readers at once: try again in a few seconds\n"
    head = (
        "HTTP/1.0 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
        f"Retry-After: 5\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    try:
        request.settimeout(1.0)
        request.sendall(head.encode() + body)
    except OSError:
        pass


def _matches(header: str | None, etag: str) -> bool:
    if not header:
        return False
    tags = [tag.strip().removeprefix("W/") for tag in header.split(",")]
    return "*" in tags or etag in tags


def feed_server(
    folder: Path, port: int, channels: list[Channel] | None = None, *, read_only: bool = False
) -> FeedServer:
    """``read_only``: in the window, whose writer has opened the cache (one writer)."""
    from ..store import Store

    return FeedServer(lambda: Store(folder, read_only=read_only), port, channels)
