"""The HTTP API against a real `ghatna serve` process over the ingested sample."""

from __future__ import annotations

import json
import unicodedata

import pytest
from click.testing import CliRunner
from openapi_spec_validator import validate

from ghatna.cli import cli
from ghatna.entities.kb import actor_record, load_kb
from ghatna.store import open_store
from ghatna.views import EventQuery, find_events
from tests.api.live import MAX_UPLOAD, TOKEN

SOURCES_E5 = ["001_345e213a32ac9fb2.txt", "002_7a2113e3815ab85c.txt"]


def _moscow_meeting(events: list[dict]) -> dict:
    """Gold E5: Jaishankar meets Lavrov in Moscow, 21 August 2025, told by 001 and 002."""
    found = [
        e
        for e in events
        if SOURCES_E5[1] in {s["document"] for s in e["sources"]}
        and (e.get("date") or {}).get("value") == "2025-08-21"
    ]
    assert len(found) == 1, [e["id"] for e in events]
    return found[0]


def test_api_openapi_document_validates(live_server):
    spec = live_server.client().get("/openapi.json").json()
    validate(spec)
    assert sorted(spec["paths"]) == [
        "/api/actors",
        "/api/actors/{actor_id}",
        "/api/articles",
        "/api/articles/{ref}",
        "/api/events",
        "/api/events/{event_id}",
        "/api/search",
        "/api/timeline",
    ]


def test_api_events_equal_the_library_answer(live_server):
    body = live_server.client().get("/api/events", params={"limit": 500}).json()
    with open_store(live_server.db) as store:
        expected = find_events(store, load_kb(), EventQuery())
    assert body["events"] == json.loads(json.dumps(expected))
    assert (body["total"], body["count"], body["next"]) == (len(expected), len(expected), None)


def test_api_pagination_next_link_walks_every_event(live_server):
    client = live_server.client()
    everything = client.get("/api/events", params={"limit": 500}).json()["events"]
    walked, url, pages = [], "/api/events?limit=5", 0
    while url:
        page = client.get(url).json()
        walked += page["events"]
        url, pages = page["next"], pages + 1
    assert [e["id"] for e in walked] == [e["id"] for e in everything]
    assert pages == -(-len(everything) // 5)


def test_api_timeline_pair_matches_the_cli(live_server):
    body = live_server.client().get(
        "/api/timeline", params={"actor": "S. Jaishankar", "with": "RUS"}
    ).json()
    result = CliRunner().invoke(
        cli, ["timeline", "S. Jaishankar", "--with", "RUS", "--json", "--db", str(live_server.db)]
    )
    assert result.exit_code == 0, result.output
    cli_ids = [json.loads(line)["id"] for line in result.output.splitlines() if line.strip()]
    assert [e["id"] for e in body["events"]] == cli_ids
    assert _moscow_meeting(body["events"])["sources"][0]["document"] == SOURCES_E5[0]


def test_api_event_gives_each_source_with_evidence_spans(live_server):
    client = live_server.client()
    events = client.get("/api/events", params={"actor": "लावरोव", "limit": 500}).json()["events"]
    event_id = _moscow_meeting(events)["id"]
    body = client.get(f"/api/events/{event_id}").json()
    assert body["event"]["id"] == event_id
    assert [s["document"] for s in body["evidence"]] == SOURCES_E5
    for source in body["evidence"]:
        start, end = source["span"]
        assert source["text"][start:end] == source["sentence"]
        t0, t1 = source["trigger"]
        assert source["trigger_text"] == source["text"][t0:t1]
        assert start <= t0 < t1 <= end


def test_api_event_id_prefix_is_enough(live_server):
    client = live_server.client()
    first = client.get("/api/events", params={"limit": 1}).json()["events"][0]["id"]
    assert client.get(f"/api/events/{first[:9]}").json()["event"]["id"] == first


def test_api_search_takes_devanagari_and_normalises_to_nfc(live_server):
    decomposed = unicodedata.normalize("NFD", "विदेश मंत्री लावरोव")
    body = live_server.client().get("/api/search", params={"q": decomposed, "limit": 50}).json()
    with open_store(live_server.db) as store:
        expected = store.search("विदेश मंत्री लावरोव", limit=51)
    assert body["query"] == "विदेश मंत्री लावरोव"
    assert body["sentences"] == expected["sentences"][:50]
    assert body["articles"] == expected["articles"][:50]
    assert {"001_345e213a32ac9fb2.txt", "002_7a2113e3815ab85c.txt"} <= {
        a["document"] for a in body["articles"]
    }


def test_api_search_pages_with_next(live_server):
    client = live_server.client()
    first = client.get("/api/search", params={"q": "लावरोव", "limit": 2}).json()
    second = client.get(first["next"]).json()
    everything = client.get("/api/search", params={"q": "लावरोव", "limit": 4}).json()
    assert first["sentences"] + second["sentences"] == everything["sentences"]


def test_api_actor_has_roles_from_the_knowledge_base(live_server):
    client = live_server.client()
    body = client.get("/api/actors/person/sergey-lavrov").json()
    assert body["actor"] == actor_record(load_kb().actor("person/sergey-lavrov"))
    assert body["actor"]["roles"][0]["country"] == "RUS"
    with open_store(live_server.db) as store:
        count = len(find_events(store, load_kb(), EventQuery(actor="person/sergey-lavrov")))
    assert body["events"] == count
    found = client.get("/api/actors", params={"q": "लावरोव"}).json()
    assert [a["id"] for a in found["actors"]] == ["person/sergey-lavrov"]


def test_api_article_gives_cleaned_text_and_sentences(live_server):
    body = live_server.client().get("/api/articles/001_345e213a32ac9fb2.txt").json()
    article, sentences = body["article"], body["sentences"]
    assert article["source"] == "001_345e213a32ac9fb2.txt"
    assert "raw" not in article
    assert all(article["text"][s["start_char"] : s["end_char"]] == s["text"] for s in sentences)


ERRORS = [
    ("GET", "/api/events?limit=0", {}, 422, "limit: Input should be greater than or equal to 1"),
    ("GET", "/api/events?from=August", {}, 422,
     "from: String should match pattern '^\\d{4}(-\\d{2}(-\\d{2})?)?$'"),
    ("GET", "/api/events?status=maybe", {}, 422,
     "status: Input should be 'happened', 'planned', 'reported_background' or 'negated'"),
    ("GET", "/api/events?actor=Nobody", {}, 400,
     "no actor called 'Nobody' in the knowledge base; list them with `ghatna actors list` "
     "or use an actor id such as person/s-jaishankar"),
    ("GET", "/api/timeline", {}, 422, "actor: Field required"),
    ("GET", "/api/events/ev-000000000000", {}, 404,
     "no event 'ev-000000000000'; list ids with GET /api/events"),
    ("GET", "/api/search", {}, 422, "q: Field required"),
    ("GET", "/api/actors?q=", {}, 422, "q: String should have at least 1 character"),
    ("GET", "/api/actors/person/nobody", {}, 404,
     "no actor 'person/nobody'; find ids with GET /api/actors?q=NAME"),
    ("GET", "/api/articles/nope.txt", {}, 404,
     "no article 'nope.txt'; search for one with GET /api/search?q=WORDS"),
    ("GET", "/api/nothing-here", {}, 404, "no such page or route: /api/nothing-here"),
    ("POST", "/api/articles", {}, 401,
     "ingest needs the write token: send 'Authorization: Bearer TOKEN'"),
    ("POST", "/api/articles", {"authorization": "Bearer wrong"}, 401,
     "ingest needs the write token: send 'Authorization: Bearer TOKEN'"),
    ("POST", "/api/articles", {"authorization": f"Bearer {TOKEN}", "content-type": "image/png"},
     415, "cannot ingest content type 'image/png'; send one of application/jsonl, "
     "application/jsonlines, application/x-jsonlines, application/x-ndjson, "
     "application/xhtml+xml, text/html, text/plain"),
    ("POST", "/api/articles", {"authorization": f"Bearer {TOKEN}", "content-type": "text/plain"},
     400, "empty upload: send the article in the request body"),
    ("DELETE", "/api/events", {}, 405, "Method Not Allowed"),
]


@pytest.mark.parametrize(("method", "path", "headers", "status", "message"), ERRORS)
def test_api_errors_have_one_shape(live_server, method, path, headers, status, message):
    response = live_server.client(**headers).request(method, path)
    assert response.status_code == status
    assert response.json() == {"ok": False, "error": message, "status": status}


def test_api_upload_over_the_limit_is_refused(live_server):
    client = live_server.client(authorization=f"Bearer {TOKEN}")
    body = ("लावरोव " * MAX_UPLOAD).encode()
    response = client.post("/api/articles", content=body, headers={"content-type": "text/plain"})
    assert response.status_code == 413
    assert response.json() == {
        "ok": False,
        "error": f"upload larger than the limit of {MAX_UPLOAD} bytes (GHATNA_MAX_UPLOAD)",
        "status": 413,
    }
