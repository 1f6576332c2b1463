"""Finding event triggers: a stem from the lexicon plus the grammar around it.

Three shapes are recognised, so a new phrasing of a known construction is found
without a new rule:

* noun + (fillers) + light verb + auxiliaries: ``मुलाकात भी की थी``, ``चर्चा होगी``;
* a participle before the noun: ``हुई बातचीत``, ``की गई चर्चा``; or the noun alone
  when the lexicon allows it (``पुतिन से मुलाकात``), tense then comes from context;
* a verb stem with its own suffix: ``मिले``, ``मिलेंगे``, ``पहुंचे थे``, or a fixed
  form (``जाएंगे``, English ``will meet``).

The grammatical tense found here is turned into a status by :mod:`.status`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress
from typing import NamedTuple, overload

from ghatna.clean.normalize import fold
from ghatna.events.lexicon import Lexicon, TriggerEntry

_TOKEN = re.compile(r"[\u0900-\u0963\u0966-\u097F\w]+(?:-[\u0900-\u0963\u0966-\u097F\w]+)*")
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")
_PUNCT = re.compile(r"[,;:।!?.“”\"'‘’()\[\]|—–]")
CLAUSE_PUNCT = re.compile(r"[,;:।!?“”\"]")
"""Punctuation that ends a clause; the full stop is left out: inside a sentence it marks
an abbreviation (``डॉ. एस. जयशंकर``)."""
_PLANNED_PARTICIPLE = frozenset(("वाले", "वाली", "वाला"))
GENITIVE = frozenset(("का", "की", "के"))
_PARTICLES = frozenset(("भी", "ही"))
_MAX_AGENT_WORDS = 12


class Token(NamedTuple):
    """A word of the text: its offsets and folded key."""

    start: int
    end: int
    key: str


class Tokens(Sequence[Token]):
    """The words of one text as three parallel lists: offsets and folded keys.

    A text has thousands of words and the events stage looks closely at the few around
    each trigger, so a :class:`Token` is made only when one is asked for; loops over
    many words read ``keys`` and ``starts`` directly.
    """

    __slots__ = ("ends", "keys", "starts")

    def __init__(self, starts: list[int], ends: list[int], keys: list[str]) -> None:
        self.starts = starts
        self.ends = ends
        self.keys = keys

    def __len__(self) -> int:
        return len(self.keys)

    @overload
    def __getitem__(self, index: int) -> Token: ...

    @overload
    def __getitem__(self, index: slice) -> list[Token]: ...

    def __getitem__(self, index: int | slice) -> Token | list[Token]:
        if isinstance(index, slice):
            return list(map(Token, self.starts[index], self.ends[index], self.keys[index]))
        return Token(self.starts[index], self.ends[index], self.keys[index])


@dataclass(frozen=True)
class Trigger:
    """A trigger found in the text: its entry, span, token range and tense.

    ``tense`` is ``past``, ``future``, ``conj``, ``progressive``, ``participle``,
    ``bare``, ``planned`` (an infinitive with ``वाले``), ``expected`` (an infinitive with
    ``की संभावना``) or ``nonfinite`` / ``present`` / ``modal`` (not a report of an
    event). ``aux`` lists the auxiliary tags after it.
    """

    entry: TriggerEntry
    start: int
    end: int
    first: int
    last: int
    tense: str
    aux: tuple[str, ...] = ()
    negated: bool = False

    @property
    def pluperfect(self) -> bool:
        return "pluperfect" in self.aux


def tokenize(text: str) -> Tokens:
    """Word tokens of ``text`` with their offsets and folded keys.

    Splitting at the words gives gap, word, gap, ..., gap; the offsets are the running
    sums of their lengths. No match object or tuple is made per word."""
    parts = _TOKEN_SPLIT.split(text)
    offsets = list(accumulate(map(len, parts), initial=0))
    return Tokens(offsets[1:-1:2], offsets[2::2], list(map(_key, parts[1::2])))


@lru_cache(maxsize=1 << 16)
def _key(word: str) -> str:
    """:func:`fold` of one word, remembered: a few thousand words make up most of any
    news text, so most tokens are folded by a cache hit."""
    return fold(word)


def _punct_between(text: str, tokens: Tokens, a: int, b: int) -> bool:
    """True when punctuation stands between tokens ``a`` and ``b``."""
    return bool(_PUNCT.search(text, tokens.ends[a], tokens.starts[b]))


def _aux_chain(lex: Lexicon, tokens: Tokens, k: int, stop: int) -> tuple[int, list[str]]:
    """Auxiliaries (and negation) from token ``k``; returns the last index used and tags."""
    tags: list[str] = []
    last = k - 1
    keys = tokens.keys
    while k < stop and (keys[k] in lex.aux or keys[k] in lex.negation):
        tags.append(lex.aux.get(keys[k], "negation"))
        last = k
        k += 1
    return last, tags


def _tense(base: str, tags: list[str], nxt: str | None) -> str:
    if "modal" in tags:
        return "modal"
    if "passive_future" in tags:
        return "future"
    if base == "nonfinite":
        if "progressive" in tags:
            return "progressive"
        if "perfect" in tags or "passive" in tags:
            return "past"
        if nxt in _PLANNED_PARTICIPLE:
            return "planned"
    return base


def _light_verb(
    lex: Lexicon, text: str, tokens: Tokens, entry: TriggerEntry, j: int, stop: int
) -> tuple[int, str, list[str], bool, str] | None:
    """The light verb of a noun ending before token ``j``: (last index, tense, aux,
    negated, the light verb's lemma)."""
    keys = tokens.keys
    negated = False
    k = j
    while k < stop and k - j < 2 and keys[k] in lex.fillers:
        negated = negated or keys[k] in lex.negation
        if _punct_between(text, tokens, k - 1, k):
            return None
        k += 1
    if k >= stop or _punct_between(text, tokens, k - 1, k):
        return None
    if not _light_uses(lex, entry, keys[k]):
        k = _after_agent(lex, text, tokens, entry, k, stop)
        if k is None:
            return None
    uses = _light_uses(lex, entry, keys[k])
    if not uses:
        return None
    if keys[k] in lex.ambiguous_light and k + 1 < stop:
        nxt = keys[k + 1]
        ok = (
            nxt in lex.aux
            or nxt in lex.vectors
            or nxt in lex.clause_links
            or nxt in _PLANNED_PARTICIPLE
            or _punct_between(text, tokens, k, k + 1)
        )
        if not ok:
            return None
    lemma, tense = uses[0]
    if tense == "nonfinite" and k + 1 < stop and keys[k + 1] in lex.vectors:
        k += 1
        tense = lex.vectors[keys[k]]
    last, tags = _aux_chain(lex, tokens, k + 1, stop)
    after = keys[last + 1] if last + 1 < stop else None
    negated = negated or "negation" in tags or (k - 1 >= j and keys[k - 1] in lex.negation)
    tense = _tense(tense, tags, after)
    if tense == "planned" and _relative(lex, text, tokens, last + 1, stop):
        tense = "relative"
    last, tense, not_so = _nonfinite_use(lex, text, tokens, last, tense, stop)
    return last, tense, tags, negated or not_so, lemma


def _nonfinite_use(
    lex: Lexicon, text: str, tokens: Tokens, last: int, tense: str, stop: int
) -> tuple[int, str, bool]:
    """What the words after an infinitive or participle make of it: (the last token,
    the tense, negated).

    * With ``हुए`` (``खारिज करते हुए कहा``) it tells an event that goes with the verb of
      its clause: done (``conj``) unless that verb is future (``स्वागत करते हुए
      कहेंगे``).
    * With ``की संभावना`` / ``की उम्मीद`` / ``की योजना`` it is ``expected`` (a plan,
      whose subject stands in the genitive: ``जयशंकर के वांग यी से मिलने की संभावना``),
      or negated when the expectation is denied (``मुलाकात होने की संभावना नहीं है``).
    """
    keys, k = tokens.keys, last + 1
    if tense != "nonfinite" or k >= stop:
        return last, tense, False
    if keys[k] in lex.adverbial:
        for j in range(k + 1, stop):
            if keys[j] == "कि" or CLAUSE_PUNCT.search(text, tokens.ends[j - 1], tokens.starts[j]):
                break
            if len(keys[j]) > 3 and keys[j].endswith(lex.future_endings):
                return k, "future", False
        return k, "conj", False
    prospect = _prospect(lex, tokens, k, stop)
    if prospect is not None:
        return prospect[0], "expected", prospect[1]
    return last, tense, False


def _prospect(lex: Lexicon, tokens: Tokens, k: int, stop: int) -> tuple[int, bool] | None:
    """``की संभावना`` / ``की पेशकश`` from token ``k``: the index of the noun and whether
    the expectation is denied (``की संभावना नहीं है``)."""
    j = _noun_of(lex.prospects, tokens, k, stop)
    if j is None:
        return None
    return j, any(key in lex.negation for key in tokens.keys[j + 1 : min(stop, j + 3)])


def _noun_of(nouns: frozenset[str], tokens: Tokens, k: int, stop: int) -> int | None:
    """Index of one of ``nouns`` after a genitive at token ``k`` (``की भी संभावना``)."""
    keys = tokens.keys
    if k >= stop or keys[k] not in GENITIVE:
        return None
    j = k + 1 + (k + 1 < stop and keys[k + 1] in _PARTICLES)
    return j if j < stop and keys[j] in nouns else None


def _relative(lex: Lexicon, text: str, tokens: Tokens, j: int, stop: int) -> bool:
    """``वाले`` at token ``j`` begins a noun phrase, not a plan: ``इटली की यात्रा करने
    वाले लोगों को`` (the people who travel) against ``मिलने वाले हैं`` or ``... वाले थे``."""
    k = j + 1
    if k >= stop or _punct_between(text, tokens, j, k):
        return False
    return tokens.keys[k] not in lex.aux and tokens.keys[k] not in lex.clause_links


def _light_uses(lex: Lexicon, entry: TriggerEntry, key: str) -> list[tuple[str, str]]:
    """(lemma, tense) of each reading of ``key`` as one of ``entry``'s light verbs."""
    return [(lemma, t) for lemma, t in lex.light_forms.get(key, ()) if lemma in entry.light]


def _after_agent(
    lex: Lexicon, text: str, tokens: Tokens, entry: TriggerEntry, k: int, stop: int
) -> int | None:
    """Index of a light verb that follows a fronted noun and its agent:
    ``बैठक की अध्यक्षता मंतुरोव और जयशंकर ने की थी``. Within one clause only."""
    keys = tokens.keys
    for j in range(k, min(stop - 1, k + _MAX_AGENT_WORDS)):
        if j > k and CLAUSE_PUNCT.search(text, tokens.ends[j - 1], tokens.starts[j]):
            return None
        if keys[j] == "ने" and _light_uses(lex, entry, keys[j + 1]):
            return j + 1
    return None


def _participle_before(lex: Lexicon, tokens: Tokens, entry: TriggerEntry, i: int, lo: int) -> bool:
    """True when a perfective light verb stands right before the noun (``हुई बातचीत``)."""
    keys = tokens.keys
    k = i - 1
    passive = k >= lo and lex.aux.get(keys[k]) == "passive"
    if passive:
        k -= 1
    if k < lo or (keys[k] in lex.ambiguous_light and not passive):
        return False
    forms = lex.light_forms.get(keys[k], ())
    return any(lemma in entry.light and tense == "past" for lemma, tense in forms)


def _phrases_at(
    table: dict, lengths: dict[str, tuple[int, ...]], tokens: Tokens, i: int, stop: int
):
    """Every phrase of ``table`` starting at token ``i`` and ending before ``stop``,
    longest first: (its length, its value) each. ``lengths``
    (:func:`.lexicon.phrase_lengths`) says which lengths a phrase starting with this
    word can have."""
    keys = tokens.keys
    found = []
    for n in lengths.get(keys[i], ()):
        if n <= stop - i and (value := table.get(tuple(keys[i : i + n]))) is not None:
            found.append((n, value))
    return found


def _longest(table: dict, lengths: dict[str, tuple[int, ...]], tokens: Tokens, i: int, stop: int):
    """The longest of :func:`_phrases_at`, or (0, None)."""
    return next(iter(_phrases_at(table, lengths, tokens, i, stop)), (0, None))


def find_triggers(
    lex: Lexicon, text: str, tokens: Tokens, lo: int, hi: int, lang: str = "hi"
) -> list[Trigger]:
    """Triggers in tokens ``[lo, hi)`` (one sentence), left to right, not overlapping."""
    found: list[Trigger] = []
    # the few words that can begin a trigger, picked out without a Python loop per word
    candidates = compress(range(lo, hi), map(lex.trigger_starts.__contains__, tokens.keys[lo:hi]))
    free = lo  # the first token not taken by a trigger found before
    for i in candidates:
        if i < free:
            continue
        trig = _at(lex, text, tokens, i, lo, hi, lang)
        if trig is None:
            continue
        if not _generic(lex, tokens, trig, lo):
            found.append(trig)
        free = trig.last + 1
    return found


def _generic(lex: Lexicon, tokens: Tokens, trig: Trigger, lo: int) -> bool:
    """A quantifier up to two words before a noun trigger (``कई उच्चस्तरीय बैठकें``)."""
    if not trig.entry.light:
        return False
    return any(key in lex.generic for key in tokens.keys[max(lo, trig.first - 2) : trig.first])


def _at(
    lex: Lexicon, text: str, tokens: Tokens, i: int, lo: int, hi: int, lang: str
) -> Trigger | None:
    n, hit = _longest(lex.forms, lex.form_lengths, tokens, i, hi)
    if hit is not None and (hit[1].lang == lang or lang == "hi" and hit[1].lang == "hi"):
        tense, entry = hit
        last, tags = _aux_chain(lex, tokens, i + n, hi)
        last = max(last, i + n - 1)
        return _make(entry, tokens, i, last, _tense(tense, tags, None), tags, "negation" in tags)
    # longest first: a phrase that needs its own verb (``यात्रा पर`` + ``जाएंगे``) leaves
    # the shorter one (``यात्रा``) to be tried when that verb is not there
    nouns = _phrases_at(lex.nouns, lex.noun_lengths, tokens, i, hi)
    for n, entry in nouns:
        lv = _light_verb(lex, text, tokens, entry, i + n, hi)
        if lv is not None:
            last, tense, tags, negated, lemma = lv
            return _make(entry.with_light(lemma), tokens, i, last, tense, tags, negated)
        if _participle_before(lex, tokens, entry, i, lo):
            return _make(entry, tokens, i, i + n - 1, "participle", [], False)
        if entry.bare:
            return _bare(lex, tokens, entry, i, i + n - 1, hi)
    return None if nouns else _verb(lex, text, tokens, i, hi)


def _bare(
    lex: Lexicon, tokens: Tokens, entry: TriggerEntry, first: int, last: int, stop: int
) -> Trigger | None:
    """A noun with no verb of its own: told (``पुतिन से मुलाकात``), expected or offered
    (``बातचीत की पेशकश की``), or only what an invitation asks for (``भारत यात्रा का
    न्योता दिया``: no visit, the invitation is the event)."""
    if _noun_of(lex.asks, tokens, last + 1, stop) is not None:
        return None
    prospect = _prospect(lex, tokens, last + 1, stop)
    if prospect is None:
        return _make(entry, tokens, first, last, "bare", [], False)
    return _make(entry, tokens, first, prospect[0], "expected", [], prospect[1])


def _verb(lex: Lexicon, text: str, tokens: Tokens, i: int, hi: int) -> Trigger | None:
    """A verb stem with its own suffix at token ``i`` (``मिलेंगे``), with its auxiliaries."""
    keys = tokens.keys
    hit = lex.verb_forms.get(keys[i])
    if hit is None:
        return None
    base, entry = hit
    if i + 1 < hi and keys[i + 1] in entry.not_before or i > 0 and keys[i - 1] in entry.not_after:
        return None
    last, tags = _aux_chain(lex, tokens, i + 1, hi)
    last = max(last, i)
    nxt = keys[last + 1] if last + 1 < hi else None
    tense = _tense(base, tags, nxt)
    if tense == "planned" and _relative(lex, text, tokens, last + 1, hi):
        tense = "relative"
    last, tense, not_so = _nonfinite_use(lex, text, tokens, last, tense, hi)
    negated = not_so or "negation" in tags or (i > 0 and keys[i - 1] in lex.negation)
    return _make(entry, tokens, i, last, tense, tags, negated)


def _make(
    entry: TriggerEntry,
    tokens: Tokens,
    first: int,
    last: int,
    tense: str,
    tags: list[str],
    negated: bool,
) -> Trigger:
    return Trigger(
        entry, tokens.starts[first], tokens.ends[last], first, last, tense, tuple(tags), negated
    )
