"""The man page and the shell completions, made from the CLI's own parser at build time
(so they cannot fall behind it):

    python packaging/linux/cli_docs.py OUT      → OUT/gansureader.1, OUT/gansureader.bash,
                                                   OUT/_gansureader (zsh)

The completions come from shtab (the package extra); the man page is written here.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
from gansureader import __version__  # noqa: E402
from gansureader.cli import build_parser  # noqa: E402


def roff(text: str) -> str:
    """Text as troff reads it: backslashes and hyphens escaped, no line starting a request."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join(
        ("\\&" + line) if line.startswith((".", "'")) else line for line in text.split("\n")
    )


def _option_lines(parser: argparse.ArgumentParser) -> list[str]:
    lines = []
    for action in parser._actions:  # argparse keeps no public list of its arguments
        if isinstance(action, argparse._SubParsersAction) or action.help == argparse.SUPPRESS:
            continue
        if action.option_strings:
            metavar = action.metavar or (action.dest.upper() if action.nargs != 0 else "")
            names = ", ".join(f"\\fB{roff(name)}\\fR" for name in action.option_strings)
            label = names + (f" \\fI{roff(str(metavar))}\\fR" if metavar else "")
        else:
            label = f"\\fI{roff(str(action.metavar or action.dest))}\\fR"
        lines += [".TP", label, roff(action.help or "")]
    return lines


def _command_lines(name: str, command: argparse.ArgumentParser, help_text: str | None) -> list:
    usage = " ".join(command.format_usage().removeprefix("usage: ").split())
    return [
        ".SS " + roff(name),
        roff(help_text or ""),
        ".PP",
        "\\fB" + roff(usage) + "\\fR",
        *_option_lines(command),
    ]


def man_page(parser: argparse.ArgumentParser, today: datetime.date) -> str:
    subcommands = next(
        action for action in parser._actions if isinstance(action, argparse._SubParsersAction)
    )
    helps = {choice.dest: choice.help for choice in subcommands._choices_actions}
    lines = [
        f'.TH GANSUREADER 1 "{today.isoformat()}" "gansureader {__version__}" "User Commands"',
        ".SH NAME",
        "gansureader \\- desktop reader for 中国甘肃网 (gscn.com.cn) that works offline",
        ".SH SYNOPSIS",
        "\\fBgansureader\\fR [\\fIOPTIONS\\fR]",
        ".br",
        "\\fBgansureader\\fR \\fICOMMAND\\fR [\\fIARGUMENTS\\fR]",
        ".SH DESCRIPTION",
        roff(parser.description or ""),
        ".SH OPTIONS",
        *_option_lines(parser),
        ".SH COMMANDS",
    ]
    for name, command in subcommands.choices.items():
        lines += _command_lines(name, command, helps.get(name))
        for action in command._actions:  # a command of actions (follow add, follow list …)
            if isinstance(action, argparse._SubParsersAction):
                nested = {choice.dest: choice.help for choice in action._choices_actions}
                for verb, parser_of_verb in action.choices.items():
                    lines += _command_lines(f"{name} {verb}", parser_of_verb, nested.get(verb))
    lines += [
        ".SH FILES",
        "The offline cache lives in the platform's user data folder"
        " (\\fI~/.local/share/gansureader\\fR), or where \\fB\\-\\-data\\-dir\\fR says.",
        ".SH EXIT STATUS",
        "0 done; 1 an error the message explains; 2 done in part (the message names what);"
        " 70 an internal error (\\fB\\-\\-debug\\fR shows its traceback); 130 interrupted.",
        ".SH SEE ALSO",
        "The README, /usr/share/doc/gansureader.",
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    parser = build_parser()
    (out / "gansureader.1").write_text(man_page(parser, datetime.date.today()), encoding="utf-8")
    try:
        import shtab
    except ImportError:
        print("cli_docs.py: shtab is missing: pip install -e '.[package]'", file=sys.stderr)
        return 1
    (out / "gansureader.bash").write_text(shtab.complete(parser, shell="bash"), encoding="utf-8")
    (out / "_gansureader").write_text(shtab.complete(parser, shell="zsh"), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
