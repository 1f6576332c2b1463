"""Sentence splitting: Hindi terminals, abbreviations kept whole, quotes merged, exact offsets."""

from __future__ import annotations

import pytest

from ghatna.clean import clean_text
from ghatna.clean._rules import load_rules
from ghatna.clean._sentences import split_sentences


def sentences(paragraph: str) -> list[str]:
    return [paragraph[s:e] for s, e in split_sentences(paragraph, load_rules())]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "मुख्यमंत्री पटना पहुंचे। उन्होंने बैठक की।",
            ["मुख्यमंत्री पटना पहुंचे।", "उन्होंने बैठक की।"],
        ),
        (  # "." ends Hindi sentences too
            "बैठक दो घंटे चली. इसके बाद प्रेस वार्ता हुई.",
            ["बैठक दो घंटे चली.", "इसके बाद प्रेस वार्ता हुई."],
        ),
        (  # titles and Devanagari initials do not end a sentence
            "डॉ. एस. जयशंकर और प्रो. के. मीणा मिले. फिर लौटे.",
            ["डॉ. एस. जयशंकर और प्रो. के. मीणा मिले.", "फिर लौटे."],
        ),
        (  # Latin initials and titles, decimals, web addresses
            "Dr. S. Kumar said growth was 3.5 per cent on nbt.com today. Prices fell.",
            ["Dr. S. Kumar said growth was 3.5 per cent on nbt.com today.", "Prices fell."],
        ),
        (  # a closing quote after the terminal belongs to the sentence
            "उन्होंने कहा, “हम तैयार हैं।” इसके बाद वे चले गए।",
            ["उन्होंने कहा, “हम तैयार हैं।”", "इसके बाद वे चले गए।"],
        ),
        (  # a quote standing alone after "।" is merged back
            "उन्होंने कहा, “हम तैयार हैं। ” सभा खत्म हुई।",
            ["उन्होंने कहा, “हम तैयार हैं। ”", "सभा खत्म हुई।"],
        ),
        (  # "।" glued to the next word still ends the sentence
            "मामले बढ़कर 29 हुए ।अब जांच तेज होगी ।",
            ["मामले बढ़कर 29 हुए ।", "अब जांच तेज होगी ।"],
        ),
        (  # question and exclamation marks
            "क्या स्कूल खुलेंगे? अभी नहीं! फैसला कल होगा।",
            ["क्या स्कूल खुलेंगे?", "अभी नहीं!", "फैसला कल होगा।"],
        ),
        (  # a list number opening the paragraph is no sentence
            "1. कोरोना क्या है? यह एक वायरस है।",
            ["1. कोरोना क्या है?", "यह एक वायरस है।"],
        ),
        (  # an ellipsis runs on
            "वह बोले... फिर चुप हो गए।",
            ["वह बोले... फिर चुप हो गए।"],
        ),
        ("बिना विराम का शीर्षक", ["बिना विराम का शीर्षक"]),
    ],
)
def test_sentences_split_hindi_news_text(paragraph, expected):
    assert sentences(paragraph) == expected


def test_sentences_offsets_are_exact_in_doc_text():
    doc = clean_text(
        "राज्यपाल ने शपथ दिलाई\n\n"
        "डॉ. आर. के. वर्मा ने शपथ ली। उन्होंने कहा, “सेवा करूंगा।” \n"
        "The oath was taken in Lucknow. Guests clapped."
    )
    assert [s.text for s in doc.sentences] == [
        "राज्यपाल ने शपथ दिलाई",
        "डॉ. आर. के. वर्मा ने शपथ ली।",
        "उन्होंने कहा, “सेवा करूंगा।”",
        "The oath was taken in Lucknow.",
        "Guests clapped.",
    ]
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text
        start, end = doc.paragraphs[s.paragraph]
        assert start <= s.start < s.end <= end
