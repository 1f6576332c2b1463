"""The fast paths of the linker give the same answers as the plain ones."""

import pytest

from ghatna.entities import load_linker
from ghatna.entities.gazetteer import _key_with_offsets_slow, key_with_offsets
from ghatna.entities.ner import Featurizer
from ghatna.entities.phonetic import skeleton


@pytest.mark.parametrize(
    "text",
    [
        "",
        "  a  ",
        "पाँच ज़िलों में २ दिन",
        "डॉ. एस.   जयशंकर\n\nने  कहा।",
        "a \u200c  b",
        "x\u093c. -y  ",
        " \u200c ",
        "\x00 a",
        "İstanbul में",
        "क\u093c\u200dि",
    ],
)
def test_entities_fast_key_matches_character_by_character_key(text):
    assert key_with_offsets(text) == _key_with_offsets_slow(text)


def test_entities_skeleton_screens_typos_in():
    assert skeleton("लारोव") == "लरव"
    linker = load_linker()
    assert linker.could_be_kb_person("लावरोफ")
    assert not linker.could_be_kb_person("मंदिर")


def test_entities_ner_features_mark_titles_and_postpositions():
    feats = Featurizer({}).sentence(["प्रधानमंत्री", "मोदी", "ने", "कहा"])
    assert "-1:title" in feats[1]
    assert "1:post" in feats[1]
    assert "w=मोदी" in feats[1]
