"""Turn the body element into what a reader reads: blocks, in the page's order.

Walks the element as a browser lays it out: block elements end a paragraph, inline
elements run on and lend it their style (bold, italic, link) as runs. Pictures, data
tables, lists, quotes and video players become blocks where they stand. Then sorts:
a short line after a picture is its caption, a short wholly-bold paragraph a 小标题,
the contributor, editor and author lines go to their fields, furniture (版权声明,
pagers, share bars) away.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import islice
from typing import NamedTuple

from ..model import Block, Heading, Image, ListBlock, Paragraph, Quote, Run, Table, TableRow, Video
from . import site
from .tree import (
    BLOCK_TAGS,
    VIDEO_TAG,
    clean,
    image_source,
    is_centered,
    is_furniture,
    is_page_link,
    picture_size,
    resolve,
)

_HEADING_LEVELS = {"h1": 2, "h2": 2, "h3": 3, "h4": 4, "h5": 4, "h6": 4}
_STRONG_TAGS = frozenset(("strong", "b"))
_EM_TAGS = frozenset(("em", "i"))
_LIST_TAGS = frozenset(("ul", "ol"))
# A table whose cells hold this much text is the page's layout, not figures.
_TABLE_CELL_MAX_CHARS = 200
# A box of the body that is mostly links to other pages is a related-news list, a menu
# or a tag cloud: left out. Paragraphs never are ("相关阅读：<a>…</a>" is the writer's).
_LINK_BOXES = frozenset("div ul ol dl section aside nav header footer table".split())
_LINK_BOX_MIN_LINKS = 3
_LINK_BOX_SHARE = 0.6
# Full-width or non-breaking indentation after a <br> starts a new paragraph.
_INDENTS = ("\u3000", "\xa0\xa0")
_NEWLINE = "\n"
_BREAK = Run(_NEWLINE)


class _Context(NamedTuple):
    """What an element's text inherits: layout (centred, block, heading) and style."""

    centred: bool
    block: object  # the innermost block element
    level: int | None  # inside an <hN>
    caption: bool  # inside a <figcaption>
    strong: bool
    em: bool
    href: str | None


@dataclass
class _Line:
    runs: tuple[Run, ...]
    context: _Context
    centred: bool

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass
class _Picture:
    image: Image
    block: object


@dataclass
class Body:
    blocks: list[Block] = field(default_factory=list)
    contributor: str | None = None
    editor: str | None = None
    author: str | None = None
    source: str | None = None


def read_body(container, base: str, skip: frozenset, drop: frozenset) -> Body:
    """Read ``container``, leaving out the ``skip`` elements and lines whose text is in ``drop``.

    ``drop`` holds texts without whitespace (title, breadcrumb, meta line) that may sit
    inside the body's element on malformed pages.
    """
    return _sort(_lay_out(container, base, skip), drop, container)


# ---------------------------------------------------------------------- laying out


def _lay_out(container, base: str, skip: frozenset) -> list:
    skip = skip | _link_boxes(container)
    items: list = []
    pieces: list[tuple[str, _Context]] = []  # the paragraph being read: raw text, its context
    centred = False

    def add(text: str | None, context: _Context) -> None:
        nonlocal centred
        if text and (pieces or text.strip()):
            pieces.append((text, context))
            centred = centred or context.centred

    def flush() -> None:
        nonlocal centred
        if pieces:
            items.extend(_lines(pieces, centred))
            pieces.clear()
        centred = False

    top = _Context(is_centered(container), container, None, False, False, False, None)
    # Entries are (element, its context, its parent's context, entering?). A stack,
    # not recursion: malformed pages nest deeper than Python recurses.
    stack: list[tuple] = [(container, top, top, True)]
    while stack:
        el, context, parent_context, entering = stack.pop()
        tag = el.tag
        if entering and isinstance(tag, str) and el not in skip:
            block = _standalone(el, tag, base)
            if block is not None:
                flush()
                if block is not _NOTHING:
                    items.append(_Picture(block, context.block) if tag == "img" else block)
            elif tag == "br":
                add(_NEWLINE, context)
            elif tag != "img":
                if tag in BLOCK_TAGS:
                    flush()
                add(el.text, context)
                stack.append((el, context, parent_context, False))
                for child in reversed(el):
                    if isinstance(child.tag, str):
                        stack.append((child, _child_context(child, context, base), context, True))
                    elif child.tail:  # a comment or processing instruction: its tail is text
                        stack.append((child, context, context, False))
                continue
        elif not entering and tag in BLOCK_TAGS:
            flush()
        if el is not container:
            add(el.tail, parent_context)
    flush()
    return items


_NOTHING = object()  # an element that ends the paragraph and shows nothing (an ornament)


def _standalone(el, tag: str, base: str):
    """The block an element is on its own (picture, table, list, quote, video), else None."""
    if tag == "img":
        url = resolve(base, image_source(el))
        if url is None or _is_ornament(el, url):
            return _NOTHING
        return Image(url, None, *picture_size(el))
    if tag == VIDEO_TAG:
        return Video(el.get("src"), el.get("poster"))
    if tag == "table":
        return _table(el)
    if tag in _LIST_TAGS:
        return _list(el)
    if tag == "blockquote" and not _holds_media(el):
        text = flow_text(el)
        return Quote(text) if text else _NOTHING
    return None


def _child_context(child, context: _Context, base: str) -> _Context:
    tag = child.tag
    centred = context.centred or is_centered(child)
    block = child if tag in BLOCK_TAGS else context.block
    level = _HEADING_LEVELS.get(tag, context.level)
    strong = context.strong or tag in _STRONG_TAGS or _is_bold(child)
    em = context.em or tag in _EM_TAGS
    href = context.href
    if tag == "a":
        href = resolve(base, child.get("href")) or href
    caption = context.caption or tag == "figcaption"
    return _Context(centred, block, level, caption, strong, em, href)


def _is_bold(el) -> bool:
    style = el.get("style")
    return bool(style) and "bold" in style.replace(" ", "").lower()


def _lines(pieces: list[tuple[str, _Context]], centred: bool) -> list[_Line]:
    """The paragraph's pieces as lines: <br> breaks a line, and starts a new paragraph
    where two follow each other or an indented line follows; a furniture line (editor,
    copyright) stands alone so the sorter can take it out."""
    groups: list[list[list[tuple[str, _Context]]]] = [[[]]]
    for text, context in pieces:
        if text == _NEWLINE:
            groups[-1].append([])
            continue
        line = groups[-1][-1]
        if not line and len(groups[-1]) > 1:
            raw = text.lstrip(" \t\r\n")
            if not raw:
                continue
            if raw.startswith(_INDENTS) or not groups[-1][-2]:
                groups[-1].pop()
                groups.append([[]])
                line = groups[-1][-1]
        line.append((text, context))
    out = []
    for group in groups:
        context = next(context for line in group for _, context in line)
        runs: list[Run] = []
        for line_runs in map(_runs, group):
            if not line_runs:
                continue
            if _is_furniture_line("".join(run.text for run in line_runs)):
                if runs:
                    out.append(_Line(tuple(runs), context, centred))
                    runs = []
                out.append(_Line(tuple(line_runs), context, centred))
                continue
            if runs:
                runs.append(_BREAK)
            runs.extend(line_runs)
        if runs:
            out.append(_Line(tuple(runs), context, centred))
    return out


def _is_furniture_line(text: str) -> bool:
    return bool(
        site.CONTRIBUTOR_LINE.match(text)
        or site.EDITOR_LINE.match(text)
        or site.SOURCE_LINE.match(text)
        or text.startswith(site.BOILERPLATE_STARTS)
    )


def _runs(line: list[tuple[str, _Context]]) -> list[Run]:
    """Styled runs of one line: whitespace collapsed, trimmed, equal styles merged."""
    pieces: list[list] = []  # [text, strong, em, href]
    for raw, context in line:
        text = clean_inline(raw)
        if not text:
            continue
        if pieces and pieces[-1][0].endswith(" ") and text.startswith(" "):
            text = text[1:]
            if not text:
                continue
        style = [context.strong, context.em, context.href]
        if pieces and (text.isspace() or pieces[-1][1:] == style):
            pieces[-1][0] += text
        else:
            pieces.append([text, *style])
    if pieces:
        pieces[0][0] = pieces[0][0].lstrip()
        pieces[-1][0] = pieces[-1][0].rstrip()
    return [Run(*piece) for piece in pieces if piece[0]]


def clean_inline(text: str) -> str:
    """Collapse whitespace (indentation and &nbsp; included) to single spaces; no strip."""
    return " ".join(text.split()) if text.strip() else (" " if text else "")


def _link_boxes(container) -> frozenset:
    """Boxes inside the body whose text is mostly links to other pages (one pass)."""
    if (
        not any(box is not container for box in container.iter(*_LINK_BOXES))
        or len(list(islice(container.iter("a"), _LINK_BOX_MIN_LINKS))) < _LINK_BOX_MIN_LINKS
    ):
        return frozenset()  # most bodies: no box, or too few links to fill one
    text: dict = {}
    linked: dict = {}
    links: dict = {}
    found = []
    for el in reversed([el for el in container.iter() if isinstance(el.tag, str)]):
        own = _chars(el.text) + sum(_chars(child.tail) for child in el)
        total = own + sum(text.get(child, 0) for child in el)
        count = sum(links.get(child, 0) for child in el)
        if el.tag == "a" and is_page_link(el):
            linked_chars, count = total, count + 1
        else:
            linked_chars = sum(linked.get(child, 0) for child in el)
        text[el], linked[el], links[el] = total, linked_chars, count
        if (
            el.tag in _LINK_BOXES
            and el is not container
            and count >= _LINK_BOX_MIN_LINKS
            and linked_chars >= _LINK_BOX_SHARE * total
        ):
            found.append(el)
    return frozenset(found)


def _chars(text: str | None) -> int:
    return len("".join(text.split())) if text else 0


# ---------------------------------------------------------------------- blocks of their own


def _is_ornament(img, url: str) -> bool:
    width, height = picture_size(img)
    if (width is not None and width <= 2) or (height is not None and height <= 2):
        return True  # a spacer
    if width and height and max(width, height) <= site.ORNAMENT_MAX_SIDE:
        return True  # an icon
    name = " ".join((url.rsplit("/", 1)[-1], img.get("class") or "", img.get("id") or ""))
    return bool(site.ORNAMENT_NAME.search(name))


def _holds_media(el) -> bool:
    return any(True for _ in el.iter("img", "table", VIDEO_TAG))


def _table(table):
    """A table of figures as a Table; None for a layout table, which is read as text."""
    if any(True for _ in table.iterdescendants("table", "img", VIDEO_TAG)):
        return None
    rows = []
    for tr in table.iter("tr"):
        cells = [cell for cell in tr if cell.tag in ("td", "th")]
        if cells:
            rows.append((tr, cells))
    if len(rows) < 2 or max(len(cells) for _, cells in rows) < 2:
        return None
    out = []
    for number, (tr, cells) in enumerate(rows[: site.MAX_TABLE_ROWS]):
        texts = tuple(flow_text(cell) for cell in cells[: site.MAX_TABLE_COLUMNS])
        if any(len(text) > _TABLE_CELL_MAX_CHARS for text in texts):
            return None
        if any(texts):
            out.append(TableRow(texts, _is_header_row(tr, cells, number)))
    return Table(tuple(out)) if out else _NOTHING


def _is_header_row(tr, cells: list, number: int) -> bool:
    if all(cell.tag == "th" for cell in cells) or tr.getparent().tag == "thead":
        return True
    # A bold first row heads the table as <th> would.
    return number == 0 and all(
        _is_bold(cell) or any(True for _ in cell.iter(*_STRONG_TAGS)) for cell in cells
    )


def _list(element):
    """A list of text items; None for a list that lays out pictures (a gallery)."""
    if _holds_media(element):
        return None
    items = []
    for li in element.iter("li"):
        text = flow_text(li, skip=_LIST_TAGS)
        if text and not is_furniture(text):
            items.append(text)
    return ListBlock(element.tag == "ol", tuple(items)) if items else _NOTHING


def flow_text(el, skip: frozenset = frozenset()) -> str:
    """The element's text with line breaks where blocks and <br>s break it, each line
    cleaned; elements whose tag is in ``skip`` are left out (with their text)."""
    parts: list[str] = []
    stack = [(el, True)]
    while stack:
        node, entering = stack.pop()
        if not entering:
            if node.tag in BLOCK_TAGS:
                parts.append(_NEWLINE)
            parts.append(node.tail or "")
            continue
        tag = node.tag
        if node is not el and (not isinstance(tag, str) or tag in skip):
            parts.append(node.tail or "")
            continue
        if tag == "br" or tag in BLOCK_TAGS:
            parts.append(_NEWLINE)
        parts.append(node.text or "")
        if node is not el:
            stack.append((node, False))
        stack.extend((child, True) for child in reversed(node))
    lines = (clean(line) for line in "".join(parts).split(_NEWLINE))
    return _NEWLINE.join(line for line in lines if line)


# ---------------------------------------------------------------------- sorting


def _sort(items: list, drop: frozenset, container) -> Body:
    body = Body()
    blocks = body.blocks
    seen_pictures: set[str] = set()
    waiting: _Picture | None = None  # the picture whose caption may come next
    waiting_at = 0  # where it stands in blocks
    for item in items:
        if len(blocks) >= site.MAX_BODY_BLOCKS:
            break
        if isinstance(item, _Picture):
            fresh = item.image.url not in seen_pictures
            waiting, waiting_at = (item, len(blocks)) if fresh else (None, 0)
            if fresh:
                seen_pictures.add(item.image.url)
                blocks.append(item.image)
            continue
        if not isinstance(item, _Line):
            waiting = None
            if not (blocks and isinstance(item, Video) and blocks[-1] == item):
                blocks.append(item)  # a player and its script may name the same video
            continue
        text = item.text
        if waiting is not None and _is_caption(item, waiting.block, container):
            blocks[waiting_at] = replace(waiting.image, caption=text)
            waiting = None
            continue
        waiting = None
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
        elif match := site.SOURCE_LINE.match(text):
            body.source = match.group(1)
        elif (level := _heading_level(item)) is not None:
            blocks.append(Heading(level, " ".join(text.split(_NEWLINE))))
        else:
            blocks.append(Paragraph(item.runs))
    return body


def _heading_level(line: _Line) -> int | None:
    if line.context.level is not None:
        return line.context.level
    text = line.text
    wholly_bold = all(run.strong for run in line.runs if run.text.strip())
    if not wholly_bold or len(text) > site.HEADING_MAX_CHARS or _NEWLINE in text:
        return None
    return 3 if site.SUBHEADING.match(text) else 2


def _is_caption(line: _Line, picture_block, container) -> bool:
    """A short line right after a picture: a figcaption, centred, worded like a caption,
    or in the picture's own box."""
    if line.context.caption:
        return True
    if len(line.text) > site.CAPTION_MAX_CHARS or line.context.level is not None:
        return False
    if line.centred or line.text.startswith(site.CAPTION_STARTS):
        return True
    if site.CAPTION_ENDS.search(line.text):
        return True
    block = line.context.block
    if block is not None and site.CAPTION_HINT.search(
        f"{block.get('class') or ''} {block.get('id') or ''}"
    ):
        return True
    return (
        picture_block is not container
        and block is not None
        and (block is picture_block or picture_block in block.iterancestors())
    )
