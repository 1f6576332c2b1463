"""Candidate events for linking: found by actor, type and date through one index."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from ghatna.store import open_store


def _event(eid: str, actors: list[str], date: str | None, type_: str = "CONSULT") -> dict:
    granularity = {None: "unknown", 4: "year", 7: "month", 10: "day"}[date and len(date)]
    return {
        "id": eid,
        "type": type_,
        "mode": None,
        "status": "happened",
        "date": {"value": date, "granularity": granularity, "weekday": None, "evidence": []},
        "actors": [
            {"id": a, "name": a, "country": None, "role": None, "as": "participant"} for a in actors
        ],
    }


@pytest.fixture
def filled(store):
    lavrov, modi = "person/sergey-lavrov", "person/narendra-modi"
    for eid, actors, date in [
        ("ev-day", [lavrov, modi], "2021-04-06"),
        ("ev-near", [lavrov], "2021-04-09"),
        ("ev-far", [lavrov], "2021-04-20"),
        ("ev-month", [lavrov], "2021-04"),
        ("ev-year", [lavrov], "2021"),
        ("ev-other-year", [lavrov], "2019"),
        ("ev-undated", [lavrov], None),
        ("ev-modi-only", [modi], "2021-04-06"),
    ]:
        store.put_event(_event(eid, actors, date), [])
    store.put_event(_event("ev-agree", [lavrov], "2021-04-06", "AGREE"), [])
    return store


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        # a day: three days either side, its month and year, and the undated
        ("2021-04-06", {"ev-day", "ev-near", "ev-month", "ev-year", "ev-undated"}),
        # a month: every day of it, the month itself, its year, the undated
        ("2021-04", {"ev-day", "ev-near", "ev-far", "ev-month", "ev-year", "ev-undated"}),
        ("2019", {"ev-other-year", "ev-undated"}),
        # no date: every event of the actor
        (
            None,
            {"ev-day", "ev-near", "ev-far", "ev-month", "ev-year", "ev-other-year", "ev-undated"},
        ),
    ],
)
def test_store_candidates_by_actor_type_and_date(filled, date, expected):
    found = {e["id"] for e in filled.candidate_events(["person/sergey-lavrov"], "CONSULT", date)}
    assert found == expected


def test_store_candidates_follow_an_event_that_changed(filled):
    """Re-putting an event (a new date after reconciliation) moves it in the index."""
    filled.put_event(_event("ev-far", ["person/sergey-lavrov"], "2021-04-07"), [])
    found = {
        e["id"] for e in filled.candidate_events(["person/sergey-lavrov"], "CONSULT", "2021-04-06")
    }
    assert "ev-far" in found
    filled.delete_event("ev-far")
    found = {
        e["id"] for e in filled.candidate_events(["person/sergey-lavrov"], "CONSULT", "2021-04")
    }
    assert "ev-far" not in found


def test_store_candidates_are_bounded_for_a_popular_actor(store):
    for k in range(30):
        store.put_event(_event(f"ev-{k:02d}", ["person/narendra-modi"], None), [])
    found = store.candidate_events(["person/narendra-modi"], "CONSULT", None, limit=10)
    assert len(found) == 10


@pytest.mark.sqlite_only
def test_store_migration_fills_the_link_index_of_an_older_file(tmp_path: Path):
    path = tmp_path / "old.db"
    with open_store(path) as s:
        s.put_event(_event("ev-old", ["person/sergey-lavrov"], "2021-04-06"), [])
    # make it the file a version-3 ghatna wrote: no copied columns, no link indexes
    con = sqlite3.connect(path)
    con.executescript(
        "DROP INDEX event_actors_link; DROP INDEX event_actors_recent;"
        "ALTER TABLE event_actors DROP COLUMN type;"
        "ALTER TABLE event_actors DROP COLUMN date_value;"
        "ALTER TABLE event_actors DROP COLUMN updated_at;"
        "UPDATE meta SET value = '3' WHERE key = 'schema_version';"
    )
    con.close()
    with open_store(path) as s:
        found = s.candidate_events(["person/sergey-lavrov"], "CONSULT", "2021-04-07")
    assert [e["id"] for e in found] == ["ev-old"]
