"""clean.normalize: one stored form (NFC) and one matching key (fold)."""

from __future__ import annotations

import pytest

from ghatna.clean.normalize import fold, fold_with_offsets, nfc, parse_number


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("मुलाक़ात", "मुलाकात"),  # nukta
        ("ज़िले", "जिले"),
        ("कज़ाखस्तान", "कजाखस्तान"),
        ("बड़ा", "बडा"),  # ड़ folds too (documented choice)
        ("पाँच", "पांच"),  # chandrabindu → anusvara
        ("हूँ", "हूं"),
        ("तेजस्\u200dवी", "तेजस्वी"),  # ZWJ
        ("२०२१", "2021"),  # Devanagari digits
        ("S Jaishankar", "s jaishankar"),
    ],
)
def test_normalize_fold_makes_spelling_variants_equal(a, b):
    assert fold(a) == fold(b)


def test_normalize_fold_keeps_distinct_letters_distinct():
    assert fold("डाल") != fold("ढाल")
    assert fold("कल") != fold("खल")


def test_normalize_nfc_decomposes_precomposed_nukta_letters():
    precomposed = "\u0958"  # क़ as one code point (a composition exclusion)
    assert nfc(precomposed) == "\u0915\u093c"
    assert nfc("मुलाक\u093cात") == nfc("मुलाक़ात")


def test_normalize_fold_with_offsets_maps_key_back_to_text():
    text = nfc("ज़िले में २ दिन")
    key, offsets = fold_with_offsets(text)
    assert key == "जिले में 2 दिन"
    start = key.index("2")
    assert text[offsets[start] : offsets[start + 1]] == "२"
    assert text[offsets[0] : offsets[4]] == "ज़िले"
    assert offsets[-1] == len(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("२०२१", 2021),
        ("2021", 2021),
        ("१,२५,०००", 125000),
        ("1,00,000", 100000),
        ("1,000,000", 1000000),
        (" 18 ", 18),
        ("-१२", -12),
        ("3.5", None),
        ("दो", None),
        ("12,3", None),
        ("", None),
        ("৩", None),  # Bengali digit: not ours to read
    ],
)
def test_normalize_parse_number_reads_devanagari_and_grouped_digits(text, value):
    assert parse_number(text) == value
