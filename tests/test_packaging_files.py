"""The installer recipes that cannot be built here still parse and name what exists."""

import ast
import re
import subprocess
import sys
from pathlib import Path

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
