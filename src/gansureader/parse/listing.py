"""Build a ListingPage: a channel's list of dated article links and its next page.

Items are <li> holding a link and a date outside the link (``2023/12/23``). The
list with the most of them wins, preferring the one under #content where the
site's templates put it. Templates that write their lists otherwise — a table's rows,
<div>s with a heading, a summary and a date — are read by their links to articles:
the nearest row around each that holds a date.
"""

from __future__ import annotations

import itertools
from collections import defaultdict

from ..addresses import is_article_address
from ..model import ListingPage, ListItem
from . import site
from .article import filed_on, find_next_page
from .tree import classes_and_id, clipped, link_title, resolve, text_of

# What holds one item where a list is no <ul>, and how far up from its link to look.
_ROW_TAGS = ("tr", "div", "p", "dd", "dt", "li", "td", "section", "article")
_MAX_ROW_CLIMB = 3
_MAX_ROW_LINKS = 4  # a title, its picture, a "more", a channel


def find_list_items(root, base: str) -> list[ListItem]:
    items = _largest_list(_li_items(root, base))
    if len(items) < site.MIN_LIST_ITEMS:
        rows = _largest_list(_article_rows(root, base))
        if len(rows) > len(items):
            return rows
    return items


def _li_items(root, base: str) -> dict:
    """Dated <li>s, grouped by the list's parent."""
    groups: dict = defaultdict(list)
    for li in root.iter("li"):
        item = _dated_item(li, base)
        if item is not None:
            holder = li.getparent()
            groups[holder.getparent() if holder is not None else None].append(item)
    return groups


def _article_rows(root, base: str) -> dict:
    """Dated rows of any other kind around links to articles, grouped by the row's parent:
    the nearest of the link's ancestors (a few up) whose text beside the link holds a date."""
    groups: dict = defaultdict(list)
    for link in root.iter("a"):
        url = resolve(base, link.get("href"))
        if url is None or not is_article_address(url):
            continue
        for row in itertools.islice(link.iterancestors(_ROW_TAGS), _MAX_ROW_CLIMB):
            if _holds_more_links(row, _MAX_ROW_LINKS):
                break  # a block of many links is a menu or the page, not one item of a list
            if (item := _dated_item(row, base)) is not None:
                groups[row.getparent()].append(item)
                break
    return groups


def _holds_more_links(el, most: int) -> bool:
    return next(itertools.islice(el.iter("a"), most, None), None) is not None


def _largest_list(groups: dict) -> list[ListItem]:
    if not groups:
        return []
    hinted = [holder for holder in groups if _is_hinted(holder)]
    chosen = max(hinted or groups, key=lambda holder: len(groups[holder]))
    items, seen = [], set()
    for item in groups[chosen]:
        if item.url not in seen:
            seen.add(item.url)
            items.append(item)
    return items


def build_listing(
    root, url: str, base: str, title: str, items: list[ListItem], max_page: int | None
) -> ListingPage:
    next_page = find_next_page(root, url, base) or _script_next_page(url, max_page)
    return ListingPage(url=url, title=clipped(title), items=tuple(items), next_page=next_page)


def _dated_item(li, base: str) -> ListItem | None:
    """The row's longest link, dated by the text beside its links."""
    links = [a for a in li.iter("a") if a.get("href")]
    if not links:
        return None
    outside = text_of(li)
    for link in links:
        outside = outside.replace(text_of(link), " ")
    match = site.LISTING_DATE.search(outside)
    if match is None and not site.LISTING_MONTH_DAY.search(outside):
        return None
    link = max(links, key=lambda a: len(text_of(a)))
    url = resolve(base, link.get("href"))
    title = clipped(link_title(link))
    if url is None or not title:
        return None
    if match is None:  # a date with no year (07-15): the article's address says the day
        filed = filed_on(url)
        return ListItem(title=title, url=url, date=filed.isoformat()) if filed else None
    year, month, day = (int(part) for part in match.groups())
    return ListItem(title=title, url=url, date=f"{year:04d}-{month:02d}-{day:02d}")


def _is_hinted(holder) -> bool:
    if holder is None:
        return False
    for el in (holder, *holder.iterancestors()):
        if classes_and_id(el) & set(site.LISTING_HINTS):
            return True
    return False


def _script_next_page(url: str, max_page: int | None) -> str | None:
    """Channels paged by script number their pages …_00000000N.shtml up to ``maxpage``."""
    match = site.MAXPAGE_URL.match(url)
    if max_page is None or match is None:
        return None
    current = int(match.group(2))
    if current >= max_page:
        return None
    return f"{match.group(1)}{current + 1:09d}{match.group(3)}"
