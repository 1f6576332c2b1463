"""Cross-script, typo-tolerant name keys: ``लारोव`` ≈ ``लावरोव`` ≈ ``Lavrov``.

A name is romanised (aksharamukha, Hindi schwa deletion), then reduced to a phonetic
key: lower case, long vowels and doubled letters collapsed, aspiration ``h`` after a
consonant kept (``kh`` ≠ ``k``: that distinguishes real names), ``w``→``v``, ``ph``→``f``,
``z``→``j`` (nukta-less Hindi). Keys are compared with a normalised edit-distance ratio
(rapidfuzz). The threshold is strict on purpose: a typo of one letter in a name of
five or more letters passes, a different name sharing a stem does not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from aksharamukha import transliterate
from rapidfuzz.distance import Levenshtein

from ghatna.clean.normalize import fold

_DEVANAGARI = re.compile(r"[\u0900-\u097f]")
_REPLACEMENTS = (
    ("y", "i"),
    ("aa", "a"),
    ("ee", "i"),
    ("ii", "i"),
    ("oo", "u"),
    ("uu", "u"),
    ("ai", "e"),
    ("ei", "e"),
    ("ey", "e"),
    ("ph", "f"),
    ("w", "v"),
    ("z", "j"),
    ("q", "k"),
    ("ck", "k"),
)


_ROMAN: dict[str, str] = {}
_ROMAN_MAX = 200_000


def _aksharamukha(folded: list[str]) -> list[str]:
    """Romanise many folded Devanagari strings in one aksharamukha call.

    aksharamukha costs a few milliseconds a call whatever the length, and its rules
    (schwa deletion included) never cross a line, so a batch joined by newlines gives
    the same output per line as one call per name, for a fraction of the time.
    """
    out = transliterate.process(
        "Devanagari", "RomanReadable", "\n".join(folded), pre_options=["RemoveSchwaHindi"]
    )
    lines = out.lower().split("\n")
    if len(lines) != len(folded):  # never seen; fall back to one call per name
        return [_aksharamukha([f])[0] for f in folded] if len(folded) > 1 else [out.lower()]
    return lines


def prefetch(names: Iterable[str]) -> None:
    """Romanise in one batch every name of ``names`` not romanised yet (see
    :func:`_aksharamukha`); later :func:`romanise` calls on them are dictionary hits."""
    todo = sorted({n for n in names if n not in _ROMAN and _DEVANAGARI.search(n)})
    if not todo:
        return
    if len(_ROMAN) + len(todo) > _ROMAN_MAX:
        _ROMAN.clear()
    folded = [fold(n).replace("\n", " ").replace("\r", " ") for n in todo]
    for name, roman in zip(todo, _aksharamukha(folded), strict=True):
        _ROMAN[name] = roman


def romanise(name: str) -> str:
    """A readable Latin form of a Devanagari name (``सर्गेई लावरोव`` → ``sargeee laavrov``);
    Latin input is returned lower-cased."""
    hit = _ROMAN.get(name)
    if hit is not None:
        return hit
    if not _DEVANAGARI.search(name):
        return fold(name)
    prefetch((name,))
    return _ROMAN[name]


@lru_cache(maxsize=200_000)
def phonetic_key(name: str) -> str:
    """The comparison key of a name in either script (see the module docstring)."""
    key = re.sub(r"[^a-z ]", "", romanise(name))
    for old, new in _REPLACEMENTS:
        key = key.replace(old, new)
    key = re.sub(r"([a-z])\1+", r"\1", key)
    return " ".join(key.split())


_NOT_SKELETON = re.compile(r"[^\u0915-\u0939\u0902 ]+")


def skeleton(name: str) -> str:
    """The consonants (and anusvara) of a Devanagari name, vowels dropped: ``लावरोव`` →
    ``लवरव``. Cheap, and never further from another name's skeleton than a couple of
    edits when their phonetic keys are :func:`close_enough`, so it screens candidates
    before the (slow) romanisation."""
    return " ".join(_NOT_SKELETON.sub("", w) for w in fold(name).split())


def slug(name: str) -> str:
    """An id-safe romanised slug (``बत्तसेतसेग बतमुंखी`` → ``battasetseg-batmunkhee``)."""
    return re.sub(r"[^a-z0-9]+", "-", romanise(name)).strip("-")


def display_name(name: str) -> str:
    """A romanised display form for a provisional actor: title-cased readable Latin."""
    return " ".join(w.capitalize() for w in romanise(name).split())


def similarity(a: str, b: str) -> float:
    """Normalised similarity of two phonetic keys in [0, 1]."""
    return Levenshtein.normalized_similarity(a, b)


def close_enough(query: str, candidate: str) -> bool:
    """True when two phonetic keys are the same name up to one typo.

    Both keys must start alike and have at least five letters; they may differ by one
    edit (two for keys of ten letters or more).
    """
    if len(query) < 5 or len(candidate) < 5 or query[0] != candidate[0]:
        return False
    allowed = 2 if min(len(query), len(candidate)) >= 10 else 1
    return Levenshtein.distance(query, candidate, score_cutoff=allowed) <= allowed
