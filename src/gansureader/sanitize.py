"""Make HTML safe to display: nh3 (Rust's ammonia) with exactly what the renderer emits.

Tags and attributes outside the allow-list go (scripts, styles, frames and forms
with their content), event attributes and inline styles never pass, and a link or
picture address must be absolute http(s) — the reader's pictures come from the
cache by their original address, through the view's own resource loader.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from .addresses import readable

_SAFE_SCHEMES = frozenset(("http", "https"))
_TEXT = {"class", "align"}
_ATTRIBUTES = {
    "p": _TEXT,
    "h1": _TEXT,
    "h2": _TEXT,
    "h3": _TEXT,
    "h4": _TEXT,
    "span": {"class"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "table": {"class", "border", "cellspacing", "cellpadding", "width"},
    "tr": set(),
    "td": {"class", "width", "bgcolor", "align", "valign"},
    "th": {"class", "align"},
    "ul": set(),
    "ol": set(),
    "li": set(),
    "b": set(),
    "i": set(),
    "br": set(),
}


def is_safe_url(url: str | None) -> bool:
    if not url or not readable(url := url.strip()):  # http://[bad: nothing could open it
        return False
    return urlsplit(url).scheme.lower() in _SAFE_SCHEMES


def sanitize_html(fragment: str) -> str:
    """The fragment with everything outside the renderer's vocabulary removed."""
    import nh3  # here: the window starts without it, the first article loads it

    return nh3.clean(
        fragment,
        tags=set(_ATTRIBUTES),
        attributes=_ATTRIBUTES,
        url_schemes=set(_SAFE_SCHEMES),
        url_relative="deny",
        link_rel=None,
        strip_comments=True,
    )
