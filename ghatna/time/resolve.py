"""Give one time expression a value against an anchor, keeping the reasoning.

The anchor is what is known of the date the text speaks from: a day (publication date,
or a full date the text itself gives), or only a range of years inferred from
constraints (see :mod:`ghatna.time.docdate`). Principles:

* **Never invent.** A weekday without a day-granular anchor stays a weekday (with the
  year when known); a day and month without any year stay unknown.
* **Earliest year consistent with all constraints.** When several years fit (the text
  bounds the date from below, and a weekday or the tense rules some years out), the
  value is the earliest one and the others are kept in ``candidates``: news reports
  what happened recently, and the lower bounds come from what the text calls past.
* **Tense decides direction.** ``कल`` is yesterday in the past tense and tomorrow in the
  future; a bare weekday in the past tense is the latest such day on/before the anchor,
  in the future the next one after it; a day and month in the future lie after the
  document date.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from ghatna.document import WEEKDAYS, PartialDate
from ghatna.time.tagger import Found
from ghatna.time.tense import Tense

MONTHS = tuple(calendar.month_name)


@dataclass(frozen=True)
class Anchor:
    """What is known of the document date.

    ``day`` is set when a day-granular date is known; otherwise ``years`` lists the
    candidate years (ascending, earliest first) and ``after`` is the lower bound the
    text gives (a date the document is known to be on or after).
    """

    day: date | None = None
    years: tuple[int, ...] = ()
    after: date | None = None
    evidence: tuple[str, ...] = ()
    bounded: bool = True
    """False when only office tenures bound the years: then no earliest year is chosen,
    all years stay candidates (a tenure says when, not which year of it)."""

    def year_value(self, shift: int = 0) -> tuple[str | None, tuple[str, ...]]:
        """(value, candidates) for a year-level answer under the earliest-year principle."""
        years = [str(y + shift) for y in self.years]
        if self.bounded:
            return years[0], tuple(years[1:])
        return None, tuple(years)


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _say(found_text: str, what: str) -> str:
    return f"'{found_text}': {what}"


def resolve(found: Found, text: str, tense: Tense, anchor: Anchor) -> PartialDate:
    """The value of ``found`` (whose words are ``text``) read against ``anchor``."""
    r = found.reading
    if found.kind in ("DURATION", "SET"):
        what = "a duration" if found.kind == "DURATION" else "a frequency"
        return PartialDate(evidence=(_say(text, f"{what}, not a point in time"),))
    if r.year and r.month and r.day:
        d = _safe(r.year, r.month, r.day)
        if d is None:
            return PartialDate(
                f"{r.year}-{r.month:02d}", "month", None, (_say(text, "no such day"),)
            )
        return PartialDate.from_date(d, _say(text, "day, month and year given"))
    if r.year and r.month:
        return PartialDate(
            f"{r.year}-{r.month:02d}", "month", None, (_say(text, "month and year"),)
        )
    if r.year:
        return PartialDate(str(r.year), "year", None, (_say(text, "year given"),))
    if r.month and r.day:
        return _day_month(text, r.month, r.day, r.weekday, r.shift, tense, anchor)
    if r.month:
        return _month(text, r.month, r.shift, tense, anchor)
    if r.weekday is not None:
        return _weekday(text, r.weekday, r.shift, tense, anchor)
    if r.deictic is not None:
        return _deictic(text, r.deictic, tense, anchor)
    if r.shift:
        return _shift(text, r.shift, r.point, anchor)
    return PartialDate(evidence=(_say(text, f"{found.rule.replace('_', ' ')}; not placed"),))


def _pick(text: str, days: list[date], why: str, anchor: Anchor) -> PartialDate:
    """Earliest of the consistent days; the rest become candidates."""
    if not days:
        return PartialDate(evidence=(_say(text, why), "no year is consistent with the constraints"))
    if len(days) > 1 and not anchor.bounded:
        return PartialDate(
            evidence=(_say(text, why), *anchor.evidence, "only office tenures bound the year"),
            candidates=tuple(d.isoformat() for d in days),
        )
    first, rest = days[0], days[1:]
    note = (
        f"only {first.year} has {_label(first)}"
        if not rest
        else (f"earliest of {len(days)} consistent years ({', '.join(str(d.year) for d in days)})")
    )
    return PartialDate(
        first.isoformat(),
        "day",
        WEEKDAYS[first.weekday()],
        (_say(text, why), *anchor.evidence, note),
        tuple(d.isoformat() for d in rest),
    )


def _label(d: date) -> str:
    return f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month]}"


def _day_month(
    text: str,
    month: int,
    day: int,
    weekday: int | None,
    shift: tuple[str, int] | None,
    tense: Tense,
    anchor: Anchor,
) -> PartialDate:
    why = "weekday+day+month" if weekday is not None else "day+month, no year"
    if shift and shift[0] == "year" and (anchor.day or anchor.years):
        y = (anchor.day.year if anchor.day else anchor.years[0]) + shift[1]
        d = _safe(y, month, day)
        if d:
            return PartialDate.from_date(d, _say(text, f"day+month in the year {shift[1]:+d}"))
    if anchor.day:
        a = anchor.day
        options = [d for y in (a.year - 1, a.year, a.year + 1) if (d := _safe(y, month, day))]
        if weekday is not None:
            options = [d for d in options if d.weekday() == weekday] or options
        if tense == "future":
            later = [d for d in options if d >= a]
            chosen = later[0] if later else min(options, key=lambda d: abs(d - a))
        elif tense == "past":
            earlier = [d for d in options if d <= a]
            chosen = earlier[-1] if earlier else min(options, key=lambda d: abs(d - a))
        else:
            chosen = min(options, key=lambda d: abs(d - a))
        return PartialDate.from_date(
            chosen, _say(text, why), f"anchor {a.isoformat()} ({tense} tense): nearest such day"
        )
    if not anchor.years:
        return PartialDate(evidence=(_say(text, why), "no year known for the document"))
    years = list(anchor.years)
    if tense == "future":
        years = years + [years[-1] + 1]
    days = [d for y in years if (d := _safe(y, month, day))]
    if tense == "future" and anchor.after:
        days = [d for d in days if d > anchor.after]
    if weekday is not None:
        days = [d for d in days if d.weekday() == weekday]
    if tense == "future":
        why += "; future tense: after the document date"
    return _pick(text, days, why, anchor)


def _month(
    text: str, month: int, shift: tuple[str, int] | None, tense: Tense, anchor: Anchor
) -> PartialDate:
    base = anchor.day.year if anchor.day else (anchor.years[0] if anchor.years else None)
    if base is None:
        return PartialDate(evidence=(_say(text, "month only"), "no year known for the document"))
    if shift and shift[0] == "year":
        y = base + shift[1]
        return PartialDate(
            f"{y}-{month:02d}", "month", None, (_say(text, "month in a named year"),)
        )
    if not anchor.day and not anchor.bounded:
        return PartialDate(
            evidence=(_say(text, "month only"), *anchor.evidence),
            candidates=tuple(f"{yy}-{month:02d}" for yy in anchor.years),
        )
    y = base
    if anchor.day:
        if tense == "past" and month > anchor.day.month:
            y -= 1
        elif tense == "future" and month < anchor.day.month:
            y += 1
    rest = tuple(f"{yy}-{month:02d}" for yy in anchor.years[1:]) if not anchor.day else ()
    return PartialDate(
        f"{y}-{month:02d}",
        "month",
        None,
        (_say(text, f"month only; {tense} tense"), *anchor.evidence),
        rest,
    )


def _weekday(
    text: str, weekday: int, shift: tuple[str, int] | None, tense: Tense, anchor: Anchor
) -> PartialDate:
    name = WEEKDAYS[weekday]
    if anchor.day:
        a = anchor.day
        back = (a.weekday() - weekday) % 7
        forward = (weekday - a.weekday()) % 7
        if shift and shift[1] < 0:
            d, why = a - timedelta(days=back or 7), "'last' weekday: the one before the anchor"
        elif shift and shift[1] > 0:
            d, why = a + timedelta(days=forward or 7), "'next' weekday: the one after the anchor"
        elif tense == "future":
            d, why = a + timedelta(days=forward), "future tense: next such day on/after the anchor"
        else:
            d = a - timedelta(days=back)
            why = f"{tense} tense: latest such day on/before the anchor"
        return PartialDate.from_date(d, _say(text, name), f"anchor {a.isoformat()}", why)
    if not anchor.years:
        return PartialDate(None, "weekday", name, (_say(text, f"{name}, no date known"),))
    value, rest = anchor.year_value()
    return PartialDate(
        value,
        "weekday",
        name,
        (_say(text, f"{name}; the day is not given"), *anchor.evidence),
        rest,
    )


def _deictic(text: str, offset: int, tense: Tense, anchor: Anchor) -> PartialDate:
    if offset == 0:
        signs = (0,)
    elif tense == "past":
        signs = (-offset,)
    elif tense == "future":
        signs = (offset,)
    else:
        signs = (-offset, offset)
    why = _say(text, f"{offset} day(s) from the document date, {tense} tense")
    if anchor.day is None:
        if anchor.years:
            value, rest = anchor.year_value()
            gran = "year" if value else "unknown"
            return PartialDate(value, gran, None, (why, *anchor.evidence), rest)
        return PartialDate(evidence=(why, "no document date"))
    days = [anchor.day + timedelta(days=s) for s in signs]
    if len(days) == 1:
        return PartialDate.from_date(days[0], why, f"anchor {anchor.day.isoformat()}")
    return PartialDate(
        evidence=(why, "tense unknown: yesterday or tomorrow"),
        candidates=tuple(d.isoformat() for d in days),
    )


def _shift(text: str, shift: tuple[str, int], point: str | None, anchor: Anchor) -> PartialDate:
    unit, n = shift
    where = f", {point} of it" if point else ""
    why = _say(text, f"{n:+d} {unit}(s) from the document date{where}")
    a = anchor.day
    if unit == "year" and a:
        return PartialDate(str(a.year + n), "year", None, (why, f"anchor {a.isoformat()}"))
    if unit == "year" and anchor.years:
        value, rest = anchor.year_value(n)
        gran = "year" if value else "unknown"
        return PartialDate(value, gran, None, (why, *anchor.evidence), rest)
    if a is None:
        if anchor.years and anchor.bounded and n == 0:
            return PartialDate(str(anchor.years[0]), "year", None, (why, *anchor.evidence))
        return PartialDate(evidence=(why, "needs a day-granular document date"))
    if unit == "month":
        m = a.month - 1 + n
        y, m = a.year + m // 12, m % 12 + 1
        return PartialDate(f"{y}-{m:02d}", "month", None, (why, f"anchor {a.isoformat()}"))
    if unit == "day":
        return PartialDate.from_date(a + timedelta(days=n), why, f"anchor {a.isoformat()}")
    if unit in ("hour", "minute"):
        return PartialDate.from_date(a, why, f"anchor {a.isoformat()}: within hours of it")
    if unit == "week":
        mid = a + timedelta(weeks=n)
        lo, hi = mid - timedelta(days=mid.weekday()), mid + timedelta(days=6 - mid.weekday())
        if (lo.year, lo.month) == (hi.year, hi.month):
            return PartialDate(f"{lo.year}-{lo.month:02d}", "month", None, (why, f"week {lo}–{hi}"))
        # across two months it is still within one year (a week across New Year is not)
        return PartialDate(
            str(lo.year) if lo.year == hi.year else None,
            "year" if lo.year == hi.year else "unknown",
            None,
            (why, f"week {lo}–{hi} spans two months"),
            (f"{lo.year}-{lo.month:02d}", f"{hi.year}-{hi.month:02d}"),
        )
    return PartialDate(evidence=(why, f"{unit} offsets are not placed on the calendar"))
