"""The clean stage's cheaper ways give the same answers as the plain ones."""

from __future__ import annotations

import re

import pytest

from ghatna.clean._cleaner import _count_words, _words
from ghatna.clean._rules import _TRIM, line_key, load_rules
from ghatna.clean.normalize import fold

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
