"""What a reader notices about parsed pages, across all fixtures and on focused inputs."""

from urllib.parse import urlsplit

import pytest

from conftest import FIXTURE_URLS, fixture_bytes
from gansureader.model import ArticlePage, ListingPage, NotFoundPage, RedirectPage
from gansureader.parse import parse_page

ARTICLES = [
    name
    for name in FIXTURE_URLS
    if "article" in name or name.startswith(("multipage", "table", "photo", "unknown", "truncated"))
]
FURNITURE = (
    "版权声明",
    "分享到",
    "关注我们",
    "字号",
    "下一页",
    "上一页",
    "打印",
    "关闭",
    "Copyright",
    "ICP备",
    "微博",
    "责任编辑",
    "供稿",
    "您当前的位置",
)


def parse_fixture(name):
    return parse_page(fixture_bytes(name), FIXTURE_URLS[name])


@pytest.mark.parametrize("name", ARTICLES)
def test_articles_have_title_date_and_body_without_furniture(name):
    page = parse_fixture(name)
    assert isinstance(page, ArticlePage)
    assert page.title and page.published_at is not None and page.paragraphs
    assert not page.title.endswith("中国甘肃网")
    for paragraph in page.paragraphs:
        assert not any(word in paragraph for word in FURNITURE), paragraph
        assert paragraph == paragraph.strip() and "\u3000" not in paragraph


@pytest.mark.parametrize("name", sorted(FIXTURE_URLS))
def test_every_url_is_absolute(name):
    def urls(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key in ("url", "image", "next_page", "target") and item is not None:
                    yield item
                else:
                    yield from urls(item)
        elif isinstance(value, list):
            for item in value:
                yield from urls(item)

    for url in urls(parse_fixture(name).to_dict()):
        parts = urlsplit(url)
        assert parts.scheme in ("http", "https") and parts.netloc, url


def test_seed_page_reads_as_the_browser_shows_it():
    page = parse_fixture("seed_article.html")
    assert page.breadcrumb == ("中国甘肃网", "甘肃省人力资源和社会保障厅", "要闻聚焦")
    assert page.published_at.isoformat() == "2023-12-23T11:53:00+08:00"
    assert (page.source, page.editor) == ("甘肃省人力资源和社会保障厅", "常欢")
    assert page.contributor == "厅职业能力建设处"
    assert page.paragraphs[0].startswith("近日，中共甘肃省委组织部")
    assert len(page.paragraphs) == 4


def test_recommendations_list_each_title_once_with_its_thumbnail():
    recommended = parse_fixture("seed_article.html").recommendations
    assert len(recommended) == 8
    assert len({item.title for item in recommended}) == 8
    assert all(item.image and item.image.endswith(".jpg") for item in recommended)
    assert "家有两月龄小宝宝" in recommended[2].title and recommended[2].title.count("家有") == 1


def test_ranking_has_full_titles_where_the_page_gives_them():
    ranked = parse_fixture("seed_article.html").ranking
    assert [item.rank for item in ranked] == list(range(1, 16))
    # From the link's title attribute:
    assert ranked[0].title == "【甘肃临夏积石山6.2级地震】党旗在一线高高飘扬"
    # From the recommendation of the same article on the page:
    assert ranked[5].title == "歌曲《爱心是世上最美的情愫》最新发布！"
    # Nowhere given in full: kept as shown.
    assert ranked[14].title == "甘肃粮食生产再获丰收"


def test_gb2312_page_keeps_gbk_only_characters_and_trailing_editor():
    page = parse_fixture("gbk_article.html")
    assert "王堃" in page.paragraphs[2]
    assert page.editor == "朱镕"
    assert page.author == "马堃"
    assert page.published_at.isoformat() == "2023-12-23T09:05:00+08:00"
    assert all("【" not in paragraph for paragraph in page.paragraphs)


def test_page_declaring_gb2312_but_written_in_utf8_reads_cleanly():
    page = parse_fixture("table_layout.html")
    assert page.title == "浆水面：陇上人家的消夏美食"
    assert "\ufffd" not in "".join(page.paragraphs)
    assert page.editor == "张晓梅" and page.source == "兰州晨报"


def test_images_keep_their_captions():
    images = parse_fixture("images_article.html").images
    assert [image.caption for image in images] == [
        "图为工作人员在分拣包装花牛苹果。",
        "满载苹果的冷链货车整装待发。 记者 李明 摄",
        None,
    ]
    photo = parse_fixture("photo_story.html")
    assert len(photo.images) == 4 and all(image.caption for image in photo.images)


def test_multi_page_article_links_its_pages():
    first, second = parse_fixture("multipage_1.html"), parse_fixture("multipage_2.html")
    assert first.next_page == FIXTURE_URLS["multipage_2.html"]
    assert second.next_page is None  # its 下一页 points at itself
    assert first.title == second.title
    assert set(first.paragraphs).isdisjoint(second.paragraphs)


_PAGED = "http://gansu.gscn.com.cn/system/2024/07/15/013200001.shtml"


@pytest.mark.parametrize(
    ("pager", "url", "following"),
    [
        ('<a href="013200001_2.shtml">下一页&gt;</a>', _PAGED, "013200001_2.shtml"),
        ('<a href="013200001_2.shtml">[下一页]</a>', _PAGED, "013200001_2.shtml"),
        ('<a href="013200001_2.shtml">下一页 &gt;&gt;</a>', _PAGED, "013200001_2.shtml"),
        ('<a href="013200001_2.shtml">下页 ›</a>', _PAGED, "013200001_2.shtml"),
        # page numbers alone: the link to this address's next number
        (
            '<a href="013200001.shtml">1</a> <a href="013200001_2.shtml">2</a>'
            ' <a href="013200001_3.shtml">3</a>',
            _PAGED,
            "013200001_2.shtml",
        ),
        (
            '<a href="013200001.shtml">1</a> <a href="013200001_2.shtml">2</a>'
            ' <a href="013200001_3.shtml">3</a>',
            _PAGED.replace(".shtml", "_2.shtml"),
            "013200001_3.shtml",
        ),
    ],
)
def test_every_pager_leads_to_the_next_page(pager, url, following):
    html = _template_page("", after_body=f'<div class="pages">{pager}</div>')
    assert parse_page(html, url).next_page == _PAGED.rsplit("/", 1)[0] + "/" + following


@pytest.mark.parametrize(
    ("pager", "url"),
    [
        (
            '<a href="013200001.shtml">1</a> <a href="013200001_2.shtml">2</a>',
            _PAGED[:-6] + "_2.shtml",
        ),
        ('<a href="/">首页</a> <a href="013200009_2.shtml">相关文章第二页</a>', _PAGED),
        ('<a href="013200005.shtml">下一页的内容预告</a>', _PAGED),  # words, not a pager
    ],
)
def test_the_last_page_and_other_links_lead_nowhere(pager, url):
    html = _template_page("", after_body=f'<div class="pages">{pager}</div>')
    assert parse_page(html, url).next_page is None


def test_listing_reads_dated_items_in_order_and_its_next_page():
    page = parse_fixture("listing.html")
    assert isinstance(page, ListingPage)
    assert len(page.items) == 20
    assert page.items[0].date == "2023-12-23" and page.items[-1].date == "2023-12-17"
    # absolute, root-relative and ../ links all resolve to the same article form
    assert {urlsplit(item.url).netloc for item in page.items} == {"gansu.gscn.com.cn"}
    assert page.items[4].title == "天水麦积山石窟推出冬季研学线路"  # from title=, not "…研..."
    assert page.next_page == "http://gansu.gscn.com.cn/gsyw/index_2.shtml"
    assert "兰州牛肉面入选非遗名录" not in [item.title for item in page.items]  # sidebar


_LIST_URL = "http://gansu.gscn.com.cn/szxw/index.shtml"
_LIST_TITLES = ["武威沙产业发展迅速", "金昌镍都新貌", "白银黄河石林景区升级"]


def _list_page(rows: str) -> bytes:
    return f"""<html><head><meta charset="utf-8"><title>市州新闻_中国甘肃网</title></head>
    <body><div class="nav"><a href="/">首页</a> <a href="/szxw/">市州新闻</a></div>{rows}
    <p><a href="index_2.shtml">下一页</a></p><div>今天是2024年7月15日</div>
    </body></html>""".encode()


def _rows(template: str) -> str:
    return "".join(
        template.format(url=f"../system/2010/05/{12 - n}/01150000{n}.shtml", title=t, day=12 - n)
        for n, t in enumerate(_LIST_TITLES)
    )


@pytest.mark.parametrize(
    "rows",
    [
        "<table>"
        + _rows('<tr><td><a href="{url}">{title}</a></td><td>[2010-05-{day}]</td></tr>')
        + "</table>",
        '<div class="news">'
        + _rows(
            '<div class="item"><h3><a href="{url}">{title}</a></h3><p>摘要……</p>'
            '<span class="time">2010-05-{day} 08:30</span></div>'
        )
        + "</div>",
        "<dl>" + _rows('<dd><a href="{url}">{title}</a> <em>2010/05/{day}</em></dd>') + "</dl>",
        # a headline above the list, both under the #content the site's lists sit in
        '<div id="content"><div class="top"><div><a href="../system/2010/05/13/011500009.shtml">'
        "头条新闻</a> 2010-05-13</div></div><table>"
        + _rows('<tr><td><a href="{url}">{title}</a></td><td>2010-05-{day}</td></tr>')
        + "</table></div>",
    ],
)
def test_a_list_written_without_li_is_a_listing(rows):
    page = parse_page(_list_page(rows), _LIST_URL)
    assert isinstance(page, ListingPage)
    assert [item.title for item in page.items] == _LIST_TITLES
    assert page.items[0].url == "http://gansu.gscn.com.cn/system/2010/05/12/011500000.shtml"
    assert page.items[0].date == "2010-05-12"
    assert page.next_page == "http://gansu.gscn.com.cn/szxw/index_2.shtml"


def test_a_link_whose_host_is_in_capitals_is_the_same_article():
    row = '<tr><td><a href="{url}">{title}</a></td><td>2010-05-{day}</td></tr>'
    capitals = row.format(
        url="HTTP://Gansu.GSCN.com.cn/system/2010/05/12/011500000.shtml", title="头条", day=12
    )
    page = parse_page(_list_page(f"<table>{capitals}{_rows(row)}</table>"), _LIST_URL)
    assert [item.url for item in page.items] == [
        "http://gansu.gscn.com.cn/system/2010/05/12/011500000.shtml",  # once, not twice
        "http://gansu.gscn.com.cn/system/2010/05/11/011500001.shtml",
        "http://gansu.gscn.com.cn/system/2010/05/10/011500002.shtml",
    ]


@pytest.mark.parametrize("printed", ["05-12", "[5/12]", "5月12日", "05-12 08:30"])
def test_a_list_that_prints_the_day_alone_is_dated_by_its_articles_addresses(printed):
    rows = _rows(f'<li><a href="{{url}}">{{title}}</a> <span>{printed}</span></li>')
    page = parse_page(_list_page(f"<ul>{rows}</ul>"), _LIST_URL)
    assert [item.title for item in page.items] == _LIST_TITLES
    assert [item.date for item in page.items] == ["2010-05-12", "2010-05-11", "2010-05-10"]


def test_a_day_alone_beside_an_address_with_no_calendar_day_dates_nothing():
    rows = _rows('<li><a href="{url}">{title}</a> <span>05-12</span></li>')
    rows += '<li><a href="/system/2010/13/45/011500009.shtml">无此日</a> <span>05-12</span></li>'
    page = parse_page(_list_page(f"<ul>{rows}</ul>"), _LIST_URL)
    assert [item.title for item in page.items] == _LIST_TITLES


def test_rows_of_links_that_are_no_articles_make_no_listing():
    rows = _rows('<div><a href="/about/{day}.html">{title}</a> 2010-05-{day}</div>')
    assert not isinstance(parse_page(_list_page(rows), _LIST_URL), ListingPage)


def test_listing_paged_by_script_gets_its_next_page():
    page = parse_fixture("listing_maxpage.html")
    assert page.next_page.endswith("c0003001000000000000_000000004.shtml")


def test_soft_404_and_refresh_stub_are_never_articles():
    assert isinstance(parse_fixture("soft_404.html"), NotFoundPage)
    stub = parse_fixture("meta_refresh.html")
    assert isinstance(stub, RedirectPage)
    assert stub.target == "https://www.gansudaily.com.cn/system/2024/01/10/031000001.shtml"


@pytest.mark.parametrize(
    ("title", "heading"),
    [
        ("404 Not Found", "Not Found"),  # nginx's own
        ("提示信息_中国甘肃网", "抱歉，您访问的页面不存在或已被删除"),
        ("文章不存在", ""),
        ("Page not found - 中国甘肃网", "页面未找到"),
    ],
)
def test_a_page_saying_it_is_not_there_is_a_soft_404(title, heading):
    page = (
        f"<html><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><h1>{heading}</h1><p>返回首页</p></body></html>"
    ).encode()
    url = "http://gansu.gscn.com.cn/system/2024/05/18/013200002.shtml"
    assert isinstance(parse_page(page, url), NotFoundPage)


def test_an_article_with_404_in_its_title_is_an_article():
    page = parse_fixture("seed_article.html")
    assert isinstance(page, ArticlePage)
    for title in ("404名学生参加兰州新区技能大赛", "404 名学生参加兰州新区技能大赛"):
        data = fixture_bytes("seed_article.html").replace(page.title.encode(), title.encode())
        again = parse_page(data, page.url)
        assert isinstance(again, ArticlePage) and again.title == title


def test_unknown_template_yields_title_date_and_body():
    page = parse_fixture("unknown_template.html")
    assert page.title == "甘肃将新建改扩建幼儿园200所"
    assert page.published_at.isoformat() == "2024-03-08T16:05:00+08:00"
    assert len(page.paragraphs) == 4
    assert not any("相关阅读" in paragraph for paragraph in page.paragraphs)


def test_truncated_page_still_yields_what_it_holds():
    page = parse_fixture("truncated.html")
    assert page.title == "兰州中山铁桥夜景亮化提升工程完工"
    assert (page.source, page.editor) == ("兰州晚报", "何静")
    assert page.breadcrumb == ("中国甘肃网", "甘肃新闻")
    assert page.paragraphs[-1].endswith("市民")


def test_refresh_that_only_reloads_a_full_article_is_not_a_stub():
    html = fixture_bytes("seed_article.html").replace(
        b"<title>", b'<meta http-equiv="refresh" content="300; url=/other.shtml" /><title>', 1
    )
    assert isinstance(parse_page(html, FIXTURE_URLS["seed_article.html"]), ArticlePage)


def test_same_bytes_and_url_give_the_same_page():
    data = fixture_bytes("seed_article.html")
    url = FIXTURE_URLS["seed_article.html"]
    assert parse_page(data, url) == parse_page(data, url)


def _nested(depth: int, tag: str = "div") -> bytes:
    inner = (
        '<div class="a-header"><h1>深层文章</h1><div class="info">2024-06-01 10:00 '
        '来源:中国甘肃网 编辑:测试</div></div><div class="a-container">'
        "<p>　　第一段正文，包在一千层标签里，读者仍然要读到它。</p>"
        "<p>　　第二段正文，说明解析器不会把深层页面读成空文章。</p></div>"
    )
    return (
        '<html><head><meta charset="utf-8"><title>深层文章--中国甘肃网</title></head><body>'
        + f"<{tag}>" * depth
        + inner
        + f"</{tag}>" * depth
        + "</body></html>"
    ).encode()


@pytest.mark.parametrize(("depth", "tag"), [(1000, "div"), (10_000, "div"), (3000, "font")])
def test_a_page_nested_deeper_than_libxml2_holds_yields_its_paragraphs(depth, tag):
    page = parse_page(_nested(depth, tag), "http://gansu.gscn.com.cn/system/2024/06/01/0133.shtml")
    assert isinstance(page, ArticlePage)
    assert page.paragraphs == (
        "第一段正文，包在一千层标签里，读者仍然要读到它。",
        "第二段正文，说明解析器不会把深层页面读成空文章。",
    )
    assert (page.title, page.source, page.editor) == ("深层文章", "中国甘肃网", "测试")


def test_parse_says_so_when_a_page_has_no_article_text(tmp_path, capsys):
    from gansureader.cli import main

    empty = tmp_path / "empty.html"
    empty.write_bytes(
        b'<html><head><meta charset="utf-8"><title>x--\xe4\xb8\xad\xe5\x9b\xbd\xe7\x94\x98'
        b"\xe8\x82\x83\xe7\xbd\x91</title></head><body><h1>x</h1></body></html>"
    )
    assert main(["parse", str(empty)]) == 2
    assert "no article text was found" in capsys.readouterr().err


def _template_page(crumb: str, first_line: str = "", after_body: str = "") -> bytes:
    """An article of a template with no 您当前的位置 before its path."""
    return f"""<html><head><meta charset="utf-8"><title>临夏州推进城乡环境整治_中国甘肃网</title>
    </head><body>{crumb}<h1>临夏州推进城乡环境整治</h1>
    <div class="meta">2020-01-02 03:04 来源：每日甘肃网</div>
    <div id="content">{first_line}
    <p>临夏州持续推进城乡环境综合整治，全州村容村貌明显改善，群众满意度不断提升。</p>
    <p>下一步，临夏州将建立长效机制，巩固整治成果，让乡村更美、群众更富。</p></div>
    {after_body}</body></html>""".encode()


@pytest.mark.parametrize(
    "crumb",
    [
        '<div class="position">中国甘肃网 &gt; 甘肃新闻 &gt; 市州新闻</div>',
        '<td class="nav">中国甘肃网 &gt;&gt; 甘肃新闻 &gt;&gt; 市州新闻</td>',
        '<div class="crumbs"><a href="/">中国甘肃网</a> / <a href="/gsxw/">甘肃新闻</a>'
        ' / <a href="/szxw/">市州新闻</a></div>',
        '<p><a href="/">首页</a> » <a href="/gsxw/">甘肃新闻</a> » 市州新闻</p>',
    ],
)
def test_a_path_with_no_marker_before_it_is_the_breadcrumb(crumb):
    page = parse_page(_template_page(crumb), FIXTURE_URLS["seed_article.html"])
    assert page.breadcrumb[1:] == ("甘肃新闻", "市州新闻")
    assert not any("市州新闻" in paragraph for paragraph in page.paragraphs)


@pytest.mark.parametrize(
    "line",
    [
        "<p>中国甘肃网/新甘肃记者 张三</p>",  # a byline: a slash between no links
        "<p>中国甘肃网 > 这是一句话而不是栏目的路径，它比任何栏目的名字都长得多。</p>",
        '<div class="header"><a href="/">中国甘肃网</a> | <a href="/gsxw/">甘肃新闻</a></div>',
    ],
)
def test_a_line_that_only_starts_like_a_path_is_no_breadcrumb(line):
    page = parse_page(_template_page("", first_line=line), FIXTURE_URLS["seed_article.html"])
    assert page.breadcrumb == ()
    assert len(page.paragraphs) >= 2


@pytest.mark.parametrize(
    "marker", ["您现在的位置：", "您所在的位置:", "当前所在位置：", "现在位置："]
)
def test_a_path_after_any_words_for_where_you_are_is_the_breadcrumb(marker):
    crumb = (
        f'<td class="lm">{marker}<a href="/">中国甘肃网</a> &gt;&gt; '
        '<a href="/gsxw/">甘肃新闻</a> &gt;&gt; 市州新闻</td>'
    )
    page = parse_page(
        _template_page(f"<table><tr>{crumb}</tr></table>"), FIXTURE_URLS["seed_article.html"]
    )
    assert page.breadcrumb == ("中国甘肃网", "甘肃新闻", "市州新闻")


def test_words_for_a_place_in_a_sentence_are_no_breadcrumb():
    line = "<p>救援人员通过定位确定了被困群众所在位置，随即展开救援。</p>"
    page = parse_page(_template_page("", first_line=line), FIXTURE_URLS["seed_article.html"])
    assert page.breadcrumb == ()
    assert page.paragraphs[0] == "救援人员通过定位确定了被困群众所在位置，随即展开救援。"


@pytest.mark.parametrize(
    "line",
    ["【责任编辑：李明】", "(编辑：李明)", "编辑：李明", "（责任编辑:李明）", "(责编：李明)"],
)
def test_an_editor_line_after_the_body_is_the_editor(line):
    page = parse_page(
        _template_page("", after_body=f"<table><tr><td>{line}</td></tr></table>"),
        FIXTURE_URLS["seed_article.html"],
    )
    assert page.editor == "李明"
    assert not any("李明" in paragraph for paragraph in page.paragraphs)


def test_an_editor_named_as_zebian_in_the_meta_line_is_the_editor():
    page = parse_page(
        _template_page("").replace(
            "来源：每日甘肃网".encode(), "来源：每日甘肃网 责编：李明".encode()
        ),
        FIXTURE_URLS["seed_article.html"],
    )
    assert page.editor == "李明" and page.source == "每日甘肃网"


def test_a_meta_line_with_no_year_is_dated_and_its_source_kept():
    page = parse_page(
        _template_page("").replace(
            "2020-01-02 03:04 来源：每日甘肃网".encode(), "01-02 03:04 来源：每日甘肃网".encode()
        ),
        "http://gansu.gscn.com.cn/system/2020/01/02/013200001.shtml",
    )
    assert page.published_at.isoformat() == "2020-01-02T03:04:00+08:00"
    assert page.source == "每日甘肃网"
    assert not any("每日甘肃网" in paragraph for paragraph in page.paragraphs)


def test_a_date_with_no_year_and_no_label_under_the_title_keeps_its_time():
    page = parse_page(
        _template_page("").replace("2020-01-02 03:04 来源：每日甘肃网".encode(), b"01-02 03:04"),
        "http://gansu.gscn.com.cn/system/2020/01/02/013200001.shtml",
    )
    assert page.published_at.isoformat() == "2020-01-02T03:04:00+08:00"


def test_an_undated_page_at_an_address_with_no_calendar_day_has_no_date():
    html = _template_page("").replace(b"2020-01-02 03:04 ", b"")
    page = parse_page(html, "http://gansu.gscn.com.cn/system/2024/13/45/013200001.shtml")
    assert page.published_at is None and len(page.paragraphs) == 2


@pytest.mark.parametrize(
    ("meta", "after_body"),
    [
        # the date in the meta line, the source in a block of its own after the article
        (
            '<div class="meta">2020-01-02 03:04</div>',
            '<div class="foot"><span>来源：每日甘肃网</span></div>',
        ),
        # the two deeper apart than a meta line's parts are looked for
        (
            '<div class="meta"><div><div><span>【来源：每日甘肃网】</span></div></div>'
            "<div><div><span>2020-01-02 03:04</span></div></div></div>",
            "",
        ),
        # 稿源, a rarer word for 来源: in the meta line, and on a line of its own
        ('<div class="meta">发布时间：2020.01.02 03:04 稿源：每日甘肃网</div>', ""),
        (
            '<div class="meta">2020-01-02 03:04</div>',
            '<div class="foot"><span>（稿源：每日甘肃网）</span></div>',
        ),
    ],
)
def test_a_source_on_a_line_of_its_own_is_the_source(meta, after_body):
    html = _template_page("", after_body=after_body).replace(
        '<div class="meta">2020-01-02 03:04 来源：每日甘肃网</div>'.encode(), meta.encode()
    )
    page = parse_page(html, FIXTURE_URLS["seed_article.html"])
    assert page.source == "每日甘肃网"
    assert page.published_at.isoformat() == "2020-01-02T03:04:00+08:00"


def test_a_line_that_only_mentions_a_source_names_none():
    html = _template_page("", after_body="<p>资金来源：省级财政</p><p>来源：</p>").replace(
        " 来源：每日甘肃网".encode(), b""
    )
    assert parse_page(html, FIXTURE_URLS["seed_article.html"]).source is None


@pytest.mark.parametrize(
    ("body", "unavailable"),
    [
        ("<h1>系统维护中</h1><p>网站正在进行系统升级维护，请稍后访问。</p>", True),
        ("<p>服务器繁忙，请稍后再试。</p>", True),
        ("<h1>503 Service Unavailable</h1>", True),
        ("<h1>您访问的页面不存在</h1><p>请稍后再试，或返回首页。</p>", False),  # a soft 404
        (  # a short article of a bare template: it has its date
            "<h1>电网检修维护</h1><div>2024-06-03 09:15 来源：兰州日报</div>"
            "<p>国网兰州供电公司今起对城区线路进行检修维护，请用户提前做好准备。</p>",
            False,
        ),
    ],
)
def test_the_sites_maintenance_page_is_told_from_a_short_article_and_a_soft_404(body, unavailable):
    from gansureader.parse.site import is_unavailable_page

    page = f"""<html><head><meta charset="utf-8"><title>中国甘肃网</title></head><body>
    {body}<div class="footer">中国甘肃网 版权所有</div></body></html>""".encode()
    assert is_unavailable_page(page) is unavailable
    assert is_unavailable_page(page.decode().encode("gb18030")) is unavailable


def _bare_page(head: str, body: str) -> bytes:
    paragraphs = "".join(
        f"<p>第{n}段：兰州新区经济发展稳步推进，群众生活持续改善。</p>" for n in range(8)
    )
    return (
        f'<html><head><meta charset="utf-8">{head}</head><body>{body}'
        f'<div class="content">{paragraphs}</div><div>中国甘肃网</div></body></html>'
    ).encode()


@pytest.mark.parametrize("head", ["", "<title>兰州新区经济发展_中国甘肃网</title>"])
def test_an_unclosed_title_heading_is_the_title_alone(head):
    """<h1> never closed: the parser nests the whole article in it; its own line is the title."""
    html = _bare_page(
        head, '<h1>兰州新区<b>经济</b>发展<div class="info">2024-03-08 09:15 来源：甘肃日报</div>'
    )
    page = parse_page(html, FIXTURE_URLS["seed_article.html"])
    assert page.title == "兰州新区经济发展"
    assert page.source == "甘肃日报" and len(page.paragraphs) == 8


def test_a_title_no_reader_could_use_is_cut():
    page = parse_page(
        _bare_page(f"<title>{'很长的标题' * 2000}</title>", ""), FIXTURE_URLS["seed_article.html"]
    )
    assert len(page.title) == 201 and page.title.endswith("…")


def test_control_characters_in_a_page_show_as_nothing_as_in_a_browser():
    """A stray NUL (a CMS's slip) made the whole page "binary data", an article never
    stored; a backspace pasted into a title reached the list, the feeds and the exports."""
    html = (
        '<html><head><meta charset="utf-8"><title>测试\x08文章_中国甘肃网</title></head><body>'
        '<h1>测试\x08文章</h1><div class="info">2024-03-08 09:15 来源：甘肃\x0b日报</div>'
        '<div class="content"><p>第一段文字，兰州新区\x00经济发展稳步推进。</p>'
        "<p>第二段文字，群众生活\x1b持续改善。</p></div><div>中国甘肃网</div></body></html>"
    )
    page = parse_page(html.encode(), FIXTURE_URLS["seed_article.html"])
    assert page.title == "测试文章" and page.source == "甘肃日报"
    assert page.paragraphs == (
        "第一段文字，兰州新区经济发展稳步推进。",
        "第二段文字，群众生活持续改善。",
    )
