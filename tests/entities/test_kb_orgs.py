"""Organisations in orgs.yaml: Indian institutions, parties and international bodies.

The sentences are made up for these tests; they only use the names Hindi news uses.
"""

import pytest

from ghatna.entities import load_linker
from ghatna.entities.kb import DATA, load_kb, read_actor_file
from ghatna.resources import read_yaml
from tests.conftest import make_doc


def _mentions(text: str) -> list[tuple[str, str, str | None, float]]:
    doc = make_doc(text)
    return [(m.kind, m.text, m.actor_id, m.confidence) for m in load_linker().annotate(doc)]


def _linked(text: str) -> dict[str, str | None]:
    return {surface: actor for _, surface, actor, _ in _mentions(text)}


def test_orgs_file_names_its_source_and_every_entry_is_well_formed():
    assert (DATA / "orgs.yaml").read_text(encoding="utf-8").startswith("# source:")
    actors = read_actor_file(DATA / "orgs.yaml")
    ids = [a.id for a in actors]
    assert len(ids) == len(set(ids))
    for actor in actors:
        assert actor.kind in ("org", "agency", "summit"), actor.id
        assert actor.id.split("/", 1)[0] == actor.kind, actor.id
    # an unquoted comma in a flow entry splits a value: a stray key, or a stray alias
    for entry in read_yaml(DATA / "orgs.yaml"):
        assert set(entry) <= {"id", "name", "kind", "country", "hindi", "aliases", "ambiguous"}
        assert set(entry.get("ambiguous", ())) <= set(entry["aliases"]), entry["id"]
    assert load_kb().find("पर्यावरण") == []


@pytest.mark.parametrize(
    ("name", "actor_id"),
    [
        ("आरबीआई", "org/rbi"),
        ("RBI", "org/rbi"),
        ("रिजर्व बैंक", "org/rbi"),
        ("स्वास्थ्य एवं परिवार कल्याण मंत्रालय", "org/mohfw-india"),
        ("पीएमओ", "org/pmo-india"),
        ("आईसीएमआर", "org/icmr"),
        ("निर्वाचन आयोग", "org/eci"),
        ("सर्वोच्च न्यायालय", "org/supreme-court-india"),
        ("दिल्ली हाई कोर्ट", "org/delhi-high-court"),
        ("राज्यसभा", "org/rajya-sabha"),
        ("बीएसएफ", "org/bsf"),
        ("इसरो", "org/isro"),
        ("बीजेपी", "org/bjp"),
        ("सपा", "org/sp"),
        ("राकांपा", "org/ncp"),
        ("टीआरएस", "org/brs"),
        ("आरएसएस", "org/rss"),
        ("यूनिसेफ", "org/unicef"),
        ("खाड़ी सहयोग परिषद", "org/gcc"),
    ],
)
def test_orgs_kb_finds_new_institutions_by_their_names(name, actor_id):
    assert [a.id for a in load_kb().find(name)] == [actor_id]


def test_orgs_linker_links_ministries_bank_and_parties_in_running_text():
    text = (
        "वित्त मंत्रालय और भारतीय रिजर्व बैंक ने राहत पैकेज पर बैठक की। "
        "आईसीएमआर ने जांच के नए नियम जारी किए और गृह मंत्रालय ने राज्यों को पत्र लिखा। "
        "समाजवादी पार्टी और तृणमूल कांग्रेस ने सुप्रीम कोर्ट में याचिका दायर की।"
    )
    linked = _linked(text)
    assert linked["वित्त मंत्रालय"] == "org/mof-india"
    assert linked["भारतीय रिजर्व बैंक"] == "org/rbi"
    assert linked["आईसीएमआर"] == "org/icmr"
    assert linked["गृह मंत्रालय"] == "org/mha-india"
    assert linked["समाजवादी पार्टी"] == "org/sp"
    assert linked["तृणमूल कांग्रेस"] == "org/aitc"  # not INC inside a longer name
    assert linked["सुप्रीम कोर्ट"] == "org/supreme-court-india"
    assert all(kind == "ORG" for kind, _, actor, _ in _mentions(text) if actor in linked.values())


def test_orgs_longer_names_win_over_offices_and_demonyms():
    linked = _linked(
        "प्रधानमंत्री कार्यालय ने बयान जारी किया। पाकिस्तानी सेना ने गोलीबारी की। "
        "अमेरिकी कांग्रेस ने विधेयक पारित किया।"
    )
    assert linked["प्रधानमंत्री कार्यालय"] == "org/pmo-india"  # not the PM role
    assert linked["पाकिस्तानी सेना"] == "org/pakistan-army"  # not the Indian Army
    assert linked["अमेरिकी कांग्रेस"] == "org/us-congress"  # not the Indian party


def test_orgs_ambiguous_aliases_link_at_lower_confidence():
    mentions = {m[1]: m for m in _mentions("सेना ने शिविर बनाया और भारतीय सेना ने मदद की।")}
    assert mentions["सेना"][2] == "org/indian-army"
    assert mentions["भारतीय सेना"][2] == "org/indian-army"
    assert mentions["सेना"][3] < mentions["भारतीय सेना"][3]


def test_orgs_aap_as_the_word_you_is_not_a_party():
    mentions = _mentions("आप घर पर रहें और आप सुरक्षित रहें।")
    assert not [m for m in mentions if m[2] == "org/aap" or m[1] == "आप"]
    assert _linked("आम आदमी पार्टी ने धरना दिया।")["आम आदमी पार्टी"] == "org/aap"
    assert load_kb().find("आप") == []
