"""The body as it was written: every block in the page's order, with its type.

Fixture pages in several of the site's templates, then small pages built here for
the shapes a body takes and for bad input.
"""

import time

import pytest

from conftest import FIXTURE_URLS, fixture_bytes
from gansureader.model import Heading, Image, ListBlock, Paragraph, Quote, Table, Video
from gansureader.parse import parse_page

URL = "http://gansu.gscn.com.cn/system/2024/05/20/013200001.shtml"


def parse_fixture(name):
    return parse_page(fixture_bytes(name), FIXTURE_URLS[name])


def body_page(body: str, url: str = URL):
    """A page in the site's common template with ``body`` as the article's text."""
    html = f"""<html><head><meta charset="utf-8"><title>测试文章_中国甘肃网</title></head><body>
    <div class="crumbs">您当前的位置 : <a href="http://www.gscn.com.cn/">中国甘肃网</a></div>
    <div class="a-header"><h1>测试文章</h1>
    <div class="info"><span>2024-05-20 10:00</span> <span>来源:中国甘肃网</span></div></div>
    <div class="a-container">{body}</div>
    <div class="footer">Copyright © 中国甘肃网</div></body></html>"""
    return parse_page(html.encode("utf-8"), url)


def kinds(page):
    return [block.type for block in page.body]


def test_photo_story_keeps_each_picture_between_its_paragraphs_with_its_caption():
    page = parse_fixture("photo_inline.html")
    assert kinds(page) == ["paragraph", "image"] * 4 + ["paragraph"]
    pictures = [block for block in page.body if isinstance(block, Image)]
    assert [p.url.rsplit("/", 1)[1] for p in pictures] == [f"river_0{n}.jpg" for n in range(1, 5)]
    assert pictures[0].caption.startswith("图为市民")  # centred paragraph after the picture
    assert pictures[1].caption.endswith("拍照留念。")  # text in the picture's own paragraph
    assert pictures[2].caption is None  # the next paragraph is text, not a caption
    assert pictures[3].caption == "夕阳下的白塔山公园。"  # <figcaption>
    assert (pictures[0].width, pictures[0].height) == (640, 427)
    assert (pictures[1].width, pictures[1].height) == (600, 400)  # from the inline style
    paragraphs = " ".join(page.paragraphs)
    assert not any(p.caption and p.caption in paragraphs for p in pictures)  # never twice


def test_ornaments_and_placeholders_never_reach_the_body():
    urls = [block.url for block in parse_fixture("photo_inline.html").images]
    assert not any(word in url for url in urls for word in ("blank", "spacer", "share", "logo"))
    # The lazy-loaded picture's real, protocol-relative address, made absolute:
    assert urls[0] == "http://gansu.gscn.com.cn/pic/2024/12/08/river_01.jpg"


def test_policy_article_has_its_headings_and_table_of_figures_in_place():
    page = parse_fixture("policy_table.html")
    assert kinds(page) == [
        "paragraph",
        "heading",
        "paragraph",
        "heading",
        "heading",
        "paragraph",
        "heading",
        "paragraph",
        "heading",
        "table",
        "paragraph",
        "table",
        "paragraph",
    ]
    headings = [block for block in page.body if isinstance(block, Heading)]
    assert [(h.level, h.text) for h in headings[:3]] == [
        (2, "一、总体要求"),
        (2, "二、主要任务"),
        (3, "（一）持续优化营商环境"),
    ]
    figures, regions = [block for block in page.body if isinstance(block, Table)]
    assert figures.rows[0].header and figures.rows[0].cells == (
        "指标",
        "2021年",
        "2022年",
        "2023年",
    )
    assert figures.rows[1].cells[0] == "民营经济增加值（亿元）"  # a cell holding a <p>
    assert not figures.rows[1].header and len(figures.rows) == 4
    assert regions.rows[0].header  # a bold first row heads the table
    # A bold word inside a sentence is a run, not a heading:
    mixed = page.body[5]
    assert isinstance(mixed, Paragraph) and [r.strong for r in mixed.runs] == [False, True, False]
    assert page.contributor == "省发展改革委" and page.editor == "赵燕"


def test_lists_quote_videos_and_line_breaks_keep_their_place():
    page = parse_fixture("media_list.html")
    assert kinds(page) == [
        "paragraph",
        "video",
        "paragraph",
        "list",
        "paragraph",
        "list",
        "quote",
        "paragraph",
        "paragraph",
        "video",
        "paragraph",
    ]
    video, player = [block for block in page.body if isinstance(block, Video)]
    assert video.url.endswith("cunba.mp4") and video.poster.endswith("cunba_poster.jpg")
    assert player.url.startswith("https://v.qq.com/") and player.poster is None
    bullets, steps = [block for block in page.body if isinstance(block, ListBlock)]
    assert not bullets.ordered and steps.ordered
    assert bullets.items[1:4] == (
        "赛程周期长：比赛持续至9月底；",
        "小组赛：7月至8月",
        "淘汰赛：9月",
    )
    quote = next(block for block in page.body if isinstance(block, Quote))
    assert quote.text.startswith("“篮球") and quote.text.endswith("使。”")
    broken = page.body[7]
    assert [run.text for run in broken.runs][1] == "\n"  # one <br>: a line break
    assert page.body[8].text.startswith("据悉")  # <br><br> and an indent: a new paragraph
    assert page.body[0].runs[1].em


def test_links_in_the_text_are_kept_resolved_and_only_when_safe():
    page = parse_fixture("text_links.html")
    links = [(run.text, run.href) for block in page.body for run in block.runs if run.href]
    assert links == [
        (
            "《“甘味”农产品展销会签约额创新高》",
            "http://finance.gscn.com.cn/system/2024/09/13/013280001.shtml",
        ),
        ("此前报道", "http://theory.gscn.com.cn/system/2024/09/10/013280002.shtml"),
        ("农业农村部网站", "http://www.moa.gov.cn/"),
        ("以品牌建设推动乡村振兴", "http://theory.gscn.com.cn/system/2024/09/01/013280003.shtml"),
    ]
    assert "或阅读此处的说明" in page.paragraphs[2]  # a javascript: link stays as text


def test_video_players_of_every_kind_are_found():
    page = body_page(
        "<p>第一段。</p>"
        '<script>var player = new Player({url: "http://v.gscn.com.cn/a/one.m3u8"});</script>'
        "<p>第二段。</p>"
        '<embed src="http://www.gscn.com.cn/player.swf" flashvars="f=http://v.gscn.com.cn/two.mp4">'
        '<div class="player" vurl="/video/three.mp4"><img src="/pic/three.jpg"></div>'
        '<object data="http://www.gscn.com.cn/flash.swf"></object>'
        "<p>第三段。</p>"
    )
    assert kinds(page) == ["paragraph", "video", "paragraph", "video", "video", "paragraph"]
    urls = [block.url for block in page.body if isinstance(block, Video)]
    assert urls == [
        "http://v.gscn.com.cn/a/one.m3u8",
        "http://v.gscn.com.cn/two.mp4",
        "http://gansu.gscn.com.cn/video/three.mp4",
    ]
    assert page.body[4].poster == "http://gansu.gscn.com.cn/pic/three.jpg"


def test_a_player_whose_lazy_address_is_a_media_file_is_a_video_and_a_lazy_picture_is_not():
    page = body_page(
        "<p>第一段。</p>"
        '<div class="player" data-src="/video/2024/06/03/four.m3u8?v=2"></div>'
        '<p><img src="/images/blank.gif" data-src="/pic/five.jpg"></p>'
        '<div data-src="http://[bad/six.mp4"></div>'
        "<p>第二段。</p>"
    )
    assert kinds(page) == ["paragraph", "video", "image", "paragraph"]
    assert page.body[1].url == "http://gansu.gscn.com.cn/video/2024/06/03/four.m3u8?v=2"


def test_a_layout_table_is_read_as_text_not_as_a_table():
    page = body_page(
        "<table><tr><td width='600'>"
        + ("<p>　　这是一段很长的正文，" + "内容" * 120 + "。</p>") * 2
        + "<img src='/pic/a.jpg'><p style='text-align:center'>图为现场。</p>"
        + "<p>　　最后一段。</p></td><td width='10'> </td></tr></table>"
    )
    assert kinds(page) == ["paragraph", "paragraph", "image", "paragraph"]
    assert page.body[2].caption == "图为现场。"


@pytest.mark.parametrize(
    "source",
    ["", "data:image/gif;base64,R0lGODlhAQABAAAAACw=", "javascript:alert(1)", "#", "   "],
)
def test_a_picture_without_a_usable_source_is_left_out_and_the_text_kept(source):
    page = body_page(f'<p>前文。</p><p><img src="{source}"></p><p>后文。</p>')
    assert kinds(page) == ["paragraph", "paragraph"]


@pytest.mark.parametrize(
    "picture",
    [
        '<img srcset="/p/a.jpg 1x, /p/a@2x.jpg 2x">',  # no src at all: the first candidate
        '<img data-srcset="/p/a.jpg 600w" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">',
        '<img _src="/p/a.jpg" src="/images/blank.gif">',  # UEditor's own address
    ],
)
def test_a_picture_is_found_wherever_its_template_keeps_its_address(picture):
    page = body_page(f"<p>兰州新区经济平稳发展。</p><p>{picture}</p><p>群众生活持续改善。</p>")
    assert [block.url for block in page.body if isinstance(block, Image)] == [
        "http://gansu.gscn.com.cn/p/a.jpg"
    ]


def test_huge_tables_deep_lists_and_long_bodies_parse_whole_and_quickly():
    rows = "".join(f"<tr><td>{n}</td><td>{n * 2}</td></tr>" for n in range(2000))
    wide = "<tr>" + "".join(f"<td>{n}</td>" for n in range(200)) + "</tr>"
    nested = "<ul><li>层" * 50 + "</li></ul>" * 50
    start = time.perf_counter()
    page = body_page(
        f"<p>开头。</p><table>{rows}</table><table>{wide}{wide}</table>{nested}<p>结尾。</p>"
    )
    assert time.perf_counter() - start < 30  # a sanity bound, not a benchmark
    assert kinds(page) == ["paragraph", "table", "table", "list", "paragraph"]
    assert len(page.body[1].rows) == 2000 and len(page.body[2].rows[0].cells) == 200
    assert page.body[3].items == ("层",) * 50
    assert page.body[-1].text == "结尾。"


def test_a_body_of_100000_paragraphs_is_read_to_its_end():
    page = body_page("".join(f"<p>第{n}段。</p>" for n in range(100_000)))
    assert page.paragraphs[0] == "第0段。"
    assert len(page.body) == 2000  # capped, never mid-block
    assert all(isinstance(block, Paragraph) for block in page.body)


def test_bad_rankings_are_stored_as_seen_where_sane_and_clipped_where_not():
    rows = "".join(
        f'<li><span>{rank}</span><a href="/system/2024/05/01/0{n:08d}.shtml">{title}</a></li>'
        for n, (rank, title) in enumerate(
            [(1, "甲"), (1, "乙"), (0, "丙"), (9999, "丁"), (5, "长" * 2000)]
            + [(n, f"文章{n}") for n in range(6, 600)]
        )
    )
    links = '<a href="http://www.example.com/x.html">站外文章</a>'
    html = f"""<html><head><meta charset="utf-8"><title>排行测试_中国甘肃网</title></head><body>
    <h1>排行测试</h1><div class="info">2024-05-20 10:00 来源:测试</div>
    <div class="a-container"><p>正文。</p></div>
    <div class="box"><h3>新闻排行</h3><ol>{rows}<li>{links}</li></ol></div></body></html>"""
    ranking = parse_page(html.encode("utf-8"), URL).ranking
    assert len(ranking) == 100  # clipped
    assert [item.rank for item in ranking[:5]] == [1, 2, 3, 4, 5]  # repeats and 0/9999 placed
    assert len(ranking[4].title) == 201 and ranking[4].title.endswith("…")
    assert len({item.rank for item in ranking}) == 100  # never two lines with one rank


def test_a_photo_credit_after_a_picture_is_its_caption_but_a_sentence_is_not():
    page = body_page(
        '<p>前文。</p><p><img src="/pic/b.jpg"></p><p>新华社记者 李四 摄</p>'
        '<p><img src="/pic/c.jpg"></p><p>他说自己最喜欢拍摄</p><p>后文。</p>'
    )
    credited, plain = page.images
    assert credited.caption == "新华社记者 李四 摄" and plain.caption is None
    assert "他说自己最喜欢拍摄" in page.paragraphs


@pytest.mark.parametrize(
    ("line", "field", "value"),
    [
        ("（责任编辑：张三）", "editor", "张三"),
        ("(编辑：李四)", "editor", "李四"),
        ("（作者：孙七）", "author", "孙七"),
    ],
)
def test_bracketed_editor_and_author_lines_go_to_their_fields(line, field, value):
    page = body_page(f"<p>正文第一段。</p><p>{line}</p>")
    assert getattr(page, field) == value and page.paragraphs == ("正文第一段。",)


def test_a_source_line_at_the_end_fills_a_missing_source():
    html = """<html><head><meta charset="utf-8"><title>无来源_中国甘肃网</title></head><body>
    <h1>无来源</h1><div class="info">2024-05-20 10:00</div><div class="a-container">
    <p>正文第一段，内容充实。</p><p>（来源：甘肃日报）</p></div></body></html>"""
    page = parse_page(html.encode("utf-8"), URL)
    assert page.source == "甘肃日报" and page.paragraphs == ("正文第一段，内容充实。",)


@pytest.mark.parametrize("name", ["pic-txt", "img_title", "caption", "tpsm"])
def test_a_box_named_for_a_caption_after_a_picture_is_its_caption(name):
    text = "这是一段足够长的正文，用来模拟真实的新闻报道内容，其中包含了很多信息。"
    page = body_page(
        f'<p>{text}</p><p><img src="/pic/a.jpg"></p><p class="{name}">兰州新区一景</p><p>{text}</p>'
    )
    assert [block.type for block in page.body] == ["paragraph", "image", "paragraph"]
    assert page.images[0].caption == "兰州新区一景"


def test_addresses_nothing_could_fetch_leave_their_text_and_nothing_else():
    page = body_page(
        "<p>　　第一段，链接<a href='http://[bad/x.shtml'>坏</a>和图片<img src='http://a:b/p.jpg'>。</p>"
        "<video src='/v/a\x01b.mp4'></video><p>　　第二段，播放器的地址里有控制字符。</p>"
    )
    assert set(kinds(page)) == {"paragraph"}  # the picture and the player are gone
    assert "第一段，链接坏和图片" in page.body[0].text  # the link's text stays, unlinked
    assert not any(run.href for run in page.body[0].runs)
    assert page.body[-1].text == "第二段，播放器的地址里有控制字符。"


@pytest.mark.parametrize(
    ("base", "picture"),
    [
        ("http://pic.gscn.com.cn/2024/", "http://pic.gscn.com.cn/2024/pic/a.jpg"),
        ("http://[bad/", "http://gansu.gscn.com.cn/system/2024/05/20/pic/a.jpg"),  # unreadable
    ],
)
def test_a_base_address_places_relative_pictures_unless_it_cannot_be_read(base, picture):
    page = parse_page(
        f"""<html><head><meta charset="utf-8"><base href="{base}"><title>测试_中国甘肃网</title>
        </head><body><div class="a-header"><h1>测试文章</h1><div class="info">
        <span>2024-05-20 10:00</span> <span>来源:中国甘肃网</span></div></div>
        <div class="a-container"><p>　　第一段文字足够长，说明这是正文的一部分。</p>
        <p style="text-align:center"><img src="pic/a.jpg"></p></div></body></html>""".encode(),
        URL,
    )
    assert [block.url for block in page.body if isinstance(block, Image)] == [picture]
