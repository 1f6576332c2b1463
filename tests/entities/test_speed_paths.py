"""The fast paths of the linker give the same answers as the plain ones."""

import random
import re
from itertools import product

import pytest
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from ghatna.entities import gazetteer as gz
from ghatna.entities import load_linker
from ghatna.entities.gazetteer import _key_with_offsets_slow, key_with_offsets
from ghatna.entities.linker import (
    _NAME_FOLLOWERS,
    _before_followers,
    _Item,
    _mask,
    _Tokens,
)
from ghatna.entities.ner import _TOKEN
from ghatna.entities.phonetic import (
    _DISPLAY_RULES,
    _FAITHFUL_RULES,
    _deschwa,
    close_enough,
    fold,
    phonetic_key,
    skeleton,
)
from tests.conftest import make_doc

# characters that make the key, the NFC check or the token cut take another branch:
# nukta after letters it does and does not compose with, zero-width, separators, runs
# of spaces, marks of combining class 1, 7, 9 and 230, precomposed and decomposed forms
_TRICKY = "क\u093cन र\u0934.\u200c\n-\u0334\u094d\u0301ऩ\u0958eéİा"


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
        "\u200cक\u093c \u093c  \u200c\u200c ज़\u200c",
        "ख़ज़ाना  \u093c",
        "ऩ रूस\u093c",
    ],
)
def test_entities_fast_key_matches_character_by_character_key(text):
    assert key_with_offsets(text) == _key_with_offsets_slow(text)


def test_entities_fast_key_matches_on_every_short_mix_of_tricky_characters():
    alphabet = "क\u093c \u200c.\nİन"
    texts = ["".join(t) for n in range(1, 5) for t in product(alphabet, repeat=n)]
    rng = random.Random(7)
    texts += ["".join(rng.choices(_TRICKY, k=rng.randint(5, 30))) for _ in range(2000)]
    for text in texts:
        assert key_with_offsets(text) == _key_with_offsets_slow(text), repr(text)


def test_entities_space_like_class_is_every_separator_but_the_plain_space():
    everything = "".join(map(chr, range(0x110000)))
    plain = re.compile(r"[.\-\u2010-\u2015'’\s]")
    assert set(gz._SPACE_LIKE.findall(everything)) == set(plain.findall(everything)) - {" "}


def test_entities_gazetteer_scan_is_the_same_on_the_character_by_character_key(monkeypatch):
    gazetteer = load_linker().gazetteer
    texts = [
        "रूस के विदेश मंत्री सर्गेई लावरोव ने  नई  दिल्ली में\u200c WHO और UN से बात की।",
        "ज़ाहिर है कि पाकिस्तान\u093c के  प्रधानमंत्री इमरान ख़ान ने U.N. में कहा।",
    ]
    fast = [gazetteer.scan(t) for t in texts]
    monkeypatch.setattr(gz, "_fast_key", lambda text: None)
    assert [gazetteer.scan(t) for t in texts] == fast
    assert all(fast)


@pytest.mark.parametrize(
    "text",
    ["  विदेश मंत्री डॉ. एस. जयशंकर ने कहा।", "WHO, UN और 5-6 मार्च (2020) को — ठीक!\u0301 x"],
)
def test_entities_tokens_are_found_where_the_token_pattern_finds_them(text):
    # every cut of the text, also inside words: tokens are located by searching
    for start in range(len(text)):
        for end in range(start, len(text) + 1):
            tokens = _Tokens(text, start, end)
            want = [m.span() for m in _TOKEN.finditer(text, start, end)]
            assert tokens.spans == want
            if want:  # asked for one token first, then the rest
                tokens = _Tokens(text, start, end)
                last = len(want) - 1
                assert (tokens.start_of(last), tokens.end_of(last)) == want[last]
                assert tokens.spans == want


def test_entities_words_before_followers_are_those_the_next_word_of_is_a_follower():
    vocabulary = ["लावरोफ", "ने", "से", "कहा", "के", "और", "।", "भी"]
    rng = random.Random(3)
    sentences = [list(t) for n in range(4) for t in product(vocabulary[:4], repeat=n)]
    sentences += [rng.choices(vocabulary, k=rng.randint(0, 30)) for _ in range(500)]
    for words in sentences:
        want = [k for k in range(len(words) - 1) if words[k + 1] in _NAME_FOLLOWERS]
        assert list(_before_followers(words)) == want, words


def test_entities_unknown_words_are_the_same_with_the_fuzzy_cache_warm():
    # words known to be no KB person are not located: the answer must not change
    linker = load_linker()
    text = "बैठक के बाद लावरोफ ने पत्रकारों से कहा। अधिकारियों ने लावरोफ की बात सुनी और लावरोफ ने फिर कहा।"
    linker._fuzzy_cache.clear()
    cold = linker.annotate(make_doc(text))
    warm = linker.annotate(make_doc(text))
    assert [(m, m.attrs) for m in warm] == [(m, m.attrs) for m in cold]
    assert [m.text for m in cold if m.actor_id == "person/sergey-lavrov"] == ["लावरोफ"] * 3


def test_entities_mask_marks_the_characters_items_cover():
    rng = random.Random(5)
    for _ in range(300):
        items = [_Item(s, s + rng.randint(0, 6)) for s in rng.sample(range(40), rng.randint(0, 8))]
        covered = {i for it in items for i in range(it.start, it.end)}
        mask = _mask(items, 50)
        assert len(mask) == 50
        assert {i for i in range(50) if mask[i]} == covered
        for start in range(50):  # the test the linker makes of a span
            end = start + rng.randint(0, 8)
            assert (mask.find(1, start, end) >= 0) == any(i in covered for i in range(start, end))


def _plain_deschwa(text, rules):
    for pattern, repl, _ in rules:
        text = pattern.sub(repl, text)
    return text


def test_phonetic_schwa_rules_skipped_only_where_they_change_nothing():
    words = {w for a in load_linker().kb for alias in a.aliases for w in [alias, *alias.split()]}
    words |= {"उद्धव", "पद्धति", "स्वच्छता", "कृष्णकांत क्षत्रिय", "वर्मा", "अक्षय", "ग्गा"}
    for word in sorted(words):
        for text in (word, fold(word)):
            for rules in (_FAITHFUL_RULES, _DISPLAY_RULES):
                assert _deschwa(text, rules) == _plain_deschwa(text, rules), text


def test_entities_skeleton_screens_typos_in():
    assert skeleton("लारोव") == "लरव"
    linker = load_linker()
    assert linker.could_be_kb_person("लावरोफ")
    assert not linker.could_be_kb_person("मंदिर")


def _surfaces() -> list[str]:
    """KB people's names, one letter of them changed, and words that are no names."""
    linker = load_linker()
    names = sorted({a for p in linker.kb if p.kind == "person" for a in p.aliases})
    rng = random.Random(3)
    letters = "कगजतदनपबमरलवसहािीुेो"
    typos = []
    for name in rng.sample(names, 300):
        i = rng.randrange(len(name))
        typos.append(name[:i] + rng.choice(letters) + name[i + 1 :])
    return [*rng.sample(names, 200), *typos, "मंदिर", "सरकार", "लावरोफ", "Lavrof", "x"]


def _edited(names: list[str], rng: random.Random) -> list[str]:
    """Each name with one to four letters changed, inserted or deleted."""
    letters = "कगजतदनपबमरलवसहं "
    out = []
    for name in names:
        for _ in range(rng.randint(1, 4)):
            i = rng.randrange(len(name) + 1)
            new = rng.choice(letters)
            name = rng.choice([name[:i] + new + name[i + 1 :], name[:i] + new + name[i:]])
            name = name[:i] + name[i + 1 :] if rng.random() < 0.3 else name
        out.append(name)
    return out


def test_entities_skeleton_windows_screen_like_the_whole_list():
    linker = load_linker()
    everything = sorted({s for names, _ in linker._skeleton_windows.values() for s in names})
    rng = random.Random(9)
    edited = _edited([s for s in everything if s], rng) + _edited(_surfaces(), rng)
    for surface in [*_surfaces(), *edited, "", " ", "अ", "कखगघङचछजझञटठडढ"]:
        if not re.search("[\u0900-\u097f]", surface):
            continue
        skel = skeleton(surface)
        cutoff = 1 if len(skel) <= 4 else 2 if len(skel) <= 7 else 3
        whole = process.extractOne(
            skel, everything, scorer=Levenshtein.distance, score_cutoff=cutoff
        )
        assert linker.could_be_kb_person(surface) == (whole is not None), surface


def test_entities_fuzzy_keys_by_first_letter_link_like_all_keys():
    linker = load_linker()
    keys, ids = [], []
    for person in linker.kb:
        if person.kind == "person":
            for alias in person.aliases:
                keys.append(phonetic_key(alias))
                ids.append(person.id)
    for surface in _surfaces():
        want = None
        if linker.could_be_kb_person(surface) and len(key := phonetic_key(surface)) >= 5:
            found = process.extract(
                key, keys, scorer=Levenshtein.distance, score_cutoff=2, limit=None
            )
            named = {ids[i] for cand, _, i in found if close_enough(key, cand)}
            want = linker.kb.actor(named.pop()) if len(named) == 1 else None
        assert linker.fuzzy(surface) == want, surface
