"""The document model: one article, its cleaned text, and annotation layers over it.

Conventions (they hold for every layer):

* Offsets are characters of ``Doc.text`` (the cleaned text), half-open:
  ``doc.text[m.start:m.end] == m.text`` for every span of every layer.
* Stages never rewrite ``Doc.text`` once ``clean`` has set it; they add layers.
* Dates are partial: a :class:`PartialDate` carries a granularity and the
  evidence that fixed it, so "Tuesday of 2021" never turns into a made-up day.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

Granularity = Literal["day", "month", "year", "weekday", "unknown"]
Status = Literal["happened", "planned", "reported_background", "negated"]
ActorRole = Literal["source", "target", "participant"]

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def content_id(raw: str) -> str:
    """Id of an article: a hash of its NFC text, so the same content is stored once."""
    normal = unicodedata.normalize("NFC", raw).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Article:
    """An input article as read, before any cleaning.

    ``source`` is the input file's name (or the JSON Lines ``id``): the export's
    ``document`` field, which users recognise, unlike the content hash ``id``.
    """

    id: str
    source: str
    raw: str
    format: Literal["txt", "html", "jsonl"] = "txt"
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published: date | None = None
    author: str | None = None

    @classmethod
    def from_text(cls, raw: str, source: str, **meta: Any) -> Article:
        return cls(id=content_id(raw), source=source, raw=raw, **meta)


@dataclass(frozen=True)
class PartialDate:
    """A date known only to some granularity, with the words and reasoning behind it.

    ``value`` is ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or ``None``; for
    ``granularity == "weekday"`` the value holds what is known beside the weekday
    (often the year) and ``weekday`` names the day. ``candidates`` lists the values
    the resolver could not choose between, instead of picking one.
    """

    value: str | None = None
    granularity: Granularity = "unknown"
    weekday: str | None = None
    evidence: tuple[str, ...] = ()
    candidates: tuple[str, ...] = ()

    @classmethod
    def from_date(cls, day: date, *evidence: str) -> PartialDate:
        return cls(day.isoformat(), "day", WEEKDAYS[day.weekday()], tuple(evidence))

    @property
    def year(self) -> int | None:
        return int(self.value[:4]) if self.value else None

    def contains(self, other: PartialDate) -> bool:
        """True when ``other`` could be the same moment, only more precisely known."""
        if self.value is None:
            return self.weekday is None or other.weekday in (None, self.weekday)
        if other.value is None or not other.value.startswith(self.value):
            return False
        return self.weekday is None or other.weekday in (None, self.weekday)

    def to_json(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "granularity": self.granularity,
            "weekday": self.weekday,
            "evidence": list(self.evidence),
            "candidates": list(self.candidates),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> PartialDate:
        if not data:
            return cls()
        return cls(
            data.get("value"),
            data.get("granularity", "unknown"),
            data.get("weekday"),
            tuple(data.get("evidence", ())),
            tuple(data.get("candidates", ())),
        )


UNKNOWN_DATE = PartialDate()


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    lang: str = "hi"
    paragraph: int = 0


@dataclass(frozen=True)
class Removed:
    """A piece of the raw input the cleaner took out, kept so nothing is lost silently."""

    text: str
    reason: str
    line: int | None = None


@dataclass(frozen=True)
class Mention:
    """A name, place, organisation or role phrase in the text, linked where possible.

    ``actor_id`` is a knowledge-base id (``"person/s-jaishankar"``, ``"country/RUS"``)
    or a provisional id (``"provisional/per/..."``) for unknown names; ``None`` only
    when the mention could not be linked at all.
    """

    start: int
    end: int
    text: str
    kind: str  # PER, LOC, ORG, GPE, ROLE
    actor_id: str | None
    rule: str
    confidence: float
    attrs: dict[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class TimeExpression:
    start: int
    end: int
    text: str
    kind: str  # DATE, TIME, DURATION, SET
    date: PartialDate = UNKNOWN_DATE
    rule: str = ""


@dataclass(frozen=True)
class EventActor:
    actor_id: str
    name: str
    country: str | None
    role: str | None
    as_: ActorRole
    span: tuple[int, int] | None = None


@dataclass(frozen=True)
class Quote:
    speaker: str | None
    text: str
    span: tuple[int, int]


@dataclass(frozen=True)
class EventMention:
    """One report of an event in one sentence, with the spans that justify each field."""

    type: str
    mode: str | None
    status: Status
    sentence: int
    trigger: tuple[int, int]
    actors: tuple[EventActor, ...]
    date: PartialDate = UNKNOWN_DATE
    date_span: tuple[int, int] | None = None
    location: dict[str, Any] | None = None
    location_span: tuple[int, int] | None = None
    venue: str | None = None
    venue_span: tuple[int, int] | None = None
    topics: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()
    confidence: float = 0.5


@dataclass
class Doc:
    """An article after cleaning, with the layers later stages add."""

    article: Article
    text: str = ""
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    headings: list[int] = field(default_factory=list)
    """Indices into ``paragraphs`` of the headline and sub-headings: searchable text,
    but not a source of events (a headline merely repeats the body)."""
    sentences: list[Sentence] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    timexes: list[TimeExpression] = field(default_factory=list)
    document_date: PartialDate = UNKNOWN_DATE
    events: list[EventMention] = field(default_factory=list)

    def sentence_at(self, offset: int) -> int | None:
        """Index of the sentence holding character ``offset``, or None between sentences."""
        for i, s in enumerate(self.sentences):
            if s.start <= offset < s.end:
                return i
        return None
