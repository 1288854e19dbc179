"""The one renderer of an article: HTML (the reader, print, HTML export, Atom), Markdown
(export) and plain text (the terminal), from one table of block kind → output, with one
``meta_fields`` for the line under the title (date, 来源, 编辑, 作者) in all of them.

The HTML shows the breadcrumb, title, meta line, then the body's blocks in the page's
order — text, 小标题, pictures with captions, tables, lists, quotes and videos.
Everything from the page is escaped text; the result still goes through the
sanitiser. Colours come from the caller (the system palette), so dark mode follows
the desktop. What a window could not lay out quickly (a table of thousands of rows,
a body of a hundred thousand paragraphs) is cut where a reader would stop anyway,
and the cut says so: the full text stays in the cache and on the site. Markdown and
text are never cut.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import escape, unescape
from urllib.parse import urlsplit

from .model import ArticlePage, Heading, Image, ListBlock, Paragraph, Quote, Run, Table, Video
from .sanitize import is_safe_url, sanitize_html

TRUNCATED = "内容过长，已截断"
PLAY_IN_BROWSER = "在浏览器中播放"
# A video's poster is asked for with this fragment, so the view paints ▶ over it.
POSTER_FRAGMENT = "gr-play"
# A picture links to itself with this fragment: a click on one not yet downloaded fetches it.
PICTURE_FRAGMENT = "gr-picture"
# What the view lays out in well under 50 ms on this class of machine (bench/gui.py):
# Qt's HTML import costs about 0.03 ms a paragraph and 0.17 ms a table cell.
MAX_BLOCKS = 400
MAX_CHARACTERS = 80_000
# One paragraph is laid out as one: 20 000 characters (ten screens) about 15 ms, a line
# break inside it as much as 20 characters.
MAX_PARAGRAPH_CHARACTERS = 20_000
LINE_BREAK_WEIGHT = 20
MAX_TABLE_CELLS = 120
MAX_TABLE_COLUMNS = 20
MAX_LIST_ITEMS = 500
# What a reader decodes of a stored body: one more than it lays out, so that it says the
# rest is cut.
SHOWN_BLOCKS, SHOWN_ROWS = MAX_BLOCKS + 1, MAX_TABLE_CELLS + 1
INDENT = "\u3000\u3000"  # as the site indents; Qt ignores em text-indent


@dataclass(frozen=True)
class Colours:
    text: str = "#222222"
    muted: str = "#777777"
    link: str = "#1a5fb4"
    background: str = "#ffffff"
    rule: str = "#c8c8c8"
    added: str = "#d4f4dc"  # behind what a new version added (the changes view)
    removed: str = "#fbdada"  # behind what it took away


@dataclass(frozen=True)
class Note:
    """A line the window adds under the meta line — the 新闻排行 record, 本文于…更新,
    原文已删除 — with its links, (words, address) each; ``strong`` stands out."""

    text: str
    links: tuple[tuple[str, str], ...] = ()
    strong: bool = False


def meta_fields(article: ArticlePage) -> list[str]:
    """The line under the title, field by field: the date, then 来源, 编辑, 作者 as given."""
    fields = [article.published_at.strftime("%Y-%m-%d %H:%M")] if article.published_at else []
    labelled = (("来源", article.source), ("编辑", article.editor), ("作者", article.author))
    return fields + [f"{label}：{value}" for label, value in labelled if value]


def contributor_line(article: ArticlePage) -> str | None:
    return f"（供稿：{article.contributor}）" if article.contributor else None


def article_html(
    article: ArticlePage,
    colours: Colours = Colours(),
    notes: Sequence[Note] = (),
    *,
    whole: bool = False,
) -> str:
    """The article as the view shows it; ``notes``: the window's lines under the meta
    line (its 新闻排行 record, that it changed or is gone).

    ``whole``: nothing cut (exports and feeds, where no window has to lay it out).
    """
    parts = title_html(article) + header_html(article, notes)
    parts += body_html(article, colours, whole=whole)
    parts += footer_html(article)
    return page_html(parts, colours)


def page_html(parts: list[str], colours: Colours = Colours()) -> str:
    """A document of rendered pieces: sanitised, with the style sheet."""
    body = sanitize_html("".join(parts))
    return f"<html><head><style>{style_sheet(colours)}</style></head><body>{body}</body></html>"


def article_chunks(
    article: ArticlePage,
    colours: Colours = Colours(),
    notes: Sequence[Note] = (),
    *,
    first: int = 60,
    more: int = 100,
) -> list[str]:
    """The article as ``article_html`` shows it, in sanitised pieces a view lays out one
    after another: the title, the meta line and the first ``first`` blocks, then ``more``
    blocks at a time (their styles: ``style_sheet``). A long article's first screen is
    laid out in a few milliseconds; the rest follows in the frames after."""
    head = title_html(article) + header_html(article, notes)
    body = body_html(article, colours) + footer_html(article)
    pieces = [head + body[:first]] + [
        body[start : start + more] for start in range(first, len(body), more)
    ]
    return [sanitize_html("".join(piece)) for piece in pieces]


def title_html(article: ArticlePage) -> list[str]:
    """The breadcrumb and the title."""
    parts = []
    if article.breadcrumb:
        parts.append(f'<p class="crumb">{" › ".join(escape(n) for n in article.breadcrumb)}</p>')
    return parts + [f"<h1>{escape(article.title)}</h1>"]


def header_html(article: ArticlePage, notes: Sequence[Note] = ()) -> list[str]:
    """The meta line (and the window's notes) as HTML pieces."""
    parts = []
    if meta := meta_fields(article):
        parts.append(f'<p class="meta">{" · ".join(escape(field) for field in meta)}</p>')
    return parts + [note_html(note) for note in notes]


def note_html(note: Note) -> str:
    links = [
        f'<a href="{escape(href)}">{escape(words)}</a>'
        for words, href in note.links
        if is_safe_url(href)
    ]
    text = " · ".join(links)
    if note.text:  # "各版本：" leads its links; a sentence is one part of the line
        lead = escape(note.text)
        text = lead + text if lead.endswith("：") else " · ".join([lead, *links])
    return f'<p class="{"notice" if note.strong else "meta"}">{text}</p>'


def footer_html(article: ArticlePage) -> list[str]:
    line = contributor_line(article)
    return [f'<p class="meta">{escape(line)}</p>'] if line else []


def body_html(
    article: ArticlePage, colours: Colours = Colours(), *, whole: bool = False
) -> list[str]:
    """The body's blocks as HTML pieces, in order, cut with a note where too long
    unless ``whole``."""
    out = _Out(colours=colours, whole=whole)
    parts, characters = [], 0
    for number, block in enumerate(article.body):
        if not whole and (number >= MAX_BLOCKS or characters > MAX_CHARACTERS):
            parts.append(_truncated(article.url))
            break
        # A page written with no paragraphs is one block of it all (a megabyte: seconds of
        # layout on the window's thread): it is cut inside, as a body is cut between blocks.
        if not whole and isinstance(block, (Paragraph, Quote)):
            budget = min(MAX_PARAGRAPH_CHARACTERS, MAX_CHARACTERS - characters)
            if (cut := _cut_inside(block, budget)) is not block:
                parts += [_render(cut, HTML, out), _truncated(article.url)]
                break
        piece = _render(block, HTML, out)
        characters += len(piece)
        parts.append(piece)
    return parts


def _cut_inside(block: Paragraph | Quote, characters: int) -> Paragraph | Quote:
    """``block`` whole if it fits in ``characters`` (a line break weighs more); else its
    first ones, and … (an unclosed <blockquote> holds the rest of the page)."""
    if isinstance(block, Quote):
        text = cut_text(block.text, characters)
        return block if text is block.text else Quote(text)
    kept = _cut_runs(block.runs, characters)
    return block if kept is None else Paragraph(kept)


def cut_text(text: str, characters: int = MAX_PARAGRAPH_CHARACTERS) -> str:
    """``text`` itself if it fits in ``characters`` (a line break weighs more), else its
    first ones and …: a plain text cut as the view cuts a paragraph."""
    kept = _cut_runs(tuple(Run(piece) for piece in re.split("(\n)", text)), characters)
    return text if kept is None else "".join(run.text for run in kept)


def _cut_runs(runs: tuple[Run, ...], characters: int) -> tuple[Run, ...] | None:
    """The first ``characters`` of ``runs``, or None if they fit."""
    kept, left = [], characters
    for run in runs:
        weight = LINE_BREAK_WEIGHT if run.text == "\n" else len(run.text)
        if weight > left:
            if run.text != "\n":
                kept.append(Run(run.text[:left] + "…", run.strong, run.em, run.href))
            return tuple(kept)
        kept.append(run)
        left -= weight
    return None


def article_markdown(article: ArticlePage, picture_path: Callable[[str], str | None]) -> str:
    """The article as Markdown; ``picture_path(url)`` is where a picture was put beside it
    (None: linked at its address)."""
    out = _Out(picture=picture_path)
    parts = [f"# {article.title}"]
    if meta := meta_fields(article):
        parts.append(" · ".join(meta))
    parts += [_render(block, MARKDOWN, out) for block in article.body]
    if line := contributor_line(article):
        parts.append(line)
    parts.append(f"原文：<{article.url}>")
    return "\n\n".join(parts) + "\n"


def article_text(article: ArticlePage) -> str:
    """The article as plain text for a terminal, its panels after it."""
    lines = [" > ".join(article.breadcrumb), "", article.title, "  ".join(meta_fields(article))]
    lines.append("")
    for block in article.body:
        lines += [_render(block, TEXT, _Out()), ""]
    if line := contributor_line(article):
        lines.append(line)
    if article.recommendations:
        lines += ["", "精彩推荐"] + [f"  · {item.title}" for item in article.recommendations]
    if article.ranking:
        lines += ["", "新闻排行"] + [f"  {item.rank:>2}. {item.title}" for item in article.ranking]
    lines += ["", article.url]
    return "\n".join(lines)


def article_speech(article: ArticlePage) -> list[str]:
    """What 听新闻 reads, in order: the title, then the body's headings, paragraphs,
    list items, quotes and captions (not the meta line, not the panels)."""
    spoken = (_render(block, SPEECH, _Out()) for block in article.body)
    return [article.title, *(text for text in spoken if text.strip())]


_ADDRESS = re.compile(r'(src|href)="([^"]*)"')


def relink_pictures(html: str, picture_address: Callable[[str], str | None]) -> str:
    """Rendered HTML made to stand outside the window: the view's own link fragments go,
    and each picture's address becomes ``picture_address(url)`` (None keeps it)."""

    def relink(match: re.Match) -> str:
        attribute, address = match.group(1), unescape(match.group(2))
        address = address.removesuffix(f"#{PICTURE_FRAGMENT}").removesuffix(f"#{POSTER_FRAGMENT}")
        if attribute == "src":
            address = picture_address(address) or address
        return f'{attribute}="{escape(address)}"'

    return _ADDRESS.sub(relink, html)


@dataclass(frozen=True)
class _Out:
    """What a block is written with: the colours and whether to cut (HTML), where the
    pictures went (Markdown)."""

    colours: Colours = field(default_factory=Colours)
    whole: bool = False
    picture: Callable[[str], str | None] = lambda url: None


HTML, MARKDOWN, TEXT, SPEECH = 0, 1, 2, 3


def _render(block, output: int, out: _Out) -> str:
    renderers = _BLOCKS.get(type(block))
    return renderers[output](block, out) if renderers else ""


def _html_paragraph(block: Paragraph, out: _Out) -> str:
    return f'<p class="text">{INDENT}{_runs(block.runs)}</p>'


def _html_heading(block: Heading, out: _Out) -> str:
    level = min(max(block.level, 2), 4)
    return f'<h{level} class="heading">{escape(block.text)}</h{level}>'


def _runs(runs: tuple[Run, ...]) -> str:
    out = []
    for run in runs:
        if run.text == "\n":
            out.append("<br />")
            continue
        text = escape(run.text)
        if run.strong:
            text = f"<b>{text}</b>"
        if run.em:
            text = f"<i>{text}</i>"
        if run.href and is_safe_url(run.href):
            text = f'<a href="{escape(run.href)}">{text}</a>'
        out.append(text)
    return "".join(out)


def _html_picture(image: Image, out: _Out) -> str:
    if not is_safe_url(image.url):
        return ""
    caption = (
        f'<p class="caption" align="center">{escape(image.caption)}</p>' if image.caption else ""
    )
    url = escape(image.url)
    return (
        f'<p class="picture" align="center"><a href="{url}#{PICTURE_FRAGMENT}">'
        f'<img src="{url}" alt="" /></a></p>{caption}'
    )


def _html_table(table: Table, out: _Out) -> str:
    whole = out.whole
    widest = max((len(row.cells) for row in table.rows), default=1)
    columns = widest if whole else min(widest, MAX_TABLE_COLUMNS)
    shown_rows = len(table.rows) if whole else max(MAX_TABLE_CELLS // max(columns, 1), 1)
    rows = []
    for row in table.rows[:shown_rows]:
        tag = "th" if row.header else "td"
        cells = "".join(
            f"<{tag}>{'<br />'.join(map(escape, cell.split(chr(10))))}</{tag}>"
            for cell in row.cells[:columns]
        )
        rows.append(f"<tr>{cells}</tr>")
    cut = len(table.rows) > shown_rows or widest > columns
    note = f'<p class="note" align="center">{TRUNCATED}</p>' if cut else ""
    return (
        '<table class="data" border="1" cellspacing="0" cellpadding="6" width="100%">'
        + "".join(rows)
        + "</table>"
        + note
    )


def _html_list(items: ListBlock, out: _Out) -> str:
    tag = "ol" if items.ordered else "ul"
    shown_items = items.items if out.whole else items.items[:MAX_LIST_ITEMS]
    shown = "".join(f"<li>{escape(item)}</li>" for item in shown_items)
    note = f'<p class="note">{TRUNCATED}</p>' if len(shown_items) < len(items.items) else ""
    return f"<{tag}>{shown}</{tag}>{note}"


def _html_quote(quote: Quote, out: _Out) -> str:
    # Qt's rich text draws no left border on a paragraph: a thin coloured cell is the rule.
    text = "<br />".join(escape(line) for line in quote.text.split("\n"))
    return (
        '<table class="quote" cellspacing="0" cellpadding="0" width="100%"><tr>'
        f'<td width="4" bgcolor="{out.colours.rule}"></td>'
        f'<td class="quote-text">{text}</td></tr></table>'
    )


def _html_video(video: Video, out: _Out) -> str:
    if not is_safe_url(video.url):
        return ""
    url = escape(video.url)
    poster = (
        f'<p class="picture" align="center"><a href="{url}">'
        f'<img src="{escape(video.poster)}#{POSTER_FRAGMENT}" alt="" /></a></p>'
        if video.poster and is_safe_url(video.poster)
        else ""
    )
    host = escape(urlsplit(video.url).hostname or "")
    return (
        f'{poster}<p class="video" align="center"><a href="{url}">▶ {PLAY_IN_BROWSER}</a>'
        f' <span class="host">{host}</span></p>'
    )


def _markdown_paragraph(block: Paragraph, out: _Out) -> str:
    return "".join(_markdown_run(run) for run in block.runs)


def _markdown_run(run: Run) -> str:
    if run.text == "\n":
        return "  \n"
    text = run.text
    if run.strong:
        text = f"**{text}**"
    if run.em:
        text = f"*{text}*"
    return f"[{text}]({run.href})" if run.href else text


def _markdown_heading(block: Heading, out: _Out) -> str:
    return f"{'#' * min(block.level, 4)} {block.text}"


def _markdown_picture(block: Image, out: _Out) -> str:
    lines = [f"![{block.caption or ''}]({out.picture(block.url) or block.url})"]
    return "\n".join(lines + ([f"*{block.caption}*"] if block.caption else []))


def _markdown_table(block: Table, out: _Out) -> str:
    rows = [
        [cell.replace("\n", " ").replace("|", "\\|") for cell in row.cells] for row in block.rows
    ]
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    return "\n".join(
        [
            "| " + " | ".join(rows[0]) + " |",
            "|" + " --- |" * width,
            *("| " + " | ".join(row) + " |" for row in rows[1:]),
        ]
    )


def _markdown_list(block: ListBlock, out: _Out) -> str:
    marks = (f"{n}." if block.ordered else "-" for n in range(1, len(block.items) + 1))
    return "\n".join(f"{mark} {item}" for mark, item in zip(marks, block.items, strict=True))


def _markdown_quote(block: Quote, out: _Out) -> str:
    return "\n".join(f"> {line}" for line in block.text.split("\n"))


def _markdown_video(block: Video, out: _Out) -> str:
    poster = out.picture(block.poster) if block.poster else None
    return "\n".join(
        ([f"![]({poster})"] if poster else []) + [f"[▶ {PLAY_IN_BROWSER}]({block.url})"]
    )


def _text_paragraph(block: Paragraph, out: _Out) -> str:
    return "\n".join(f"{INDENT}{line}" for line in block.text.split("\n"))


def _text_picture(block: Image, out: _Out) -> str:
    return f"[图] {block.caption or ''} {block.url}".replace("  ", " ")


def _text_list(block: ListBlock, out: _Out) -> str:
    marks = (f"{n}." if block.ordered else "·" for n in range(1, len(block.items) + 1))
    return "\n".join(f"  {mark} {item}" for mark, item in zip(marks, block.items, strict=True))


def _nothing(block, out: _Out) -> str:
    return ""


# One row per kind of block; one column per output. Speech is what 听新闻 says: the
# text a listener follows — no table (cell after cell is no sentence), no video.
_Renderer = Callable[..., str]
_BLOCKS: dict[type, tuple[_Renderer, _Renderer, _Renderer, _Renderer]] = {
    #          HTML              Markdown            text                speech
    Paragraph: (_html_paragraph, _markdown_paragraph, _text_paragraph, lambda b, out: b.text),
    Heading: (
        _html_heading,
        _markdown_heading,
        lambda block, out: f"【{block.text}】",
        lambda block, out: block.text,
    ),
    Image: (_html_picture, _markdown_picture, _text_picture, lambda b, out: b.caption or ""),
    Table: (
        _html_table,
        _markdown_table,
        lambda b, out: "\n".join(" | ".join(r.cells) for r in b.rows),
        _nothing,
    ),
    ListBlock: (_html_list, _markdown_list, _text_list, lambda b, out: "\n".join(b.items)),
    Quote: (
        _html_quote,
        _markdown_quote,
        lambda b, out: "\n".join(f"  > {x}" for x in b.text.split("\n")),
        lambda b, out: b.text,
    ),
    Video: (_html_video, _markdown_video, lambda block, out: f"[视频] {block.url}", _nothing),
}


def _truncated(url: str) -> str:
    link = f' <a href="{escape(url)}">在浏览器中阅读全文</a>' if is_safe_url(url) else ""
    return f'<p class="note" align="center">{TRUNCATED}{link}</p>'


def style_sheet(c: Colours) -> str:
    return (
        f"body {{ color: {c.text}; background: {c.background}; }}"
        f"h1 {{ font-size: 150%; margin-bottom: 6px; line-height: 140%; }}"
        f"h2.heading {{ font-size: 120%; margin-top: 18px; margin-bottom: 8px; }}"
        f"h3.heading {{ font-size: 110%; margin-top: 14px; margin-bottom: 6px; }}"
        f"h4.heading {{ font-size: 100%; margin-top: 12px; margin-bottom: 6px; }}"
        f"p {{ margin-top: 0; margin-bottom: 12px; }}"
        # Line height only for text: on a picture's line it would pad the picture.
        f"p.text {{ line-height: 180%; white-space: pre-wrap; }}"
        f"li {{ line-height: 170%; }}"
        f"td.quote-text {{ padding-left: 12px; line-height: 180%; color: {c.muted}; }}"
        f"table.quote {{ margin-top: 4px; margin-bottom: 14px; }}"
        f"table.data {{ border-color: {c.rule}; border-style: solid; margin-bottom: 14px; }}"
        f"th {{ font-weight: bold; }}"
        f".crumb, .meta, .caption, .note, .host {{ color: {c.muted}; font-size: 90%; }}"
        f"p.picture {{ margin-bottom: 4px; }}"
        f"p.caption {{ margin-bottom: 16px; }}"
        f"a {{ color: {c.link}; text-decoration: none; }}"
        # What changed between two versions: marked by more than colour, for the
        # colour-blind and for screen readers (the labels are text).
        f"p.notice {{ font-weight: bold; margin-bottom: 8px; }}"
        f"p.added, p.gone {{ line-height: 180%; white-space: pre-wrap; }}"
        f"p.added {{ background-color: {c.added}; }}"
        f"span.added {{ background-color: {c.added}; text-decoration: underline; }}"
        f"span.removed {{ background-color: {c.removed}; text-decoration: line-through; "
        f"color: {c.muted}; }}"
        f"span.label {{ color: {c.muted}; font-size: 90%; }}"
    )
