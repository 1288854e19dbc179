"""What reaches the article view is safe: no scripts, frames, forms, handlers, odd links."""

import dataclasses
from datetime import datetime

import pytest

from conftest import FIXTURE_URLS, fixture_bytes
from gansureader.model import Image, Paragraph, Quote, Run, Table, TableRow, Video
from gansureader.parse import parse_page
from gansureader.render import MAX_BLOCKS, MAX_TABLE_CELLS, TRUNCATED, article_html
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
        body=(
            Paragraph(
                (
                    Run("<iframe src=x></iframe> 正文 "),
                    Run("链接", href="http://gansu.gscn.com.cn/system/a.shtml"),
                    Run("坏链接", href="javascript:alert(1)"),
                )
            ),
            Image("javascript:alert(1)", "x"),
            Image("file:///etc/passwd", None),
            Video("javascript:alert(2)", "data:image/png;base64,AAAA"),
        ),
    )
    html = article_html(hostile)
    assert "<script>" not in html and "<iframe" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;标题" in html
    assert "javascript:" not in html and "file:" not in html and "data:" not in html
    assert '<a href="http://gansu.gscn.com.cn/system/a.shtml">链接</a>' in html  # kept
    assert "坏链接" in html  # the text of a bad link stays, without the link


def test_blocks_are_rendered_in_the_pages_order():
    page = parse_page(fixture_bytes("media_list.html"), FIXTURE_URLS["media_list.html"])
    html = article_html(page)
    marks = ["7月20日晚", "cunba_poster.jpg", "▶ 在浏览器中播放", "<ul>", "<ol>", "篮球让村里"]
    marks += ["<br>当晚", "据悉", "v.qq.com"]
    places = [html.index(mark) for mark in marks]
    assert places == sorted(places)
    assert "<i>32支</i>" in html


def test_headings_tables_and_captions_are_shown_as_such():
    page = parse_page(fixture_bytes("policy_table.html"), FIXTURE_URLS["policy_table.html"])
    html = article_html(page)
    assert '<h2 class="heading">一、总体要求</h2>' in html
    assert '<h3 class="heading">（一）持续优化营商环境</h3>' in html
    assert "<th>指标</th>" in html and "<td>4812</td>" in html
    photo = parse_page(fixture_bytes("photo_inline.html"), FIXTURE_URLS["photo_inline.html"])
    html = article_html(photo)
    assert (
        html.index("river_01.jpg") < html.index("图为市民在黄河岸边散步") < html.index("中山桥畔")
    )


def test_what_is_too_long_to_show_is_cut_and_says_so():
    page = parse_page(fixture_bytes("seed_article.html"), FIXTURE_URLS["seed_article.html"])
    rows = tuple(TableRow((str(n), str(n * 2))) for n in range(2000))
    long_table = dataclasses.replace(page, body=(Table(rows), Paragraph((Run("表后文字。"),))))
    html = article_html(long_table)
    assert html.count("<tr>") == MAX_TABLE_CELLS // 2 and TRUNCATED in html
    assert "表后文字。" in html  # the rest of the article is still there
    many = dataclasses.replace(page, body=(Paragraph((Run("段落。"),)),) * 100_000)
    html = article_html(many)
    assert html.count("段落。") == MAX_BLOCKS and TRUNCATED in html


@pytest.mark.parametrize("shape", ["paragraph", "lines", "quote"])
def test_a_page_written_as_one_paragraph_is_cut_inside_it(shape):
    """A page with no paragraphs is one block of a megabyte (an unclosed <blockquote> one
    quote of it): laid out whole, a click held the window for seconds. The window's view
    is cut inside it; exports are whole."""
    page = parse_page(fixture_bytes("seed_article.html"), FIXTURE_URLS["seed_article.html"])
    line = "兰州新区经济发展稳步推进，群众生活持续改善。"
    block = {
        "paragraph": Paragraph((Run(line),) * 60_000),
        "lines": Paragraph((Run(line), Run("\n")) * 60_000),
        "quote": Quote("\n".join([line] * 60_000)),
    }[shape]
    huge = dataclasses.replace(page, body=(block, Paragraph((Run("后文。"),))))
    html = article_html(huge)
    assert TRUNCATED in html and "后文。" not in html
    assert 100 < html.count("兰州新区经济发展") < 1_000  # the first screens, not 60 000
    assert article_html(huge, whole=True).count("兰州新区经济发展") == 60_000


def test_one_renderer_shows_the_author_in_every_output(tmp_path, capsys):
    import feedparser

    from gansureader.cli import main
    from gansureader.model import ArticlePage, Channel, Heading, ListBlock, Quote
    from gansureader.parse.dates import BEIJING
    from gansureader.render import article_markdown, article_text
    from gansureader.store import Store

    published = datetime(2024, 6, 1, 10, 0, tzinfo=BEIJING)
    url = "http://gansu.gscn.com.cn/system/2024/06/01/013399999.shtml"
    article = ArticlePage(
        url,
        "署名文章",
        published,
        source="甘肃日报",
        editor="王五",
        author="李四",
        contributor="省农业农村厅",
        body=(
            Paragraph((Run("正文第一段。"),)),
            Heading(2, "小标题"),
            ListBlock(True, ("一项", "两项")),
            Quote("引用的话"),
        ),
    )
    meta = "2024-06-01 10:00 · 来源：甘肃日报 · 编辑：王五 · 作者：李四"
    html = article_html(article)
    assert meta in html and "（供稿：省农业农村厅）" in html
    markdown = article_markdown(article, lambda url: None)
    assert meta in markdown and "## 小标题" in markdown and "1. 一项" in markdown
    text = article_text(article)
    assert "2024-06-01 10:00  来源：甘肃日报  编辑：王五  作者：李四" in text
    assert "【小标题】" in text and "  > 引用的话" in text
    channel = Channel("本网原创", "http://gansu.gscn.com.cn/gsyw/", "甘肃新闻")
    with Store(tmp_path / "cache") as store:
        store.save_article(article, channels=[channel], validators={})
    out = tmp_path / "feeds"
    assert main(["feeds", "export", str(out), "--data-dir", str(tmp_path / "cache")]) == 0
    capsys.readouterr()
    (entry,) = feedparser.parse(str(out / "feeds" / "all.atom")).entries
    assert "作者：李四" in entry.content[0].value
    assert {person.name for person in entry.contributors} == {"王五", "李四"}
    assert "作者：李四" in [tag.label for tag in entry.tags]
