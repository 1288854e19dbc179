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
from dataclasses import dataclass
from functools import cached_property

from ..errors import GansuReaderError
from .search import CJK, TOKEN, index_text, is_cjk

MAX_TERMS = 40  # a reader's follow has a handful; a pasted paragraph is not a query
MAX_QUERY_CHARS = 5000
_QUOTES = {'"': '"', "“": "”", "”": "”", "＂": "＂", "「": "」"}
_OR = "|｜"
_NOT = "-－"
_WORD_ENDS = _OR + "".join(_QUOTES)
_WORD_CHAR = "0-9a-z\u00c0-\u024f"
_BETWEEN = rf"[^{CJK}{_WORD_CHAR}\n]*"  # what may stand between a term's pieces


class QueryError(GansuReaderError):
    """The query cannot be understood; the message says what is wrong with it and how to
    write it instead."""


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

    @cached_property
    def _regexes(self) -> tuple[tuple[re.Pattern, ...], tuple[re.Pattern, ...]]:
        clauses = tuple(re.compile("|".join(t.pattern for t in c)) for c in self.clauses)
        excluded = tuple(re.compile(term.pattern) for term in self.excluded)
        return clauses, excluded

    def matches(self, title: str, texts: list[str] = ()) -> bool:
        """Whether an article of ``title`` and body ``texts`` (paragraphs, captions, cells,
        list items …) answers the query. Pass no texts to look at the title alone."""
        return self.matches_folded(fold("\n".join([title, *texts])))

    def matches_folded(self, text: str) -> bool:
        """``matches`` of a text already folded (``fold``): one folding for many queries."""
        clauses, excluded = self._regexes
        return all(r.search(text) for r in clauses) and not any(r.search(text) for r in excluded)

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


def fold(text: str) -> str:
    """Text as a query compares it: case aside."""
    return text.casefold()


def parse_query(text: str) -> Query:
    """The query ``text`` parsed; QueryError names what is wrong."""
    text = text.strip()
    if not text:
        raise QueryError("the query is empty: type a word to look for, such as 兰州")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(
            f"the query is too long ({len(text)} characters; at most {MAX_QUERY_CHARS})"
        )
    clauses: list[list[Term]] = []
    excluded: list[Term] = []
    last = None  # the item before: "term", "not" or "or"
    for kind, value in _items(text):
        if kind == "or":
            if last == "not":
                raise QueryError(f"'-{excluded[-1].text}' cannot be one side of |: write it apart")
            if last != "term":
                raise QueryError(f"'{value}' needs a word on each side, as in 兰州|天水")
            last = "or"
            continue
        term, negated = value
        if negated:
            if last == "or":
                raise QueryError(f"'-{term.text}' cannot be one side of |: write it apart")
            excluded.append(term)
        elif last == "or":
            clauses[-1].append(term)
        else:
            clauses.append([term])
        last = "not" if negated else "term"
    if last == "or":
        raise QueryError("'|' needs a word on each side, as in 兰州|天水")
    if not clauses:
        raise QueryError(
            "the query only says what to leave out: add a word to look for, as in 兰州 -天气"
        )
    count = sum(map(len, clauses)) + len(excluded)
    if count > MAX_TERMS:
        raise QueryError(f"the query has {count} words; at most {MAX_TERMS} are looked for")
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
                raise QueryError(
                    f'a quote ({char}) is not closed: end the phrase with a quote, as in "兰州新区"'
                )
            phrase = Term(text[position + 1 : close])
            if not phrase.pieces:
                raise QueryError(
                    f"{char}{phrase.text}{_QUOTES[char]} holds no word or number to look for"
                )
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
