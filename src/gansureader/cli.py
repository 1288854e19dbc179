"""The ``gansureader`` command: argparse front over the parser (and later sync and store).

Every failure a user can cause ends in one line on stderr naming the file or URL
and a non-zero exit; ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from urllib.parse import urlsplit

from . import __version__
from .net import FetchError, fetch
from .parse import MAX_PAGE_BYTES, ParseError, parse_page

EXIT_USER_ERROR = 1
EXIT_INTERNAL_ERROR = 70


class InputError(Exception):
    """Bad input named by the user: a missing file, a folder, a malformed --url."""


def main(argv: list[str] | None = None) -> int:
    parser = _build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    try:
        return args.run(args)
    except (InputError, ParseError, FetchError) as error:
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
        prog="gansureader", description="A desktop reader for 中国甘肃网 (gscn.com.cn)."
    )
    parser.add_argument("--version", action="version", version=f"gansureader {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    parser.set_defaults(command=None)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    parse = commands.add_parser(
        "parse",
        help="parse one page (a file or a URL) and print it as JSON",
        description="Parse one page of gscn.com.cn and print what it holds as JSON.",
    )
    parse.add_argument("target", metavar="PATH_OR_URL", help="an HTML file, or an http(s) URL")
    parse.add_argument(
        "--url", help="the URL a file's bytes came from (resolves its links; default: the file's)"
    )
    parse.set_defaults(command="parse", run=_run_parse)
    return parser


def _run_parse(args: argparse.Namespace) -> int:
    if args.url is not None and not _is_web_address(args.url):
        raise InputError(f"--url {args.url!r} is not an http(s) address")
    if _is_web_address(args.target):
        fetched = fetch(args.target)
        data, url, charset = fetched.data, args.url or fetched.url, fetched.charset
    else:
        data, url, charset = _read_file(Path(args.target)), args.url, None
        url = url or Path(args.target).resolve().as_uri()
    try:
        page = parse_page(data, url, charset)
    except ParseError as error:
        raise ParseError(f"{args.target}: {error}") from None
    text = json.dumps(page.to_dict(), ensure_ascii=False, indent=2)
    sys.stdout.buffer.write(text.encode("utf-8") + b"\n")
    sys.stdout.flush()
    return 0


def _read_file(path: Path) -> bytes:
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
    return urlsplit(text).scheme in ("http", "https")


if __name__ == "__main__":
    sys.exit(main())
