"""An article out of the app: one HTML file with its pictures embedded, or Markdown with
its pictures in a folder beside it. Both from the cache, in the body's order.

The HTML is the reader's own rendering (same blocks, same sanitiser) made to stand
alone: pictures become ``data:`` addresses, the reading column is set in CSS.
"""

from __future__ import annotations

import base64
import re
from html import escape
from pathlib import Path

from .model import ArticlePage, Heading, Image, ListBlock, Paragraph, Quote, Table, Video
from .render import PICTURE_FRAGMENT, PLAY_IN_BROWSER, POSTER_FRAGMENT, article_html
from .store import Store, image_type

_EXTENSIONS = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/gif": ".gif",
    "image/webp": ".webp",
}
_SOURCE = re.compile(r'src="([^"]+)"')
_STANDALONE_CSS = (
    "body { max-width: 42em; margin: 2em auto; padding: 0 1em; "
    'font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; } '
    "img { max-width: 100%; height: auto; } "
    "table.data { border-collapse: collapse; } table.data td, table.data th "
    "{ border: 1px solid #c8c8c8; padding: 4px 8px; }"
)


class ExportError(Exception):
    """The export could not be written; the message names the file and what to do."""


def export_html(article: ArticlePage, store: Store) -> str:
    """The article as one HTML file: every cached picture embedded, none fetched."""
    html = article_html(article)
    html = html.replace(f"#{PICTURE_FRAGMENT}", "").replace(f"#{POSTER_FRAGMENT}", "")

    def embed(match: re.Match) -> str:
        data = _picture(store, match.group(1))
        if data is None:
            return match.group(0)  # not downloaded: the address stays
        content, mime = data
        return f'src="data:{mime};base64,{base64.b64encode(content).decode("ascii")}"'

    html = _SOURCE.sub(embed, html)
    head = f'<meta charset="utf-8"><title>{escape(article.title)}</title>'
    html = html.replace("<head>", f"<head>{head}", 1)
    return html.replace("</style>", f" {_STANDALONE_CSS}</style>", 1)


def export_markdown(article: ArticlePage, store: Store, target: Path) -> str:
    """The article as Markdown; its pictures are written to ``TARGET_files/`` beside it."""
    folder = target.with_name(target.stem + "_files")
    lines = [f"# {article.title}", ""]
    meta = [article.published_at.strftime("%Y-%m-%d %H:%M")] if article.published_at else []
    labelled = (("来源", article.source), ("编辑", article.editor))
    meta += [f"{label}：{value}" for label, value in labelled if value]
    if meta:
        lines += [" · ".join(meta), ""]
    for block in article.body:
        lines += _markdown(block, store, folder) + [""]
    if article.contributor:
        lines += [f"（供稿：{article.contributor}）", ""]
    lines.append(f"原文：<{article.url}>")
    return "\n".join(lines) + "\n"


def write(text: str, target: Path) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    except OSError as error:
        raise ExportError(f"{target}: cannot be written ({error.strerror})") from None


def _markdown(block, store: Store, folder: Path) -> list[str]:
    if isinstance(block, Paragraph):
        return ["".join(_run(run) for run in block.runs)]
    if isinstance(block, Heading):
        return [f"{'#' * min(block.level, 4)} {block.text}"]
    if isinstance(block, Image):
        path = _save_picture(store, block.url, folder)
        lines = [f"![{block.caption or ''}]({path or block.url})"]
        return lines + ([f"*{block.caption}*"] if block.caption else [])
    if isinstance(block, Table):
        rows = [[_cell(cell) for cell in row.cells] for row in block.rows]
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        return [
            "| " + " | ".join(rows[0]) + " |",
            "|" + " --- |" * width,
            *("| " + " | ".join(row) + " |" for row in rows[1:]),
        ]
    if isinstance(block, ListBlock):
        marks = (f"{n}." if block.ordered else "-" for n in range(1, len(block.items) + 1))
        return [f"{mark} {item}" for mark, item in zip(marks, block.items, strict=True)]
    if isinstance(block, Quote):
        return [f"> {line}" for line in block.text.split("\n")]
    if isinstance(block, Video):
        poster = _save_picture(store, block.poster, folder) if block.poster else None
        return ([f"![]({poster})"] if poster else []) + [f"[▶ {PLAY_IN_BROWSER}]({block.url})"]
    return []


def _cell(text: str) -> str:
    return text.replace("\n", " ").replace("|", "\\|")


def _run(run) -> str:
    if run.text == "\n":
        return "  \n"
    text = run.text
    if run.strong:
        text = f"**{text}**"
    if run.em:
        text = f"*{text}*"
    return f"[{text}]({run.href})" if run.href else text


def _picture(store: Store, url: str) -> tuple[bytes, str] | None:
    path = store.image_path(url)
    if path is None:
        return None
    try:
        content = path.read_bytes()
    except OSError:
        return None
    mime = image_type(content)
    return (content, mime) if mime else None


def _save_picture(store: Store, url: str, folder: Path) -> str | None:
    """The picture written into ``folder``; its path relative to the Markdown file."""
    data = _picture(store, url)
    if data is None:
        return None
    content, mime = data
    name = url.rstrip("/").rsplit("/", 1)[-1].split("?")[0] or "picture"
    if not name.endswith(_EXTENSIONS[mime]):
        name += _EXTENSIONS[mime]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(content)
    except OSError as error:
        raise ExportError(f"{folder / name}: cannot be written ({error.strerror})") from None
    return f"{folder.name}/{name}"
