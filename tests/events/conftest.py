"""A tiny knowledge base and a builder of annotated Docs for the events stage.

Docs are built by hand (sentences at ``।``, mentions found by their surface text,
time expressions given as values) so these tests depend on no other stage.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest

from ghatna.document import Doc, Mention, PartialDate, TimeExpression
from ghatna.entities.kb import Actor, Role
from tests.conftest import make_doc

_ACTORS = (
    Actor("person/modi", "Narendra Modi", "person", "IND", ("नरेंद्र मोदी", "मोदी", "Modi")),
    Actor("person/jaishankar", "S. Jaishankar", "person", "IND", ("जयशंकर", "Jaishankar")),
    Actor("person/putin", "Vladimir Putin", "person", "RUS", ("पुतिन", "Putin")),
    Actor("person/lavrov", "Sergey Lavrov", "person", "RUS", ("लावरोव",)),
    Actor("person/wong", "Penny Wong", "person", "AUS", ("पेनी वोंग",)),
    Actor("person/macron", "Emmanuel Macron", "person", "FRA", ("मैक्रों",)),
    Actor("person/sharif", "Shehbaz Sharif", "person", "PAK", ("शहबाज शरीफ",)),
    Actor("person/zelensky", "Volodymyr Zelensky", "person", "UKR", ("जेलेंस्की",)),
    Actor("country/IND", "India", "country", "IND", ("भारत",)),
    Actor("country/RUS", "Russia", "country", "RUS", ("रूस",)),
    Actor("country/FRA", "France", "country", "FRA", ("फ्रांस",)),
    Actor("country/AUS", "Australia", "country", "AUS", ("ऑस्ट्रेलिया",)),
    Actor("country/NPL", "Nepal", "country", "NPL", ("नेपाल",)),
    Actor("country/AFG", "Afghanistan", "country", "AFG", ("अफगानिस्तान",)),
    Actor("country/JPN", "Japan", "country", "JPN", ("जापान", "Japan")),
    Actor("country/PAK", "Pakistan", "country", "PAK", ("पाकिस्तान",)),
    Actor("country/CHN", "China", "country", "CHN", ("चीन",)),
    Actor("region/maharashtra", "Maharashtra", "region", "IND", ("महाराष्ट्र",)),
    Actor("city/paris", "Paris", "city", "FRA", ("पेरिस",)),
    Actor("city/delhi", "New Delhi", "city", "IND", ("नई दिल्ली", "दिल्ली", "New Delhi")),
    Actor("city/tokyo", "Tokyo", "city", "JPN", ("टोक्यो",)),
    Actor("city/kathmandu", "Kathmandu", "city", "NPL", ("काठमांडू",)),
    Actor("org/g20", "G20", "org", None, ("जी20",)),
    Actor("org/asean", "ASEAN", "org", None, ("आसियान",)),
    Actor("org/un", "United Nations", "org", None, ("संयुक्त राष्ट्र",)),
    Actor("agency/pti", "PTI", "agency", None, ("पीटीआई",)),
    Actor("summit/quad", "Quad Summit", "summit", None, ("क्वाड शिखर सम्मेलन",)),
)
_KINDS = {
    "person": "PER",
    "country": "GPE",
    "region": "LOC",
    "city": "LOC",
    "org": "ORG",
    "agency": "ORG",
    "summit": "ORG",
}
_ROLES = {
    "person/jaishankar": Role("mea", "Minister of External Affairs", "IND", date(2019, 5, 30)),
    "person/putin": Role("president", "President", "RUS", date(2012, 5, 7)),
}


class TinyKB:
    """The slice of the KB interface the events stage uses: ``actor`` and ``role_at``."""

    def __init__(self) -> None:
        self.by_id = {a.id: a for a in _ACTORS}

    def actor(self, actor_id: str) -> Actor | None:
        return self.by_id.get(actor_id)

    def role_at(self, actor_id: str, day: date) -> Role | None:
        role = _ROLES.get(actor_id)
        return role if role is not None and role.active(day) else None


@pytest.fixture(scope="session")
def kb() -> TinyKB:
    return TinyKB()


def _mentions(text: str) -> list[Mention]:
    """Every alias of the tiny KB found in ``text``, longest first, not overlapping."""
    found: list[Mention] = []
    names = sorted(((n, a) for a in _ACTORS for n in a.aliases), key=lambda x: -len(x[0]))
    for name, actor in names:
        start = text.find(name)
        while start != -1:
            end = start + len(name)
            if all(end <= m.start or start >= m.end for m in found):
                found.append(Mention(start, end, name, _KINDS[actor.kind], actor.id, "test", 1.0))
            start = text.find(name, end)
    return sorted(found, key=lambda m: m.start)


def build(
    text: str,
    dates: dict[str, PartialDate] | None = None,
    document_date: PartialDate | None = None,
    headings: list[int] | None = None,
) -> Doc:
    """A Doc of ``text`` with its mentions and the given time expressions.

    ``dates`` maps a surface string of the text to its resolved date. Each sentence
    is its own paragraph unless the text has none of ``\\n``.
    """
    doc = make_doc(text)
    doc.sentences = [
        replace(s, lang="hi" if re.search("[\u0900-\u097f]", s.text) else "en")
        for s in doc.sentences
    ]
    doc.mentions = _mentions(text)
    for surface, when in (dates or {}).items():
        start = text.index(surface)
        doc.timexes.append(TimeExpression(start, start + len(surface), surface, "DATE", when))
    doc.timexes.sort(key=lambda t: t.start)
    doc.document_date = document_date or PartialDate.from_date(date(2025, 3, 12))
    if headings is not None:
        doc.paragraphs = [(s.start, s.end) for s in doc.sentences]
        doc.sentences = [replace(s, paragraph=i) for i, s in enumerate(doc.sentences)]
        doc.headings = headings
    return doc


def day(value: str) -> PartialDate:
    return PartialDate.from_date(date.fromisoformat(value))
