"""Quotes: ``X ने कहा कि …``, ``X ने ट्वीट किया, “…”``, with the speaker and the span.

Found once per document, because a quoted tweet often runs over several sentences.
The speaker is the person named right before ``ने``, or the one a pronoun such as
``उन्होंने`` refers back to: the nearest person named before, but the subject of the
sentence naming them when that is an earlier one (``जयशंकर ने लिखा, "... वांग यी से
मुलाकात हुई।" उन्होंने कहा कि ...`` is Jaishankar speaking). A quote without a linkable
speaker keeps ``speaker=None``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ghatna.events.arguments import DocView, nearest_person_before, subject_of

_SPEECH = re.compile(
    r"(?<![\u0900-\u097F])(?P<subj>उन्होंने|उसने|ने)\s+(?:[^।“”\"\n]{0,60}?\s)?"
    r"(?:ट्वीट\s+कर(?:के)?\s+कहा|ट्वीट\s+किया|कहा|लिखा|बताया|ट्वीट)"
    r"(?:\s+(?:है|था))?\s*(?:(?P<ki>कि)\s+|[,:]?\s*(?P<open>[“\"]|‘‘|‘))"
)
_CLOSE = {"“": "”", '"': '"', "‘‘": "’’", "‘": "’"}
"""The closing mark of each opening one; Hindi agency copy doubles single marks (‘‘ ’’)."""
_MAX_QUOTE = 1500
_TITLE_WORDS = frozenset(("मंत्री", "नेता", "राष्ट्रपति", "प्रधानमंत्री"))
"""A bare title before ``ने`` (``मंत्री ने कहा``) refers back to the last person named."""


@dataclass(frozen=True)
class FoundQuote:
    speaker_id: str | None
    text: str
    span: tuple[int, int]


def find_quotes(view: DocView) -> list[FoundQuote]:
    """Every reported utterance in the document, in text order."""
    text = view.doc.text
    found: list[FoundQuote] = []
    for m in _SPEECH.finditer(text):
        if m.group("open"):
            start = m.end()
            close = text.find(_CLOSE[m.group("open")], start)
            if close == -1 or close - start > _MAX_QUOTE:
                continue
            end = close
        else:
            start = m.end()
            end = _sentence_end(view, start)
        body = text[start:end].strip()
        if not body:
            continue
        lead = len(text[start:end]) - len(text[start:end].lstrip())
        span = (start + lead, start + lead + len(body))
        found.append(FoundQuote(_speaker(view, m.start(), m.group("subj")), body, span))
    return found


def _sentence_end(view: DocView, offset: int) -> int:
    idx = view.doc.sentence_at(offset)
    return view.doc.sentences[idx].end if idx is not None else len(view.doc.text)


def _speaker(view: DocView, at: int, subj: str) -> str | None:
    if subj != "ने":
        person = nearest_person_before(view, at, set())
        named = view.doc.sentence_at(person.start) if person else None
        if named is not None and named != view.doc.sentence_at(at):
            person = subject_of(view, named, set()) or person
        return person.actor_id if person else None
    for m in reversed(view.mentions_in(max(0, at - 80), at)):
        gap = view.doc.text[m.end : at]
        if view.kind_of(m) in ("person", "country", "org") and len(gap.strip(" )(")) <= 2:
            return m.actor_id
        break
    before = view.doc.text[max(0, at - 12) : at].split()
    if before and before[-1] in _TITLE_WORDS:
        person = nearest_person_before(view, at, set())
        return person.actor_id if person else None
    return None
