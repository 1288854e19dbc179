"""An article out of the app: HTML with its pictures embedded, Markdown with its pictures
beside it — both in the body's order, from the cache alone."""

import base64
import re

import pytest

from gansureader.cli import main
from gansureader.model import ArticlePage, Paragraph, Run, Table, TableRow
from gansureader.store import Store

PHOTO_STORY = "http://gansu.gscn.com.cn/system/2024/05/18/013200002.shtml"
MEDIA = "http://house.gscn.com.cn/system/2024/05/16/013200022.shtml"


def test_html_export_stands_alone_with_pictures_in_place(cache, tmp_path, capsys):
    target = tmp_path / "story.html"
    assert main(["export", PHOTO_STORY, "-o", str(target), "--data-dir", str(cache)]) == 0
    html = target.read_text(encoding="utf-8")
    pictures = re.findall(r'src="data:image/jpeg;base64,([^"]+)"', html)
    assert len(pictures) == 3 and all(base64.b64decode(p)[:3] == b"\xff\xd8\xff" for p in pictures)
    assert 'src="http' not in html  # nothing left to fetch: every picture is in the file
    places = [html.index(mark) for mark in ("风电场全景", "检修风机", "夕阳下的风电场")]
    assert places == sorted(places) and "<title>河西走廊千里风电带再添新机组</title>" in html
    assert "gr-picture" not in html and "exported:" in capsys.readouterr().out


def test_markdown_export_writes_pictures_beside_it(cache, tmp_path):
    target = tmp_path / "out" / "media.md"
    assert (
        main(["export", MEDIA, "--format", "md", "-o", str(target), "--data-dir", str(cache)]) == 0
    )
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# 天水古城保护修缮工程启动")
    assert "- 古民居院落保护修缮；" in text and "1. 今年6月完成设计方案" in text
    assert "> “修缮不是推倒重来" in text and "[▶ 在浏览器中播放](http://v.gscn.com.cn/" in text
    poster = re.search(r"!\[\]\((media_files/[^)]+)\)", text).group(1)
    assert (target.parent / poster).read_bytes()[:3] == b"\xff\xd8\xff"
    assert text.index(poster) < text.index("古民居")  # the video comes before the list


def test_export_says_what_went_wrong_in_one_line(cache, tmp_path, capsys):
    assert (
        main(
            [
                "export",
                "http://gansu.gscn.com.cn/system/2000/01/01/000000000.shtml",
                "-o",
                str(tmp_path / "x.html"),
                "--data-dir",
                str(cache),
            ]
        )
        == 1
    )
    assert "not in the offline cache" in capsys.readouterr().err
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    code = main(["export", PHOTO_STORY, "-o", str(blocker / "x.html"), "--data-dir", str(cache)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and len(err) == 1 and "cannot be written" in err[0]


def test_pdf_export_has_the_pictures_in_place_and_the_chinese_fonts(cache, tmp_path, qapp):
    target = tmp_path / "story.pdf"
    assert (
        main(
            ["export", PHOTO_STORY, "--format", "pdf", "-o", str(target), "--data-dir", str(cache)]
        )
        == 0
    )
    pdf = target.read_bytes()
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Subtype /Image") == 3
    assert b"/FontFile" in pdf  # embedded: the PDF reads the same on a computer without them
    # In place: laid out as the reader lays it out, each picture before its caption.
    from gansureader.ui.printing import printable

    with Store(cache) as store:
        document = printable(store.article(PHOTO_STORY), store)
    text = document.toPlainText()
    places = [text.index(mark) for mark in ("风电场全景", "检修风机", "夕阳下的风电场")]
    assert places == sorted(places) and text.count("\ufffc") == 3  # a picture is one character
    assert all(
        text.rfind("\ufffc", 0, place) > (places[i - 1] if i else -1)
        for i, place in enumerate(places)
    )


def test_several_articles_export_into_a_folder_named_by_title(cache, tmp_path, capsys):
    folder = tmp_path / "articles"
    args = ["export", PHOTO_STORY, MEDIA, "--format", "md", "-o", str(folder)]
    assert main([*args, "--data-dir", str(cache)]) == 0
    names = sorted(path.name for path in folder.iterdir())
    assert names == sorted(
        [
            "河西走廊千里风电带再添新机组.md",
            "河西走廊千里风电带再添新机组_files",
            "天水古城保护修缮工程启动.md",
            "天水古城保护修缮工程启动_files",
        ]
    )
    missing = "http://gansu.gscn.com.cn/system/2000/01/01/000000000.shtml"
    assert main(["export", PHOTO_STORY, missing, "-o", str(folder), "--data-dir", str(cache)]) == 2
    assert "000000000.shtml: not in the offline cache" in capsys.readouterr().err
    assert (folder / "河西走廊千里风电带再添新机组.html").exists()


@pytest.mark.parametrize("format_", ["html", "md", "pdf"])
def test_an_article_the_reader_cuts_exports_whole(tmp_path, format_, qapp):
    url = "http://gansu.gscn.com.cn/system/2024/06/01/013300001.shtml"
    rows = tuple(TableRow((f"第{n}行", str(n * 7))) for n in range(1, 2001))
    article = ArticlePage(url, "两千行的表格", None, body=(Paragraph((Run("导语"),)), Table(rows)))
    with Store(tmp_path / "cache") as store:
        store.save_article(article, channels=[], validators={})
    target = tmp_path / f"table.{format_}"
    assert (
        main(
            [
                "export",
                url,
                "--format",
                format_,
                "-o",
                str(target),
                "--data-dir",
                str(tmp_path / "cache"),
            ]
        )
        == 0
    )
    if format_ == "pdf":
        assert target.read_bytes().count(b"/Type /Page\n") > 30  # 2 000 rows run to many pages
        return
    text = target.read_text(encoding="utf-8")
    assert "第2000行" in text and "14000" in text and "内容过长" not in text


def test_markdown_of_the_photo_story_has_its_pictures_in_place(cache, tmp_path):
    target = tmp_path / "story.md"
    assert (
        main(["export", PHOTO_STORY, "--format", "md", "-o", str(target), "--data-dir", str(cache)])
        == 0
    )
    text = target.read_text(encoding="utf-8")
    pictures = re.findall(r"!\[[^\]]*\]\((story_files/[^)]+)\)", text)
    assert len(pictures) == 3
    assert all((tmp_path / p).read_bytes()[:3] == b"\xff\xd8\xff" for p in pictures)
    for picture, caption in zip(
        pictures, ("风电场全景", "检修风机", "夕阳下的风电场"), strict=True
    ):
        line = next(line for line in text.splitlines() if line.startswith("*") and caption in line)
        assert text.index(picture) < text.index(line)  # each picture, then its caption
    places = [text.index(p) for p in pictures]
    assert places == sorted(places) and text.index("5月18日") < places[0]
