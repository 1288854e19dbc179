"""Turn the body element into what a reader reads: paragraphs, pictures with captions.

Walks the element like a browser lays it out: block elements and <br> end a line,
inline elements run on. Then sorts the lines: captions go to their picture, the
contributor, editor and author lines to their fields, furniture (版权声明, pagers,
share bars) away; what is left are the paragraphs, in order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Image
from . import site
from .tree import clean, image_source, is_centered, resolve

_BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd table tbody thead tr td th center section "
    "article blockquote figure figcaption pre header footer aside nav main hr".split()
)


@dataclass
class _Line:
    text: str
    centered: bool


@dataclass
class _Picture:
    url: str


@dataclass
class Body:
    paragraphs: list[str] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    contributor: str | None = None
    editor: str | None = None
    author: str | None = None


def read_body(container, base: str, skip: frozenset = frozenset(), title: str = "") -> Body:
    return _sort_lines(_lay_out(container, base, skip), title)


def _lay_out(container, base: str, skip: frozenset) -> list[_Line | _Picture]:
    items: list[_Line | _Picture] = []
    buffer: list[str] = []
    buffer_centred = False

    def flush() -> None:
        nonlocal buffer_centred
        text = clean("".join(buffer))
        if text:
            items.append(_Line(text, buffer_centred))
        buffer.clear()
        buffer_centred = False

    def add(text: str | None, centred: bool) -> None:
        nonlocal buffer_centred
        if text and text.strip():
            buffer.append(text)
            buffer_centred = buffer_centred or centred

    # Entries are (element, its centring, its parent's centring, entering?); a stack,
    # not recursion, because malformed pages nest deeper than Python recurses.
    centred = is_centered(container)
    stack: list[tuple] = [(container, centred, centred, True)]
    while stack:
        el, centred, parent_centred, entering = stack.pop()
        tag = el.tag
        if entering and isinstance(tag, str) and el not in skip:
            if tag == "br":
                flush()
            elif tag == "img":
                url = resolve(base, image_source(el))
                if url:
                    flush()
                    items.append(_Picture(url))
            else:
                if tag in _BLOCK_TAGS:
                    flush()
                add(el.text, centred)
                stack.append((el, centred, parent_centred, False))
                for child in reversed(el):
                    stack.append((child, centred or is_centered(child), centred, True))
                continue
        elif not entering and tag in _BLOCK_TAGS:
            flush()
        if el is not container:
            add(el.tail, parent_centred)
    flush()
    return items


def _sort_lines(items: list[_Line | _Picture], title: str) -> Body:
    body = Body()
    seen_pictures: set[str] = set()
    waiting_caption = False
    for item in items:
        if isinstance(item, _Picture):
            waiting_caption = item.url not in seen_pictures
            if waiting_caption:
                seen_pictures.add(item.url)
                body.images.append(Image(item.url))
            continue
        text = item.text
        if waiting_caption and _is_caption(item):
            body.images[-1] = Image(body.images[-1].url, text)
            waiting_caption = False
            continue
        waiting_caption = False
        if text == title or site.PAGER_LINE.match(text) or text.startswith(site.BOILERPLATE_STARTS):
            continue
        if match := site.CONTRIBUTOR_LINE.match(text):
            body.contributor = match.group(1)
        elif match := site.EDITOR_LINE.match(text):
            body.editor = match.group(1)
        elif match := site.AUTHOR_LINE.match(text):
            body.author = match.group(1)
        else:
            body.paragraphs.append(text)
    return body


def _is_caption(line: _Line) -> bool:
    if len(line.text) > site.CAPTION_MAX_CHARS:
        return False
    return line.centered or line.text.startswith(site.CAPTION_STARTS)
