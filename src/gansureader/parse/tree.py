"""The HTML tree and small helpers over it: building, cleaning text, resolving links.

lxml is used directly: building a BeautifulSoup tree alone costs about twenty times
what lxml does, more than the whole parse is allowed to take.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html

from . import site

# Never content: dropped before anything looks for text.
NOISE_TAGS = (
    "script", "style", "noscript", "iframe", "frame", "object", "embed", "form",
    "select", "textarea", "button", "input", "template", "svg", "canvas", "video", "audio",
    "title",
)  # fmt: skip

BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd table tbody thead tr td th center section "
    "article blockquote figure figcaption pre header footer aside nav main hr".split()
)

_SPACES = re.compile(r"[\s\u3000\xa0\u200b\u200c\u200d\ufeff]+")


def build_tree(text: str) -> lxml_html.HtmlElement:
    # Bytes with an explicit encoding: lxml refuses str input that carries an XML
    # encoding declaration, and the text's real charset is already settled.
    parser = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    return lxml_html.document_fromstring(text.encode("utf-8", "replace"), parser=parser)


def strip_noise(root: lxml_html.HtmlElement) -> None:
    etree.strip_elements(root, *NOISE_TAGS, with_tail=False)


def clean(text: str | None) -> str:
    """Collapse whitespace (full-width indentation and &nbsp; included) and strip."""
    return _SPACES.sub(" ", text).strip() if text else ""


def text_of(el) -> str:
    """The element's text as a reader sees it: inline pieces joined without spaces."""
    return clean("".join(el.itertext()))


def line_text(el) -> str:
    """The element's first line: its text up to the first block inside it, spaced.

    On malformed pages an unclosed breadcrumb or meta line swallows the whole
    article; its own line is all that belongs to it.
    """
    parts: list[str] = []
    stack = [(el, True)]
    while stack:
        node, entering = stack.pop()
        if not entering:
            parts.append(node.tail or "")
            continue
        if node is not el and node.tag in BLOCK_TAGS:
            break
        parts.append(node.text or "")
        if node is not el:
            stack.append((node, False))
        stack.extend((child, True) for child in reversed(node) if isinstance(child.tag, str))
    return clean(" ".join(parts))


def holds_blocks(el) -> bool:
    return any(child.tag in BLOCK_TAGS for child in el.iterdescendants())


def is_furniture(text: str) -> bool:
    """A short footer line (copyright, ICP licence, hotline) rather than prose."""
    return len(text) <= site.FURNITURE_MAX_CHARS and any(m in text for m in site.FURNITURE_MARKERS)


def link_title(link) -> str:
    """The link's title: its ``title`` attribute where that completes the text shown."""
    shown = site.TRUNCATION.sub("", text_of(link))
    full = clean(link.get("title"))
    return full if full.startswith(shown) else shown


def classes_and_id(el) -> set[str]:
    tokens = set((el.get("class") or "").split())
    if el.get("id"):
        tokens.add(el.get("id"))
    return tokens


def base_url(root: lxml_html.HtmlElement, url: str) -> str:
    base = root.find(".//base[@href]")
    return urljoin(url, base.get("href").strip()) if base is not None else url


def resolve(base: str, href: str | None) -> str | None:
    """An absolute http(s) URL for ``href``, or None for anchors, scripts and mail links."""
    if not href:
        return None
    href = href.strip()
    if not href or href.startswith("#"):
        return None
    absolute = urljoin(base, href)
    scheme = urlsplit(absolute).scheme.lower()
    if scheme not in ("http", "https", "file"):
        return None
    return absolute.split("#", 1)[0]


def image_source(img) -> str | None:
    """The picture's address, including lazy-loading attributes some templates use."""
    for attribute in ("src", "data-src", "original", "data-original"):
        value = (img.get(attribute) or "").strip()
        if value and not value.startswith("data:"):
            return value
    return None


def is_centered(el) -> bool:
    if (el.get("align") or "").lower() == "center" or el.tag == "center":
        return True
    style = (el.get("style") or "").replace(" ", "").lower()
    return "text-align:center" in style
