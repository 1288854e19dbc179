"""What answered for an address, as the sync takes it: the site's page, or why it is none
(a Wi-Fi login, a firewall's page, the site's own maintenance page; a soft 404, a
pointer, a list where an article was expected)."""

from __future__ import annotations

from . import reasons
from .model import ArticlePage, NotFoundPage, RedirectPage
from .net import Fetched, Refused
from .parse import ParseError
from .parse.site import is_login_page, is_unavailable_page, names_the_site


class Skipped(Exception):
    """The URL is no article (soft 404, refresh stub): reported, not a failure.
    ``gone``: the site says there is nothing there (页面没有找到)."""

    def __init__(self, reason: str, gone: bool = False):
        super().__init__(reason)
        self.gone = gone


def site_page(url: str, fetched: Fetched) -> bytes:
    """The page's bytes, unless what answered is plainly not the site's page (a Wi-Fi
    login, a firewall's page, the site's own maintenance page: tried again next sync)."""
    if is_unavailable_page(fetched.data, fetched.charset):
        raise Refused(url, reasons.MAINTENANCE)
    if names_the_site(fetched.data):
        return fetched.data
    if is_login_page(fetched.data):
        raise Refused(url, reasons.LOGIN_PAGE)
    raise Refused(url, reasons.NOT_THE_SITE)


def article_or_skip(page, asked: str) -> ArticlePage:
    """The article of the page that answered for ``asked``, else why there is none."""
    if isinstance(page, ArticlePage):
        if not page.body:  # read wrong, or cut short: stored, it would never be fetched again
            raise ParseError(reasons.NO_TEXT)
        return page
    if isinstance(page, NotFoundPage):
        raise Skipped(reasons.NOT_FOUND, gone=True)
    if isinstance(page, RedirectPage):
        raise Skipped(reasons.fill(reasons.POINTER, page.target))
    if page.url != asked:  # sent on to a channel or the front page: how sites drop a page
        raise Skipped(reasons.fill(reasons.LEADS_ELSEWHERE, page.url), gone=True)
    raise Skipped(reasons.LIST_NOT_ARTICLE)
