"""Trigger families: one sentence per PLOVER type and CONSULT mode, none from the sample."""

from __future__ import annotations

import pytest

from ghatna.events import extract_events
from tests.events.conftest import build


def _shape(doc, kb) -> list[tuple]:
    return [
        (e.type, e.mode, e.status, tuple((a.name, a.as_) for a in e.actors))
        for e in extract_events(doc, kb)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "जयशंकर और पेनी वोंग ने रक्षा सहयोग पर बातचीत की।",
            (
                "CONSULT",
                None,
                "happened",
                (("S. Jaishankar", "participant"), ("Penny Wong", "participant")),
            ),
        ),
        (
            "मोदी ने पुतिन से फोन पर बात की और यूक्रेन संकट पर चर्चा की।",
            (
                "CONSULT",
                "phone",
                "happened",
                (("Narendra Modi", "source"), ("Vladimir Putin", "target")),
            ),
        ),
        (
            "मोदी और जेलेंस्की के बीच वीडियो कॉन्फ्रेंस के जरिए बातचीत हुई।",
            (
                "CONSULT",
                "phone",
                "happened",
                (("Narendra Modi", "participant"), ("Volodymyr Zelensky", "participant")),
            ),
        ),
        (
            "जयशंकर सोमवार को टोक्यो पहुंचे।",
            ("CONSULT", "visit", "happened", (("S. Jaishankar", "source"), ("Japan", "target"))),
        ),
        (
            "नेपाल से जयशंकर जापान जाएंगे।",
            ("CONSULT", "visit", "planned", (("S. Jaishankar", "source"), ("Japan", "target"))),
        ),
        (
            "मोदी ने फ्रांस के राष्ट्रपति मैक्रों का स्वागत किया।",
            (
                "CONSULT",
                "visit",
                "happened",
                (("Narendra Modi", "target"), ("Emmanuel Macron", "source")),
            ),
        ),
        (
            "जयशंकर ने जी20 की बैठक के इतर लावरोव से भेंट की।",
            (
                "CONSULT",
                "third-party",
                "happened",
                (("S. Jaishankar", "source"), ("Sergey Lavrov", "target")),
            ),
        ),
        (
            "मोदी ने आसियान शिखर सम्मेलन में हिस्सा लिया।",
            ("CONSULT", "multilateral", "happened", (("Narendra Modi", "participant"),)),
        ),
        (
            "भारत और फ्रांस ने रक्षा समझौते पर हस्ताक्षर किए।",
            ("AGREE", "sign", "happened", (("India", "participant"), ("France", "participant"))),
        ),
        (
            "भारत ने नेपाल को राहत सामग्री भेजी।",
            ("AID", None, "happened", (("India", "source"), ("Nepal", "target"))),
        ),
        (
            "जेलेंस्की ने संयुक्त राष्ट्र से मदद की अपील की।",
            (
                "REQUEST",
                None,
                "happened",
                (("Volodymyr Zelensky", "source"), ("United Nations", "target")),
            ),
        ),
        (
            "मैक्रों ने मोदी को धन्यवाद दिया।",
            (
                "SUPPORT",
                None,
                "happened",
                (("Emmanuel Macron", "source"), ("Narendra Modi", "target")),
            ),
        ),
        (
            "भारत ने फैसले का स्वागत किया।",
            ("SUPPORT", None, "happened", (("India", "source"),)),
        ),
        (
            "भारत ने पाकिस्तान पर आतंकवाद को बढ़ावा देने का आरोप लगाया।",
            ("ACCUSE", None, "happened", (("India", "source"), ("Pakistan", "target"))),
        ),
        # an official complaint: a protest lodged, an envoy summoned
        (
            "भारत ने पाकिस्तान के सामने कड़ा विरोध दर्ज कराया।",
            ("ACCUSE", "complain", "happened", (("India", "source"), ("Pakistan", "target"))),
        ),
        (
            "पाकिस्तान ने भारत के उच्चायुक्त को तलब किया।",
            ("ACCUSE", "complain", "happened", (("Pakistan", "source"), ("India", "target"))),
        ),
        # opposing a step openly is criticism
        (
            "पाकिस्तान ने भारत के फैसले का कड़ा विरोध किया।",
            ("ACCUSE", "criticize", "happened", (("Pakistan", "source"), ("India", "target"))),
        ),
        (
            "मोदी और मैक्रों रक्षा सहयोग बढ़ाने पर सहमत हुए।",
            (
                "AGREE",
                None,
                "happened",
                (("Narendra Modi", "participant"), ("Emmanuel Macron", "participant")),
            ),
        ),
        (
            "शहबाज शरीफ ने भारत को धमकी दी।",
            ("THREATEN", None, "happened", (("Shehbaz Sharif", "source"), ("India", "target"))),
        ),
        (
            "रूस ने भारत की मांग को खारिज कर दिया।",
            ("REJECT", None, "happened", (("Russia", "source"), ("India", "target"))),
        ),
        (
            "Putin called Modi on Tuesday.",
            (
                "CONSULT",
                "phone",
                "happened",
                (("Vladimir Putin", "source"), ("Narendra Modi", "target")),
            ),
        ),
    ],
)
def test_events_trigger_family(kb, text: str, expected: tuple) -> None:
    assert _shape(build(text), kb) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "मोदी और पुतिन ने इस बात की पुष्टि की।",  # "की" is the genitive here
        "भारत और रूस को मिलकर काम करना चाहिए।",  # idiom, and a modal
        "मोदी ने कहा कि पुतिन से मुलाकात होनी चाहिए।",  # obligation, not a report
        "2024 में भारत और रूस के बीच कई बैठकें हुईं।",  # generic plural
        "पुतिन से मिलने के लिए उत्सुक हैं।",  # infinitive, nobody named to meet him
        "जयशंकर ने विभिन्न मुद्दों पर चर्चा की।",  # talk with no partner
        "मोदी ने लोगों से जापान की गैरजरूरी यात्रा न करने को कहा।",  # advice, not a trip
        "लोगों को जापान की यात्रा से बचना चाहिए।",  # advice, with a modal
        "मोदी ने जापान की यात्रा करने वाले लोगों से अलग रहने को कहा।",  # who travel: a noun phrase
    ],
)
def test_events_trigger_ignores_non_events(kb, text: str) -> None:
    assert _shape(build(text), kb) == []


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("मोदी ने पुतिन से मुलाकात की।", "मुलाकात की"),
        ("मोदी ने पुतिन से मुलाक़ात भी की थी।", "मुलाक़ात भी की थी"),
        ("मोदी की पुतिन से मुलाकात हुई।", "मुलाकात हुई"),
        ("मोदी पुतिन से मिलेंगे।", "मिलेंगे"),
        ("मोदी और पुतिन के बीच हुई बातचीत में व्यापार छाया रहा।", "बातचीत"),
        ("मोदी जापान की यात्रा पर जाएंगे।", "यात्रा पर जाएंगे"),
        ("मैक्रों भारत के दौरे पर पहुंचे।", "दौरे पर पहुंचे"),
        ("पेनी वोंग सोमवार को भारत आई थीं।", "आई थीं"),
        # "यात्रा पर" with no verb of motion is the bare noun again (talk about the trip)
        ("मोदी की जापान यात्रा पर संसद में बहस हुई।", "यात्रा"),
    ],
)
def test_events_trigger_light_verb_variants(kb, text: str, trigger: str) -> None:
    doc = build(text)
    (event,) = extract_events(doc, kb)
    assert doc.text[event.trigger[0] : event.trigger[1]] == trigger


def test_events_trigger_phone_call_as_a_conjunctive_participle_shares_its_object(kb) -> None:
    # "फोन कर" is the call (the bare "कर" is no tax here); the greeting goes to the callee
    shapes = _shape(build("पुतिन ने मोदी को फोन कर जन्मदिन की बधाई दी।"), kb)
    pair = (("Vladimir Putin", "source"), ("Narendra Modi", "target"))
    assert shapes == [("CONSULT", "phone", "happened", pair), ("SUPPORT", None, "happened", pair)]


def test_events_trigger_a_condemnation_of_a_thing_does_not_take_the_callee(kb) -> None:
    # the call ends at "फोन कर": France, named after it, is whom Macron promised help;
    # the attack, not Modi, is what he condemned
    text = "मैक्रों ने मोदी को फोन कर हमले की निंदा की और फ्रांस की ओर से मदद का भरोसा दिया।"
    shapes = _shape(build(text), kb)
    call = (("Emmanuel Macron", "source"), ("Narendra Modi", "target"))
    assert shapes[:2] == [
        ("CONSULT", "phone", "happened", call),
        ("ACCUSE", "criticize", "happened", (("Emmanuel Macron", "source"),)),
    ]


def test_events_trigger_a_visit_opposed_is_the_visitors_and_the_opposing_is_aimed_at_him(kb):
    # the visit is its possessor's (not China's, the subject of the verb); the opposing
    # is China's, aimed at the one whose visit it is
    shapes = _shape(build("चीन ने जेलेंस्की की जापान यात्रा का कड़ा विरोध किया।"), kb)
    assert shapes == [
        ("CONSULT", "visit", "happened", (("Volodymyr Zelensky", "source"), ("Japan", "target"))),
        (
            "ACCUSE",
            "criticize",
            "happened",
            (("China", "source"), ("Volodymyr Zelensky", "target")),
        ),
    ]


def test_events_trigger_a_visit_welcomed_is_support_for_the_visitor_not_a_reception(kb):
    shapes = _shape(build("जयशंकर ने लावरोव की भारत यात्रा का स्वागत किया।"), kb)
    assert shapes == [
        ("CONSULT", "visit", "happened", (("Sergey Lavrov", "source"), ("India", "target"))),
        ("SUPPORT", None, "happened", (("S. Jaishankar", "source"), ("Sergey Lavrov", "target"))),
    ]


def test_events_trigger_a_visit_during_which_they_met_keeps_the_subject(kb):
    # "के दौरान" makes the visit say when: the meeting keeps Modi, and so does the visit
    events = extract_events(build("मोदी ने अपनी जापान यात्रा के दौरान पुतिन से मुलाकात की।"), kb)
    assert {a.name for e in events for a in e.actors if a.as_ != "target"} >= {"Narendra Modi"}
    assert any({a.name for a in e.actors} >= {"Narendra Modi", "Vladimir Putin"} for e in events)


def test_events_trigger_whose_visit_it_is_does_not_refuse_what_others_refuse(kb):
    # "पुतिन की यात्रा पर" is what the UN would not comment on: Putin refused nothing
    shapes = _shape(build("संयुक्त राष्ट्र ने पुतिन की यात्रा पर टिप्पणी करने से इनकार कर दिया।"), kb)
    assert shapes == [("REJECT", None, "happened", (("United Nations", "source"),))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "-ते हुए": the act goes with the verb of its clause, done when that verb is
        (
            "भारत ने पाकिस्तान के आरोपों को खारिज करते हुए कहा कि वे निराधार हैं।",
            ("REJECT", None, "happened", (("India", "source"), ("Pakistan", "target"))),
        ),
        (
            "मैक्रों ने मोदी की प्रशंसा करते हुए उन्हें सच्चा मित्र बताया।",
            (
                "SUPPORT",
                None,
                "happened",
                (("Emmanuel Macron", "source"), ("Narendra Modi", "target")),
            ),
        ),
        # ... and planned when that verb is future
        (
            "पुतिन मोदी का स्वागत करते हुए भाषण देंगे।",
            (
                "CONSULT",
                "visit",
                "planned",
                (("Vladimir Putin", "target"), ("Narendra Modi", "source")),
            ),
        ),
    ],
)
def test_events_trigger_adverbial_participle_takes_the_tense_of_its_clause(
    kb, text: str, expected: tuple
) -> None:
    assert _shape(build(text), kb) == [expected]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # an infinitive or event noun that is expected, planned or offered; the subject
        # of an infinitive stands in the genitive, however far before
        ("मोदी के अगले हफ्ते टोक्यो में पुतिन से मिलने की उम्मीद है।", "planned"),
        ("जयशंकर की लावरोव के साथ वार्ता होने की भी संभावना है।", "planned"),
        ("पाकिस्तान ने भारत के साथ बातचीत की पेशकश की।", "planned"),
        ("पुतिन ने मोदी से मुलाकात का प्रस्ताव रखा।", "planned"),
        # an expectation denied
        ("मोदी और पुतिन की मुलाकात होने की संभावना नहीं है।", "negated"),
    ],
)
def test_events_trigger_an_expected_meeting_is_planned(kb, text: str, status: str) -> None:
    [event] = extract_events(build(text), kb)
    assert event.type == "CONSULT"
    assert event.status == status
    assert len(event.actors) == 2


def test_events_trigger_a_visit_invited_is_no_visit(kb) -> None:
    # the invitation is the event; nobody has travelled (nor agreed to)
    shapes = _shape(build("मोदी ने शहबाज शरीफ को भारत यात्रा का निमंत्रण दिया।"), kb)
    assert shapes == [
        (
            "REQUEST",
            "invite",
            "happened",
            (("Narendra Modi", "source"), ("Shehbaz Sharif", "target")),
        )
    ]


def test_events_trigger_a_participle_put_first_has_the_subject_after_it(kb) -> None:
    shapes = _shape(build("पुतिन से मिलकर मैक्रों ने कहा कि बातचीत अच्छी रही।"), kb)
    assert shapes == [
        (
            "CONSULT",
            None,
            "happened",
            (("Vladimir Putin", "target"), ("Emmanuel Macron", "source")),
        )
    ]
    shapes = _shape(build("मोदी की प्रशंसा करते हुए पेनी वोंग ने कहा कि भारत मित्र है।"), kb)
    assert shapes == [
        ("SUPPORT", None, "happened", (("Narendra Modi", "target"), ("Penny Wong", "source")))
    ]


def test_events_trigger_together_with_is_no_meeting(kb) -> None:
    text = "पेनी वोंग ने कहा कि सरकार संयुक्त राष्ट्र के साथ मिलकर हालात पर नजर रख रही है।"
    assert _shape(build(text), kb) == []


def test_events_trigger_a_call_whose_callee_the_next_verb_names(kb) -> None:
    # "फोन कर" closes its clause; whom Modi greeted is whom he called
    shapes = _shape(build("मोदी ने फोन कर पुतिन को जन्मदिन की बधाई दी।"), kb)
    pair = (("Narendra Modi", "source"), ("Vladimir Putin", "target"))
    assert shapes == [
        ("CONSULT", "phone", "happened", pair),
        ("SUPPORT", None, "happened", pair[::-1]),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "शहबाज शरीफ ने भारत को जवाबी कार्रवाई की चेतावनी दी।",
            [("THREATEN", None, "happened", (("Shehbaz Sharif", "source"), ("India", "target")))],
        ),
        # a warning of a danger, addressed to nobody, threatens nobody
        ("संयुक्त राष्ट्र ने चेतावनी दी कि महामारी और फैल सकती है।", []),
    ],
)
def test_events_trigger_a_warning_is_a_threat_only_when_addressed(kb, text, expected) -> None:
    assert _shape(build(text), kb) == expected
