"""Shared test set-up: Qt offscreen, the fixture pages and their URLs, golden files."""

import json
import os
from pathlib import Path

import pytest

from gansureader.demo import demo_channels

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN = Path(__file__).parent / "golden"
FIXTURE_URLS: dict[str, str] = json.loads((FIXTURES / "urls.json").read_text(encoding="utf-8"))


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/*.json from the parser's output (review the diff by eye)",
    )


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@pytest.fixture(scope="session")
def demo_server():
    from gansureader.demo import MirrorServer, demo_site

    with MirrorServer(demo_site()) as server:
        yield server


@pytest.fixture
def store(tmp_path):
    from gansureader.store import Store

    with Store(tmp_path / "data") as opened:
        yield opened


DEMO_CHANNELS = tuple(channel.name for channel in demo_channels())
