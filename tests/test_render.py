"""What reaches the article view is safe: no scripts, frames, forms, handlers, odd links."""

import dataclasses

from conftest import FIXTURE_URLS, fixture_bytes
from gansureader.model import Image
from gansureader.parse import parse_page
from gansureader.render import article_html
from gansureader.sanitize import sanitize_html

HOSTILE = (
    '<p onclick="steal()" style="background:url(javascript:x)">text'
    "<script>alert(1)</script><iframe src='http://evil.example/'></iframe>"
    '<a href="javascript:alert(1)">js</a><a href="file:///etc/passwd">file</a>'
    '<a href="http://gansu.gscn.com.cn/x.shtml" onmouseover="x()">ok</a>'
    "<form action='http://evil.example/'><input name=a></form>"
    "<style>body{display:none}</style><object data=x></object>"
    '<img src="file:///tmp/a.png"><img src="http://www.gscn.com.cn/a.jpg" onerror="x()"></p>'
)


def test_sanitizer_removes_everything_unsafe():
    clean = sanitize_html(HOSTILE)
    for bad in (
        "script",
        "iframe",
        "form",
        "input",
        "style",
        "object",
        "onclick",
        "onerror",
        "onmouseover",
        "javascript:",
        "file:",
        "alert",
        "evil.example",
    ):
        assert bad not in clean, bad
    assert '<a href="http://gansu.gscn.com.cn/x.shtml">ok</a>' in clean
    assert '<img src="http://www.gscn.com.cn/a.jpg">' in clean
    assert "text" in clean


def test_article_text_is_escaped_and_odd_addresses_dropped():
    page = parse_page(fixture_bytes("images_article.html"), FIXTURE_URLS["images_article.html"])
    hostile = dataclasses.replace(
        page,
        title="<script>alert(1)</script>标题",
        paragraphs=("<iframe src=x></iframe> 正文 http://gansu.gscn.com.cn/system/a.shtml",),
        images=(Image("javascript:alert(1)", "x"), Image("file:///etc/passwd", None)),
    )
    html = article_html(hostile)
    assert "<script>" not in html and "<iframe" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;标题" in html
    assert "javascript:" not in html and "file:" not in html
    assert '<a href="http://gansu.gscn.com.cn/system/a.shtml">' in html  # body link kept
