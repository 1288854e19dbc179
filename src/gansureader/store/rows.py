"""Rows of the articles table as the model's dataclasses: one reading for the store and
for salvaging a damaged cache."""

from __future__ import annotations

import json
import re
import sqlite3

from ..addresses import article_address, scheme_twin
from ..model import (
    ArticlePage,
    ArticleSummary,
    RankItem,
    Recommendation,
    block_from_dict,
    block_texts,
)
from .db import to_datetime


def article_from_row(
    row: sqlite3.Row,
    recommendations: tuple[Recommendation, ...] = (),
    ranking: tuple[RankItem, ...] = (),
    blocks: int | None = None,
    rows: int | None = None,
) -> ArticlePage:
    """The article a row holds; ``blocks``: only the body's first so many, and of a
    table only ``rows`` rows (what a view lays out); None: all of it."""
    return ArticlePage(
        url=row["url"],
        title=row["title"],
        published_at=to_datetime(row["published_at"]),
        source=row["source"],
        editor=row["editor"],
        author=row["author"],
        breadcrumb=tuple(json.loads(row["breadcrumb"])),
        body=body_from_json(row["body"], blocks, rows),
        contributor=row["contributor"],
        recommendations=recommendations,
        ranking=ranking,
    )


def body_from_json(text: str, blocks: int | None = None, rows: int | None = None) -> tuple:
    """A stored body's blocks; ``blocks``: only the first so many, the rest of the text
    not even decoded (a body of 2 000 blocks cost a click 10 ms to read whole), and
    ``rows``: only so many of a table's rows (a view lays out a screenful of them)."""
    if blocks is None:
        return tuple(block_from_dict(block) for block in json.loads(text))
    found, index = [], _BETWEEN.match(text, text.index("[") + 1).end()
    while len(found) < blocks and text[index] != "]":
        block, index = _DECODER.raw_decode(text, index)
        if rows is not None and block.get("type") == "table":
            block["rows"] = block["rows"][:rows]
        found.append(block_from_dict(block))
        index = _BETWEEN.match(text, index).end()
    return tuple(found)


_DECODER = json.JSONDecoder()
_BETWEEN = re.compile(r"\s*,?\s*")  # what separates two blocks of the stored list


def texts_from_json(body_json: str) -> list[str]:
    return [text for block in body_from_json(body_json) for text in block_texts(block)]


def spellings(url: str) -> tuple[str, str, str]:
    """Where the article ``url`` names may be kept, the likeliest first: as written, without
    a share's query (addresses.article_address), and that under the other scheme (the site
    serves and links both)."""
    bare = article_address(url)
    return url, bare, scheme_twin(bare)


_SPELLINGS = ("url", "bare", "twin")
# The article a URL names: kept under one of its spellings, or under an address one of
# them redirected to. Its parameters: ``naming(url)``.
ARTICLE_ID = "coalesce({})".format(
    ", ".join(
        f"(SELECT id FROM articles WHERE url = :{name}), "
        f"(SELECT article_id FROM article_aliases WHERE url = :{name})"
        for name in _SPELLINGS
    )
)


def naming(url: str, **more) -> dict:
    """The parameters of ARTICLE_ID for ``url`` (and ``more`` of the statement's own)."""
    return {**dict(zip(_SPELLINGS, spellings(url), strict=True)), **more}


# A row of the article list: ``summary`` of what it selects.
SUMMARY_SELECT = (
    "SELECT a.url, a.title, a.published_at, a.source, a.read, a.starred, a.removed_at, "
    "(SELECT c.name FROM channel_articles ca JOIN channels c ON c.id = ca.channel_id "
    " WHERE ca.article_id = a.id ORDER BY c.id LIMIT 1) AS channel, "
    "CASE WHEN EXISTS (SELECT 1 FROM article_revisions r WHERE r.article_id = a.id) "
    "THEN a.updated_at END AS revised_at "
    "FROM articles a"
)


def summary(row: sqlite3.Row, snippet: str | None = None) -> ArticleSummary:
    return ArticleSummary(
        url=row["url"],
        title=row["title"],
        published_at=to_datetime(row["published_at"]),
        channel=row["channel"],
        source=row["source"],
        read=bool(row["read"]),
        starred=bool(row["starred"]),
        snippet=snippet,
        revised_at=to_datetime(row["revised_at"]),
        removed_at=to_datetime(row["removed_at"]),
    )
