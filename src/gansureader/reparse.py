"""Parse the cache again from the pages it keeps: no network, nothing the reader set is lost.

``gansureader reparse`` runs it over every article with kept pages; the app runs it
by itself over articles an older parser read. Articles stored before pages were kept
have nothing to re-read: they are counted, and the next sync fetches them again. Kept
pages that lead on to a page the cache lacks (an older parser missed the pager) are
queued, so the next sync fetches the article whole.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from .addresses import is_site_address
from .model import MAX_ARTICLE_PAGES, ArticlePage, merge_pages
from .parse import PARSER_VERSION, ParseError, parse_page
from .store import Store
from .sync_report import Problem, Progress

INCOMPLETE = (
    "its later pages were never fetched (an older version missed its pager): "
    "the next sync fetches it whole"
)


@dataclass
class ReparseSummary:
    changed: int = 0
    unchanged: int = 0
    without_pages: int = 0  # stored before pages were kept: the next sync re-fetches them
    incomplete: int = 0  # lead on to pages never kept: queued, fetched whole next sync
    failed: list[Problem] = field(default_factory=list)
    cancelled: bool = False

    def to_dict(self) -> dict:
        return {
            "changed": self.changed,
            "unchanged": self.unchanged,
            "without_pages": self.without_pages,
            "incomplete": self.incomplete,
            "failed": [problem.to_dict() for problem in self.failed],
            "cancelled": self.cancelled,
        }


def reparse(
    store: Store,
    *,
    outdated_only: bool = False,
    on_progress: Callable[[Progress], None] | None = None,
    cancel: threading.Event | None = None,
    between: Callable[[], None] = lambda: None,
) -> ReparseSummary:
    """Re-read stored articles from their kept pages; each is replaced in one transaction.

    ``outdated_only``: only articles an older parser read (what the app does by itself);
    ``between`` runs after each article (the window's writes, as the writer).
    """
    urls, without = store.reparse_candidates(PARSER_VERSION if outdated_only else None)
    summary = ReparseSummary(without_pages=without)
    for done, url in enumerate(urls, 1):
        if cancel is not None and cancel.is_set():
            summary.cancelled = True
            break
        try:
            article, lacking = read_again(store, url)
        except ParseError as error:
            summary.failed.append(Problem(url, str(error)))
        else:
            if store.replace_parsed(article, PARSER_VERSION):
                summary.changed += 1
            else:
                summary.unchanged += 1
            if lacking:
                store.queue(url, INCOMPLETE, failed=False)
                summary.incomplete += 1
        if on_progress is not None:
            on_progress(Progress(done, len(urls), url))
        between()
    return summary


def read_again(store: Store, url: str) -> tuple[ArticlePage, bool]:
    """The article as this parser reads its kept pages (all of them, merged), and whether
    they lead on to a page the cache did not keep."""
    pages, kept_pages = [], store.kept_pages(url)
    for kept in kept_pages:
        page = parse_page(kept.data, kept.url, kept.charset)
        if not isinstance(page, ArticlePage):
            raise ParseError(f"a kept page no longer reads as an article ({page.kind})")
        pages.append(page)
    if not pages:
        raise ParseError("no kept pages")
    article = merge_pages(pages)
    if not article.body:
        raise ParseError("the kept pages read as an article without text; the stored one stays")
    after = pages[-1].next_page
    lacking = (
        after is not None
        and is_site_address(after)
        and after not in {kept.url for kept in kept_pages}
        and len(pages) < MAX_ARTICLE_PAGES
    )
    return article, lacking
