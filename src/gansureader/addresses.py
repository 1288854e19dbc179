"""Which addresses belong to 中国甘肃网: the one place that knows the site's domain.

Light on purpose (the standard library only): the window imports it at start-up.
"""

from __future__ import annotations

from urllib.parse import urlsplit

SITE_DOMAIN = "gscn.com.cn"


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
