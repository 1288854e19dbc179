"""How the command line shows things to a person: progress bar, tables, articles, hits."""

from __future__ import annotations

import html
import re
import shutil
import time
from typing import TYPE_CHECKING, TextIO

from .model import (
    ArticleSummary,
    Channel,
    Follow,
    movement_mark,
)

if TYPE_CHECKING:
    from .reparse import ReparseSummary
    from .sync_report import Progress, SyncSummary

_MARK = re.compile(r"<mark>(.*?)</mark>")


class ProgressBar:
    """``[#####-----] 12/40 URL`` redrawn in place, on terminals only; silent in pipes."""

    def __init__(self, stream: TextIO, interval: float = 0.1):
        self.stream = stream
        self.enabled = stream.isatty()
        self.interval = interval
        self._drawn_at = 0.0

    def update(self, progress: Progress) -> None:
        now = time.monotonic()
        if not self.enabled or (
            now - self._drawn_at < self.interval and progress.done < progress.total
        ):
            return
        self._drawn_at = now
        width = shutil.get_terminal_size((80, 20)).columns
        filled = int(20 * progress.done / max(progress.total, 1))
        head = f"[{'#' * filled}{'-' * (20 - filled)}] {progress.done}/{progress.total} "
        tail = progress.url[: max(width - len(head) - 1, 0)]
        self.stream.write("\r" + head + tail.ljust(width - len(head) - 1))
        self.stream.flush()

    def finish(self) -> None:
        if self.enabled and self._drawn_at:
            self.stream.write("\n")
            self.stream.flush()


def sync_summary(summary: SyncSummary) -> str:
    panels = f" ({summary.panel_articles} named by the panels)" if summary.panel_articles else ""
    lines = [
        f"{'cancelled' if summary.cancelled else 'synced'}: {summary.new} new{panels}, "
        f"{summary.updated} updated, {summary.unchanged} unchanged, "
        f"{summary.images} pictures, {len(summary.failed)} failed"
    ]
    rechecks = summary.rechecks
    if rechecks.checked or rechecks.failed or rechecks.left:
        lines.append(
            f"re-checked {rechecks.checked}: {len(rechecks.revised)} changed, "
            f"{len(rechecks.removed)} removed, {len(rechecks.missed)} missing once"
            + (f", {rechecks.left} left for the next sync" if rechecks.left else "")
        )
        lines += [f"  changed: {url}" for url in rechecks.revised]
        lines += [f"  removed (原文已删除): {url}" for url in rechecks.removed]
        lines += [f"  another article now: {p.url}: {p.reason}" for p in rechecks.other]
        lines += [f"  not answered: {p.url}: {p.reason}" for p in rechecks.failed]
    for name, count in summary.follows.items():
        lines.append(f"关注 {name}: {count} new")
    if summary.failed:
        lines.append("failed:")
        lines += _problem_lines(summary.failed)
    if summary.skipped:
        lines.append("skipped (not articles):")
        lines += [f"  {problem.url}: {problem.reason}" for problem in summary.skipped]
    if summary.limited:
        lines.append("bounded (the rest waits for the next sync):")
        lines += [f"  {problem.url}: {problem.reason}" for problem in summary.limited]
    return "\n".join(lines)


# As many addresses failing for one reason (offline: every channel) are that reason once.
ALIKE_FAILURES = 3


def _problem_lines(problems: list) -> list[str]:
    """``url: reason`` a line; a reason shared by many, once, with its addresses under it."""
    by_reason: dict[str, list[str]] = {}
    for problem in problems:
        by_reason.setdefault(problem.reason, []).append(problem.url)
    lines = []
    for reason, urls in by_reason.items():
        if len(urls) >= ALIKE_FAILURES:
            lines.append(f"  {reason} — {len(urls)} addresses:")
            lines += [f"    {url}" for url in urls]
        else:
            lines += [f"  {url}: {reason}" for url in urls]
    return lines


def reparse_summary(summary: ReparseSummary) -> str:
    lines = [
        f"{'cancelled' if summary.cancelled else 'reparsed'}: {summary.changed} changed, "
        f"{summary.unchanged} unchanged, {len(summary.failed)} failed"
    ]
    if summary.without_pages:
        lines.append(
            f"{summary.without_pages} article(s) were stored before pages were kept: "
            "the next 'gansureader sync' fetches them again"
        )
    if summary.incomplete:
        lines.append(
            f"{summary.incomplete} article(s) lead on to pages the cache never kept: "
            "the next 'gansureader sync' fetches them whole"
        )
    if summary.failed:
        lines.append("failed:")
        lines += _problem_lines(summary.failed)
    return "\n".join(lines)


def rankings(rankings: list) -> str:
    lines = []
    for source, seen, items in rankings:
        lines.append(f"新闻排行 · {source} (seen {seen})")
        for item, move in items:
            lines.append(f"  {item.rank:>3} {movement_mark(move):>3}  {item.title}")
    return "\n".join(lines)


def rank_history(url: str, history: list, record) -> str:
    if not history:
        return f"{url}: never seen in a 新闻排行"
    lines = [record.line(), url]
    for source, rank, first, last in history:
        lines.append(f"  {first} – {last}  {source}  第 {rank} 名")
    return "\n".join(lines)


def check_report(report) -> str:
    if report.sound:
        return "the cache is sound: database, picture files and state file all check out"
    lines = []
    if report.recovery is not None:
        lines.append(f"database: {report.integrity}. {report.recovery.message()}")
    if report.bad_pictures:
        lines.append(
            f"{report.bad_pictures} picture(s) missing or unreadable: forgotten, so the next "
            "sync fetches them again"
        )
    if report.orphans:
        lines.append(f"{report.orphans} orphan file(s) removed (no picture of the cache)")
    if report.state != "ok":
        lines.append(f"the state file is damaged: {report.state}")
    return "\n".join(lines)


def cache_status(status: dict) -> str:
    """What the next sync will complete, from ``gansureader status``."""
    queued, lists = status["queued"], status["lists_not_done"]
    missing, failed = status["pictures_missing"], status["pictures_failed"]
    limits = status["limits"]
    if not (queued or lists or missing or limits):
        return "the cache is complete: nothing queued, every list walked, no picture missing"
    lines = [f"articles queued for the next sync: {len(queued)}"]
    lines += [
        f"  {item['url']}"
        + (f": {item['reason']} ({item['attempts']} tries)" if item["reason"] else "")
        for item in queued
    ]
    lines.append(f"lists not walked to the end: {len(lists)}")
    lines += [f"  {item['url']} (last walked {item['walked_at']})" for item in lists]
    waiting = {item["url"]: item for item in failed}
    lines.append(
        f"pictures missing: {len(missing)} ({len(missing) - len(waiting)} fetched by the next sync)"
    )
    for url in missing:
        if url in waiting:
            item = waiting[url]
            lines.append(
                f"  {url}: {item['reason']}, {item['failures']} failure(s), "
                f"next tried after {item['next_try']}"
            )
    if limits:
        lines.append(f"bounds the last sync hit: {len(limits)}")
        lines += [f"  {item['url']}: {item['reason']}" for item in limits]
    return "\n".join(lines)


def channel_table(channels: list[Channel]) -> str:
    lines, group = [], None
    for channel in channels:
        if channel.group != group:
            group = channel.group
            lines.append(f"{group}:")
        lines.append(f"  {channel.name}  {channel.url}")
    return "\n".join(lines)


def history(entries: list[dict], removed_at) -> str:
    """Each version with its time, and what changed in it: + added, - removed, ~ changed."""
    lines = []
    for entry in entries:
        mark = " (shown)" if entry["current"] else ""
        lines.append(f"{entry['number']:>3}  {entry['seen_at'][:16].replace('T', ' ')}{mark}")
        if entry["number"] == 1:
            lines.append(f"     first stored: {entry['title_now']}")
            continue
        if entry["title"]:
            lines.append(f"     title: {entry['title']['old']} → {entry['title']['new']}")
        if entry["meta"]:
            lines.append(f"     meta: {entry['meta']['old']} → {entry['meta']['new']}")
        if entry["pictures"]:
            lines.append("     pictures added, removed or replaced")
        lines += [f"     ~ {phrase['old']} → {phrase['new']}" for phrase in entry["phrases"]]
        signs = {"added": "+", "removed": "-"}
        for change in entry["changes"]:
            if change["kind"] in signs:  # a changed one is said by its phrases, above
                text = change.get("new") if change["kind"] == "added" else change.get("old")
                lines.append(f"     {signs[change['kind']]} {text}")
    if removed_at is not None:
        lines.append(f"原文已删除: the page has been gone since {removed_at:%Y-%m-%d %H:%M} UTC")
    return "\n".join(lines)


def follow_table(follows: list[Follow]) -> str:
    """One line per follow: unread, matches, name, and the query where it is not the name."""
    lines = []
    for follow in follows:
        flags = [
            word for word, on in (("muted", follow.mute), ("no alerts", not follow.alerts)) if on
        ]
        query = f"  {follow.query}" if follow.query != follow.name else ""
        extra = f"  ({', '.join(flags)})" if flags else ""
        lines.append(
            f"{follow.unread:>5} unread {follow.matches:>6} in all  {follow.name}{query}{extra}"
        )
    return "\n".join(lines)


def article_rows(rows: list[ArticleSummary]) -> str:
    lines = []
    for row in rows:
        when = row.published_at.strftime("%Y-%m-%d %H:%M") if row.published_at else " " * 16
        marks = ("★" if row.starred else " ") + (" " if row.read else "•")
        lines.append(f"{marks} {when}  {row.channel or '-'}  {row.title}")
        lines.append(f"     {row.url}")
    return "\n".join(lines)


def search_hits(hits: list[ArticleSummary], colour: bool) -> str:
    # Matches are bold on a terminal, in [brackets] in a pipe.
    mark = r"\033[1m\1\033[0m" if colour else r"[\1]"
    lines = []
    for hit in hits:
        when = hit.published_at.strftime("%Y-%m-%d") if hit.published_at else ""
        lines.append(f"{when}  {hit.title}")
        lines.append("    " + html.unescape(_MARK.sub(mark, hit.snippet or "")))
        lines.append(f"    {hit.url}")
    return "\n".join(lines)
