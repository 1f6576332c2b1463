"""The look-up indexes the trigger finder uses: each gives what a plain scan gives."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ghatna.clean.normalize import fold
from ghatna.cli.commands import sample_dir
from ghatna.events.lexicon import TriggerEntry, load_lexicon, phrase_lengths, verb_forms
from ghatna.events.status import _has
from ghatna.events.triggers import (
    _TOKEN,
    Token,
    Tokens,
    Trigger,
    _at,
    _generic,
    _longest,
    find_triggers,
    tokenize,
)

MEET = TriggerEntry("CONSULT", None, "meet")
ARRIVE = TriggerEntry("CONSULT", "visit", "arrive")


def _tokens(*keys: str) -> Tokens:
    return Tokens(list(range(len(keys))), list(range(1, len(keys) + 1)), list(keys))


def test_events_phrase_lengths_longest_first_per_first_word() -> None:
    table = {("a",): 1, ("a", "b", "c"): 3, ("a", "b"): 2, ("x", "y"): 4}
    assert phrase_lengths(table) == {"a": (3, 2, 1), "x": (2,)}


def test_events_longest_match_wins_and_stops_at_the_sentence_end() -> None:
    table = {("a",): 1, ("a", "b"): 2, ("a", "b", "c"): 3}
    lengths = phrase_lengths(table)
    tokens = _tokens("a", "b", "c", "d")
    assert _longest(table, lengths, tokens, 0, 4) == (3, 3)
    assert _longest(table, lengths, tokens, 0, 2) == (2, 2)
    assert _longest(table, lengths, _tokens("a", "x", "c"), 0, 3) == (1, 1)
    assert _longest(table, lengths, tokens, 1, 4) == (0, None)


def test_events_verb_forms_are_stem_plus_suffix_and_the_first_stem_wins() -> None:
    forms = verb_forms({"मिल": MEET, "मिले": ARRIVE}, {"े": "past", "": "nonfinite"})
    assert forms["मिल"] == ("nonfinite", MEET)
    assert forms["मिलेे"] == ("past", ARRIVE)
    assert forms["मिले"] == ("past", MEET)  # मिल + े is tried before मिले + nothing
    assert "मिलना" not in forms


def test_events_verb_forms_agree_with_a_scan_over_the_stems() -> None:
    lex = load_lexicon()
    words = {stem + suffix for stem in lex.verbs for suffix in lex.verb_suffixes}
    for word in words | {"मिलकर", "पहुंचना", "मिलन", "पहुंचेंगे", "मिला"}:
        scan = next(
            (
                (lex.verb_suffixes[word[len(stem) :]], entry)
                for stem, entry in lex.verbs.items()
                if word.startswith(stem) and word[len(stem) :] in lex.verb_suffixes
            ),
            None,
        )
        assert lex.verb_forms.get(word) == scan


def test_events_trigger_starts_skip_no_trigger() -> None:
    """The finder skips words not in ``trigger_starts``; with every word let through
    it finds the same triggers, on the bundled sample articles."""
    lex = load_lexicon()
    text = "मोदी ने पुतिन से मुलाकात की और फिर वे बीजिंग पहुंचे, जहां शिखर बैठक होगी।"
    tokens = tokenize(text)
    found = find_triggers(lex, text, tokens, 0, len(tokens))
    assert [text[t.start : t.end] for t in found] == ["मुलाकात की", "पहुंचे", "बैठक होगी"]
    for path in sorted(sample_dir().glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        tokens = tokenize(text)
        every = replace(lex, trigger_starts=frozenset(t.key for t in tokens))
        assert find_triggers(lex, text, tokens, 0, len(tokens)) == find_triggers(
            every, text, tokens, 0, len(tokens)
        ), path.name


def test_events_tokenize_folds_each_word() -> None:
    assert [t.key for t in tokenize("मुलाक़ात पहुँचे Modi")] == ["मुलाकात", "पहुंचे", "modi"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "।",
        "मुलाक़ात",
        "  मोदी-पुतिन  की  मुलाक़ात, २०२० में। Modi met Putin (PTI) ",
        "--a-b- x_y 3.5 ज़िलों-ज़िलों\n\nहुई।”",
    ],
)
def test_events_tokens_from_split_offsets_are_the_word_matches(text: str) -> None:
    tokens = tokenize(text)
    plain = [Token(m.start(), m.end(), fold(m.group())) for m in _TOKEN.finditer(text)]
    assert list(tokens) == plain
    assert tokens[1:3] == plain[1:3]
    assert (tokens.starts, tokens.ends, tokens.keys) == (
        [t.start for t in plain],
        [t.end for t in plain],
        [t.key for t in plain],
    )


def test_events_has_finds_whole_words_in_order_only() -> None:
    keys = ["इससे", "पहले", "भी", "मिले"]
    assert _has((("पहले", "भी"),), keys)
    assert _has((("x",), ("मिले",)), keys)
    assert not _has((("भी", "पहले"),), keys)
    assert not _has((("पहल",),), keys)
    assert not _has((("इससे", "भी"),), keys)
    assert not _has((("मिले",),), [])


def _triggers_word_by_word(text: str, lang: str = "hi") -> list[Trigger]:
    """find_triggers the plain way: try every word in turn, skip the words a trigger took."""
    lex, tokens = load_lexicon(), tokenize(text)
    found, i = [], 0
    while i < len(tokens):
        trig = _at(lex, text, tokens, i, 0, len(tokens), lang)
        if trig is None:
            i += 1
            continue
        if not _generic(lex, tokens, trig, 0):
            found.append(trig)
        i = trig.last + 1
    return found


@pytest.mark.parametrize(
    "text",
    [
        "",
        "मोदी और पुतिन की मुलाकात हुई थी, फिर दोनों नेताओं ने बातचीत की।",
        "जयशंकर मॉस्को पहुंचे और लावरोव से मिले। कई उच्चस्तरीय बैठकें होंगी।",
        "बैठक की अध्यक्षता मंतुरोव और जयशंकर ने की थी, वार्ता नहीं हुई",
        "Modi met Putin and held talks; the meeting was cancelled",
    ],
)
def test_events_find_triggers_tries_the_same_words_as_a_walk_over_every_word(text: str) -> None:
    tokens = tokenize(text)
    fast = find_triggers(load_lexicon(), text, tokens, 0, len(tokens))
    assert fast == _triggers_word_by_word(text)
