"""Unicode normalisation shared by every stage: one form to store, one key to match.

Two forms, never mixed up:

* :func:`nfc` is the **display/storage** form. ``clean`` stores ``doc.text`` in NFC,
  so offsets, highlighting and exports all refer to it. Nothing else is changed:
  what the outlet wrote (nukta, chandrabindu, digits) is what the reader sees.
* :func:`fold` is the **matching key** (indexing, dictionary look-up, dedup). Two
  spellings that Hindi writers use interchangeably get the same key:

  - NFC first; then every nukta (U+093C) is dropped, so क़→क, ख़→ख, ग़→ग, ज़→ज,
    फ़→फ, य़→य **and also ड़→ड, ढ़→ढ**. ड़/ढ़ are distinct sounds, but they never
    start a word and native words almost never have a plain ड/ढ between vowels, so
    folding them merges next to no real words, while text converted from legacy
    fonts or typed quickly often loses that nukta (बडा / बड़ा). Recall wins for a key.
  - chandrabindu (U+0901) → anusvara (U+0902): हूँ/हूं, पाँच/पांच.
  - ZWJ, ZWNJ, zero-width space, soft hyphen and BOM are removed.
  - Devanagari digits ०-९ → ASCII 0-9.
  - Latin letters are lower-cased (``S Jaishankar`` / ``s jaishankar``).

  Use :func:`fold_with_offsets` when a match in the key must be mapped back to
  characters of the original text.

:func:`parse_number` reads an integer written with ASCII or Devanagari digits,
with Western (1,000,000) or Indian (10,00,000) grouping.

Example::

    >>> fold("मुलाक़ात २०२१ में हुई।") == fold("मुलाकात 2021 में हुई।")
    True
    >>> parse_number("१,२५,०००")
    125000
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "fold_with_offsets", "is_nfc", "nfc", "parse_number", "DEVANAGARI_DIGITS"]

NUKTA = "\u093c"
CHANDRABINDU = "\u0901"
ANUSVARA = "\u0902"
DEVANAGARI_DIGITS = "०१२३४५६७८९"

# Characters the key drops entirely: nukta, ZWNJ, ZWJ, ZWSP, soft hyphen, BOM, word joiner.
_DROP = {ord(c): None for c in (NUKTA, "\u200c", "\u200d", "\u200b", "\u00ad", "\ufeff", "\u2060")}
_MAP = {ord(CHANDRABINDU): ANUSVARA}
_MAP.update({ord(d): str(i) for i, d in enumerate(DEVANAGARI_DIGITS)})
_FOLD_TABLE = {**_DROP, **_MAP}
# the same table as one regex: most text has nothing to fold, and a regex scan is far
# cheaper than str.translate with a dict on every character
_FOLD_CHARS = re.compile("[" + "".join(chr(c) for c in _FOLD_TABLE) + "]")
_FOLD_TO = {chr(c): (v or "") for c, v in _FOLD_TABLE.items()}


def nfc(text: str) -> str:
    """The stored and displayed form of a text: Unicode NFC, nothing else changed.

    NFC turns the precomposed nukta letters (U+0958-U+095F, composition exclusions)
    into base letter + U+093C, so ``क़`` typed either way compares equal. Most texts
    are NFC already and come back unchanged after :func:`is_nfc`.
    """
    return text if is_nfc(text) else unicodedata.normalize("NFC", text)


_NUKTA_BASES: dict[str, bool] = {}


def _nukta_base(ch: str) -> bool:
    """A starter without a decomposition that does not compose with a nukta after it
    (क, ज; not न, र, ळ)."""
    ok = _NUKTA_BASES.get(ch)
    if ok is None:
        pair = ch + NUKTA
        ok = (
            unicodedata.combining(ch) == 0
            and not unicodedata.decomposition(ch)
            and unicodedata.normalize("NFC", pair) == pair
        )
        _NUKTA_BASES[ch] = ok
    return ok


def is_nfc(text: str) -> bool:
    """``unicodedata.is_normalized("NFC", text)``, cheaper on Hindi text.

    A nukta (U+093C) makes Python normalise the whole text to answer, for it may compose
    with the letter before it; a third of the lines of Hindi news have one (ड़, ज़).
    Where every nukta follows a letter it does not compose with (and that has no
    decomposition) and comes before no mark that would have to be moved in front of it
    (one of combining class 1 to 6), the text is NFC when it is without its nuktas: such
    a nukta stays where it is, and only blocks compositions. Taking it out may let its
    neighbours compose, so a text that is NFC can look as if it were not (then the full
    check decides), never the other way round.
    """
    at = text.find(NUKTA)
    if at < 0:
        return unicodedata.is_normalized("NFC", text)
    while at >= 0:
        after = text[at + 1 : at + 2]
        if (
            at == 0
            or not _nukta_base(text[at - 1])
            or (after and 0 < unicodedata.combining(after) < 7)
        ):
            return unicodedata.is_normalized("NFC", text)
        at = text.find(NUKTA, at + 1)
    return unicodedata.is_normalized("NFC", text.replace(NUKTA, ""))


def fold(text: str) -> str:
    """The matching key of a text (see the module docstring for every rule).

    Example: ``fold("पाँच ज़िलों में २ दिन") == "पांच जिलों में 2 दिन"``.
    """
    return _FOLD_CHARS.sub(_fold_char, nfc(text)).lower()


def _fold_char(m: re.Match[str]) -> str:
    return _FOLD_TO[m.group()]


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """:func:`fold` plus, for each character of the key, its offset in ``text``.

    The returned list has one more entry than the key (``len(text)`` at the end), so
    a key span ``[i, j)`` maps back to ``text[offsets[i]:offsets[j]]`` when ``j`` is the
    end. ``text`` should already be NFC (``doc.text`` is); otherwise the offsets refer
    to ``nfc(text)``.
    """
    src = nfc(text)
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(src):
        mapped = _FOLD_TABLE.get(ord(ch), ch)
        if mapped is None:
            continue
        for c in mapped.lower():
            out.append(c)
            offsets.append(i)
    offsets.append(len(src))
    return "".join(out), offsets


_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{2})*,\d{3}|\d{1,3}(?:,\d{3})+|\d+)")


def parse_number(text: str) -> int | None:
    """The integer ``text`` spells in digits, or None if it is not exactly one integer.

    Accepts ASCII and Devanagari digits (also mixed), an optional sign, and Western or
    Indian digit grouping; surrounding whitespace is ignored. Decimals, number words and
    anything else return None rather than a guess.

    Examples: ``parse_number("२०२१") == 2021``, ``parse_number("1,00,000") == 100000``,
    ``parse_number("3.5") is None``, ``parse_number("दो") is None``.
    """
    if not text:
        return None
    key = nfc(text).strip().translate(_MAP)
    if not _NUMBER.fullmatch(key):
        return None
    if not key.lstrip("+-").isascii():  # other scripts' digits (\d is Unicode-wide)
        return None
    return int(key.replace(",", ""))
