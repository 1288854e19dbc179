"""Encodings as the site serves them: declared, lying, undeclared, damaged."""

import codecs

import pytest

from gansureader.parse.decode import decode_html

TEXT = "甘肃省兰州市：黄河之滨，堃与镕皆在。"


def page(body: str, charset: str | None) -> str:
    meta = (
        f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        if charset
        else ""
    )
    return f"<html><head>{meta}<title>t</title></head><body><p>{body}</p></body></html>"


def test_gb2312_declaration_decodes_gbk_only_characters():
    data = page(TEXT, "gb2312").encode("gbk")
    assert TEXT in decode_html(data)


def test_utf8_served_under_a_gb2312_declaration_is_read_as_utf8():
    data = page(TEXT, "gb2312").encode("utf-8")
    assert TEXT in decode_html(data)


def test_http_header_wins_over_a_wrong_meta_declaration():
    data = page(TEXT, "utf-8").encode("gb18030")
    assert TEXT in decode_html(data, header_charset="GBK")


@pytest.mark.parametrize("server_default", ["ISO-8859-1", "windows-1252", "latin1"])
@pytest.mark.parametrize(("declared", "encoding"), [("gb2312", "gb18030"), (None, "gb18030")])
def test_a_servers_western_default_charset_does_not_make_a_gbk_page_mojibake(
    server_default, declared, encoding
):
    """Apache's old default sent ISO-8859-1 for every page nobody configured; Latin-1
    decodes any bytes, so only the page's own word (or detection) reads it rightly."""
    data = page(TEXT * 3, declared).encode(encoding)
    assert TEXT in decode_html(data, header_charset=server_default)


def test_byte_order_mark_wins_over_everything():
    data = codecs.BOM_UTF8 + page(TEXT, "gbk").encode("utf-8")
    assert TEXT in decode_html(data, header_charset="gbk")


def test_undeclared_gbk_is_detected():
    long_text = TEXT * 20
    assert long_text in decode_html(page(long_text, None).encode("gbk"))


def test_unknown_charset_name_falls_back_without_crashing():
    data = page(TEXT, "x-no-such-charset").encode("utf-8")
    assert TEXT in decode_html(data)


def test_damaged_bytes_keep_the_readable_text():
    data = page(TEXT, "utf-8").encode("utf-8")
    damaged = data.replace("黄河".encode(), b"\xff\xfe\xfd")
    text = decode_html(damaged)
    assert "甘肃省兰州市" in text and "之滨" in text
