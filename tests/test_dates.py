"""Every date format the site writes, read as Beijing time."""

from datetime import date

import pytest

from gansureader.parse.dates import find_datetime


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("23-12-23 11:53 来源:甘肃日报", "2023-12-23T11:53:00+08:00"),
        ("2023-12-23 11:53", "2023-12-23T11:53:00+08:00"),
        ("2023年12月23日 11:53", "2023-12-23T11:53:00+08:00"),
        ("2023年12月23日11：53", "2023-12-23T11:53:00+08:00"),
        ("发布时间：2024-02-18 16:20:05", "2024-02-18T16:20:05+08:00"),
        ("2024/03/08 16:05", "2024-03-08T16:05:00+08:00"),
        ("2009-6-5", "2009-06-05T00:00:00+08:00"),
    ],
)
def test_site_date_formats(text, expected):
    assert find_datetime(text).isoformat() == expected


@pytest.mark.parametrize(
    "text", ["来源:甘肃日报", "2023-13-45 11:53", "电话 0931-8888888", "", "2024-07-15T08:30+24:00"]
)
def test_no_date_is_invented(text):
    assert find_datetime(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-07-15T08:30:00+08:00", "2024-07-15T08:30:00+08:00"),
        ("2024-07-15T00:30:00Z", "2024-07-15T08:30:00+08:00"),  # its own offset, honoured
        ("2024-07-15T08:30:00.000+0800", "2024-07-15T08:30:00+08:00"),
        ("2024-07-14T20:30-04:00", "2024-07-15T08:30:00+08:00"),
    ],
)
def test_a_date_written_as_iso_8601_keeps_its_time(text, expected):
    assert find_datetime(text).isoformat() == expected


@pytest.mark.parametrize(
    ("text", "filed", "expected"),
    [
        ("07-15 08:30 来源：兰州晚报", date(2024, 7, 16), "2024-07-15T08:30:00+08:00"),
        ("7月15日 8:30", date(2024, 7, 15), "2024-07-15T08:30:00+08:00"),
        ("12-31 23:50", date(2025, 1, 1), "2024-12-31T23:50:00+08:00"),  # the year before
    ],
)
def test_a_date_with_no_year_takes_the_year_the_address_gives(text, filed, expected):
    assert find_datetime(text, near=filed).isoformat() == expected


@pytest.mark.parametrize("text", ["07-15 08:30", "02-30 08:00", "第3-5版", "3-5"])
def test_no_year_is_guessed_without_an_address_or_for_a_day_no_calendar_has(text):
    found = find_datetime(text, near=date(2024, 7, 16) if text != "07-15 08:30" else None)
    assert found is None
