"""Near-duplicate articles (syndicated agency copy, re-posts) by SimHash over word shingles.

Each article gets a 64-bit SimHash of its folded word 3-grams. Two articles whose
hashes differ in at most :data:`MAX_DISTANCE` bits are near-duplicates. To find
them without comparing against the whole store, the hash is cut into
``MAX_DISTANCE + 1`` bands: by the pigeonhole principle two hashes that close
agree exactly on at least one band, so one indexed look-up per band finds every
candidate.
"""

from __future__ import annotations

import hashlib
import re

from ghatna.clean.normalize import fold

BITS = 64
MAX_DISTANCE = 3
BANDS = MAX_DISTANCE + 1
BAND_BITS = BITS // BANDS
SHINGLE = 3
MIN_WORDS = 20
_WORD = re.compile(r"[\w\u0900-\u097f]+")


def simhash(text: str) -> int | None:
    """The SimHash of ``text``, or None when it is too short to say anything about copies."""
    words = _WORD.findall(fold(text))
    if len(words) < MIN_WORDS:
        return None
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    counts = 0
    for shingle in shingles:
        h = int.from_bytes(hashlib.blake2b(shingle.encode(), digest_size=8).digest(), "big")
        for byte in range(8):
            counts += _SPREAD[byte][h >> (8 * byte) & 0xFF]
    half = len(shingles) / 2
    mask = (1 << _FIELD) - 1
    return sum(1 << bit for bit in range(BITS) if (counts >> (bit * _FIELD) & mask) > half)


_FIELD = 24
"""Bits per counter: counting set bits for all 64 positions at once in one big integer,
one field per bit position, is eight table look-ups a shingle instead of 64 branches."""


def _spread_table() -> list[list[int]]:
    return [
        [
            sum(1 << ((byte * 8 + bit) * _FIELD) for bit in range(8) if value >> bit & 1)
            for value in range(256)
        ]
        for byte in range(8)
    ]


_SPREAD = _spread_table()


def bands(h: int) -> list[int]:
    """The band values of a hash, each tagged with its band number so bands never collide."""
    mask = (1 << BAND_BITS) - 1
    return [(b << BAND_BITS) | (h >> (b * BAND_BITS) & mask) for b in range(BANDS)]


def distance(a: int, b: int) -> int:
    return (a ^ b).bit_count()


def is_near_duplicate(a: int, b: int) -> bool:
    return distance(a, b) <= MAX_DISTANCE
