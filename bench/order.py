"""Order kept: gansureader's body beside trafilatura's XML output, page by page.

Each extractor's output is a sequence of blocks: paragraphs, pictures, headings,
tables and lists. Each block is found in the page itself (its text, or its picture's
file name, in the page's document order); a block is misplaced when it does not come
after the block before it, as the page has them. Printed per page and in total:
blocks found, structural blocks (pictures, headings, tables, lists) found, blocks
misplaced, and the time per page (GNE beside both, for the speed target). "Found"
is no score by itself: it counts menus and panels an extractor took for text too.

    .venv/bin/python bench/order.py                 # the fixture pages of tests/
    .venv/bin/python bench/order.py --pages DIR     # any folder of saved pages (*.html)

Pages of other sites need no URL: ``http://example.invalid/`` stands in for them.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
import warnings
from pathlib import Path

from lxml import etree

from gansureader.model import ArticlePage, Heading, Image, ListBlock, Paragraph, Quote, Table
from gansureader.parse import parse_page
from gansureader.parse.decode import decode_html
from gansureader.parse.tree import build_tree

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
STAND_IN_URL = "http://example.invalid/system/2024/01/01/000000001.shtml"
_KEY_CHARS = 10
_NOT_TEXT = re.compile(r"\s+")


def page_stream(text: str) -> str:
    """The page's text in document order without whitespace, with ``\\x00src\\x00`` where
    each picture stands: what blocks are looked up in."""
    root = build_tree(text)
    parts = []
    for el in root.iter():
        if el.tag in ("script", "style", "title") or not isinstance(el.tag, str):
            parts.append(_NOT_TEXT.sub("", el.tail or ""))
            continue
        if el.tag == "img":
            for name in ("data-original", "data-src", "src"):
                if el.get(name):
                    parts.append(f"\x00{el.get(name)}\x00")
        parts.append(_NOT_TEXT.sub("", el.text or ""))
        parts.append(_NOT_TEXT.sub("", el.tail or ""))
    return "".join(parts)


def locate(stream: str, kind: str, key: str) -> int | None:
    if not key:
        return None
    if kind == "image":
        name = key.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
        found = stream.find(name) if len(name) > 3 else -1
    else:
        found = stream.find(_NOT_TEXT.sub("", key)[:_KEY_CHARS])
    return found if found >= 0 else None


def ours(data: bytes, url: str) -> list[tuple[str, str]]:
    page = parse_page(data, url)
    if not isinstance(page, ArticlePage):
        return []
    blocks = []
    for block in page.body:
        if isinstance(block, Paragraph | Quote):
            blocks.append(("text", block.text))
        elif isinstance(block, Heading):
            blocks.append(("heading", block.text))
        elif isinstance(block, Image):
            blocks.append(("image", block.url))
        elif isinstance(block, Table):
            blocks.append(("table", next((c for r in block.rows for c in r.cells if c), "")))
        elif isinstance(block, ListBlock):
            blocks.append(("list", block.items[0] if block.items else ""))
    return blocks


def trafilatura_blocks(text: str, url: str) -> list[tuple[str, str]]:
    import trafilatura

    xml = trafilatura.extract(
        text,
        url=url,
        output_format="xml",
        include_images=True,
        include_tables=True,
        include_formatting=True,
    )
    if not xml:
        return []
    root = etree.fromstring(xml.encode("utf-8"))
    main = root.find(".//main")
    blocks = []
    for el in (main if main is not None else root).iter():
        inside = {a.tag for a in el.iterancestors()}
        if el.tag == "graphic":
            blocks.append(("image", el.get("src") or ""))
        elif inside & {"table", "list"}:
            continue
        elif el.tag == "head":
            blocks.append(("heading", "".join(el.itertext())))
        elif el.tag == "p":
            blocks.append(("text", "".join(el.itertext())))
        elif el.tag == "table":
            cell = next((c for c in el.iter("cell") if "".join(c.itertext()).strip()), None)
            blocks.append(("table", "".join(cell.itertext()) if cell is not None else ""))
        elif el.tag == "list":
            item = el.find(".//item")
            blocks.append(("list", "".join(item.itertext()) if item is not None else ""))
    return blocks


def score(stream: str, blocks: list[tuple[str, str]]) -> tuple[int, int, int]:
    """(blocks found in the page, structural ones among them, those in the page's order)."""
    places = [(kind, locate(stream, kind, key)) for kind, key in blocks]
    found = [(kind, place) for kind, place in places if place is not None]
    in_order = sum(1 for (_, a), (_, b) in zip(found, found[1:], strict=False) if b > a)
    structural = sum(1 for kind, _ in found if kind != "text")
    return len(found), structural, in_order + (1 if found else 0)


def timed(run, rounds: int = 5) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        try:
            run()
        except Exception:  # GNE raises on pages it cannot read; the time still counts
            pass
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, help="a folder of saved pages (*.html)")
    args = parser.parse_args()
    try:
        import trafilatura  # noqa: F401
        from gne import GeneralNewsExtractor
    except ImportError as error:
        print(f"bench/order.py needs the bench extra: pip install -e '.[bench]' ({error})")
        return 2
    warnings.simplefilter("ignore")
    gne = GeneralNewsExtractor()
    if args.pages:
        pages = {path.name: STAND_IN_URL for path in sorted(args.pages.glob("*.html"))}
        folder = args.pages
    else:
        pages = json.loads((FIXTURES / "urls.json").read_text(encoding="utf-8"))
        folder = FIXTURES
    header = f"{'page':<28}{'found':>12}{'structural':>12}{'misplaced':>14}{'ms':>18}"
    print(
        header + "\n" + f"{'':<28}{'ours/traf':>12}{'ours/traf':>12}{'ours/traf':>14}"
        f"{'ours/traf/GNE':>18}"
    )
    totals = [0] * 6
    times: list[tuple[float, float, float]] = []
    for name, url in pages.items():
        data = (folder / name).read_bytes()
        text = decode_html(data)
        stream = page_stream(text)
        try:
            mine = score(stream, ours(data, url))
        except Exception as error:  # a page the parser refuses counts as nothing found
            print(f"{name}: {error}")
            mine = (0, 0, 0)
        theirs = score(stream, trafilatura_blocks(text, url))
        import trafilatura

        times.append(
            (
                timed(lambda data=data, url=url: parse_page(data, url)),
                timed(lambda text=text, url=url: trafilatura.extract(text, url=url)),
                timed(lambda text=text: gne.extract(text)),
            )
        )
        for i, value in enumerate((*mine, *theirs)):
            totals[i] += value
        print(
            f"{name[:27]:<28}{mine[0]:>6}/{theirs[0]:<5}{mine[1]:>6}/{theirs[1]:<5}"
            f"{mine[0] - mine[2]:>7}/{theirs[0] - theirs[2]:<6}"
            f"{times[-1][0]:>7.1f}/{times[-1][1]:.1f}/{times[-1][2]:.1f}"
        )
    found, structural, ordered, t_found, t_structural, t_ordered = totals
    print(
        f"\n{'all pages':<28}{found:>6}/{t_found:<5}{structural:>6}/{t_structural:<5}"
        f"{found - ordered:>7}/{t_found - t_ordered:<6}"
    )
    share = ordered / max(found, 1)
    t_share = t_ordered / max(t_found, 1)
    print(
        f"blocks in the page's order: gansureader {share:.1%} of {found}, "
        f"trafilatura {t_share:.1%} of {t_found}"
    )
    medians = [statistics.median(t[i] for t in times) for i in range(3)]
    print(
        f"median ms per page: gansureader {medians[0]:.2f}, trafilatura {medians[1]:.2f}, "
        f"GNE {medians[2]:.2f} (gansureader / GNE = {medians[0] / medians[2]:.2f})"
    )
    met = found - ordered <= t_found - t_ordered and share >= t_share
    met = met and medians[0] <= medians[2] / 3
    print(
        "order kept at least as well as trafilatura, under 1/3 of GNE's time"
        if met
        else "TARGET MISSED"
    )
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
