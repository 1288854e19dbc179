"""What changed between two versions of an article, as a reader wants to see it: which
paragraphs were added, removed or changed, and within a changed one which characters.

Chinese has no spaces to split words at, so a changed paragraph is compared sentence by
sentence (at 。！？；), and a changed sentence character by character: a corrected
figure or name is marked alone, not its whole sentence. Pure functions of text.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from urllib.parse import urlsplit

from .model import ArticlePage, body_picture_urls

SAME, ADDED, REMOVED, CHANGED = "same", "added", "removed", "changed"
# Paragraphs less alike than this are one removed and one added, not one changed.
ALIKE = 0.4
# difflib's matching is quadratic: texts longer than this (a page written as one paragraph)
# are told alike by their characters alone, and compared character by character only past
# what they share at either end (a 40 000-character paragraph took 37 s on the window's
# thread).
LONG_TEXT = 2000
_SENTENCE = re.compile(r"[^。！？；!?;]*[。！？；!?;]+[”’」』）)]*|[^。！？；!?;]+")


@dataclass(frozen=True)
class Change:
    """One paragraph (or other piece of text) of the newer version, or of the older one
    where it went. ``pieces`` (CHANGED only): (SAME | ADDED | REMOVED, text) in order."""

    kind: str
    old: str | None
    new: str | None
    pieces: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict:
        data: dict = {"kind": self.kind}
        if self.old is not None and self.kind != SAME:
            data["old"] = self.old
        if self.new is not None:
            data["new"] = self.new
        if self.pieces:
            data["pieces"] = [{"kind": kind, "text": text} for kind, text in self.pieces]
        return data


def text_changes(old: list[str], new: list[str]) -> list[Change]:
    """The paragraphs of ``new`` in order, with those of ``old`` that went where they were."""
    changes: list[Change] = []
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            changes += [Change(SAME, text, text) for text in new[j1:j2]]
            continue
        gone, came = old[i1:i2], new[j1:j2]
        while gone or came:
            if gone and came and _alike(gone[0], came[0]):
                changes.append(
                    Change(CHANGED, gone[0], came[0], character_changes(gone[0], came[0]))
                )
                gone, came = gone[1:], came[1:]
            elif gone and (not came or len(gone) >= len(came)):
                changes.append(Change(REMOVED, gone.pop(0), None))
            else:
                changes.append(Change(ADDED, None, came.pop(0)))
    return changes


def character_changes(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """``new`` in pieces, with what ``old`` had instead: by sentence, then by character."""
    pieces: list[tuple[str, str]] = []
    old_sentences, new_sentences = _SENTENCE.findall(old), _SENTENCE.findall(new)
    matcher = SequenceMatcher(None, old_sentences, new_sentences, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        before, after = "".join(old_sentences[i1:i2]), "".join(new_sentences[j1:j2])
        if tag == "equal":
            pieces.append((SAME, after))
        elif tag == "replace" and _alike(before, after):
            pieces += _characters(before, after)
        else:
            pieces += [(kind, text) for kind, text in ((REMOVED, before), (ADDED, after)) if text]
    return tuple(_joined(pieces))


def _characters(old: str, new: str) -> list[tuple[str, str]]:
    start = len(os.path.commonprefix([old, new]))
    end = len(os.path.commonprefix([old[start:][::-1], new[start:][::-1]]))
    middle_old, middle_new = old[start : len(old) - end], new[start : len(new) - end]
    pieces = [(SAME, new[:start])]
    if len(middle_old) + len(middle_new) > LONG_TEXT:
        pieces += [(REMOVED, middle_old), (ADDED, middle_new)]
    else:
        matcher = SequenceMatcher(None, middle_old, middle_new, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                pieces.append((SAME, middle_new[j1:j2]))
                continue
            pieces += [(REMOVED, middle_old[i1:i2]), (ADDED, middle_new[j1:j2])]
    pieces.append((SAME, new[len(new) - end :]))
    return [(kind, text) for kind, text in pieces if text]


def _joined(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Neighbouring pieces of one kind as one."""
    joined: list[tuple[str, str]] = []
    for kind, text in pieces:
        if not text:
            continue
        if joined and joined[-1][0] == kind:
            joined[-1] = (kind, joined[-1][1] + text)
        else:
            joined.append((kind, text))
    return joined


def _alike(old: str, new: str) -> bool:
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    long = len(old) + len(new) > LONG_TEXT
    return (matcher.quick_ratio() if long else matcher.ratio()) >= ALIKE


_STOP = re.compile(r"[，。；：！？、;:!?\s]")  # not "." or ",": 12.6%, 1,000
CONTEXT_CHARACTERS = 10  # of unchanged text either side of a changed phrase, at most


def phrase_changes(pieces: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    """Each change within a text as (before, after) with the words around it, cut at the
    nearest punctuation: ("兰州累计投入资金30亿元", "兰州累计投入资金32亿元") — what a reader
    (or a screen reader, which cannot hear a strike-through) takes in at a glance."""
    found = []
    index = 0
    while index < len(pieces):
        if pieces[index][0] == SAME:
            index += 1
            continue
        end = index
        while end < len(pieces) and pieces[end][0] != SAME:
            end += 1
        before = pieces[index - 1][1] if index > 0 else ""
        after = pieces[end][1] if end < len(pieces) else ""
        lead = before[-CONTEXT_CHARACTERS:]
        lead = _STOP.split(lead)[-1]
        tail = _STOP.split(after[:CONTEXT_CHARACTERS])[0]
        old = "".join(text for kind, text in pieces[index:end] if kind == REMOVED)
        new = "".join(text for kind, text in pieces[index:end] if kind == ADDED)
        found.append((lead + old + tail, lead + new + tail))
        index = end
    return found


def counts(changes: list[Change]) -> dict[str, int]:
    """How many paragraphs were added, removed and changed."""
    return {
        kind: sum(change.kind == kind for change in changes) for kind in (ADDED, REMOVED, CHANGED)
    }


@dataclass(frozen=True)
class ArticleChanges:
    """How one version of an article differs from the one before it."""

    title: tuple[str, str] | None  # (before, after) when the title changed
    meta: tuple[str, str] | None  # the meta line (date · 来源 · 编辑 · 作者), when it changed
    body: list[Change]
    pictures: bool = False  # a picture added, removed or replaced

    def phrases(self) -> list[tuple[str, str]]:
        """Every changed phrase of the title, meta line and changed paragraphs, in order,
        each once (a lead that repeats the title changes with it)."""
        pairs = [pair for pair in (self.title, self.meta) if pair]
        found = [phrase for pair in pairs for phrase in phrase_changes(character_changes(*pair))]
        for change in self.body:
            if change.kind == CHANGED:
                found += phrase_changes(change.pieces)
        return list(dict.fromkeys(found))

    def to_dict(self) -> dict:
        def pair(value):
            return {"old": value[0], "new": value[1]} if value else None

        return {
            "title": pair(self.title),
            "meta": pair(self.meta),
            "pictures": self.pictures,
            "counts": counts(self.body),
            "phrases": [{"old": old, "new": new} for old, new in self.phrases()],
            "changes": [change.to_dict() for change in self.body if change.kind != SAME],
        }


def article_changes(old: ArticlePage, new: ArticlePage) -> ArticleChanges:
    title = (old.title, new.title) if old.title != new.title else None
    meta = (_meta(old), _meta(new)) if _meta(old) != _meta(new) else None
    pictures = picture_paths(old) != picture_paths(new)
    return ArticleChanges(title, meta, text_changes(old.texts(), new.texts()), pictures)


def picture_paths(article: ArticlePage) -> list[str]:
    """The pictures of the body by path: the same picture behind another query string or
    mirror host is not another picture."""
    return [urlsplit(url).path for url in body_picture_urls(article.body)]


def _meta(article: ArticlePage) -> str:
    when = article.published_at.isoformat() if article.published_at else ""
    return " · ".join(
        part for part in (when, article.source, article.editor, article.author) if part
    )
