"""A `gansureader sync` in a process of its own, killed mid-run with SIGKILL (no cleanup
at all), over a demo mirror slow enough for the kill to land where it is meant to."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from conftest import DEMO_CHANNELS
from gansureader.demo import MirrorHandler
from gansureader.store import DATABASE_NAME


class SlowArticles(MirrorHandler):
    def do_GET(self):  # noqa: N802
        if "/system/" in self.path:
            threading.Event().wait(0.1)  # slow enough that the kill lands mid-sync
        super().do_GET()


def stored_count(data: Path) -> int:
    """Articles in the cache, read as another process would while the sync writes."""
    try:
        db = sqlite3.connect(f"file:{data / DATABASE_NAME}?mode=ro", uri=True, timeout=1)
        try:
            return db.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error:
        return 0


def kill_sync_after(data: Path, server_url: str, articles: int) -> int:
    """Sync the demo channels into ``data`` and SIGKILL it once ``articles`` are stored;
    returns how many were stored when it died."""
    command = [sys.executable, "-m", "gansureader.cli", "sync", "--mirror", server_url]
    command += ["--data-dir", str(data)]
    for name in DEMO_CHANNELS:
        command += ["--channel", name]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while stored_count(data) < articles and time.monotonic() < deadline:
            assert process.poll() is None, "sync ended before it could be killed"
            time.sleep(0.01)  # polling the cache: the count has no signal to wait for
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=20)
    return stored_count(data)
