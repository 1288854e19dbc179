"""The page parser: ``parse_page(data, url)`` turns a page of 中国甘肃网 into dataclasses."""

from .page import MAX_PAGE_BYTES, ParseError, parse_page

__all__ = ["MAX_PAGE_BYTES", "ParseError", "parse_page"]
