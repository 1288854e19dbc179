"""The installer recipes that cannot be built here still parse and name what exists."""

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


def test_release_workflow_parses_and_builds_all_three_platforms():
    workflow = yaml.safe_load((ROOT / ".github/workflows/release.yml").read_text("utf-8"))
    assert set(workflow["jobs"]) == {"linux", "windows", "macos", "release"}
    assert workflow[True]["push"]["tags"] == ["v*"]  # YAML reads the key `on` as True
    steps = [str(step) for job in workflow["jobs"].values() for step in job["steps"]]
    assert any("make package" in step for step in steps)
    assert any("--self-test" in step for step in steps)


def test_spec_parses_and_names_files_that_exist():
    source = (ROOT / "packaging/gansureader.spec").read_text("utf-8")
    ast.parse(source)
    for relative in re.findall(r'ROOT / "([^"]+)"(?: / "([^"]+)")?(?: / "([^"]+)")?', source):
        path = ROOT.joinpath(*[part for part in relative if part])
        assert path.exists(), path


def test_inno_setup_script_points_at_the_bundle_and_icon():
    script = (ROOT / "packaging/windows/gansureader.iss").read_text("utf-8")
    for section in ("[Setup]", "[Files]", "[Icons]", "[Run]"):
        assert section in script
    icon = re.search(r"SetupIconFile=(.+)", script).group(1).strip().replace("\\", "/")
    assert (ROOT / "packaging/windows" / icon).resolve().is_file()
    assert "{uninstallexe}" in script and "{group}" in script


def test_self_test_passes_from_source():
    result = subprocess.run(
        [sys.executable, "-m", "gansureader.cli", "--self-test"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "self-test ok"


def test_a_built_wheel_carries_the_resources(tmp_path):
    import zipfile

    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    wheel = next(tmp_path.glob("gansureader-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "gansureader/resources/channels.json",
        "gansureader/resources/demo_site/channels.json",
        "gansureader/resources/translations/gansureader_zh_CN.qm",
        "gansureader/resources/icons/gansureader-256.png",
    ):
        assert needed in names, needed
    assert not any(name.endswith(".ts") for name in names)


def _cli_docs():
    sys.path.insert(0, str(ROOT / "packaging" / "linux"))
    try:
        import cli_docs
    finally:
        sys.path.pop(0)
    return cli_docs


def test_the_man_page_names_every_command_and_option_of_the_parser():
    import datetime

    from gansureader.cli import build_parser
    from gansureader.cli.common import COMMANDS

    page = _cli_docs().man_page(build_parser(), datetime.date(2026, 12, 1))
    assert page.startswith('.TH GANSUREADER 1 "2026-12-01"')
    sections = re.findall(r"^\.SS (.+)$", page, re.M)
    assert [name for name in sections if " " not in name] == [c.name for c in COMMANDS]
    actions = [name for name in sections if " " in name]  # a command's actions, each its own
    assert actions == [f"follow {verb}" for verb in ("add", "list", "show", "edit", "remove")]
    assert "\\fB\\-\\-data\\-dir\\fR" in page and "\\fB\\-\\-format\\fR" in page
    assert not re.search(r"^[.'](?!TH|SH|SS|TP|PP|br)", page, re.M)  # no text read as a request
    if subprocess.run(["sh", "-c", "command -v man"], capture_output=True).returncode == 0:
        rendered = subprocess.run(
            ["man", "-l", "-"],
            input=page,
            capture_output=True,
            text=True,
            timeout=30,
            env={"MANWIDTH": "100", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
        )
        assert "export" in rendered.stdout and "warning" not in rendered.stderr.lower()


def test_bash_completion_completes_the_commands(tmp_path):
    pytest.importorskip("shtab")  # the package extra
    built = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "linux" / "cli_docs.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert built.returncode == 0, built.stderr
    script = (
        f"source {tmp_path / 'gansureader.bash'}; COMP_WORDS=(gansureader s); COMP_CWORD=1; "
        '_shtab_gansureader gansureader s gansureader; echo "${COMPREPLY[@]}"'
    )
    completed = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=30)
    assert completed.stdout.split() == ["sync", "show", "status", "search"]


def test_appstream_metadata_names_this_version_and_the_desktop_entry():
    from lxml import etree

    from gansureader import __version__

    linux = ROOT / "packaging" / "linux"
    component = etree.parse(str(linux / "io.github.gansureader.metainfo.xml")).getroot()
    assert component.find("releases/release").get("version") == __version__
    desktop = component.find("launchable").text
    assert (linux / desktop).is_file()
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert {s.get(lang) for s in component.findall("summary")} == {None, "zh_CN"}
    shots = [image.text for image in component.iter("image")]
    assert shots and all(
        (ROOT / "docs" / Path(shot).name).is_file() for shot in shots
    )  # each screenshot is one of the README's


def test_a_bundled_distribution_without_a_licence_text_stops_the_notices():
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import notices
    finally:
        sys.path.pop(0)

    class Bare:  # a distribution that ships no licence file
        version, files = "1.0", []

    with pytest.raises(notices.NoticeMissing, match="no licence text"):
        notices.texts_of("somepackage", Bare())
    texts = notices.texts_of("feedgen", Bare())  # one we know: its texts come from packaging/
    assert [name for name, _ in texts][0] == "feedgen.txt"


def test_a_library_in_the_qt_wheel_without_a_known_licence_stops_the_notices(tmp_path):
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import notices
    finally:
        sys.path.pop(0)
    lib = tmp_path / "_internal" / "PySide6" / "Qt" / "lib"
    lib.mkdir(parents=True)
    for name in ("libQt6Core.so.6", "libicuuc.so.73"):
        (lib / name).write_bytes(b"")
    assert "the Unicode licence" in "\n".join(notices.wheel_library_notices(tmp_path))
    (lib / "libsomething.so.1").write_bytes(b"")
    with pytest.raises(notices.NoticeMissing, match="libsomething"):
        notices.wheel_library_notices(tmp_path)


def test_the_debian_changelog_names_this_version():
    from gansureader import __version__

    first = (ROOT / "packaging" / "linux" / "changelog.Debian").read_text("utf-8").splitlines()[0]
    assert first.startswith(f"gansureader ({__version__})")
