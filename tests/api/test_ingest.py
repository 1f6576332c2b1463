"""Article upload over HTTP: token, formats, idempotence, problems reported per line."""

from __future__ import annotations

import json

from tests.api.live import TOKEN, serve

MEETING = (
    "नई दिल्ली में बुधवार को विदेश मंत्री एस. जयशंकर ने रूसी विदेश मंत्री सर्गेई लावरोव से "
    "मुलाकात की। दोनों नेताओं ने अंटार्कटिका अनुसंधान पर चर्चा की।"
)


def test_api_ingest_text_is_stored_once_and_searchable(writable_server):
    client = writable_server.client(authorization=f"Bearer {TOKEN}")
    params = {
        "source": "../../etc/delhi meeting",
        "outlet": "Test Samachar",
        "published": "2025-12-03",
    }
    headers = {"content-type": "text/plain; charset=utf-8"}
    first = client.post("/api/articles", params=params, content=MEETING.encode(), headers=headers)
    again = client.post("/api/articles", params=params, content=MEETING.encode(), headers=headers)
    assert first.status_code == 200, first.text
    report = first.json()
    assert (report["source"], report["read"], report["stored"], report["problems"]) == (
        "delhi_meeting.txt", 1, 1, []
    )
    assert (again.json()["stored"], again.json()["already_stored"]) == (0, 1)
    article = client.get("/api/articles/delhi_meeting.txt").json()["article"]
    assert (article["outlet"], article["published"]) == ("Test Samachar", "2025-12-03")
    hits = client.get("/api/search", params={"q": "अंटार्कटिका"}).json()
    assert [h["document"] for h in hits["sentences"]] == ["delhi_meeting.txt"]


def test_api_ingest_jsonl_reports_the_bad_line_and_keeps_the_good(writable_server):
    client = writable_server.client(authorization=f"Bearer {TOKEN}")
    good = json.dumps({"id": "line-1", "text": "जयशंकर ने ब्रसेल्स में भाषण दिया।"}, ensure_ascii=False)
    body = f"{good}\n{{not json\n".encode()
    response = client.post(
        "/api/articles",
        params={"source": "batch"},
        content=body,
        headers={"content-type": "application/x-ndjson"},
    )
    report = response.json()
    assert (report["source"], report["read"], report["stored"]) == ("batch.jsonl", 1, 1)
    assert report["articles"][0]["document"] == "line-1"
    assert report["problems"] == [
        "batch.jsonl:2: is not valid JSON (Expecting property name enclosed in double quotes)"
    ]


def test_api_ingest_html_page(writable_server):
    client = writable_server.client(authorization=f"Bearer {TOKEN}")
    page = (
        "<html><head><title>जयशंकर-लावरोव वार्ता</title></head><body><nav>होम | खेल</nav>"
        f"<article><h1>जयशंकर-लावरोव वार्ता</h1><p>{MEETING}</p><p>{MEETING}</p></article>"
        "</body></html>"
    )
    response = client.post(
        "/api/articles",
        params={"source": "page"},
        content=page.encode(),
        headers={"content-type": "text/html"},
    )
    assert response.status_code == 200, response.text
    assert (response.json()["source"], response.json()["read"]) == ("page.html", 1)
    article = client.get("/api/articles/page.html").json()["article"]
    assert article["format"] == "html"
    assert "होम | खेल" not in article["text"]


def test_api_read_token_guards_reads_and_no_write_token_disables_ingest(sample_db, tmp_path):
    with serve(sample_db, "--read-token", "r3ad", log=tmp_path / "serve.log") as server:
        anonymous = server.client()
        reader = server.client(authorization="Bearer r3ad")
        assert anonymous.get("/api/events").json() == {
            "ok": False,
            "error": "this server needs a read token: send 'Authorization: Bearer TOKEN'",
            "status": 401,
        }
        assert reader.get("/api/events").status_code == 200
        assert anonymous.get("/timeline").status_code == 401
        assert server.client(cookie="ghatna_token=r3ad").get("/timeline").status_code == 200
        refused = reader.post("/api/articles", content=b"x", headers={"content-type": "text/plain"})
        assert refused.json() == {
            "ok": False,
            "error": "ingest is disabled: this server was started without a write token "
            "(set GHATNA_TOKEN or pass `ghatna serve --token`)",
            "status": 403,
        }
