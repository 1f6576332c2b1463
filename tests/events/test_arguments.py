"""Arguments: direction, place, gathering, date, topics and quotes of an event."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from ghatna.document import Doc, Mention, PartialDate
from ghatna.entities.kb import Role
from ghatna.events import extract_events
from tests.events.conftest import build, day


def _actors(event) -> list[tuple[str, str]]:
    return [(a.name, a.as_) for a in event.actors]


@pytest.mark.parametrize(
    ("text", "actors", "location"),
    [
        # the visitor is the source, the host (of the place's country) the target
        (
            "प्रधानमंत्री नरेंद्र मोदी ने पेरिस में फ्रांस के राष्ट्रपति मैक्रों से मुलाकात की।",
            [("Narendra Modi", "source"), ("Emmanuel Macron", "target")],
            {"name": "Paris", "country": "FRA"},
        ),
        (
            "नई दिल्ली में मोदी ने मैक्रों से मुलाकात की।",
            [("Narendra Modi", "target"), ("Emmanuel Macron", "source")],
            {"name": "New Delhi", "country": "IND"},
        ),
        # "जहां" carries the arrival's place into the meeting
        (
            "मैक्रों मंगलवार को नई दिल्ली पहुंचे, जहां उन्होंने मोदी से मुलाकात की।",
            [("Emmanuel Macron", "source"), ("Narendra Modi", "target")],
            {"name": "New Delhi", "country": "IND"},
        ),
        # "<place> की <up to three words> यात्रा पर जाना/आना": the place is the destination
        (
            "मोदी जापान की तीन दिवसीय आधिकारिक यात्रा पर जाएंगे।",
            [("Narendra Modi", "source"), ("Japan", "target")],
            {"name": None, "country": "JPN"},
        ),
        (
            "मैक्रों भारत के दौरे पर आए।",
            [("Emmanuel Macron", "source"), ("India", "target")],
            {"name": None, "country": "IND"},
        ),
        # leaving for a place: "के लिए रवाना"
        (
            "मोदी बुधवार को पेरिस के लिए रवाना हुए।",
            [("Narendra Modi", "source"), ("France", "target")],
            {"name": "Paris", "country": "FRA"},
        ),
        (
            "मैक्रों नई दिल्ली रवाना होंगे।",
            [("Emmanuel Macron", "source"), ("India", "target")],
            {"name": "New Delhi", "country": "IND"},
        ),
        # a place followed by से is where the traveller comes from
        (
            "जयशंकर नेपाल से जापान पहुंचे।",
            [("S. Jaishankar", "source"), ("Japan", "target")],
            {"name": None, "country": "JPN"},
        ),
        # "X शहर में": the city word between name and case
        (
            "मोदी ने टोक्यो शहर में मैक्रों से मुलाकात की।",
            [("Narendra Modi", "source"), ("Emmanuel Macron", "target")],
            {"name": "Tokyo", "country": "JPN"},
        ),
        # a state is a place below its country, as a city is
        (
            "मोदी ने महाराष्ट्र में मैक्रों से मुलाकात की।",
            [("Narendra Modi", "target"), ("Emmanuel Macron", "source")],
            {"name": "Maharashtra", "country": "IND"},
        ),
        (
            "Modi met Putin in New Delhi.",
            [("Narendra Modi", "target"), ("Vladimir Putin", "source")],
            {"name": "New Delhi", "country": "IND"},
        ),
    ],
)
def test_events_arguments_direction_from_place(kb, text: str, actors: list, location: dict) -> None:
    (event,) = extract_events(build(text), kb)
    assert (sorted(_actors(event)), event.location) == (sorted(actors), location)


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # a list with commas and और takes the case of its last member
        (
            "मोदी ने पेरिस में मैक्रों, लावरोव और पेनी वोंग से मुलाकात की।",
            ["Emmanuel Macron", "Narendra Modi", "Penny Wong", "Sergey Lavrov"],
        ),
        # on whose behalf is not who took part
        (
            "जयशंकर ने मोदी की ओर से पुतिन को बधाई दी।",
            ["S. Jaishankar", "Vladimir Putin"],
        ),
        # the subject pronoun refers back to the last person named
        (
            "मोदी सोमवार को पेरिस पहुंचे। वहां उन्होंने मैक्रों से मुलाकात की।",
            ["Emmanuel Macron", "Narendra Modi"],
        ),
        # "X से पहले" is a time, not a partner
        (
            "जी20 से पहले मोदी ने मैक्रों से बातचीत की।",
            ["Emmanuel Macron", "Narendra Modi"],
        ),
        # "आसियान देशों ने": the bloc acts through its members
        ("आसियान देशों ने भारत को निमंत्रण दिया।", ["ASEAN", "India"]),
        # the comma after a verb of saying opens a clause: its speaker did not take part
        (
            "पुतिन ने कहा, मोदी और मैक्रों ने पेरिस में मुलाकात की।",
            ["Emmanuel Macron", "Narendra Modi"],
        ),
    ],
)
def test_events_arguments_participants(kb, text: str, actors: list) -> None:
    events = [e for e in extract_events(build(text), kb) if len(e.actors) > 1]
    assert [sorted(a.name for a in e.actors) for e in events][-1:] == [actors]


@pytest.mark.parametrize(
    ("text", "venue", "mode"),
    [
        ("जयशंकर ने जी20 की बैठक के इतर लावरोव से भेंट की।", "जी20 की बैठक", "third-party"),
        ("आसियान शिखर सम्मेलन के दौरान मोदी ने पुतिन से मुलाकात की।", "आसियान शिखर सम्मेलन", "third-party"),
        ("टोक्यो में जी20 की बैठक हुई, जिसमें जयशंकर ने हिस्सा लिया।", "जी20 की बैठक", "multilateral"),
        # a gathering no KB organisation names is named by the words before its noun
        ("मैक्रों टोक्यो में एआई शिखर सम्मेलन में हिस्सा लेंगे।", "एआई शिखर सम्मेलन", "multilateral"),
        # ... also when the name opens the text
        ("हरित वैश्विक एआई शिखर सम्मेलन में मैक्रों हिस्सा लेंगे।", "हरित वैश्विक एआई शिखर सम्मेलन", "multilateral"),
    ],
)
def test_events_arguments_venue(kb, text: str, venue: str, mode: str) -> None:
    (event,) = extract_events(build(text), kb)
    assert (event.venue, event.mode) == (venue, mode)
    assert build(text).text[slice(*event.venue_span)] == venue


@pytest.mark.parametrize(
    "text",
    [
        "जयशंकर ने कई महत्वपूर्ण बैठकों में हिस्सा लिया।",
        "मैक्रों अगले महीने एक अहम बैठक में हिस्सा लेंगे।",
    ],
)
def test_events_arguments_no_gathering_named(kb, text: str) -> None:
    # taking part in meetings nobody names is no event
    assert extract_events(build(text), kb) == []


@pytest.mark.parametrize(
    ("text", "dates", "expected"),
    [
        # the expression in the sentence
        ("मोदी ने 5 मार्च को पुतिन से मुलाकात की।", {"5 मार्च": day("2025-03-05")}, "2025-03-05"),
        # else the nearest one before it in the paragraph
        (
            "मोदी 10 मार्च को रूस पहुंचे। वहां उन्होंने पुतिन से मुलाकात की।",
            {"10 मार्च": day("2025-03-10")},
            "2025-03-10",
        ),
        # else the document's main event date
        ("मोदी ने पुतिन से मुलाकात की।", {}, "2025-03-12"),
        # the date of an infinitive the noun governs is that visit's, not the invitation's
        (
            "मोदी ने मैक्रों को अगले साल भारत आने का न्योता दिया।",
            {"अगले साल": PartialDate("2026", "year")},
            "2025-03-12",
        ),
        (
            "मोदी ने 10 मार्च को मैक्रों को अगले साल भारत आने का न्योता दिया।",
            {"10 मार्च": day("2025-03-10"), "अगले साल": PartialDate("2026", "year")},
            "2025-03-10",
        ),
        # a present perfect is news as of writing, not the day the sentence before recalled
        (
            "इससे पहले मोदी ने 10 मार्च को पुतिन से बात की थी। चीन ने जापान की आलोचना की है।",
            {"10 मार्च": day("2025-03-10")},
            "2025-03-12",
        ),
        # what is done is not dated after the article: next month is the summit's
        (
            "मैक्रों अगले महीने होने वाले सम्मेलन के लिए मोदी को पेरिस आने का न्योता दे चुके हैं।",
            {"अगले महीने": PartialDate("2025-04", "month")},
            "2025-03-12",
        ),
    ],
)
def test_events_arguments_date(kb, text: str, dates: dict, expected: str) -> None:
    events = extract_events(build(text, dates=dates), kb)
    assert [e.date.value for e in events if e.status == "happened"][-1] == expected


def test_events_arguments_talk_of_both_leaders_goes_on_with_the_call(kb) -> None:
    # a paragraph later, "दोनों नेताओं ने ... चर्चा की" is the same call: same day, one event
    text = "मोदी ने सोमवार को पुतिन से फोन पर बात की। दोनों नेताओं ने व्यापार पर भी चर्चा की।"
    doc = build(text, dates={"सोमवार": day("2025-03-10")}, headings=[])
    (call,) = extract_events(doc, kb)
    assert (call.mode, call.date.value, call.topics) == ("phone", "2025-03-10", ("trade",))


def test_events_arguments_date_span_only_when_in_text(kb) -> None:
    (event,) = extract_events(build("मोदी ने पुतिन से मुलाकात की।"), kb)
    assert (event.date, event.date_span) == (day("2025-03-12"), None)


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        (
            "मोदी ने पुतिन से परमाणु ऊर्जा और व्यापार पर बातचीत की।",
            ("nuclear", "energy", "trade"),
        ),
        (
            "जयशंकर और लावरोव ने अफगानिस्तान और हिंद-प्रशांत पर चर्चा की।",
            ("Indo-Pacific", "Afghanistan"),
        ),
        ("मोदी ने मैक्रों से आतंकवाद के मुद्दे पर चर्चा की।", ("terrorism",)),
        # a place's conflict is a subject too
        ("मोदी ने मैक्रों से अफगानिस्तान में जारी संघर्ष पर बातचीत की।", ("Afghanistan",)),
    ],
)
def test_events_arguments_topics(kb, text: str, topics: tuple) -> None:
    (event,) = extract_events(build(text), kb)
    assert event.topics == topics


def test_events_arguments_both_leaders_list_of_subjects(kb) -> None:
    # "रक्षा, अंतरिक्ष और ऊर्जा": a list, so "दोनों नेताओं" stays in the clause
    text = "मोदी ने मैक्रों से मुलाकात की। दोनों नेताओं ने रक्षा, अंतरिक्ष और ऊर्जा पर सहमति जताई।"
    agree = [e for e in extract_events(build(text), kb) if e.type == "AGREE"]
    assert [(sorted(a.name for a in e.actors), e.topics) for e in agree] == [
        (["Emmanuel Macron", "Narendra Modi"], ("defence", "space", "energy"))
    ]


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # "दोनों देशों" are the two countries of the last clause with two
        (
            "पाकिस्तान ने भारत पर आरोप लगाया। रूस ने दोनों देशों से संयम बरतने की अपील की।",
            [("Russia", "source"), ("Pakistan", "target"), ("India", "target")],
        ),
        # a person stands for their country
        (
            "जयशंकर ने पेरिस में मैक्रों से मुलाकात की। दोनों देशों के बीच रक्षा समझौते पर हस्ताक्षर हुए।",
            [("India", "participant"), ("France", "participant")],
        ),
        # through a genitive chain to the trigger: "दोनों देशों के रक्षा मंत्रियों की बैठक"
        (
            "जयशंकर ने पेरिस में मैक्रों से मुलाकात की। अगले महीने दोनों देशों के रक्षा मंत्रियों की बैठक होगी।",
            [("India", "participant"), ("France", "participant")],
        ),
        # "दोनों देशों के हित में" modifies another noun: no participant
        (
            "पाकिस्तान ने भारत पर आरोप लगाया। रूस ने दोनों देशों के हित में शांति की अपील की।",
            [("Russia", "source")],
        ),
        # no two countries named before: nobody is made up
        ("रूस ने दोनों देशों से संयम बरतने की अपील की।", [("Russia", "source")]),
    ],
)
def test_events_arguments_both_countries(kb, text: str, actors: list) -> None:
    last = extract_events(build(text), kb)[-1]
    assert _actors(last) == actors


@pytest.mark.parametrize(
    ("text", "trigger_type"),
    [
        # "दोनों नेता" outranks the speaker who reports what they did
        ("मोदी ने पुतिन से मुलाकात की। जयशंकर ने कहा कि दोनों नेता सहयोग पर सहमत हुए।", "AGREE"),
        # "विचार साझा किए" continues the call: its subjects are the call's topics
        ("मोदी ने मैक्रों से फोन पर बात की। दोनों नेताओं ने आतंकवाद पर विचार साझा किए।", "CONSULT"),
    ],
)
def test_events_arguments_both_leaders_over_the_reporter(kb, text: str, trigger_type: str) -> None:
    last = extract_events(build(text), kb)[-1]
    assert last.type == trigger_type
    assert {a.name for a in last.actors} == (
        {"Narendra Modi", "Vladimir Putin"}
        if trigger_type == "AGREE"
        else {"Narendra Modi", "Emmanuel Macron"}
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "उनका स्वागत": the possessive is the one welcomed, a visitor, not the host
        (
            "मैक्रों सोमवार को नई दिल्ली पहुंचे। मोदी ने हवाई अड्डे पर उनका स्वागत किया।",
            ("CONSULT", [("Narendra Modi", "target"), ("Emmanuel Macron", "source")]),
        ),
        (
            "मैक्रों नई दिल्ली पहुंचे। मोदी ने उनकी अगवानी की।",
            ("CONSULT", [("Narendra Modi", "target"), ("Emmanuel Macron", "source")]),
        ),
        (
            "मोदी ने मैक्रों से मुलाकात की। जयशंकर ने उनकी प्रशंसा की।",
            ("SUPPORT", [("S. Jaishankar", "source"), ("Emmanuel Macron", "target")]),
        ),
    ],
)
def test_events_arguments_possessive_is_whom_it_is_done_to(kb, text: str, expected) -> None:
    last = extract_events(build(text), kb)[-1]
    assert (last.type, sorted(_actors(last))) == (expected[0], sorted(expected[1]))


@pytest.mark.parametrize(
    ("text", "traveller"),
    [
        # the pronoun's nearest name is in the sentence before: the story's subject goes
        ("मोदी मंगलवार को पुतिन से मिलेंगे। इसके बाद वह जापान जाएंगे।", "Narendra Modi"),
        # a name in the pronoun's own sentence is still the nearest
        ("मोदी मंगलवार को पुतिन से मिलेंगे। पुतिन ने कहा कि वह जापान जाएंगे।", "Vladimir Putin"),
    ],
)
def test_events_arguments_subject_pronoun_keeps_the_story_subject(kb, text, traveller) -> None:
    visit = extract_events(build(text), kb)[-1]
    assert [a.name for a in visit.actors if a.as_ == "source"] == [traveller]


def test_events_arguments_subject_pronoun_is_the_subject_not_a_genitive_name(kb) -> None:
    # no event in the first sentence; Modi is named last in it, but in the genitive
    text = "जयशंकर सम्मेलन में मोदी की जगह भारत का प्रतिनिधित्व कर रहे हैं। वह लावरोव से भी मिलेंगे।"
    meeting = extract_events(build(text), kb)[-1]
    assert sorted(_actors(meeting)) == [("S. Jaishankar", "source"), ("Sergey Lavrov", "target")]


def test_events_arguments_quoted_pronoun_speaker_is_the_subject_before(kb) -> None:
    # "उन्होंने कहा" after Jaishankar's post naming Lavrov: Jaishankar speaks, and
    # "दोनों पक्षों" are the two people of the meeting
    text = (
        "जयशंकर ने लिखा, ‘‘आज लावरोव से मुलाकात हुई।’’"
        " उन्होंने कहा कि दोनों पक्षों ने व्यापार बढ़ाने पर सहमति जताई।"
    )
    agree = extract_events(build(text), kb)[-1]
    assert agree.type == "AGREE"
    assert {name for name, _ in _actors(agree)} == {"S. Jaishankar", "Sergey Lavrov"}


@pytest.mark.parametrize(
    ("text", "location"),
    [
        # an agency report filed from Tokyo: "यहां" is Tokyo
        (
            "टोक्यो, 12 मई (भाषा)। जयशंकर ने सोमवार को यहां लावरोव से मुलाकात की।",
            {"name": "Tokyo", "country": "JPN"},
        ),
        # no dateline: "यहां" says nothing
        ("जयशंकर ने सोमवार को यहां लावरोव से मुलाकात की।", None),
        # a city further into the paragraph is no dateline
        ("जयशंकर ने कहा कि टोक्यो में बैठक होगी। उन्होंने यहां लावरोव से मुलाकात की।", None),
    ],
)
def test_events_arguments_here_is_the_dateline_city(kb, text, location) -> None:
    doc = build(text)
    doc.paragraphs = [(0, len(text))]
    meeting = [e for e in extract_events(doc, kb) if e.type == "CONSULT"][-1]
    assert (meeting.location and {k: meeting.location[k] for k in ("name", "country")}) == location


def test_events_arguments_a_finite_verb_ends_its_clause_at_and(kb) -> None:
    # Nepal is what they went on to discuss, not where they met
    text = "मोदी ने सोमवार को पुतिन से मुलाकात की और नेपाल में भूकंप राहत पर चर्चा की।"
    meeting = extract_events(build(text), kb)[0]
    assert meeting.location is None


def test_events_arguments_and_between_two_names_after_a_verb_joins_them(kb) -> None:
    # "लौट आए" ends a clause, but the "और" of "जयशंकर और लावरोव के साथ" opens none
    text = (
        "मोदी ने अपनी जापान की यात्रा बीच में छोड़ दी और दिल्ली लौट आए। दिल्ली पहुंचते ही"
        " उन्होंने जयशंकर और लावरोव के साथ बैठक की।"
    )
    trip, meeting = extract_events(build(text), kb)
    assert sorted(_actors(trip)) == [("Japan", "target"), ("Narendra Modi", "source")]
    assert {name for name, _ in _actors(meeting)} == {
        "Narendra Modi",
        "S. Jaishankar",
        "Sergey Lavrov",
    }


def test_events_arguments_a_purpose_clause_shares_the_object_of_the_thanks(kb) -> None:
    # the invitee of "शामिल होने के लिए" is whom Modi thanks
    text = "मोदी ने मैक्रों को पेरिस सम्मेलन में शामिल होने के लिए धन्यवाद दिया।"
    (thanks,) = extract_events(build(text), kb)
    assert (thanks.type, sorted(_actors(thanks))) == (
        "SUPPORT",
        [("Emmanuel Macron", "target"), ("Narendra Modi", "source")],
    )


def test_events_arguments_the_trip_participle_describes_the_traveller_after_it(kb) -> None:
    # "... पर आए मैक्रों": Macron came; the passive welcome that follows has no agent
    text = "भारत की राजकीय यात्रा पर आए मैक्रों का सोमवार को औपचारिक स्वागत किया गया।"
    shapes = [(e.type, e.mode, _actors(e)) for e in extract_events(build(text), kb)]
    assert shapes == [("CONSULT", "visit", [("Emmanuel Macron", "source"), ("India", "target")])]


def test_events_arguments_place_of_an_earlier_happening_is_not_the_events(kb) -> None:
    # Nepal is where the quake struck before they spoke, not where they spoke
    text = "नेपाल में भूकंप आने के बाद मोदी ने पुतिन से बातचीत की।"
    (event,) = extract_events(build(text), kb)
    assert event.location is None


@pytest.mark.parametrize(
    ("text", "location"),
    [
        # "X में हुए हमले": the attack's place, not the condemnation's
        ("मैक्रों ने पेरिस में हुए आतंकी हमले की निंदा की।", None),
        # ... but a gathering's place is where its sidelines meeting was
        (
            "पेरिस में चल रहे जी20 सम्मेलन के इतर मोदी और मैक्रों ने बातचीत की।",
            {"name": "Paris", "country": "FRA"},
        ),
    ],
)
def test_events_arguments_place_of_a_participle_noun(kb, text: str, location) -> None:
    (event,) = extract_events(build(text), kb)
    assert event.location == location


def test_events_arguments_a_phone_call_takes_no_place_from_another_event(kb) -> None:
    text = "मोदी ने मैक्रों से फोन पर बात की। मैक्रों ने पेरिस में जेलेंस्की से मुलाकात की।"
    call = next(e for e in extract_events(build(text), kb) if e.mode == "phone")
    assert call.location is None


def test_events_arguments_country_acts_through_its_leaders(kb) -> None:
    text = "फ्रांस और जापान के नेताओं ने भी हमले की निंदा की है।"
    (event,) = extract_events(build(text), kb)
    assert _actors(event) == [("France", "source"), ("Japan", "source")]


def test_events_arguments_both_countries_of_an_unknown_person_from_the_text(kb) -> None:
    text = "मोदी ने चीन के रक्षा मंत्री वेई फेंगही से मुलाकात की। दोनों देशों के बीच बातचीत होगी।"
    doc = build(text)
    start = text.index("वेई फेंगही")
    wei = Mention(start, start + 10, "वेई फेंगही", "PER", "provisional/per/wei-fenghe", "test", 1.0)
    doc.mentions = sorted(
        [*doc.mentions, replace(wei, attrs={"country": "CHN"})], key=lambda m: m.start
    )
    last = extract_events(doc, kb)[-1]
    assert sorted(_actors(last)) == [("China", "participant"), ("India", "participant")]


def test_events_arguments_talk_after_phone_call_has_no_place(kb) -> None:
    # they spoke by phone: Afghanistan is what they talked about, not where
    text = (
        "मोदी ने मैक्रों से फोन पर बात की। "
        "दोनों नेताओं ने अफगानिस्तान में जारी संघर्ष पर विचारों का आदान-प्रदान किया।"
    )
    (event,) = extract_events(build(text), kb)
    assert (event.mode, event.location, event.topics) == ("phone", None, ("Afghanistan",))


@pytest.mark.parametrize(
    ("text", "speaker", "quote"),
    [
        (
            "मोदी ने ट्वीट किया, “पेरिस में मैक्रों से मुलाकात करके खुशी हुई।”",
            "Narendra Modi",
            "पेरिस में मैक्रों से मुलाकात करके खुशी हुई।",
        ),
        (
            "मोदी ने पुतिन से मुलाकात की। मोदी ने कहा कि बातचीत बहुत उपयोगी रही।",
            "Narendra Modi",
            "बातचीत बहुत उपयोगी रही।",
        ),
        # agency copy doubles single quotation marks
        (
            "मोदी ने ‘एक्स’ पर लिखा, ‘‘पेरिस में मैक्रों से मुलाकात करके खुशी हुई।’’",
            "Narendra Modi",
            "पेरिस में मैक्रों से मुलाकात करके खुशी हुई।",
        ),
    ],
)
def test_events_arguments_quotes(kb, text: str, speaker: str, quote: str) -> None:
    (event,) = extract_events(build(text), kb)
    doc = build(text)
    assert [(q.speaker, q.text, doc.text[slice(*q.span)]) for q in event.quotes] == [
        (speaker, quote, quote)
    ]


def test_events_arguments_tweet_speaker_is_participant(kb) -> None:
    text = "मोदी ने ट्वीट किया, “पेरिस में मैक्रों से मुलाकात करके खुशी हुई।”"
    (event,) = extract_events(build(text), kb)
    assert sorted(_actors(event)) == [("Emmanuel Macron", "target"), ("Narendra Modi", "source")]


def test_events_arguments_role_at_event_date(kb) -> None:
    doc = build("जयशंकर ने पुतिन से मुलाकात की।", document_date=PartialDate("2018", "year"))
    (event,) = extract_events(doc, kb)
    assert [(a.name, a.role) for a in event.actors] == [
        ("S. Jaishankar", None),
        ("Vladimir Putin", "President"),
    ]


def test_events_arguments_a_call_said_earlier_in_the_clause(kb) -> None:
    (call,) = extract_events(build("जयशंकर ने सोमवार को फोन पर अपने समकक्ष लावरोव से बात की।"), kb)
    assert call.mode == "phone"


def test_events_arguments_a_genitive_subject_before_the_partner(kb) -> None:
    # "X की Y के साथ वार्ता": the partner with its case stands between X and the noun
    (talks,) = extract_events(build("बैठक से इतर जयशंकर की लावरोव के साथ द्विपक्षीय वार्ता भी होगी।"), kb)
    assert sorted(_actors(talks)) == [("S. Jaishankar", "source"), ("Sergey Lavrov", "target")]


def _with_role(text: str, phrase: str, holder: str | None = None, **attrs) -> Doc:
    """``text`` with ``phrase`` as a role mention of ``attrs``, linked to ``holder``."""
    doc = build(text)
    start = text.index(phrase)
    end = start + len(phrase)
    role = Mention(start, end, phrase, "ROLE", holder, "role-phrase", 0.45, attrs)
    doc.mentions = sorted([*doc.mentions, role], key=lambda m: m.start)
    return doc


def test_events_arguments_an_official_nobody_in_the_kb_held_acts_for_the_country(kb) -> None:
    text = "चीन के विदेश मंत्रालय के प्रवक्ता ने जापान की आलोचना की।"
    doc = _with_role(text, "विदेश मंत्रालय के प्रवक्ता", office="spokesperson", country="CHN")
    (criticism,) = extract_events(doc, kb)
    assert sorted(_actors(criticism)) == [("China", "source"), ("Japan", "target")]


def test_events_arguments_the_country_of_an_unnamed_official_is_met_not_meeting(kb) -> None:
    # "जापान के कृषि मंत्री से": the linker marks Japan as part of the role phrase, and
    # the minister (Japan standing in for them) is whom Jaishankar met
    text = "जयशंकर ने गुरुवार को जापान के कृषि मंत्री से भी मुलाकात की।"
    doc = _with_role(text, "कृषि मंत्री", office="agriculture_minister", country="JPN")
    doc.mentions = [
        replace(m, attrs={"country": "JPN", "qualifies_role": True}) if m.text == "जापान" else m
        for m in doc.mentions
    ]
    (meeting,) = extract_events(doc, kb)
    assert sorted(_actors(meeting)) == [("Japan", "target"), ("S. Jaishankar", "source")]


def test_events_arguments_a_state_official_does_not_act_for_the_country(kb) -> None:
    text = "महाराष्ट्र के स्वास्थ्य मंत्री ने जापान की आलोचना की।"
    doc = _with_role(
        text, "स्वास्थ्य मंत्री", office="health_minister", country="IND", region="Maharashtra"
    )
    assert [sorted(_actors(e)) for e in extract_events(doc, kb)] == [[("Japan", "target")]]


def test_events_arguments_one_gathering_whoever_each_sentence_names(kb) -> None:
    text = (
        "जयशंकर अगले सप्ताह टोक्यो में होने वाली आसियान की बैठक में हिस्सा लेंगे।"
        " इस बैठक में पेनी वोंग और मैक्रों भी शामिल होंगे।"
    )
    (gathering,) = extract_events(build(text), kb)
    assert gathering.mode == "multilateral"
    assert {name for name, _ in _actors(gathering)} == {
        "S. Jaishankar",
        "Penny Wong",
        "Emmanuel Macron",
    }


def test_events_arguments_a_gathering_whose_name_holds_its_noun(kb) -> None:
    # "क्वाड शिखर सम्मेलन" is one name, the venue noun inside it
    text = "मोदी अगले महीने पेनी वोंग के साथ क्वाड शिखर सम्मेलन में हिस्सा लेंगे।"
    (summit,) = extract_events(build(text), kb)
    assert summit.venue == "क्वाड शिखर सम्मेलन"
    assert {name for name, _ in _actors(summit)} == {"Narendra Modi", "Penny Wong"}


def test_events_arguments_during_the_trip_is_where_and_when_the_trip_is(kb) -> None:
    text = (
        "पुतिन दिसंबर में भारत की यात्रा पर आएंगे। प्रवक्ता ने सोमवार को बताया कि यात्रा के दौरान"
        " पुतिन और मोदी रक्षा समझौते पर हस्ताक्षर करेंगे।"
    )
    dates = {"दिसंबर": PartialDate("2025-12", "month"), "सोमवार": day("2025-03-10")}
    signing = extract_events(build(text, dates=dates, headings=[]), kb)[-1]
    # in India and in December, not on the Monday the spokesman spoke
    assert signing.type == "AGREE"
    assert (signing.date.value, signing.location["country"]) == ("2025-12", "IND")


def test_events_arguments_a_country_before_its_city_only_locates_it(kb) -> None:
    # "जापान के टोक्यो": Japan says where Tokyo is; it is not a second traveller
    text = "मोदी इसके बाद शिखर सम्मेलन में भाग लेने के लिए जापान के टोक्यो जाएंगे।"
    (trip,) = extract_events(build(text), kb)
    assert _actors(trip) == [("Narendra Modi", "source"), ("Japan", "target")]
    assert trip.location == {"name": "Tokyo", "country": "JPN"}


@pytest.mark.parametrize(
    ("text", "mode", "venue"),
    [
        # a summit named by two countries is theirs: Putin visits Modi
        (
            "पुतिन ने नई दिल्ली में मोदी के साथ 23वें भारत-रूस वार्षिक शिखर सम्मेलन में भाग लिया।",
            "visit",
            "23वें भारत-रूस वार्षिक शिखर सम्मेलन",
        ),
        # a bloc after the hyphen keeps the summit multilateral
        (
            "मोदी ने नई दिल्ली में भारत-आसियान शिखर सम्मेलन में भाग लिया।",
            "multilateral",
            "आसियान शिखर सम्मेलन",
        ),
    ],
)
def test_events_arguments_a_summit_of_two_countries_is_bilateral(kb, text, mode, venue) -> None:
    (summit,) = extract_events(build(text), kb)
    assert (summit.mode, summit.venue) == (mode, venue)


def test_events_arguments_a_person_met_after_the_sidelines_is_no_part_of_the_gathering(kb) -> None:
    text = "जयशंकर ने आसियान की बैठक से इतर पेनी वोंग के साथ द्विपक्षीय बैठक की।"
    (meeting,) = extract_events(build(text), kb)
    assert (meeting.mode, meeting.venue) == ("third-party", "आसियान की बैठक")
    assert _actors(meeting) == [("S. Jaishankar", "source"), ("Penny Wong", "target")]


def test_events_arguments_an_office_takes_the_case_after_the_name_nobody_linked(kb) -> None:
    # the model missed "डोंग जून"; "के साथ" after it still makes the office the partner
    text = "जयशंकर ने चीन के रक्षा मंत्री डोंग जून के साथ बैठक की।"
    doc = _with_role(text, "रक्षा मंत्री", office="defence_minister", country="CHN")
    (meeting,) = extract_events(doc, kb)
    assert sorted(_actors(meeting)) == [("China", "target"), ("S. Jaishankar", "source")]


def test_events_arguments_an_office_inside_a_gatherings_name_is_no_one(kb) -> None:
    # "विदेश मंत्री" names the dialogue, not a minister who attends it; the partner met
    # "के साथ" at a gathering no body names makes it the two sides' own: a visit
    text = "मैक्रों ने पेरिस में पेनी वोंग के साथ वार्षिक विदेश मंत्री संवाद में भाग लिया।"
    doc = _with_role(text, "विदेश मंत्री", "person/modi", office="foreign_minister", country=None)
    (dialogue,) = extract_events(doc, kb)
    assert dialogue.venue == "वार्षिक विदेश मंत्री संवाद"
    assert (dialogue.type, dialogue.mode) == ("CONSULT", "visit")
    assert sorted(_actors(dialogue)) == [("Emmanuel Macron", "target"), ("Penny Wong", "source")]


def test_events_arguments_an_office_first_is_who_attends(kb) -> None:
    text = "मंगलवार को टोक्यो में प्रधानमंत्री जी20 संगोष्ठी में शामिल हुए।"
    doc = _with_role(text, "प्रधानमंत्री", "person/modi", office="head_of_government", country="IND")
    (seminar,) = extract_events(doc, kb)
    assert seminar.venue == "जी20 संगोष्ठी"
    assert _actors(seminar) == [("Narendra Modi", "participant")]


def test_events_arguments_a_partner_at_a_named_body_leaves_it_multilateral(kb) -> None:
    text = "मोदी ने टोक्यो में पुतिन के साथ जी20 फोरम में भाग लिया।"
    (forum,) = extract_events(build(text), kb)
    assert (forum.mode, forum.venue) == ("multilateral", "जी20 फोरम")


@pytest.mark.parametrize(
    "both",
    ["दोनों नेताओं", "दोनों विदेश मंत्रियों", "दोनों मंत्रियों", "दोनों शीर्ष नेताओं", "दोनों पक्षों"],
)
def test_events_arguments_both_of_them_are_the_people_of_the_last_meeting(kb, both: str) -> None:
    # the infinitive "बढ़ाने" before "पर सहमति" is no clause of its own: "दोनों ..." is
    # the subject of the agreeing
    text = f"जयशंकर ने पेनी वोंग से मुलाकात की।\n{both} ने सहयोग बढ़ाने पर सहमति जताई।"
    meeting, agreement = extract_events(build(text), kb)
    assert agreement.type == "AGREE"
    assert {a.name for a in agreement.actors} == {"S. Jaishankar", "Penny Wong"}


def test_events_arguments_whose_step_it_is_through_a_demonstrative(kb) -> None:
    text = "जयशंकर ने पाकिस्तान के इस कदम की कड़ी निंदा की।"
    (criticism,) = extract_events(build(text), kb)
    assert _actors(criticism) == [("S. Jaishankar", "source"), ("Pakistan", "target")]


@pytest.mark.parametrize(
    ("text", "demonym", "target"),
    [
        ("भारत ने चीनी दावे को सिरे से खारिज कर दिया।", "चीनी", "China"),
        ("जापान ने रूसी हमलों की निंदा की।", "रूसी", "Russia"),
        ("फ्रांस ने रूसी कंपनियों पर प्रतिबंध लगाए।", "रूसी", "Russia"),
    ],
)
def test_events_arguments_a_demonym_says_whose_the_object_is(kb, text, demonym, target) -> None:
    doc = build(text)
    start = text.index(demonym)
    code = {"चीनी": "CHN", "रूसी": "RUS"}[demonym]
    attrs = {"country": code, "demonym": True}
    gpe = Mention(
        start, start + len(demonym), demonym, "GPE", f"country/{code}", "test", 1.0, attrs
    )
    doc.mentions = sorted([*doc.mentions, gpe], key=lambda m: m.start)
    (event,) = extract_events(doc, kb)
    assert (target, "target") in _actors(event)


def test_events_arguments_talks_held_at_a_summit_are_at_its_venue(kb) -> None:
    text = "मोदी और मैक्रों शुक्रवार को जी20 शिखर सम्मेलन में द्विपक्षीय वार्ता करेंगे।"
    (talks,) = extract_events(build(text), kb)
    assert (talks.status, talks.venue) == ("planned", "जी20 शिखर सम्मेलन")


def test_events_arguments_a_spokesman_telling_of_a_journey_is_no_traveller(kb) -> None:
    text = "पेनी वोंग ने बताया कि वायुसेना का विमान राहत सामग्री लेकर काठमांडू पहुंचा।"
    assert extract_events(build(text), kb) == []
    # the one quoted travels when the quote says "we"
    text = "पेनी वोंग ने कहा कि हम कल काठमांडू पहुंचे और वहां के लोगों से मिले।"
    (trip,) = extract_events(build(text), kb)
    assert _actors(trip)[0] == ("Penny Wong", "source")


@pytest.mark.parametrize("arrival", ["टोक्यो पहुंचने के बाद", "टोक्यो पहुंचने पर"])
def test_events_arguments_the_place_arrived_at_before_is_where_it_happens(kb, arrival) -> None:
    text = f"{arrival} मैक्रों ने पेनी वोंग से मुलाकात की।"
    (meeting,) = extract_events(build(text), kb)
    assert meeting.location == {"name": "Tokyo", "country": "JPN"}
    assert meeting.mode == "third-party"


def test_events_arguments_of_two_offices_held_at_once_the_one_the_text_gives(kb) -> None:
    # on the day both are held, the office the sentence names is the one in the event
    party = Role("party_president", "President of the Party", "IND", date(2020, 1, 1))
    ministry = Role("mea", "Minister of External Affairs", "IND", date(2019, 5, 30))

    class TwoOffices(type(kb)):
        def actor(self, actor_id: str):
            found = super().actor(actor_id)
            if actor_id == "person/jaishankar":
                return replace(found, roles=(party, ministry))
            return found

    text = "मैक्रों ने पार्टी अध्यक्ष जयशंकर से मुलाकात की।"
    doc = build(text)
    stated = {"office": "party_president", "title": "President of the Party"}
    doc.mentions = [
        replace(m, attrs={"role": stated}) if m.actor_id == "person/jaishankar" else m
        for m in doc.mentions
    ]
    (meeting,) = extract_events(doc, TwoOffices())
    roles = {a.name: a.role for a in meeting.actors}
    assert roles["S. Jaishankar"] == "President of the Party"
    # with no office in the text, the KB's answer for the day stands
    (meeting,) = extract_events(build(text), TwoOffices())
    assert {a.name: a.role for a in meeting.actors}["S. Jaishankar"] == ministry.title
