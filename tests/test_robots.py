"""robots.txt read as RFC 9309 says, where urllib.robotparser reads it otherwise."""

import pytest

from gansureader.robots_txt import NO_RULES, parse

SITE = "http://gansu.gscn.com.cn"


@pytest.mark.parametrize(
    ("text", "path", "allowed"),
    [
        # the longest rule wins, wherever it is written (robotparser: the first)
        ("User-agent: *\nAllow: /\nDisallow: /private/\n", "/private/a.shtml", False),
        ("User-agent: *\nAllow: /\nDisallow: /private/\n", "/system/a.shtml", True),
        ("User-agent: *\nDisallow: /system/\nAllow: /system/2024/\n", "/system/2024/a", True),
        ("User-agent: *\nDisallow: /system/\nAllow: /system/2024/\n", "/system/2023/a", False),
        # a tie: allow
        ("User-agent: *\nDisallow: /a\nAllow: /a\n", "/a", True),
        # * and $ (robotparser: literal characters)
        ("User-agent: *\nDisallow: /*?\n", "/list.shtml?page=2", False),
        ("User-agent: *\nDisallow: /*?\n", "/list.shtml", True),
        ("User-agent: *\nDisallow: /*.php$\n", "/index.php", False),
        ("User-agent: *\nDisallow: /*.php$\n", "/index.php5", True),
        ("User-agent: *\nDisallow: /system/*/private\n", "/system/2024/05/private/x", False),
        # our own group, named with a version or in capitals; two groups for us combine
        ("User-agent: gansureader/1.0\nDisallow: /\n\nUser-agent: *\nAllow: /\n", "/x", False),
        ("User-agent: GansuReader\nDisallow: /\n", "/x", False),
        ("User-agent: *\nDisallow: /a/\n\nUser-agent: *\nDisallow: /b/\n", "/b/1", False),
        # a group naming us replaces *'s; several agents share one group
        ("User-agent: *\nDisallow: /\n\nUser-agent: gansureader\nDisallow: /x/\n", "/y", True),
        ("User-agent: bot\nUser-agent: gansureader\nDisallow: /x/\n", "/x/1", False),
        # an empty Disallow allows all; comments, a BOM, case of keys, a Sitemap inside
        ("\ufeffuser-agent: * # all\nDISALLOW: /x/ # not x\nsitemap: /s.xml\n", "/x/1", False),
        ("User-agent: *\nDisallow:\n", "/anything", True),
        # rules before any group, and other agents' groups, bind nobody
        ("Disallow: /\nUser-agent: other\nDisallow: /\n", "/x", True),
        # one spelling of non-ASCII paths
        ("User-agent: *\nDisallow: /专题/\n", "/%E4%B8%93%E9%A2%98/a.shtml", False),
        ("User-agent: *\nDisallow: /%e4%b8%93%e9%a2%98/\n", "/专题/a.shtml", False),
        # robots.txt itself is always allowed
        ("User-agent: *\nDisallow: /\n", "/robots.txt", True),
    ],
)
def test_rules_read_as_the_standard_says(text, path, allowed):
    assert parse(text, "gansureader").allows(SITE + path) is allowed


def test_crawl_delay_is_our_groups_and_nonsense_is_none():
    text = "User-agent: *\nCrawl-delay: 5\n\nUser-agent: gansureader\nCrawl-delay: 2.5\n"
    assert parse(text, "gansureader").crawl_delay == 2.5
    assert parse("User-agent: *\nCrawl-delay: soon\n", "gansureader").crawl_delay == 0
    assert parse("User-agent: *\nCrawl-delay: -3\n", "gansureader").crawl_delay == 0
    assert NO_RULES.allows(SITE + "/anything") and NO_RULES.crawl_delay == 0
