"""Shared output switches and formatting for data commands."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

import click

WEEKDAY_SHORT = {
    "Monday": "Mon",
    "Tuesday": "Tue",
    "Wednesday": "Wed",
    "Thursday": "Thu",
    "Friday": "Fri",
    "Saturday": "Sat",
    "Sunday": "Sun",
}


def json_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--json", "as_json", is_flag=True, help="Print JSON (JSON Lines for lists) instead of text."
    )(fn)


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def echo_json_lines(items: Iterable[Any]) -> None:
    for item in items:
        click.echo(dumps(item))


def format_date(date: dict[str, Any] | None) -> str:
    """``2025-11-18 Tue``, ``2021 (a Tuesday)``, ``2024-03``, or ``date unknown``."""
    date = date or {}
    value, weekday = date.get("value"), date.get("weekday")
    gran = date.get("granularity", "unknown")
    if gran == "day" and value:
        return f"{value} {WEEKDAY_SHORT.get(weekday or '', '')}".strip()
    if gran == "weekday":
        day = f"a {weekday}" if weekday else "weekday"
        return f"{value} ({day})" if value else day
    if value:
        return value
    return "date unknown"


def format_place(event: dict[str, Any]) -> str:
    loc = event.get("location") or {}
    parts = [p for p in (loc.get("name"), loc.get("country")) if p]
    place = ", ".join(parts) if parts else "place unknown"
    if event.get("venue"):
        place += f" @ {event['venue']}"
    return place


def format_actors(event: dict[str, Any]) -> str:
    actors = event.get("actors", [])
    source = [a["name"] for a in actors if a.get("as") == "source"]
    target = [a["name"] for a in actors if a.get("as") == "target"]
    others = [a["name"] for a in actors if a.get("as") == "participant"]
    text = " → ".join(", ".join(side) for side in (source, target) if side)
    if others:
        text = ", ".join(filter(None, [text, *others]))
    return text or "no named participants"


def format_type(event: dict[str, Any]) -> str:
    return event["type"] + (f"/{event['mode']}" if event.get("mode") else "")


def timeline_line(event: dict[str, Any]) -> str:
    docs = list(dict.fromkeys(s["document"] for s in event.get("sources", [])))
    status = event.get("status", "")
    marker = {"reported_background": "background", "planned": "planned"}.get(status, status)
    return "  ".join(
        [
            format_date(event.get("date")).ljust(17),
            format_place(event),
            format_actors(event),
            format_type(event) + "".join(f" + {r['type']}" for r in event.get("related", [])),
            f"[{marker}]",
            f"sources: {', '.join(docs)}",
            f"({event['id']})",
        ]
    )
