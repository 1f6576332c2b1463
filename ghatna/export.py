"""Event exports: JSON Lines (the contract), flat CSV, a GDELT 2.0-style event table, PLOVER.

All exports read the same reconciled event records; only the shape changes. The
GDELT table follows the GDELT 2.0 event file's column names for the fields ghatna
has (CAMEO code, actor codes, dates, places, counts, source URL) and leaves the
rest out rather than filling them with made-up values. Dates that are not known
to the day stay partial: ``SQLDATE`` is empty unless the day is known.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

CSV_COLUMNS = [
    "id",
    "type",
    "mode",
    "status",
    "cameo",
    "date",
    "date_granularity",
    "weekday",
    "location",
    "location_country",
    "venue",
    "sources",
    "participants",
    "source_actors",
    "target_actors",
    "countries",
    "topics",
    "documents",
    "outlets",
    "summary",
]

GDELT_COLUMNS = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "DateGranularity",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "SOURCEURL",
]


def to_jsonl(events: Iterable[dict[str, Any]]) -> str:
    return "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in events)


def _names(event: dict[str, Any], part: str | None = None) -> str:
    return "; ".join(a["name"] for a in event.get("actors", []) if part in (None, a.get("as")))


def to_csv(events: Iterable[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for e in events:
        date = e.get("date") or {}
        loc = e.get("location") or {}
        writer.writerow(
            {
                "id": e["id"],
                "type": e["type"],
                "mode": e.get("mode") or "",
                "status": e["status"],
                "cameo": e.get("cameo") or "",
                "date": date.get("value") or "",
                "date_granularity": date.get("granularity", "unknown"),
                "weekday": date.get("weekday") or "",
                "location": loc.get("name") or "",
                "location_country": loc.get("country") or "",
                "venue": e.get("venue") or "",
                "sources": e.get("source_count", len(e.get("sources", []))),
                "participants": _names(e),
                "source_actors": _names(e, "source"),
                "target_actors": _names(e, "target"),
                "countries": "; ".join(
                    sorted({a["country"] for a in e.get("actors", []) if a.get("country")})
                ),
                "topics": "; ".join(e.get("topics", [])),
                "documents": "; ".join(dict.fromkeys(s["document"] for s in e.get("sources", []))),
                "outlets": "; ".join(e.get("outlets", [])),
                "summary": e.get("summary", ""),
            }
        )
    return out.getvalue()


def _actor_pair(event: dict[str, Any]) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    actors = event.get("actors", [])
    first = next((a for a in actors if a.get("as") == "source"), actors[0] if actors else None)
    rest = [a for a in actors if a is not first]
    second = next((a for a in rest if a.get("as") == "target"), rest[0] if rest else None)
    return first, second


def gdelt_row(event: dict[str, Any], number: int) -> dict[str, Any]:
    date = event.get("date") or {}
    value = date.get("value") or ""
    day = value if date.get("granularity") == "day" else ""
    first, second = _actor_pair(event)
    code = event.get("cameo") or ""
    loc = event.get("location") or {}
    sources = event.get("sources", [])
    url = next((s.get("url") for s in sources if s.get("url")), None)
    return {
        "GLOBALEVENTID": number,
        "SQLDATE": day.replace("-", ""),
        "MonthYear": value[:7].replace("-", "") if len(value) >= 7 else "",
        "Year": value[:4],
        "DateGranularity": date.get("granularity", "unknown"),
        "Actor1Code": (first or {}).get("country") or "",
        "Actor1Name": (first or {}).get("name", ""),
        "Actor1CountryCode": (first or {}).get("country") or "",
        "Actor2Code": (second or {}).get("country") or "",
        "Actor2Name": (second or {}).get("name", ""),
        "Actor2CountryCode": (second or {}).get("country") or "",
        "IsRootEvent": 1,
        "EventCode": code,
        "EventBaseCode": code[:3],
        "EventRootCode": code[:2],
        "NumMentions": len(sources),
        "NumSources": len(event.get("outlets", [])) or event.get("source_count", len(sources)),
        "NumArticles": event.get("source_count", len(sources)),
        "ActionGeo_FullName": ", ".join(p for p in (loc.get("name"), loc.get("country")) if p),
        "ActionGeo_CountryCode": loc.get("country") or "",
        "SOURCEURL": url or (sources[0]["document"] if sources else ""),
    }


def to_gdelt(events: Iterable[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, GDELT_COLUMNS, delimiter="\t", lineterminator="\n")
    writer.writeheader()
    for number, event in enumerate(events, start=1):
        writer.writerow(gdelt_row(event, number))
    return out.getvalue()


def to_plover(events: Iterable[dict[str, Any]]) -> str:
    """PLOVER-style records: a planned meeting is coded AGREE, as the PLOVER manual asks."""
    lines = []
    for e in events:
        first, second = _actor_pair(e)
        lines.append(
            {
                "event_id": e["id"],
                "event_date": (e.get("date") or {}).get("value"),
                "event_type": e.get("plover_type") or e["type"],
                "mode": e.get("mode"),
                "context": e.get("topics", []),
                "source_actor": (first or {}).get("name"),
                "source_country": (first or {}).get("country"),
                "target_actor": (second or {}).get("name"),
                "target_country": (second or {}).get("country"),
                "location": e.get("location"),
                "status": e["status"],
            }
        )
    return to_jsonl(lines)


FORMATS = {"jsonl": to_jsonl, "csv": to_csv, "gdelt": to_gdelt, "plover": to_plover}
