"""Cluster scoring: pairwise and B-cubed over event mentions aligned by document and actors."""

from __future__ import annotations

import pytest

from ghatna.link.score import score

GOLD = {
    "events": [
        {"id": "G1", "actors": ["A", "B"], "documents": ["1.txt", "2.txt"]},
        {"id": "G2", "actors": ["A", "C"], "documents": ["3.txt"]},
    ]
}


def _event(eid, names, docs):
    return {
        "id": eid,
        "actors": [{"name": n} for n in names],
        "sources": [{"document": d} for d in docs],
    }


def test_score_perfect_clustering():
    system = [_event("e1", ["A", "B"], ["1.txt", "2.txt"]), _event("e2", ["A", "C"], ["3.txt"])]
    s = score(GOLD, system)
    assert s.pairwise == (1.0, 1.0, 1.0)
    assert s.bcubed == (1.0, 1.0, 1.0)
    assert (s.gold_mentions, s.system_mentions, s.aligned) == (3, 3, 3)


def test_score_split_event_loses_recall_not_precision():
    system = [
        _event("e1", ["A", "B"], ["1.txt"]),
        _event("e2", ["A", "B"], ["2.txt"]),
        _event("e3", ["A", "C"], ["3.txt"]),
    ]
    s = score(GOLD, system)
    assert s.pairwise[:2] == (1.0, 0.0)
    assert s.bcubed[0] == 1.0
    assert s.bcubed[1] == pytest.approx((0.5 + 0.5 + 1) / 3)


def test_score_merged_events_lose_precision():
    system = [_event("e1", ["A", "B", "C"], ["1.txt", "2.txt", "3.txt"])]
    s = score(GOLD, system)
    assert s.pairwise[1] == 1.0
    assert s.pairwise[0] == pytest.approx(1 / 3)


def test_score_extra_unaligned_event_stays_a_singleton():
    system = [
        _event("e1", ["A", "B"], ["1.txt", "2.txt"]),
        _event("e2", ["A", "C"], ["3.txt"]),
        _event("e3", ["D", "E"], ["3.txt"]),
    ]
    s = score(GOLD, system)
    assert s.aligned == 3
    assert s.system_mentions == 4
    assert s.bcubed == (1.0, 1.0, 1.0)


def test_score_aligns_by_date_when_the_same_people_meet_twice_in_one_report():
    gold = {
        "events": [
            {
                "id": "G1",
                "actors": ["A", "B"],
                "date": "2025-08-21",
                "documents": ["1.txt", "2.txt"],
            }
        ],
        "background_events": [
            {"actors": ["A", "B"], "date": {"year": 2025, "month": 7}, "documents": ["2.txt"]}
        ],
    }
    later = _event("e1", ["A", "B"], ["1.txt", "2.txt"])
    later["date"] = {"value": "2025-08-21"}
    earlier = _event("e2", ["A", "B"], ["2.txt"])
    earlier["date"] = {"value": "2025-07"}
    s = score(gold, [earlier, later])
    assert s.pairwise == (1.0, 1.0, 1.0)
    assert s.bcubed == (1.0, 1.0, 1.0)
