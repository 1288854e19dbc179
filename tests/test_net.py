"""The fetcher as the site's servers see it: identified, conditional, mirrored, capped."""

import pytest

from gansureader.demo import MirrorHandler, MirrorServer, demo_site
from gansureader.net import USER_AGENT, Fetcher, FetchError
from gansureader.store import MAX_IMAGE_BYTES

ARTICLE = "http://gansu.gscn.com.cn/system/2024/05/20/013200001.shtml"


def test_mirror_mapping_keeps_the_real_url():
    fetcher = Fetcher("http://127.0.0.1:8000/")
    assert fetcher.mirrored(ARTICLE) == (
        "http://127.0.0.1:8000/gansu/system/2024/05/20/013200001.shtml"
    )
    assert fetcher.mirrored("http://www.gscn.com.cn/food/x.shtml?a=1") == (
        "http://127.0.0.1:8000/www/food/x.shtml?a=1"
    )
    with pytest.raises(FetchError, match="not on gscn.com.cn"):
        fetcher.mirrored("http://www.gansudaily.com.cn/x.shtml")


def test_pages_are_fetched_identified_and_conditionally():
    agents = []

    class Recording(MirrorHandler):
        def do_GET(self):  # noqa: N802
            agents.append(self.headers.get("User-Agent"))
            super().do_GET()

    with MirrorServer(demo_site(), Recording) as server:
        fetcher = Fetcher(server.url)
        first = fetcher.fetch(ARTICLE)
        again = fetcher.fetch(ARTICLE, etag=first.etag, last_modified=first.last_modified)
    assert first.status == 200 and first.url == ARTICLE and first.etag
    assert again.not_modified and again.data == b""
    assert set(agents) == {USER_AGENT} and "gansureader" in USER_AGENT


def test_only_web_addresses_are_fetched():
    with pytest.raises(FetchError, match="only http and https"):
        Fetcher().fetch("file:///etc/passwd")


def test_picture_cap_is_separate_from_the_page_cap():
    big = "http://gansu.gscn.com.cn/pic/demo/photo_13200001_2.png"
    with MirrorServer(demo_site()) as server:
        fetcher = Fetcher(server.url)
        assert fetcher.fetch(big, max_bytes=MAX_IMAGE_BYTES).data.startswith(b"\x89PNG")
        with pytest.raises(FetchError, match="larger than 2 KB"):
            fetcher.fetch(big, max_bytes=2048)
