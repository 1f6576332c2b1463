"""One event mention per event per article, and who visits whom.

An article reports one meeting in many sentences (``मुलाकात की`` … ``दोनों नेताओं ने
चर्चा की`` … ``लावरोव पहुंचे थे``). :func:`merge_within_document` folds mentions of the
same type and status whose people and dates fit together into one (two plans fit
when one is undated in the text or dated more coarsely), keeping the strongest
evidence and the union of actors, topics and quotes. People "fit" when one side's
people are among the other's; a country actor (the host country of an arrival) fits a
person of that country. Taking part in one named gathering (the same organisation
named in both venues, place and date agreeing) is one event whoever each sentence
names: ``जयशंकर क्वाड की बैठक में हिस्सा लेंगे`` and ``इस बैठक में ब्लिंकन भी शामिल
होंगे``. Two meetings of one minister with two different counterparts
stay apart; coordinated triggers of one sentence (``X से मुलाकात करेंगे और Y से भेंट
करेंगे``) are one event.

:func:`orient` sets a visit's direction from the place: the visitor is the source, the
host (the actor of the place's country) the target.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ghatna.clean.normalize import fold
from ghatna.document import EventActor, EventMention

VenueKey = Callable[[EventMention], frozenset[str]]
_GATHERING_WORDS = frozenset(
    fold(w)
    for w in (
        "की",
        "के",
        "का",
        "में",
        "और",
        "बैठक",
        "बैठकों",
        "सम्मेलन",
        "शिखर",
        "वार्ता",
        "मंत्रिस्तरीय",
        "मंत्रियों",
        "विदेश",
        "सरकार",
        "प्रमुखों",
        "परिषद",
        "इतर",
        "दौरान",
        "meeting",
        "summit",
        "conference",
        "of",
        "the",
    )
)

_GRAIN = {"day": 4, "weekday": 3, "month": 2, "year": 1, "unknown": 0}


def is_country(actor: EventActor) -> bool:
    return actor.actor_id.startswith("country/")


def orient(
    mode: str | None, actors: tuple[EventActor, ...], country: str | None
) -> tuple[str | None, tuple[EventActor, ...]]:
    """Mode and source/target of a CONSULT from where it happened.

    With a place country, people of that country are hosts (targets) and the others
    visitors (sources): mode visit. If nobody is from there, it is a meeting at a third
    place. A country actor (the host country of an arrival) is dropped when a person of
    that country takes part, or when two people meet: they, not their states, met.
    """
    people = [a for a in actors if not is_country(a)]
    kept = tuple(
        a
        for a in actors
        if not is_country(a)
        or (len(people) < 2 and not any(p.country == a.country for p in people))
    )
    if mode in ("phone", "multilateral", "third-party") or country is None or len(kept) < 2:
        return mode, kept
    local = [a for a in kept if a.country == country]
    foreign = [a for a in kept if a.country and a.country != country]
    if local and foreign:
        out = tuple(
            replace(a, as_="target" if a.country == country else "source") if a.country else a
            for a in kept
        )
        return "visit", out
    if foreign and not local and mode is None:
        return "third-party", kept
    return mode, kept


def _people(event: EventMention) -> set[str]:
    return {a.actor_id for a in event.actors if not is_country(a)}


def _countries_fit(small: EventMention, big: EventMention) -> bool:
    have = {a.country for a in big.actors} | {(big.location or {}).get("country")}
    return all(a.country in have for a in small.actors if is_country(a))


def _arrival(event: EventMention) -> bool:
    return event.mode == "visit" and len(_people(event)) == 1


def venue_words(event: EventMention) -> frozenset[str]:
    """The words that name a gathering (``ब्रिक्स``, ``SCO``), not those any gathering has."""
    words = fold(event.venue or "").replace("(", " ").replace(")", " ").split()
    return frozenset(w for w in words if w not in _GATHERING_WORDS)


def _fits(a: EventMention, b: EventMention, venue_key: VenueKey) -> bool:
    if a.type != b.type or a.status != b.status or _crossed(a, b):
        return False
    if a.venue and b.venue and not venue_key(a) & venue_key(b):
        return False
    if "multilateral" in (a.mode, b.mode) and a.mode != b.mode:
        return False
    ca, cb = (a.location or {}).get("country"), (b.location or {}).get("country")
    if ca and cb and ca != cb:
        return False
    na, nb = (a.location or {}).get("name"), (b.location or {}).get("name")
    if na and nb and na != nb:
        return False
    same_day = a.date.contains(b.date) or b.date.contains(a.date) or _both_planned_fit(a, b)
    if not (same_day or _arrival(a) or _arrival(b)):
        return False
    if a.mode == b.mode == "multilateral" and a.venue and b.venue and same_day:
        return True  # one gathering, whoever the sentence names as taking part
    pa, pb = _people(a), _people(b)
    if a.sentence == b.sentence and pa & pb:
        return True
    small, big = (a, b) if len(pa) <= len(pb) else (b, a)
    return bool(_people(small)) and _people(small) <= _people(big) and _countries_fit(small, big)


def _crossed(a: EventMention, b: EventMention) -> bool:
    """Someone does it in one and has it done to them in the other: Modi's appeal to
    the public and Sonia Gandhi's appeal to Modi are two requests. A meeting's source
    and target say only who travelled, which a sentence without the place may get the
    other way round, so meetings never cross."""
    if a.type == "CONSULT":
        return False
    sides = {x.actor_id: x.as_ for x in a.actors if x.as_ != "participant"}
    return any(sides.get(x.actor_id, x.as_) != x.as_ for x in b.actors if x.as_ != "participant")


def _both_planned_fit(a: EventMention, b: EventMention) -> bool:
    """Two announcements of a plan fit when one's date is not the text's own (the
    document's, given to an undated ``... चर्चा होगी``) or is a coarser value of the
    other's (``अगस्त में`` and ``21 अगस्त को``), whatever weekday came with it."""
    if a.status != "planned" or b.status != "planned":
        return False
    if a.date_span is None or b.date_span is None:
        return True
    va, vb = a.date.value or "", b.date.value or ""
    return va.startswith(vb) or vb.startswith(va)


def _union_actors(events: list[EventMention]) -> tuple[EventActor, ...]:
    by_id: dict[str, EventActor] = {}
    for event in events:
        for actor in event.actors:
            old = by_id.get(actor.actor_id)
            if old is None or (old.as_ == "participant" and actor.as_ != "participant"):
                by_id[actor.actor_id] = actor
    return tuple(by_id.values())


def _mode(group: list[EventMention]) -> str | None:
    """The mode the text states (phone, gathering, sidelines); visit or third place is
    then worked out again from everybody's country and the place."""
    stated = [e.mode for e in group if e.mode in ("phone", "multilateral")]
    if stated:
        return stated[0]
    if any(e.mode == "third-party" and e.venue for e in group):
        return "third-party"
    if group[0].type != "CONSULT":
        return max((e.mode for e in group), key=lambda m: m is not None)
    return None


def _combine(group: list[EventMention]) -> EventMention:
    best = max(group, key=lambda e: (not _arrival(e), e.confidence, -e.sentence))
    dated = [e for e in group if e.date_span is not None and not _arrival(e)] or group
    when = max(dated, key=lambda e: (_GRAIN[e.date.granularity], e.date_span is not None))
    placed = [e for e in group if e.location] or [best]
    where = max(placed, key=lambda e: (bool((e.location or {}).get("name")), e.confidence))
    venues = [e for e in group if e.venue]
    mode = _mode(group)
    topics = tuple(dict.fromkeys(t for e in group for t in e.topics))
    quotes = tuple(dict.fromkeys(q for e in group for q in e.quotes))
    actors = _union_actors(group)
    if best.type == "CONSULT":
        mode, actors = orient(mode, actors, (where.location or {}).get("country"))
        if mode is None and any(e.mode == "visit" for e in group):
            mode = "visit"
    return replace(
        best,
        mode=mode,
        actors=actors,
        date=when.date,
        date_span=when.date_span,
        location=where.location,
        location_span=where.location_span,
        venue=venues[0].venue if venues else None,
        venue_span=venues[0].venue_span if venues else None,
        topics=topics,
        quotes=quotes,
        confidence=min(0.95, max(e.confidence for e in group) + 0.05 * (len(group) - 1)),
    )


def merge_within_document(
    events: list[EventMention], venue_key: VenueKey = venue_words
) -> list[EventMention]:
    """Merge the mentions of one article that report the same event (see module doc).

    Groups are merged until nothing changes, so an arrival met before its meeting has
    a place still joins it once a later sentence gives the meeting that place. Two
    mentions at gatherings that share no name (``venue_key``: by default the naming
    words of the venue) are two events: the SCO ministers' meeting and the BRICS summit
    of the same month are not one meeting of the same two ministers.
    """
    groups = [[e] for e in events]
    merged = list(events)
    changed = True
    while changed:
        changed = False
        for i in range(len(merged)):
            j = next(
                (j for j in range(i + 1, len(merged)) if _fits(merged[i], merged[j], venue_key)),
                None,
            )
            if j is not None:
                groups[i] += groups.pop(j)
                merged.pop(j)
                merged[i] = _combine(groups[i])
                changed = True
                break
    return [_share_place(e, merged) for e in merged]


def _same_day(a: EventMention, b: EventMention) -> bool:
    grains = ("day", "weekday")
    return (
        a.date.granularity in grains
        and a.date == b.date
        or (a.date.value is not None and a.date.value == b.date.value and len(a.date.value) == 10)
    )


def _share_place(event: EventMention, events: list[EventMention]) -> EventMention:
    """An event without a place, on the day one of its people is placed by another event
    of the article, happened there (a minister meets two counterparts at one summit).
    A phone call happened nowhere: it takes no place from the others."""
    if event.location is not None or event.mode == "phone":
        return event
    for other in events:
        placed = other is not event and other.location is not None and other.status == event.status
        if placed and _people(other) & _people(event) and _same_day(event, other):
            mode, actors = event.mode, event.actors
            if event.type == "CONSULT":
                mode, actors = orient(mode, actors, other.location.get("country"))
            return replace(
                event,
                location=other.location,
                location_span=other.location_span,
                mode=mode,
                actors=actors,
            )
    return event
