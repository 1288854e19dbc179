"""Print what a screen reader (Orca) is given of the running window: the AT-SPI tree.

Run with the system's Python (it needs PyGObject and AT-SPI: python3-gi,
gir1.2-atspi-2.0, at-spi2-core), in a D-Bus session with a display:

    dbus-run-session -- xvfb-run -a python3 tools/atspi_tree.py -- .venv/bin/gansureader --demo

It starts the command with Qt's accessibility bridge on, waits for the window to
appear on the accessibility bus, prints each object as ``role "name" — description
[states]`` (the first ROWS children of a list or tree), and ends the command.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

ROWS = 6  # of a list's or tree's rows: enough to hear what one sounds like
LISTS = {"list", "tree", "table", "tree table", "list box"}
STATES = ("focusable", "focused", "selected", "checked", "expanded")


def find_app(name: str, seconds: float) -> Atspi.Accessible | None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        desktop = Atspi.get_desktop(0)
        for n in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(n)
            if app is not None and name in (app.get_name() or "") and app.get_child_count():
                return app
        time.sleep(0.3)
    return None


def describe(node: Atspi.Accessible) -> str:
    states = node.get_state_set()
    flags = [s for s in STATES if states.contains(getattr(Atspi.StateType, s.upper()))]
    description = node.get_description() or ""
    text = f'{node.get_role_name()} "{node.get_name() or ""}"'
    if description:
        text += f" — {description}"
    text += f" [{', '.join(flags)}]" if flags else ""
    content = node.get_text_iface()  # what Orca reads of a text: the article's words
    if content is not None and node.get_role_name() in ("label", "text", "document text"):
        length = Atspi.Text.get_character_count(content)
        if length:
            words = Atspi.Text.get_text(content, 0, min(length, 90)).replace("\n", " ⏎ ")
            text += f"\n{'':>4}text ({length} characters): {words}…"
    return text


def dump(node: Atspi.Accessible, depth: int, max_depth: int) -> None:
    print("  " * depth + describe(node))
    if depth >= max_depth:
        return
    count = node.get_child_count()
    limit = ROWS if node.get_role_name() in LISTS else count
    for n in range(min(count, limit)):
        child = node.get_child_at_index(n)
        if child is not None:
            dump(child, depth + 1, max_depth)
    if count > limit:
        print("  " * (depth + 1) + f"… {count - limit} more")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--name", default="gansureader", help="the application's name")
    parser.add_argument("--depth", type=int, default=14)
    parser.add_argument("--wait", type=float, default=30, help="seconds for the window")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- the app to start")
    args = parser.parse_args()
    command = [part for part in args.command if part != "--"]
    env = dict(os.environ, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_ACCESSIBILITY="1")
    app = subprocess.Popen(command, env=env) if command else None
    try:
        found = find_app(args.name, args.wait)
        if found is None:
            print(f"no application named {args.name!r} on the accessibility bus", file=sys.stderr)
            return 1
        time.sleep(2)  # the window's first content (the demo's sync) settles
        dump(found, 0, args.depth)
        return 0
    finally:
        if app is not None:
            app.terminate()
            try:
                app.wait(timeout=10)
            except subprocess.TimeoutExpired:
                app.kill()


if __name__ == "__main__":
    sys.exit(main())
