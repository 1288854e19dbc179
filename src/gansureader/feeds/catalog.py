"""Which feeds there are and where each lives: one per channel, 全部, 收藏, one per
新闻排行 source and one per 关注. A feed's path is derived from what it follows (the
channel's or source's address, the follow's name), never from a database id, so a
subscription survives a rebuilt cache and the same channel has the same path on every
computer."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from ..addresses import SITE_DOMAIN
from ..model import Channel, Follow

SITE_NAME = "中国甘肃网"
SITE_URL = f"http://www.{SITE_DOMAIN}/"
ALL_PATH = "/feeds/all.atom"
STARRED_PATH = "/feeds/starred.atom"
OPML_PATH = "/opml"
FOLLOW_FOLDER = "/feeds/follow/"
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_NOT_IN_FILE_NAMES = re.compile(r'[\\:*?"<>|\s]+')  # what Windows and URLs trip over
_PAGE_NAME = re.compile(r"(/index)?\.s?html?$")


@dataclass(frozen=True)
class Feed:
    path: str  # from the server's root, e.g. /feeds/channel/gansu-gsyw.atom
    title: str
    site_url: str  # the page of the site the feed follows
    group: str = ""  # the channel's group, for the OPML's outline
    channel: Channel | None = None
    ranking_source: str | None = None  # host[/section] of a 新闻排行
    starred: bool = False
    follow: str | None = None  # a 关注's name

    def url(self, base_url: str) -> str:
        """The feed's address under ``base_url`` (a follow's name percent-encoded)."""
        return base_url + quote(self.path)


def catalog(
    channels: list[Channel], ranking_sources: list[str], follows: list[Follow] = ()
) -> list[Feed]:
    """Every feed, in the order the sidebar shows them."""
    feeds = [
        Feed(ALL_PATH, f"{SITE_NAME} · 全部", SITE_URL),
        Feed(STARRED_PATH, f"{SITE_NAME} · 收藏", SITE_URL, starred=True),
    ]
    feeds += [
        Feed(
            f"/feeds/ranking/{slug(source)}.atom",
            f"{SITE_NAME} · 新闻排行 · {source}",
            f"http://{source}/",
            group="新闻排行",
            ranking_source=source,
        )
        for source in ranking_sources
    ]
    taken: set[str] = set()
    for follow in follows:
        name = follow_file_name(follow.name)
        if name in taken:  # 兰州 新区 and 兰州/新区? read alike as files
            name += "-" + hashlib.sha1(follow.name.encode()).hexdigest()[:6]
        taken.add(name)
        feeds.append(
            Feed(
                f"{FOLLOW_FOLDER}{name}.atom",
                f"{SITE_NAME} · 关注 · {follow.name}",
                SITE_URL,
                group="关注",
                follow=follow.name,
            )
        )
    taken.clear()
    for channel in channels:
        name = slug(channel.url)
        if name in taken:  # two addresses differing only in punctuation or case
            name += "-" + hashlib.sha1(channel.url.encode()).hexdigest()[:6]
        taken.add(name)
        feeds.append(
            Feed(
                f"/feeds/channel/{name}.atom",
                f"{SITE_NAME} · {channel.name}",
                channel.url,
                group=channel.group,
                channel=channel,
            )
        )
    return feeds


def slug(address: str) -> str:
    """``http://gansu.gscn.com.cn/gsyw/`` → ``gansu-gsyw``: readable, safe in any path."""
    parts = urlsplit(address if "//" in address else f"//{address}")
    host = (parts.hostname or "").removesuffix(f".{SITE_DOMAIN}").removesuffix(SITE_DOMAIN)
    path = _PAGE_NAME.sub("", parts.path)  # /gsyw/index.shtml reads as /gsyw/
    text = _NOT_SLUG.sub("-", f"{host or 'www'} {path} {parts.query}".lower()).strip("-")
    return text or hashlib.sha1(address.encode()).hexdigest()[:12]


def follow_file_name(name: str) -> str:
    """A follow's name as a file name: 兰州新区 stays; what a file system or an address
    cannot hold becomes '-'."""
    return (
        _NOT_IN_FILE_NAMES.sub("-", name).strip("-.")
        or hashlib.sha1(name.encode()).hexdigest()[:12]
    )
