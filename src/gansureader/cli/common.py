"""What every command shares: how a command declares itself (``@command``, beside its
``run_*`` function, with its arguments), argument types, exit codes, the user's
errors, opening the cache, and writing UTF-8 to stdout whatever the terminal."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..addresses import SITE_DOMAIN, readable
from ..errors import GansuReaderError
from ..paths import DATA_DIR_VARIABLE, data_dir

EXIT_USER_ERROR = 1
EXIT_SOME_FAILED = 2
EXIT_INTERNAL_ERROR = 70
EXIT_CANCELLED = 130
NOT_CACHED = "not in the offline cache (run 'gansureader sync' first)"
QUERY_HELP = (
    'words (all of them), a|b (either), -word (not), "an exact phrase"; e.g. 兰州新区 -天气 '
    "(a query that starts with - goes after --)"
)


@dataclass(frozen=True)
class Command:
    name: str
    run: Callable[[argparse.Namespace], int]
    help: str
    description: str | None
    arguments: Callable[[argparse.ArgumentParser], None]


COMMANDS: list[Command] = []  # in the order they are declared: the order of --help


def command(
    name: str,
    help_text: str,
    description: str | None = None,
    *,
    arguments: Callable[[argparse.ArgumentParser], None],
):
    """Declare the decorated ``run_*`` function as the subcommand ``name``; ``arguments``
    adds its options to its parser."""

    def declare(run: Callable[[argparse.Namespace], int]):
        COMMANDS.append(Command(name, run, help_text, description, arguments))
        return run

    return declare


def add_common_options(parser: argparse.ArgumentParser, defaults=None) -> None:
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    parser.add_argument(
        "--data-dir",
        metavar="D",
        type=folder_name,
        help=f"the folder holding the offline cache (default: ${DATA_DIR_VARIABLE}, "
        "else the platform's user data folder)",
    )
    if defaults is not None:
        parser.set_defaults(**vars(defaults))


def common_options() -> argparse.ArgumentParser:
    """A parent parser of the common options, for a command's parser: accepted after the
    command too; SUPPRESS keeps a value given before it."""
    common = argparse.ArgumentParser(add_help=False, argument_default=argparse.SUPPRESS)
    add_common_options(common)
    return common


class InputError(GansuReaderError):
    """Bad input named by the user: a missing file, a folder, a malformed URL."""


class OutputError(GansuReaderError):
    """Standard output cannot be written (a full disk, a closed terminal)."""


class OutputClosed(Exception):
    """Whoever read standard output stopped reading (``| head``): nothing to say."""


def open_store(args):
    from ..store import Store

    store = Store(data_dir(args.data_dir))
    if store.recovery is not None:
        print(f"gansureader: {store.recovery.message()}", file=sys.stderr)
    return store


def print_json(value) -> None:
    write(json.dumps(value, ensure_ascii=False, indent=2))


def write(text: str) -> None:
    # Bytes, so a terminal or pipe that is not UTF-8 still gets the Chinese intact.
    write_bytes(text.encode("utf-8") + b"\n")


def write_bytes(data: bytes) -> None:
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    except BrokenPipeError:
        raise OutputClosed() from None
    except OSError as error:
        raise OutputError(f"cannot write to standard output ({error.strerror})") from None


def read_file(path: Path, what: str = "a page", limit: int | None = None) -> bytes:
    """The bytes of ``path``, which should be ``what`` of at most ``limit`` bytes (default:
    the largest page the parser takes)."""
    if limit is None:
        from ..parse import MAX_PAGE_BYTES

        limit = MAX_PAGE_BYTES

    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not {what}")
    size = path.stat().st_size
    if size > limit:
        raise InputError(
            f"{path}: too large to be {what} ({size / 1024 / 1024:.1f} MB; "
            f"the limit is {limit // 1024 // 1024} MB)"
        )
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from None


def is_web_address(text: str) -> bool:
    if not readable(text):  # http://[bad, a port :abc
        return False
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def typed_address(text: str) -> str:
    """An address of the site as a person types it into a browser, gansu.gscn.com.cn/gsyw/,
    with the http:// a browser would add; anything else as it is (nothing at all refused:
    an unset variable in a script)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("expected an address, not an empty text")
    host = text.partition("/")[0].lower()
    if "://" not in text and (host == SITE_DOMAIN or host.endswith("." + SITE_DOMAIN)):
        return "http://" + text
    return text


def folder_name(text: str) -> str:
    """--data-dir: an empty name (an unset variable in a script) would read the usual
    folder unasked; refused instead."""
    if not text.strip():
        raise argparse.ArgumentTypeError("expected a folder, not an empty name")
    return text


def looks_like_web_address(text: str) -> bool:
    """Meant as one, whether or not it can be read (a file is never named http://…)."""
    return text.lower().startswith(("http://", "https://"))


def at_least(minimum: int):
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


positive = at_least(1)
count = at_least(0)


def port(text: str) -> int:
    number = at_least(1)(text)
    if number > 65535:
        raise argparse.ArgumentTypeError(f"expected a port number up to 65535, not {text!r}")
    return number
