"""Shared queries: occasions group the actions coded inside one meeting."""

from __future__ import annotations

from ghatna.views import group_occasions, is_country_code

DAY = {"value": "2024-06-03", "granularity": "day", "weekday": "Monday"}


def _event(eid, type_, people, doc="a.txt", date=DAY, at=0):
    return {
        "id": eid,
        "type": type_,
        "date": date,
        "actors": [{"id": f"person/{p}", "name": p} for p in people],
        "sources": [{"document": doc, "span": [at, at + 50]}],
    }


def test_views_greeting_inside_a_meeting_is_listed_with_it():
    meeting = _event("m", "CONSULT", ["modi", "meloni"])
    thanks = _event("t", "SUPPORT", ["modi", "meloni"])
    [entry] = group_occasions([meeting, thanks])
    assert entry["id"] == "m"
    assert [r["id"] for r in entry["related"]] == ["t"]


def test_views_action_from_another_report_or_day_stays_its_own_occasion():
    meeting = _event("m", "CONSULT", ["modi", "meloni"])
    other_doc = _event("t", "SUPPORT", ["modi", "meloni"], doc="b.txt")
    other_day = _event("u", "SUPPORT", ["modi", "meloni"], date={"value": "2024-06-04"})
    entries = group_occasions([meeting, other_doc, other_day])
    assert [e["id"] for e in entries] == ["m", "t", "u"]
    assert "related" not in entries[0]


def test_views_action_joins_the_meeting_told_nearest_to_it():
    visit = _event("v", "CONSULT", ["modi", "meloni"], at=0)
    summit = _event("s", "CONSULT", ["modi"], at=900)
    appeal = _event("r", "REQUEST", ["modi"], at=1000)
    entries = group_occasions([visit, summit, appeal])
    assert [(e["id"], [r["id"] for r in e.get("related", [])]) for e in entries] == [
        ("v", []),
        ("s", ["r"]),
    ]


def test_views_country_codes_are_three_capitals():
    assert [is_country_code(x) for x in ("RUS", "rus", "Russia", "IN")] == [
        True,
        False,
        False,
        False,
    ]
