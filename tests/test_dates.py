"""Every date format the site writes, read as Beijing time."""

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


@pytest.mark.parametrize("text", ["来源:甘肃日报", "2023-13-45 11:53", "电话 0931-8888888", ""])
def test_no_date_is_invented(text):
    assert find_datetime(text) is None
