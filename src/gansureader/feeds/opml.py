"""OPML out and in. Out: every feed of the catalog, channels under their groups, each
with its local feed address (xmlUrl) and the site page it follows (htmlUrl). In: the
site's list pages an OPML names become channels — what ``channels --add`` accepts —
and every other entry is refused by name with the reason."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from lxml import etree

from .. import reasons
from ..addresses import not_a_channel, readable
from ..errors import GansuReaderError
from ..model import Channel
from ..store import Store
from .catalog import ALL_PATH, FOLLOW_FOLDER, STARRED_PATH, Feed

MAX_OPML_BYTES = 5 * 1024 * 1024
# Feeds that follow no list page: 全部, 收藏, 新闻排行, 关注
_OURS = (ALL_PATH, STARRED_PATH, "/feeds/ranking/", FOLLOW_FOLDER)


class OpmlError(GansuReaderError):
    """The file is not an OPML at all; the message says what it is instead."""


@dataclass
class OpmlImport:
    added: list[Channel] = field(default_factory=list)
    known: list[Channel] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # "entry: why", one per refused entry


def opml_document(feeds: list[Feed], base_url: str, title: str) -> bytes:
    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = title
    body = etree.SubElement(root, "body")
    groups: dict[str, etree._Element] = {}
    for feed in feeds:
        parent = body
        if feed.group:
            if feed.group not in groups:
                groups[feed.group] = etree.SubElement(body, "outline", text=feed.group)
            parent = groups[feed.group]
        name = feed.channel.name if feed.channel else feed.title
        etree.SubElement(
            parent,
            "outline",
            text=name,
            title=name,
            type="rss",
            xmlUrl=feed.url(base_url),
            htmlUrl=feed.site_url,
        )
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def import_opml(store: Store, data: bytes, name: str) -> OpmlImport:
    """Add the channels the OPML ``name`` lists; refuse each other entry with its reason."""
    report = OpmlImport()
    for number, (text, addresses, group) in enumerate(_outlines(data, name), start=1):
        label = f"entry {number} ({text or (addresses or ['no name'])[0]})"
        if not addresses:
            report.refused.append(f"{label}: no address (xmlUrl, htmlUrl or url)")
            continue
        if any(readable(a) and unquote(urlsplit(a).path).startswith(_OURS) for a in addresses):
            continue  # our own 全部/收藏/排行 feeds, exported beside the channels
        usable = [a for a in addresses if not_a_channel(a) is None]
        address = (usable or addresses)[0]
        reason = not_a_channel(address)
        if reason:
            report.refused.append(f"{label}: {address} {reason}")
            continue
        existing = store.find_channel(address)
        if existing is not None:
            report.known.append(existing)
        else:
            report.added.append(store.add_channel(address, text or None, group or "自定义"))
    return report


def _outlines(data: bytes, name: str) -> list[tuple[str, list[str], str]]:
    """(text, addresses, group) of each outline that is not just a folder of outlines."""
    if len(data) > MAX_OPML_BYTES:
        raise OpmlError(reasons.fill(reasons.OPML_TOO_LARGE, name, len(data) // 1024))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise OpmlError(reasons.fill(reasons.OPML_NOT_XML, name, error)) from None
    if not isinstance(root.tag, str) or root.tag.lower() != "opml" or root.find("body") is None:
        raise OpmlError(reasons.fill(reasons.OPML_NO_BODY, name))
    found = []
    for outline in root.iter("outline"):
        addresses = [outline.get(key) for key in ("htmlUrl", "xmlUrl", "url")]
        addresses = [a.strip() for a in addresses if a and a.strip()]
        if not addresses and len(outline):
            continue  # a folder of outlines
        parent = outline.getparent()
        group = ""
        if parent.tag == "outline":
            group = (parent.get("text") or parent.get("title") or "").strip()
        text = (outline.get("text") or outline.get("title") or "").strip()
        found.append((text, addresses, group))
    return found
