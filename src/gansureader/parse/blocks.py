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
from .tree import BLOCK_TAGS, clean, image_source, is_centered, is_furniture, resolve


@dataclass
class _Line:
    text: str
    centred: bool
    block: object  # the innermost block element the text sat in


@dataclass
class _Picture:
    url: str
    block: object


@dataclass
class Body:
    paragraphs: list[str] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    contributor: str | None = None
    editor: str | None = None
    author: str | None = None


def read_body(container, base: str, skip: frozenset, drop: frozenset) -> Body:
    """Read ``container``, leaving out the ``skip`` elements and lines whose text is in ``drop``.

    ``drop`` holds texts without whitespace (title, breadcrumb, meta line) that may sit
    inside the body's element on malformed pages.
    """
    return _sort_lines(_lay_out(container, base, skip), drop)


def _lay_out(container, base: str, skip: frozenset) -> list[_Line | _Picture]:
    items: list[_Line | _Picture] = []
    buffer: list[str] = []
    buffer_centred = False
    buffer_block = None

    def flush() -> None:
        nonlocal buffer_centred, buffer_block
        text = clean("".join(buffer))
        if text:
            items.append(_Line(text, buffer_centred, buffer_block))
        buffer.clear()
        buffer_centred, buffer_block = False, None

    def add(text: str | None, context: tuple) -> None:
        nonlocal buffer_centred, buffer_block
        if text and text.strip():
            buffer.append(text)
            buffer_centred = buffer_centred or context[0]
            buffer_block = buffer_block if buffer_block is not None else context[1]

    # Entries are (element, its context, its parent's context, entering?) where a
    # context is (centred?, innermost block). A stack, not recursion, because
    # malformed pages nest deeper than Python recurses.
    top = (is_centered(container), container)
    stack: list[tuple] = [(container, top, top, True)]
    while stack:
        el, context, parent_context, entering = stack.pop()
        tag = el.tag
        if entering and isinstance(tag, str) and el not in skip:
            if tag == "br":
                flush()
            elif tag == "img":
                url = resolve(base, image_source(el))
                if url:
                    flush()
                    items.append(_Picture(url, context[1]))
            else:
                if tag in BLOCK_TAGS:
                    flush()
                add(el.text, context)
                stack.append((el, context, parent_context, False))
                for child in reversed(el):
                    child_context = (
                        context[0] or is_centered(child),
                        child if child.tag in BLOCK_TAGS else context[1],
                    )
                    stack.append((child, child_context, context, True))
                continue
        elif not entering and tag in BLOCK_TAGS:
            flush()
        if el is not container:
            add(el.tail, parent_context)
    flush()
    return items


def _sort_lines(items: list[_Line | _Picture], drop: frozenset) -> Body:
    body = Body()
    seen_pictures: set[str] = set()
    waiting_caption = False
    picture_block = None
    for item in items:
        if isinstance(item, _Picture):
            picture_block = item.block
            waiting_caption = item.url not in seen_pictures
            if waiting_caption:
                seen_pictures.add(item.url)
                body.images.append(Image(item.url))
            continue
        text = item.text
        if waiting_caption and _is_caption(item, picture_block):
            body.images[-1] = Image(body.images[-1].url, text)
            waiting_caption = False
            continue
        waiting_caption = False
        if (
            "".join(text.split()) in drop
            or site.PAGER_LINE.match(text)
            or text.startswith(site.BOILERPLATE_STARTS)
            or is_furniture(text)
        ):
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


def _is_caption(line: _Line, picture_block) -> bool:
    """A short line right after a picture: centred, worded like one, or in the picture's box."""
    if len(line.text) > site.CAPTION_MAX_CHARS:
        return False
    if line.centred or line.text.startswith(site.CAPTION_STARTS):
        return True
    block = line.block
    return block is not None and (block is picture_block or picture_block in block.iterancestors())
