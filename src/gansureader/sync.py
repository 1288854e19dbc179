"""The sync engine: channels → list pages → articles (and their later pages) → pictures.

Plain Python, shared by the CLI and the GUI. Fetching and parsing run on a small
thread pool; everything that touches the store runs on the thread that called
``run()``, so there is one writer. Progress is reported through a callback, a
cancel Event stops work promptly, and one failing URL never stops the others.

Nothing a sync leaves undone is lost: a channel whose last walk did not complete
(killed, cancelled, a page or an article failed) is walked again to its page limit
whatever the site's validators say; failed articles stay queued with the reason;
every picture the cache lacks is fetched, failed ones after a growing wait. A full
disk stops the sync cleanly, the cache whole.

The site is the boundary: only its own addresses are fetched (a list's links to other
sites are not followed), an answer that is a login page instead of the site's is never
stored, and what one page can ask for is bounded (below); each bound hit is reported in
the summary and kept for ``status``, and what it left is queued for the next sync.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from . import reasons
from .addresses import (
    article_address,
    is_article_address,
    is_site_address,
    not_a_channel,
    scheme_twin,
)
from .defaults import PANEL_ARTICLES
from .model import (
    MAX_ARTICLE_PAGES,
    ArticlePage,
    Channel,
    KeptPage,
    ListingPage,
    merge_pages,
)
from .net import Cancelled, Fetcher, FetchError, HTTPStatusError
from .page_verdicts import Skipped, article_or_skip, site_page
from .parse import PARSER_VERSION, ParseError, parse_page
from .store import MAX_IMAGE_BYTES, Saved, Store, StoreError, image_type
from .sync_lock import sync_lock
from .sync_report import Problem, Progress, SyncSummary
from .writes import WriteQueue

WORKERS = 4
# The window's writes (a star, a read mark) wait at most this long while a sync runs.
WRITES_EVERY = 0.05
# A list page of the site names a few dozen articles; one naming thousands is broken or
# hostile, and reading all of it would turn the reader into a crawler of a public service.
MAX_LIST_ITEMS = 300
# Articles fetched from one host in one sync: a first sync of every channel asks the
# busiest host for about 1 200. The rest are queued for the next sync.
MAX_ARTICLES_PER_HOST = 1500
# Looking again at stored articles stops being started after this much of a sync, however
# slow the site answers: a storm of re-checks never holds up a refresh for long.
RECHECK_SECONDS = 120


# Jobs carry the validators the store holds for their URL: pool threads never touch the store.
NO_VALIDATORS: tuple[str | None, str | None] = (None, None)


@dataclass
class _ListPage:
    channel: Channel
    number: int
    url: str
    validators: tuple[str | None, str | None] = NO_VALIDATORS


@dataclass
class _Article:
    url: str
    channels: list[Channel]
    listed_on: str | None  # the list page that named it
    validators: tuple[str | None, str | None] = NO_VALIDATORS
    done: bool = False  # fetched and handled (stored, skipped or failed)
    for_panel: bool = False  # fetched because a panel names it
    recheck: bool = False  # a stored article looked at again (has it changed, or gone?)
    queued: bool = False  # from the queue: a stored one is fetched whole, not "modified since?"


@dataclass
class _ListWait:
    """A fetched list page waiting for its articles before its validators are kept."""

    channel: Channel
    validators: tuple[str | None, str | None]
    outstanding: set[str] = field(default_factory=set)
    all_ok: bool = True


@dataclass
class _Walk:
    """One channel's walk through its list pages in this sync.

    ``full``: the last walk did not complete, so every page up to the limit is read,
    unconditionally. The walk is complete once no page is open and all went well.
    """

    full: bool
    open_pages: set[str] = field(default_factory=set)
    ok: bool = True


@dataclass(frozen=True)
class _Picture:
    url: str


@dataclass
class _FetchedArticle:
    article: ArticlePage | None  # None: not modified since the last sync
    pages: list[KeptPage]
    validators: dict[str, tuple[str | None, str | None]]
    aliases: list[str] = field(default_factory=list)  # asked-for addresses that redirected
    pages_cut: bool = False  # more later pages than MAX_ARTICLE_PAGES


class SyncEngine:
    def __init__(
        self,
        store: Store,
        fetcher: Fetcher,
        *,
        workers: int = WORKERS,
        on_progress: Callable[[Progress], None] | None = None,
        panel_articles: int | None = None,
        writes: WriteQueue | None = None,
    ):
        self.store = store
        self.fetcher = fetcher
        self.writes = writes or WriteQueue()  # the window's, run between fetches
        self.workers = workers
        # Articles behind the panels fetched per sync, so that panel clicks work offline;
        # the rest wait for the next sync (the site's servers are modest).
        self.panel_articles = PANEL_ARTICLES if panel_articles is None else panel_articles
        self.on_progress = on_progress or (lambda progress: None)

    @property
    def cancel(self) -> threading.Event:
        """Set it (from any thread) to stop the sync; the cache stays consistent."""
        return self.fetcher.cancel

    def run(
        self,
        channels: list[Channel],
        pages: int = 2,
        pictures: list[str] = (),
        *,
        recheck_days: int = 0,
        recheck_now: bool = False,
    ) -> SyncSummary:
        """Sync ``channels`` (up to ``pages`` list pages each), the queued articles and the
        pictures the cache lacks; ``pictures`` are fetched now, however long they wait.
        Articles published in the last ``recheck_days`` days are looked at again (those
        not looked at for hours; all of them, ``recheck_now``) while the pool has room.
        SyncBusy, before anything is asked, while another gansureader syncs the cache."""
        with sync_lock(self.store.folder):
            run = _Run(self, pages)
            self.writes.drain(self.store)  # an article the window queued is fetched now
            self.store.clear_limits()
            self.store.match_stale_follows()  # a follow made elsewhere sees what comes now
            self.store.take_follow_news()  # this sync's news only
            pool = ThreadPoolExecutor(self.workers, thread_name_prefix="sync")
            try:
                run.pool = pool
                for channel in dict.fromkeys(channels):
                    run.start_walk(channel)
                for url in self.store.pending():
                    run.submit_article(url, None, None, queued=True)
                for url in self.store.uncached_panel_articles():
                    run.submit_panel_article(url)
                run.fetch_missing_pictures(asked_for=pictures)
                run.rechecks = self.store.recheck_candidates(recheck_days, at_once=recheck_now)
                run.loop()
            finally:
                # After a cancel nobody waits for a worker: each ends within its deadline
                # (its socket is shut at once; only a connect still under way takes longer).
                pool.shutdown(wait=not self.cancel.is_set(), cancel_futures=True)
                run.summary.follows = self.store.take_follow_news()
        return run.summary


class _Run:
    """The state of one sync: what is scheduled, what each list page still waits for."""

    def __init__(self, engine: SyncEngine, pages: int):
        self.engine, self.store, self.fetcher = engine, engine.store, engine.fetcher
        self.pages = pages
        self.pool: ThreadPoolExecutor | None = None
        self.summary = SyncSummary()
        self.futures: dict[Future, object] = {}
        self.articles: dict[str, _Article] = {}
        self.pictures: set[str] = set()
        self.lists: dict[str, _ListWait] = {}  # by list page URL
        self.walks: dict[str, _Walk] = {}  # by channel URL
        self.waiting_pictures: set[str] = set()  # failed before; not yet due again
        self.panel_budget = engine.panel_articles
        self.per_host: Counter[str] = Counter()  # articles asked of each host
        self.done = 0
        self.rechecks: list[str] = []  # stored articles to look at again, as room comes
        self.recheck_until = time.monotonic() + RECHECK_SECONDS

    # ------------------------------------------------------------------ scheduling

    def start_walk(self, channel: Channel) -> None:
        """Walk the channel's list pages; until the walk completes, the store says it did not.
        A channel that cannot be one (an older release added any address) is not fetched."""
        if reason := not_a_channel(channel.url):
            self.summary.failed.append(Problem(channel.url, f"{reason}: not fetched"))
            return
        walk = _Walk(full=not self.store.walk_complete(channel.url))
        self.store.set_walk(channel.url, False)
        self.walks[channel.url] = walk
        walk.open_pages.add(channel.url)
        self.submit(_ListPage(channel, 1, channel.url))

    def submit_panel_article(self, url: str) -> None:
        """An article a panel names: fetched (an article of no channel) while the budget lasts."""
        url = article_address(url)
        if self.panel_budget > 0 and not self._scheduled(url) and is_article_address(url):
            if not self.store.known_urls([url]):
                self.panel_budget -= 1
                self.submit_article(url, None, None)
                self.articles[url].for_panel = True

    def fetch_missing_pictures(self, asked_for: list[str] = ()) -> None:
        due, waiting = self.store.pictures_to_fetch()
        self.waiting_pictures = set(waiting) - set(asked_for)
        for url in (*asked_for, *due):
            self.submit_picture(url)

    def submit_picture(self, url: str) -> None:
        if url not in self.pictures and url not in self.waiting_pictures:
            if not self.store.has_image(url):
                self.pictures.add(url)
                self.submit(_Picture(url))

    def submit(self, job) -> None:
        # Asked "modified since?" only where a 304 hides nothing: a list page of a walk
        # that completed last time, an article whose pages the cache keeps (they are
        # what lets the cache be parsed again), unless queued as lacking some of them.
        if (isinstance(job, _ListPage) and not self.walks[job.channel.url].full) or (
            isinstance(job, _Article) and not job.queued and self.store.has_kept_pages(job.url)
        ):
            job.validators = self.store.validators(job.url)
        work = {
            _ListPage: self._fetch_list,
            _Article: self._fetch_article,
            _Picture: self._fetch_picture,
        }[type(job)]
        self.futures[self.pool.submit(work, job)] = job

    def _scheduled(self, url: str) -> _Article | None:
        """The article already asked for in this run under ``url`` or its other scheme."""
        return self.articles.get(url) or self.articles.get(scheme_twin(url))

    def submit_article(
        self, url: str, channel: Channel | None, listed_on: str | None, *, queued: bool = False
    ) -> None:
        # As the cache spells it, so that its validators are those it was stored with.
        url = self.store.stored_url(article_address(url))
        known = self._scheduled(url)
        if known is not None:  # already scheduled this run, from another list or a panel
            if channel is not None and channel not in known.channels:
                known.channels.append(channel)
                if known.done:  # stored already: the channel is linked now
                    self.store.add_to_channels(url, [channel])
            return
        if not self._host_allows(url):
            if not self.store.known_urls([url]):  # a stored one is only looked at again
                reason = "waits for the next sync (this one asked enough of its host)"
                self.store.queue(url, reason, failed=False)
            if listed_on is not None:  # the list is not done: its walk is read again
                self.lists[listed_on].all_ok = False
            return
        job = _Article(url, [channel] if channel else [], listed_on, queued=queued)
        self.articles[url] = job
        if listed_on is not None:
            self.lists[listed_on].outstanding.add(url)
        self.submit(job)

    def _host_allows(self, url: str) -> bool:
        """Whether one more article may be asked of the URL's host in this sync."""
        host = urlsplit(url).hostname or ""
        self.per_host[host] += 1
        if self.per_host[host] == MAX_ARTICLES_PER_HOST + 1:
            self._limit(
                f"{urlsplit(url).scheme}://{host}/",
                f"more than {MAX_ARTICLES_PER_HOST} articles from {host} in one sync: "
                "the rest are queued for the next",
            )
        return self.per_host[host] <= MAX_ARTICLES_PER_HOST

    def _limit(self, url: str, reason: str) -> None:
        self.summary.limited.append(Problem(url, reason))
        self.store.note_limit(url, reason)

    def feed_rechecks(self) -> None:
        """Look again at stored articles while the pool has room: what the lists name
        goes first. Past RECHECK_SECONDS the rest are left for the next sync."""
        if self.rechecks and time.monotonic() > self.recheck_until:
            self.summary.rechecks.left += len(self.rechecks)
            self.rechecks.clear()
        while self.rechecks and len(self.futures) < self.engine.workers:
            url = self.rechecks.pop(0)
            if url not in self.articles:  # a list named it: fetched again already
                self.articles[url] = job = _Article(url, [], None, recheck=True)
                self.submit(job)

    def loop(self) -> None:
        while True:
            self.feed_rechecks()
            if not self.futures:
                return
            finished, _ = wait(self.futures, timeout=WRITES_EVERY, return_when=FIRST_COMPLETED)
            self.engine.writes.drain(self.store)
            if self.engine.cancel.is_set():
                self._stop()
                return
            for future in finished:
                job = self.futures.pop(future)
                try:
                    self._handle(job, future.result())
                except Cancelled:
                    self._stop()
                    return
                except StoreError:
                    self._stop()  # a full disk, a locked cache: stop cleanly, say why
                    raise
                except (Skipped, FetchError, ParseError) as error:
                    self._not_stored(job, error)
                self.done += 1
                total = self.done + len(self.futures)
                self.engine.on_progress(Progress(self.done, total, job.url))

    def _stop(self) -> None:
        self.engine.cancel.set()
        for future in self.futures:
            future.cancel()
        self.futures.clear()
        self.summary.cancelled = True

    def _not_stored(self, job, error: Exception) -> None:
        """What a job could not bring: skipped (no article there), failed — or, for an
        article the cache has, a page gone (noted: two in a row mark it removed; never
        queued, never deleted)."""
        gone = (isinstance(error, Skipped) and error.gone) or (
            isinstance(error, HTTPStatusError) and error.status in (404, 410)
        )
        reason = error.reason if isinstance(error, FetchError) else str(error)
        if isinstance(job, _Article) and (job.recheck or gone) and self.store.known_urls([job.url]):
            self._article_settled(job, ok=True)
            self.store.unqueue(job.url)
            if not gone:  # tried again at the next re-check
                self.summary.rechecks.failed.append(Problem(job.url, reason))
            elif self.store.note_missing(job.url):
                self.summary.rechecks.removed.append(job.url)
            else:
                self.summary.rechecks.missed.append(job.url)
        elif isinstance(error, Skipped):
            self._skipped(job, reason)
        else:
            self._failed(job, reason)

    def _skipped(self, job, reason: str) -> None:
        self.summary.skipped.append(Problem(job.url, reason))
        self.store.unqueue(job.url)  # no article there: nothing to fetch again
        self._article_settled(job, ok=True)

    def _failed(self, job, reason: str) -> None:
        """Kept for the next sync: the article queued with why, the picture's next try."""
        self.summary.failed.append(Problem(job.url, reason))
        if isinstance(job, _Article):
            self.store.queue(job.url, reason)
            self._article_settled(job, ok=False)
        elif isinstance(job, _Picture):
            self.store.picture_failed(job.url, reason)
        else:
            self._page_settled(job.channel, job.url, ok=False)

    # ------------------------------------------------------------------ on the store's thread

    def _handle(self, job, result) -> None:
        if isinstance(job, _ListPage):
            self._handle_list(job, result)
        elif isinstance(job, _Article):
            self._handle_article(job, result)
        else:
            url, data, content_type = result
            self.store.save_image(url, data, content_type)
            self.summary.images += 1

    def _handle_list(self, job: _ListPage, result) -> None:
        fetched, listing = result
        if listing is None:  # 304 after a complete walk: the list is as it was
            self._page_settled(job.channel, job.url, ok=True)
            return
        # Links to other sites are theirs: not fetched, never stored as the site's.
        urls = [item.url for item in listing.items if is_site_address(item.url)]
        if len(urls) > MAX_LIST_ITEMS:
            self._limit(
                job.url,
                f"lists {len(urls)} articles; the first {MAX_LIST_ITEMS} were read "
                "(a list page of the site holds a few dozen)",
            )
            urls = urls[:MAX_LIST_ITEMS]
        known = self.store.known_urls(urls)
        walk = self.walks[job.channel.url]
        # Stop at a page of known articles only when the last walk completed: after a
        # kill, the pages behind it may hold what was never fetched.
        more = walk.full or len(known) < len(urls)
        next_page = listing.next_page if is_site_address(listing.next_page or "") else None
        if more and job.number < self.pages and next_page:
            walk.open_pages.add(next_page)
            self.submit(_ListPage(job.channel, job.number + 1, next_page))
        self.lists[job.url] = _ListWait(job.channel, (fetched.etag, fetched.last_modified))
        for url in urls:
            self.submit_article(url, job.channel, job.url)
        self._list_settled(job.url)

    def _handle_article(self, job: _Article, result: _FetchedArticle) -> None:
        if job.recheck:
            self.summary.rechecks.checked += 1
        if result.article is None:  # 304: the page is as stored, and looked at now
            self.store.note_present(job.url)
            if not job.recheck:
                self.summary.unchanged += 1
            self.store.add_to_channels(job.url, job.channels)
        else:
            outcome = self.store.save_article(
                result.article,
                pages=result.pages,
                channels=job.channels,
                validators=result.validators,
                parser_version=PARSER_VERSION,
                aliases=result.aliases,
            )
            if result.pages_cut:
                self._limit(
                    result.article.url,
                    f"has more than {MAX_ARTICLE_PAGES} pages; the first {MAX_ARTICLE_PAGES} "
                    "were read",
                )
            if outcome is Saved.OTHER:
                problem = Problem(
                    result.article.url, f"now holds another article: {result.article.title}"
                )
                (self.summary.rechecks.other if job.recheck else self.summary.skipped).append(
                    problem
                )
            elif job.recheck:
                if outcome is Saved.UPDATED:
                    self.summary.rechecks.revised.append(result.article.url)
            else:
                self.summary.count(outcome, for_panel=job.for_panel and not job.channels)
            for url in result.article.picture_urls():
                self.submit_picture(url)
            for item in (*result.article.recommendations, *result.article.ranking):
                self.submit_panel_article(item.url)
        self._article_settled(job, ok=True)

    def _article_settled(self, job, ok: bool) -> None:
        if isinstance(job, _Article):
            job.done = True
        if not isinstance(job, _Article) or job.listed_on not in self.lists:
            return
        waiting = self.lists[job.listed_on]
        waiting.outstanding.discard(job.url)
        waiting.all_ok = waiting.all_ok and ok
        self._list_settled(job.listed_on)

    def _list_settled(self, list_url: str) -> None:
        """Once all of a list's articles are in, remember its validators for next time.

        Not before, and not if one failed: a 304 next time would hide what is missing.
        """
        waiting = self.lists[list_url]
        if not waiting.outstanding:
            del self.lists[list_url]
            if waiting.all_ok:
                self.store.save_validators(list_url, *waiting.validators)
            self._page_settled(waiting.channel, list_url, waiting.all_ok)

    def _page_settled(self, channel: Channel, page_url: str, ok: bool) -> None:
        """A list page and all its articles are done; the last one completes the walk."""
        walk = self.walks[channel.url]
        walk.open_pages.discard(page_url)
        walk.ok = walk.ok and ok
        if not walk.open_pages and walk.ok:
            self.store.set_walk(channel.url, True)

    # ------------------------------------------------------------------ on pool threads

    def _fetch_list(self, job: _ListPage):
        etag, last_modified = job.validators
        fetched = self.fetcher.fetch(job.url, etag=etag, last_modified=last_modified)
        if fetched.not_modified:
            return fetched, None
        page = parse_page(site_page(job.url, fetched), fetched.url, fetched.charset)
        if isinstance(page, ArticlePage):  # what a channel page with no dated list reads as
            raise FetchError(job.url, reasons.NO_LIST)
        if not isinstance(page, ListingPage):
            raise FetchError(job.url, f"not a list page (it reads as {page.kind})")
        return fetched, page

    def _fetch_article(self, job: _Article) -> _FetchedArticle:
        etag, last_modified = job.validators
        fetched = self.fetcher.fetch(job.url, etag=etag, last_modified=last_modified)
        if fetched.not_modified:
            return _FetchedArticle(None, [], {})
        # Stored under the address it ended at (a redirect inside the site), found by both.
        data = site_page(job.url, fetched)
        first = article_or_skip(parse_page(data, fetched.url, fetched.charset), job.url)
        pages, kept = [first], [KeptPage(fetched.url, data, fetched.charset)]
        result = _FetchedArticle(None, kept, {job.url: (fetched.etag, fetched.last_modified)})
        if fetched.url != job.url:
            result.aliases.append(job.url)
        while pages[-1].next_page and is_site_address(pages[-1].next_page):
            url = pages[-1].next_page
            if any(page.url == url for page in kept):
                break
            if len(pages) == MAX_ARTICLE_PAGES:
                result.pages_cut = True
                break
            later = self.fetcher.fetch(url)
            page = parse_page(site_page(url, later), later.url, later.charset)
            if not isinstance(page, ArticlePage):
                break
            pages.append(page)
            kept.append(KeptPage(later.url, later.data, later.charset))
        result.article = merge_pages(pages)
        return result

    def _fetch_picture(self, job: _Picture):
        fetched = self.fetcher.fetch(job.url, max_bytes=MAX_IMAGE_BYTES)
        content_type = image_type(fetched.data)
        if content_type is None:
            raise FetchError(job.url, reasons.NOT_A_PICTURE)
        return job.url, fetched.data, content_type
