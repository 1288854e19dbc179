"""The commands that take articles out of the app: export (HTML, Markdown, PDF), the
Atom feeds (served or as files) and OPML (channels out and in)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .. import defaults
from ..export import EXPORT_FORMATS
from ..paths import data_dir
from .common import (
    EXIT_SOME_FAILED,
    NOT_CACHED,
    InputError,
    command,
    open_store,
    port,
    read_file,
    typed_address,
    write,
    write_bytes,
)


def _export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("urls", nargs="+", type=typed_address, metavar="URL")
    parser.add_argument("--format", choices=EXPORT_FORMATS, default="html")
    parser.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="the file (or folder) to write"
    )


@command(
    "export",
    "write cached articles as HTML (pictures embedded), Markdown or PDF",
    "Write a cached article (all its pages, with its pictures) to FILE as one HTML file, "
    "as Markdown with its pictures in FILE_files/, or as PDF. With several URLs, -o names "
    "a folder and each article gets a file named after its title.",
    arguments=_export_arguments,
)
def run_export(args: argparse.Namespace) -> int:
    from ..export import export_articles

    several = len(args.urls) > 1
    articles, failed = [], 0
    with open_store(args) as store:
        for url in dict.fromkeys(args.urls):
            article = store.article(url)
            if article is None and not several:
                raise InputError(f"{url}: {NOT_CACHED}")
            if article is None:
                print(f"gansureader: {url}: {NOT_CACHED}", file=sys.stderr)
                failed += 1
            else:
                articles.append(article)
        pdf = _pdf_writer() if args.format == "pdf" else None
        for target in export_articles(articles, store, args.format, Path(args.output), pdf):
            write(f"exported: {target}")
    return EXIT_SOME_FAILED if failed else 0


_qt: list = []  # the application PDF export starts, kept for the process's life


def _pdf_writer():
    """PDF is laid out by Qt's text engine, which needs an application (no screen)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from ..ui.printing import export_pdf

    if QGuiApplication.instance() is None:
        _qt.append(QGuiApplication([]))
    return export_pdf


def _feeds_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("serve", "export"))
    parser.add_argument("folder", nargs="?", metavar="DIR", help="where 'export' writes")
    parser.add_argument(
        "--port",
        type=port,
        default=defaults.FEEDS_PORT,
        metavar="N",
        help=f"'serve' port (default: {defaults.FEEDS_PORT})",
    )
    parser.add_argument(
        "--base-url",
        metavar="URL",
        help="'export': the address DIR will be published at (default: DIR as a file:// URL)",
    )


@command(
    "feeds",
    "Atom feeds of the cache for any feed reader: served on 127.0.0.1, or as files",
    "Atom feeds built from the offline cache — one per channel, 全部, 收藏 and one per "
    "新闻排行 — with the articles whole and their pictures. 'serve' answers feed readers "
    "on this computer until Ctrl-C (OPML at /opml); 'export DIR' writes the same as files.",
    arguments=_feeds_arguments,
)
def run_feeds(args: argparse.Namespace) -> int:
    if args.action == "export":
        from ..feeds.files import export_feeds

        if not args.folder:
            raise InputError("feeds export: name the folder to write, e.g. 'feeds export ~/feeds'")
        folder = Path(args.folder)
        if folder.exists() and not folder.is_dir():
            raise InputError(f"{folder}: is a file, not a folder")
        with open_store(args) as store:
            feeds, pictures = export_feeds(store, folder, args.base_url)
        write(
            f"{feeds} feeds and {pictures} pictures in {folder}; subscribe to "
            f"{folder / 'feeds.opml'}"
        )
        return 0
    from ..feeds.server import feed_server

    with open_store(args):
        pass  # opened once here: a cache to upgrade or mend is dealt with before serving
    server = feed_server(data_dir(args.data_dir), args.port)
    write(f"feeds of the offline cache at {server.address}/  (OPML: {server.address}/opml)")
    write("stop with Ctrl-C")
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    return 0


def _opml_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("export", "import"))
    parser.add_argument(
        "file", nargs="?", metavar="FILE", help="the OPML file (export: - = stdout)"
    )
    parser.add_argument(
        "--feeds-url",
        default=defaults.FEEDS_URL,
        metavar="URL",
        help=f"where the feeds are served (default: {defaults.FEEDS_URL})",
    )


@command(
    "opml",
    "export the channels as OPML, or add the channels an OPML lists",
    "'export' writes the channels (with their local feed addresses) as OPML to FILE or "
    "stdout; 'import FILE' adds every list page of the site the OPML names as a channel "
    "and names each entry it refuses, with the reason.",
    arguments=_opml_arguments,
)
def run_opml(args: argparse.Namespace) -> int:
    from ..export import write_atomically
    from ..feeds.documents import FeedDocuments
    from ..feeds.opml import MAX_OPML_BYTES, import_opml

    if args.action == "export":
        with open_store(args) as store:
            data = FeedDocuments(store, args.feeds_url).document("/opml").data
        if args.file in (None, "-"):
            write_bytes(data)
        else:
            write_atomically(data, Path(args.file))
            write(f"exported: {args.file}")
        return 0
    if not args.file:
        raise InputError("opml import: name the OPML file to read")
    path = Path(args.file)
    data = read_file(path, "an OPML file", MAX_OPML_BYTES)
    with open_store(args) as store:
        report = import_opml(store, data, str(path))
    for channel in report.added:
        write(f"added: {channel.name}  {channel.url}")
    for reason in report.refused:
        print(f"gansureader: {path}: skipped {reason}", file=sys.stderr)
    write(
        f"{len(report.added)} channel(s) added, {len(report.known)} already there, "
        f"{len(report.refused)} skipped"
    )
    return EXIT_SOME_FAILED if report.refused else 0
