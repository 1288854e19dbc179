"""Dates as the site writes them, read as Beijing time.

Seen: ``23-12-23 11:53`` (two-digit year), ``2023-12-23 11:53``, ``2023/12/23``,
``2023年12月23日 11:53``, with ASCII or full-width colons, seconds optional; in
templates of other generations also ``2023-12-23T11:53:00+08:00`` (an offset of its
own is honoured) and ``12-23 11:53`` with no year, which the article's address supplies.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

BEIJING = timezone(timedelta(hours=8), "Asia/Shanghai")

DATE_TIME = re.compile(
    r"(?<!\d)(\d{4}|\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?"
    r"(?:(?:\s*|T)(\d{1,2})\s*[:：时]\s*(\d{2})(?:\s*[:：分]\s*(\d{2}))?"
    r"(?:\.\d+)?(Z|[+-]\d{2}:?\d{2}(?!\d))?)?"
)
# A month and day with a time and no year: 12-23 11:53, 12月23日 11:53. The time is
# required: a bare "3-5" is more often a range than a date.
MONTH_DAY_TIME = re.compile(
    r"(?<![\d./-])(\d{1,2})\s*[-/月]\s*(\d{1,2})(?![\d./-])\s*日?\s*(\d{1,2})\s*[:：]\s*(\d{2})(?!\d)"
)


def has_date(text: str) -> bool:
    return bool(DATE_TIME.search(text) or MONTH_DAY_TIME.search(text))


def find_datetime(text: str, near: date | None = None) -> datetime | None:
    """The first valid date (with its time, if given) in ``text``, in Beijing time;
    with ``near`` (the date the article's address gives), a date with no year too: the
    one of that year or the year before that is not after ``near``."""
    for match in DATE_TIME.finditer(text):
        found = _to_datetime(match)
        if found is not None:
            return found
    if near is not None:
        for match in MONTH_DAY_TIME.finditer(text):
            if (found := _in_year_of(match, near)) is not None:
                return found
    return None


def _to_datetime(match: re.Match) -> datetime | None:
    year, month, day, hour, minute, second, offset = match.groups()
    # Two-digit years are this century's: the site began in the 2000s.
    full_year = int(year) + 2000 if len(year) == 2 else int(year)
    try:
        found = datetime(
            full_year,
            int(month),
            int(day),
            int(hour or 0),
            int(minute or 0),
            int(second or 0),
            tzinfo=_zone(offset) if offset else BEIJING,
        )
    except ValueError:  # 13th month, 25th hour: not a date
        return None
    return found.astimezone(BEIJING)


def _zone(offset: str) -> timezone:
    if offset == "Z":
        return timezone.utc
    sign = -1 if offset[0] == "-" else 1
    digits = offset[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def _in_year_of(match: re.Match, near: date) -> datetime | None:
    month, day, hour, minute = map(int, match.groups())
    for year in (near.year, near.year - 1):  # 12-31 on a page filed on 01-01
        try:
            found = datetime(year, month, day, hour, minute, tzinfo=BEIJING)
        except ValueError:
            return None
        if found.date() <= near + timedelta(days=1):
            return found
    return None
