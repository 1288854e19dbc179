"""A sync killed mid-run (SIGKILL: no cleanup at all) leaves whole articles or none."""

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from conftest import DEMO_CHANNELS
from gansureader.demo import MirrorHandler, MirrorServer, demo_site
from gansureader.store import DATABASE_NAME, Store


class SlowArticles(MirrorHandler):
    def do_GET(self):  # noqa: N802
        if "/system/" in self.path:
            threading.Event().wait(0.15)  # slow enough that the kill lands mid-sync
        super().do_GET()


def stored_count(database) -> int:
    try:
        db = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=1)
        try:
            return db.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error:
        return 0


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killed_sync_leaves_a_consistent_cache(tmp_path):
    data = tmp_path / "data"
    database = data / DATABASE_NAME
    with MirrorServer(demo_site(), SlowArticles) as server:
        command = [
            sys.executable,
            "-m",
            "gansureader.cli",
            "sync",
            "--mirror",
            server.url,
            "--data-dir",
            str(data),
        ]
        for name in DEMO_CHANNELS:
            command += ["--channel", name]
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while stored_count(database) < 5 and time.monotonic() < deadline:
            assert process.poll() is None, "sync ended before it could be killed"
            time.sleep(0.02)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    killed_at = stored_count(database)
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
