"""The ``gansureader`` command: the desktop app by default, and commands over the parser,
the sync engine and the store.

Every failure a user can cause ends in one line on stderr naming the file, URL or
folder and a non-zero exit; ``--debug`` shows the traceback instead. Modules are
imported by the command that needs them: the window starts without the network
and parsing stack.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys

from .. import __version__, defaults
from ..errors import GansuReaderError
from ..export import EXPORT_FORMATS
from ..paths import DATA_DIR_VARIABLE
from . import cache, outputs
from .common import EXIT_INTERNAL_ERROR, EXIT_USER_ERROR, OutputClosed


def main(argv: list[str] | None = None) -> int:
    # Started from a shell's background job (or anything that ignores SIGINT), Python keeps
    # SIGINT ignored: 'sync' and 'feeds serve' could then never be interrupted.
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    parser = _build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except OutputClosed:
        # Quiet, like any command piped into 'head'; the interpreter's last flush of
        # stdout at exit would complain again, so it goes nowhere now.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_USER_ERROR
    except GansuReaderError as error:
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
    parser.set_defaults(command=None, run=cache.run_gui)
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

    parse = command(
        "parse", cache.run_parse, "parse one page (a file or a URL) and print it as JSON"
    )
    parse.add_argument("target", metavar="PATH_OR_URL", help="an HTML file, or an http(s) URL")
    parse.add_argument(
        "--url", help="the URL a file's bytes came from (resolves its links; default: the file's)"
    )

    sync = command(
        "sync", cache.run_sync, "fetch new articles of the channels into the offline cache"
    )
    sync.add_argument(
        "--channel",
        action="append",
        metavar="NAME_OR_URL",
        help="a channel to sync (repeatable; default: all channels)",
    )
    sync.add_argument(
        "--pages",
        type=_positive,
        default=defaults.LIST_PAGES,
        metavar="N",
        help=f"list pages to read per channel at most (default: {defaults.LIST_PAGES})",
    )
    sync.add_argument(
        "--panel-articles",
        type=_count,
        metavar="N",
        help="articles the panels name to fetch for offline reading, at most "
        f"(default: {defaults.PANEL_ARTICLES})",
    )
    sync.add_argument(
        "--mirror", metavar="M", help="fetch http://SUB.gscn.com.cn/PATH from M/SUB/PATH instead"
    )
    sync.add_argument("--json", action="store_true", help="print the summary as JSON")

    channels = command("channels", cache.run_channels, "list the channels, or add one by URL")
    channels.add_argument("--add", metavar="URL", help="add a list page of the site as a channel")
    channels.add_argument("--name", help="the name of the channel added with --add")
    channels.add_argument("--json", action="store_true", help="print JSON")

    listing = command("list", cache.run_list, "list the cached articles, newest first")
    listing.add_argument("--channel", metavar="NAME_OR_URL", help="only this channel's articles")
    listing.add_argument("--unread", action="store_true", help="only unread articles")
    listing.add_argument("--starred", action="store_true", help="only starred articles")
    listing.add_argument("--limit", type=_positive, metavar="N", help="at most N articles")
    listing.add_argument("--json", action="store_true", help="print JSON")

    show = command("show", cache.run_show, "print a cached article (all its pages merged)")
    show.add_argument("url", metavar="URL")
    show.add_argument("--json", action="store_true", help="print it in the JSON shape of 'parse'")

    export = command(
        "export",
        outputs.run_export,
        "write cached articles as HTML (pictures embedded), Markdown or PDF",
        "Write a cached article (all its pages, with its pictures) to FILE as one HTML file, "
        "as Markdown with its pictures in FILE_files/, or as PDF. With several URLs, -o names "
        "a folder and each article gets a file named after its title.",
    )
    export.add_argument("urls", nargs="+", metavar="URL")
    export.add_argument("--format", choices=EXPORT_FORMATS, default="html")
    export.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="the file (or folder) to write"
    )

    feeds = command(
        "feeds",
        outputs.run_feeds,
        "Atom feeds of the cache for any feed reader: served on 127.0.0.1, or as files",
        "Atom feeds built from the offline cache — one per channel, 全部, 收藏 and one per "
        "新闻排行 — with the articles whole and their pictures. 'serve' answers feed readers "
        "on this computer until Ctrl-C (OPML at /opml); 'export DIR' writes the same as files.",
    )
    feeds.add_argument("action", choices=("serve", "export"))
    feeds.add_argument("folder", nargs="?", metavar="DIR", help="where 'export' writes")
    feeds.add_argument(
        "--port",
        type=_port,
        default=defaults.FEEDS_PORT,
        metavar="N",
        help=f"'serve' port (default: {defaults.FEEDS_PORT})",
    )
    feeds.add_argument(
        "--base-url",
        metavar="URL",
        help="'export': the address DIR will be published at (default: DIR as a file:// URL)",
    )

    opml = command(
        "opml",
        outputs.run_opml,
        "export the channels as OPML, or add the channels an OPML lists",
        "'export' writes the channels (with their local feed addresses) as OPML to FILE or "
        "stdout; 'import FILE' adds every list page of the site the OPML names as a channel "
        "and names each entry it refuses, with the reason.",
    )
    opml.add_argument("action", choices=("export", "import"))
    opml.add_argument("file", nargs="?", metavar="FILE", help="the OPML file (export: - = stdout)")
    opml.add_argument(
        "--feeds-url",
        default=defaults.FEEDS_URL,
        metavar="URL",
        help=f"where the feeds are served (default: {defaults.FEEDS_URL})",
    )

    ranking = command(
        "ranking",
        cache.run_ranking,
        "the 新闻排行 of each source with movement, or one article's rank history",
    )
    ranking.add_argument("--source", metavar="HOST", help="only this source (host[/section])")
    ranking.add_argument("--history", metavar="URL", help="one article's rank history")
    ranking.add_argument("--json", action="store_true", help="print JSON")

    check = command(
        "check",
        cache.run_check,
        "check the cache, its picture files and the state file, and mend what is wrong",
    )
    check.add_argument("--json", action="store_true", help="print the report as JSON")

    status = command(
        "status",
        cache.run_status,
        "what the cache still lacks: queued articles, unfinished lists, missing pictures",
    )
    status.add_argument("--json", action="store_true", help="print JSON")

    reparse = command(
        "reparse",
        cache.run_reparse,
        "parse every cached article again from its kept pages (no network)",
        "Parse every cached article again from the pages the cache keeps, after the parser "
        "improved. Nothing is fetched; read and starred state and the panels stay.",
    )
    reparse.add_argument(
        "--outdated", action="store_true", help="only articles an older parser read"
    )
    reparse.add_argument("--json", action="store_true", help="print the summary as JSON")

    search = command("search", cache.run_search, "full-text search of the cached articles")
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


def _port(text: str) -> int:
    port = _at_least(1)(text)
    if port > 65535:
        raise argparse.ArgumentTypeError(f"expected a port number up to 65535, not {text!r}")
    return port
