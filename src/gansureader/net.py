"""HTTP for gansureader: a polite client of a public service with modest servers.

One ``Fetcher`` holds one requests.Session: a User-Agent naming the app, a few
connections per host at most, robots.txt honoured on every host a request reaches,
conditional GET (ETag and Last-Modified), size caps, http/https only, and the mirror
mapping (``http://SUB.gscn.com.cn/PATH`` fetched from ``MIRROR/SUB/PATH`` while the
real URL is what everyone else sees).

Every request has a deadline for the whole answer (connect, first byte, body), kept
by the watchdog in deadlines.py, which also ends a request at once when the user
cancels. Redirects are followed by hand, each hop checked: a request for a page of
the site never ends on another host (a Wi-Fi login page, a hijacked link). Retries
(connection errors, 5xx) wait with backoff, cancellably, and never past the deadline.
"""

from __future__ import annotations

import http.client
import ipaddress
import re
import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ReadTimeoutError
from urllib3.response import HTTPResponse as _Urllib3Response

from . import __version__, reasons, robots_txt
from .addresses import SITE_DOMAIN, is_site_address, readable, subdomain
from .deadlines import Watch, Watchdog, attach_current
from .errors import GansuReaderError
from .parse import MAX_PAGE_BYTES

USER_AGENT = f"gansureader/{__version__} (desktop reader for gscn.com.cn)"
ROBOTS_AGENT = "gansureader"
CONNECTIONS_PER_HOST = 4
MAX_REDIRECTS = 5
# The whole answer of one request, retries and redirects included; a larger body (its
# Content-Length) earns more time at SLOWEST_RATE, so a big picture on a slow line passes.
DEADLINE_SECONDS = 60.0
SLOWEST_RATE = 32 * 1024  # bytes a second
# A server asking to be retried later (Retry-After) is waited for this long at most:
# past it, the article waits for the next sync rather than stall this one.
LONGEST_RETRY_WAIT = 10.0
# Worth asking again: the server's trouble, or its rate limiter's "too many requests".
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_CHUNK = 64 * 1024
# An HTML page's start and its end: a page whose length the server did not announce (no
# Content-Length, no chunks: it ends when the connection closes) is whole only if its end
# came. Anything may follow </html> (the CMS appends counters there), so it is searched for.
_HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype[^>]*>\s*)?(?:<!--.*?-->\s*)*<html",
    re.I | re.S,
)
_HTML_END = re.compile(rb"</html\s*>", re.I)
# This machine is never asked through a proxy, as browsers never do: a proxy named by the
# environment (http_proxy) or the settings would take the demo's and the tests' mirror on
# 127.0.0.1 to itself. (None drops the configured proxy, no_proxy the environment's.)
_DIRECT = {"http": None, "https": None, "no_proxy": "*"}
# Content-Encodings that are compressions (those urllib3 undoes when it has their module).
_COMPRESSIONS = frozenset(("gzip", "x-gzip", "deflate", "br", "zstd", "compress", "x-compress"))


class FetchError(GansuReaderError):
    """A URL could not be fetched; ``reason`` says why in words a reader understands."""

    def __init__(self, url: str, reason: str):
        super().__init__(f"{url}: {reason}")
        self.url, self.reason = url, reason


class HTTPStatusError(FetchError):
    def __init__(self, url: str, status: int):
        super().__init__(url, reasons.fill(reasons.HTTP_STATUS, status))
        self.status = status


class Unreachable(FetchError):
    def __init__(self, url: str):
        super().__init__(url, reasons.UNREACHABLE)


class TimedOut(FetchError):
    """No answer in time, or an answer too slow to finish before the deadline."""


class NoAnswer(FetchError):
    """The server was reached and gave nothing usable: no answer, no HTTP, no secure link."""


class BrokenOff(FetchError):
    def __init__(self, url: str, reason: str = reasons.BROKE_OFF):
        super().__init__(url, reason)


class Refused(FetchError):
    """Not fetched on purpose: robots.txt, the scheme, the size, what came back."""


class OffSite(FetchError):
    """The request led off the site (a redirect elsewhere, a host the mirror lacks)."""

    def __init__(self, url: str, host: str, reason: str | None = None):
        super().__init__(url, reason or reasons.fill(reasons.OFF_SITE, host))
        self.host = host


class Cancelled(Exception):
    """The user stopped the work; nothing half-done was kept."""


class _Again(Exception):
    """A failure worth another try (after ``wait`` seconds, or the backoff)."""

    def __init__(self, error: FetchError, wait: float | None = None):
        self.error, self.wait = error, wait


@dataclass(frozen=True)
class Fetched:
    url: str  # the real URL, after redirects inside the site
    status: int  # 200, or 304 when the validators still hold
    data: bytes
    charset: str | None
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class _FinalResponse(http.client.HTTPResponse):
    """The answer after any interim ones (1xx), read past as browsers and curl do:
    http.client reads past 100 Continue alone, so a 103 Early Hints or a 102 Processing
    before the page ended the fetch as "the server answered HTTP 103"."""

    def _read_status(self):  # http.client's own step, which begin() loops over
        while True:
            version, status, reason = super()._read_status()
            if not 100 < status < 200:  # 100: begin() reads past it itself
                return version, status, reason
            http.client._read_headers(self.fp)  # the interim answer's headers: not ours


class _WatchedHTTPConnection(HTTPConnection):
    """Hands its socket, new or reused, to the current request's deadline watch."""

    response_class = _FinalResponse

    def connect(self) -> None:
        super().connect()
        attach_current(self.sock)

    def request(self, *args, **kwargs) -> None:
        if self.sock is not None:
            attach_current(self.sock)
        super().request(*args, **kwargs)


class _WatchedHTTPSConnection(_WatchedHTTPConnection, HTTPSConnection):
    pass


class _WatchedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


WATCHED_POOLS = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}


class _Adapter(HTTPAdapter):
    """Connections that hand their sockets to the request's deadline watch."""

    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = WATCHED_POOLS

    def proxy_manager_for(self, *args, **kwargs):
        manager = super().proxy_manager_for(*args, **kwargs)
        manager.pool_classes_by_scheme = WATCHED_POOLS
        return manager


class _Session(requests.Session):
    def get_redirect_target(self, resp):
        """None: redirects are followed by hand, each hop checked (``Fetcher._follow``).
        requests still looked ahead at every Location, and one it could not parse
        (``http://[bad``) came out of ``get`` as a bare ValueError."""
        return None


class Fetcher:
    def __init__(
        self,
        mirror: str | None = None,
        *,
        timeout: tuple[float, float] = (5.0, 20.0),
        deadline: float = DEADLINE_SECONDS,
        retries: int = 2,
        backoff: float = 0.5,
        cancel: threading.Event | None = None,
        proxy: str | None = None,
    ):
        self.mirror = mirror.rstrip("/") if mirror else None
        self.timeout, self.deadline = timeout, deadline
        self.retries, self.backoff = retries, backoff
        self.cancel = cancel or threading.Event()
        self.watchdog = Watchdog(self.cancel)
        self.session = _Session()
        self.session.headers["User-Agent"] = USER_AGENT
        # Given with each request: a session's proxies give way to the environment's
        # (requests merges http_proxy over them), so the settings' proxy went unused.
        self.proxies = {"http": proxy, "https": proxy} if proxy else None
        adapter = _Adapter(max_retries=0, pool_maxsize=CONNECTIONS_PER_HOST)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self._lock = threading.Lock()
        self._robots: dict[str, robots_txt.Rules] = {}  # by origin
        self._slots: dict[str, threading.Semaphore] = {}
        self._turns: dict[str, float] = {}  # origin → when its next request may go

    def close(self) -> None:
        self.watchdog.stop()
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
            raise Refused(url, "only http and https addresses can be fetched")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        self._wait_turn(url)
        return self._get(url, headers, max_bytes)

    def _wait_turn(self, url: str) -> None:
        """Keep to the Crawl-delay a host's robots.txt asks for (at most LONGEST_RETRY_WAIT):
        its pages are asked for that far apart, whichever of the sync's threads asks."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            robots = self._robots.get(origin)
            if robots is None or not (delay := _crawl_delay(robots)):
                return  # not read yet: allowed() reads it and sets the next turn
            now = time.monotonic()
            turn = max(now, self._turns.get(origin, now))
            self._turns[origin] = turn + delay
        if turn > now and self.cancel.wait(turn - now):
            raise Cancelled()

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
                raise _retold(error, url) from None
            with self._lock:
                self._robots[origin] = robots
                if delay := _crawl_delay(robots):  # the page it was read for goes now
                    self._turns.setdefault(origin, time.monotonic() + delay)
        return robots.allows(url)

    def mirrored(self, url: str) -> str:
        """Where ``url`` is actually fetched from: itself, or its place in the mirror."""
        if self.mirror is None:
            return url
        parts = urlsplit(url)
        sub = subdomain(url)
        if sub is None:
            host = parts.hostname or url
            raise OffSite(url, host, f"not on {SITE_DOMAIN}, so not in the mirror {self.mirror}")
        query = f"?{parts.query}" if parts.query else ""
        return f"{self.mirror}/{sub}{parts.path or '/'}{query}"

    def _read_robots(self, origin: str) -> robots_txt.Rules:
        try:
            fetched = self._get(f"{origin}/robots.txt", {}, 512 * 1024, robots_txt=True)
        except (Unreachable, TimedOut, NoAnswer):
            raise  # the page itself is out of reach too: say so once, not twice
        except FetchError:
            # Missing, refused (any 4xx: RFC 9309 2.3.1.3, where the 1996 draft read 401
            # and 403 as "keep out", as urllib.robotparser still does; a firewall that
            # refuses .txt files shut readers out of the whole host), or unreadable (too
            # large, led elsewhere, a server error retried and still failing): no rules.
            return robots_txt.NO_RULES
        return robots_txt.parse(fetched.data.decode("utf-8", errors="replace"), ROBOTS_AGENT)

    def _slot(self, url: str) -> threading.Semaphore:
        host = urlsplit(url).netloc
        with self._lock:
            return self._slots.setdefault(host, threading.Semaphore(CONNECTIONS_PER_HOST))

    def _get(self, url: str, headers: dict, max_bytes: int, robots_txt=False) -> Fetched:
        """The answer at the end of ``url``'s redirects, within one deadline, retried."""
        with self.watchdog.watching(self.deadline) as watch:
            attempt = 0
            while True:
                if self.cancel.is_set():
                    raise Cancelled()
                try:
                    return self._follow(url, headers, max_bytes, robots_txt, watch)
                except _Again as again:
                    delay = self.backoff * 2**attempt if again.wait is None else again.wait
                    attempt += 1
                    if attempt > self.retries or time.monotonic() + delay > watch.deadline:
                        raise again.error from None
                    if self.cancel.wait(delay):
                        raise Cancelled() from None

    def _follow(self, url, headers, max_bytes, robots_txt: bool, watch: Watch) -> Fetched:
        current = url
        # 304 answers a request that had something to compare; to one that had not (a broken
        # cache on the way), it would make a page never fetched look fetched and unchanged.
        ok_statuses = (200, 304) if headers and not robots_txt else (200,)
        for hop in range(MAX_REDIRECTS + 1):
            if not robots_txt and not self.allowed(current):
                raise Refused(
                    url,
                    f"redirected to {current}, which robots.txt keeps readers from"
                    if hop
                    else reasons.ROBOTS,
                )
            target = self.mirrored(current)
            try:
                with (
                    self._slot(current),
                    self.session.get(
                        target,
                        headers=headers,
                        timeout=self.timeout,
                        stream=True,
                        allow_redirects=False,
                        proxies=_DIRECT if _is_loopback(target) else self.proxies,
                    ) as response,
                ):
                    if (
                        response.status_code in _REDIRECT_STATUSES
                        and "Location" in response.headers
                    ):
                        current = self._next_hop(url, current, response)
                        continue
                    return self._body(url, current, response, max_bytes, ok_statuses, watch)
            except (requests.exceptions.RequestException, OSError) as error:
                raise self._failure(url, error, watch) from None
        raise Refused(url, reasons.fill(reasons.TOO_MANY_REDIRECTS, MAX_REDIRECTS))

    def _next_hop(self, url: str, current: str, response) -> str:
        """The real URL a redirect points at; never off the site for a page of the site.

        A relative Location means what it would on the real site; an absolute one into
        the mirror is mapped back to the real address it stands for.
        """
        location = _as_written(response.headers["Location"]).strip()
        if self.mirror is not None and location.startswith(self.mirror + "/"):
            sub, _, path = location[len(self.mirror) + 1 :].partition("/")
            location = f"{urlsplit(current).scheme}://{sub}.{SITE_DOMAIN}/{path}"
        if not readable(location) or not readable(location := urljoin(current, location)):
            raise Refused(url, "redirected to an address that cannot be read")
        parts = urlsplit(location)
        if parts.scheme not in ("http", "https"):
            raise Refused(url, "redirected to an address that is not http(s)")
        if is_site_address(url) and not is_site_address(location):
            raise OffSite(url, parts.hostname or location)
        return location

    def _body(self, url, current, response, max_bytes, ok_statuses, watch: Watch) -> Fetched:
        status = response.status_code
        if status in RETRY_STATUSES and status not in ok_statuses:
            raise _Again(HTTPStatusError(url, status), _retry_after(response))
        if status == 304 and status not in ok_statuses:
            raise FetchError(
                url, "the server answered 304 (not modified) to a request with nothing to compare"
            )
        if status not in ok_statuses:
            raise HTTPStatusError(url, status)
        if unreadable := _unreadable_compression(response.headers.get("Content-Encoding", "")):
            raise FetchError(
                url,
                f"the server sent its answer compressed as {unreadable}, which gansureader "
                "did not ask for and cannot read",
            )
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit():
            if int(declared) > max_bytes:
                raise Refused(url, reasons.fill(reasons.TOO_LARGE, _megabytes(max_bytes)))
            watch.extend_to(watch.started + self.deadline + int(declared) / SLOWEST_RATE)
        chunks, size = [], 0
        for chunk in response.iter_content(_CHUNK):
            size += len(chunk)
            if size > max_bytes:
                raise Refused(url, reasons.fill(reasons.TOO_LARGE, _megabytes(max_bytes)))
            chunks.append(chunk)
        if watch.tripped:  # the socket was shut: what was read is not the whole answer
            raise self._failure(url, None, watch)
        data = b"".join(chunks)
        if not declared.isdigit() and not response.raw.chunked and status == 200:
            if not data:  # closed before the body: read as "no article text" it was queued
                raise _Again(BrokenOff(url, reasons.CLOSED_BEFORE), 0.2)
            if _cut_short(data):
                raise _Again(BrokenOff(url), 0.2)  # closed mid-page: stored, it would lose text
        charset = _CHARSET.search(response.headers.get("Content-Type") or "")
        return Fetched(
            url=current,
            status=status,
            data=data,
            charset=charset.group(1) if charset else None,
            etag=response.headers.get("ETag"),
            last_modified=response.headers.get("Last-Modified"),
        )

    def _failure(self, url: str, error: Exception | None, watch: Watch) -> Exception:
        """What a failed read means: the watch's verdict first, then the error's kind."""
        if watch.tripped == "cancelled" or self.cancel.is_set():
            return Cancelled()
        if watch.tripped == "deadline":
            return TimedOut(url, reasons.fill(reasons.TOO_SLOW, f"{watch.seconds:.0f}"))
        exceptions = requests.exceptions
        if isinstance(error, exceptions.ChunkedEncodingError):
            return _Again(BrokenOff(url), 0.2)
        if isinstance(error, exceptions.ContentDecodingError):  # said gzip, sent something else
            return FetchError(url, reasons.DAMAGED_COMPRESSION)
        if isinstance(error, exceptions.Timeout) or _cause(error, ReadTimeoutError):
            return TimedOut(url, reasons.NO_ANSWER_IN_TIME)  # or stopped mid-body
        if isinstance(error, exceptions.SSLError):  # connected, but nothing secure to say
            if "CERTIFICATE_VERIFY_FAILED" in str(error):
                return NoAnswer(url, reasons.UNTRUSTED)
            return NoAnswer(url, reasons.NOT_SECURE)
        answer = _garbled_answer(error)
        if answer is not None:  # it connected and answered, but not in HTTP: not "offline"
            return _Again(NoAnswer(url, answer))
        if isinstance(error, exceptions.ConnectionError) or not isinstance(
            error, exceptions.RequestException
        ):  # refused, reset, unreachable; or a plain socket error from below requests
            if "refused" in str(error).lower():
                return Unreachable(url)  # nothing listens there: trying again will not help
            return _Again(Unreachable(url))
        return FetchError(url, f"request failed ({error.__class__.__name__})")


def _garbled_answer(error: Exception) -> str | None:
    """What was wrong with an answer that was no readable HTTP, or None for other failures
    (what requests and urllib3 wrapped)."""
    if isinstance(error, requests.exceptions.InvalidHeader):
        return "the server's answer was not readable HTTP (contradictory headers)"
    cause = _cause(error, http.client.HTTPException)
    if cause is None:
        return None
    if isinstance(cause, http.client.RemoteDisconnected):
        return "the server closed the connection without answering"
    return "the server's answer was not readable HTTP"


def _cause(error: BaseException | None, kinds) -> BaseException | None:
    """The first of ``kinds`` in ``error`` or what it wraps: requests and urllib3 hand the
    error from below them on as their own error's argument (a read timeout mid-body comes
    out of requests as a ConnectionError)."""
    while error is not None and not isinstance(error, kinds):
        error = next((arg for arg in error.args if isinstance(arg, BaseException)), None)
    return error


def _as_written(header: str) -> str:
    """A header as its server wrote it: http.client reads header bytes as Latin-1, so a
    Location in UTF-8 (/专题.shtml, read so by browsers and by requests) came out as
    mojibake (/ä¸\x93é¢\x98.shtml) and was fetched and stored so."""
    try:
        return header.encode("latin-1").decode("utf-8")
    except UnicodeError:  # not UTF-8 (or not from bytes): as it came
        return header


def _unreadable_compression(content_encoding: str) -> str | None:
    """A compression named in the header that urllib3 cannot undo here (brotli, zstd: not
    asked for, their modules absent), else None. A name that is no compression at all
    (``Content-Encoding: utf-8``, a charset where it does not belong) passes, as in
    browsers: the bytes are the page as it is."""
    for name in (part.strip().lower() for part in content_encoding.split(",")):
        if name in _COMPRESSIONS and name not in _Urllib3Response.CONTENT_DECODERS:
            return name
    return None


def _is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    try:
        return host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _cut_short(data: bytes) -> bool:
    """An HTML page that stops before its </html>: the connection closed mid-page."""
    return bool(_HTML_START.match(data[:4096])) and not _HTML_END.search(data)


def _retold(error: FetchError, url: str) -> FetchError:
    """The same failure, told of ``url`` (robots.txt failed on the way to it). Not by
    copy.copy: it makes the error again from its one message, which a TimedOut or a
    NoAnswer (url and reason) cannot be made from."""
    retold = type(error).__new__(type(error))
    retold.__dict__.update(vars(error))
    retold.url, retold.args = url, (f"{url}: {error.reason}",)
    return retold


def _crawl_delay(robots: robots_txt.Rules) -> float:
    return min(robots.crawl_delay, LONGEST_RETRY_WAIT)


def _retry_after(response) -> float | None:
    """Retry-After in seconds, if the server gave one (capped; an HTTP date is not waited)."""
    value = response.headers.get("Retry-After", "").strip()
    return min(float(value), LONGEST_RETRY_WAIT) if value.isdigit() else None


def _megabytes(size: int) -> str:
    return f"{size // 1024 // 1024} MB" if size >= 1024 * 1024 else f"{size // 1024} KB"
