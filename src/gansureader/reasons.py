"""Why an address failed or was passed over, and what keeps the cache from being used, in
the words the sync and the store say it: one English text for the command line, its JSON
and the queue, which the window shows in the reader's language. The texts are templates
with %1, %2 … for what varies (a status, a host, a folder).

The network and sync layers import no Qt: the templates are marked for lupdate with
QT_TRANSLATE_NOOP, a no-op here; the window matches a reason back to its template and
translates that (``ui.failures.reason_phrase``). A reason of no template stays as it is.
"""

from __future__ import annotations

import re


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate reads)
    return text


CONTEXT = "Reasons"

UNREACHABLE = QT_TRANSLATE_NOOP("Reasons", "could not connect (offline, or the site is down)")
HTTP_STATUS = QT_TRANSLATE_NOOP("Reasons", "the server answered HTTP %1")
TOO_SLOW = QT_TRANSLATE_NOOP("Reasons", "no whole answer within %1 s (the server is slow)")
NO_ANSWER_IN_TIME = QT_TRANSLATE_NOOP("Reasons", "the server did not answer in time")
BROKE_OFF = QT_TRANSLATE_NOOP("Reasons", "the connection broke off mid-page")
CLOSED_BEFORE = QT_TRANSLATE_NOOP("Reasons", "the connection closed before any of the page came")
UNTRUSTED = QT_TRANSLATE_NOOP(
    "Reasons",
    "the server's certificate is not trusted (a Wi-Fi login page in between, or this "
    "computer's clock wrong?)",
)
NOT_SECURE = QT_TRANSLATE_NOOP("Reasons", "no secure connection could be made with the server")
DAMAGED_COMPRESSION = QT_TRANSLATE_NOOP("Reasons", "the server sent a damaged compressed page")
OFF_SITE = QT_TRANSLATE_NOOP("Reasons", "redirected to another site: %1 — a Wi-Fi login page?")
TOO_LARGE = QT_TRANSLATE_NOOP("Reasons", "larger than %1, not fetched")
TOO_MANY_REDIRECTS = QT_TRANSLATE_NOOP("Reasons", "more than %1 redirects (a loop?)")
ROBOTS = QT_TRANSLATE_NOOP("Reasons", "the site's robots.txt asks readers not to fetch this page")
MAINTENANCE = QT_TRANSLATE_NOOP(
    "Reasons",
    "the site answered with its maintenance or busy page (网站维护中, 请稍后访问): nothing "
    "was stored",
)
LOGIN_PAGE = QT_TRANSLATE_NOOP(
    "Reasons",
    "the answer was a login page, not 中国甘肃网 (a Wi-Fi login page? log in there, then "
    "refresh): nothing was stored",
)
NOT_THE_SITE = QT_TRANSLATE_NOOP(
    "Reasons",
    "the answer names 中国甘肃网 nowhere (a firewall's or a maintenance page in its place?): "
    "nothing was stored",
)
NO_TEXT = QT_TRANSLATE_NOOP("Reasons", "no article text was found on the page")
NOT_FOUND = QT_TRANSLATE_NOOP("Reasons", "the site says the page was not found (页面没有找到)")
POINTER = QT_TRANSLATE_NOOP("Reasons", "only a pointer to %1")
LEADS_ELSEWHERE = QT_TRANSLATE_NOOP("Reasons", "the address now leads to %1, not to an article")
LIST_NOT_ARTICLE = QT_TRANSLATE_NOOP("Reasons", "a list page where an article was expected")
NO_LIST = QT_TRANSLATE_NOOP(
    "Reasons",
    "no list of articles was found on the channel's page (empty now, or laid out in a way "
    "gansureader does not know yet)",
)
NOT_A_PICTURE = QT_TRANSLATE_NOOP("Reasons", "not a readable picture (damaged, or not an image)")

# Writing out (exports, feeds) and serving feeds.
UNWRITABLE_FILE = QT_TRANSLATE_NOOP("Reasons", "%1: cannot be written (%2)")
SEVERAL_INTO_FILE = QT_TRANSLATE_NOOP("Reasons", "%1: is a file; several articles go into a folder")
FEEDS_PORT = QT_TRANSLATE_NOOP(
    "Reasons", "cannot serve feeds on 127.0.0.1:%1 (%2): choose another port"
)
OPML_TOO_LARGE = QT_TRANSLATE_NOOP("Reasons", "%1: too large for an OPML file (%2 KB)")
OPML_NOT_XML = QT_TRANSLATE_NOOP("Reasons", "%1: not an OPML file (not XML: %2)")
OPML_NO_BODY = QT_TRANSLATE_NOOP("Reasons", "%1: not an OPML file (no <opml> with a <body>)")

# The cache's conditions (store.db), the user's to act on.
DISK_FULL = QT_TRANSLATE_NOOP(
    "Reasons",
    "the disk holding the cache (%1) is full: %2 MB free, and gansureader stops below %3 MB "
    "so that the cache stays whole. Free some space, then sync again: it completes the cache",
)
UNWRITABLE = QT_TRANSLATE_NOOP(
    "Reasons", "the cache folder %1 cannot be written: check its permissions"
)
BUSY = QT_TRANSLATE_NOOP(
    "Reasons", "the cache at %1 is busy (another gansureader is writing): try again"
)
DAMAGED = QT_TRANSLATE_NOOP(
    "Reasons",
    "the cache at %1 is damaged: run 'gansureader check' to replace it (your starred and "
    "read articles are kept)",
)
NOT_A_FOLDER = QT_TRANSLATE_NOOP(
    "Reasons",
    "%1 is not a folder (a file of that name is in the way, there or above it): choose "
    "another data folder",
)
STARTED_ANEW = QT_TRANSLATE_NOOP(
    "Reasons",
    "The cache in %1 was damaged and could not be read whole. It was moved aside as %2, and "
    "a new cache was started with the %3 article(s) it could still read. Your %4 starred and "
    "%5 read article(s) are kept. The next refresh fetches the rest.",
)

TEMPLATES = tuple(
    value
    for name, value in list(globals().items())
    if name.isupper() and isinstance(value, str) and name != "CONTEXT"
)


def fill(template: str, *values: object) -> str:
    """``template`` with %1, %2 … replaced by ``values``."""
    for number, value in enumerate(values, start=1):
        template = template.replace(f"%{number}", str(value))
    return template


def template_of(reason: str) -> tuple[str, tuple[str, ...]] | None:
    """The template ``reason`` was filled from, and what filled it; None for no template."""
    for template, pattern in _patterns():
        if match := pattern.fullmatch(reason):
            return template, match.groups()
    return None


_compiled: list[tuple[str, re.Pattern]] = []


def _patterns() -> list[tuple[str, re.Pattern]]:
    if not _compiled:
        for template in TEMPLATES:
            pattern = re.sub(r"%\d", "(.+?)", re.escape(template))
            _compiled.append((template, re.compile(pattern, re.DOTALL)))
    return _compiled
