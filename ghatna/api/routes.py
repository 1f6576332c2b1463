"""The JSON API under ``/api``: events, timelines, search, actors, articles, ingest.

Every list answers ``{"ok": true, "total", "count", "limit", "offset", "next", ...}``
where ``next`` is the URL of the following page (None on the last one); every
error answers the shape in :mod:`ghatna.api.errors`. Events are in the export
shape of :mod:`ghatna.link.reconcile`, the same records ``ghatna events --json``
prints.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from ghatna.api import queries
from ghatna.api.auth import require_read, require_write
from ghatna.api.errors import ApiError
from ghatna.api.upload import ingest_upload, suffix_for
from ghatna.clean.normalize import nfc
from ghatna.entities.kb import actor_record, load_kb
from ghatna.store import open_store
from ghatna.store.base import Store
from ghatna.views import group_occasions

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
Status = Literal["happened", "planned", "reported_background", "negated"]
Limit = Annotated[int, Query(ge=1, le=500, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, description="Items to skip.")]
DateFrom = Annotated[
    str | None, Query(alias="from", pattern=DATE, description="Earliest date, YYYY[-MM[-DD]].")
]
DateTo = Annotated[
    str | None, Query(alias="to", pattern=DATE, description="Latest date, YYYY[-MM[-DD]].")
]

router = APIRouter(prefix="/api", dependencies=[Depends(require_read)])


def get_store(request: Request) -> Iterator[Store]:
    """One store connection per request, closed when the response is done."""
    with open_store(request.app.state.settings.db) as store:
        yield store


StoreDep = Annotated[Store, Depends(get_store)]


class Page(BaseModel):
    ok: bool = True
    total: int
    count: int
    limit: int
    offset: int
    next: str | None


class EventPage(Page):
    events: list[dict[str, Any]]


class ActorPage(Page):
    actors: list[dict[str, Any]]


class SearchPage(BaseModel):
    ok: bool = True
    query: str
    count: int
    limit: int
    offset: int
    next: str | None
    sentences: list[dict[str, Any]]
    articles: list[dict[str, Any]]


class EventBody(BaseModel):
    ok: bool = True
    event: dict[str, Any]
    evidence: list[dict[str, Any]]


class ActorBody(BaseModel):
    ok: bool = True
    actor: dict[str, Any]
    events: int


class ArticleBody(BaseModel):
    ok: bool = True
    article: dict[str, Any]
    sentences: list[dict[str, Any]]


class IngestBody(BaseModel):
    ok: bool = True
    source: str
    read: int
    stored: int
    already_stored: int
    event_mentions: int
    events_touched: int
    articles: list[dict[str, str]]
    problems: list[str]


def _next(request: Request, total: int, limit: int, offset: int) -> str | None:
    if offset + limit >= total:
        return None
    return str(request.url.include_query_params(limit=limit, offset=offset + limit))


def _page(request: Request, items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    chunk = items[offset : offset + limit]
    return {
        "total": len(items),
        "count": len(chunk),
        "limit": limit,
        "offset": offset,
        "next": _next(request, len(items), limit, offset),
        "items": chunk,
    }


@router.get("/events", response_model=EventPage, summary="List and filter events")
def list_events(
    request: Request,
    store: StoreDep,
    actor: Annotated[str | None, Query(description="Name, alias or actor id.")] = None,
    with_: Annotated[
        str | None, Query(alias="with", description="A second actor, or an ISO3 country.")
    ] = None,
    country: Annotated[str | None, Query(description="ISO3: an actor of, or place in it.")] = None,
    type: Annotated[str | None, Query(description="PLOVER type, e.g. CONSULT.")] = None,
    status: Status | None = None,
    topic: str | None = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Events oldest first; ``actor`` + ``with`` is a pair, ``with=RUS`` a country."""
    found = queries.events(
        store,
        actor=actor,
        with_=with_,
        country=country.upper() if country else None,
        date_from=date_from,
        date_to=date_to,
        type_=type,
        status=status,
        topic=topic,
    )
    page = _page(request, found, limit, offset)
    return {**page, "events": page.pop("items")}


@router.get("/timeline", response_model=EventPage, summary="One actor's events, oldest first")
def timeline(
    request: Request,
    store: StoreDep,
    actor: Annotated[str, Query(description="Name, alias or actor id.")],
    with_: Annotated[
        str | None, Query(alias="with", description="A second actor, or an ISO3 country.")
    ] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """The answer of ``ghatna timeline ACTOR --with WITH``: one entry per occasion, the
    actions coded within a meeting listed under its ``related`` field."""
    found = group_occasions(
        queries.events(store, actor=actor, with_=with_, date_from=date_from, date_to=date_to)
    )
    page = _page(request, found, limit, offset)
    return {**page, "events": page.pop("items")}


@router.get("/events/{event_id}", response_model=EventBody, summary="One event with evidence")
def one_event(event_id: str, store: StoreDep) -> dict[str, Any]:
    """The event (an id prefix is enough) and, per source, the article text with the
    evidence sentence ``span`` and ``trigger`` as character offsets into ``text``."""
    event = store.event(event_id)
    if event is None:
        raise ApiError(404, f"no event {event_id!r}; list ids with GET /api/events")
    return {"event": event, "evidence": queries.event_evidence(store, event)}


@router.get("/search", response_model=SearchPage, summary="Full-text search")
def search(
    request: Request,
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, description="Words, Hindi or English; all must occur.")],
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Sentences and articles containing every word of ``q`` (NFC, nukta-folded).

    Both lists page together; ``count`` is the longer page's length and ``next`` is
    set while either list has more.
    """
    query = nfc(q)
    hits = store.search(query, limit=offset + limit + 1)
    sentences = hits["sentences"][offset : offset + limit]
    articles = hits["articles"][offset : offset + limit]
    more = max(len(hits["sentences"]), len(hits["articles"])) > offset + limit
    return {
        "query": query,
        "count": max(len(sentences), len(articles)),
        "limit": limit,
        "offset": offset,
        "next": str(request.url.include_query_params(limit=limit, offset=offset + limit))
        if more
        else None,
        "sentences": sentences,
        "articles": articles,
    }


@router.get("/actors", response_model=ActorPage, summary="Find actors in the knowledge base")
def actors(
    request: Request,
    q: Annotated[str, Query(min_length=1, description="Name, alias (any script) or id.")],
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    found = [actor_record(a) for a in queries.find_actors(load_kb(), q)]
    page = _page(request, found, limit, offset)
    return {**page, "actors": page.pop("items")}


@router.get("/actors/{actor_id:path}", response_model=ActorBody, summary="One actor and roles")
def actor(actor_id: str, store: StoreDep) -> dict[str, Any]:
    """An actor by id (``person/s-jaishankar``) with dated roles and how many events."""
    found = load_kb().actor(actor_id)
    if found is None:
        raise ApiError(404, f"no actor {actor_id!r}; find ids with GET /api/actors?q=NAME")
    return {
        "actor": actor_record(found),
        "events": len(queries.events(store, actor=actor_id)),
    }


@router.get("/articles/{ref}", response_model=ArticleBody, summary="One stored article")
def article(ref: str, store: StoreDep) -> dict[str, Any]:
    """By content id (or unique prefix) or by source name: cleaned text, sentences, removed."""
    found = store.article(ref)
    if found is None:
        raise ApiError(404, f"no article {ref!r}; search for one with GET /api/search?q=WORDS")
    found.pop("raw", None)
    return {"article": found, "sentences": store.sentences(found["id"])}


@router.post(
    "/articles",
    response_model=IngestBody,
    dependencies=[Depends(require_write)],
    summary="Ingest articles (text, HTML or JSON Lines)",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                kind: {"schema": {"type": "string"}}
                for kind in ("text/plain", "text/html", "application/x-ndjson")
            },
        }
    },
)
async def ingest(
    request: Request,
    source: Annotated[str | None, Query(description="File name to record as the source.")] = None,
    outlet: str | None = None,
    url: str | None = None,
    title: str | None = None,
    published: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}")] = None,
) -> dict[str, Any]:
    """Store, process and link the body; needs the write token. Re-sending changes nothing."""
    suffix = suffix_for(request.headers.get("content-type"))  # refuse before reading
    body = await _read_limited(request)
    meta = {"outlet": outlet, "url": url, "title": title, "published": published}
    settings = request.app.state.settings

    def work() -> dict[str, Any]:
        with open_store(settings.db) as store:
            return ingest_upload(store, body, suffix, source, meta)

    return await run_in_threadpool(work)


async def _read_limited(request: Request) -> bytes:
    """The body, refused with 413 as soon as it passes the configured limit."""
    limit = request.app.state.settings.max_upload
    declared = request.headers.get("content-length")
    too_big = f"upload larger than the limit of {limit} bytes (GHATNA_MAX_UPLOAD)"
    if declared and declared.isdigit() and int(declared) > limit:
        raise ApiError(413, too_big)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, too_big)
        chunks.append(chunk)
    if not size:
        raise ApiError(400, "empty upload: send the article in the request body")
    return b"".join(chunks)
