"""Find the element that holds the article body: the densest run of paragraphs.

The GeneralNewsExtractor idea, made cheap: every paragraph scores its non-link
text, with a bonus per punctuation mark (prose is punctuated, menus are not), for
the element that holds it. The best holder wins; if its siblings hold as much
again (a body split over several blocks, a photo story's picture boxes), their
common parent is taken instead. Known body classes add weight, nothing more.
"""

from __future__ import annotations

from collections import defaultdict

from . import site
from .tree import classes_and_id, clean, is_furniture

_PUNCTUATION = frozenset("，。！？；：、“”‘’《》（）…—,.!?;:")
_PUNCTUATION_WEIGHT = 5
# A picture counts like a short caption: photo stories are mostly pictures.
_PICTURE_WEIGHT = 40
# Climb to the parent while it holds this much more than the current pick.
_CLIMB_RATIO = 1.8
_PARAGRAPH_TAGS = frozenset(("p", "h3", "h4", "h5", "h6", "blockquote", "pre", "center"))
_INLINE_TAGS = frozenset(("a", "span", "strong", "b", "em", "i", "font", "u", "center"))


def find_body(root, skip: frozenset = frozenset()):
    """The element holding the article text, or None when the page holds no prose.

    ``skip`` holds elements already known not to be body (title, meta line, panels).
    """
    own = _score_holders(root, skip)
    if not own:
        return None
    hints = set(site.BODY_HINTS)
    for el in own:
        if classes_and_id(el) & hints:
            own[el] *= site.BODY_HINT_WEIGHT
    best = max(own, key=own.get)
    return _climb(best, own)


def prose_score(text: str) -> int:
    """Characters of ``text`` (whitespace aside) plus a bonus per punctuation mark."""
    chars = "".join(text.split())
    return len(chars) + _PUNCTUATION_WEIGHT * sum(1 for char in chars if char in _PUNCTUATION)


def _score_holders(root, skip: frozenset) -> dict:
    own: dict = defaultdict(float)
    # An explicit stack: malformed pages nest deeper than Python's recursion allows.
    stack = [(root, False)]
    while stack:
        el, in_paragraph = stack.pop()
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or child in skip:
                continue
            if tag == "img":
                holder = _picture_holder(child)
                if holder is not None:
                    own[holder] += _PICTURE_WEIGHT
            elif tag == "a":
                stack.append((child, True))  # link text never counts; pictures inside do
            elif tag in _PARAGRAPH_TAGS and not in_paragraph:
                own[el] += _unlinked_score(child)
                stack.append((child, True))
            else:
                if not in_paragraph:
                    # Text written straight into a cell or div, broken by <br>: old table layouts.
                    direct = (child.text or "") + "".join(sub.tail or "" for sub in child)
                    if direct.strip() and not is_furniture(clean(direct)):
                        own[child] += prose_score(direct)
                stack.append((child, in_paragraph))
    return {el: score for el, score in own.items() if score > 0}


def _unlinked_score(paragraph) -> int:
    text = "".join(paragraph.itertext())
    if is_furniture(clean(text)):
        return 0
    score = prose_score(text)
    for link in paragraph.iter("a"):
        score -= prose_score("".join(link.itertext()))
    return max(score, 0)


def _picture_holder(img):
    block = img.getparent()
    while block is not None and block.tag in _INLINE_TAGS:
        block = block.getparent()
    if block is not None and block.tag in _PARAGRAPH_TAGS:
        block = block.getparent()
    return block


def _climb(best, own: dict):
    totals: dict = defaultdict(float)
    for el, score in own.items():
        totals[el] += score
        for ancestor in el.iterancestors():
            totals[ancestor] += score
    while True:
        parent = best.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return best
        if totals[parent] < _CLIMB_RATIO * totals[best]:
            return best
        best = parent
