"""What the app writes out lands as a user expects: regular files readable by others (as
any program's are), never a device replaced, and a full or closed output said plainly."""

import os
import stat
import subprocess
import sys

import pytest

from gansureader.cli import main

PHOTO_STORY = "http://gansu.gscn.com.cn/system/2024/05/18/013200002.shtml"


@pytest.fixture
def umask_022():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def _device(folder):
    """A character device (the null device's numbers) where allowed, else a named pipe."""
    node = folder / "node"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        os.mkfifo(node)
    return node


def test_an_export_onto_a_device_refuses_and_leaves_it(cache, tmp_path, capsys):
    folder = tmp_path / "out"
    folder.mkdir()
    node = _device(folder)
    kind = stat.S_IFMT(node.stat().st_mode)
    code = main(["export", PHOTO_STORY, "-o", str(node), "--data-dir", str(cache)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and len(err) == 1 and "not a file: not replaced" in err[0]
    assert stat.S_IFMT(node.stat().st_mode) == kind
    assert [path.name for path in folder.iterdir()] == ["node"]  # no partial file left


def test_exported_files_are_readable_by_others_as_the_umask_says(cache, tmp_path, umask_022):
    target = tmp_path / "story.html"
    assert main(["export", PHOTO_STORY, "-o", str(target), "--data-dir", str(cache)]) == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    folder = tmp_path / "published"
    assert main(["feeds", "export", str(folder), "--data-dir", str(cache)]) == 0
    files = [path for path in folder.rglob("*") if path.is_file()]
    assert files and {stat.S_IMODE(path.stat().st_mode) for path in files} == {0o644}


def test_an_existing_file_keeps_its_mode_and_a_link_is_followed(cache, tmp_path):
    real = tmp_path / "real.html"
    real.write_text("old")
    real.chmod(0o600)
    link = tmp_path / "link.html"
    link.symlink_to(real)
    assert main(["export", PHOTO_STORY, "-o", str(link), "--data-dir", str(cache)]) == 0
    assert link.is_symlink() and "河西走廊" in real.read_text(encoding="utf-8")
    assert stat.S_IMODE(real.stat().st_mode) == 0o600


def _cli(cache, *args, stdout):
    command = [sys.executable, "-m", "gansureader.cli", *args, "--data-dir", str(cache)]
    return subprocess.Popen(command, stdout=stdout, stderr=subprocess.PIPE)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_standard_output_is_one_line(cache):
    with open("/dev/full", "wb") as full:
        process = _cli(cache, "list", stdout=full)
        try:
            _, err = process.communicate(timeout=60)
        finally:
            process.kill()
    lines = err.decode().strip().splitlines()
    assert process.returncode == 1
    assert lines == [
        "gansureader: error: cannot write to standard output (No space left on device)"
    ]


def test_a_closed_pipe_ends_the_command_quietly(cache):
    read, write = os.pipe()
    os.close(read)  # whoever reads has gone, as 'gansureader list | head' once head is done
    try:
        process = _cli(cache, "list", stdout=write)
        try:
            _, err = process.communicate(timeout=60)
        finally:
            process.kill()
    finally:
        os.close(write)
    assert process.returncode == 1 and err == b""
