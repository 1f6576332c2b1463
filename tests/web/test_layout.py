"""Evidence highlighting and timeline placement, without a browser."""

from __future__ import annotations

from datetime import date

import pytest

from ghatna.web.highlight import Highlighted, Piece, highlight
from ghatna.web.timeline import date_range, layout

TEXT = "पहला। जयशंकर मिले। अंत।"


def test_web_highlight_marks_sentence_and_trigger():
    assert highlight(TEXT, (6, 18), (13, 17)) == Highlighted(
        "पहला। ", [Piece("जयशंकर "), Piece("मिले", True), Piece("।")], " अंत।"
    )


def test_web_highlight_ignores_a_trigger_outside_the_sentence():
    assert highlight(TEXT, (6, 18), (19, 22)) == Highlighted(
        "पहला। ", [Piece("जयशंकर मिले।")], " अंत।"
    )


@pytest.mark.parametrize("span", [None, (6, 99), (-1, 4), (10, 6)])
def test_web_highlight_never_guesses_a_span_that_does_not_fit(span):
    assert highlight(TEXT, span, (13, 17)) == Highlighted(TEXT, [], "", fits=False)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-08-21", (date(2025, 8, 21), date(2025, 8, 21))),
        ("2024-02", (date(2024, 2, 1), date(2024, 2, 29))),
        ("2021", (date(2021, 1, 1), date(2021, 12, 31))),
        (None, None),
        ("2021-02-31", None),
    ],
)
def test_web_date_range_spans_what_a_partial_date_could_mean(value, expected):
    assert date_range(value) == expected


def test_web_layout_places_bars_in_lanes_and_lists_undated_apart():
    events = [
        {"id": "a", "date": {"value": "2025-08"}},
        {"id": "b", "date": {"value": "2025-08-21"}},
        {"id": "c", "date": {"value": "2025-10-01"}},
        {"id": "d", "date": {"value": None}},
    ]
    axis = layout(events)
    assert axis.origin == date(2025, 8, 1)
    assert [(p.event["id"], p.start, p.days, p.lane) for p in axis.placed] == [
        ("a", 0, 31, 0),
        ("b", 20, 1, 1),
        ("c", 61, 1, 0),
    ]
    assert [e["id"] for e in axis.undated] == ["d"]
    assert axis.ticks == [(0, "2025-08"), (31, "2025-09"), (61, "2025-10")]
    assert (axis.days, axis.lanes) == (62, 2)
