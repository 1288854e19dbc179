"""Everything the parser knows about 中国甘肃网's markup and wording, in one place.

Labels, headings, boilerplate markers and the class/id hints seen on the site's
templates. A redesign of the site should only need changes here. Class names are
hints that add weight; blocks are found by what they say and how they are built.
"""

import re

from ..addresses import ARTICLE_URL  # noqa: F401 (the URL shapes live with the domain)
from .dates import has_date
from .decode import decode_html

SITE_NAME = "中国甘肃网"

# The date an article URL carries, a last resort when the page shows none.
URL_DATE = re.compile(r"/system/(\d{4})/(\d{2})/(\d{2})/")

# <title> ends with the site name, sometimes after channel names: "标题_甘肃新闻_中国甘肃网".
TITLE_SUFFIX = re.compile(r"\s*(?:_|-{1,2}|\||｜|—{1,2})\s*[^_|｜]*" + SITE_NAME + r".*$")
TITLE_CHANNEL_SUFFIX = re.compile(r"(?:_[^_]{1,12})+$")

# What a page the site (or its CMS, or its web server) puts where an article was says in
# its title or <h1>: a soft 404, answered 200.
NOT_FOUND_MARKERS = (
    "页面没有找到",
    "页面不存在",
    "页面未找到",
    "找不到页面",
    "找不到您要访问的页面",
    "您访问的页面不存在",
    "文章不存在",
    "稿件不存在",
    "信息不存在",
)
NOT_FOUND_TITLE = re.compile(  # "404", "404 Not Found", "404 - 页面…"; not "404 名学生…"
    r"^\s*(?:(?:HTTP\s*)?404(?:\s*$|\s*[-–—_|:：]|\s+not found|\s*错误|\s+error)"
    r"|not found\b|page not found\b)",
    re.IGNORECASE,
)

# The words for "where you are" before a path: 您当前的位置, 您现在的位置, 当前所在位置 …
BREADCRUMB_MARKERS = (
    "当前的位置",
    "当前位置",
    "您的位置",
    "现在的位置",
    "现在位置",
    "所在的位置",
    "所在位置",
)
# … as a label: followed by a colon or an arrow, or straight by the path; in a sentence
# (救援人员确定了被困者所在位置。) they are no marker.
BREADCRUMB_LABEL = re.compile(
    "(?:" + "|".join(BREADCRUMB_MARKERS) + r")\s*(?:[:：>»›]|(?=中国甘肃网|首页)|$)"
)
BREADCRUMB_SEPARATOR = re.compile(r"\s*(?:>>|&gt;&gt;|>|»|›|→|/)\s*")
# Where a path with no marker before it starts: 中国甘肃网 > 甘肃新闻 > 市州新闻.
BREADCRUMB_ROOTS = ("中国甘肃网", "首页")
# A path is a short line of short names; a longer one is a sentence or a menu.
BREADCRUMB_MAX_CHARS = 80
BREADCRUMB_NAME_MAX_CHARS = 20

# Labels of the meta line under the title. 稿源 is a rarer word for 来源 (and 信息来源,
# 稿件来源 hold 来源).
SOURCE_LABELS = ("来源", "稿源")
EDITOR_LABELS = ("责任编辑", "责编", "编辑")  # 责编: 责任编辑 cut short
AUTHOR_LABEL = "作者"

# Containers that held the article body on known templates.
BODY_HINTS = ("a-container", "pic_mainbox", "content", "TRS_Editor", "article-content")
BODY_HINT_WEIGHT = 1.5
# Boxes that are never the article, whatever their text (readability's "unlikely
# candidates"): reader comments, related and recommended news, share bars, sidebars.
# A class or id token naming one, as a whole word of it.
NOT_BODY_HINT = re.compile(
    r"(?:^|[\s_-])(?:comments?|cmt|reply|replies|related|relate|recommend\w*|tuijian|xgxw|"
    r"share|sharebar|sidebar|side|footer|foot|guess|hotnews|hot|ranking|paihang)(?:$|[\s_-])",
    re.IGNORECASE,
)

# Sections after the body. Their heading starts them; the next heading ends them.
RECOMMENDATIONS_HEADING = "精彩推荐"
RANKING_HEADING = "新闻排行"
SECTION_HEADINGS = (
    RECOMMENDATIONS_HEADING,
    RANKING_HEADING,
    "关注我们",
    "分享到",
    "热点推荐",
    "相关新闻",
    "图片新闻",
)
# Every word the parser looks for by text, found in one scan of the page.
KEYWORDS = tuple(
    dict.fromkeys(
        (
            *SECTION_HEADINGS,
            *BREADCRUMB_MARKERS,
            *BREADCRUMB_ROOTS,
            *SOURCE_LABELS,
            *EDITOR_LABELS,
            AUTHOR_LABEL,
            "发布时间",
        )
    )
)
MORE_LINK_TEXTS = ("更多", "更多>>", "more", "MORE", ">>")
# Bad panels are clipped where no reader could use more (the site shows 8 and 15 items);
# so is a title (the site's are under 50 characters; a bad page's <title> may hold 10 000).
MAX_PANEL_ITEMS = 100
MAX_TITLE = 200

# A paragraph starting with one of these is page furniture, not article text.
BOILERPLATE_STARTS = (
    "版权声明",
    "分享到",
    "关注我们",
    "字号",
    "【打印】",
    "【关闭】",
    "【我要纠错】",
    "打印本页",
    "关闭窗口",
    "扫一扫",
    "中国甘肃网微博",
    "中国甘肃网微信",
)
# Footer lines: copyright, licence numbers, complaint hotlines. Never prose, wherever they sit.
FURNITURE_MARKERS = ("ICP备", "Copyright", "copyright", "©", "版权所有", "举报电话", "举报邮箱")
FURNITURE_MAX_CHARS = 80

# Link texts cut short end in an ellipsis; the title attribute, where given, is whole.
TRUNCATION = re.compile(r"\s*(?:\.{2,}|…+)$")

PAGER_WORDS = ("上一页", "下一页", "首页", "尾页", "末页")
# The pager's link as templates write it: 下一页, [下一页], 下一页>, 下一页 >>, 下页 ›.
NEXT_PAGE_LINK = re.compile(r"^[\[【(（<«‹\s]*下一?页\s*[\]】)）>»›\s]*$")
# Page N + 1 of an address: 013200001.shtml → 013200001_2.shtml, index_2 → index_3.
NUMBERED_PAGE = re.compile(r"^(.*?/[^/]+?)(?:_(\d{1,3}))?(\.s?html?)$")
# A pager line holds nothing but pager words, page numbers and brackets.
PAGER_LINE = re.compile(
    r"^(?:[\s\[\]【】<>«»|]|\d+|" + "|".join(PAGER_WORDS) + r"|共\d+页|第\d+页)+$"
)

CONTRIBUTOR_LINE = re.compile(r"^[（(]\s*供稿\s*[:：]\s*(.+?)\s*[)）]$")
_EDITOR = "|".join(EDITOR_LABELS)
_SOURCE = "|".join(SOURCE_LABELS)
EDITOR_LINE = re.compile(rf"^[【\[（(]?\s*(?:{_EDITOR})\s*[:：]\s*(.+?)\s*[】\]）)]?$")
AUTHOR_LINE = re.compile(r"^[（(]?\s*作者\s*[:：]\s*(.+?)\s*[）)]?$")
# A source named at the end of the text, in brackets: （来源：甘肃日报）.
SOURCE_LINE = re.compile(rf"^[（(【\[]\s*(?:{_SOURCE})\s*[:：]\s*(.+?)\s*[）)】\]]$")
# A short line that begins with the label, apart from the meta line: 【来源：每日甘肃网】.
# Not 资金来源：… (the label must begin it); the name ends at a space or a bracket.
SOURCE_ALONE = re.compile(rf"^[【\[（(]?\s*(?:{_SOURCE})\s*[:：]\s*([^\s【\[（(）)】\]|]+)")

# A caption is short; a centred block after a picture, or a line like 图为….
CAPTION_MAX_CHARS = 80
CAPTION_STARTS = ("图为", "图：", "图:", "▲", "（图", "(图", "图片来源", "摄影", "记者")
# A box whose class or id names a caption (as hints, like all class names here).
CAPTION_HINT = re.compile(
    r"caption|pic-?_?(?:txt|text|title|desc|info)|img-?_?(?:txt|text|title|desc)|tpsm|photo-?_?desc",
    re.IGNORECASE,
)
# A photo credit: "新华社记者 李四 摄", "（甘肃日报供图）" — a space before 摄, not "拍摄".
CAPTION_ENDS = re.compile(r"\s摄\s*[)）]?$|供图\s*[)）]?$")

# Pictures that are page furniture, not content: by name, class or id (share buttons,
# QR codes, logos, icons, spacers, ad slots), or by size (spacers are 1×1, icons tiny).
ORNAMENT_NAME = re.compile(
    r"(?:spacer|blank|pixel|1x1|share|qrcode|qr_|erweima|ewm|logo|icon|btn|button|weixin|"
    r"wechat|weibo|loading|advert|banner|ad_|_ad\b|guanggao)",
    re.IGNORECASE,
)
ORNAMENT_MAX_SIDE = 40  # pictures this small on both sides are icons
# Lazy loading: the real address sits in one of these; ``src`` holds a placeholder.
LAZY_IMAGE_ATTRIBUTES = (
    "data-original",
    "data-src",
    "data-lazy-src",
    "original",
    "file",
    "_src",  # UEditor keeps the picture's own address there
)
# Where a picture with no src at all says where it is: its first candidate.
SRCSET_ATTRIBUTES = ("data-srcset", "srcset")

# A 小标题 written as a paragraph wholly in bold: short, and not a sentence of its own.
HEADING_MAX_CHARS = 40
# （一）… / 1. … / 1、… number a level below 一、….
SUBHEADING = re.compile(r"^(?:[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．])")

# Videos: an address of a media file, a player's attribute, or a video site's embed.
VIDEO_EXTENSIONS = (".mp4", ".m3u8", ".flv", ".webm", ".mov")
VIDEO_FILE = re.compile(
    r"""(?:https?:)?//[^\s'"<>]+?\.(?:mp4|m3u8|flv|webm|mov)(?:\?[^\s'"<>]*)?""", re.IGNORECASE
)
VIDEO_ATTRIBUTES = ("vurl", "data-vurl", "data-video", "data-video-src", "data-mp4")
# A page naming none of these holds no player: the search for one is skipped.
VIDEO_WORDS = ("<video", "<embed", "<object", "<iframe", "vurl", "data-video", "data-mp4")
VIDEO_WORDS += VIDEO_EXTENSIONS
VIDEO_HOSTS = re.compile(
    r"(?:v\.qq\.com|youku\.com|bilibili\.com|iqiyi\.com|ixigua\.com|cctv\.com|cntv\.cn|"
    r"douyin\.com|kuaishou\.com|weibo\.com/tv|youtube\.com|youtu\.be|vimeo\.com|player|video)",
    re.IGNORECASE,
)

# Bad input: a body is capped where a reader could never use more, never mid-block
# (the site's longest articles have a few hundred blocks).
MAX_BODY_BLOCKS = 2000
MAX_TABLE_ROWS = 5000
MAX_TABLE_COLUMNS = 500

# Listing pages: dated <li> links, under #content on known templates.
LISTING_HINTS = ("content", "list", "newslist")
# Fewer dated links than this make no channel list.
MIN_LIST_ITEMS = 3
LISTING_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
# Lists of other templates print the day alone: 07-15, [7/15], 7月15日.
LISTING_MONTH_DAY = re.compile(
    r"(?<![\d./-])(?:0?[1-9]|1[0-2])\s*[-/月]\s*(?:0?[1-9]|[12]\d|3[01])(?![\d./-])"
)
# Some channels page their lists by script: "var maxpage = 12;" and …_000000002.shtml.
MAXPAGE_SCRIPT = re.compile(r"var\s+maxpage\s*=\s*(\d+)")
MAXPAGE_URL = re.compile(r"^(.*_)(\d{9})(\.shtml)$")


# A page of the site names it somewhere (its title, its links, its scripts), a page of a
# template never seen before too; what answers in its place names it nowhere. Of those, a
# hotel's or a train's Wi-Fi login page asks for a login, and is told so.
_SITE_TRACES = (b"gscn", SITE_NAME.encode("utf-8"), SITE_NAME.encode("gb18030"))
_PASSWORD_FIELD = re.compile(rb"<input[^>]+type\s*=\s*[\"']?password", re.IGNORECASE)
_LOGIN_WORDS = re.compile(
    r"log\s?in|sign\s?in|portal|wi-?fi|hotspot|登录|登陆|认证|上网|无线网络", re.IGNORECASE
)


UNAVAILABLE_MAX_BYTES = 16 * 1024
UNAVAILABLE_MAX_CHARS = 300
_UNAVAILABLE_WORDS = re.compile(
    r"维护|升级|暂停(?:访问|服务)|系统繁忙|服务器繁忙|稍后(?:再)?(?:访问|再试|重试)|暂时无法访问"
    r"|service unavailable|maintenance",
    re.IGNORECASE,
)
# Scripts, styles and comments with what they hold, then every tag: what a browser shows.
_MARKUP = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.DOTALL | re.IGNORECASE)


def names_the_site(data: bytes) -> bool:
    """Whether a page names 中国甘肃网 anywhere: every page of the site does; a firewall's
    "request blocked", a "网站维护中" or a proxy's error page answering in its place with
    200 OK does not (the parser would read any of them as an article)."""
    lowered = data.lower()
    return any(trace in lowered for trace in _SITE_TRACES)


def is_unavailable_page(data: bytes, charset: str | None = None) -> bool:
    """Whether ``data`` is the site's own "down for maintenance" or "busy" page (网站维护中,
    系统繁忙，请稍后访问), answered 200 in an article's or a list's place: it names the site
    (its logo, its footer), so ``names_the_site`` lets it by. It is small, says so in a few
    words and shows no date; every page of the site's own, with its menus, panels and
    footer, is tens of KB and thousands of characters, and an article shows its date.
    ``charset``: the HTTP header's, if any (decoded as the parser decodes the page)."""
    if len(data) > UNAVAILABLE_MAX_BYTES:
        return False
    visible = " ".join(_MARKUP.sub(" ", decode_html(data, charset)).split())
    if len(visible) > UNAVAILABLE_MAX_CHARS or any(m in visible for m in NOT_FOUND_MARKERS):
        return False  # "页面不存在，请稍后再试" says the article is gone: a soft 404
    if has_date(visible):
        return False  # an article shows when it was published; a short one may say 维护
    return bool(_UNAVAILABLE_WORDS.search(visible))


def is_login_page(data: bytes) -> bool:
    """Whether ``data`` asks for a login: a password field, or a form and login words
    (a captive portal, once ``names_the_site`` has said it is not the site)."""
    if b"<form" not in data.lower():
        return False
    if _PASSWORD_FIELD.search(data):
        return True
    return any(
        _LOGIN_WORDS.search(data.decode(charset, "replace")) for charset in ("utf-8", "gb18030")
    )
