"""The built installer works: run by `make package` after it builds (marker: package)."""

import shutil
import subprocess
from pathlib import Path

import pytest

DIST = Path(__file__).resolve().parent.parent / "dist"

pytestmark = pytest.mark.package


def test_deb_installs_into_a_scratch_root_and_passes_its_self_test(tmp_path):
    debs = sorted(DIST.glob("gansureader_*.deb"))
    assert debs, "no .deb in dist/: run 'make package'"
    assert shutil.which("dpkg"), "dpkg is needed to unpack the .deb"
    root = tmp_path / "root"
    subprocess.run(["dpkg", "-x", str(debs[-1]), str(root)], check=True)
    launcher = root / "usr" / "bin" / "gansureader"
    assert launcher.is_symlink() and (root / "usr/share/applications/gansureader.desktop").is_file()
    assert (root / "usr/share/icons/hicolor/256x256/apps/gansureader.png").is_file()
    result = subprocess.run(
        [str(launcher), "--self-test"],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "self-test ok"


def test_the_deb_carries_licences_man_page_completion_and_appstream(tmp_path):
    import importlib.metadata as metadata

    debs = sorted(DIST.glob("gansureader_*.deb"))
    assert debs, "no .deb in dist/: run 'make package'"
    root = tmp_path / "root"
    subprocess.run(["dpkg", "-x", str(debs[-1]), str(root)], check=True)
    doc = root / "usr/share/doc/gansureader"
    assert (doc / "copyright").read_text().startswith("Format: https://www.debian.org/")
    assert (doc / "changelog.gz").is_file()
    notices = (root / "usr/lib/gansureader/licenses/THIRD-PARTY-NOTICES.txt").read_text()
    for name in ("PySide6_Essentials", "lxml", "requests", "nh3", "feedgen", "Python 3."):
        assert name in notices
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in notices and "libfreetype" in notices
    assert metadata.version("lxml") in notices  # the versions that were bundled
    assert (root / "usr/share/man/man1/gansureader.1.gz").is_file()
    assert (root / "usr/share/bash-completion/completions/gansureader").is_file()
    assert (root / "usr/share/zsh/vendor-completions/_gansureader").is_file()
    assert (root / "usr/share/metainfo/io.github.gansureader.metainfo.xml").is_file()


def test_the_sdist_and_wheel_install_afresh_and_run(tmp_path):
    """As `pipx install` does: a new environment of its own, the wheel and what it needs."""
    import os
    import sys
    import tarfile

    root = Path(__file__).resolve().parent.parent
    built = tmp_path / "built"
    subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(built), str(root)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    sdist = next(built.glob("gansureader-*.tar.gz"))
    names = tarfile.open(sdist).getnames()
    assert any(name.endswith("/LICENSE") for name in names)
    assert any("/resources/demo_site/" in name for name in names)
    wheel = next(built.glob("gansureader-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
        timeout=900,
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    ran = subprocess.run(
        [str(venv / "bin" / "gansureader"), "--self-test"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.strip() == "self-test ok"
