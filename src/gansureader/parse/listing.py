"""Build a ListingPage: a channel's list of dated article links and its next page.

Items are <li> holding a link and a date outside the link (``2023/12/23``). The
list with the most of them wins, preferring the one under #content where the
site's templates put it.
"""

from __future__ import annotations

from collections import defaultdict

from ..model import ListingPage, ListItem
from . import site
from .article import find_next_page
from .tree import classes_and_id, link_title, resolve, text_of


def find_list_items(root, base: str) -> list[ListItem]:
    groups: dict = defaultdict(list)
    for li in root.iter("li"):
        item = _dated_item(li, base)
        if item is not None:
            holder = li.getparent()
            groups[holder.getparent() if holder is not None else None].append((li, item))
    if not groups:
        return []
    hinted = [holder for holder in groups if _is_hinted(holder)]
    chosen = hinted[0] if hinted else max(groups, key=lambda holder: len(groups[holder]))
    items, seen = [], set()
    for _li, item in groups[chosen]:
        if item.url not in seen:
            seen.add(item.url)
            items.append(item)
    return items


def build_listing(
    root, url: str, base: str, title: str, items: list[ListItem], max_page: int | None
) -> ListingPage:
    next_page = find_next_page(root, url, base) or _script_next_page(url, max_page)
    return ListingPage(url=url, title=title, items=tuple(items), next_page=next_page)


def _dated_item(li, base: str) -> ListItem | None:
    links = [a for a in li.iter("a") if a.get("href")]
    if not links:
        return None
    outside = text_of(li)
    for link in links:
        outside = outside.replace(text_of(link), " ")
    match = site.LISTING_DATE.search(outside)
    if match is None:
        return None
    link = max(links, key=lambda a: len(text_of(a)))
    url = resolve(base, link.get("href"))
    title = link_title(link)
    if url is None or not title:
        return None
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
