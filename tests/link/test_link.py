"""Linking: one event from many reports, with dates and status reconciled and evidence kept."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ghatna.document import UNKNOWN_DATE, EventActor, EventMention, PartialDate
from ghatna.link import link_mentions
from tests.conftest import make_doc

MODI = EventActor("person/narendra-modi", "Narendra Modi", "IND", "Prime Minister", "source")
MACRON = EventActor("person/emmanuel-macron", "Emmanuel Macron", "FRA", "President", "target")
SCHOLZ = EventActor("person/olaf-scholz", "Olaf Scholz", "DEU", "Chancellor", "target")
PARIS = {"name": "Paris", "country": "FRA"}
TEXT = "प्रधानमंत्री मोदी ने पेरिस में राष्ट्रपति मैक्रों से मुलाकात की। दोनों नेताओं ने रक्षा पर चर्चा की।"


def _report(
    source,
    when=UNKNOWN_DATE,
    status="happened",
    actors=(MODI, MACRON),
    text=None,
    location=PARIS,
    outlet=None,
):
    doc = make_doc(text or f"{TEXT} ({source})", source=source, outlet=outlet)
    doc.events = [
        EventMention(
            type="CONSULT",
            mode="visit",
            status=status,
            sentence=0,
            trigger=(40, 47),
            actors=actors,
            date=when,
            location=location,
            topics=("defence",),
        )
    ]
    return doc


def _ingest(store, *docs):
    ids = store.save_docs(list(docs))
    link_mentions(store, ids)


DAY = PartialDate.from_date(date(2023, 7, 14), "'14 जुलाई': day+month")


def test_link_merges_dated_preview_and_undated_report(store):
    _ingest(store, _report("preview.txt", DAY, status="planned"))
    _ingest(store, _report("report.txt"))
    events = store.events()
    assert len(events) == 1
    event = events[0]
    assert event["status"] == "happened"
    assert event["date"]["value"] == "2023-07-14"
    assert event["date"]["evidence"] == [
        "preview.txt: '14 जुलाई': day+month",
        "report.txt: gives no more precise date; inherits it from linked report preview.txt",
    ]
    assert sorted((s["document"], s["status"]) for s in event["sources"]) == [
        ("preview.txt", "planned"),
        ("report.txt", "happened"),
    ]


def test_link_keeps_meetings_on_other_dates_apart(store):
    other_day = PartialDate.from_date(date(2024, 2, 1), "'1 फरवरी'")
    _ingest(store, _report("a.txt", DAY))
    _ingest(store, _report("b.txt", other_day))
    assert sorted(e["date"]["value"] for e in store.events()) == ["2023-07-14", "2024-02-01"]


def test_link_keeps_other_participants_apart(store):
    _ingest(store, _report("a.txt", DAY))
    _ingest(
        store,
        _report(
            "b.txt",
            DAY,
            actors=(MODI, SCHOLZ),
            location={"name": None, "country": "FRA"},
        ),
    )
    assert len(store.events()) == 2


def test_link_keeps_apart_what_one_article_kept_apart(store):
    # the article's own merge left a cancelled meeting and the trip planned instead
    # as two events: no second article should fuse them
    doc = _report("a.txt", DAY, status="negated")
    doc.events.append(replace(doc.events[0], status="planned", sentence=1, trigger=(80, 84)))
    _ingest(store, doc)
    assert sorted(e["status"] for e in store.events()) == ["negated", "planned"]
    _ingest(store, _report("b.txt", DAY, status="planned"))
    assert sorted(len(e["sources"]) for e in store.events()) == [1, 2]


def test_link_undated_report_does_not_guess_between_two_meetings(store):
    other_day = PartialDate.from_date(date(2023, 9, 2), "'2 सितंबर'")
    _ingest(store, _report("a.txt", DAY))
    _ingest(store, _report("b.txt", other_day))
    _ingest(store, _report("c.txt"))
    assert len(store.events()) == 3


def test_link_is_incremental_and_idempotent(store):
    _ingest(store, _report("a.txt", DAY))
    before = store.events()
    linked = [r["id"] for r in store.query("SELECT id FROM event_mentions")]
    assert link_mentions(store, linked) == []
    _ingest(store, _report("a.txt", DAY))
    assert store.events() == before


def test_link_counts_near_duplicate_articles_once(store):
    body = " ".join(
        [
            "भारत और फ्रांस के बीच रक्षा सहयोग पर विस्तार से बात हुई।",
            "दोनों देशों ने अंतरिक्ष, परमाणु ऊर्जा और व्यापार में साझेदारी बढ़ाने पर सहमति जताई।",
            "प्रधानमंत्री ने पेरिस में भारतीय समुदाय को भी संबोधित किया और कई समझौते हुए।",
        ]
    )
    _ingest(store, _report("agency.txt", DAY, text=f"{TEXT} {body}", outlet="A"))
    _ingest(store, _report("repost.txt", DAY, text=f"{TEXT} {body} (एजेंसी)", outlet="B"))
    [event] = store.events()
    assert len(event["sources"]) == 2
    assert event["source_count"] == 1
    assert event["outlets"] == ["A", "B"]
    assert [g["copies"][0]["document"] for g in store.near_duplicates()] == ["repost.txt"]


def test_link_keeps_conflicting_places(store):
    _ingest(store, _report("a.txt", DAY))
    _ingest(store, _report("b.txt", DAY, location={"name": "Lyon", "country": "FRA"}))
    [event] = store.events()
    assert event["location"] == PARIS
    assert event["conflicts"] == [
        {"field": "location", "values": [PARIS, {"name": "Lyon", "country": "FRA"}]}
    ]
