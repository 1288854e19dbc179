"""A sync killed mid-run (SIGKILL: no cleanup at all) leaves whole articles or none."""

import sqlite3
import sys

import pytest

from gansureader.demo import MirrorServer, demo_site
from gansureader.store import DATABASE_NAME, Store
from killed_sync import SlowArticles, kill_sync_after


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killed_sync_leaves_a_consistent_cache(tmp_path):
    data = tmp_path / "data"
    database = data / DATABASE_NAME
    with MirrorServer(demo_site(), SlowArticles) as server:
        killed_at = kill_sync_after(data, server.url, 5)
    assert 5 <= killed_at < 50

    db = sqlite3.connect(database)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = db.execute("SELECT url, title, body, published_at FROM articles").fetchall()
        assert db.execute("SELECT count(*) FROM search_index").fetchone()[0] == len(rows)
    finally:
        db.close()
    with Store(data) as store:
        for url, title, paragraphs, published in rows:
            article = store.article(url)
            assert title and published and paragraphs != "[]"
            assert article.paragraphs and article.ranking and article.recommendations
