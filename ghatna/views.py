"""Queries every front end shares (CLI, HTTP API, web UI), so they give the same answers.

A timeline can be asked of an actor, an actor pair, an actor and a country, a
country, a country pair, a topic and a date range; names are resolved through
the knowledge base (any alias, in Devanagari or Latin script, or an actor id).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ghatna.errors import GhatnaError
from ghatna.store.base import Store


class UnknownActor(GhatnaError):
    def __init__(self, name: str) -> None:
        super().__init__(
            f"no actor called {name!r} in the knowledge base; "
            "list them with `ghatna actors list` or use an actor id such as person/s-jaishankar"
        )
        self.name = name


def is_country_code(value: str) -> bool:
    return len(value) == 3 and value.isalpha() and value.isupper()


def actor_ids(kb: Any, name: str) -> list[str]:
    """Actor ids for a name, an alias or an actor id."""
    if "/" in name:
        return [name]
    found = kb.find(name)
    if not found:
        raise UnknownActor(name)
    return [a.id for a in found]


@dataclass(frozen=True)
class EventQuery:
    """What a user asks for; every field optional. ``actor``/``with_`` may be ISO3 codes."""

    actor: str | None = None
    with_: str | None = None
    country: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    type_: str | None = None
    status: str | None = None
    topic: str | None = None


def find_events(store: Store, kb: Any, q: EventQuery) -> list[dict[str, Any]]:
    """Events matching ``q``, oldest first (unknown dates last)."""
    names = [n for n in (q.actor, q.with_) if n and not is_country_code(n)]
    countries = [c for c in (q.actor, q.with_, q.country) if c and is_country_code(c)]
    groups = [actor_ids(kb, n) for n in names]
    results: dict[str, dict[str, Any]] = {}
    for first in groups[0] if groups else [None]:
        for second in groups[1] if len(groups) > 1 else [None]:
            named = [a for a in (first, second) if a]
            for e in store.events(
                actors=named,
                date_from=q.date_from,
                date_to=q.date_to,
                type_=q.type_,
                status=q.status,
                topic=q.topic,
            ):
                if all(involves_country(e, c, named) for c in countries):
                    results[e["id"]] = e
    return sorted(results.values(), key=chronological)


def involves_country(event: dict[str, Any], iso3: str, named: list[str]) -> bool:
    """An actor of that country (other than the ones asked for by name) or a place in it."""
    if (event.get("location") or {}).get("country") == iso3:
        return True
    return any(a.get("country") == iso3 and a["id"] not in named for a in event.get("actors", []))


def chronological(event: dict[str, Any]) -> tuple[int, str, tuple[str, str, int], str]:
    """Oldest first; on one date, in the order the first report tells them (the lead's
    meeting before the gathering the article turns to next), so the order is stable."""
    value = (event.get("date") or {}).get("value")
    first = min(
        (
            (
                str(s.get("published") or ""),
                str(s.get("document") or ""),
                int((s.get("span") or [0])[0]),
            )
            for s in event.get("sources") or ()
        ),
        default=("", "", 0),
    )
    return (0 if value else 1, value or "", first, event["id"])


def _distance(a: dict[str, Any], b: dict[str, Any]) -> int:
    """How far apart two events' evidence lies in a document both come from (characters)."""
    spans = [
        abs(int(x["span"][0]) - int(y["span"][0]))
        for x in a.get("sources", [])
        for y in b.get("sources", [])
        if x["document"] == y["document"] and x.get("span") and y.get("span")
    ]
    return min(spans, default=10**9)


def group_occasions(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Fold the other actions of a meeting into it: one timeline entry per occasion.

    A report of a meeting often codes more than the meeting: greetings passed on
    (SUPPORT), an appeal made there (REQUEST). Such an event joins a CONSULT event
    reported in the same document, with a compatible date and a shared person (the
    meeting sharing most people, then the one told nearest to it), and is listed
    under its ``related`` field instead of as an occasion of its own.
    Each event keeps its own record; only the grouping is added.
    """
    from ghatna.document import PartialDate

    meetings = [e for e in events if e["type"] == "CONSULT"]
    grouped: dict[str, list[dict[str, Any]]] = {e["id"]: [] for e in meetings}
    top: list[dict[str, Any]] = []
    for e in events:
        if e["type"] == "CONSULT":
            top.append(e)
            continue
        docs = {s["document"] for s in e.get("sources", [])}
        people = {a["id"] for a in e.get("actors", []) if a["id"].startswith("person/")}
        when = PartialDate.from_json(e.get("date"))
        best, best_score = None, (0, 0)
        for m in meetings:
            if not docs & {s["document"] for s in m.get("sources", [])}:
                continue
            other = PartialDate.from_json(m.get("date"))
            if when.value != other.value or when.weekday != other.weekday:
                continue
            shared = people & {a["id"] for a in m.get("actors", [])}
            score = (len(shared), -_distance(e, m))
            if shared and score > best_score:
                best, best_score = m, score
        if best is None:
            top.append(e)
        else:
            grouped[best["id"]].append(e)
    return [{**e, "related": grouped[e["id"]]} if grouped.get(e["id"]) else e for e in top]
