"""Make HTML safe to display: an allow-list of tags and attributes, http(s) links only.

Scripts, styles, frames, forms and embedded objects go with their content; other
unknown tags are unwrapped (their text stays); event attributes, inline styles
and any link or picture address that is not http(s) are removed.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from lxml import etree
from lxml import html as lxml_html

_DROP_WITH_CONTENT = frozenset(
    "script style iframe frame frameset object embed applet form input button select textarea "
    "noscript template svg math link meta base canvas audio video source track".split()
)
_ALLOWED_TAGS = frozenset(
    "html body div p br h1 h2 h3 h4 h5 h6 a img span b strong i em u small sub sup ul ol li "
    "blockquote table thead tbody tr td th hr".split()
)
_ALLOWED_ATTRIBUTES = frozenset("href src alt title class width height align".split())
_URL_ATTRIBUTES = frozenset(("href", "src"))
_SAFE_SCHEMES = frozenset(("http", "https"))


def is_safe_url(url: str | None) -> bool:
    return bool(url) and urlsplit(url.strip()).scheme.lower() in _SAFE_SCHEMES


def sanitize_html(fragment: str) -> str:
    """The fragment with everything unsafe removed, as HTML text."""
    if not fragment.strip():
        return ""
    container = lxml_html.fragment_fromstring(fragment, create_parent="div")
    etree.strip_elements(container, *_DROP_WITH_CONTENT, with_tail=False)
    etree.strip_elements(container, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    for el in list(container.iter()):
        if el is container:
            continue
        if el.tag not in _ALLOWED_TAGS:
            el.drop_tag()
            continue
        for name, value in list(el.attrib.items()):
            lowered = name.lower()
            if lowered not in _ALLOWED_ATTRIBUTES or (
                lowered in _URL_ATTRIBUTES and not is_safe_url(value)
            ):
                del el.attrib[name]
    inner = (container.text or "") + "".join(
        etree.tostring(child, encoding="unicode", method="html") for child in container
    )
    return inner
