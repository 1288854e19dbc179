"""Chinese full-text search: character bigrams in an FTS5 index, snippets with highlights.

FTS5's unicode61 tokenizer would keep a whole run of Chinese as one token, and the
trigram tokenizer cannot match two-character words (甘肃, 地震) at all. So text is
indexed as overlapping character pairs ("甘肃省" → "甘肃 肃省"): a query of two
characters is one token, a longer one a phrase of consecutive pairs, a single
character a prefix. Latin words and numbers stay whole.
"""

from __future__ import annotations

import html
import re
import sqlite3

from ..model import ArticleSummary
from .rows import SUMMARY_SELECT, summary, texts_from_json

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
TOKEN = re.compile(rf"[{CJK}]+|[0-9A-Za-z\u00c0-\u024f]+")
_LATIN_END = "\u024f"  # the last character of TOKEN's Latin runs
_SNIPPET_BEFORE = 24
_SNIPPET_LENGTH = 90


def index_text(text: str) -> str:
    """The text as the index sees it: bigrams of Chinese runs, lowercased words."""
    terms: list[str] = []
    for run in TOKEN.findall(text):
        if run[0] > _LATIN_END:  # TOKEN's other runs are all Chinese
            terms.extend(map(str.__add__, run, run[1:]) if len(run) > 1 else (run,))
        else:
            terms.append(run.lower())
    return " ".join(terms)


def add(db, rowid: int, title: str, texts: list[str]) -> None:
    """Index an article's title and body texts (paragraphs, headings, captions, cells …)."""
    db.execute(
        "INSERT INTO search_index (rowid, title, body) VALUES (?, ?, ?)",
        (rowid, index_text(title), index_text("\n".join(texts))),
    )


def remove(db, rowid: int, title: str, texts: list[str]) -> None:
    """Forget an article: a contentless index forgets a row only when told what it indexed."""
    db.execute(
        "INSERT INTO search_index (search_index, rowid, title, body) VALUES ('delete', ?, ?, ?)",
        (rowid, index_text(title), index_text("\n".join(texts))),
    )


def hits(
    db: sqlite3.Connection, query, limit: int, window: int, offset: int = 0
) -> list[ArticleSummary]:
    """The ``limit`` best articles answering ``query`` (a parsed Query) after the best
    ``offset``, among the ``window`` most recently stored the index finds, each with
    its snippet: ranked by bm25 (a title match weighs ten body matches), then each read
    to be sure it matches (the index of character pairs can be fooled), a page of them
    at a time; only the answers' snippets are cut."""
    ranked = [
        row[0]
        for row in db.execute(
            "SELECT rowid FROM search_index WHERE search_index MATCH ?1 AND rowid >= "
            "coalesce((SELECT rowid FROM search_index WHERE search_index MATCH ?1 "
            "          ORDER BY rowid DESC LIMIT 1 OFFSET ?2), 0) "
            "ORDER BY bm25(search_index, 10.0, 1.0) LIMIT ?2 + 1",
            (query.fts_expression(exact=False), window - 1),
        )
    ]
    marks, found, passed = query.highlighter(), [], 0
    select = SUMMARY_SELECT.replace("SELECT", "SELECT a.id, a.body,", 1)
    step = max(limit, 50)
    for start in range(0, len(ranked), step):  # most are matches
        chunk = ranked[start : start + step]
        rows = db.execute(f"{select} WHERE a.id IN ({', '.join('?' * len(chunk))})", chunk)
        by_id = {row["id"]: row for row in rows}
        for row in filter(None, map(by_id.get, chunk)):
            texts = texts_from_json(row["body"])
            if not query.matches(row["title"], texts):
                continue
            if passed < offset:  # shown already, on an earlier page
                passed += 1
                continue
            found.append(summary(row, snippet=snippet(marks, row["title"], texts)))
            if len(found) == limit:
                return found
    return found


def snippet(pattern: re.Pattern, title: str, texts: list[str]) -> str:
    """Text around the first match of ``pattern`` in the body (else the title), HTML-escaped,
    matches in <mark>."""
    body = " ".join(texts)
    found = pattern.search(body)
    text, start = (body, found.start()) if found else (title, 0)
    begin = max(start - _SNIPPET_BEFORE, 0)
    window = text[begin : begin + _SNIPPET_LENGTH]
    marked = pattern.sub(lambda m: "\0" + m.group() + "\1", window)
    escaped = html.escape(marked, quote=False).replace("\0", "<mark>").replace("\1", "</mark>")
    prefix = "…" if begin > 0 else ""
    suffix = "…" if begin + _SNIPPET_LENGTH < len(text) else ""
    return prefix + escaped + suffix


def is_cjk(char: str) -> bool:
    return bool(re.match(f"[{CJK}]", char))
