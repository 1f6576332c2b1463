"""Score linked events against a gold file of event clusters (pairwise and B-cubed).

The unit is an event *mention*: one event as reported by one document. Gold
events list their ``documents`` (``gold/seeds.yaml`` shape: ``events`` and
``background_events``, each with ``actors`` and ``documents``); system events
list their ``sources`` (the export contract). Each system mention is aligned to
the gold mention of the same document that shares the most participants (by
canonical name; at least two when both sides have two or more). Unaligned
mentions stay in the scores as singletons, so extra or missing events cost
precision or recall instead of vanishing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from typing import Any

Mention = tuple[str, str]  # (document, cluster id)


@dataclass(frozen=True)
class Scores:
    pairwise: tuple[float, float, float]
    bcubed: tuple[float, float, float]
    gold_mentions: int
    system_mentions: int
    aligned: int

    def as_dict(self) -> dict[str, Any]:
        names = ("precision", "recall", "f1")
        return {
            "pairwise": dict(zip(names, self.pairwise, strict=True)),
            "bcubed": dict(zip(names, self.bcubed, strict=True)),
            "gold_mentions": self.gold_mentions,
            "system_mentions": self.system_mentions,
            "aligned": self.aligned,
        }


def gold_events(gold: dict[str, Any]) -> list[dict[str, Any]]:
    events = list(gold.get("events", []))
    for i, e in enumerate(gold.get("background_events", []), start=1):
        events.append({"id": e.get("id", f"B{i}"), **e})
    return events


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _gold_date(g: dict[str, Any]) -> str | None:
    """A gold date as a value prefix: ``2025-08-21``, or ``{year, month}`` → ``2025-08``."""
    date = g.get("date")
    if isinstance(date, dict):
        if "year" not in date:
            return None
        month = f"-{int(date['month']):02d}" if date.get("month") else ""
        return f"{date['year']}{month}"
    return str(date) if date else None


def _agreement(event: dict[str, Any], g: dict[str, Any]) -> float:
    """Tie-breakers after shared participants: the same date, then the same status."""
    value = (event.get("date") or {}).get("value")
    gold = _gold_date(g)
    score = 0.0
    if value and gold and (value.startswith(gold) or gold.startswith(value)):
        score += 0.5
    background = g.get("status") == "reported_background" or g["id"].startswith("B")
    if (event.get("status") == "reported_background") == background:
        score += 0.25
    return score


def _align(
    gold: list[dict[str, Any]], system: list[dict[str, Any]]
) -> tuple[dict[Mention, str], dict[Mention, str]]:
    """Map every mention to an item id shared by both sides when aligned."""
    gold_items: dict[Mention, str] = {}
    by_doc: dict[str, list[tuple[str, set[str]]]] = {}
    for g in gold:
        for doc in g.get("documents", []):
            gold_items[(doc, g["id"])] = f"{doc}|{g['id']}"
            by_doc.setdefault(doc, []).append((g, set(g.get("actors", []))))
    system_items: dict[Mention, str] = {}
    taken: set[Mention] = set()
    candidates = []
    for e in system:
        names = {a["name"] for a in e.get("actors", [])}
        for doc in dict.fromkeys(s["document"] for s in e.get("sources", [])):
            for g, gnames in by_doc.get(doc, []):
                shared = len(names & gnames)
                need = 2 if len(names) >= 2 and len(gnames) >= 2 else 1
                if shared >= need:
                    candidates.append((shared + _agreement(e, g), doc, e["id"], g["id"]))
            system_items[(doc, e["id"])] = f"{doc}|system|{e['id']}"
    for _, doc, eid, gid in sorted(candidates, key=lambda c: -c[0]):
        if (doc, gid) in taken or not system_items[(doc, eid)].startswith(f"{doc}|system|"):
            continue
        taken.add((doc, gid))
        system_items[(doc, eid)] = gold_items[(doc, gid)]
    return gold_items, system_items


def _clusters(items: dict[Mention, str]) -> dict[str, set[str]]:
    """item id → the set of item ids in its cluster."""
    by_cluster: dict[str, set[str]] = {}
    for (_, cluster), item in items.items():
        by_cluster.setdefault(cluster, set()).add(item)
    return {item: members for members in by_cluster.values() for item in members}


def score(gold: dict[str, Any], system: Iterable[dict[str, Any]]) -> Scores:
    gold_list = gold_events(gold)
    system_list = list(system)
    gold_items, system_items = _align(gold_list, system_list)
    g_of, s_of = _clusters(gold_items), _clusters(system_items)
    universe = set(g_of) | set(s_of)
    for item in universe:
        g_of.setdefault(item, {item})
        s_of.setdefault(item, {item})

    def pairs(of: dict[str, set[str]]) -> set[frozenset[str]]:
        out: set[frozenset[str]] = set()
        for members in {frozenset(m) for m in of.values()}:
            out.update(frozenset(p) for p in combinations(sorted(members), 2))
        return out

    gp, sp = pairs(g_of), pairs(s_of)
    pp = len(gp & sp) / len(sp) if sp else 1.0
    pr = len(gp & sp) / len(gp) if gp else 1.0
    bp = sum(len(s_of[i] & g_of[i]) / len(s_of[i]) for i in universe) / len(universe)
    br = sum(len(s_of[i] & g_of[i]) / len(g_of[i]) for i in universe) / len(universe)
    aligned = sum(1 for v in system_items.values() if "|system|" not in v)
    return Scores(
        pairwise=(pp, pr, _f1(pp, pr)),
        bcubed=(bp, br, _f1(bp, br)),
        gold_mentions=len(gold_items),
        system_mentions=len(system_items),
        aligned=aligned,
    )
