"""Server-rendered pages: timeline, event with highlighted evidence, actor, search, article.

Pages call the same queries as the JSON API (:mod:`ghatna.api.queries`), so a page
and ``/api/...`` never disagree. Every piece of article text reaches the HTML
through Jinja2 autoescaping; templates never mark article text safe.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import RedirectResponse, Response

from ghatna.api import queries
from ghatna.api.auth import require_read
from ghatna.api.errors import ApiError
from ghatna.api.routes import StoreDep
from ghatna.clean.normalize import nfc
from ghatna.cli.output import format_actors, format_date, format_place, format_type
from ghatna.entities.kb import actor_record, load_kb
from ghatna.views import group_occasions
from ghatna.web.highlight import highlight
from ghatna.web.timeline import layout

router = APIRouter(dependencies=[Depends(require_read)], include_in_schema=False)
STATUS_LABEL = {
    "happened": "happened",
    "planned": "planned",
    "reported_background": "background",
    "negated": "denied",
}


def _render(request: Request, name: str, **context: Any) -> Response:
    helpers = {
        "format_date": format_date,
        "format_place": format_place,
        "format_actors": format_actors,
        "format_type": format_type,
        "status_label": lambda e: STATUS_LABEL.get(e.get("status", ""), e.get("status", "")),
    }
    return request.app.state.templates.TemplateResponse(request, name, {**helpers, **context})


def _blank(value: str | None) -> str | None:
    return value.strip() or None if value else None


@router.get("/")
def home() -> Response:
    return RedirectResponse("/timeline", status_code=303)


@router.get("/timeline")
def timeline_page(
    request: Request,
    store: StoreDep,
    actor: str | None = None,
    with_: Annotated[str | None, Query(alias="with")] = None,
    country: str | None = None,
    date_from: Annotated[str | None, Query(alias="from")] = None,
    date_to: Annotated[str | None, Query(alias="to")] = None,
) -> Response:
    filters = {
        "actor": _blank(actor),
        "with": _blank(with_),
        "country": _blank(country),
        "from": _blank(date_from),
        "to": _blank(date_to),
    }
    events = group_occasions(
        queries.events(
            store,
            actor=filters["actor"],
            with_=filters["with"],
            country=filters["country"].upper() if filters["country"] else None,
            date_from=filters["from"],
            date_to=filters["to"],
        )
    )
    return _render(request, "timeline.html", filters=filters, events=events, axis=layout(events))


@router.get("/events/{event_id}")
def event_page(request: Request, event_id: str, store: StoreDep) -> Response:
    event = store.event(event_id)
    if event is None:
        raise ApiError(404, f"no event {event_id!r}")
    sources = [
        {**s, "marked": highlight(s["text"], s.get("span"), s.get("trigger"))}
        for s in queries.event_evidence(store, event)
    ]
    return _render(request, "event.html", event=event, sources=sources)


@router.get("/actors/{actor_id:path}")
def actor_page(request: Request, actor_id: str, store: StoreDep) -> Response:
    actor = load_kb().actor(actor_id)
    if actor is None:
        raise ApiError(404, f"no actor {actor_id!r}")
    events = queries.events(store, actor=actor_id)
    return _render(request, "actor.html", actor=actor_record(actor), events=events)


@router.get("/search")
def search_page(request: Request, store: StoreDep, q: str = "") -> Response:
    query = nfc(q).strip()
    hits = store.search(query, limit=50) if query else {"sentences": [], "articles": []}
    actors = queries.find_actors(load_kb(), query)[:10] if query else []
    return _render(request, "search.html", q=query, hits=hits, actors=actors)


@router.get("/articles/{ref}")
def article_page(request: Request, ref: str, store: StoreDep, s: int | None = None) -> Response:
    """The cleaned article; ``?s=IDX`` marks sentence IDX (a search hit)."""
    found = store.article(ref)
    if found is None:
        raise ApiError(404, f"no article {ref!r}")
    sentences = store.sentences(found["id"])
    chosen = next((x for x in sentences if x["idx"] == s), None)
    span = (chosen["start_char"], chosen["end_char"]) if chosen else None
    marked = highlight(found["text"], span)
    return _render(request, "article.html", article=found, marked=marked, chosen=chosen)
