"""Infer the document date when the article carries none, from constraints in its text.

Constraints, each kept as a line of evidence:

1. **Explicit full dates.** The latest day+month+year the text gives in a past or
   present clause (a dated tweet, a dateline) is a day-granular anchor: a report is
   written on or after what it reports.
2. **Years called past or future.** ``मार्च 2024 में ... किया था`` puts the document on
   or after March 2024; a year in a future clause (``2030 तक ... होगा``) bounds it above.
3. **Eras.** A named era (``कोविड-19 महामारी``, data/eras.yaml) cannot be mentioned
   before it began; a relative year in the same sentence (``पिछले वर्ष कोविड-19 ...``)
   lies inside the era, so the document year is within the era shifted by that offset.
4. **Office-holders.** A person named with a role phrase (``विदेश मंत्री एस जयशंकर``)
   held that office by the document date: no one is called by a title before taking
   office, so the tenure's start bounds the date below. Only a tenure still open at
   an ended tenure bounds it above by its end only when named in the lead paragraph,
   which reports the main event with current titles; further down, an ended title may
   be recalled from the past ("then deputy prime minister"), so there, as for open
   tenures, the bound above is ``kb.as_of``, the knowledge base's horizon.

The years left are the candidates, earliest first (see :mod:`ghatna.time.resolve`).

**The main date.** The events stage dates sentences without their own expression by
``doc.document_date``, so the document date is also the date of the article's main
event when that is known: the first expression of the body (headings excluded) that
names a day or weekday and is governed by a past-tense verb. News puts the main event
in the lead, and background events later, so the first such expression is the lead's.
It is resolved against the anchor; if it gives a day or a weekday, it becomes the
document date. Otherwise the document date is the anchor itself (a day, or the
earliest candidate year), and unknown when nothing bounds it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from ghatna.document import Doc, PartialDate
from ghatna.time.lexicon import alt, load_eras
from ghatna.time.resolve import Anchor, resolve
from ghatna.time.tagger import Found
from ghatna.time.tense import Tense

MAIN_RULES = {"weekday", "weekday_date", "day_month", "month_day", "deictic"}


@dataclass(frozen=True)
class Clue:
    """One expression with the sentence bounds and tense it was read in."""

    found: Found
    text: str
    tense: Tense
    sentence: tuple[int, int]


@dataclass
class _Bounds:
    after: date | None = None
    before: date | None = None
    year_lo: int | None = None
    year_hi: int | None = None
    text_lower: bool = False
    evidence: list[str] | None = None

    def note(self, line: str) -> None:
        self.evidence = [*(self.evidence or []), line]

    def raise_after(self, d: date, why: str) -> None:
        if self.after is None or d > self.after:
            self.after = d
        self.text_lower = True
        self.note(why)

    def lower_before(self, d: date, why: str) -> None:
        if self.before is None or d < self.before:
            self.before = d
        self.note(why)

    def years(self, lo: int, hi: int | None, why: str, from_text: bool) -> None:
        self.year_lo = lo if self.year_lo is None else max(self.year_lo, lo)
        if hi is not None:
            self.year_hi = hi if self.year_hi is None else min(self.year_hi, hi)
        self.text_lower = self.text_lower or from_text
        self.note(why)


def infer_anchor(doc: Doc, clues: list[Clue], kb: Any) -> Anchor:
    """The anchor for a document without publication date (see module docstring)."""
    b = _Bounds()
    full = [
        c
        for c in clues
        if c.found.kind == "DATE"
        and c.found.reading.day
        and c.found.reading.year
        and c.found.reading.month
        and c.tense != "future"
    ]
    for c in clues:
        _year_constraint(c, b)
    _era_constraints(doc.text, clues, b)
    if kb is not None:
        _tenure_constraints(doc, kb, b)
    if full:
        best = max(
            full, key=lambda c: (c.found.reading.year, c.found.reading.month, c.found.reading.day)
        )
        r = best.found.reading
        day = date(r.year, r.month, r.day)
        if b.year_lo is None or day.year >= b.year_lo:
            return Anchor(day=day, evidence=(f"latest full date in the text: '{best.text}'",))
    lo = (
        max(x for x in (b.year_lo, b.after.year if b.after else None) if x is not None)
        if (b.year_lo is not None or b.after is not None)
        else None
    )
    hi_options = [x for x in (b.year_hi, b.before.year if b.before else None) if x is not None]
    hi = min(hi_options) if hi_options else None
    if lo is None:
        return Anchor(evidence=tuple(b.evidence or ()))
    if hi is None:
        hi = lo
        b.note(f"no upper bound: earliest consistent year {lo}")
    years = tuple(range(lo, hi + 1))
    ev = tuple(b.evidence or ())
    if years:
        ev = (*ev, f"document years {lo}..{hi}")
    return Anchor(years=years, after=b.after, evidence=ev, bounded=b.text_lower)


def _year_constraint(c: Clue, b: _Bounds) -> None:
    r = c.found.reading
    if c.found.kind != "DATE" or r.year is None or c.found.rule == "decade":
        return
    start = date(r.year, r.month or 1, r.day or 1)
    if c.tense in ("past", "present"):
        b.raise_after(start, f"'{c.text}' is {c.tense}: document on or after {start.isoformat()}")
    elif c.tense == "future":
        end = date(r.year, r.month or 12, r.day or 28)
        b.lower_before(end, f"'{c.text}' is future: document before {end.isoformat()}")


def _era_constraints(text: str, clues: list[Clue], b: _Bounds) -> None:
    for era in load_eras():
        pattern = re.compile(alt(list(era.words)), re.IGNORECASE)
        hits = [m.start() for m in pattern.finditer(text)]
        if not hits:
            continue
        b.years(era.start, None, f"'{era.name}' is mentioned: document year ≥ {era.start}", True)
        for c in clues:
            shift = c.found.reading.shift
            if (
                not shift
                or shift[0] != "year"
                or not any(c.sentence[0] <= h < c.sentence[1] for h in hits)
            ):
                continue
            n = shift[1]
            hi = era.end - n if era.end is not None else None
            b.years(
                era.start - n,
                hi,
                f"'{c.text}' lies in the {era.name} ({era.start}–{era.end or ''}): "
                f"document year {era.start - n}..{hi or ''}",
                True,
            )


def _office(attrs: dict[str, Any]) -> str | None:
    """The office a role phrase before the name gives: the linker records it as
    ``attrs["role"] = {"office": ..., "title": ...}``; a plain string is accepted too."""
    role = attrs.get("office") or attrs.get("role")
    if isinstance(role, dict):
        return role.get("office") or role.get("title")
    return role


def _lead_end(doc: Doc) -> int:
    """End offset of the first paragraph that is not a heading."""
    for i, (_, end) in enumerate(doc.paragraphs):
        if i not in doc.headings:
            return end
    return 0


def _first_day(role: Any) -> date:
    """The earliest day a tenure may have begun: a date the KB marks ``uncertain`` is
    trusted to its year only, so a day we are unsure of never rules a date out."""
    start: date = role.start
    return date(start.year, 1, 1) if role.uncertain else start


def _last_day(role: Any) -> date:
    end: date = role.end
    return date(end.year, 12, 31) if role.uncertain else end


def _tenure_constraints(doc: Doc, kb: Any, b: _Bounds) -> None:
    lead_end = _lead_end(doc)
    seen: set[str] = set()
    for m in doc.mentions:
        if m.kind != "PER" or not m.actor_id or m.actor_id in seen:
            continue
        office = _office(m.attrs)
        if not office:
            continue
        actor = kb.actor(m.actor_id)
        roles = [r for r in getattr(actor, "roles", ()) if office in (r.office, r.title)]
        if not roles:
            continue
        seen.add(m.actor_id)
        start = min(_first_day(r) for r in roles)
        open_ = any(r.end is None for r in roles)
        ended = max((_last_day(r) for r in roles if r.end), default=None)
        end = ended if ended and not open_ and m.start < lead_end else kb.as_of
        name = getattr(actor, "name", m.actor_id)
        if open_:
            held = f"still in office up to {kb.as_of.isoformat()}"
        elif end == ended:
            held = f"until {end.isoformat()}, named so in the lead"
        else:
            held = f"until {ended}, but named after the lead: bounded only by {end.isoformat()}"
        b.years(
            start.year,
            end.year,
            f"{name} {roles[0].title} since {start.isoformat()} ({held}): "
            f"years {start.year}..{end.year}",
            False,
        )
        if b.after is None or start > b.after:
            b.after = start
        if b.before is None or end < b.before:
            b.before = end


def main_date(doc: Doc, clues: list[Clue], anchor: Anchor) -> PartialDate | None:
    """The date of the body's first past-tense day or weekday expression, if it has one."""
    body = [(s.start, s.end) for s in doc.sentences if s.paragraph not in set(doc.headings)] or [
        (0, len(doc.text))
    ]
    for c in clues:
        if c.found.rule not in MAIN_RULES or c.tense != "past":
            continue
        if not any(s <= c.found.start < e for s, e in body):
            continue
        value = resolve(c.found, c.text, c.tense, anchor)
        if value.granularity in ("day", "weekday"):
            return PartialDate(
                value.value,
                value.granularity,
                value.weekday,
                (
                    f"main event: first past-tense day expression of the body, '{c.text}'",
                    *value.evidence,
                ),
                value.candidates,
            )
    return None


def preview_anchor(doc: Doc, clues: list[Clue], anchor: Anchor) -> Anchor:
    """Narrow the years when the lead announces its main event as future, to the day.

    A preview ("… 21 अगस्त को … मुलाकात करेंगे") is written shortly before the event,
    so the document shares the event's year; the event's own year comes from the
    other constraints (earliest consistent year). January events are left alone: the
    preview may have been written the December before.
    """
    if anchor.day is not None or len(anchor.years) < 2:
        return anchor
    lead_end = _lead_end(doc)
    lead = [c for c in clues if c.found.start < lead_end and c.found.rule in MAIN_RULES]
    if not lead or lead[0].tense != "future":
        return anchor
    value = resolve(lead[0].found, lead[0].text, lead[0].tense, anchor)
    if value.granularity != "day" or not value.value:
        return anchor
    day = date.fromisoformat(value.value)
    if day.month == 1 or day.year not in anchor.years:
        return anchor
    why = (
        f"the lead announces '{lead[0].text}' ({day.isoformat()}) as future: a preview, "
        f"written before it in {day.year}"
    )
    return replace(anchor, years=(day.year,), evidence=(*anchor.evidence, why))


def anchor_date(anchor: Anchor) -> PartialDate:
    """The anchor itself as a PartialDate (when no main event date is found)."""
    if anchor.day:
        return PartialDate.from_date(anchor.day, *anchor.evidence)
    if anchor.years:
        value, rest = anchor.year_value()
        return PartialDate(value, "year" if value else "unknown", None, anchor.evidence, rest)
    return PartialDate(evidence=(*anchor.evidence, "no date constraint in the text"))
