"""Articles out of the app: one HTML file with its pictures embedded, Markdown with its
pictures in a folder beside it, or PDF (laid out by Qt in ui.printing); several into
a folder, each named after its title. All from the cache, in the body's order, whole
(nothing cut as the window cuts), each file written whole or not at all.

The HTML is the reader's own rendering (same blocks, same sanitiser) made to stand
alone: pictures become ``data:`` addresses, the reading column is set in CSS.
"""

from __future__ import annotations

import base64
import os
import re
import stat
from collections.abc import Callable
from html import escape
from pathlib import Path

from . import reasons
from .errors import GansuReaderError
from .model import ArticlePage
from .render import article_html, article_markdown, relink_pictures
from .store import EXTENSIONS, Store, image_type

_STANDALONE_CSS = (
    "body { max-width: 42em; margin: 2em auto; padding: 0 1em; "
    'font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; } '
    "img { max-width: 100%; height: auto; } "
    "table.data { border-collapse: collapse; } table.data td, table.data th "
    "{ border: 1px solid #c8c8c8; padding: 4px 8px; }"
)


EXPORT_FORMATS = ("html", "md", "pdf")
_NOT_IN_NAMES = re.compile(r'[\x00-\x1f\\/:*?"<>|]+')
MAX_NAME_CHARACTERS = 80


class ExportError(GansuReaderError):
    """The export could not be written; the message names the file and what to do."""


def export_articles(
    articles: list[ArticlePage],
    store: Store,
    format_: str,
    output: Path,
    pdf: Callable[[ArticlePage, Store, Path], None],
    each: Callable[[int], bool] = lambda written: True,
) -> list[Path]:
    """Write the articles: one to the file ``output`` (or into it, if it is a folder),
    several into the folder ``output``, each named after its title. ``pdf`` writes a
    PDF (Qt lays it out: ui.printing). ``each`` hears how many are written after each
    one, and stops the rest by answering False. Returns the files written."""
    into_folder = len(articles) > 1 or output.is_dir()
    if into_folder and output.exists() and not output.is_dir():
        raise ExportError(reasons.fill(reasons.SEVERAL_INTO_FILE, output))
    written = []
    for article, name in zip(
        articles, file_names([a.title for a in articles], format_), strict=True
    ):
        target = output / name if into_folder else output
        if format_ == "pdf":
            pdf(article, store, target)
        elif format_ == "md":
            write_atomically(export_markdown(article, store, target).encode("utf-8"), target)
        else:
            write_atomically(export_html(article, store).encode("utf-8"), target)
        written.append(target)
        if not each(len(written)):
            break
    return written


def file_names(titles: list[str], format_: str) -> list[str]:
    """A file name for each article to export into one folder: its title, made safe on
    every system and unique in the folder."""
    names, taken = [], set()
    for title in titles:
        stem = _NOT_IN_NAMES.sub("_", title).strip(" ._")[:MAX_NAME_CHARACTERS] or "article"
        name, number = stem, 1
        while name.lower() in taken:
            number += 1
            name = f"{stem} ({number})"
        taken.add(name.lower())
        names.append(f"{name}.{format_}")
    return names


def export_html(article: ArticlePage, store: Store) -> str:
    """The article as one HTML file, whole: every cached picture embedded, none fetched."""

    def embedded(url: str) -> str | None:
        data = _picture(store, url)
        if data is None:
            return None  # not downloaded: the address stays
        content, mime = data
        return f"data:{mime};base64,{base64.b64encode(content).decode('ascii')}"

    html = relink_pictures(article_html(article, whole=True), embedded)
    head = f'<meta charset="utf-8"><title>{escape(article.title)}</title>'
    html = html.replace("<head>", f"<head>{head}", 1)
    return html.replace("</style>", f" {_STANDALONE_CSS}</style>", 1)


def export_markdown(article: ArticlePage, store: Store, target: Path) -> str:
    """The article as Markdown; its pictures are written to ``TARGET_files/`` beside it."""
    folder = target.with_name(target.stem + "_files")
    return article_markdown(article, lambda url: _save_picture(store, url, folder))


def write_atomically(data: bytes, target: Path) -> None:
    """``target`` whole or not at all: written beside it, then renamed into place.

    Only a regular file (or nothing) is replaced: a device, a pipe or a folder of that
    name is refused, never turned into a file. A link is followed, so the file it names
    is what changes. The file keeps the mode it had; a new one gets what the user's
    umask allows (0644 under 022), as any program's new file does — a web server
    serving exported feeds as another user can read them.
    """
    real = Path(os.path.realpath(target))
    try:
        mode = stat.S_IMODE(_regular_file(real, target).st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    except OSError as error:
        raise ExportError(reasons.fill(reasons.UNWRITABLE_FILE, target, error.strerror)) from None
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # here: it brings shutil, bz2 and lzma, which the window starts without

        handle, temporary = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}.")
    except OSError as error:
        raise ExportError(reasons.fill(reasons.UNWRITABLE_FILE, target, error.strerror)) from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, mode)
        os.replace(temporary, real)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise ExportError(reasons.fill(reasons.UNWRITABLE_FILE, target, error.strerror)) from None


def _regular_file(real: Path, named: Path) -> os.stat_result:
    """The stat of the existing file at ``real``; ExportError if it is no regular file."""
    info = real.stat()
    if not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "a device or a pipe"
        raise ExportError(f"{named}: is {kind}, not a file: not replaced (name a file to write)")
    return info


def _umask() -> int:
    """The process's umask, read without changing it where the system tells (Linux)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # elsewhere: set and put back at once
    os.umask(mask)
    return mask


def _picture(store: Store, url: str) -> tuple[bytes, str] | None:
    path = store.image_path(url)
    if path is None:
        return None
    try:
        content = path.read_bytes()
    except OSError:
        return None
    mime = image_type(content)
    return (content, mime) if mime else None


def _save_picture(store: Store, url: str, folder: Path) -> str | None:
    """The picture written into ``folder``; its path relative to the Markdown file."""
    data = _picture(store, url)
    if data is None:
        return None
    content, mime = data
    name = url.rstrip("/").rsplit("/", 1)[-1].split("?")[0] or "picture"
    if not name.endswith(EXTENSIONS[mime]):
        name += EXTENSIONS[mime]
    write_atomically(content, folder / name)
    return f"{folder.name}/{name}"
