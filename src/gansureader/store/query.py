"""The reader's query language, one for the search box and for 关注: words and "exact
phrases", space for AND, ``|`` for OR, ``-word`` for NOT.

A query is parsed once into clauses (every clause must hold: AND) of alternatives
(any may: OR), and terms that must not appear. What a term means is decided here
and nowhere else: a run of Chinese matches wherever the text holds it (兰州 is in
兰州新区 and in 在兰州), a Latin word or a number where a word of the text begins with
it (case aside), and the pieces of a term (中国-东盟, "兰州 新区") in that order with
only spaces or punctuation between them, within one paragraph. The search index
narrows the articles to look at (``fts_expression``); ``matches`` is the truth.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from ..errors import GansuReaderError
from .search import CJK, TOKEN, index_text, is_cjk

# A reader's follow has a handful of words; a pasted paragraph is not a query. (The
# messages in PROBLEMS say these numbers too.)
MAX_TERMS = 40
MAX_QUERY_CHARS = 5000
_QUOTES = {'"': '"', "“": "”", "”": "”", "＂": "＂", "「": "」"}
_OR = "|｜"
_NOT = "-－"
_WORD_ENDS = _OR + "".join(_QUOTES)
_WORD_CHAR = "0-9a-z\u00c0-\u024f"
_BETWEEN = rf"[^{CJK}{_WORD_CHAR}\n]*"  # what may stand between a term's pieces


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate knows)
    """Marks ``text`` for translation (the window says it in the reader's language)
    without importing Qt: the store runs without it."""
    return text


# What can be wrong with a query, by kind; %1 is the part of the query concerned.
PROBLEMS = {
    "empty": QT_TRANSLATE_NOOP(
        "Query", "the query is empty: type a word to look for, such as 兰州"
    ),
    "too long": QT_TRANSLATE_NOOP("Query", "the query is too long (%1 characters; at most 5000)"),
    "too many": QT_TRANSLATE_NOOP("Query", "the query has %1 words; at most 40 are looked for"),
    "either side": QT_TRANSLATE_NOOP("Query", "'%1' needs a word on each side, as in 兰州|天水"),
    "not in either": QT_TRANSLATE_NOOP("Query", "'%1' cannot be one side of |: write it apart"),
    "only not": QT_TRANSLATE_NOOP(
        "Query", "the query only says what to leave out: add a word to look for, as in 兰州 -天气"
    ),
    "unclosed": QT_TRANSLATE_NOOP(
        "Query", 'a quote (%1) is not closed: end the phrase with a quote, as in "兰州新区"'
    ),
    "no word": QT_TRANSLATE_NOOP("Query", "%1 holds no word or number to look for"),
}


class QueryError(GansuReaderError):
    """The query cannot be understood; the message says what is wrong with it and how to
    write it instead. ``problem`` is its kind (a key of PROBLEMS), ``part`` the part of
    the query concerned: what the window needs to say it in the reader's language."""

    def __init__(self, problem: str, part: object = ""):
        self.problem, self.part = problem, str(part)
        super().__init__(PROBLEMS[problem].replace("%1", self.part))


@dataclass(frozen=True)
class Term:
    text: str  # as the reader wrote it, without quotes or the minus

    @cached_property
    def pieces(self) -> tuple[str, ...]:
        return tuple(TOKEN.findall(fold(self.text)))

    @cached_property
    def pattern(self) -> str:
        """The term as a regular expression over casefolded text."""
        parts = []
        for piece in self.pieces:
            starts_word = "" if is_cjk(piece[0]) else rf"(?<![{_WORD_CHAR}])"
            parts.append(starts_word + re.escape(piece))
        return _BETWEEN.join(parts)

    @cached_property
    def found_in(self) -> Callable[[str], bool]:
        """Whether a folded text holds the term: a plain substring test for a run of
        Chinese (most terms, and the fastest test there is), else the pattern where the
        text holds each of the term's pieces."""
        pieces = self.pieces
        if len(pieces) == 1 and is_cjk(pieces[0][0]):
            return lambda text: pieces[0] in text
        # Every piece is in the text before the pattern is even compiled: most texts do
        # not hold them all, and a pattern with its classes of characters costs a
        # millisecond to compile.
        return lambda text: all(p in text for p in pieces) and bool(self._regex.search(text))

    @cached_property
    def _regex(self) -> re.Pattern:
        return re.compile(self.pattern)

    def fts(self, exact: bool) -> str | None:
        """What the search index can say of the term: every article holding it matches
        this expression. None when it cannot narrow at all — ``exact`` and the term is a
        single Chinese character, which the index of character pairs finds only where a
        Chinese character follows it (not as the last of 在兰, say)."""
        phrases = []
        for piece in self.pieces:
            if not is_cjk(piece[0]):
                phrases.append(f'"{piece}" *')
            elif len(piece) > 1:
                phrases.append(f'"{index_text(piece)}"')
            elif not exact:
                phrases.append(f'"{piece}" *')
        return " AND ".join(phrases) or None


@dataclass(frozen=True)
class Query:
    text: str
    clauses: tuple[tuple[Term, ...], ...]  # AND of ORs
    excluded: tuple[Term, ...]

    def matches(self, title: str, texts: list[str] = ()) -> bool:
        """Whether an article of ``title`` and body ``texts`` (paragraphs, captions, cells,
        list items …) answers the query. Pass no texts to look at the title alone."""
        return self.matches_folded(fold("\n".join([title, *texts])))

    def matches_folded(self, text: str) -> bool:
        """``matches`` of a text already folded (``fold``): one folding for many queries."""
        return all(any(term.found_in(text) for term in clause) for clause in self.clauses) and (
            not any(term.found_in(text) for term in self.excluded)
        )

    def fts_expression(self, exact: bool = True) -> str | None:
        """An FTS5 MATCH expression every matching article answers (and some others may:
        ``matches`` decides); None when the index cannot narrow the articles down."""
        narrowing = []
        for clause in self.clauses:
            alternatives = [term.fts(exact) for term in clause]
            if None not in alternatives:
                narrowing.append("(" + " OR ".join(alternatives) + ")")
        return " AND ".join(narrowing) or None

    def highlighter(self) -> re.Pattern:
        """What to mark in a snippet, a title or the article: every term looked for."""
        terms = sorted({t for clause in self.clauses for t in clause}, key=lambda t: -len(t.text))
        return re.compile("|".join(term.pattern for term in terms), re.IGNORECASE)


class QuerySet:
    """Many queries matched against one text at once (each stored article against every
    follow): each distinct term is looked for once, and only the queries whose first
    clause holds a term that was found are looked at further."""

    def __init__(self, queries: list[Query]):
        self._queries = queries
        self._terms: dict[str, Term] = {}  # by pattern: 兰州 and "兰州" are one term
        self._first: dict[str, list[int]] = {}  # a term → the queries whose first clause has it
        self._shapes: list[tuple[tuple[frozenset[str], ...], frozenset[str]]] = []
        for number, query in enumerate(queries):
            clauses = tuple(frozenset(self._term(t) for t in clause) for clause in query.clauses)
            excluded = frozenset(self._term(term) for term in query.excluded)
            self._shapes.append((clauses, excluded))
            for pattern in clauses[0]:
                self._first.setdefault(pattern, []).append(number)

    def _term(self, term: Term) -> str:
        self._terms.setdefault(term.pattern, term)
        return term.pattern

    def matching(self, text: str) -> list[int]:
        """The positions (in the list given) of the queries a folded text answers."""
        if not self._queries:
            return []
        found = {pattern for pattern, term in self._terms.items() if term.found_in(text)}
        candidates = sorted({n for pattern in found for n in self._first.get(pattern, ())})
        return [
            number
            for number in candidates
            if all(not found.isdisjoint(clause) for clause in self._shapes[number][0])
            and found.isdisjoint(self._shapes[number][1])
        ]


def fold(text: str) -> str:
    """Text as a query compares it: case aside."""
    return text.casefold()


def parse_query(text: str) -> Query:
    """The query ``text`` parsed; QueryError names what is wrong."""
    text = text.strip()
    if not text:
        raise QueryError("empty")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError("too long", len(text))
    clauses: list[list[Term]] = []
    excluded: list[Term] = []
    last = None  # the item before: "term", "not" or "or"
    for kind, value in _items(text):
        if kind == "or":
            if last == "not":
                raise QueryError("not in either", f"-{excluded[-1].text}")
            if last != "term":
                raise QueryError("either side", value)
            last = "or"
            continue
        term, negated = value
        if negated:
            if last == "or":
                raise QueryError("not in either", f"-{term.text}")
            excluded.append(term)
        elif last == "or":
            clauses[-1].append(term)
        else:
            clauses.append([term])
        last = "not" if negated else "term"
    if last == "or":
        raise QueryError("either side", "|")
    if not clauses:
        raise QueryError("only not")
    count = sum(map(len, clauses)) + len(excluded)
    if count > MAX_TERMS:
        raise QueryError("too many", count)
    return Query(text, tuple(map(tuple, clauses)), tuple(excluded))


def _items(text: str):
    """("term", (Term, negated)) and ("or", "|") items of the query, left to right."""
    position = 0
    while position < len(text):
        char = text[position]
        if char.isspace():
            position += 1
            continue
        if char in _OR:
            yield "or", char
            position += 1
            continue
        negated = char in _NOT and position + 1 < len(text) and not text[position + 1].isspace()
        if negated:
            position += 1
            char = text[position]
        if char in _QUOTES:
            close = text.find(_QUOTES[char], position + 1)
            if close < 0:
                raise QueryError("unclosed", char)
            phrase = Term(text[position + 1 : close])
            if not phrase.pieces:
                raise QueryError("no word", f"{char}{phrase.text}{_QUOTES[char]}")
            yield "term", (phrase, negated)
            position = close + 1
            continue
        end = position
        while end < len(text) and not text[end].isspace() and text[end] not in _WORD_ENDS:
            end += 1
        word = Term(text[position:end])
        if word.pieces:  # a dash or a comma on its own is no word: passed over
            yield "term", (word, negated)
        position = max(end, position + 1)
