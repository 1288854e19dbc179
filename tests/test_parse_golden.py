"""Every fixture page parses to exactly its reviewed golden JSON."""

import json

import pytest

from conftest import FIXTURE_URLS, GOLDEN, fixture_bytes
from gansureader.parse import parse_page


@pytest.mark.parametrize("name", sorted(FIXTURE_URLS))
def test_page_matches_golden(name, update_golden):
    parsed = parse_page(fixture_bytes(name), FIXTURE_URLS[name]).to_dict()
    golden = GOLDEN / name.replace(".html", ".json")
    if update_golden:
        text = json.dumps(parsed, ensure_ascii=False, indent=2) + "\n"
        golden.write_text(text, encoding="utf-8")
    assert parsed == json.loads(golden.read_text(encoding="utf-8"))


def test_every_fixture_has_a_golden_file():
    goldens = {path.name for path in GOLDEN.glob("*.json")}
    assert goldens == {name.replace(".html", ".json") for name in FIXTURE_URLS}
