"""Make HTML safe to display: an allow-list of tags and attributes, http(s) links only.

Scripts, styles, frames, forms and embedded objects go with their content; other
unknown tags are dropped (their text stays); event attributes, inline styles and
any link or picture address that is not http(s) are removed. Built on the
standard library's tokenizer, so the window needs no lxml to show an article.
"""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser
from urllib.parse import urlsplit

_DROP_WITH_CONTENT = frozenset(
    "script style iframe frame frameset object embed applet form input button select textarea "
    "noscript template svg math link meta base canvas audio video source track head title".split()
)
_ALLOWED_TAGS = frozenset(
    "div p br h1 h2 h3 h4 h5 h6 a img span b strong i em u small sub sup ul ol li "
    "blockquote table thead tbody tr td th hr".split()
)
_VOID_TAGS = frozenset(("br", "img", "hr", "input", "meta", "link", "source", "track", "embed"))
_ALLOWED_ATTRIBUTES = frozenset("href src alt title class width height align".split())
_URL_ATTRIBUTES = frozenset(("href", "src"))
_SAFE_SCHEMES = frozenset(("http", "https"))


def is_safe_url(url: str | None) -> bool:
    return bool(url) and urlsplit(url.strip()).scheme.lower() in _SAFE_SCHEMES


def sanitize_html(fragment: str) -> str:
    """The fragment with everything unsafe removed, as HTML text."""
    cleaner = _Cleaner()
    cleaner.feed(fragment)
    cleaner.close()
    return "".join(cleaner.out)


class _Cleaner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.dropping = 0  # depth inside a tag dropped with its content

    def handle_starttag(self, tag, attrs) -> None:
        if tag in _DROP_WITH_CONTENT:
            if tag not in _VOID_TAGS:
                self.dropping += 1
            return
        if self.dropping or tag not in _ALLOWED_TAGS:
            return
        kept = "".join(
            f' {name}="{escape(value or "", quote=True)}"'
            for name, value in attrs
            if name in _ALLOWED_ATTRIBUTES and (name not in _URL_ATTRIBUTES or is_safe_url(value))
        )
        self.out.append(f"<{tag}{kept}>")

    def handle_startendtag(self, tag, attrs) -> None:
        if tag in _VOID_TAGS or tag not in _DROP_WITH_CONTENT:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag) -> None:
        if tag in _DROP_WITH_CONTENT:
            if tag not in _VOID_TAGS:
                self.dropping = max(self.dropping - 1, 0)
            return
        if not self.dropping and tag in _ALLOWED_TAGS and tag not in _VOID_TAGS:
            self.out.append(f"</{tag}>")

    def handle_data(self, data) -> None:
        if not self.dropping:
            self.out.append(escape(data, quote=False))
