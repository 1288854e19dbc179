"""Find the element that holds the article body: the densest run of paragraphs.

The GeneralNewsExtractor idea, made cheap: every paragraph scores its non-link
text, with a bonus per punctuation mark (prose is punctuated, menus are not), for
the element that holds it. The best holder wins; if its siblings hold as much
again (a body split over several blocks, a photo story's picture boxes), their
common parent is taken instead. Known body classes add weight, nothing more.
"""

from __future__ import annotations

from collections import defaultdict

from lxml import etree

from . import site
from .tree import classes_and_id, clean, is_furniture, is_page_link

_PUNCTUATION = frozenset("，。！？；：、“”‘’《》（）…—,.!?;:")
_PUNCTUATION_WEIGHT = 5
# A picture counts like a short caption: photo stories are mostly pictures.
_PICTURE_WEIGHT = 40
# Climb to the parent while it holds this much more than the current pick.
_CLIMB_RATIO = 1.8
_PARAGRAPH_TAGS = frozenset(("p", "h3", "h4", "h5", "h6", "blockquote", "pre", "center"))
_INLINE_TAGS = frozenset(("a", "span", "strong", "b", "em", "i", "font", "u", "center"))
# Where text is written straight in on old pages (everything but links, pictures, breaks
# and the paragraph tags, which are scored as paragraphs).
_TEXT_HOLDERS = (
    "div td th span font li dd dt section article main body strong b em i u tr tbody "
    "table ul ol dl small big label cite"
).split()


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


def unlikely_boxes(root) -> frozenset:
    """Boxes whose class or id names comments, related news, share bars, sidebars …

    A box holding the page's <h1> is never one: that is a wrapper of the whole page.
    """
    found = []
    for el in _WITH_NAMES(root):
        names = f"{el.get('class') or ''} {el.get('id') or ''}"
        if site.NOT_BODY_HINT.search(names) and el.find(".//h1") is None:
            found.append(el)
    return frozenset(found)


_WITH_NAMES = etree.XPath("//body//*[@class or @id]")


def prose_score(text: str) -> int:
    """Characters of ``text`` (whitespace aside) plus a bonus per punctuation mark."""
    chars = "".join(text.split())
    return len(chars) + _PUNCTUATION_WEIGHT * sum(1 for char in chars if char in _PUNCTUATION)


def _score_holders(root, skip: frozenset) -> dict:
    """Each element's own score: its paragraphs, its pictures, text written straight in.

    lxml finds the elements by tag in C; Python only looks at the few that can hold
    text, never at the links and list items of a page's menus one by one.
    """
    excluded = {el for box in skip for el in box.iter()}
    own: dict = defaultdict(float)
    for paragraph in root.iter(*_PARAGRAPH_TAGS):
        if paragraph in excluded or _in_text(paragraph):
            continue  # a paragraph inside a paragraph or a link is that one's text
        parent = paragraph.getparent()
        if parent is not None:
            own[parent] += _unlinked_score(paragraph)
    for img in root.iter("img"):
        if img in excluded:
            continue
        # A picture linked to its larger self counts; a thumbnail linking to another page
        # (related news) does not.
        link = next(img.iterancestors("a"), None)
        holder = None if link is not None and is_page_link(link) else _picture_holder(img)
        if holder is not None:
            own[holder] += _PICTURE_WEIGHT
    for el in root.iter(*_TEXT_HOLDERS):
        # Text written straight into a cell or div, broken by <br>: old table layouts.
        direct = (el.text or "") + "".join(child.tail or "" for child in el)
        if direct.strip() and el not in excluded and not _in_text(el):
            if not is_furniture(clean(direct)):
                own[el] += prose_score(direct)
    return {el: score for el, score in own.items() if score > 0}


def _in_text(el) -> bool:
    return next(el.iterancestors(*_PARAGRAPH_TAGS, "a"), None) is not None


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
