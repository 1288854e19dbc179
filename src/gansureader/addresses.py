"""Which addresses belong to 中国甘肃网: the one place that knows the site's domain.

Light on purpose (the standard library only): the window imports it at start-up.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

SITE_DOMAIN = "gscn.com.cn"
# Article URLs: /system/YYYY/MM/DD/0NNNNNNNN.shtml, later pages add _2, _3 …
ARTICLE_URL = re.compile(r"/system/\d{4}/\d{2}/\d{2}/\d+(?:_\d+)?\.s?html?$")


def subdomain(url: str) -> str | None:
    """``gansu`` for http://gansu.gscn.com.cn/…, ``www`` for the bare domain, None off the site."""
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
