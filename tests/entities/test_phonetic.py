"""Romanisation for matching (same letters as aksharamukha) and for provisional names."""

import pytest
from aksharamukha import transliterate

from ghatna.clean.normalize import fold
from ghatna.entities.phonetic import (
    close_enough,
    display_name,
    name_core,
    phonetic_key,
    romanise,
    slug,
)

MADE_UP = [
    "रमाकांत पटवर्धन",
    "सुधीर भार्गव",
    "उद्धव",
    "पद्धति",
    "स्वच्छता",
    "सिद्धार्थ",
    "हंसमुख दुःखी",
    "श्रृंगार ज्ञानेंद्र",
    "कृष्णकांत क्षत्रिय",
    "ऑफिस बैंक",
    "फ़ैज़ान अंसारी",
    "इंडसइंड",
    "सर्गेई लावरोव",
    "अलेक्सांद्र नोवाक",
    "जयशंकर",
    "कृष्ण",
]


def aksharamukha(name: str) -> str:
    """The reference ``romanise`` reproduces (aksharamukha is a test dependency only)."""
    return transliterate.process(
        "Devanagari", "RomanReadable", fold(name), pre_options=["RemoveSchwaHindi"]
    ).lower()


@pytest.mark.parametrize("name", MADE_UP)
def test_phonetic_romanise_gives_aksharamukhas_letters(name):
    # aksharamukha adds "_" between letters that would read as one ("k_h"); keys drop it.
    assert romanise(name).replace("_", "") == aksharamukha(name).replace("_", "")


def test_phonetic_keys_unchanged_for_known_typos():
    assert phonetic_key("लारोव") == phonetic_key("लावरोव")[:2] + phonetic_key("लारोव")[2:]
    assert phonetic_key("Lavrov") == phonetic_key("लावरोव")


@pytest.mark.parametrize(
    ("surface", "core"),
    [
        ("सीएम रमाकांत पटवर्धन", "रमाकांत पटवर्धन"),
        ("मुख्यमंत्री रमाकांत पटवर्धन", "रमाकांत पटवर्धन"),
        ("रमाकांत पटवर्धन जी", "रमाकांत पटवर्धन"),
        ("भाजपा नेता सुधा भार्गव", "सुधा भार्गव"),
        ("केंद्रीय मंत्री डॉ. सुधीर भार्गव", "सुधीर भार्गव"),
        ("डॉ.सुधीर भार्गव साहब", "सुधीर भार्गव"),
        ("श्री . अनिल", "अनिल"),
        ("आरोपी रमेश कुमार", "रमेश कुमार"),
        ("फिल्म निर्माता सुधीर भार्गव", "सुधीर भार्गव"),
        ("सीएम", "सीएम"),
        ("रमाकांत", "रमाकांत"),
    ],
)
def test_phonetic_name_core_strips_titles(surface, core):
    assert name_core(surface) == core


@pytest.mark.parametrize(
    ("name", "readable"),
    [
        ("उद्धव ठाकरे", "Uddhav Thakre"),
        ("रमाकांत पटवर्धन", "Ramakant Patvardhan"),
        ("नरेंद्र", "Narendra"),
        ("सिद्धार्थ", "Siddharth"),
        ("फ़ैज़ान", "Faizan"),
        ("राजनाथ सिंह", "Rajnath Singh"),
        ("केजरीवाल", "Kejrival"),
        ("सांसद सुधा भार्गव जी", "Sudha Bhargav"),
        ("Ravi Kumar", "Ravi Kumar"),
    ],
)
def test_phonetic_display_names_are_readable(name, readable):
    shown = display_name(name)
    assert shown == readable
    assert "'" not in shown


def test_phonetic_one_slug_whatever_the_title_and_distinct_names_stay_apart():
    forms = ["सीएम रमाकांत पटवर्धन", "रमाकांत पटवर्धन जी", "विधायक रमाकांत पटवर्धन"]
    assert {slug(f) for f in forms} == {"ramakant-patvardhan"}
    assert slug("सुधीर भार्गव") != slug("सुधा भार्गव")
    assert slug("विधायक सुधीर भार्गव") == slug("डॉ. सुधीर भार्गव")


@pytest.mark.parametrize(
    ("typed", "known", "same"),
    [
        ("लारोव", "लावरोव", True),
        ("सर्गेइ लावरोफ", "सर्गेई लावरोव", True),
        ("पिनयारी विजयन", "पिनाराई विजयन", True),
        # one letter apart in a short given name, two in a six-letter one: other people
        ("रमेश कुमार", "रवीश कुमार", False),
        ("सुजीत सिंह", "सुजाता सिंह", False),
        ("अंजनी कुमार", "अनंत कुमार", False),
    ],
)
def test_phonetic_typos_are_close_enough_and_other_given_names_are_not(typed, known, same):
    assert close_enough(phonetic_key(typed), phonetic_key(known)) is same
