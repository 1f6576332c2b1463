"""Patterns that made false events in news outside the sample (March 2020 corpus)."""

from __future__ import annotations

from ghatna.document import Mention
from ghatna.events import extract_events
from tests.events.conftest import build


def test_events_pronoun_reaches_one_sentence_back_only(kb) -> None:
    text = (
        "मोदी ने कल बैठक बुलाई।\nअस्पताल में मरीजों की संख्या बढ़ी।\n"
        "डॉक्टरों ने जांच तेज की।\nवह 15 फरवरी को टोक्यो गया था।"
    )
    assert extract_events(build(text), kb) == []


def test_events_pronoun_in_the_next_sentence_still_resolves(kb) -> None:
    text = "मैक्रों कल भारत आए।\nउन्होंने नई दिल्ली में मोदी से मुलाकात की।"
    [event] = extract_events(build(text), kb)
    assert {a.name for a in event.actors} == {"Emmanuel Macron", "Narendra Modi"}


def test_events_mistagged_provisional_person_is_no_actor(kb) -> None:
    text = "उनकी मदद की जाएगी।"
    doc = build(text)
    doc.mentions = [Mention(0, len(text), text, "PER", "provisional/per/x", "ner", 0.6)]
    assert extract_events(doc, kb) == []


def test_events_called_off_visit_is_negated(kb) -> None:
    for text in (
        "कोरोना के खतरे के चलते मोदी का जापान दौरा टल गया है।",
        "मैक्रों की नेपाल यात्रा स्थगित कर दी गई है।",
    ):
        assert [e.status for e in extract_events(build(text), kb)] == ["negated"], text


def test_events_noun_trigger_with_future_copula_is_planned(kb) -> None:
    text = "अधिकारियों के अनुसार मैक्रों की जापान यात्रा अगले महीने होगी।"
    assert [e.status for e in extract_events(build(text), kb)] == ["planned"]


def test_events_coordination_with_unnamed_last_member(kb) -> None:
    text = "पेनी वोंग ने मोदी एवं सरकार से आग्रह किया कि सहयोग बढ़ाया जाए।"
    [event] = extract_events(build(text), kb)
    roles = {a.name: a.as_ for a in event.actors}
    assert roles["Narendra Modi"] == "target"
    assert roles["Penny Wong"] == "source"
