"""A gathering named again by a demonstrative: ``इस बैठक``, ``उस सम्मेलन``, ``इस दौरे``.

``नवंबर 2024 में नई दिल्ली में संपन्न ... आयोग की 25वीं बैठक ...। इस आयोग की बैठक की
अध्यक्षता X और Y ने की थी।`` The second sentence's meeting is the one the first names:
it takes that mention's date, place and gathering. The antecedent is the nearest
preceding sentence (at most :data:`LOOKBACK` back) that names the same noun with a date
or a place; within it, the last naming of the noun, and the date and place (a city or
country followed by ``में``) closest before it, else the first after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ghatna.clean.normalize import fold
from ghatna.document import Mention, TimeExpression
from ghatna.events.arguments import DEMONSTRATIVES, DocView, Frame

LOOKBACK = 3
_NOUN_FORMS = (
    ("बैठक", "बैठकें", "बैठकों"),
    ("आयोग", "आयोगों"),
    ("सम्मेलन", "सम्मेलनों"),
    ("शिखर",),
    ("दौरा", "दौरे", "दौरों"),
    ("यात्रा", "यात्राओं"),
    ("वार्ता", "वार्ताओं"),
    ("समिट",),
)
_GROUPS = {fold(f): frozenset(fold(g) for g in forms) for forms in _NOUN_FORMS for f in forms}
_PARTICIPLES = frozenset(
    fold(w)
    for w in ("संपन्न", "आयोजित", "हुए", "हुई", "हुआ", "हुईं", "में", "को", "की", "के")
    + ("होने", "वाली", "वाले", "वाला")
)


@dataclass(frozen=True)
class Antecedent:
    """What the earlier naming of a gathering says about it."""

    date: TimeExpression | None
    place: Mention | None
    venue: tuple[int, int] | None


def referred_noun(view: DocView, frame: Frame) -> frozenset[str] | None:
    """The forms of the noun a demonstrative of the clause points back with, if any;
    a clause that opens with the bare noun names it again too (``बैठक से इतर ...``:
    the meeting just told of)."""
    lo, hi = view.token_at(frame.window[0]), view.token_at(frame.window[1])
    keys = view.tokens.keys
    if lo < min(hi, len(keys)) and keys[lo] in _GROUPS:
        return _GROUPS[keys[lo]]
    for k in range(lo, min(hi, len(keys)) - 1):
        if keys[k] in DEMONSTRATIVES and keys[k + 1] in _GROUPS:
            return _GROUPS[keys[k + 1]]
    return None


def names_only_noun(view: DocView, span: tuple[int, int] | None) -> bool:
    """The gathering is named by its noun alone (``बैठक``), so it is one told of before."""
    if span is None:
        return False
    k = view.token_at(span[0])
    return view.tokens.ends[k] == span[1] and view.tokens.keys[k] in _GROUPS


def antecedent(view: DocView, frame: Frame) -> Antecedent | None:
    """The earlier naming of the gathering a demonstrative of the clause refers to."""
    forms = referred_noun(view, frame)
    if forms is None:
        return None
    doc = view.doc
    for si in range(frame.sentence - 1, max(-1, frame.sentence - 1 - LOOKBACK), -1):
        if si in view.heading_sentences:
            continue
        sent = doc.sentences[si]
        lo, hi = view.token_at(sent.start), view.token_at(sent.end)
        keys = view.tokens.keys
        named = [
            k
            for k in range(lo, hi)
            if keys[k] in forms and not (k > lo and keys[k - 1] in DEMONSTRATIVES)
        ]
        if not named:
            continue
        k = named[-1]
        at = view.tokens[k].start
        dates = [
            t
            for t in doc.timexes
            if t.kind == "DATE" and t.date.value and sent.start <= t.start and t.end <= sent.end
        ]
        places = [
            m
            for m in view.mentions_in(sent.start, sent.end)
            if view.kind_of(m) in ("city", "country") and view.case_after(m)[0] == "in"
        ]
        date = _closest(dates, at)
        place = _closest(places, at)
        if date is None and place is None:
            continue
        return Antecedent(date, place, _venue_span(view, k, lo, hi, date, place))
    return None


def _closest(items: list[Any], at: int) -> Any:
    before = [x for x in items if x.end <= at]
    if before:
        return before[-1]
    after = [x for x in items if x.start >= at]
    return after[0] if after else None


def _venue_span(
    view: DocView,
    k: int,
    lo: int,
    hi: int,
    date: TimeExpression | None,
    place: Mention | None,
) -> tuple[int, int] | None:
    """The gathering's name: from after its date and place (and a participle such as
    ``संपन्न``) to the noun, through a following ``की 25वीं बैठक``."""
    toks = view.tokens
    edge = max([x.end for x in (date, place) if x is not None and x.end <= toks[k].start] or [0])
    start = k
    while start > lo and toks[start - 1].start >= edge and k - start < 6:
        start -= 1
    while start < k and toks[start].key in _PARTICIPLES:
        start += 1
    end = k
    if end + 2 < hi and toks[end + 1].key in (fold("की"), fold("के")):
        for j in (end + 2, end + 3):
            if j < hi and toks[j].key in _GROUPS:
                end = j
                break
    return toks[start].start, toks[end].end
