"""An article as the HTML the reader shows: breadcrumb, title, meta line, text, pictures.

Everything from the page is escaped text; the result still goes through the
sanitiser, so no script, style, frame, form, event attribute or non-http(s)
address ever reaches the view. Colours come from the caller (the system palette),
so dark mode follows the desktop.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from .model import ArticlePage
from .sanitize import is_safe_url, sanitize_html

_WEB_ADDRESS = re.compile(r"https?://[\w.-]+(?:/[\w./%?=&#~+-]*)?")


@dataclass(frozen=True)
class Colours:
    text: str = "#222222"
    muted: str = "#777777"
    link: str = "#1a5fb4"
    background: str = "#ffffff"


def article_html(article: ArticlePage, colours: Colours = Colours()) -> str:
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
    pictures = [_picture(image.url, image.caption) for image in article.images]
    for number, paragraph in enumerate(article.paragraphs):
        # Indented as the site does it, with two full-width spaces (Qt ignores em indents).
        parts.append(f'<p class="text">\u3000\u3000{_linked(paragraph)}</p>')
        if number == 0:  # the site puts its pictures after the lead, mostly
            parts += pictures
            pictures = []
    parts += pictures
    if article.contributor:
        parts.append(f'<p class="meta">（供稿：{escape(article.contributor)}）</p>')
    body = sanitize_html("".join(parts))
    return f"<html><head><style>{_css(colours)}</style></head><body>{body}</body></html>"


def _picture(url: str, caption: str | None) -> str:
    if not is_safe_url(url):
        return ""
    text = f'<p class="caption" align="center">{escape(caption)}</p>' if caption else ""
    return f'<p class="picture" align="center"><img src="{escape(url)}" alt="" /></p>{text}'


def _linked(text: str) -> str:
    """Escaped text with web addresses made into links."""
    out, last = [], 0
    for match in _WEB_ADDRESS.finditer(text):
        out.append(escape(text[last : match.start()]))
        url = match.group()
        out.append(f'<a href="{escape(url)}">{escape(url)}</a>')
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def _css(c: Colours) -> str:
    return (
        f"body {{ color: {c.text}; background: {c.background}; }}"
        f"h1 {{ font-size: 160%; margin-bottom: 4px; }}"
        f"p {{ margin-top: 0; margin-bottom: 10px; }}"
        # Line height only for text: on a picture's line it would pad the picture.
        f"p.text {{ line-height: 170%; white-space: pre-wrap; }}"
        f".crumb, .meta, .caption {{ color: {c.muted}; font-size: 90%; }}"
        f"a {{ color: {c.link}; text-decoration: none; }}"
    )
