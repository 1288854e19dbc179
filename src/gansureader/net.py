"""HTTP for gansureader: a polite client of a public service with modest servers.

One ``Fetcher`` holds one requests.Session: connect/read timeouts, retries with
backoff on connection errors and 5xx, a few connections per host at most, a
User-Agent naming the app, robots.txt honoured, conditional GET (ETag and
Last-Modified), size caps, http/https only, bounded redirects, and the mirror
mapping (``http://SUB.gscn.com.cn/PATH`` fetched from ``MIRROR/SUB/PATH`` while the
real URL is what everyone else sees). Cancellation is checked between chunks.
"""

from __future__ import annotations

import re
import threading
import time
import urllib.robotparser
from dataclasses import dataclass
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from . import __version__
from .addresses import SITE_DOMAIN, subdomain
from .parse import MAX_PAGE_BYTES

USER_AGENT = f"gansureader/{__version__} (desktop reader for gscn.com.cn)"
ROBOTS_AGENT = "gansureader"
CONNECTIONS_PER_HOST = 4
MAX_REDIRECTS = 5
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_CHUNK = 64 * 1024
_UNREACHABLE = "could not connect (offline, or the site is down)"


class FetchError(Exception):
    """A URL could not be fetched; ``reason`` says why in words a reader understands."""

    def __init__(self, url: str, reason: str):
        super().__init__(f"{url}: {reason}")
        self.url, self.reason = url, reason


class Cancelled(Exception):
    """The user stopped the work; nothing half-done was kept."""


@dataclass(frozen=True)
class Fetched:
    url: str  # the real URL, after redirects
    status: int  # 200, or 304 when the validators still hold
    data: bytes
    charset: str | None
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Fetcher:
    def __init__(
        self,
        mirror: str | None = None,
        *,
        timeout: tuple[float, float] = (5.0, 20.0),
        retries: int = 2,
        backoff: float = 0.5,
        cancel: threading.Event | None = None,
        proxy: str | None = None,
    ):
        self.mirror = mirror.rstrip("/") if mirror else None
        self.timeout = timeout
        self.cancel = cancel or threading.Event()
        self.session = requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        self.session.max_redirects = MAX_REDIRECTS
        if proxy:
            self.session.proxies = {"http": proxy, "https": proxy}
        retry = Retry(
            total=retries,
            connect=retries,
            read=1,
            status=retries,
            backoff_factor=backoff,
            status_forcelist=(500, 502, 503, 504),
            allowed_methods=frozenset({"GET"}),
            raise_on_status=False,
            respect_retry_after_header=True,
        )
        adapter = HTTPAdapter(max_retries=retry, pool_maxsize=CONNECTIONS_PER_HOST)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self._lock = threading.Lock()
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}
        self._slots: dict[str, threading.Semaphore] = {}

    def close(self) -> None:
        self.session.close()

    def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        max_bytes: int = MAX_PAGE_BYTES,
    ) -> Fetched:
        """GET ``url`` (conditionally, given validators); raises FetchError or Cancelled."""
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(url, "only http and https addresses can be fetched")
        if not self.allowed(url):
            raise FetchError(url, "the site's robots.txt asks readers not to fetch this page")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._get(url, headers, max_bytes)

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of the URL's host lets gansureader fetch it."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            robots = self._robots.get(origin)
        if robots is None:
            try:
                robots = self._read_robots(origin)
            except FetchError as error:
                raise FetchError(url, error.reason) from None
            with self._lock:
                self._robots[origin] = robots
        return robots.can_fetch(ROBOTS_AGENT, url)

    def mirrored(self, url: str) -> str:
        """Where ``url`` is actually fetched from: itself, or its place in the mirror."""
        if self.mirror is None:
            return url
        parts = urlsplit(url)
        sub = subdomain(url)
        if sub is None:
            raise FetchError(url, f"not on {SITE_DOMAIN}, so not in the mirror {self.mirror}")
        query = f"?{parts.query}" if parts.query else ""
        return f"{self.mirror}/{sub}{parts.path or '/'}{query}"

    def real(self, fetched_url: str, requested: str) -> str:
        """The real URL behind the URL a response came from (they differ after redirects)."""
        if self.mirror is None:
            return fetched_url
        if fetched_url == self.mirrored(requested) or not fetched_url.startswith(self.mirror):
            return requested
        sub, _, path = fetched_url[len(self.mirror) + 1 :].partition("/")
        return f"{urlsplit(requested).scheme}://{sub}.{SITE_DOMAIN}/{path}"

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser:
        robots = urllib.robotparser.RobotFileParser()
        try:
            fetched = self._get(f"{origin}/robots.txt", {}, 512 * 1024, ok_statuses=(200,))
            robots.parse(fetched.data.decode("utf-8", errors="replace").splitlines())
        except FetchError as error:
            if error.reason == _UNREACHABLE:
                raise  # the page itself is unreachable too: say so once, not twice
            # 401/403 mean "keep out"; a missing robots.txt sets no rules.
            if error.reason.endswith(("HTTP 401", "HTTP 403")):
                robots.disallow_all = True
            else:
                robots.allow_all = True
        return robots

    def _slot(self, url: str) -> threading.Semaphore:
        host = urlsplit(url).netloc
        with self._lock:
            return self._slots.setdefault(host, threading.Semaphore(CONNECTIONS_PER_HOST))

    def _get(self, url: str, headers: dict, max_bytes: int, ok_statuses=(200, 304)) -> Fetched:
        target = self.mirrored(url)
        for attempt in range(2):  # a connection dropped mid-body is tried once more
            if self.cancel.is_set():
                raise Cancelled()
            try:
                with self._slot(url):
                    return self._read(url, target, headers, max_bytes, ok_statuses)
            except requests.exceptions.ChunkedEncodingError:
                if attempt == 1:
                    raise FetchError(url, "the connection broke off mid-page") from None
                time.sleep(0.2)
            except requests.exceptions.ConnectionError as error:
                if "Read timed out" in str(error):
                    raise FetchError(url, "the server did not answer in time") from None
                if attempt == 1 or "Connection refused" in str(error):
                    raise FetchError(url, _UNREACHABLE) from None
            except requests.exceptions.Timeout:
                raise FetchError(url, "the server did not answer in time") from None
            except requests.exceptions.TooManyRedirects:
                raise FetchError(url, f"more than {MAX_REDIRECTS} redirects (a loop?)") from None
            except requests.exceptions.InvalidSchema:
                raise FetchError(url, "redirected to an address that is not http(s)") from None
            except requests.exceptions.RequestException as error:
                raise FetchError(url, f"request failed ({error.__class__.__name__})") from None
        raise AssertionError("unreachable")

    def _read(self, url, target, headers, max_bytes, ok_statuses) -> Fetched:
        with self.session.get(target, headers=headers, timeout=self.timeout, stream=True) as r:
            if r.status_code not in ok_statuses:
                raise FetchError(url, f"the server answered HTTP {r.status_code}")
            declared = r.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(url, f"larger than {_megabytes(max_bytes)}, not fetched")
            chunks, size = [], 0
            for chunk in r.iter_content(_CHUNK):
                if self.cancel.is_set():
                    raise Cancelled()
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(url, f"larger than {_megabytes(max_bytes)}, not fetched")
                chunks.append(chunk)
            content_type = r.headers.get("Content-Type")
            charset = _CHARSET.search(content_type or "")
            return Fetched(
                url=self.real(r.url, url),
                status=r.status_code,
                data=b"".join(chunks),
                charset=charset.group(1) if charset else None,
                etag=r.headers.get("ETag"),
                last_modified=r.headers.get("Last-Modified"),
            )


def _megabytes(size: int) -> str:
    return f"{size // 1024 // 1024} MB" if size >= 1024 * 1024 else f"{size // 1024} KB"
