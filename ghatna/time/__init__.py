"""The time layer: tag time expressions (Hindi and English) and resolve them to partial dates.

* :func:`tag` finds expressions with exact spans and a kind (DATE, TIME, DURATION, SET),
  unresolved.
* :func:`annotate_time` sets ``doc.timexes`` (tagged over ``doc.text`` and resolved)
  and ``doc.document_date``: the publication date when the article has one, otherwise
  a date inferred from the text's own constraints and the office-holders it names
  (:mod:`ghatna.time.docdate`), refined to the main event's date when the lead gives it.

Pure: no clock, no I/O beyond the lexicons loaded once.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ghatna.document import Doc, PartialDate, TimeExpression
from ghatna.time.docdate import Clue, anchor_date, infer_anchor, main_date, preview_anchor
from ghatna.time.resolve import Anchor, resolve
from ghatna.time.tagger import Found, scan
from ghatna.time.tense import tense_after

__all__ = ["annotate_time", "tag"]


def tag(text: str) -> list[TimeExpression]:
    """Time expressions of ``text``: spans and kinds only, dates left unknown."""
    return [
        TimeExpression(f.start, f.end, text[f.start : f.end], f.kind, rule=f.rule)
        for f in scan(text)
    ]


def _sentence_bounds(doc: Doc, found: Found) -> tuple[int, int]:
    for s in doc.sentences:
        if s.start <= found.start < s.end:
            return s.start, s.end
    text = doc.text
    start = max(text.rfind(c, 0, found.start) for c in "।.!?\n") + 1
    ends = [i for c in "।!?\n" if (i := text.find(c, found.end)) != -1]
    return start, min(ends) if ends else len(text)


def _in_a_name(doc: Doc) -> list[tuple[int, int]]:
    """Spans of the people the KB knows: ``जून`` of ``डोंग जून`` (China's defence
    minister) is no month. Unknown names may be the model's error and keep their dates."""
    return [
        (m.start, m.end)
        for m in doc.mentions
        if m.kind == "PER" and (m.actor_id or "").startswith("person/")
    ]


def _clues(doc: Doc) -> list[Clue]:
    out = []
    names = _in_a_name(doc)
    for f in scan(doc.text):
        if any(s <= f.start and f.end <= e for s, e in names):
            continue
        s, e = _sentence_bounds(doc, f)
        out.append(Clue(f, doc.text[f.start : f.end], tense_after(doc.text[f.end : e]), (s, e)))
    return out


def annotate_time(doc: Doc, kb: Any = None) -> None:
    """Set ``doc.timexes`` and ``doc.document_date`` (see the module docstring).

    ``kb`` is the actor knowledge base (``kb.actor(id).roles``, ``kb.as_of``) or None,
    in which case office tenures do not constrain the date.
    """
    clues = _clues(doc)
    published = doc.article.published
    main_anchor: Anchor | None = None
    if published is not None:
        anchor = Anchor(day=published, evidence=("publication date",))
        doc.document_date = PartialDate.from_date(published, "publication date")
    else:
        anchor = preview_anchor(doc, clues, infer_anchor(doc, clues, kb))
        doc.document_date = main_date(doc, clues, anchor) or anchor_date(anchor)
        if anchor.day is None and doc.document_date.granularity == "day":
            main_anchor = Anchor(
                day=date.fromisoformat(doc.document_date.value or ""),
                evidence=("main event date",),
            )
    doc.timexes = [
        TimeExpression(
            c.found.start,
            c.found.end,
            c.text,
            c.found.kind,
            _resolve(c, anchor, main_anchor),
            c.found.rule,
        )
        for c in clues
    ]


def _resolve(c: Clue, anchor: Anchor, main_anchor: Anchor | None) -> PartialDate:
    """Resolve against the inferred anchor; what stays vaguer than a day is tried again
    against the main event's day, when the lead gave one."""
    value = resolve(c.found, c.text, c.tense, anchor)
    if main_anchor is None or value.granularity == "day" or c.found.kind not in ("DATE", "TIME"):
        return value
    return resolve(c.found, c.text, c.tense, main_anchor)
