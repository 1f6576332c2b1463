"""Placing events on a time axis without pretending to know more than the text says.

A partial date becomes the whole range it could mean: a day is one day wide, a
month-granular date spans its month, a year (or "a Tuesday of 2021") its year.
The page draws that range as a bar, so vagueness is visible instead of being
pinned to the first of the month. Events with no date at all are listed apart.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

MIN_LANE_DAYS = 12
"""Bars closer than this share no lane, so labels of nearby events do not overlap."""


@dataclass(frozen=True)
class Placed:
    event: dict[str, Any]
    start: int
    """Days from the axis origin to the first day the date could mean."""
    days: int
    """How many days the date could mean (1 for an exact day)."""
    lane: int


@dataclass(frozen=True)
class Axis:
    origin: date
    days: int
    placed: list[Placed]
    undated: list[dict[str, Any]]
    ticks: list[tuple[int, str]]
    """(day offset, label) at each month start, labelled ``2025-08``."""
    lanes: int


def date_range(value: str | None) -> tuple[date, date] | None:
    """First and last day ``value`` (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) could mean."""
    if not value:
        return None
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 3:
            day = date(*parts)
            return day, day
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return date(parts[0], parts[1], 1), date(parts[0], parts[1], last)
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
    except ValueError:
        return None
    return None


def layout(events: list[dict[str, Any]]) -> Axis:
    """The axis for ``events`` (already oldest first), with a lane for each bar."""
    ranges = [(e, date_range((e.get("date") or {}).get("value"))) for e in events]
    dated = [(e, r) for e, r in ranges if r]
    undated = [e for e, r in ranges if not r]
    if not dated:
        return Axis(date.today().replace(day=1), 0, [], undated, [], 0)
    origin = min(r[0] for _, r in dated).replace(day=1)
    end = max(r[1] for _, r in dated)
    lane_ends: list[int] = []
    placed = []
    for event, (first, last) in sorted(dated, key=lambda x: (x[1][0], x[1][1])):
        start, days = (first - origin).days, (last - first).days + 1
        lane = next((i for i, free in enumerate(lane_ends) if free <= start), len(lane_ends))
        reach = start + max(days, MIN_LANE_DAYS)
        if lane == len(lane_ends):
            lane_ends.append(reach)
        else:
            lane_ends[lane] = reach
        placed.append(Placed(event, start, days, lane))
    total = (end - origin).days + 1
    return Axis(origin, total, placed, undated, _month_ticks(origin, end), len(lane_ends))


def _month_ticks(origin: date, end: date) -> list[tuple[int, str]]:
    ticks, cursor = [], origin
    while cursor <= end:
        ticks.append(((cursor - origin).days, cursor.strftime("%Y-%m")))
        cursor = (cursor.replace(day=28) + timedelta(days=4)).replace(day=1)
    return ticks
