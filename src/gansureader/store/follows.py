"""The 关注: named queries over the whole archive, and the articles each matches.

A mixin of Store. A follow is the reader's own data, so its definition is written to
the state file first; the cache keeps a copy (every connection, read-only ones too,
lists the follows from it) and records which articles match: the whole archive when a
follow is made or changed, and each article as it is stored, changed or read again,
in the same transaction. Counts are kept by triggers (schema 7), so the sidebar reads
numbers instead of counting. A follow whose recorded matches are for another
definition (a replaced cache, a follow changed by another process) is matched again
by ``match_stale_follows``, which a sync runs first.
"""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..errors import GansuReaderError
from ..model import ArticlePage, ArticleSummary, Follow
from .query import Query, QueryError, QuerySet, fold, parse_query
from .rows import SUMMARY_SELECT, article_from_row, summary, texts_from_json
from .search import snippet
from .user_state import UserState, follow_columns, follow_from_columns

MAX_NAME_CHARS = 40
_COLUMNS = "name, query, channels, source, title_only, mute, alerts"


class FollowError(GansuReaderError):
    """A follow cannot be made or changed as asked; the message says why and what to do."""


@dataclass(frozen=True)
class _Rule:
    """A follow as the matching uses it: its id, definition and parsed query."""

    id: int
    follow: Follow
    query: Query

    def within_limits(self, article: ArticlePage, channels: Callable[[], set[str]]) -> bool:
        """Whether the article is in the follow's channels and from its 来源 (if it has them)."""
        follow = self.follow
        if follow.channels and not channels().intersection(follow.channels):
            return False
        return not follow.source or follow.source.casefold() in (article.source or "").casefold()


class _Rules:
    """Every follow, as each stored article is matched against them all: those that look
    at the whole text and those that look at titles, each a QuerySet."""

    def __init__(self, rules: list[_Rule]):
        self.rules = rules
        self.whole = [rule for rule in rules if not rule.follow.title_only]
        self.titles = [rule for rule in rules if rule.follow.title_only]
        self._whole = QuerySet([rule.query for rule in self.whole])
        self._titles = QuerySet([rule.query for rule in self.titles])
        self.by_channel = any(rule.follow.channels for rule in rules)

    def matching(self, article: ArticlePage, channels: Callable[[], set[str]]) -> list[_Rule]:
        title = fold(article.title)
        found = [self.titles[n] for n in self._titles.matching(title)]
        if self.whole:
            text = "\n".join([title, *map(fold, article.texts())])
            found += [self.whole[n] for n in self._whole.matching(text)]
        return [rule for rule in found if rule.within_limits(article, channels)]


class FollowList:
    _db: sqlite3.Connection
    state: UserState
    _filters: Callable[..., tuple[str, list]]  # the Store's
    _mark_read: Callable[[str, tuple], int]  # the channel list's
    _rules: _Rules | None = None  # the follows as matched, read when first needed
    _rules_version: int | None = None
    _follow_news: Counter[str]

    # ------------------------------------------------------------------ reading

    def follows(self) -> list[Follow]:
        """Every follow, with how many articles it matches and how many of them are unread."""
        rows = self._db.execute(f"SELECT {_COLUMNS}, matches, unread FROM follows ORDER BY id")
        return [follow_from_columns(*row) for row in rows]

    def copied_follows(self) -> list[tuple[int, Follow]]:
        """The cache's copy of the follows with their ids: what a new state file takes."""
        rows = self._db.execute(f"SELECT id, {_COLUMNS} FROM follows ORDER BY id")
        return [(row[0], follow_from_columns(*row[1:])) for row in rows]

    def find_follow(self, name: str) -> Follow | None:
        return next((f for f in self.follows() if f.name == name.strip()), None)

    def follow_articles(
        self, name: str, *, unread_only: bool = False, limit: int = -1, offset: int = 0
    ) -> list[ArticleSummary]:
        """The articles the follow matches, newest first, each with its match marked."""
        follow = self.follow_named(name)
        where, params = self._filters(None, unread_only, False, follow.name)
        rows = self._db.execute(
            f"{SUMMARY_SELECT.replace('SELECT', 'SELECT a.body,', 1)} {where} "
            "ORDER BY a.published_at DESC, a.id DESC LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        marks = parse_query(follow.query).highlighter()
        return [
            summary(row, snippet=snippet(marks, row["title"], texts_from_json(row["body"])))
            for row in rows
        ]

    def muted_articles(self, *, limit: int = -1, offset: int = 0) -> list[ArticleSummary]:
        """The articles a muted follow hides from the lists, newest first."""
        rows = self._db.execute(
            f"{SUMMARY_SELECT} WHERE {MUTED} ORDER BY a.published_at DESC, a.id DESC "
            "LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [summary(row) for row in rows]

    def count_muted(self) -> int:
        return self._db.execute(f"SELECT count(*) FROM articles a WHERE {MUTED}").fetchone()[0]

    def any_muted(self) -> bool:
        return self._db.execute("SELECT 1 FROM follows WHERE mute LIMIT 1").fetchone() is not None

    # ------------------------------------------------------------------ changing

    def add_follow(self, follow: Follow) -> Follow:
        """Make a follow and match it against every cached article; FollowError or
        QueryError if it cannot be."""
        follow = self._checked(follow)
        if self.find_follow(follow.name) is not None:
            raise FollowError(
                f"a follow named '{follow.name}' exists already: choose another name "
                "(--name), or remove that one first"
            )
        follow_id = self.state.save_follow(follow)
        self._copy_follow(follow_id, follow)
        return self.follow_named(follow.name)

    def change_follow(self, name: str, follow: Follow) -> Follow:
        """Put ``follow`` in place of the follow ``name`` (renamed, muted, its query
        changed …); matched again only if what decides the matches changed."""
        old = self.follow_named(name)
        follow = self._checked(follow)
        if follow.name != old.name and self.find_follow(follow.name) is not None:
            raise FollowError(f"a follow named '{follow.name}' exists already: choose another")
        follow_id = self._follow_id(old.name)
        self.state.save_follow(follow, follow_id)
        self._copy_follow(follow_id, follow)
        return self.follow_named(follow.name)

    def remove_follow(self, name: str) -> None:
        follow_id = self._follow_id(self.follow_named(name).name)
        self.state.remove_follow(follow_id)
        with self._write():
            self._db.execute("DELETE FROM follows WHERE id = ?", (follow_id,))
        self._rules = None

    def mark_follow_read(self, name: str) -> int:
        """Mark every article the follow matches read; how many were not."""
        follow = self.follow_named(name)
        return self._mark_read(f"AND id IN {FOLLOWED}", (follow.name,))

    def match_stale_follows(self) -> int:
        """Bring the cache's copy of the follows to the state file's, and match every
        follow whose matches were found for another definition; how many were matched."""
        wanted = dict(self.state.follows())
        held = {
            row[0]: row[1:]
            for row in self._db.execute(f"SELECT id, {_COLUMNS}, matched_for FROM follows")
        }
        if gone := [(follow_id,) for follow_id in held if follow_id not in wanted]:
            with self._write():  # else opening stays a read, even while a sync writes
                self._db.executemany("DELETE FROM follows WHERE id = ?", gone)
        stale = 0
        for follow_id, follow in wanted.items():
            columns = held.get(follow_id)
            if columns is None or columns[-1] != _signature(follow):
                stale += 1
                try:
                    self._copy_follow(follow_id, follow)
                except QueryError:
                    continue  # as above: listed, matching nothing, until it is edited
            elif columns[:-1] != follow_columns(follow):
                self._copy_follow(follow_id, follow)
        self._rules = None
        return stale

    def take_follow_news(self) -> dict[str, int]:
        """New unread matches of each follow with alerts on since the last call."""
        news, self._follow_news = dict(self._follow_news), Counter()
        return news

    # ------------------------------------------------------------------ matching

    def _match_follows(self, article_id: int, article: ArticlePage) -> None:
        """Record which follows the article (just stored, in the transaction) matches."""
        rules = self._follow_rules()
        if not rules.rules:
            return
        listed: set[str] | None = None

        def channels() -> set[str]:
            nonlocal listed
            if listed is None:
                listed = {row[0] for row in self._db.execute(_CHANNELS_OF, (article_id,))}
            return listed

        matched = {rule.id for rule in rules.matching(article, channels)}
        before = {
            row[0]
            for row in self._db.execute(
                "SELECT follow_id FROM follow_matches WHERE article_id = ?", (article_id,)
            )
        }
        self._db.executemany(
            "DELETE FROM follow_matches WHERE follow_id = ? AND article_id = ?",
            [(follow_id, article_id) for follow_id in before - matched],
        )
        new = matched - before
        self._db.executemany(
            "INSERT INTO follow_matches (follow_id, article_id) VALUES (?, ?)",
            [(follow_id, article_id) for follow_id in new],
        )
        unread = self._db.execute("SELECT read = 0 FROM articles WHERE id = ?", (article_id,))
        if new and unread.fetchone()[0]:
            for rule in rules.rules:
                if rule.id in new and rule.follow.alerts:
                    self._follow_news[rule.follow.name] += 1

    def _rematch_channels(self, article_id: int, article: ArticlePage | None = None) -> None:
        """The article (read here unless given) was listed in another channel: follows
        limited to channels may match it now (in the caller's transaction)."""
        if self._follow_rules().by_channel:
            if article is None:
                row = self._db.execute("SELECT * FROM articles WHERE id = ?", (article_id,))
                article = article_from_row(row.fetchone())
            self._match_follows(article_id, article)

    def _follow_rules(self) -> _Rules:
        """The follows to match new articles against, read again when another connection
        changed the cache (a follow added from the command line while the window syncs)."""
        version = self._db.execute("PRAGMA data_version").fetchone()[0]
        if self._rules is None or self._rules_version != version:
            rows = self._db.execute(f"SELECT id, {_COLUMNS} FROM follows ORDER BY id").fetchall()
            rules = []
            for follow_id, *columns in rows:
                follow = follow_from_columns(*columns)
                try:
                    rules.append(_Rule(follow_id, follow, parse_query(follow.query)))
                except QueryError:  # written by hand or by another version: matches nothing
                    continue
            self._rules, self._rules_version = _Rules(rules), version
        return self._rules

    def _copy_follow(self, follow_id: int, follow: Follow) -> None:
        """Write the follow into the cache and, if its definition changed, find its
        matches among every cached article: one transaction."""
        signature = _signature(follow)
        with self._write():
            row = self._db.execute(
                "SELECT matched_for FROM follows WHERE id = ?", (follow_id,)
            ).fetchone()
            self._db.execute(
                f"INSERT INTO follows (id, {_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET name = excluded.name, query = excluded.query, "
                "channels = excluded.channels, source = excluded.source, "
                "title_only = excluded.title_only, mute = excluded.mute, "
                "alerts = excluded.alerts",
                (follow_id, *follow_columns(follow)),
            )
            if row is None or row[0] != signature:
                self._match_archive(follow_id, follow)
                self._db.execute(
                    "UPDATE follows SET matched_for = ? WHERE id = ?", (signature, follow_id)
                )
        self._rules = None

    def _match_archive(self, follow_id: int, follow: Follow) -> None:
        """Every cached article the follow matches, found anew. The search index narrows
        the articles to read where it can; each is read to be sure."""
        query = parse_query(follow.query)
        clauses, params = [], []
        if expression := query.fts_expression(exact=True):
            clauses.append("a.id IN (SELECT rowid FROM search_index WHERE search_index MATCH ?)")
            params.append(f"title : ({expression})" if follow.title_only else expression)
        if follow.channels:
            marks = ", ".join("?" * len(follow.channels))
            clauses.append(
                "a.id IN (SELECT ca.article_id FROM channel_articles ca JOIN channels c "
                f"ON c.id = ca.channel_id WHERE c.url IN ({marks}))"
            )
            params.extend(follow.channels)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        body = "'[]'" if follow.title_only else "a.body"
        rows = self._db.execute(
            f"SELECT a.id, a.title, a.source, {body} FROM articles a {where}", params
        )
        source = (follow.source or "").casefold()
        found = []
        for article_id, title, article_source, body_json in rows:
            if source and source not in (article_source or "").casefold():
                continue
            texts = [] if follow.title_only else texts_from_json(body_json)
            if query.matches(title, texts):
                found.append((follow_id, article_id))
        self._db.execute("DELETE FROM follow_matches WHERE follow_id = ?", (follow_id,))
        self._db.executemany(
            "INSERT INTO follow_matches (follow_id, article_id) VALUES (?, ?)", found
        )

    # ------------------------------------------------------------------ checking

    def _checked(self, follow: Follow) -> Follow:
        """The follow as it is kept (name and channels tidied), or why it cannot be."""
        parse_query(follow.query)  # QueryError says what is wrong with it
        name = " ".join((follow.name or follow.query).split())
        if not name:
            raise FollowError("a follow needs a name: give one with --name")
        if len(name) > MAX_NAME_CHARS:
            raise FollowError(
                f"the name '{name[:20]}…' is too long ({len(name)} characters; at most "
                f"{MAX_NAME_CHARS}): give a shorter one with --name"
            )
        if "/" in name or any(unicodedata.category(char)[0] == "C" for char in name):
            raise FollowError(f"the name '{name}' cannot hold / or control characters")
        channels = []
        for given in follow.channels:
            channel = self.find_channel(given.strip())
            if channel is None:
                raise FollowError(
                    f"there is no channel '{given}': 'gansureader channels' lists them "
                    "(give its name or its address)"
                )
            channels.append(channel.url)
        source = (follow.source or "").strip() or None
        return replace(follow, name=name, channels=tuple(dict.fromkeys(channels)), source=source)

    def follow_named(self, name: str) -> Follow:
        """The follow called ``name``; FollowError, naming those there are, if none is."""
        follow = self.find_follow(name)
        if follow is None:
            known = ", ".join(f.name for f in self.follows()) or "none yet"
            raise FollowError(f"there is no follow named '{name}' (the follows: {known})")
        return follow

    def _follow_id(self, name: str) -> int:
        return self._db.execute("SELECT id FROM follows WHERE name = ?", (name,)).fetchone()[0]


# The articles the follow named ? matches.
FOLLOWED = (
    "(SELECT article_id FROM follow_matches "
    "WHERE follow_id = (SELECT id FROM follows WHERE name = ?))"
)
# An article some muted follow matches: what the lists leave out.
MUTED = (
    "a.id IN (SELECT m.article_id FROM follow_matches m JOIN follows f "
    "ON f.id = m.follow_id WHERE f.mute)"
)
_CHANNELS_OF = (
    "SELECT c.url FROM channel_articles ca JOIN channels c ON c.id = ca.channel_id "
    "WHERE ca.article_id = ?"
)


def _signature(follow: Follow) -> str:
    return json.dumps(follow.definition(), ensure_ascii=False)
