"""Cross-document linking: event mentions that describe one real event become one Event.

Incremental: each new mention is compared only with the stored events that share
one of its participants, have the same type, and could have its date (within three
days of a day, in the same month or year of a coarser date, or undated) — indexed
look-ups, so the cost per article stays near constant as the store grows.
A mention joins the single compatible event; with none it starts a new one; with
several and no date to choose between them, it starts its own rather than guess.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ghatna.document import PartialDate
from ghatna.link.reconcile import reconcile

if TYPE_CHECKING:
    from ghatna.store.base import Store

PERSON_PREFIXES = ("person/", "provisional/")


def link_mentions(store: Store, mention_ids: list[str]) -> list[str]:
    """Attach each mention to an event (joined or new); returns the event ids touched."""
    touched: list[str] = []
    with store.transaction():
        for mid in mention_ids:
            mention = store.event_mention(mid)
            if mention["event_id"]:
                continue
            target = _choose(mention, _candidates(store, mention))
            members = store.mentions_of_event(target["id"]) if target else []
            event = reconcile([*members, mention], target["id"] if target else None)
            store.put_event(event, [m["id"] for m in members] + [mid])
            touched.append(event["id"])
    return list(dict.fromkeys(touched))


def _people(m: dict[str, Any]) -> set[str]:
    return {a["id"] for a in m.get("actors", []) if a["id"].startswith(PERSON_PREFIXES)}


def _candidates(store: Store, mention: dict[str, Any]) -> list[dict[str, Any]]:
    actors = sorted(_people(mention)) or sorted(a["id"] for a in mention.get("actors", []))
    return store.candidate_events(actors, mention["type"], mention["date"].get("value"))


def _choose(mention: dict[str, Any], candidates: list[dict[str, Any]]) -> dict[str, Any] | None:
    scored = [(s, e) for e in candidates if (s := compatibility(mention, e)) is not None]
    if not scored:
        return None
    scored.sort(key=lambda pair: -pair[0])
    undated = not mention["date"].get("value") and not mention["date"].get("weekday")
    if len(scored) > 1 and undated and scored[0][0] == scored[1][0]:
        return None
    return scored[0][1]


def compatibility(mention: dict[str, Any], event: dict[str, Any]) -> float | None:
    """A score when the mention can describe the event, None when something contradicts it.

    An event that already holds a report from the mention's own article is not its
    event: the extractor has merged what that article says about one event
    (``merge_within_document``), so two mentions it kept apart are two events (a
    meeting called off and the trip planned instead).
    """
    article = mention["source"]["article_id"]
    if any(s["article_id"] == article for s in event.get("sources", [])):
        return None
    if mention.get("mode") and event.get("mode") and mention["mode"] != event["mode"]:
        return None
    mine, theirs = _people(mention), _people(event)
    shared = mine & theirs
    if not shared:
        return None
    if len(mine) >= 2 and len(theirs) >= 2 and len(shared) < 2:
        return None
    if not _places_agree(mention.get("location"), event.get("location")):
        return None
    if mention.get("venue") and event.get("venue") and mention["venue"] != event["venue"]:
        return None
    a, b = PartialDate.from_json(mention["date"]), PartialDate.from_json(event["date"])
    if not (a.contains(b) or b.contains(a)):
        return None
    same_day = a.value is not None and a.value == b.value
    return len(shared) + (2.0 if same_day else 0.0) + (0.5 if a.value and b.value else 0.0)


def _places_agree(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    """Only a different country contradicts; two cities of one country are a conflict to show."""
    if not a or not b:
        return True
    return not (a.get("country") and b.get("country") and a["country"] != b["country"])
