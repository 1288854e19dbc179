"""Build an ArticlePage from a cleaned tree: title, breadcrumb, meta line, body, panels.

Each part is found by what it says (您当前的位置, 来源, 精彩推荐 …); known class
names only help. A template never seen before still yields title, date and body
through the density search in ``density``.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from ..model import ArticlePage
from . import site
from .blocks import read_body
from .dates import BEIJING, find_datetime, has_date
from .density import find_body, unlikely_boxes
from .sections import find_headings, find_section, ranking, recommendations
from .tree import TextIndex, clean, clipped, holds_blocks, line_text, resolve, text_of

# A role word before a name ("作者：记者 马堃") is not part of the name; the next label
# ends it. (责任编辑 before 编辑, as site.EDITOR_LABELS has them.)
_META_LABELS = "|".join((*site.SOURCE_LABELS, *site.EDITOR_LABELS, site.AUTHOR_LABEL))
_LABEL_VALUE = re.compile(
    rf"({_META_LABELS})\s*[:：]\s*(?:记者|通讯员)?\s*"
    rf"(.*?)(?=\s|$|[【\[|]|(?:{_META_LABELS})\s*[:：])"
)
# A meta line is short; a longer element holding 来源 is a paragraph quoting it.
_META_MAX_CHARS = 160
_META_CLIMB = 3
# After the title, how many text pieces to search for a date on unknown templates.
_DATE_LOOKAHEAD = 40


def build_article(root, url: str, base: str, page_title: str) -> ArticlePage:
    index = TextIndex(root, site.KEYWORDS)
    title_el, title = find_title(root, page_title)
    title = clipped(title)
    crumb_el, breadcrumb = find_breadcrumb(index)
    meta_el = find_meta_line(index)
    meta_line = line_text(meta_el) if meta_el is not None else ""
    meta = dict(_LABEL_VALUE.findall(meta_line))
    published = _published_at(root, url, meta_line, title_el)

    recommended = find_section(index, site.RECOMMENDATIONS_HEADING)
    ranked = find_section(index, site.RANKING_HEADING)
    panels = [section.block for section in (recommended, ranked) if section is not None]
    # Title, breadcrumb and meta line are left out of the body by element where they
    # are self-contained, by text where a malformed page has them wrap the article.
    lines = [el for el in (title_el, crumb_el, meta_el) if el is not None]
    skip = frozenset([el for el in lines if not holds_blocks(el)] + panels + find_headings(index))
    skip |= unlikely_boxes(root)
    drop = frozenset("".join(text.split()) for text in (title, meta_line, *map(line_text, lines)))
    container = find_body(root, skip)
    body = read_body(container, base, skip, drop) if container is not None else None

    recommendation_items = recommendations(recommended, base)
    known_titles = {item.url: item.title for item in recommendation_items}
    known_titles[url] = title
    return ArticlePage(
        url=url,
        title=title,
        published_at=published,
        source=meta.get("来源")
        or meta.get("稿源")
        or (body and body.source)
        or _labelled_line(index, site.SOURCE_ALONE, *site.SOURCE_LABELS),
        editor=meta.get("编辑")
        or meta.get("责任编辑")
        or meta.get("责编")
        or (body and body.editor)
        or _labelled_line(index, site.EDITOR_LINE, "编辑", "责编"),  # 责任编辑 too
        author=meta.get("作者")
        or (body and body.author)
        or _labelled_line(index, site.AUTHOR_LINE, site.AUTHOR_LABEL),
        breadcrumb=tuple(breadcrumb),
        body=tuple(body.blocks) if body else (),
        contributor=body.contributor if body else None,
        recommendations=tuple(recommendation_items),
        ranking=tuple(ranking(ranked, base, known_titles)),
        next_page=find_next_page(root, url, base),
    )


def page_title(root) -> str:
    """The <title> without the site's suffix (``_中国甘肃网``, ``--中国甘肃网`` …)."""
    title = root.find(".//title")
    text = text_of(title) if title is not None else ""
    stripped = site.TITLE_SUFFIX.sub("", text)
    if stripped != text:
        stripped = site.TITLE_CHANNEL_SUFFIX.sub("", stripped) or stripped
    return stripped.strip()


def find_title(root, from_title_tag: str):
    """The heading that carries the title, and its text; the <title> text names it."""
    best, best_len = None, 0
    first = None
    for heading in root.iter("h1", "h2"):
        # An unclosed <h1> holds the article after it: its own line is the title.
        text = line_text(heading, "") if holds_blocks(heading) else text_of(heading)
        if len(text) < 4 or text == site.SITE_NAME:
            continue
        first = first if first is not None else (heading, text)
        if from_title_tag and (text in from_title_tag or from_title_tag in text):
            if len(text) > best_len:
                best, best_len = (heading, text), len(text)
    if best is not None:
        return best
    if from_title_tag:
        return None, from_title_tag
    return first if first is not None else (None, "")


def find_breadcrumb(index: TextIndex):
    """The element holding 您当前的位置 and its names, site first; else a path with no
    marker before it (中国甘肃网 > 甘肃新闻 > 市州新闻), as other templates write it."""
    for marker in site.BREADCRUMB_MARKERS:
        for el in index.elements(marker):
            if not site.BREADCRUMB_LABEL.search(line_text(el)):
                continue
            holder = el
            # The marker may sit in a small label of its own, the links in its parent.
            while holder is not None and holder.find(".//a") is None and holder.tag != "body":
                holder = holder.getparent()
            holder = holder if holder is not None and holder.tag != "body" else el
            return holder, _crumb_names(line_text(holder))
    return _unmarked_breadcrumb(index)


def _unmarked_breadcrumb(index: TextIndex):
    """A short line that starts at the site's name (or 首页) and goes on, past at least
    one separator, through short names; the root is often a link of its own. What is
    taken is left out of the body, so a byline or a sentence that merely starts so is not."""
    for root in site.BREADCRUMB_ROOTS:
        for el in index.elements(root):
            holder = el.getparent() if el.tag == "a" and el.getparent() is not None else el
            line = line_text(holder)
            if not line.startswith(root) or len(line) > site.BREADCRUMB_MAX_CHARS:
                continue
            # A byline such as 中国甘肃网/新甘肃记者 张三 is no path: a slash alone
            # passes only between links.
            arrows = [mark for mark in site.BREADCRUMB_SEPARATOR.findall(line) if "/" not in mark]
            if not arrows and holder.find(".//a") is None:
                continue
            names = _crumb_names(line)
            if len(names) >= 2 and all(
                len(name) <= site.BREADCRUMB_NAME_MAX_CHARS for name in names
            ):
                return holder, names
    return None, []


def _crumb_names(text: str) -> list[str]:
    for marker in site.BREADCRUMB_MARKERS:
        if marker in text:
            text = text.split(marker, 1)[1]
            break
    text = text.lstrip(" :：")
    return [
        name for name in (clean(part) for part in site.BREADCRUMB_SEPARATOR.split(text)) if name
    ]


def find_meta_line(index: TextIndex):
    """The short element under the title with the date and 来源/编辑/作者 labels."""
    lines: dict = {}  # labels share elements: each line is read once
    for label in (*site.SOURCE_LABELS, *site.EDITOR_LABELS, site.AUTHOR_LABEL, "发布时间"):
        for el in index.elements(label):
            for _ in range(_META_CLIMB):
                if el is None:
                    break
                whole = lines.get(el)
                if whole is None:
                    whole = lines[el] = line_text(el)
                if len(whole) > _META_MAX_CHARS:
                    break
                if has_date(whole):
                    return el
                el = el.getparent()
    return None


def _published_at(root, url: str, meta_line: str, title_el) -> datetime | None:
    near = filed_on(url)
    if found := find_datetime(meta_line, near):
        return found
    if title_el is not None:
        # Unknown templates: the first date shortly after the title.
        pieces = title_el.xpath("following::text()[position() <= $n]", n=_DATE_LOOKAHEAD)
        for piece in pieces:
            if len(piece) < 100 and (found := find_datetime(piece, near)):
                return found
    for content in root.xpath("//meta[@name or @property][@content]"):
        name = (content.get("name") or content.get("property") or "").lower()
        if "date" in name or "time" in name:
            if found := find_datetime(content.get("content")):
                return found
    if near is not None:
        return datetime(near.year, near.month, near.day, tzinfo=BEIJING)
    return None


def filed_on(url: str) -> date | None:
    """The date in the article's address (/system/2024/07/15/…), if it is one."""
    if match := site.URL_DATE.search(url):
        try:
            return date(*map(int, match.groups()))
        except ValueError:  # /system/2024/13/45/: no day of any calendar
            return None
    return None


def _labelled_line(index: TextIndex, pattern: re.Pattern, *labels: str) -> str | None:
    """A short line such as 作者：张三 anywhere on the page (often in a footer block)."""
    for label in labels:
        for el in index.owning(label):
            if len(el.text) < 40 and (match := pattern.match(clean(el.text))):
                return match.group(1)
    return None


def find_next_page(root, url: str, base: str) -> str | None:
    """The 下一页 link of a pager (however bracketed), unless it points back at this page;
    else, for a pager of page numbers alone, a link to this address's next number."""
    for link in root.xpath("//a[contains(., $text)]", text="页"):
        if site.NEXT_PAGE_LINK.match(text_of(link)):
            target = resolve(base, link.get("href"))
            if target and target != url:
                return target
    following = _numbered_after(url)
    if following is not None:
        for link in root.iter("a"):
            if resolve(base, link.get("href")) == following:
                return following
    return None


def _numbered_after(url: str) -> str | None:
    if match := site.NUMBERED_PAGE.match(url):
        stem, number, suffix = match.groups()
        return f"{stem}_{int(number or 1) + 1}{suffix}"
    return None
