"""Dates as the site writes them, read as Beijing time.

Seen: ``23-12-23 11:53`` (two-digit year), ``2023-12-23 11:53``, ``2023/12/23``,
``2023年12月23日 11:53``, with ASCII or full-width colons, seconds optional.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

BEIJING = timezone(timedelta(hours=8), "Asia/Shanghai")

DATE_TIME = re.compile(
    r"(?<!\d)(\d{4}|\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?"
    r"(?:\s*(\d{1,2})\s*[:：时]\s*(\d{2})(?:\s*[:：分]\s*(\d{2}))?)?"
)


def find_datetime(text: str) -> datetime | None:
    """The first valid date (with its time, if given) in ``text``, in Beijing time."""
    for match in DATE_TIME.finditer(text):
        found = _to_datetime(match)
        if found is not None:
            return found
    return None


def _to_datetime(match: re.Match) -> datetime | None:
    year, month, day, hour, minute, second = match.groups()
    # Two-digit years are this century's: the site began in the 2000s.
    full_year = int(year) + 2000 if len(year) == 2 else int(year)
    try:
        return datetime(
            full_year,
            int(month),
            int(day),
            int(hour or 0),
            int(minute or 0),
            int(second or 0),
            tzinfo=BEIJING,
        )
    except ValueError:  # 13th month, 25th hour: not a date
        return None
