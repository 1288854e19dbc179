"""The commands over the parser, the sync engine and the cache: parse, sync, channels,
list, show, search, ranking, check, status, reparse — and the window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import defaults, reasons
from ..addresses import SITE_DOMAIN, is_site_address
from ..defaults import PANEL_DAYS
from .common import (
    EXIT_CANCELLED,
    EXIT_SOME_FAILED,
    NOT_CACHED,
    QUERY_HELP,
    InputError,
    command,
    count,
    is_web_address,
    looks_like_web_address,
    open_store,
    positive,
    print_json,
    read_file,
    typed_address,
    write,
)


def run_gui(args: argparse.Namespace) -> int:
    if args.self_test:
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen needed
        from ..ui.app import self_test

        return self_test()
    from ..ui.app import run

    if args.article and not (is_web_address(args.article) and is_site_address(args.article)):
        raise InputError(f"--article {args.article!r} is not an address on {SITE_DOMAIN}")
    return run(args.data_dir, demo=args.demo, screenshot=args.screenshot, article=args.article)


def _parse_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("target", metavar="PATH_OR_URL", help="an HTML file, or an http(s) URL")
    parser.add_argument(
        "--url", help="the URL a file's bytes came from (resolves its links; default: the file's)"
    )


@command(
    "parse", "parse one page (a file or a URL) and print it as JSON", arguments=_parse_arguments
)
def run_parse(args: argparse.Namespace) -> int:
    from ..net import Fetcher
    from ..parse import ParseError, parse_page
    from ..parse.site import is_unavailable_page

    if args.url is not None and not is_web_address(args.url):
        raise InputError(f"--url {args.url!r} is not an http(s) address")
    if args.target.strip() and not Path(args.target).exists():  # gansu.gscn.com.cn/…: the page
        args.target = typed_address(args.target)
    if looks_like_web_address(args.target) and not is_web_address(args.target):
        raise InputError(f"{args.target!r} is not an address that can be read (its host or port)")
    if is_web_address(args.target):
        fetcher = Fetcher()
        try:
            fetched = fetcher.fetch(args.target)
        finally:
            fetcher.close()
        data, url, charset = fetched.data, args.url or fetched.url, fetched.charset
    else:
        data, url, charset = read_file(Path(args.target)), args.url, None
        url = url or Path(args.target).resolve().as_uri()
    try:
        page = parse_page(data, url, charset)
    except ParseError as error:
        raise ParseError(f"{args.target}: {error}") from None
    print_json(page.to_dict())
    # Printed, but not mistaken for a reading (the sync stores neither).
    if is_unavailable_page(data, charset):
        warning = "the site's maintenance or busy page (网站维护中, 请稍后访问), not an article"
    elif page.kind == "article" and not page.body:
        warning = reasons.NO_TEXT
    else:
        return 0
    print(f"gansureader: {args.target}: {warning}", file=sys.stderr)
    return EXIT_SOME_FAILED


def _sync_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--channel",
        action="append",
        type=typed_address,
        metavar="NAME_OR_URL",
        help="a channel to sync (repeatable; default: all channels)",
    )
    parser.add_argument(
        "--pages",
        type=positive,
        default=defaults.LIST_PAGES,
        metavar="N",
        help=f"list pages to read per channel at most (default: {defaults.LIST_PAGES})",
    )
    parser.add_argument(
        "--panel-articles",
        type=count,
        metavar="N",
        help="articles the panels name to fetch for offline reading, at most "
        f"(default: {defaults.PANEL_ARTICLES})",
    )
    parser.add_argument(
        "--recheck",
        type=count,
        metavar="DAYS",
        help="look again now at the articles published in the last DAYS days (changed? "
        f"gone?); 0: none (default: those of the last {defaults.RECHECK_DAYS} days not "
        "looked at for hours)",
    )
    parser.add_argument(
        "--mirror", metavar="M", help="fetch http://SUB.gscn.com.cn/PATH from M/SUB/PATH instead"
    )
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")


@command(
    "sync", "fetch new articles of the channels into the offline cache", arguments=_sync_arguments
)
def run_sync(args: argparse.Namespace) -> int:
    import signal

    from .. import terminal
    from ..net import Fetcher
    from ..sync import SyncEngine

    if args.mirror and not is_web_address(args.mirror):
        raise InputError(f"--mirror {args.mirror!r} is not an http(s) address")
    with open_store(args) as store:
        channels = chosen_channels(store, args.channel)
        fetcher = Fetcher(args.mirror)
        bar = terminal.ProgressBar(sys.stderr)
        engine = SyncEngine(
            store, fetcher, on_progress=bar.update, panel_articles=args.panel_articles
        )
        # Ctrl-C asks the engine to stop; it returns what it finished, the cache consistent.
        previous = signal.signal(signal.SIGINT, lambda *_: engine.cancel.set())
        try:
            summary = engine.run(
                channels,
                pages=args.pages,
                recheck_days=defaults.RECHECK_DAYS if args.recheck is None else args.recheck,
                recheck_now=args.recheck is not None,
            )
            store.forget_old_panels(PANEL_DAYS)  # starred articles' history always stays
        finally:
            signal.signal(signal.SIGINT, previous)
            fetcher.close()
            bar.finish()
    if args.json:
        print_json(summary.to_dict())
    else:
        write(terminal.sync_summary(summary))
    if summary.cancelled:
        return EXIT_CANCELLED
    return 0 if summary.ok else EXIT_SOME_FAILED


def chosen_channels(store, names: list[str] | None):
    if not names:
        return store.channels()
    chosen = []
    for name in names:
        channel = store.find_channel(name)
        if channel is None and is_web_address(name):
            channel = store.add_channel(name)
        if channel is None:
            raise InputError(
                f"no channel named {name!r}: see 'gansureader channels', or give its URL"
            )
        chosen.append(channel)
    return chosen


def _channels_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--add", type=typed_address, metavar="URL", help="add a list page of the site as a channel"
    )
    parser.add_argument("--name", help="the name of the channel added with --add")
    parser.add_argument("--json", action="store_true", help="print JSON")


@command("channels", "list the channels, or add one by URL", arguments=_channels_arguments)
def run_channels(args: argparse.Namespace) -> int:
    from .. import terminal

    with open_store(args) as store:
        if args.add:
            added = store.add_channel(args.add, args.name)
            write(f"channel: {added.name}  {added.url}")
            return 0
        channels = store.channels()
    if args.json:
        print_json([channel.to_dict() for channel in channels])
    else:
        write(terminal.channel_table(channels))
    return 0


def _list_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--channel", type=typed_address, metavar="NAME_OR_URL", help="only this channel's articles"
    )
    parser.add_argument("--unread", action="store_true", help="only unread articles")
    parser.add_argument("--starred", action="store_true", help="only starred articles")
    parser.add_argument("--limit", type=positive, metavar="N", help="at most N articles")
    parser.add_argument("--json", action="store_true", help="print JSON")


@command("list", "list the cached articles, newest first", arguments=_list_arguments)
def run_list(args: argparse.Namespace) -> int:
    from .. import terminal

    with open_store(args) as store:
        channel = None
        if args.channel:
            channel = store.find_channel(args.channel)
            if channel is None:
                raise InputError(f"no channel named {args.channel!r}: see 'gansureader channels'")
        rows = store.articles(
            channel, unread_only=args.unread, starred_only=args.starred, limit=args.limit or -1
        )
    if args.json:
        print_json([row.to_dict() for row in rows])
    else:
        write(
            terminal.article_rows(rows)
            if rows
            else "no articles cached yet: run 'gansureader sync'"
        )
    return 0


def _show_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("url", type=typed_address, metavar="URL")
    parser.add_argument("--json", action="store_true", help="print it in the JSON shape of 'parse'")


@command("show", "print a cached article (all its pages merged)", arguments=_show_arguments)
def run_show(args: argparse.Namespace) -> int:

    with open_store(args) as store:
        article = store.article(args.url)
        revisions, removed_at = store.revisions(args.url), store.removed_at(args.url)
    if article is None:
        raise InputError(f"{args.url}: {NOT_CACHED}")
    if args.json:
        times = [revision.seen_at.isoformat() for revision in revisions]
        print_json(
            {
                **article.to_dict(),
                "revisions": {"count": len(revisions), "times": times},
                "removed_at": removed_at.isoformat() if removed_at else None,
            }
        )
    else:
        from ..render import article_text

        write(article_text(article))
    return 0


def _ranking_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--source", metavar="HOST", help="only this source (host[/section])")
    parser.add_argument(
        "--history", type=typed_address, metavar="URL", help="one article's rank history"
    )
    parser.add_argument("--json", action="store_true", help="print JSON")


@command(
    "ranking",
    "the 新闻排行 of each source with movement, or one article's rank history",
    arguments=_ranking_arguments,
)
def run_ranking(args: argparse.Namespace) -> int:
    from .. import terminal

    with open_store(args) as store:
        if args.history:
            history = store.rank_history(args.history)
            record = store.rank_record(args.history)
            if args.json:
                print_json(
                    [
                        {"source": source, "rank": rank, "first_seen": first, "last_seen": last}
                        for source, rank, first, last in history
                    ]
                )
            else:
                write(terminal.rank_history(args.history, history, record))
            return 0
        rankings = [r for r in store.rankings() if args.source in (None, r[0])]
    if args.source and not rankings:
        raise InputError(f"no 新闻排行 seen from {args.source!r}: see 'gansureader ranking'")
    if args.json:
        print_json(
            [
                {
                    "source": source,
                    "seen": seen,
                    "items": [{**item.to_dict(), "movement": move} for item, move in items],
                }
                for source, seen, items in rankings
            ]
        )
    else:
        write(terminal.rankings(rankings) if rankings else "no 新闻排行 seen yet: sync first")
    return 0


def _check_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the report as JSON")


@command(
    "check",
    "check the cache, its picture files and the state file, and mend what is wrong",
    arguments=_check_arguments,
)
def run_check(args: argparse.Namespace) -> int:
    from .. import terminal
    from ..store.check import check

    with open_store(args) as store:
        report = check(store)
    if args.json:
        print_json(
            {
                "sound": report.sound,
                "integrity": report.integrity,
                "bad_pictures": report.bad_pictures,
                "orphans": report.orphans,
                "state": report.state,
                "recovery": report.recovery.message() if report.recovery else None,
            }
        )
    else:
        write(terminal.check_report(report))
    return 0 if report.sound else EXIT_SOME_FAILED


def _status_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON")


@command(
    "status",
    "what the cache still lacks: queued articles, unfinished lists, missing pictures",
    arguments=_status_arguments,
)
def run_status(args: argparse.Namespace) -> int:
    from .. import terminal

    with open_store(args) as store:
        status = {
            "queued": [
                {"url": url, "reason": reason, "attempts": attempts}
                for url, reason, attempts in store.queued()
            ],
            "lists_not_done": [
                {"url": url, "walked_at": walked_at} for url, walked_at in store.incomplete_walks()
            ],
            "pictures_missing": store.missing_pictures(),
            "pictures_failed": [
                {"url": url, "failures": failures, "reason": reason, "next_try": next_try}
                for url, failures, reason, next_try in store.picture_failures()
            ],
            "limits": [
                {"url": url, "reason": reason, "noted_at": noted_at}
                for url, reason, noted_at in store.limits()
            ],
        }
    if args.json:
        print_json(status)
    else:
        write(terminal.cache_status(status))
    return 0


def _reparse_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--outdated", action="store_true", help="only articles an older parser read"
    )
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")


@command(
    "reparse",
    "parse every cached article again from its kept pages (no network)",
    "Parse every cached article again from the pages the cache keeps, after the parser "
    "improved. Nothing is fetched; read and starred state and the panels stay.",
    arguments=_reparse_arguments,
)
def run_reparse(args: argparse.Namespace) -> int:
    import signal
    import threading

    from .. import terminal
    from ..reparse import reparse

    cancel = threading.Event()
    bar = terminal.ProgressBar(sys.stderr)
    previous = signal.signal(signal.SIGINT, lambda *_: cancel.set())
    try:
        with open_store(args) as store:
            summary = reparse(
                store, outdated_only=args.outdated, on_progress=bar.update, cancel=cancel
            )
    finally:
        signal.signal(signal.SIGINT, previous)
        bar.finish()
    if args.json:
        print_json(summary.to_dict())
    else:
        write(terminal.reparse_summary(summary))
    if summary.cancelled:
        return EXIT_CANCELLED
    return EXIT_SOME_FAILED if summary.failed else 0


def _search_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", metavar="QUERY", help=QUERY_HELP)
    parser.add_argument(
        "--limit", type=positive, default=20, metavar="N", help="at most N results (default: 20)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON")


@command("search", "full-text search of the cached articles", arguments=_search_arguments)
def run_search(args: argparse.Namespace) -> int:
    from .. import terminal

    with open_store(args) as store:
        hits = store.search(args.query, limit=args.limit)
    if args.json:
        print_json([hit.to_dict() for hit in hits])
    else:
        write(terminal.search_hits(hits, sys.stdout.isatty()) if hits else "no matches")
    return 0
