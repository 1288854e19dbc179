"""The reader's own data survives a damaged cache: the file is moved aside, a new one is
started with what can still be read, starred and read state come back, and the next sync
fetches the rest."""

import os
import shutil
import sqlite3
import time

import pytest

from conftest import DEMO_CHANNELS
from gansureader.cli import main
from gansureader.net import Fetcher
from gansureader.store import DATABASE_NAME, Store
from gansureader.sync import SyncEngine


def sync(folder, server_url):
    with Store(folder) as store:
        fetcher = Fetcher(server_url)
        channels = [store.find_channel(name) for name in DEMO_CHANNELS]
        summary = SyncEngine(store, fetcher).run(channels)
        fetcher.close()
        return summary


@pytest.fixture(scope="module")
def synced(tmp_path_factory, demo_server):
    folder = tmp_path_factory.mktemp("synced")
    assert sync(folder, demo_server.url).ok
    with Store(folder) as store:
        rows = store.articles()
        for row in rows[:6]:
            store.set_read(row.url)
        for row in rows[2:5]:
            store.set_starred(row.url)
        store.add_channel("http://gansu.gscn.com.cn/zhuanti/index.shtml", "我的专题")
        store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return folder


def flags(folder):
    with Store(folder) as store:
        rows = store.articles()
        return {r.url for r in rows if r.read}, {r.url for r in rows if r.starred}


def damage(folder, how):
    database = folder / DATABASE_NAME
    data = bytearray(database.read_bytes())
    if how == "truncated":
        data = data[:3000]
    elif how == "bit-flipped header":
        data[0] ^= 0x40  # "SQLite format 3" no more
    elif how == "garbage":
        data = bytearray(b"this is not sqlite" * 100)
    database.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        (folder / (DATABASE_NAME + suffix)).unlink(missing_ok=True)


@pytest.mark.parametrize("how", ["truncated", "bit-flipped header", "garbage"])
def test_a_damaged_cache_is_replaced_with_the_readers_state_intact(
    tmp_path, synced, demo_server, how
):
    folder = tmp_path / "data"
    shutil.copytree(synced, folder)
    read, starred = flags(folder)
    assert len(read) == 6 and len(starred) == 3
    damage(folder, how)
    with Store(folder) as store:
        report = store.recovery
        assert report is not None and report.damaged.exists()
        assert "damaged" in report.damaged.name and report.damaged.parent == folder
        assert "3 starred and 6 read" in report.message()
        assert store.find_channel("我的专题") is not None  # the reader's own channel
    assert sync(folder, demo_server.url).ok  # the next sync fetches the rest
    with Store(folder) as store:
        assert store.recovery is None and store.count_articles() == 50
    assert flags(folder) == (read, starred)  # articles that came back are as they were


def test_a_channel_off_the_site_an_older_release_kept_does_not_stop_a_rebuild(tmp_path, synced):
    from gansureader.model import Channel

    folder = tmp_path / "data"
    shutil.copytree(synced, folder)
    with Store(folder) as store:  # as an older release let `sync --channel` add it
        store.state.add_channel(Channel("别处", "https://news.example.com/", "自定义", False))
    damage(folder, "garbage")
    with Store(folder) as store:
        assert store.recovery is not None and store.find_channel("我的专题") is not None
        assert store.find_channel("别处") is None


def test_what_can_still_be_read_is_salvaged(tmp_path, synced):
    folder = tmp_path / "data"
    shutil.copytree(synced, folder)
    database = folder / DATABASE_NAME
    data = bytearray(database.read_bytes())
    data[0] ^= 0x40  # the header is gone, the pages are not
    database.write_bytes(bytes(data))
    fixed = tmp_path / "fixed.sqlite3"
    data[0] ^= 0x40
    fixed.write_bytes(bytes(data))
    with Store(folder) as store:
        # the file cannot be opened at all: nothing to salvage, but nothing half-read
        assert store.recovery.salvaged == 0 and store.count_articles() == 0
    from gansureader.store.recovery import salvage

    assert len(list(salvage(fixed))) == 50  # a readable file gives every article back


def test_the_state_file_follows_every_change_and_an_old_cache_moves_in(tmp_path, synced):
    folder = tmp_path / "data"
    shutil.copytree(synced, folder)
    (folder / "state.sqlite3").unlink()  # a cache from before the state file existed
    with Store(folder) as store:
        pass
    state = sqlite3.connect(folder / "state.sqlite3")
    assert state.execute("SELECT count(*) FROM flags WHERE starred").fetchone()[0] == 3
    assert state.execute("SELECT count(*) FROM channels").fetchone()[0] == 1
    with Store(folder) as store:
        url = store.articles()[-1].url
        store.set_starred(url)
    assert state.execute("SELECT starred FROM flags WHERE url = ?", (url,)).fetchone() == (1,)
    state.close()


def test_check_reports_a_clean_cache_as_clean(synced, capsys):
    assert main(["check", "--data-dir", str(synced)]) == 0
    assert "the cache is sound" in capsys.readouterr().out


def test_check_finds_missing_and_broken_pictures_and_orphans(tmp_path, synced, capsys):
    folder = tmp_path / "data"
    shutil.copytree(synced, folder)
    files = sorted((folder / "images").rglob("*/*"))
    files[0].unlink()  # a picture file gone
    files[1].write_bytes(b"\xff\xd8\xff broken")  # a picture file cut short
    orphan = folder / "images" / "00" / ("0" * 64)
    orphan.parent.mkdir(exist_ok=True)
    orphan.write_bytes(b"nobody's")
    long_ago = time.time() - 24 * 3600  # a young file may be another process's, coming
    os.utime(orphan, (long_ago, long_ago))
    assert main(["check", "--data-dir", str(folder)]) == 2
    out = capsys.readouterr().out
    assert "2 picture(s) missing or unreadable" in out and "1 orphan file(s) removed" in out
    assert not orphan.exists()
    with Store(folder) as store:
        assert len(store.missing_pictures()) >= 2  # fetched again by the next sync
    assert main(["check", "--data-dir", str(folder)]) == 0


def test_check_replaces_a_cache_damaged_inside(tmp_path, synced, capsys):
    folder = tmp_path / "data"
    shutil.copytree(synced, folder)
    database = folder / DATABASE_NAME
    data = bytearray(database.read_bytes())
    for offset in range(len(data) // 2, len(data) // 2 + 4096, 7):
        data[offset] ^= 0xFF  # bits flipped in the middle: opens, but does not read whole
    database.write_bytes(bytes(data))
    code = main(["check", "--data-dir", str(folder)])
    out = capsys.readouterr().out
    assert code == 2 and "moved aside" in out
    with Store(folder) as store:
        assert store._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.count_articles(starred_only=True) <= 3


def test_a_damaged_state_file_is_rebuilt_from_the_cache(tmp_path, synced, capsys):
    folder = tmp_path / "data"
    shutil.copytree(synced, folder)
    (folder / "state.sqlite3").write_bytes(b"not a database at all" * 50)
    with Store(folder) as store:
        assert store.count_articles(starred_only=True) == 3
        assert len([flag for flag in store.state.all_flags() if flag[2]]) == 3
    assert any(path.name.startswith("state.damaged-") for path in folder.iterdir())
    assert main(["check", "--data-dir", str(folder)]) == 0
