"""The ``gansureader`` command: the desktop app by default, and commands over the parser,
the sync engine and the store.

Every failure a user can cause ends in one line on stderr naming the file, URL or
folder and a non-zero exit; ``--debug`` shows the traceback instead. Modules are
imported by the command that needs them: the window starts without the network
and parsing stack.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from urllib.parse import urlsplit

from . import __version__
from .addresses import SITE_DOMAIN, is_site_address
from .paths import DATA_DIR_VARIABLE, data_dir

EXIT_USER_ERROR = 1
EXIT_SOME_FAILED = 2
EXIT_INTERNAL_ERROR = 70
EXIT_CANCELLED = 130
PANEL_HISTORY_DAYS = 90  # panel snapshots kept; starred articles' history always (as the app)


class InputError(Exception):
    """Bad input named by the user: a missing file, a folder, a malformed URL."""


def main(argv: list[str] | None = None) -> int:
    parser = _build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except _user_errors() as error:
        if args.debug:
            raise
        print(f"gansureader: error: {error}", file=sys.stderr)
        return EXIT_USER_ERROR
    except Exception as error:  # a bug: say so in one line, trace on request
        if args.debug:
            raise
        print(
            f"gansureader: internal error: {error.__class__.__name__}: {error} "
            "(run again with --debug for details)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL_ERROR


def _user_errors() -> tuple[type[Exception], ...]:
    """Failures a user can cause (evaluated only when something was raised)."""
    from .export import ExportError
    from .net import FetchError
    from .parse import ParseError
    from .store import StoreError

    return InputError, ParseError, FetchError, StoreError, ExportError


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gansureader",
        description="A desktop reader for 中国甘肃网 (gscn.com.cn). Without a command, "
        "the desktop app starts.",
    )
    parser.add_argument("--version", action="version", version=f"gansureader {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="read the bundled demo site, served from this computer"
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation without a screen and print 'self-test ok'",
    )
    parser.add_argument(
        "--screenshot",
        metavar="PATH",
        help="save a PNG of the window once an article is shown, then exit",
    )
    parser.add_argument(
        "--article",
        metavar="URL",
        help="open the window at this article (from the cache, else fetched)",
    )
    _add_common(parser, argparse.Namespace(debug=False, data_dir=None))
    parser.set_defaults(command=None, run=_run_gui)
    # Common options are accepted after the command too; SUPPRESS keeps a value given before it.
    common = argparse.ArgumentParser(add_help=False, argument_default=argparse.SUPPRESS)
    _add_common(common)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(name, run, help_text, description=None):
        sub = commands.add_parser(
            name, parents=[common], help=help_text, description=description or help_text
        )
        sub.set_defaults(command=name, run=run)
        return sub

    parse = command("parse", _run_parse, "parse one page (a file or a URL) and print it as JSON")
    parse.add_argument("target", metavar="PATH_OR_URL", help="an HTML file, or an http(s) URL")
    parse.add_argument(
        "--url", help="the URL a file's bytes came from (resolves its links; default: the file's)"
    )

    sync = command("sync", _run_sync, "fetch new articles of the channels into the offline cache")
    sync.add_argument(
        "--channel",
        action="append",
        metavar="NAME_OR_URL",
        help="a channel to sync (repeatable; default: all channels)",
    )
    sync.add_argument(
        "--pages",
        type=_positive,
        default=2,
        metavar="N",
        help="list pages to read per channel at most (default: 2)",
    )
    sync.add_argument(
        "--panel-articles",
        type=_count,
        metavar="N",
        help="articles the panels name to fetch for offline reading, at most (default: 30)",
    )
    sync.add_argument(
        "--mirror", metavar="M", help="fetch http://SUB.gscn.com.cn/PATH from M/SUB/PATH instead"
    )
    sync.add_argument("--json", action="store_true", help="print the summary as JSON")

    channels = command("channels", _run_channels, "list the channels, or add one by URL")
    channels.add_argument("--add", metavar="URL", help="add a list page of the site as a channel")
    channels.add_argument("--name", help="the name of the channel added with --add")
    channels.add_argument("--json", action="store_true", help="print JSON")

    listing = command("list", _run_list, "list the cached articles, newest first")
    listing.add_argument("--channel", metavar="NAME_OR_URL", help="only this channel's articles")
    listing.add_argument("--unread", action="store_true", help="only unread articles")
    listing.add_argument("--starred", action="store_true", help="only starred articles")
    listing.add_argument("--limit", type=_positive, metavar="N", help="at most N articles")
    listing.add_argument("--json", action="store_true", help="print JSON")

    show = command("show", _run_show, "print a cached article (all its pages merged)")
    show.add_argument("url", metavar="URL")
    show.add_argument("--json", action="store_true", help="print it in the JSON shape of 'parse'")

    export = command(
        "export",
        _run_export,
        "write a cached article as one HTML file (pictures embedded) or Markdown",
    )
    export.add_argument("url", metavar="URL")
    export.add_argument("--format", choices=("html", "md"), default="html")
    export.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write")

    ranking = command(
        "ranking",
        _run_ranking,
        "the 新闻排行 of each source with movement, or one article's rank history",
    )
    ranking.add_argument("--source", metavar="HOST", help="only this source (host[/section])")
    ranking.add_argument("--history", metavar="URL", help="one article's rank history")
    ranking.add_argument("--json", action="store_true", help="print JSON")

    check = command(
        "check",
        _run_check,
        "check the cache, its picture files and the state file, and mend what is wrong",
    )
    check.add_argument("--json", action="store_true", help="print the report as JSON")

    status = command(
        "status",
        _run_status,
        "what the cache still lacks: queued articles, unfinished lists, missing pictures",
    )
    status.add_argument("--json", action="store_true", help="print JSON")

    reparse = command(
        "reparse",
        _run_reparse,
        "parse every cached article again from its kept pages (no network)",
        "Parse every cached article again from the pages the cache keeps, after the parser "
        "improved. Nothing is fetched; read and starred state and the panels stay.",
    )
    reparse.add_argument(
        "--outdated", action="store_true", help="only articles an older parser read"
    )
    reparse.add_argument("--json", action="store_true", help="print the summary as JSON")

    search = command("search", _run_search, "full-text search of the cached articles")
    search.add_argument("query", metavar="QUERY")
    search.add_argument(
        "--limit", type=_positive, default=20, metavar="N", help="at most N results (default: 20)"
    )
    search.add_argument("--json", action="store_true", help="print JSON")
    return parser


def _add_common(parser: argparse.ArgumentParser, defaults=None) -> None:
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    parser.add_argument(
        "--data-dir",
        metavar="D",
        help=f"the folder holding the offline cache (default: ${DATA_DIR_VARIABLE}, "
        "else the platform's user data folder)",
    )
    if defaults is not None:
        parser.set_defaults(**vars(defaults))


def _at_least(minimum: int):
    """An argparse type: a whole number of at least ``minimum``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = minimum - 1
        if value < minimum:
            raise argparse.ArgumentTypeError(
                f"expected a whole number of at least {minimum}, not {text!r}"
            )
        return value

    return parse


_positive = _at_least(1)
_count = _at_least(0)


def _open_store(args):
    from .store import Store

    store = Store(data_dir(args.data_dir))
    if store.recovery is not None:
        print(f"gansureader: {store.recovery.message()}", file=sys.stderr)
    return store


def _print_json(value) -> None:
    _write(json.dumps(value, ensure_ascii=False, indent=2))


def _write(text: str) -> None:
    # Bytes, so a terminal or pipe that is not UTF-8 still gets the Chinese intact.
    sys.stdout.buffer.write(text.encode("utf-8") + b"\n")
    sys.stdout.flush()


# ---------------------------------------------------------------------- parse


def _run_gui(args: argparse.Namespace) -> int:
    if args.self_test:
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen needed
        from .ui.app import self_test

        return self_test()
    from .ui.app import run

    if args.article and not (_is_web_address(args.article) and is_site_address(args.article)):
        raise InputError(f"--article {args.article!r} is not an address on {SITE_DOMAIN}")
    return run(args.data_dir, demo=args.demo, screenshot=args.screenshot, article=args.article)


def _run_parse(args: argparse.Namespace) -> int:
    from .net import Fetcher
    from .parse import ParseError, parse_page

    if args.url is not None and not _is_web_address(args.url):
        raise InputError(f"--url {args.url!r} is not an http(s) address")
    if _is_web_address(args.target):
        fetcher = Fetcher()
        try:
            fetched = fetcher.fetch(args.target)
        finally:
            fetcher.close()
        data, url, charset = fetched.data, args.url or fetched.url, fetched.charset
    else:
        data, url, charset = _read_file(Path(args.target)), args.url, None
        url = url or Path(args.target).resolve().as_uri()
    try:
        page = parse_page(data, url, charset)
    except ParseError as error:
        raise ParseError(f"{args.target}: {error}") from None
    _print_json(page.to_dict())
    return 0


def _read_file(path: Path) -> bytes:
    from .parse import MAX_PAGE_BYTES

    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not a page")
    size = path.stat().st_size
    if size > MAX_PAGE_BYTES:
        raise InputError(
            f"{path}: too large to be a page ({size / 1024 / 1024:.1f} MB; "
            f"the limit is {MAX_PAGE_BYTES // 1024 // 1024} MB)"
        )
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from None


def _is_web_address(text: str) -> bool:
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


# ---------------------------------------------------------------------- sync


def _run_sync(args: argparse.Namespace) -> int:
    import signal

    from . import terminal
    from .net import Fetcher
    from .sync import SyncEngine

    if args.mirror and not _is_web_address(args.mirror):
        raise InputError(f"--mirror {args.mirror!r} is not an http(s) address")
    with _open_store(args) as store:
        channels = _chosen_channels(store, args.channel)
        fetcher = Fetcher(args.mirror)
        bar = terminal.ProgressBar(sys.stderr)
        engine = SyncEngine(
            store, fetcher, on_progress=bar.update, panel_articles=args.panel_articles
        )
        # Ctrl-C asks the engine to stop; it returns what it finished, the cache consistent.
        previous = signal.signal(signal.SIGINT, lambda *_: engine.cancel.set())
        try:
            summary = engine.run(channels, pages=args.pages)
            store.forget_old_panels(PANEL_HISTORY_DAYS)
        finally:
            signal.signal(signal.SIGINT, previous)
            fetcher.close()
            bar.finish()
    if args.json:
        _print_json(summary.to_dict())
    else:
        _write(terminal.sync_summary(summary))
    if summary.cancelled:
        return EXIT_CANCELLED
    return 0 if summary.ok else EXIT_SOME_FAILED


def _chosen_channels(store, names: list[str] | None):
    if not names:
        return store.channels()
    chosen = []
    for name in names:
        channel = store.find_channel(name)
        if channel is None and _is_web_address(name):
            channel = store.add_channel(name)
        if channel is None:
            raise InputError(
                f"no channel named {name!r}: see 'gansureader channels', or give its URL"
            )
        chosen.append(channel)
    return chosen


# ------------------------------------------------------------- channels, list, show, search


def _run_channels(args: argparse.Namespace) -> int:
    from . import terminal

    with _open_store(args) as store:
        if args.add:
            if not _is_web_address(args.add) or not is_site_address(args.add):
                raise InputError(f"{args.add!r} is not an address on {SITE_DOMAIN}")
            added = store.add_channel(args.add, args.name)
            _write(f"channel: {added.name}  {added.url}")
            return 0
        channels = store.channels()
    if args.json:
        _print_json([channel.to_dict() for channel in channels])
    else:
        _write(terminal.channel_table(channels))
    return 0


def _run_list(args: argparse.Namespace) -> int:
    from . import terminal

    with _open_store(args) as store:
        channel = None
        if args.channel:
            channel = store.find_channel(args.channel)
            if channel is None:
                raise InputError(f"no channel named {args.channel!r}: see 'gansureader channels'")
        rows = store.articles(
            channel, unread_only=args.unread, starred_only=args.starred, limit=args.limit or -1
        )
    if args.json:
        _print_json([row.to_dict() for row in rows])
    else:
        _write(
            terminal.article_rows(rows)
            if rows
            else "no articles cached yet: run 'gansureader sync'"
        )
    return 0


def _run_show(args: argparse.Namespace) -> int:
    from . import terminal

    with _open_store(args) as store:
        article = store.article(args.url)
    if article is None:
        raise InputError(f"{args.url}: not in the offline cache (run 'gansureader sync' first)")
    if args.json:
        _print_json(article.to_dict())
    else:
        _write(terminal.article_text(article))
    return 0


def _run_export(args: argparse.Namespace) -> int:
    from .export import export_html, export_markdown, write

    target = Path(args.output)
    with _open_store(args) as store:
        article = store.article(args.url)
        if article is None:
            raise InputError(f"{args.url}: not in the offline cache (run 'gansureader sync' first)")
        if args.format == "html":
            text = export_html(article, store)
        else:
            text = export_markdown(article, store, target)
    write(text, target)
    _write(f"exported: {target}")
    return 0


def _run_ranking(args: argparse.Namespace) -> int:
    from . import terminal

    with _open_store(args) as store:
        if args.history:
            history = store.rank_history(args.history)
            record = store.rank_record(args.history)
            if args.json:
                _print_json(
                    [
                        {"source": source, "rank": rank, "first_seen": first, "last_seen": last}
                        for source, rank, first, last in history
                    ]
                )
            else:
                _write(terminal.rank_history(args.history, history, record))
            return 0
        rankings = [r for r in store.rankings() if args.source in (None, r[0])]
    if args.source and not rankings:
        raise InputError(f"no 新闻排行 seen from {args.source!r}: see 'gansureader ranking'")
    if args.json:
        _print_json(
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
        _write(terminal.rankings(rankings) if rankings else "no 新闻排行 seen yet: sync first")
    return 0


def _run_check(args: argparse.Namespace) -> int:
    from . import terminal
    from .store.check import check

    with _open_store(args) as store:
        report = check(store)
    if args.json:
        _print_json(
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
        _write(terminal.check_report(report))
    return 0 if report.sound else EXIT_SOME_FAILED


def _run_status(args: argparse.Namespace) -> int:
    from . import terminal

    with _open_store(args) as store:
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
        }
    if args.json:
        _print_json(status)
    else:
        _write(terminal.cache_status(status))
    return 0


def _run_reparse(args: argparse.Namespace) -> int:
    import signal
    import threading

    from . import terminal
    from .reparse import reparse

    cancel = threading.Event()
    bar = terminal.ProgressBar(sys.stderr)
    previous = signal.signal(signal.SIGINT, lambda *_: cancel.set())
    try:
        with _open_store(args) as store:
            summary = reparse(
                store, outdated_only=args.outdated, on_progress=bar.update, cancel=cancel
            )
    finally:
        signal.signal(signal.SIGINT, previous)
        bar.finish()
    if args.json:
        _print_json(summary.to_dict())
    else:
        _write(terminal.reparse_summary(summary))
    if summary.cancelled:
        return EXIT_CANCELLED
    return EXIT_SOME_FAILED if summary.failed else 0


def _run_search(args: argparse.Namespace) -> int:
    from . import terminal

    with _open_store(args) as store:
        hits = store.search(args.query, limit=args.limit)
    if args.json:
        _print_json([hit.to_dict() for hit in hits])
    else:
        _write(terminal.search_hits(hits, sys.stdout.isatty()) if hits else "no matches")
    return 0


if __name__ == "__main__":
    sys.exit(main())
