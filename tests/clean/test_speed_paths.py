"""The clean stage's cheaper ways give the same answers as the plain ones."""

from __future__ import annotations

import random
import re
import unicodedata
from itertools import product

import pytest

from ghatna.clean._cleaner import _count_words, _words
from ghatna.clean._language import script_counts, sentence_language
from ghatna.clean._rules import _TRIM, line_key, load_rules
from ghatna.clean._sentences import _BOUNDARY
from ghatna.clean.normalize import fold, is_nfc, nfc

LINES = [
    "",
    "  a  ",
    "पाँच ज़िलों में २ दिन",
    "डॉ. एस.\u2003 जयशंकर\t\tने  कहा।",
    " — Some Player (@someplayer) May 5, 2023 pic.twitter.com/AbC123xyZ  ",
    "देखें:\u00a0epic.twitter.com/x",
    "कोरोना के मामले बढ़े (with inputs from PTI)",
    "कोरोना के मामले बढ़े  \u3000(एजेंसी इनपुट के साथ) ",
    "(भाषा)",
    "12 34 ,,, 56",
    "- : |",
]


@pytest.mark.parametrize("text", LINES)
def test_clean_line_key_splits_where_a_whitespace_regex_would(text):
    assert line_key(text) == re.sub(r"\s+", " ", fold(text)).strip(_TRIM)


@pytest.mark.parametrize("text", LINES)
def test_clean_word_count_stops_at_its_limit(text):
    for upto in (1, 2, 3):
        assert _count_words(text, upto) == min(len(_words(text)), upto)


@pytest.mark.parametrize("text", LINES)
def test_clean_cut_regexes_cut_as_if_they_took_the_spaces_before_them(text):
    """A cut keeps ``text[:start].rstrip()`` and sets ``piece.strip()`` aside, so a cut
    regex leaves out a leading ``\\s*`` (see boilerplate.hi.yaml) and stays fast."""
    for rx, _reason in load_rules().cuts:
        spaced = re.compile(r"\s*(?:" + rx.pattern.removeprefix("(?i)") + ")", rx.flags)
        m, plain = rx.search(text), spaced.search(text)
        assert (m is None) == (plain is None), rx.pattern
        if m is not None and plain is not None:
            assert text[: m.start()].rstrip() == text[: plain.start()].rstrip()
            assert m.group(0).strip() == plain.group(0).strip()


NUKTA_TEXTS = [
    "",
    "बड़ा",  # nukta after a letter it does not compose with
    "बड\u093cा",
    "मुला\u0958ात",  # precomposed क़ (U+0958, a composition exclusion): not NFC
    "ज़िलों में ऩ",  # U+0929 (composed न + nukta)
    "न\u093c",  # composes to U+0929: not NFC
    "र\u093cा",
    "\u093cक",  # a nukta first
    " \u093c",
    "क\u093c\u0334",  # a mark of combining class 1 after the nukta: reordered
    "क\u0334\u093c",
    "क\u093c\u094d",  # virama (class 9) after it: stays
    "क\u093c\u0951",
    "ड\u093c\u093c",
    "e\u0301 बड़ा",  # an unrelated composition elsewhere
    "é बड़ा",
]


@pytest.mark.parametrize("text", NUKTA_TEXTS + LINES)
def test_clean_is_nfc_answers_like_unicodedata(text):
    assert is_nfc(text) == unicodedata.is_normalized("NFC", text)
    assert nfc(text) == unicodedata.normalize("NFC", text)


def test_clean_is_nfc_answers_like_unicodedata_on_every_short_mix_of_marks():
    alphabet = "क\u093cनळ\u0334\u094d\u0301ाऩ\u0958 "
    texts = ["".join(t) for n in range(1, 5) for t in product(alphabet, repeat=n)]
    rng = random.Random(11)
    tricky = "क\u093cन र\u0934.\u200c\n-\u0334\u094d\u0301ऩ\u0958eéİा"
    texts += ["".join(rng.choices(tricky, k=rng.randint(2, 20))) for _ in range(5000)]
    for text in texts:
        assert is_nfc(text) == unicodedata.is_normalized("NFC", text), repr(text)


PARAGRAPHS = [
    "",
    "डॉ. एस. जयशंकर मॉस्को पहुंचे। उन्होंने कहा, “स्वागत है।” फिर?? हाँ!! ठीक... अब",
    "है ।अब यह॥ वह।।”) और | नहीं|बिल्कुल | 3.5 यू.एस. क्या?”",
    "Is it? Yes! No.. U.S. 'ok.' (end.) [x.]\tnext|line |",
    "।",
    "!",
    "...",
    " |",
    "a?b !c .d",
]


@pytest.mark.parametrize("paragraph", PARAGRAPHS)
def test_clean_sentence_boundaries_as_with_the_plain_regex(paragraph):
    """The boundary regex has each alternative begin with a literal (to be fast); it
    finds what the plain form of the same rules finds."""
    plain = re.compile(r"[।॥]+[\"'”’)\]]*|(?:[?!]+|\.(?!\.)|(?<=\s)\|)[\"'”’)\]]*(?=\s|$)")
    assert [m.span() for m in _BOUNDARY.finditer(paragraph)] == [
        m.span() for m in plain.finditer(paragraph)
    ]


SENTENCES = [
    "",
    "…",
    "जयशंकर ने कहा।",
    "S Jaishankar met Lavrov in Moscow on Tuesday.",
    "PM Modi ने कहा, “We are ready” — और फिर WHO की बैठक हुई, 2020.",
    "WHO, UNICEF, ICMR, AIIMS और NITI Aayog",
    "१२३ ४५६ ... !!! ???",
    "Καλημέρα κόσμε मित्र",
    "a1 b2 c3 d4 e5 f6 g7 क",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_clean_sentence_is_hindi_as_with_every_script_counted(text):
    """``sentence_language`` decides ``hi`` from the Devanagari share of all characters
    when it can; that is ``hi`` exactly when the share of letters says so."""
    deva, _, total = script_counts(text)
    plain_hindi = total > 0 and deva * 10 >= total * 3
    assert (sentence_language(text, load_rules()) == "hi") == plain_hindi
