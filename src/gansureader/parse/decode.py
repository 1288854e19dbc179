"""Bytes to text, trusting BOM, HTTP header, the page's own declaration, then detection.

Pages are UTF-8 or GB2312/GBK. GB2312 declarations routinely hide GBK-only
characters (堃, 镕), so the whole GB family is decoded as its superset GB18030.
Declarations also lie outright (GB2312 declared, UTF-8 served); a strict decode
decides, and nothing is ever replaced with U+FFFD if some charset reads it cleanly.
"""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">,
# and the XML declaration of XHTML pages.
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""",
    re.IGNORECASE,
)
# The declaration must come early; looking further would pick up quoted markup in articles.
_DECLARATION_WINDOW = 4096
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "euc-cn", "x-gbk", "cp936", "hz-gb-2312"}
# What web servers send when nobody configured a charset (Apache's ISO-8859-1 of old):
# no page of a Chinese portal is in one, and they decode any bytes without an error, so
# a strict decode could never catch them. The page's own declaration is taken instead,
# else none (UTF-8, then detection).
_SERVER_DEFAULTS = {"iso8859-1", "cp1252", "ascii"}


def decode_html(data: bytes, header_charset: str | None = None) -> str:
    """Decode a page's bytes; ``header_charset`` is the HTTP Content-Type charset, if any."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    header = _normalise(header_charset)
    if header in _SERVER_DEFAULTS:
        header = None
    declared = header or _normalise(declared_charset(data))
    if declared and declared != "utf-8" and _is_multibyte_utf8(data):
        # Valid multi-byte UTF-8 is next to impossible by accident in GBK text, so
        # a page that passes a strict UTF-8 decode is UTF-8 whatever it declares.
        return data.decode("utf-8")
    for encoding in (declared, "utf-8"):
        if encoding:
            try:
                return data.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                pass
    return _detect(data, fallback=declared or "utf-8")


def declared_charset(data: bytes) -> str | None:
    """The charset the page declares in its first few kilobytes, as written."""
    match = _DECLARED.search(data, 0, _DECLARATION_WINDOW)
    if not match:
        return None
    return (match.group(1) or match.group(2)).decode("ascii", errors="ignore")


def _normalise(charset: str | None) -> str | None:
    if not charset:
        return None
    charset = charset.strip().strip("\"'").lower()
    if charset in _GB_FAMILY:
        return "gb18030"
    try:
        name = codecs.lookup(charset).name
    except LookupError:
        return None
    return "utf-8" if name == "utf-8" else name


def _is_multibyte_utf8(data: bytes) -> bool:
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _detect(data: bytes, fallback: str) -> str:
    # Imported here: detection is rare and charset_normalizer is slow to import.
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        encoding = _normalise(best.encoding) or best.encoding
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    # No charset decodes every byte: the page is damaged, keep what can be read.
    return data.decode(fallback, errors="replace")
