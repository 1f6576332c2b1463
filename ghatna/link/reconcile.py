"""Merge the event mentions of one real-world event into one Event record.

Rules (each visible in the record, nothing hidden):

* date — the most precise value any source supports; the evidence says which
  source fixed it, so a report with no date shows it inherited the day from a
  linked preview;
* status — ``happened`` wins once any source reports it happened, then
  ``planned``, then ``reported_background``;
* actors, topics, quotes — unions, each actor with the most specific part
  (source/target beats participant);
* location, venue — the most confident source's value; disagreeing values are
  kept under ``conflicts``.
"""

from __future__ import annotations

import hashlib
from typing import Any

from ghatna.document import PartialDate
from ghatna.events import cameo_code, plover_export_type

PRECISION = {"day": 4, "weekday": 3, "month": 2, "year": 1, "unknown": 0}
STATUS_RANK = {"happened": 3, "planned": 2, "reported_background": 1, "negated": 0}
ROLE_RANK = {"source": 2, "target": 2, "participant": 1}


def event_id(mention_ids: list[str]) -> str:
    """Stable id: derived from the earliest mention, so later joins keep the id."""
    first = min(mention_ids)
    return "ev-" + hashlib.sha256(first.encode()).hexdigest()[:12]


def date_precision(date: dict[str, Any]) -> int:
    return PRECISION.get(date.get("granularity", "unknown"), 0)


def reconcile(mentions: list[dict[str, Any]], eid: str | None = None) -> dict[str, Any]:
    ordered = sorted(mentions, key=lambda m: -m.get("confidence", 0))  # stable: first linked first
    best = ordered[0]
    status = max((m["status"] for m in mentions), key=lambda s: STATUS_RANK.get(s, 0))
    event = {
        "id": eid or event_id([m["id"] for m in mentions]),
        "type": best["type"],
        "mode": _first(m.get("mode") for m in ordered),
        "status": status,
        "actors": _merge_actors(ordered),
        "location": None,
        "venue": None,
        "date": _merge_date(ordered),
        "topics": sorted({t for m in mentions for t in m.get("topics", [])}),
        "quotes": _merge_quotes(ordered),
        "sources": [_source(m) for m in sorted(mentions, key=lambda m: m["id"])],
        "conflicts": [],
    }
    for key in ("location", "venue"):
        values = [m[key] for m in ordered if m.get(key)]
        if values:
            event[key] = values[0]
            distinct = {repr(v) for v in values}
            if len(distinct) > 1 and not _nested_places(values, key):
                event["conflicts"].append({"field": key, "values": _unique(values)})
    event["cameo"] = cameo_code(event["type"], event["mode"], event["status"])
    event["plover_type"] = plover_export_type(event["type"], event["status"])
    event["summary"] = best["source"]["sentence"].strip()
    event["source_count"] = len(
        {s.get("near_duplicate_of") or s["article_id"] for s in event["sources"]}
    )
    event["outlets"] = sorted({s["outlet"] for s in event["sources"] if s.get("outlet")})
    return event


def _first(values: Any) -> Any:
    return next((v for v in values if v), None)


def _unique(values: list[Any]) -> list[Any]:
    seen, out = set(), []
    for v in values:
        if repr(v) not in seen:
            seen.add(repr(v))
            out.append(v)
    return out


def _nested_places(values: list[Any], key: str) -> bool:
    """Moscow and "somewhere in Russia" agree: a city refines its country."""
    if key != "location":
        return False
    countries = {v.get("country") for v in values}
    names = {v.get("name") for v in values if v.get("name")}
    return len(countries) == 1 and len(names) <= 1


def _merge_actors(ordered: list[dict[str, Any]]) -> list[dict[str, Any]]:
    merged: dict[str, dict[str, Any]] = {}
    for m in ordered:
        for a in m.get("actors", []):
            cur = merged.get(a["id"])
            if cur is None:
                merged[a["id"]] = {k: a.get(k) for k in ("id", "name", "country", "role", "as")}
            elif ROLE_RANK.get(a["as"], 0) > ROLE_RANK.get(cur["as"], 0):
                cur["as"] = a["as"]
            if cur is not None and not cur.get("role"):
                cur["role"] = a.get("role")
    return list(merged.values())


def _merge_date(ordered: list[dict[str, Any]]) -> dict[str, Any]:
    """The most precise date any source gives, with the chain of evidence."""
    best = max(ordered, key=lambda m: (date_precision(m["date"]), -ordered.index(m)))
    date = PartialDate.from_json(best["date"]).to_json()
    doc = best["source"]["document"]
    evidence = [f"{doc}: {e}" for e in date.get("evidence", [])] or [f"{doc}: no date in text"]
    inheritors = [
        m["source"]["document"]
        for m in ordered
        if m is not best and date_precision(m["date"]) < date_precision(best["date"])
    ]
    for other in dict.fromkeys(inheritors):
        evidence.append(
            f"{other}: gives no more precise date; inherits it from linked report {doc}"
        )
    date["evidence"] = evidence
    return date


def _merge_quotes(ordered: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[tuple[str | None, str]] = set()
    quotes = []
    for m in ordered:
        for q in m.get("quotes", []):
            key = (q.get("speaker"), q["text"])
            if key not in seen:
                seen.add(key)
                quotes.append(
                    {
                        "speaker": q.get("speaker"),
                        "text": q["text"],
                        "document": m["source"]["document"],
                        "span": q.get("span"),
                    }
                )
    return quotes


def _source(m: dict[str, Any]) -> dict[str, Any]:
    src = m["source"]
    return {
        "document": src["document"],
        "article_id": src["article_id"],
        "outlet": src.get("outlet"),
        "published": src.get("published"),
        "url": src.get("url"),
        "status": m["status"],
        "sentence": src["sentence"],
        "span": src["span"],
        "trigger": src.get("trigger"),
        "mention_id": m["id"],
        "near_duplicate_of": src.get("near_duplicate_of"),
    }
