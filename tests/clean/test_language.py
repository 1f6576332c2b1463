"""Language per sentence: script share first, cld3 for Latin text."""

from __future__ import annotations

import pytest

from ghatna.clean._language import sentence_language
from ghatna.clean._rules import load_rules


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("विदेश मंत्री ने मंगलवार को बैठक की।", "hi"),
        ("नाम", "hi"),  # short Devanagari is Hindi, never Marathi or Nepali
        ("केंद्र ने WhatsApp पर लॉन्च की MyGov Corona Helpdesk", "hi"),  # Latin names inside
        ("COVID-19 क्या है?", "hi"),
        ("Productive talks with my Japanese counterpart in Tokyo today.", "en"),
        ("Noted the progress in our bilateral cooperation.", "en"),
        ("— Commerce Minister (@CommerceMin) March 7, 2024", "en"),  # cld3 says Swedish
        ("Mujhe lagta hai ki sarkar ko kuch karna chahiye", "hi-Latn"),
        ("2024", "und"),
        ("IFSC Code: SBIN0000691", "und"),
    ],
)
def test_language_of_hindi_english_and_romanised_sentences(sentence, lang):
    assert sentence_language(sentence, load_rules()) == lang
