"""The HTML tree and small helpers over it: building, cleaning text, resolving links.

Plain lxml.etree elements: building a BeautifulSoup tree alone costs about twenty
times what lxml does, and lxml.html's element classes are looked up in Python for
every node touched, which was half of the parse time.
"""

from __future__ import annotations

import functools
import re
from urllib.parse import urljoin, urlsplit

from lxml import etree

from . import site

# Never content: dropped before anything looks for text.
NOISE_TAGS = (
    "script",
    "style",
    "noscript",
    "iframe",
    "frame",
    "object",
    "embed",
    "form",
    "select",
    "textarea",
    "button",
    "input",
    "template",
    "svg",
    "canvas",
    "video",
    "audio",
    "title",
)

BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd table tbody thead tr td th center section "
    "article blockquote figure figcaption pre header footer aside nav main hr".split()
)

_SPACES = re.compile(r"[\s\u3000\xa0\u200b\u200c\u200d\ufeff]+")


def build_tree(text: str):
    """The document's root element; an empty <html> for text with no elements at all."""
    # Bytes with an explicit encoding: lxml refuses str input that carries an XML
    # encoding declaration, and the text's real charset is already settled.
    parser = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    root = etree.fromstring(text.encode("utf-8", "replace"), parser)
    return root if root is not None else etree.Element("html")


def strip_noise(root) -> None:
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


class TextIndex:
    """Where the site's keywords (headings, labels, breadcrumb markers) occur on one page.

    One scan of the page's text nodes with one regular expression answers every
    later question: scanning once per keyword was a third of the parse time, and
    XPath's contains() ten times slower than the regular expression.
    """

    def __init__(self, root, words: tuple[str, ...]):
        self._hits: dict[str, list] = {word: [] for word in words}
        pattern = _pattern_for_words(words)
        for text in _ALL_TEXT(root):
            if not pattern.search(text):
                continue
            el = text.getparent()
            if text.is_tail:  # a tail is read as part of its parent's text
                el = el.getparent()
            if el is None:
                continue
            for word in words:
                if word in text:
                    self._hits[word].append(el)

    def elements(self, word: str) -> list:
        """Elements holding ``word`` in their text, in page order."""
        return self._hits[word]

    def owning(self, word: str) -> list:
        """Elements whose own leading text holds ``word`` (headings, labels), in page order."""
        return [el for el in self._hits[word] if el.text and word in el.text]


# Compiled once: lxml locks an XPath object while it evaluates, so threads may share it.
_ALL_TEXT = etree.XPath("//text()")


@functools.lru_cache(maxsize=8)
def _pattern_for_words(words: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(map(re.escape, words)))


def base_url(root, url: str) -> str:
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
