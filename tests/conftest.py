"""Shared test set-up: Qt offscreen, the fixture pages and their URLs, golden files."""

import json
import os
from pathlib import Path

import pytest

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
