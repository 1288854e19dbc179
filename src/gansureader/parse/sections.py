"""The panels beside an article: 精彩推荐 (recommendations) and 新闻排行 (ranking).

A panel is found by its heading, not its class: the links after the heading, up to
the next known heading, inside the smallest block that holds the heading and its
links. The elements found are returned too, so the body search can leave them out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import RankItem, Recommendation
from . import site
from .tree import TextIndex, clean, clipped, image_source, link_title, resolve, text_of

_LEADING_RANK = re.compile(r"^\s*(\d{1,3})(?!\d)")
# How far up from a heading to look for the block that holds its links.
_MAX_CLIMB = 6


@dataclass
class Section:
    heading: object  # the heading element
    block: object  # the smallest element holding the heading and its links
    links: list  # the <a href> elements of the panel, in page order


def find_section(index: TextIndex, heading_text: str) -> Section | None:
    for heading in _headings(index, heading_text):
        block = heading
        for _ in range(_MAX_CLIMB):
            block = block.getparent()
            if block is None or block.find(".//h1") is not None:
                break  # a panel never holds the article's title: this block is the page
            links = _links_after(block, heading)
            if len(links) >= 2:
                return Section(heading, block, links)
    return None


def find_headings(index: TextIndex) -> list:
    """Every element that heads a known panel (精彩推荐, 关注我们, 分享到 …)."""
    return [el for text in site.SECTION_HEADINGS for el in _headings(index, text)]


def recommendations(section: Section | None, base: str) -> list[Recommendation]:
    """One item per linked article: the site shows each title twice (alt text and link)."""
    if section is None:
        return []
    texts: dict[str, str] = {}  # url → link text, in page order
    fallbacks: dict[str, str] = {}  # url → title attribute or picture alt
    images: dict[str, str] = {}
    for link in section.links:
        url = resolve(base, link.get("href"))
        if url is None:
            continue
        img = link.find(".//img")
        if not texts.get(url):
            texts[url] = text_of(link)
        if not fallbacks.get(url):
            fallbacks[url] = clean(link.get("title")) or (
                clean(img.get("alt")) if img is not None else ""
            )
        if img is not None and url not in images and (source := resolve(base, image_source(img))):
            images[url] = source
    items = []
    for url, text in texts.items():
        title = text or fallbacks[url]
        if title:
            items.append(Recommendation(clipped(title), url, images.get(url)))
    return items[: site.MAX_PANEL_ITEMS]


def ranking(section: Section | None, base: str, known_titles: dict[str, str]) -> list[RankItem]:
    """Ranked links with their full titles: the panel cuts them at about 17 characters.

    The full title comes from the link's ``title`` attribute, else from ``known_titles``
    (url → title of articles this page names in full), when it starts as the cut one does.
    """
    if section is None:
        return []
    items: list[RankItem] = []
    seen: set[str] = set()
    ranks: set[int] = set()
    for link in section.links:
        url = resolve(base, link.get("href"))
        if url is None or url in seen:
            continue
        seen.add(url)
        title = link_title(link)
        known = known_titles.get(url, "")
        if len(known) > len(title) and known.startswith(title):
            title = known
        if title:
            position = len(items) + 1
            rank = _rank_of(link, position)
            if rank in ranks or not 0 < rank <= site.MAX_PANEL_ITEMS:
                rank = position  # a repeated or absurd number: the line's place decides
            ranks.add(rank)
            items.append(RankItem(rank, clipped(title), url))
        if len(items) == site.MAX_PANEL_ITEMS:
            break
    return items


def _headings(index: TextIndex, text: str) -> list:
    """Elements whose own text is ``text``; link headings last, as menus link panels too."""
    # A heading says little more than its name; a paragraph naming it is not one.
    found = [el for el in index.owning(text) if len(clean(el.text)) <= len(text) + 4]
    return sorted(found, key=lambda el: el.tag == "a")


def _links_after(block, heading) -> list:
    """Links in ``block`` after ``heading`` and before the next panel heading."""
    headings = set(site.SECTION_HEADINGS)
    links = []
    started = False
    inside_heading = set(heading.iter())
    for el in block.iter():
        if el is heading:
            started = True
            continue
        if not started or el in inside_heading or not isinstance(el.tag, str):
            continue
        if el.text and clean(el.text) in headings:
            break
        if el.tag == "a" and el.get("href") and clean(text_of(el)) not in site.MORE_LINK_TEXTS:
            links.append(el)
    return links


def _rank_of(link, position: int) -> int:
    """The number the panel prints before the link, else the link's position."""
    row = next(link.iterancestors("li", "tr", "dd", "p"), None)
    if row is not None:
        before = [row.text or ""]
        for el in row:
            if any(node is link for node in el.iter()):
                break
            before.append(text_of(el) + (el.tail or ""))
        match = _LEADING_RANK.match(clean("".join(before)))
        if match:
            return int(match.group(1))
    return position
