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

from .. import __version__
from ..errors import GansuReaderError
from .cache import run_gui
from .common import (
    COMMANDS,
    EXIT_INTERNAL_ERROR,
    EXIT_USER_ERROR,
    OutputClosed,
    add_common_options,
    common_options,
    typed_address,
)


def main(argv: list[str] | None = None) -> int:
    # Started from a shell's background job (or anything that ignores SIGINT), Python keeps
    # SIGINT ignored: 'sync' and 'feeds serve' could then never be interrupted.
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    argv = sys.argv[1:] if argv is None else list(argv)
    args = window_arguments(argv) or build_parser().parse_args(argv)
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


def window_arguments(argv: list[str]) -> argparse.Namespace | None:
    """The window's arguments, when ``argv`` names no command and asks for no help: read
    without building the commands' parsers (20 ms of argparse and gettext, a tenth of
    the window's start); None otherwise."""
    if any(arg == "-h" or arg.startswith("--h") for arg in argv):
        return None  # the help lists the commands
    args, rest = _program_parser().parse_known_args(argv)
    return None if rest else args


def build_parser() -> argparse.ArgumentParser:
    """The whole command line: the program's options and every command."""
    from . import follows, history, outputs  # noqa: F401 (their commands declare themselves)

    parser = _program_parser()
    # Common options are accepted after the command too; SUPPRESS keeps a value given before it.
    common = common_options()
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    for declared in COMMANDS:
        sub = commands.add_parser(
            declared.name,
            parents=[common],
            help=declared.help,
            description=declared.description or declared.help,
        )
        sub.set_defaults(command=declared.name, run=declared.run)
        declared.arguments(sub)
    return parser


def _program_parser() -> argparse.ArgumentParser:
    """The program's own options (the window's), without the commands."""
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
        type=typed_address,
        metavar="URL",
        help="open the window at this article (from the cache, else fetched)",
    )
    add_common_options(parser, argparse.Namespace(debug=False, data_dir=None))
    parser.set_defaults(command=None, run=run_gui)
    return parser
