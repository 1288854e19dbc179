"""The page parser: ``parse_page(data, url)`` turns a page of 中国甘肃网 into dataclasses."""

from .page import MAX_PAGE_BYTES, ParseError, parse_page

# Raised whenever the parser reads pages differently; the app then re-reads the cache's
# kept pages in the background. 1: flat paragraphs and pictures; 2: the body in blocks.
PARSER_VERSION = 2

__all__ = ["MAX_PAGE_BYTES", "PARSER_VERSION", "ParseError", "parse_page"]
