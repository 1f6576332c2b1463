"""The event layer's knowledge, read once from ``data/``: trigger stems, the light-verb
grammar, status words, the topic taxonomy and the PLOVER→CAMEO table.

Everything is keyed by :func:`ghatna.clean.normalize.fold`, so ``मुलाक़ात`` and
``मुलाकात``, ``पहुँचे`` and ``पहुंचे`` are one entry. A trigger is a *stem* plus the
grammar (light verbs, auxiliaries, verb suffixes); no full phrase is listed, so a
new inflection of a known construction needs no new data.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from ghatna.clean.normalize import fold
from ghatna.errors import ResourceError
from ghatna.resources import read_yaml

DATA = Path(__file__).parent / "data"
ROLES = ("meet", "arrive", "visit_noun", "participate", "welcome", "directed")


@dataclass(frozen=True)
class TriggerEntry:
    """One trigger stem and how its arguments attach (see ``data/triggers.yaml``)."""

    type: str
    mode: str | None
    role: str
    light: frozenset[str] = frozenset()
    bare: bool = False
    weak: bool = False
    object_type: str | None = None
    lang: str = "hi"
    not_before: frozenset[str] = frozenset()
    """Words that, right after the trigger, make it idiom, not event ("मिलकर काम")."""
    not_after: frozenset[str] = frozenset()
    """Words that do so right before it ("के साथ मिलकर": together with)."""
    addressed: bool = False
    """An event only when aimed at someone ("पाकिस्तान को चेतावनी दी"; a warning of
    the weather is none)."""
    light_modes: tuple[tuple[str, str], ...] = ()
    """(light verb, mode) where the light verb makes the mode: a protest lodged
    (``विरोध दर्ज कराया``) is an official complaint, a step opposed (``विरोध किया``)
    criticism."""

    def with_light(self, lemma: str) -> TriggerEntry:
        """The entry as the light verb ``lemma`` makes it."""
        mode = dict(self.light_modes).get(lemma)
        return self if mode is None else replace(self, mode=mode)


@dataclass(frozen=True)
class Lexicon:
    """Folded look-up tables built from the data files."""

    nouns: dict[tuple[str, ...], TriggerEntry]
    verbs: dict[str, TriggerEntry]
    forms: dict[tuple[str, ...], tuple[str, TriggerEntry]]
    light_forms: dict[str, tuple[tuple[str, str], ...]]
    verb_suffixes: dict[str, str]
    vectors: dict[str, str]
    fillers: frozenset[str]
    ambiguous_light: frozenset[str]
    clause_links: frozenset[str]
    adverbial: frozenset[str]
    """``हुए`` after an imperfective participle (``करते हुए``): see grammar.yaml."""
    prospects: frozenset[str]
    """Nouns that make an infinitive or event noun a plan: ``होने की संभावना``."""
    asks: frozenset[str]
    """Nouns that make an event noun the content of an invitation: ``यात्रा का न्योता``."""
    aux: dict[str, str]
    negation: frozenset[str]
    generic: frozenset[str]
    by_phone: tuple[tuple[str, ...], ...]
    """Phrases that, earlier in its clause, make a meeting word a call (``फोन पर``)."""
    planned: tuple[tuple[str, ...], ...]
    background: tuple[tuple[str, ...], ...]
    background_with_pluperfect: tuple[tuple[str, ...], ...]
    cancelled: tuple[tuple[str, ...], ...]
    future_endings: tuple[str, ...]
    """Endings of a finite future verb (``लेंगे``, ``जाएगा``): a bare noun trigger in a
    clause whose verb is future is planned (``वार्ता में हिस्सा लेंगे``)."""
    topics: tuple[tuple[str, str], ...]
    noun_lengths: dict[str, tuple[int, ...]]
    """For each first word of a noun phrase, the lengths of the phrases it starts."""
    form_lengths: dict[str, tuple[int, ...]]
    """The same for the fixed forms."""
    verb_forms: dict[str, tuple[str, TriggerEntry]]
    """Every word a verb stem makes with a verb suffix → (the suffix's tense, entry)."""
    trigger_starts: frozenset[str]
    """Every word a trigger can begin with: any other word is passed over at once."""


def words(text: str) -> tuple[str, ...]:
    """The folded words of a lexicon phrase, the unit every table is keyed by."""
    return tuple(fold(text).split())


def _read(name: str) -> Any:
    return read_yaml(DATA / name)


def _entry(raw: dict[str, Any], where: str) -> TriggerEntry:
    if raw.get("role") not in ROLES or not raw.get("type"):
        raise ResourceError(f"{where}: needs a type and a role out of {ROLES}: {raw!r}")
    if not set(raw.get("light_modes", {})) <= set(raw.get("light", ())):
        raise ResourceError(f"{where}: light_modes names a light verb not in light: {raw!r}")
    return TriggerEntry(
        type=raw["type"],
        mode=raw.get("mode"),
        role=raw["role"],
        light=frozenset(fold(lv) for lv in raw.get("light", ())),
        bare=bool(raw.get("bare", False)),
        weak=bool(raw.get("weak", False)),
        object_type=raw.get("object_types"),
        lang=raw.get("lang", "hi"),
        not_before=frozenset(fold(w) for w in raw.get("not_before", ())),
        not_after=frozenset(fold(w) for w in raw.get("not_after", ())),
        addressed=bool(raw.get("addressed", False)),
        light_modes=tuple((fold(lv), mode) for lv, mode in raw.get("light_modes", {}).items()),
    )


def phrase_lengths(table: dict[tuple[str, ...], Any]) -> dict[str, tuple[int, ...]]:
    """For each first word, the lengths of the phrases of ``table`` it starts, longest
    first: finding the longest phrase at a word then tries only lengths that exist, and
    a word that starts no phrase costs one look-up."""
    by_first: dict[str, set[int]] = {}
    for phrase in table:
        by_first.setdefault(phrase[0], set()).add(len(phrase))
    return {first: tuple(sorted(ns, reverse=True)) for first, ns in by_first.items()}


def verb_forms(
    verbs: dict[str, TriggerEntry], suffixes: dict[str, str]
) -> dict[str, tuple[str, TriggerEntry]]:
    """Every stem + suffix word with the suffix's tense and the stem's entry, so a word is
    matched by one look-up instead of a test against every stem. When two stems make the
    same word, the stem listed first wins (stems are tried in file order)."""
    forms: dict[str, tuple[str, TriggerEntry]] = {}
    for stem, entry in verbs.items():
        for suffix, tense in suffixes.items():
            forms.setdefault(stem + suffix, (tense, entry))
    return forms


def _put(table: dict, key: tuple[str, ...], value: Any, where: str) -> None:
    if key in table:
        raise ResourceError(f"{where}: {' '.join(key)!r} is listed twice (after folding)")
    table[key] = value


@cache
def load_lexicon() -> Lexicon:
    """Read and check every data file of the event layer (once per process)."""
    where = str(DATA / "triggers.yaml")
    nouns: dict[tuple[str, ...], TriggerEntry] = {}
    verbs: dict[str, TriggerEntry] = {}
    forms: dict[tuple[str, ...], tuple[str, TriggerEntry]] = {}
    for raw in _read("triggers.yaml")["triggers"]:
        entry = _entry(raw, where)
        for noun in raw.get("noun", ()):
            _put(nouns, words(noun), entry, where)
        if raw.get("verb"):
            _put(verbs, words(raw["verb"]), entry, where)
        for tense, phrases in (raw.get("forms") or {}).items():
            for phrase in phrases:
                _put(forms, words(phrase), (tense, entry), where)
    grammar = _read("grammar.yaml")
    light: dict[str, list[tuple[str, str]]] = {}
    for lemma, by_tense in grammar["light_verbs"].items():
        for tense, items in by_tense.items():
            for form in items:
                light.setdefault(fold(form), []).append((fold(lemma), tense))
    aux = {fold(f): tag for tag, items in grammar["auxiliaries"].items() for f in items}
    status = _read("status.yaml")
    topics = tuple(
        (label, fold(prefix))
        for label, prefixes in _read("topics.yaml")["topics"].items()
        for prefix in prefixes
    )
    stems = {k[0]: v for k, v in verbs.items()}
    suffixes = {fold(s): tense for tense, items in grammar["verb_suffixes"].items() for s in items}
    inflected = verb_forms(stems, suffixes)
    noun_lengths, form_lengths = phrase_lengths(nouns), phrase_lengths(forms)
    return Lexicon(
        nouns=nouns,
        verbs=stems,
        forms=forms,
        light_forms={k: tuple(v) for k, v in light.items()},
        verb_suffixes=suffixes,
        vectors={fold(f): tense for tense, items in grammar["vectors"].items() for f in items},
        fillers=frozenset(fold(w) for w in grammar["fillers"]),
        ambiguous_light=frozenset(fold(w) for w in grammar["ambiguous_light"]),
        clause_links=frozenset(fold(w) for w in grammar["clause_links"]),
        adverbial=frozenset(fold(w) for w in grammar["adverbial"]),
        prospects=frozenset(fold(w) for w in grammar["prospects"]),
        asks=frozenset(fold(w) for w in grammar["asks"]),
        aux=aux,
        negation=frozenset(fold(w) for w in grammar["negation"]),
        generic=frozenset(fold(w) for w in grammar["generic"]),
        by_phone=tuple(words(p) for p in grammar["by_phone"]),
        planned=tuple(words(p) for p in status["planned"]),
        background=tuple(words(p) for p in status["background"]),
        background_with_pluperfect=tuple(words(p) for p in status["background_with_pluperfect"]),
        cancelled=tuple(words(p) for p in status.get("cancelled", ())),
        future_endings=tuple(fold(e) for e in grammar["future_endings"]),
        topics=topics,
        noun_lengths=noun_lengths,
        form_lengths=form_lengths,
        verb_forms=inflected,
        trigger_starts=frozenset([*noun_lengths, *form_lengths, *inflected]),
    )


@dataclass(frozen=True)
class CameoRow:
    plover: str
    mode: str
    status: str
    cameo: str
    description: str


@cache
def load_cameo_table() -> tuple[CameoRow, ...]:
    """The PLOVER (type, mode, status) → CAMEO rows of ``data/cameo.tsv``."""
    path = DATA / "cameo.tsv"
    if not path.is_file():
        raise ResourceError(f"{path}: event data file missing; reinstall ghatna")
    lines = [ln for ln in path.read_text("utf-8").splitlines() if ln and not ln.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    return tuple(
        CameoRow(r["plover"], r["mode"], r["status"], r["cameo"], r["description"]) for r in rows
    )
