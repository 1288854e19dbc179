"""HTTP for gansureader: one polite fetch with timeouts, a size cap and clear errors.

The sync engine will grow this into a shared session (retries, robots.txt,
conditional GET, mirrors); ``parse URL`` needs only a single careful GET.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import requests

from . import __version__
from .parse import MAX_PAGE_BYTES

USER_AGENT = f"gansureader/{__version__} (desktop reader for gscn.com.cn)"
TIMEOUT = (5, 20)  # seconds to connect, seconds between bytes
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)


class FetchError(Exception):
    """A page could not be fetched; the message names the URL and the reason."""


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    data: bytes
    charset: str | None  # from the Content-Type header, if it names one


def fetch(url: str, session: requests.Session | None = None, max_bytes: int = MAX_PAGE_BYTES):
    """GET ``url`` and return its body; raises FetchError for anything a user must hear of."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise FetchError(f"{url}: only http and https addresses can be fetched")
    session = session or requests.Session()
    try:
        with session.get(
            url, headers={"User-Agent": USER_AGENT}, timeout=TIMEOUT, stream=True
        ) as response:
            if response.status_code >= 400:
                raise FetchError(f"{url}: the server answered HTTP {response.status_code}")
            data = _read_capped(response, url, max_bytes)
            match = _CHARSET.search(response.headers.get("Content-Type", ""))
            return Fetched(response.url, data, match.group(1) if match else None)
    except requests.Timeout:
        raise FetchError(f"{url}: the server did not answer in time") from None
    except requests.ConnectionError:
        raise FetchError(f"{url}: could not connect (offline, or the site is down)") from None
    except requests.RequestException as error:
        raise FetchError(f"{url}: {error.__class__.__name__}") from None


def _read_capped(response: requests.Response, url: str, max_bytes: int) -> bytes:
    chunks, size = [], 0
    for chunk in response.iter_content(64 * 1024):
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{url}: larger than {max_bytes // 1024 // 1024} MB, not fetched")
        chunks.append(chunk)
    return b"".join(chunks)
