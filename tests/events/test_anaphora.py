"""A demonstrative gathering (``इस बैठक``) takes date, place and name from its antecedent."""

from __future__ import annotations

from ghatna.document import PartialDate
from ghatna.events import extract_events
from tests.events.conftest import build, day


def test_events_anaphora_meeting_takes_date_place_and_venue(kb) -> None:
    text = (
        "मार्च 2024 में टोक्यो में आयोजित जी20 की बैठक में कई देश शामिल हुए।\n"
        "इस बैठक में मोदी और मैक्रों ने मुलाकात की थी।"
    )
    doc = build(text, dates={"मार्च 2024": PartialDate("2024-03", "month")})
    [event] = extract_events(doc, kb)
    assert event.date.value == "2024-03"
    assert event.location == {"name": "Tokyo", "country": "JPN"}
    assert event.venue == "जी20 की बैठक"
    assert event.status == "reported_background"


def test_events_anaphora_nearest_naming_in_a_list(kb) -> None:
    text = (
        "2023 में पेरिस में हुई वार्ता, और नवंबर 2024 में काठमांडू में संपन्न"
        " आसियान सम्मेलन अहम रहे।\n"
        "उस सम्मेलन के दौरान मोदी ने पुतिन से मुलाकात की थी।"
    )
    dates = {"2023": PartialDate("2023", "year"), "नवंबर 2024": PartialDate("2024-11", "month")}
    [event] = extract_events(build(text, dates=dates), kb)
    assert event.date.value == "2024-11"
    assert event.location["name"] == "Kathmandu"


def test_events_anaphora_own_date_and_place_win(kb) -> None:
    text = (
        "मार्च 2024 में टोक्यो में जी20 की बैठक हुई थी।\n"
        "इस बैठक के बाद 10 मार्च 2025 को पेरिस में मोदी ने मैक्रों से मुलाकात की।"
    )
    dates = {"मार्च 2024": PartialDate("2024-03", "month"), "10 मार्च 2025": day("2025-03-10")}
    [event] = extract_events(build(text, dates=dates), kb)
    assert event.date.value == "2025-03-10"
    assert event.location["name"] == "Paris"
    assert event.status == "happened"


def test_events_anaphora_without_antecedent_keeps_document_date(kb) -> None:
    text = "जापान के साथ संबंध मजबूत हैं।\nइस दौरे पर मोदी ने पुतिन से मुलाकात की।"
    [event] = extract_events(build(text), kb)
    assert event.date_span is None
    assert event.status == "happened"


def test_events_anaphora_a_clause_opening_with_the_bare_noun_names_it_again(kb) -> None:
    # "बैठक से इतर" after a named meeting is that meeting's sidelines, in its city
    text = (
        "जयशंकर अगले सप्ताह टोक्यो में होने वाली आसियान देशों की बैठक में हिस्सा लेंगे।\n"
        "बैठक से इतर जयशंकर की लावरोव के साथ वार्ता होने की संभावना है।"
    )
    events = extract_events(build(text), kb)
    talks = next(e for e in events if len(e.actors) == 2)
    assert talks.status == "planned"
    assert talks.location == {"name": "Tokyo", "country": "JPN"}
    assert talks.venue == "आसियान देशों की बैठक"
    assert talks.mode == "third-party"
