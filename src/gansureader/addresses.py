"""Which addresses belong to 中国甘肃网: the one place that knows the site's domain.

Light on purpose (the standard library only): the window imports it at start-up.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

SITE_DOMAIN = "gscn.com.cn"
# Article URLs: /system/YYYY/MM/DD/0NNNNNNNN.shtml, later pages add _2, _3 …
ARTICLE_URL = re.compile(r"/system/\d{4}/\d{2}/\d{2}/\d+(?:_\d+)?\.s?html?$")
# Tab and line breaks are dropped by urllib, as by browsers; the rest cannot be sent.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def readable(url: str) -> bool:
    """Whether ``url`` can be taken apart at all: pages link to ``http://[bad`` and to ports
    like ``:abc``, which urllib (and so every request) refuses with a ValueError, and hold
    control characters in a player's address, which no request can carry (nor lxml)."""
    if _CONTROL.search(url):
        return False
    try:
        urlsplit(url).port  # noqa: B018 (reading the port is what checks it)
    except ValueError:
        return False
    return True


def with_lower_host(url: str) -> str:
    """``url`` with its scheme and host in lower case, as every request sends them: a
    link to HTTP://Gansu.GSCN.com.cn/… is the same page as one to http://gansu.gscn.com.cn/…,
    and stored under two spellings it would be two articles."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    authority, slash, path = rest.partition("/")
    host_start = authority.rfind("@") + 1  # user information keeps its case
    lowered = authority[:host_start] + authority[host_start:].lower()
    return f"{scheme.lower()}://{lowered}{slash}{path}"


def scheme_twin(url: str) -> str:
    """``url`` under the other of http and https (itself if it is neither): the site
    serves its pages under both, and links to both, so the two name one article."""
    for scheme, other in (("http://", "https://"), ("https://", "http://")):
        if url[: len(scheme)].lower() == scheme:
            return other + url[len(scheme) :]
    return url


def subdomain(url: str) -> str | None:
    """``gansu`` for http://gansu.gscn.com.cn/…, ``www`` for the bare domain, None off the site
    (and for an address that cannot be read)."""
    if not readable(url):
        return None
    host = (urlsplit(url).hostname or "").lower()
    if host == SITE_DOMAIN:
        return "www"
    if host.endswith("." + SITE_DOMAIN):
        return host[: -len(SITE_DOMAIN) - 1]
    return None


def is_site_address(url: str) -> bool:
    return subdomain(url) is not None


def is_article_address(url: str) -> bool:
    """An article page of the site (opened in the app), rather than a file or another page."""
    return is_site_address(url) and bool(ARTICLE_URL.search(urlsplit(url).path))


def not_a_channel(address: str) -> str | None:
    """Why ``address`` cannot be a channel (a list page of the site), or None if it can."""
    if not readable(address):
        return "is not an address that can be read"
    parts = urlsplit(address)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return "is not an http(s) address"
    if not is_site_address(address):
        return f"is not on {SITE_DOMAIN}"
    if is_article_address(address):
        return "is an article, not a list page"
    return None


def article_address(url: str) -> str:
    """The address an article is kept under: without a query, which selects nothing on the
    site's static pages (…/013200001.shtml?from=app, ?spm=… of a share or a tracker) and
    would make one article two. Any other address as it is."""
    bare = url.partition("?")[0]
    return bare if bare != url and is_article_address(bare) else url


def panel_source(url: str) -> str:
    """Where a page's panels are published: its host, and on the portal its section.

    The 新闻排行 of gansu.gscn.com.cn pages is not finance's, nor the portal's 美食 one
    its 娱乐 one: ``gansu.gscn.com.cn``, ``www.gscn.com.cn/food``.
    """
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    section = parts.path.strip("/").split("/", 1)[0]
    if subdomain(url) == "www" and section and section != "system" and "." not in section:
        return f"{host}/{section}"
    return host
