"""robots.txt as RFC 9309 reads it, for the one crawler this app is.

Not urllib.robotparser: it takes the first rule that matches where the standard takes the
longest (``Allow: /`` above ``Disallow: /private/`` let everything through), knows no ``*``
or ``$`` (``Disallow: /*?`` disallowed nothing), ignores a group naming us with a version
(``gansureader/1.0``) and reads only the first of two groups for the same agent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

# Left as they are when a rule and a URL are put in one spelling (RFC 3986's delimiters,
# the rules' * and $); every other character, non-ASCII too, is %-escaped in capitals.
_KEEP = "!$&'()*+,/:;=?@~"


@dataclass(frozen=True)
class _Rule:
    allow: bool
    length: int  # the rule's path as written, in octets: the longest match wins
    pattern: re.Pattern


@dataclass(frozen=True)
class Rules:
    """What one host's robots.txt asks of us."""

    rules: tuple[_Rule, ...] = ()
    crawl_delay: float = 0.0  # seconds between two pages (not in the RFC; widely written)

    def allows(self, url: str) -> bool:
        parts = urlsplit(url)
        target = _normalised(parts.path or "/")
        if parts.query:
            target += "?" + _normalised(parts.query)
        if target == "/robots.txt":
            return True
        best: _Rule | None = None
        for rule in self.rules:
            if rule.pattern.match(target) and (
                best is None
                or rule.length > best.length
                or (rule.length == best.length and rule.allow)  # a tie: allow wins
            ):
                best = rule
        return best is None or best.allow


NO_RULES = Rules()


def parse(text: str, agent: str) -> Rules:
    """The rules of ``text`` for the crawler whose product token is ``agent``: the groups
    naming it (combined), else those for ``*``, else none."""
    groups: list[tuple[list[str], list[tuple[str, str]]]] = []
    for key, value in _lines(text):
        if key == "user-agent":
            if not groups or groups[-1][1]:  # an agent after rules begins a new group
                groups.append(([], []))
            groups[-1][0].append(value.split("/")[0].strip().lower())
        elif groups and key in ("allow", "disallow", "crawl-delay"):
            groups[-1][1].append((key, value))
    ours = [lines for agents, lines in groups if agent.lower() in agents]
    if not ours:
        ours = [lines for agents, lines in groups if "*" in agents]
    rules, delay = [], 0.0
    for key, value in (line for lines in ours for line in lines):
        if key == "crawl-delay":
            delay = delay or _seconds(value)
        elif value:  # an empty Disallow allows all; an empty Allow says nothing
            rules.append(_Rule(key == "allow", len(value.encode()), _pattern(value)))
    return Rules(tuple(rules), delay)


def _lines(text: str):
    for line in text.removeprefix("\ufeff").splitlines():
        key, colon, value = line.split("#", 1)[0].partition(":")
        if colon:
            yield key.strip().lower(), value.strip()


def _pattern(path: str) -> re.Pattern:
    """A rule's path as a regular expression matched at the start of a URL's path:
    ``*`` any run of characters, ``$`` at the end the end of the URL."""
    anchored = path.endswith("$")
    pieces = _normalised(path[:-1] if anchored else path).split("*")
    return re.compile(".*".join(map(re.escape, pieces)) + ("$" if anchored else ""), re.S)


def _normalised(text: str) -> str:
    """One spelling for ``/专题/``, ``/%E4%B8%93%E9%A2%98/`` and ``/%e4%b8%93%e9%a2%98/``."""
    return quote(unquote(text), safe=_KEEP)


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        return 0.0
    return seconds if 0 < seconds < float("inf") else 0.0
