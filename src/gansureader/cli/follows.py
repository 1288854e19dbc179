"""``gansureader follow``: the 关注 from the command line — add, list, show, change and
remove saved searches over the whole cache (see store/follows.py)."""

from __future__ import annotations

import argparse
from dataclasses import replace

from .common import (
    QUERY_HELP,
    command,
    common_options,
    open_store,
    positive,
    print_json,
    typed_address,
    write,
)


def _follow_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(title="actions", metavar="ACTION", required=True)
    common = common_options()

    add = actions.add_parser("add", parents=[common], help="follow a search")
    add.add_argument("query", metavar="QUERY", help=QUERY_HELP)
    add.add_argument("--name", metavar="NAME", help="what it is called (default: the query)")
    _limits(add)
    add.add_argument("--mute", action="store_true", help="hide its matches from the lists (屏蔽)")
    add.add_argument("--no-alerts", action="store_true", help="no notice of new matches")
    add.add_argument("--json", action="store_true", help="print JSON")
    add.set_defaults(follow_action=run_add)

    listing = actions.add_parser(
        "list", parents=[common], help="every follow with its matches and unread count"
    )
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(follow_action=run_list)

    show = actions.add_parser("show", parents=[common], help="a follow's articles, newest first")
    show.add_argument("name", metavar="NAME")
    show.add_argument("--unread", action="store_true", help="only unread articles")
    show.add_argument("--limit", type=positive, metavar="N", help="at most N articles")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(follow_action=run_show)

    edit = actions.add_parser("edit", parents=[common], help="change or rename a follow")
    edit.add_argument("name", metavar="NAME")
    edit.add_argument("--query", metavar="QUERY", help=QUERY_HELP)
    edit.add_argument("--rename", metavar="NEW_NAME", help="call it NEW_NAME")
    _limits(edit)
    edit.add_argument("--all-channels", action="store_true", help="no longer limit to channels")
    for flag, what in (("mute", "hide its matches (屏蔽)"), ("alerts", "notice of new matches")):
        edit.add_argument(f"--{flag}", action=argparse.BooleanOptionalAction, help=what)
    edit.add_argument("--json", action="store_true", help="print JSON")
    edit.set_defaults(follow_action=run_edit)

    remove = actions.add_parser("remove", parents=[common], help="stop following")
    remove.add_argument("name", metavar="NAME")
    remove.set_defaults(follow_action=run_remove)


def _limits(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--channel",
        action="append",
        type=typed_address,
        metavar="NAME_OR_URL",
        help="only articles listed in this channel (again for more)",
    )
    parser.add_argument("--source", metavar="TEXT", help="only articles whose 来源 holds TEXT")
    parser.add_argument(
        "--title-only", action=argparse.BooleanOptionalAction, help="look in titles only"
    )


@command(
    "follow",
    "关注: follow a search across the whole cache (add, list, show, edit, remove)",
    "A follow is a named search: every cached article that matches it, and each new one "
    "a sync brings, is listed under it with an unread count. Follows are kept with the "
    "reader's own data, so they survive a replaced cache.",
    arguments=_follow_arguments,
)
def run_follow(args: argparse.Namespace) -> int:
    return args.follow_action(args)


def run_add(args: argparse.Namespace) -> int:
    from ..model import Follow

    follow = Follow(
        args.name or "",
        args.query,
        tuple(args.channel or ()),
        args.source,
        bool(args.title_only),
        args.mute,
        not args.no_alerts,
    )
    with open_store(args) as store:
        store.match_stale_follows()
        made = store.add_follow(follow)
    _print_follow(made, args.json, "following")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from .. import terminal

    with open_store(args) as store:
        store.match_stale_follows()
        follows = store.follows()
    if args.json:
        print_json([follow.to_dict() for follow in follows])
    else:
        write(terminal.follow_table(follows) if follows else "no follows yet: see 'follow add'")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from .. import terminal

    with open_store(args) as store:
        store.match_stale_follows()
        rows = store.follow_articles(args.name, unread_only=args.unread, limit=args.limit or -1)
    if args.json:
        print_json([row.to_dict() for row in rows])
    else:
        write(terminal.article_rows(rows) if rows else "no cached article matches it yet")
    return 0


def run_edit(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        store.match_stale_follows()
        old = store.follow_named(args.name)
        changes = {
            "name": args.rename,
            "query": args.query,
            "channels": ()
            if args.all_channels
            else (tuple(args.channel) if args.channel else None),
            "source": args.source,
            "title_only": args.title_only,
            "mute": args.mute,
            "alerts": args.alerts,
        }
        follow = replace(old, **{key: value for key, value in changes.items() if value is not None})
        changed = store.change_follow(old.name, follow)
    _print_follow(changed, args.json, "changed")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        store.remove_follow(args.name)
    write(f"no longer following {args.name}")
    return 0


def _print_follow(follow, as_json: bool, said: str) -> None:
    if as_json:
        print_json(follow.to_dict())
    else:
        write(
            f"{said} {follow.name}: {follow.matches} cached articles match, {follow.unread} unread"
        )
