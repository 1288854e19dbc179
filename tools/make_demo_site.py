"""Write resources/demo_site/: a small 中国甘肃网 in the mirror layout (SUB/PATH).

Five channels with two list pages each, fifty articles in the site's templates
(UTF-8 and GB2312/GBK pages, a two-page article, pictures with captions, and one
article each of the body's richer kinds: a photo story with pictures between its
paragraphs, a statistics article with 小标题 and a table, one with lists, a quote and
a video, a commentary whose text links to other articles), the
精彩推荐 and 新闻排行 panels (the ranking differs between the list pages, so the
reader has movement to show), small real JPEG/PNG pictures and robots.txt files.
All text is invented for the demo. Deterministic: running it twice writes the
same files.

    .venv/bin/python tools/make_demo_site.py
"""

from __future__ import annotations

import json
import random
import shutil
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "resources" / "demo_site"
SITE = "gscn.com.cn"


@dataclass
class Channel:
    name: str
    group: str
    host: str  # sub-host, as in the mirror's first folder
    path: str  # the list page's path on that host
    charset: str = "utf-8"


CHANNELS = [
    Channel("本网原创", "甘肃新闻", "gansu", "/gsyw/"),
    Channel("省内经济", "财经", "finance", "/sljj/index.html"),
    Channel("省内要闻", "房产", "house", "/fcyw/"),
    Channel("评论甘肃", "理论", "theory", "/gspl/index.shtml"),
    Channel("陇上味道", "美食", "www", "/food/lsfw/index.shtml", charset="gb2312"),
]

TITLES = {
    "本网原创": [
        "兰州黄河风情线夜游项目全面升级",
        "河西走廊千里风电带再添新机组",
        "敦煌莫高窟数字展厅开放预约",
        "天水麦积区樱桃进入采摘旺季",
        "定西马铃薯种薯出口中亚市场",
        "张掖湿地迎来首批迁徙候鸟",
        "陇南茶园春茶采摘忙",
        "甘南草原牧民开展夏季转场",
        "临夏州牡丹文化节开幕",
        "武威古浪八步沙治沙经验交流会召开",
    ],
    "省内经济": [
        "甘肃前四月外贸进出口增长12.6%",
        "兰州新区新材料产业集群初具规模",
        "全省民营企业新增注册量创新高",
        "酒泉新能源装备制造产业链加速延伸",
        "甘肃普惠小微贷款余额突破3000亿元",
        "庆阳数据中心集群投运算力再提升",
        "金昌镍钴新材料项目签约落地",
        "白银有色深加工项目投产",
        "陇东能源基地建设提速",
        "甘肃省出台措施支持个体工商户发展",
    ],
    "省内要闻": [
        "兰州今年改造老旧小区三百余个",
        "天水古城保护修缮工程启动",
        "全省住房公积金缴存人数稳步增长",
        "兰州新区人才公寓交付使用",
        "嘉峪关市推进城市更新行动",
        "平凉市保障性租赁住房集中开工",
        "白银市棚户区改造项目加快建设",
        "兰州轨道交通沿线综合开发规划公布",
        "张掖市装配式建筑占比提升",
        "陇南灾后重建农房全部竣工",
    ],
    "评论甘肃": [
        "让非遗在年轻人手中活起来",
        "以实干担当推动乡村振兴走深走实",
        "守护好母亲河是我们共同的责任",
        "营商环境是发展的生命线",
        "让文旅融合成为增收新引擎",
        "用好红色资源讲好甘肃故事",
        "小切口推动基层治理大提升",
        "数字赋能让政务服务更暖心",
        "以绿色底色描绘发展新画卷",
        "把群众的急难愁盼放在心上",
    ],
    "陇上味道": [
        "一碗牛肉面里的兰州早晨",
        "浆水面：酸香里的夏日记忆",
        "静宁烧鸡的百年手艺",
        "天水呱呱：麦积山下的小吃传奇",
        "临夏手抓羊肉的讲究",
        "河西酿皮的清凉滋味",
        "陇南腊肉的烟火气",
        "甘南酥油茶暖人心",
        "武威三套车的来历",
        "定西洋芋搅团香飘陇原",
    ],
}
PLACES = [
    "兰州",
    "天水",
    "酒泉",
    "张掖",
    "武威",
    "定西",
    "陇南",
    "平凉",
    "庆阳",
    "白银",
    "金昌",
    "嘉峪关",
    "临夏",
    "甘南",
]
SOURCES = ["中国甘肃网", "甘肃日报", "兰州晚报", "每日甘肃网", "新甘肃客户端", "甘肃经济日报"]
EDITORS = ["常欢", "刘洋", "马堃", "朱镕", "赵燕", "陈静", "何静", "王芳"]
SENTENCES = [
    "记者从{place}市有关部门获悉，相关工作进展顺利，各项任务正按计划有序推进。",
    "据介绍，今年以来，{place}累计投入资金{number}亿元，惠及群众{people}万人。",
    "“我们将继续加大力度，让更多群众从中受益。”{place}市相关负责人表示。",
    "在现场，记者看到工作人员正在忙碌，处处呈现出一派热火朝天的景象。",
    "业内人士认为，这项工作的持续推进，为全省高质量发展注入了新的动力。",
    "下一步，{place}将进一步完善配套政策，强化要素保障，确保各项目标任务如期完成。",
    "据统计，截至目前，全省已有{number}个县区开展相关工作，覆盖面持续扩大。",
    "不少市民表示，近年来身边的变化看得见、摸得着，生活越来越方便。",
    "专家指出，要坚持因地制宜、分类施策，把好事办好、实事办实。",
    "{place}还将依托本地特色资源，探索形成可复制、可推广的经验做法。",
]
CAPTIONS = ["图为{place}现场。", "工作人员正在忙碌。 记者 {editor} 摄", "{place}一景。"]


@dataclass
class Article:
    channel: Channel
    index: int
    title: str
    url: str
    date: str  # YYYY-MM-DD
    time: str  # HH:MM
    place: str
    source: str
    editor: str
    pictures: list[str] = field(default_factory=list)  # picture URLs in the body
    thumbnail: str = ""
    pages: int = 1
    kind: str = ""  # a richer body: photo, figures, media or links (see special_body)
    picture_size: tuple[int, int] = (480, 300)


# (channel, index in the channel) → the kind of richer body the article has.
SPECIAL = {
    ("本网原创", 1): "photo",
    ("省内经济", 2): "figures",
    ("省内要闻", 1): "media",
    ("评论甘肃", 1): "links",
}


def build_articles(rng: random.Random) -> list[Article]:
    articles = []
    number = 13200000
    for channel in CHANNELS:
        for index, title in enumerate(TITLES[channel.name]):
            number += 1
            day = 20 - (index * 2 + CHANNELS.index(channel)) % 19
            date = f"2024-05-{day:02d}"
            prefix = "/food" if channel.host == "www" else ""
            url = f"http://{channel.host}.{SITE}{prefix}/system/2024/05/{day:02d}/0{number}.shtml"
            article = Article(
                channel=channel,
                index=index,
                title=title,
                url=url,
                date=date,
                time=f"{8 + index % 10:02d}:{(index * 7) % 60:02d}",
                place=rng.choice(PLACES),
                source=rng.choice(SOURCES),
                editor=rng.choice(EDITORS),
                thumbnail=f"http://www.{SITE}/pic/demo/thumb_{number}.jpg",
            )
            if index % 3 == 0:
                article.pictures = [f"http://{channel.host}.{SITE}/pic/demo/photo_{number}_1.jpg"]
            if index % 5 == 0:
                article.pictures.append(
                    f"http://{channel.host}.{SITE}/pic/demo/photo_{number}_2.png"
                )
            articles.append(article)
    articles[0].pages = 2  # one multi-page article
    for article in articles:
        article.kind = SPECIAL.get((article.channel.name, article.index), "")
        stem = f"http://{article.channel.host}.{SITE}/pic/demo/photo_{article.url[-14:-6]}"
        if article.kind == "photo":
            article.pictures = [f"{stem}_{n}.jpg" for n in (1, 2, 3)]
            article.picture_size = (800, 500)
        elif article.kind == "media":
            article.pictures = [f"{stem}_poster.jpg"]
    return articles


def special_body(article: Article, texts: list[str], articles: list[Article]) -> list[str]:
    """The body of an article of a richer kind, in the markup such pages use."""
    p = [f"<p>　　{escape(text)}</p>" for text in texts]
    if article.kind == "photo":
        one, two, three = article.pictures
        return [
            p[0],
            f'<p style="text-align: center;"><img src="{one}" width="800" height="500" /></p>',
            f'<p style="text-align: center;">图为{article.place}风电场全景。 记者 {article.editor} 摄</p>',
            p[1],
            f'<p align="center"><img src="{two}" /></p>',
            '<p align="center">工作人员正在检修风机。</p>',
            p[2],
            f'<p align="center"><img src="http://www.{SITE}/images/blank.gif" data-original="{three}" /></p>',
            '<p align="center">▲ 夕阳下的风电场。</p>',
            p[3],
            p[4],
        ]
    if article.kind == "figures":
        rows = "".join(
            f"<tr><td>{year}年</td><td>{total}</td><td>{growth}%</td></tr>"
            for year, total, growth in (
                (2021, "38.2", "9.1"),
                (2022, "42.6", "11.5"),
                (2023, "47.1", "10.6"),
            )
        )
        return [
            p[0],
            "<p><strong>一、新增主体持续增长</strong></p>",
            p[1],
            '<table border="1" cellspacing="0" cellpadding="4" align="center">'
            f"<tr><th>年份</th><th>民营企业（万户）</th><th>同比增长</th></tr>{rows}</table>",
            '<p style="text-align:center">数据来源：甘肃省市场监管局</p>',
            "<p><strong>二、下一步工作</strong></p>",
            "<p><b>（一）优化准入服务</b></p>",
            p[2],
            "<p><b>（二）加强政策支持</b></p>",
            p[3],
            p[4],
        ]
    if article.kind == "media":
        return [
            p[0],
            f'<div style="text-align:center"><video src="http://v.{SITE}/video/2024/05/{article.url[-14:-6]}.mp4" '
            f'poster="{article.pictures[0]}" controls="controls" width="640" height="360"></video></div>',
            p[1],
            "<p>　　此次修缮工程主要包括：</p>",
            "<ul><li>古民居院落保护修缮；</li><li>街巷风貌整治；<ul><li>道路铺装</li><li>管线入地</li></ul></li>"
            "<li>历史文化展示空间建设。</li></ul>",
            "<blockquote><p>“修缮不是推倒重来，而是让老建筑延续生命。”</p></blockquote>",
            p[2],
            "<p>　　工程分三步推进：</p>",
            "<ol><li>今年6月完成设计方案</li><li>年底前完成首批院落修缮</li><li>明年全面完工</li></ol>",
            p[3],
            p[4],
        ]
    if article.kind == "links":
        one, two = (
            a for a in articles if a.channel.name in ("本网原创", "省内经济") and a.index == 3
        )
        link = lambda a: f'<a href="{a.url}" target="_blank">《{escape(a.title)}》</a>'  # noqa: E731
        return [
            p[0],
            f"<p>　　近期，{link(one)}一文引发关注。正如{link(two)}所说，"
            "<strong>实干</strong>才是最好的担当。</p>",
            p[1],
            p[2],
            '<p>　　更多政策解读，可访问<a href="http://www.gansu.gov.cn/">甘肃省人民政府网站</a>。</p>',
            p[3],
            p[4],
        ]
    raise ValueError(article.kind)


def paragraphs(article: Article, rng: random.Random, count: int, lead: bool) -> list[str]:
    """A news lead ("5月20日，<headline>。") on first pages, then sentences about the place."""
    month, day = (int(part) for part in article.date.split("-")[1:])
    texts = [f"{month}月{day}日，{article.title}。"] if lead else []
    for sentence in rng.sample(SENTENCES, count):
        texts.append(
            sentence.format(
                place=article.place, number=rng.randint(2, 60), people=rng.randint(1, 90)
            )
        )
    return texts


def header(article_or_channel_name: str, crumbs: list[tuple[str, str]], charset: str) -> str:
    crumb_html = " &gt;&gt; ".join(f'<a href="{url}">{escape(name)}</a>' for name, url in crumbs)
    nav = "".join(
        f'<li><a href="http://{c.host}.{SITE}{c.path}">{escape(c.name)}</a></li>' for c in CHANNELS
    )
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<title>{escape(article_or_channel_name)}--中国甘肃网</title>
<link rel="stylesheet" type="text/css" href="/css/article.css" />
<script type="text/javascript">var siteName = "中国甘肃网";</script>
</head>
<body>
<div class="header"><a href="http://www.{SITE}/"><img src="/pic/demo/logo.png" alt="中国甘肃网" /></a>
<ul class="nav"><li><a href="http://www.{SITE}/">首页</a></li>{nav}</ul></div>
<div class="crumbs">您当前的位置 : {crumb_html}</div>
"""


FOOTER = f"""<div class="footer"><p><a href="http://www.{SITE}/about/">关于我们</a> | <a href="http://www.{SITE}/contact/">联系我们</a></p>
<p>Copyright &copy; 2004-2024 中国甘肃网 All Rights Reserved</p></div>
</body>
</html>
"""


def crumbs_for(channel: Channel) -> list[tuple[str, str]]:
    group_url = f"http://{channel.host}.{SITE}/"
    return [
        ("中国甘肃网", f"http://www.{SITE}/"),
        (channel.group, group_url),
        (channel.name, f"http://{channel.host}.{SITE}{channel.path}"),
    ]


def ranking_for(list_page: int, articles: list[Article], rng: random.Random) -> list[Article]:
    """The 新闻排行 as shown on articles of a list page: it moves between pages."""
    top = articles[::4][:10]
    order = list(top)
    random.Random(list_page * 7919).shuffle(order)
    if list_page == 2:
        order = order[:8] + [articles[-1], articles[-2]]  # two newcomers
    return order


def article_page(
    article: Article, page: int, articles: list[Article], rank: list[Article], rng: random.Random
) -> str:
    texts = paragraphs(article, rng, 4 if page == 1 else 3, lead=page == 1)
    body = []
    if article.kind:
        extra = paragraphs(article, random.Random(article.url), 4, lead=False)
        body = special_body(article, texts[:1] + extra, articles)
        texts = []
    for i, text in enumerate(texts):
        body.append(f"<p>　　{escape(text)}</p>")
        if i == 0 and page == 1:
            for number, picture in enumerate(article.pictures):
                caption = CAPTIONS[number % len(CAPTIONS)].format(
                    place=article.place, editor=article.editor
                )
                body.append(
                    f'<p style="text-align: center;"><img src="{picture}" border="0" /></p>'
                )
                body.append(f'<p style="text-align: center;">{escape(caption)}</p>')
    if article.pages > 1:
        base = article.url.rsplit("/", 1)[1].removesuffix(".shtml")
        first, second = f"{base}.shtml", f"{base}_2.shtml"
        pager = (
            f'<a href="{first}">1</a> <a href="{second}">2</a> <a href="{second}">下一页</a>'
            if page == 1
            else f'<a href="{first}">上一页</a> <a href="{first}">1</a> <a href="{second}">2</a>'
        )
        body.append(f'<div class="pages" style="text-align:center">{pager}</div>')
    if page == article.pages:
        body.append("<p>　　(供稿:中国甘肃网)</p>" if article.index % 4 == 0 else "")
    others = [a for a in articles if a is not article]
    recommended = random.Random(article.url).sample(others, 6)
    recs = "\n".join(
        f'<li><a href="{a.url}"><img src="{a.thumbnail}" alt="{escape(a.title)}" /></a>'
        f'<p><a href="{a.url}">{escape(a.title)}</a></p></li>'
        for a in recommended
    )
    ranking = "\n".join(
        f'<li><span class="num">{n}</span><a href="{a.url}"'
        + (f' title="{escape(a.title)}"' if len(a.title) > 12 and n % 2 else "")
        + f">{escape(a.title[:12])}</a></li>"
        for n, a in enumerate(rank, 1)
    )
    meta = (
        f'<span class="m-frt">{article.date} {article.time}</span> '
        f"<span>来源:{article.source}</span> <span>编辑:{article.editor}</span>"
    )
    return (
        header(article.title, crumbs_for(article.channel), article.channel.charset)
        + f"""<div class="main"><div class="main-left">
<div class="a-header"><h1>{escape(article.title)}</h1>
<div class="info">{meta}</div></div>
<div class="a-container">
{chr(10).join(body)}
</div>
<p class="copyright">版权声明:凡注有稿件来源为“中国甘肃网”的稿件,均为中国甘肃网版权稿件,转载必须注明来源为“中国甘肃网”。</p>
</div>
<div class="main-right">
<div class="box"><h3>精彩推荐</h3><ul>
{recs}
</ul></div>
<div class="box"><h3>关注我们</h3><p>中国甘肃网微博</p><p>中国甘肃网微信</p></div>
<div class="box"><h3>新闻排行</h3><ol>
{ranking}
</ol></div>
</div></div>
<div class="share">分享到：<a href="javascript:void(0)">微博</a> <a href="javascript:void(0)">微信</a></div>
"""
        + FOOTER
    )


def list_page(channel: Channel, items: list[Article], number: int, last: int) -> str:
    lis = "\n".join(
        f'<li><a href="{_relative(a.url, channel)}" target="_blank">{escape(a.title)}</a>'
        f"<span>{a.date.replace('-', '/')}</span></li>"
        for a in items
    )
    stem = channel.path.rsplit("/", 1)[1] or "index.shtml"
    stem, extension = stem.rsplit(".", 1)
    first = channel.path.rsplit("/", 1)[0] + "/"
    pages = [f"{first}{stem}.{extension}"] + [
        f"{first}{stem}_{n}.{extension}" for n in range(2, last + 1)
    ]
    pager = []
    if number > 1:
        pager.append(f'<a href="{pages[number - 2]}">上一页</a>')
    pager += [f'<a href="{p}">{n}</a>' for n, p in enumerate(pages, 1)]
    if number < last:
        pager.append(f'<a href="{pages[number]}">下一页</a>')
    return (
        header(
            f"{channel.name}_{channel.group}",
            crumbs_for(channel)[:2] + [(channel.name, channel.path)],
            channel.charset,
        )
        + f"""<div class="main"><div id="content"><ul>
{lis}
</ul>
<div class="page">{" ".join(pager)}</div>
</div></div>
"""
        + FOOTER
    )


def _relative(url: str, channel: Channel) -> str:
    """List pages link articles root-relative, as the site does."""
    return url.split(SITE, 1)[1] if channel.host != "finance" else url


def mirror_path(url: str) -> Path:
    rest = url.split("://", 1)[1]
    host, _, path = rest.partition("/")
    sub = host.removesuffix("." + SITE)
    if path.endswith("/") or not path:
        path += "index.shtml"
    return ROOT / sub / path


def write(url: str, text: str, charset: str) -> None:
    path = mirror_path(url)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("gbk" if charset == "gb2312" else "utf-8"))


def paint(url: str, width: int, height: int, seed: int) -> None:
    """A small real picture: sky, hills and a sun in colours picked by ``seed``."""
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter, QPolygonF

    rng = random.Random(seed)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    sky = QLinearGradient(0, 0, 0, height)
    sky.setColorAt(0, QColor.fromHsv(rng.randint(190, 230), 120, 240))
    sky.setColorAt(1, QColor.fromHsv(rng.randint(20, 50), 60, 250))
    painter.fillRect(0, 0, width, height, sky)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor.fromHsv(rng.randint(30, 60), 200, 255))
    painter.drawEllipse(
        QPointF(width * rng.uniform(0.2, 0.8), height * 0.3), height * 0.1, height * 0.1
    )
    for layer in range(3):
        points = [QPointF(0, height)]
        for x in range(0, width + 40, 40):
            points.append(QPointF(x, height * (0.45 + 0.12 * layer) + rng.randint(-20, 20)))
        points.append(QPointF(width, height))
        painter.setBrush(QColor.fromHsv(rng.randint(20, 120), 90 + layer * 40, 200 - layer * 50))
        painter.drawPolygon(QPolygonF(points))
    painter.end()
    path = mirror_path(url)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(path), "PNG" if url.endswith(".png") else "JPG", 70)


def main() -> None:
    rng = random.Random(2024)
    if ROOT.exists():
        shutil.rmtree(ROOT)
    articles = build_articles(rng)
    for channel in CHANNELS:
        items = [a for a in articles if a.channel is channel]
        items.sort(key=lambda a: (a.date, a.time), reverse=True)
        pages = [items[:6], items[6:]]
        for number, page_items in enumerate(pages, 1):
            rank = ranking_for(number, articles, rng)
            for article in page_items:
                for page in range(1, article.pages + 1):
                    url = (
                        article.url
                        if page == 1
                        else article.url.replace(".shtml", f"_{page}.shtml")
                    )
                    write(url, article_page(article, page, articles, rank, rng), channel.charset)
            stem, extension = (channel.path.rsplit("/", 1)[1] or "index.shtml").rsplit(".", 1)
            name = f"{stem}.{extension}" if number == 1 else f"{stem}_{number}.{extension}"
            url = f"http://{channel.host}.{SITE}{channel.path.rsplit('/', 1)[0]}/{name}"
            write(url, list_page(channel, page_items, number, len(pages)), channel.charset)
    for seed, article in enumerate(articles):
        paint(article.thumbnail, 160, 100, seed)
        for number, picture in enumerate(article.pictures):
            paint(picture, *article.picture_size, seed * 10 + number)
    paint(f"http://www.{SITE}/pic/demo/logo.png", 120, 40, 0)
    listed = [
        {"name": c.name, "url": f"http://{c.host}.{SITE}{c.path}", "group": c.group}
        for c in CHANNELS
    ]
    (ROOT / "channels.json").write_text(json.dumps(listed, ensure_ascii=False, indent=1) + "\n")
    for host in {channel.host for channel in CHANNELS}:
        (ROOT / host / "robots.txt").write_text(
            "User-agent: *\nDisallow: /cms_sys/\n", encoding="utf-8"
        )
    print(f"{len(articles)} articles in {len(CHANNELS)} channels written to {ROOT}")


if __name__ == "__main__":
    main()
