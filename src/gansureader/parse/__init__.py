"""The page parser: ``parse_page(data, url)`` turns a page of 中国甘肃网 into dataclasses.

The parser itself (and lxml under it) is imported on first use of ``parse_page``,
``ParseError`` or ``MAX_PAGE_BYTES``: knowing the parser's version costs nothing, so a
window with nothing to re-read never loads it.
"""

# Raised whenever the parser reads pages differently; the app then re-reads the cache's
# kept pages in the background. 1: flat paragraphs and pictures; 2: the body in blocks;
# 3: a breadcrumb with no 您当前的位置 before it, an editor line outside the body, dates
# in ISO 8601 or with no year, pagers of other templates (a multi-page article whole),
# pictures in srcset or UEditor's _src, links whose host is in capitals; 4: a 来源 line
# apart from the meta line; 5: a path after 您现在的位置 / 当前所在位置 (any words for
# "where you are" as a label), an editor line written 编辑：… or (编辑：…), the time of a
# date with no year and no label under the title, a player whose data-src is a media file;
# 6: 稿源 read as 来源, 责编 as 责任编辑, an unclosed <h1>'s own line as the title, titles cut
# at 200 characters, control characters dropped from the text (a page with a stray NUL read).
PARSER_VERSION = 6

__all__ = ["MAX_PAGE_BYTES", "PARSER_VERSION", "ParseError", "parse_page"]


def __getattr__(name: str):
    if name in ("MAX_PAGE_BYTES", "ParseError", "parse_page"):
        from . import page

        return getattr(page, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
