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
from functools import cache

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


@cache
def romanise(name: str) -> str:
    """A readable Latin form of a Devanagari name (``सर्गेई लावरोव`` → ``sargeee laavrov``);
    Latin input is returned lower-cased."""
    if not _DEVANAGARI.search(name):
        return fold(name)
    out = transliterate.process(
        "Devanagari", "RomanReadable", fold(name), pre_options=["RemoveSchwaHindi"]
    )
    return out.lower()


@cache
def phonetic_key(name: str) -> str:
    """The comparison key of a name in either script (see the module docstring)."""
    key = re.sub(r"[^a-z ]", "", romanise(name))
    for old, new in _REPLACEMENTS:
        key = key.replace(old, new)
    key = re.sub(r"([a-z])\1+", r"\1", key)
    return " ".join(key.split())


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
