"""An article as the HTML the reader shows: breadcrumb, title, meta line, then its body's
blocks in the page's order — text, 小标题, pictures with captions, tables, lists,
quotes and videos.

Everything from the page is escaped text; the result still goes through the
sanitiser. Colours come from the caller (the system palette), so dark mode follows
the desktop. What a window could not lay out quickly (a table of thousands of rows,
a body of a hundred thousand paragraphs) is cut where a reader would stop anyway,
and the cut says so: the full text stays in the cache and on the site.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
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
MAX_TABLE_CELLS = 120
MAX_TABLE_COLUMNS = 20
MAX_LIST_ITEMS = 500
INDENT = "\u3000\u3000"  # as the site indents; Qt ignores em text-indent


@dataclass(frozen=True)
class Colours:
    text: str = "#222222"
    muted: str = "#777777"
    link: str = "#1a5fb4"
    background: str = "#ffffff"
    rule: str = "#c8c8c8"


def article_html(
    article: ArticlePage,
    colours: Colours = Colours(),
    ranked: str | None = None,
    *,
    whole: bool = False,
) -> str:
    """The article as the view shows it; ``ranked`` is its 新闻排行 record line, if any.

    ``whole``: nothing cut (exports and feeds, where no window has to lay it out).
    """
    parts = []
    if article.breadcrumb:
        parts.append(f'<p class="crumb">{" › ".join(escape(n) for n in article.breadcrumb)}</p>')
    parts.append(f"<h1>{escape(article.title)}</h1>")
    meta = [article.published_at.strftime("%Y-%m-%d %H:%M")] if article.published_at else []
    for label, value in (
        ("来源", article.source),
        ("编辑", article.editor),
        ("作者", article.author),
    ):
        if value:
            meta.append(f"{label}：{escape(value)}")
    if meta:
        parts.append(f'<p class="meta">{" · ".join(meta)}</p>')
    if ranked:
        parts.append(f'<p class="meta">{escape(ranked)}</p>')
    parts += body_html(article, colours, whole=whole)
    if article.contributor:
        parts.append(f'<p class="meta">（供稿：{escape(article.contributor)}）</p>')
    body = sanitize_html("".join(parts))
    return f"<html><head><style>{_css(colours)}</style></head><body>{body}</body></html>"


def body_html(
    article: ArticlePage, colours: Colours = Colours(), *, whole: bool = False
) -> list[str]:
    """The body's blocks as HTML pieces, in order, cut with a note where too long
    unless ``whole``."""
    parts, characters = [], 0
    for number, block in enumerate(article.body):
        if not whole and (number >= MAX_BLOCKS or characters > MAX_CHARACTERS):
            parts.append(_truncated(article.url))
            break
        piece = _block(block, colours, whole)
        characters += len(piece)
        parts.append(piece)
    return parts


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


def _block(block, colours: Colours, whole: bool) -> str:
    if isinstance(block, Paragraph):
        return f'<p class="text">{INDENT}{_runs(block.runs)}</p>'
    if isinstance(block, Heading):
        level = min(max(block.level, 2), 4)
        return f'<h{level} class="heading">{escape(block.text)}</h{level}>'
    if isinstance(block, Image):
        return _picture(block)
    if isinstance(block, Table):
        return _table(block, whole)
    if isinstance(block, ListBlock):
        return _list(block, whole)
    if isinstance(block, Quote):
        return _quote(block, colours)
    if isinstance(block, Video):
        return _video(block)
    return ""


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


def _picture(image: Image) -> str:
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


def _table(table: Table, whole: bool) -> str:
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


def _list(items: ListBlock, whole: bool) -> str:
    tag = "ol" if items.ordered else "ul"
    shown_items = items.items if whole else items.items[:MAX_LIST_ITEMS]
    shown = "".join(f"<li>{escape(item)}</li>" for item in shown_items)
    note = f'<p class="note">{TRUNCATED}</p>' if len(shown_items) < len(items.items) else ""
    return f"<{tag}>{shown}</{tag}>{note}"


def _quote(quote: Quote, colours: Colours) -> str:
    # Qt's rich text draws no left border on a paragraph: a thin coloured cell is the rule.
    text = "<br />".join(escape(line) for line in quote.text.split("\n"))
    return (
        '<table class="quote" cellspacing="0" cellpadding="0" width="100%"><tr>'
        f'<td width="4" bgcolor="{colours.rule}"></td>'
        f'<td class="quote-text">{text}</td></tr></table>'
    )


def _video(video: Video) -> str:
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


def _truncated(url: str) -> str:
    link = f' <a href="{escape(url)}">在浏览器中阅读全文</a>' if is_safe_url(url) else ""
    return f'<p class="note" align="center">{TRUNCATED}{link}</p>'


def _css(c: Colours) -> str:
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
    )
