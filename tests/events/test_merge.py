"""One event mention per event per article; headings are not sources."""

from __future__ import annotations

from ghatna.document import PartialDate
from ghatna.events import extract_events
from tests.events.conftest import build, day


def _summary(events) -> list[tuple]:
    return [(e.type, e.mode, e.status, sorted(a.name for a in e.actors), e.topics) for e in events]


def test_events_merge_sentences_about_one_meeting(kb) -> None:
    text = (
        "मैक्रों सोमवार को भारत पहुंचे। "
        "मोदी ने मंगलवार को मैक्रों से मुलाकात की। "
        "दोनों नेताओं ने रक्षा और व्यापार पर चर्चा की। "
        "मोदी ने कहा कि परमाणु ऊर्जा में सहयोग बढ़ेगा।"
    )
    (event,) = extract_events(build(text), kb)
    assert _summary([event]) == [
        (
            "CONSULT",
            "visit",
            "happened",
            ["Emmanuel Macron", "Narendra Modi"],
            ("nuclear", "energy", "defence", "trade"),
        )
    ]
    assert sorted((a.name, a.as_) for a in event.actors) == [
        ("Emmanuel Macron", "source"),
        ("Narendra Modi", "target"),
    ]
    assert event.location == {"name": None, "country": "IND"}


def test_events_merge_talk_of_both_leaders_where_they_met(kb) -> None:
    # the place in the talk sentence is what they discussed, not a second meeting
    text = (
        "जयशंकर ने टोक्यो में लावरोव से मुलाकात की। "
        "दोनों नेताओं ने नेपाल में तनाव कम करने के उपायों पर चर्चा की।"
    )
    (event,) = extract_events(build(text), kb)
    assert sorted(a.name for a in event.actors) == ["S. Jaishankar", "Sergey Lavrov"]
    assert event.location == {"name": "Tokyo", "country": "JPN"}


def test_events_merge_both_leaders_meeting_again_elsewhere(kb) -> None:
    # a meeting verb is a meeting of its own: its place stays its own
    text = (
        "जयशंकर ने टोक्यो में लावरोव से मुलाकात की। "
        "दोनों नेता पेरिस में जी20 बैठक के दौरान भी मिले थे।"
    )
    places = [e.location for e in extract_events(build(text), kb)]
    assert {"name": "Paris", "country": "FRA"} in places


def test_events_merge_keeps_two_counterparts_apart(kb) -> None:
    text = "जयशंकर ने टोक्यो में लावरोव से मुलाकात की। जयशंकर ने पेनी वोंग से भी मुलाकात की।"
    events = extract_events(build(text), kb)
    assert [sorted(a.name for a in e.actors) for e in events] == [
        ["S. Jaishankar", "Sergey Lavrov"],
        ["Penny Wong", "S. Jaishankar"],
    ]
    # the same day and the same minister: the second meeting was in Tokyo too
    assert [(e.mode, e.location) for e in events] == [
        ("third-party", {"name": "Tokyo", "country": "JPN"}),
        ("third-party", {"name": "Tokyo", "country": "JPN"}),
    ]


def test_events_merge_coordinated_meetings_of_one_sentence(kb) -> None:
    text = "मोदी फ्रांस जाएंगे जहां वह मैक्रों से मुलाकात करेंगे और लावरोव से भी भेंट करेंगे।"
    assert _summary(extract_events(build(text), kb)) == [
        (
            "CONSULT",
            "visit",
            "planned",
            ["Emmanuel Macron", "Narendra Modi", "Sergey Lavrov"],
            (),
        )
    ]


def test_events_merge_keeps_planned_and_past_apart(kb) -> None:
    text = "इससे पहले मोदी ने पुतिन से मुलाकात की थी। मोदी अब पुतिन से फिर मुलाकात करेंगे।"
    events = extract_events(build(text), kb)
    assert [e.status for e in events] == ["reported_background", "planned"]


def test_events_headings_are_not_sources(kb) -> None:
    text = "मोदी ने पुतिन से मुलाकात की। मैक्रों ने मोदी को धन्यवाद दिया।"
    events = extract_events(build(text, headings=[0]), kb)
    assert _summary(events) == [
        ("SUPPORT", None, "happened", ["Emmanuel Macron", "Narendra Modi"], ())
    ]


def test_events_merge_plans_dated_by_report_and_by_day(kb) -> None:
    text = (
        "मोदी 14 मार्च को पेरिस में मैक्रों से मुलाकात करेंगे।\n"
        "फ्रांस के विदेश मंत्रालय ने बुधवार को यह जानकारी दी और कहा कि"
        " दोनों नेताओं के बीच व्यापार पर चर्चा होगी।"
    )
    dates = {"14 मार्च": day("2025-03-14"), "बुधवार": day("2025-03-12")}
    [event] = extract_events(build(text, dates=dates), kb)
    assert event.status == "planned"
    assert event.date.value == "2025-03-14"
    assert event.location["name"] == "Paris"
    # the report's weekday-only document date does not block the merge either
    wednesday = PartialDate("2025", "weekday", "Wednesday")
    dates["बुधवार"] = wednesday
    assert len(extract_events(build(text, dates=dates, document_date=wednesday), kb)) == 1


def test_events_merge_plan_by_month_and_by_day(kb) -> None:
    text = "मोदी अप्रैल में मैक्रों से मुलाकात करेंगे।\nमोदी 3 अप्रैल को पेरिस में मैक्रों से बातचीत करेंगे।"
    dates = {"अप्रैल में": PartialDate("2025-04", "month"), "3 अप्रैल": day("2025-04-03")}
    [event] = extract_events(build(text, dates=dates), kb)
    assert event.date.value == "2025-04-03"


def test_events_merge_keeps_plans_of_two_days_apart(kb) -> None:
    text = "मोदी 3 अप्रैल को मैक्रों से मुलाकात करेंगे।\nमोदी 9 अप्रैल को मैक्रों से बातचीत करेंगे।"
    dates = {"3 अप्रैल": day("2025-04-03"), "9 अप्रैल": day("2025-04-09")}
    assert len(extract_events(build(text, dates=dates), kb)) == 2


def test_events_merge_keeps_two_gatherings_of_one_month_apart(kb) -> None:
    text = (
        "जून में जी20 बैठक के इतर जयशंकर और मैक्रों ने बातचीत की थी। "
        "दोनों नेता आसियान सम्मेलन के दौरान भी मिले थे।"
    )
    doc = build(text, dates={"जून": PartialDate("2025-06", "month")})
    venues = sorted(e.venue or "" for e in extract_events(doc, kb))
    assert venues == ["आसियान सम्मेलन", "जी20 बैठक"]


def test_events_merge_one_gathering_named_two_ways(kb) -> None:
    text = (
        "जयशंकर और मैक्रों ने जी20 बैठक के इतर मुलाकात की। "
        "जी20 शिखर सम्मेलन के दौरान दोनों नेताओं ने व्यापार पर चर्चा की।"
    )
    (event,) = extract_events(build(text), kb)
    assert event.venue == "जी20 बैठक"


def test_events_merge_keeps_apart_requests_whose_sides_cross(kb) -> None:
    # Modi's appeal to the public and Penny Wong's appeal to Modi are two requests
    text = (
        "मोदी ने लोगों से घर में रहने की अपील करते हुए कहा कि सावधानी जरूरी है।\n"
        "पेनी वोंग ने मोदी से आग्रह किया कि सहयोग बढ़ाया जाए।"
    )
    events = extract_events(build(text), kb)
    assert [[(a.name, a.as_) for a in e.actors] for e in events] == [
        [("Narendra Modi", "source")],
        [("Penny Wong", "source"), ("Narendra Modi", "target")],
    ]
