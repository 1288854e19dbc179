"""``parse_page``: bytes and the URL they came from, in; a page dataclass, out.

The one orchestrator: check the bytes → decode → build the tree → tell what kind of
page it is (soft 404, refresh stub, channel list, article) → build that page.
Pure: no I/O, no globals, same bytes and URL give the same result.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..errors import GansuReaderError
from ..model import NotFoundPage, Page, RedirectPage
from . import site
from .article import build_article, page_title
from .decode import decode_html
from .density import find_body, prose_score
from .listing import build_listing, find_list_items
from .tree import (
    base_url,
    build_tree,
    mark_videos,
    may_hold_videos,
    resolve,
    strip_noise,
    text_of,
)

MAX_PAGE_BYTES = 5 * 1024 * 1024
"""Larger pages are refused: the site's biggest articles are a few hundred kilobytes."""

_REFRESH_TARGET = re.compile(r"url\s*=\s*['\"]?\s*([^'\"\s>]+)", re.IGNORECASE)
# A refresh stub shows next to nothing; a page with real text that reloads itself is no stub.
_STUB_MAX_CHARS = 200
# On a URL that is not an article's, dated links make a list page unless prose outweighs them.
_ARTICLE_PROSE_SCORE = 600
_HTML_MARKUP = re.compile(rb"<\s*(?:html|head|body|title|meta|div|p|table|br|a|h[1-6])\b", re.I)
_BINARY_SIGNATURES = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive",
    b"\x1f\x8b": "gzip-compressed data",
}


class ParseError(GansuReaderError, ValueError):
    """The bytes are not a page that can be read; the message says why, for a person."""


def parse_page(data: bytes, url: str, charset: str | None = None) -> Page:
    """Parse one page of 中国甘肃网.

    ``url`` is where the bytes came from (links are resolved against it and it is
    stored as the page's address); ``charset`` is the HTTP header's, if known.
    Raises ParseError for bytes that are not an HTML page.
    """
    check_html(data)
    text = decode_html(data, charset)
    root = build_tree(text)
    base = base_url(root, url)
    title = page_title(root)

    heading = root.find(".//h1")
    headline = text_of(heading) if heading is not None else ""
    if (
        site.NOT_FOUND_TITLE.match(title)
        or site.NOT_FOUND_TITLE.match(headline)
        or any(marker in title or marker in headline for marker in site.NOT_FOUND_MARKERS)
    ):
        return NotFoundPage(url)
    target = _refresh_target(root, base)
    if target is not None:
        return RedirectPage(url, target)

    max_page = _script_max_page(root)
    if may_hold_videos(text):
        mark_videos(root, base)
    strip_noise(root)
    if not site.ARTICLE_URL.search(urlsplit(url).path):
        items = find_list_items(root, base)
        if len(items) >= site.MIN_LIST_ITEMS and not _has_article_prose(root):
            return build_listing(root, url, base, title, items, max_page)
    return build_article(root, url, base, title)


_NUL_SHARE = 100  # more than one byte in this many NUL: binary


def check_html(data: bytes) -> None:
    if len(data) > MAX_PAGE_BYTES:
        raise ParseError(
            f"the page is too large ({len(data) / 1024 / 1024:.1f} MB; "
            f"pages over {MAX_PAGE_BYTES // 1024 // 1024} MB are refused)"
        )
    if not data.strip():
        raise ParseError("the page is empty")
    for signature, what in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise ParseError(f"this is {what}, not an HTML page")
    head = data[:65536]
    # Binary data is full of NUL bytes; a page may hold a stray one (a CMS's slip), which a
    # browser shows past and the tree drops. UTF-16 (its BOM) is half NULs.
    if head.count(b"\x00") * _NUL_SHARE > len(head) and not head.startswith(
        (b"\xff\xfe", b"\xfe\xff")
    ):
        raise ParseError("this is binary data, not an HTML page")
    if not _HTML_MARKUP.search(head):
        raise ParseError("this does not look like an HTML page (no HTML tags found)")


def _refresh_target(root, base: str) -> str | None:
    for meta in root.iter("meta"):
        if (meta.get("http-equiv") or "").strip().lower() != "refresh":
            continue
        match = _REFRESH_TARGET.search(meta.get("content") or "")
        target = resolve(base, match.group(1)) if match else None
        body = root.find("body")
        shown = text_of(body) if body is not None else ""
        if target and len(shown) <= _STUB_MAX_CHARS:
            return target
    return None


def _script_max_page(root) -> int | None:
    for script in root.iter("script"):
        match = site.MAXPAGE_SCRIPT.search(script.text or "")
        if match:
            return int(match.group(1))
    return None


def _has_article_prose(root) -> bool:
    body = find_body(root)
    if body is None:
        return False
    return prose_score(text_of(body)) >= _ARTICLE_PROSE_SCORE and not body.findall(".//li//a")
