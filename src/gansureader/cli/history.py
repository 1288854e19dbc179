"""``gansureader history URL``: every version of a cached article the cache saw, and what
changed from each to the next (see changes.py)."""

from __future__ import annotations

import argparse

from .common import (
    NOT_CACHED,
    InputError,
    command,
    open_store,
    print_json,
    typed_address,
    write,
)


def _history_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("url", type=typed_address, metavar="URL")
    parser.add_argument("--json", action="store_true", help="print JSON")


@command(
    "history",
    "every version of a cached article, and what changed in each",
    arguments=_history_arguments,
)
def run_history(args: argparse.Namespace) -> int:
    from .. import terminal
    from ..changes import article_changes

    with open_store(args) as store:
        revisions = store.revisions(args.url)
        versions = [store.revision(args.url, revision.number) for revision in revisions]
        removed_at = store.removed_at(args.url)
    if not revisions:
        raise InputError(f"{args.url}: {NOT_CACHED}")
    entries = []
    for revision, before, after in zip(revisions, [None, *versions], versions, strict=False):
        entry = revision.to_dict() | {"title_now": after.title}
        entry.update(article_changes(before, after).to_dict() if before else {})
        entries.append(entry)
    if args.json:
        print_json(entries)
    else:
        write(terminal.history(entries, removed_at))
    return 0
