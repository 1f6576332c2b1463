"""The web UI in headless Chromium: timeline, event evidence, search, and untrusted text."""

from __future__ import annotations

import httpx

from tests.api.live import TOKEN

SOURCES_E5 = ["001_345e213a32ac9fb2.txt", "002_7a2113e3815ab85c.txt"]
HOSTILE = (
    "मॉस्को में गुरुवार को विदेश मंत्री एस. जयशंकर ने रूसी विदेश मंत्री सर्गेई लावरोव से "
    "मुलाकात की। <script>window.__pwned=1</script> बैठक में "
    '<img src=x onerror="window.__pwned=2"> पेंगुइनशोध पर बात हुई।'
)


def _timeline_events(server) -> list[dict]:
    params = {"actor": "S. Jaishankar", "with": "RUS", "limit": 500}
    return httpx.get(f"{server.url}/api/timeline", params=params).json()["events"]


def test_web_timeline_shows_events_with_their_status(live_server, page, artifacts):
    events = _timeline_events(live_server)
    page.goto(f"{live_server.url}/timeline")
    page.fill("input[name=actor]", "S. Jaishankar")
    page.fill("input[name=with]", "RUS")
    page.click("button[type=submit]")
    page.wait_for_selector(".axis .bar")
    page.screenshot(path=str(artifacts / "timeline.png"), full_page=True)
    cards = page.locator("section.list article.card")
    assert cards.evaluate_all("els => els.map(e => e.dataset.event)") == [e["id"] for e in events]
    statuses = page.locator("section.list .card .badge.status").all_inner_texts()
    labels = {"happened": "happened", "planned": "planned", "reported_background": "background"}
    assert statuses == [labels.get(e["status"], "denied") for e in events]
    assert page.locator(".axis .bar").count() == sum(1 for e in events if e["date"]["value"])
    before = page.locator("#axis").evaluate("el => el.getBoundingClientRect().width")
    page.click("button[data-zoom='2']")
    after = page.locator("#axis").evaluate("el => el.getBoundingClientRect().width")
    assert after > before * 1.5


def test_web_event_page_highlights_evidence_in_both_sources(live_server, page, artifacts):
    event = next(
        e
        for e in _timeline_events(live_server)
        if SOURCES_E5[1] in {s["document"] for s in e["sources"]}
        and e["date"]["value"] == "2025-08-21"
    )
    page.goto(f"{live_server.url}/timeline?actor=S.+Jaishankar&with=RUS")
    page.click(f"article.card[data-event='{event['id']}'] a.title")
    page.wait_for_url(f"**/events/{event['id']}")
    page.screenshot(path=str(artifacts / "event-e5.png"), full_page=True)
    sources = page.locator("section.source")
    assert sources.evaluate_all("els => els.map(e => e.dataset.document)") == SOURCES_E5
    evidence = httpx.get(f"{live_server.url}/api/events/{event['id']}").json()["evidence"]
    for i, source in enumerate(evidence):
        section = sources.nth(i)
        assert section.locator("mark.evidence").inner_text() == source["sentence"]
        assert section.locator("mark.trigger").inner_text() == source["trigger_text"]
        assert section.locator("mark.evidence").is_visible()


def test_web_search_takes_devanagari(live_server, page, artifacts):
    page.goto(f"{live_server.url}/search")
    page.fill("form.search input[name=q]", "लावरोव")
    page.press("form.search input[name=q]", "Enter")
    page.wait_for_selector("ul.hits li a")
    page.screenshot(path=str(artifacts / "search-lavrov.png"), full_page=True)
    expected = httpx.get(
        f"{live_server.url}/api/search", params={"q": "लावरोव", "limit": 50}
    ).json()
    hits = page.locator("ul.hits").first.locator("li span[lang=hi]").all_inner_texts()
    assert hits == [s["text"].strip() for s in expected["sentences"]]
    page.locator("ul.hits").first.locator("li a").first.click()
    assert "लावरोव" in page.locator("mark#hit").inner_text()


def test_web_script_in_an_article_never_runs(writable_server, page, artifacts):
    client = writable_server.client(authorization=f"Bearer {TOKEN}")
    report = client.post(
        "/api/articles",
        params={"source": "hostile"},
        content=HOSTILE.encode(),
        headers={"content-type": "text/plain"},
    ).json()
    assert report["stored"] == 1, report
    # the cleaner may drop the underscores (emphasis marks): check both flag names
    text = client.get("/api/articles/hostile.txt").json()["article"]["text"]
    script = text[text.index("<script>") : text.index("</script>") + len("</script>")]
    assert script in ("<script>window.__pwned=1</script>", "<script>window.pwned=1</script>")
    html = client.get("/articles/hostile.txt").text
    assert script.replace("<", "&lt;").replace(">", "&gt;") in html
    assert script not in html and "<img src=x" not in html
    events = client.get("/api/events", params={"limit": 500}).json()["events"]
    hostile_events = [
        e["id"] for e in events if "hostile.txt" in {s["document"] for s in e["sources"]}
    ]
    urls = [
        "/articles/hostile.txt",
        "/search?q=पेंगुइनशोध",
        *[f"/events/{eid}" for eid in hostile_events],
    ]
    for url in urls:
        page.goto(writable_server.url + url)
        page.wait_for_load_state("load")
        assert page.evaluate("() => [window.__pwned, window.pwned]") == [None, None], url
    page.goto(writable_server.url + "/articles/hostile.txt")
    assert script in page.locator(".article-text").inner_text()
    page.screenshot(path=str(artifacts / "hostile-article.png"), full_page=True)
    assert hostile_events, "the hostile article should yield an event, so its event page is tested"
