"""Score the events stage against ../shared/gold/seeds.yaml (the development set).

Runs the whole per-document pipeline on the bundled sample (``ghatna/sample/seeds``)
and matches extracted event mentions to gold events: same document, same PLOVER type
(background events have none in the gold: any type), and participant names that
overlap by two (or by all, for a one-actor gold event). Each (gold event, document)
pair is one item to find, so E5 counts once for 001 and once for 002.

Reports precision and recall for the main events, the background events and both;
precision counts every extracted event (the gold annotates meetings only, so an
extracted SUPPORT or REQUEST counts against it; the CONSULT-only figure is printed
beside it). For matched events it reports field accuracy: mode, status, location
(country, and city where the gold names one) and date (value and weekday).

The gold's notes fix two per-document expectations, kept in ``PER_DOCUMENT``: 002
announces E5 (status planned there), and 001 gives no date for it (only linking can).

Usage: python scripts/eval_events.py [--gold FILE] [--seeds DIR] [--verbose]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
import yaml

from ghatna.document import Article, EventMention
from ghatna.entities.kb import alias_key
from ghatna.pipeline import load_resources, process

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / ".." / "shared" / "gold" / "seeds.yaml"
SEEDS = ROOT / "ghatna" / "sample" / "seeds"
PER_DOCUMENT: dict[tuple[str, str], dict[str, Any]] = {
    ("E5", "002_7a2113e3815ab85c.txt"): {"status": "planned"},
    ("E5", "001_345e213a32ac9fb2.txt"): {"date": None},
}
FIELDS = ("mode", "status", "location", "date")


@dataclass
class GoldItem:
    id: str
    document: str
    kind: str  # main or background
    data: dict[str, Any]
    found: EventMention | None = None
    fields: dict[str, bool] = field(default_factory=dict)


def gold_items(gold: dict[str, Any]) -> list[GoldItem]:
    items = [GoldItem(e["id"], doc, "main", e) for e in gold["events"] for doc in e["documents"]]
    for i, e in enumerate(gold.get("background_events", []), 1):
        items += [GoldItem(f"B{i}", doc, "background", e) for doc in e["documents"]]
    return items


def overlap(item: GoldItem, event: EventMention) -> int:
    names = {a.name for a in event.actors}
    return len(set(item.data["actors"]) & names)


def matches(item: GoldItem, event: EventMention) -> bool:
    if item.kind == "main" and event.type != item.data["type"]:
        return False
    need = min(2, len(item.data["actors"]))
    return overlap(item, event) >= need


def expected(item: GoldItem, name: str) -> Any:
    override = PER_DOCUMENT.get((item.id, item.document), {})
    if name in override:
        return override[name]
    if name == "status" and item.kind == "background":
        return "reported_background"
    return item.data.get(name)


def date_ok(want: Any, event: EventMention) -> bool:
    got = event.date
    if want is None:
        return got.value is None or got.granularity == "unknown"
    if not isinstance(want, dict):
        return got.value == str(want)
    value = "-".join(
        f"{want[k]:02d}" if k != "year" else str(want[k])
        for k in ("year", "month", "day")
        if k in want
    )
    return got.value == value and want.get("weekday") in (None, got.weekday)


def location_ok(want: dict[str, Any] | None, event: EventMention, kb: Any) -> bool:
    got = event.location or {}
    if want is None:
        return True
    if want.get("country") and got.get("country") != want["country"]:
        return False
    if not want.get("city"):
        return True
    actors = kb.find(got["name"]) if got.get("name") else []
    keys = {alias_key(a) for actor in actors for a in actor.aliases}
    return alias_key(want["city"]) in keys


def score_fields(item: GoldItem, event: EventMention, kb: Any) -> dict[str, bool]:
    out = {
        "status": event.status == expected(item, "status"),
        "location": location_ok(item.data.get("location"), event, kb),
        "date": date_ok(expected(item, "date"), event),
    }
    if item.kind == "main":
        out["mode"] = event.mode == item.data.get("mode")
    return out


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def describe(event: EventMention) -> str:
    who = ", ".join(f"{a.name}:{a.as_}" for a in event.actors)
    where = event.location or {}
    return (
        f"{event.type}/{event.mode} {event.status} [{who}] "
        f"@{where.get('name')}/{where.get('country')} date={event.date.value}"
        f"/{event.date.weekday}"
    )


@click.command()
@click.option("--gold", "gold_path", type=click.Path(path_type=Path), default=GOLD)
@click.option("--seeds", type=click.Path(path_type=Path), default=SEEDS)
@click.option("--verbose", is_flag=True, help="List every miss and every unmatched event.")
def main(gold_path: Path, seeds: Path, verbose: bool) -> None:
    """Print precision, recall and field accuracy of event extraction on the sample."""
    if not gold_path.is_file():
        raise click.ClickException(f"{gold_path}: gold file not found; pass --gold")
    gold = yaml.safe_load(gold_path.read_text("utf-8"))
    res = load_resources()
    extracted: dict[str, list[EventMention]] = {}
    for name in gold["documents"]:
        raw = (seeds / name).read_text("utf-8")
        extracted[name] = process(Article.from_text(raw, source=name), res).events
    items = gold_items(gold)
    used: set[int] = set()
    for item in sorted(items, key=lambda i: i.kind != "main"):
        candidates = [e for e in extracted[item.document] if id(e) not in used and matches(item, e)]
        if candidates:
            item.found = max(
                candidates,
                key=lambda e: (
                    overlap(item, e),
                    sum(score_fields(item, e, res.kb).values()),
                    e.confidence,
                ),
            )
            used.add(id(item.found))
            item.fields = score_fields(item, item.found, res.kb)
    events = [e for evs in extracted.values() for e in evs]
    consult = [e for e in events if e.type == "CONSULT"]
    for label, kinds in (("main", ("main",)), ("background", ("background",)), ("all", None)):
        subset = [i for i in items if kinds is None or i.kind in kinds]
        tp = sum(i.found is not None for i in subset)
        p, r, f = prf(tp, len(events), len(subset))
        print(f"{label:11s} gold={len(subset):2d} found={tp:2d}  recall={r:.2f}", end="")
        if kinds is None:
            pc = sum(id(e) in used for e in consult) / len(consult) if consult else 0.0
            print(f"  precision={p:.2f} (CONSULT only {pc:.2f})  F1={f:.2f}", end="")
        print()
    print(f"extracted events: {len(events)} ({len(consult)} CONSULT)")
    for name in FIELDS:
        scored = [i.fields[name] for i in items if name in i.fields]
        if scored:
            print(f"  {name:9s} accuracy {sum(scored) / len(scored):.2f} ({len(scored)} matched)")
    if verbose:
        for item in items:
            mark = "MISS" if item.found is None else "ok  "
            wrong = [k for k, ok in item.fields.items() if not ok]
            print(f"{mark} {item.id} {item.document[:3]} {wrong or ''}")
            if item.found is not None and wrong:
                print(f"       {describe(item.found)}")
        for name, evs in extracted.items():
            for e in evs:
                if id(e) not in used:
                    print(f"EXTRA {name[:3]} {describe(e)}")


if __name__ == "__main__":
    main()
