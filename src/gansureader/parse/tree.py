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

from ..addresses import readable, with_lower_host
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

_CONTROLS = re.compile("[\x01-\x08\x0b\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[\s\u3000\xa0\u200b\u200c\u200d\ufeff]+")


# libxml2 stops building the tree 256 elements deep and drops the rest (silently: the page
# reads as empty). A page that deep is broken markup, not structure: past this depth its
# wrapper tags are dropped, what they hold kept, which also keeps the tree within what
# the parser's recursive steps may walk.
MAX_DEPTH = 200
_CONTENT_DEPTH = 40  # paragraphs and tables are kept this much deeper (libxml2 holds 256)
_TAG = re.compile(rb"<(/?)([a-zA-Z][\w:-]*)[^>]*?(/?)>")
_VOID = frozenset(b"area base br col embed hr img input link meta param source track wbr".split())
_WRAPPERS = frozenset(
    b"div span font section article center main aside nav header footer form b strong i em u "
    b"small big".split()
)


def build_tree(text: str):
    """The document's root element; an empty <html> for text with no elements at all."""
    # Bytes with an explicit encoding: lxml refuses str input that carries an XML
    # encoding declaration, and the text's real charset is already settled. A stray NUL
    # (a CMS's slip) shows as nothing in a browser; libxml2 would make it U+FFFD.
    data = text.replace("\x00", "").encode("utf-8", "replace")
    parser = _parser()
    root = etree.fromstring(data, parser)
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        root = etree.fromstring(flatten(data, MAX_DEPTH), _parser())
    if root is None:
        return etree.Element("html")
    for embed in list(root.iter("embed")):
        _close_void(embed)
    if _CONTROLS.search(text):
        _strip_controls(root)
    return root


def _strip_controls(root) -> None:
    """Control characters in the text (a backspace pasted with a title) show as nothing in
    a browser: so in every title, paragraph, feed and export made of it. Attributes keep
    theirs: an address holding one is refused as no address (``readable``), not changed."""
    for el in root.iter():
        if el.text and _CONTROLS.search(el.text):
            el.text = _CONTROLS.sub("", el.text)
        if el.tail and _CONTROLS.search(el.tail):
            el.tail = _CONTROLS.sub("", el.tail)


def _parser():
    return etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)


def flatten(data: bytes, depth: int) -> bytes:
    """``data`` nested at most about ``depth`` deep, its text and paragraphs kept.

    A page that deep is a pile of wrappers around ordinary markup: the outermost
    wrapper tags (below <html> and <body>) go, as many levels as the page is too deep,
    so the article's own markup stays as written; whatever is still too deep after that
    loses its wrapper tags, and a little deeper every tag. Depth is counted on the
    tags as written (an end tag closes the latest open one), which overcounts what HTML
    closes implicitly: only used on pages too deep to parse.
    """
    tags = [
        (match, bool(match.group(1)), match.group(2).lower())
        for match in _TAG.finditer(data)
        if match.group(2).lower() not in _VOID and not match.group(3)
    ]
    written, deepest = 0, 0
    for _, closing, _ in tags:
        written = max(written - 1, 0) if closing else written + 1
        deepest = max(deepest, written)
    outer = range(2, 2 + max(deepest - depth, 0))  # the levels of wrappers to drop
    out, last = [], 0
    dropped: list[bool] = []  # per open tag, whether its tags are dropped
    kept = 0  # open tags not dropped: the depth the tree will have
    for match, closing, name in tags:
        if closing:
            drop = dropped.pop() if dropped else False
            kept -= not drop
        else:
            wrapper = name in _WRAPPERS
            drop = (wrapper and len(dropped) in outer) or (
                kept >= depth and (wrapper or kept >= depth + _CONTENT_DEPTH)
            )
            dropped.append(drop)
            kept += not drop
        if drop:
            out.append(data[last : match.start()])
            last = match.end()
    out.append(data[last:])
    return b"".join(out)


def _close_void(el) -> None:
    """libxml2 leaves <embed> open: what it swallowed (the rest of the article) follows it."""
    parent = el.getparent()
    if parent is None or (not len(el) and not el.text):
        return
    swallowed = list(el)
    if swallowed:
        swallowed[-1].tail = (swallowed[-1].tail or "") + (el.tail or "")
        el.tail = el.text
    else:
        el.tail = (el.text or "") + (el.tail or "")
    el.text = None
    at = parent.index(el)
    for offset, child in enumerate(swallowed, 1):
        parent.insert(at + offset, child)


def strip_noise(root) -> None:
    etree.strip_elements(root, *NOISE_TAGS, with_tail=False)


def clean(text: str | None) -> str:
    """Collapse whitespace (full-width indentation and &nbsp; included) and strip."""
    return _SPACES.sub(" ", text).strip() if text else ""


def text_of(el) -> str:
    """The element's text as a reader sees it: inline pieces joined without spaces."""
    return clean("".join(el.itertext()))


def clipped(title: str) -> str:
    """``title`` cut where no reader could use more."""
    return title if len(title) <= site.MAX_TITLE else title[: site.MAX_TITLE] + "…"


def line_text(el, joiner: str = " ") -> str:
    """The element's first line: its text up to the first block inside it, its pieces
    spaced (``joiner``: "" for a title, whose inline pieces are one text).

    On malformed pages an unclosed breadcrumb, meta line or title swallows the whole
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
    return clean(joiner.join(parts))


def holds_blocks(el) -> bool:
    return any(child.tag in BLOCK_TAGS for child in el.iterdescendants())


def is_furniture(text: str) -> bool:
    """A short footer line (copyright, ICP licence, hotline) rather than prose."""
    return len(text) <= site.FURNITURE_MAX_CHARS and bool(_FURNITURE.search(text))


_FURNITURE = re.compile("|".join(map(re.escape, site.FURNITURE_MARKERS)))


def link_title(link) -> str:
    """The link's title: its ``title`` attribute where that completes the text shown."""
    shown = site.TRUNCATION.sub("", text_of(link))
    full = clean(link.get("title"))
    return full if full.startswith(shown) else shown


_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|bmp)(?:[?#].*)?$", re.IGNORECASE)


def is_page_link(link) -> bool:
    """A link to another page, rather than to a picture's larger self or nowhere."""
    href = (link.get("href") or "").strip()
    return bool(href) and not href.startswith(("#", "javascript:")) and not _IMAGE_FILE.search(href)


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
    return (resolve(url, base.get("href")) or url) if base is not None else url


# urljoin also normalises these away; an address holding one goes the long way.
_UNUSUAL = ("/./", "/../", "\\", " ", "\t", "\n")


def resolve(base: str, href: str | None) -> str | None:
    """An absolute http(s) URL for ``href``, or None for anchors, scripts and mail links,
    and for an address nothing could fetch (``http://[bad``, a port ``:abc``)."""
    if not href:
        return None
    href = href.strip()
    if not href or href.startswith("#"):
        return None
    if href.startswith(("http://", "https://")) and not any(c in href for c in _UNUSUAL):
        # Most of the site's links: whole already, their host nearly always in lower case.
        return with_lower_host(href.split("#", 1)[0]) if readable(href) else None
    if not readable(href):
        return None
    absolute = urljoin(base, href)
    if not readable(absolute):
        return None
    scheme = urlsplit(absolute).scheme.lower()
    if scheme not in ("http", "https", "file"):
        return None
    return with_lower_host(absolute.split("#", 1)[0])


def image_source(img) -> str | None:
    """The picture's address: a lazy-loading attribute's first, since ``src`` then holds
    a placeholder; else the first candidate of a ``srcset``; never a ``data:`` address."""
    for value in _written_sources(img):
        value = (value or "").strip()
        if value and not value.lower().startswith(("data:", "javascript:")):
            return value
    return None


def _written_sources(img):
    """Where the picture's address may be, in order; a srcset is split only if reached."""
    for attribute in (*site.LAZY_IMAGE_ATTRIBUTES, "src"):
        yield img.get(attribute)
    for attribute in site.SRCSET_ATTRIBUTES:
        first = (img.get(attribute) or "").split(",")[0].split()
        yield first[0] if first else None


_PIXELS = re.compile(r"^\s*(\d{1,5})(?:\.\d+)?\s*(?:px)?\s*$", re.IGNORECASE)


def picture_size(img) -> tuple[int | None, int | None]:
    """Width and height in pixels from the attributes or the inline style; None if unsaid."""
    style = {
        name.strip().lower(): value
        for name, _, value in (part.partition(":") for part in (img.get("style") or "").split(";"))
    }
    sizes = []
    for name in ("width", "height"):
        match = _PIXELS.match(img.get(name) or style.get(name) or "")
        sizes.append(int(match.group(1)) or None if match else None)
    return sizes[0], sizes[1]


VIDEO_TAG = "gr-video"  # where a player stood: kept through noise stripping, read as a block


def may_hold_videos(text: str) -> bool:
    """Whether the page's text names a player or a media file at all (most pages do not)."""
    return any(word in text for word in site.VIDEO_WORDS)


def mark_videos(root, base: str) -> None:
    """Put a ``<gr-video src poster>`` where each video player stands.

    Players are <video>/<source>, <embed>/<object> (a media file in their address or
    flashvars), an <iframe> of a video site, an element with a player attribute
    (``vurl``, ``data-video`` …), or a script naming a media file. The originals go
    with the page's noise afterwards; the marker keeps the place in the text.
    """
    for el in list(root.iter("video", "embed", "object", "iframe", "script")):
        address = _player_address(el)
        if address is not None:
            _replace_with_video(el, resolve(base, address), _poster(el, base))
    for el in _PLAYER_ELEMENTS(root):
        address = next(el.get(name) for name in site.VIDEO_ATTRIBUTES if el.get(name))
        _replace_with_video(el, resolve(base, address), _poster(el, base))
    for el in _LAZY_ELEMENTS(root):  # data-src is a picture's, unless it names a media file
        address = el.get("data-src")
        if readable(address) and urlsplit(address).path.lower().endswith(site.VIDEO_EXTENSIONS):
            _replace_with_video(el, resolve(base, address), _poster(el, base))


_PLAYER_ELEMENTS = etree.XPath(
    "//*[" + " or ".join(f"@{name}" for name in site.VIDEO_ATTRIBUTES) + "]"
)
_LAZY_ELEMENTS = etree.XPath("//*[@data-src][not(self::img) and not(self::iframe)]")


def _player_address(el) -> str | None:
    tag = el.tag
    if tag == "video":
        sources = [el.get("src")] + [source.get("src") for source in el.iter("source")]
        return next((source for source in sources if source), None)
    if tag == "iframe":
        address = el.get("src") or el.get("data-src") or ""
        return address if site.VIDEO_HOSTS.search(address) else None
    if tag == "script":
        text = el.text or ""
        # Most scripts are counters and ads: a substring test spares them the regex.
        if not any(extension in text for extension in site.VIDEO_EXTENSIONS):
            return None
        match = site.VIDEO_FILE.search(text)
        return match.group() if match else None
    # <embed>/<object>: a media file in the address or the flashvars, else the player itself.
    values = [el.get("src"), el.get("data"), el.get("flashvars")]
    values += [param.get("value") for param in el.iter("param")]
    for value in filter(None, values):
        match = site.VIDEO_FILE.search(value)
        if match:
            return match.group()
    return None


def _poster(el, base: str) -> str | None:
    poster = el.get("poster") or el.get("data-poster")
    if not poster:
        img = next(el.iter("img"), None)
        poster = image_source(img) if img is not None else None
    return resolve(base, poster)


def _replace_with_video(el, address: str | None, poster: str | None) -> None:
    parent = el.getparent()
    if parent is None or address is None:
        return
    marker = etree.Element(VIDEO_TAG, src=address)
    if poster:
        marker.set("poster", poster)
    marker.tail = el.tail
    parent.replace(el, marker)


def is_centered(el) -> bool:
    if (el.get("align") or "").lower() == "center" or el.tag == "center":
        return True
    style = (el.get("style") or "").replace(" ", "").lower()
    return "text-align:center" in style
