"""Multi-pattern gazetteer: every KB alias, demonym and role phrase in one Aho-Corasick scan.

The scan runs over the *matching key* of the text (``fold`` + dots/hyphens as spaces,
whitespace collapsed), with a map back to characters of ``doc.text`` so every hit keeps
an exact span. A hit counts only at word boundaries: ``रूस`` must not fire inside
``रूसी`` (the next character is a vowel sign) nor ``UN`` inside ``UNESCO``.
Short Latin acronyms (``UN``, ``WHO``, ``US``) match only in capitals, as written,
because their lower-case forms are English words.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from pathlib import Path

import ahocorasick

from ghatna.clean.normalize import fold_with_offsets, is_nfc, nfc
from ghatna.entities.kb import KnowledgeBase, alias_key
from ghatna.resources import read_yaml

OFFICES_PATH = Path(__file__).parent / "data" / "offices.yaml"
_SEPARATORS = re.compile(r"[.\-\u2010-\u2015'’]")


@dataclass(frozen=True)
class Office:
    office: str
    title: str
    titles: dict[str, str]
    phrases: tuple[str, ...]
    regional: bool = False
    """Held in a state or territory (chief minister): its holders differ by region."""
    abroad: str | None = None
    """The title outside India where :attr:`title` is India's portfolio name: the US
    commerce secretary is no "Minister of Commerce and Industry"."""

    def title_for(self, country: str | None) -> str:
        if country in self.titles:
            return self.titles[country]
        return self.abroad if self.abroad and country not in (None, "IND") else self.title


@cache
def load_offices() -> dict[str, Office]:
    """Office key → :class:`Office`, from ``data/offices.yaml``."""
    rows = read_yaml(OFFICES_PATH)
    return {
        r["office"]: Office(
            r["office"],
            r["title"],
            dict(r.get("titles") or {}),
            tuple(r["phrases"]),
            bool(r.get("regional")),
            r.get("abroad"),
        )
        for r in rows
    }


@dataclass(frozen=True)
class Entry:
    """What a pattern means: an actor alias, a demonym or an office phrase."""

    kind: str  # actor | demonym | office
    ref: str  # actor id, ISO3 or office key
    surface: str  # the alias as written in the data
    ambiguous: bool = False


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    entry: Entry


def is_word_char(ch: str) -> bool:
    """Letters, digits and combining marks (Devanagari vowel signs, virama, nukta)."""
    known = _WORD_CHARS.get(ch)
    if known is None:
        known = unicodedata.category(ch)[0] in "LMN"
        if len(_WORD_CHARS) < 100_000:
            _WORD_CHARS[ch] = known
    return known


_WORD_CHARS: dict[str, bool] = {}
""":func:`is_word_char` of the characters seen (a few hundred in Hindi news)."""


_DROPPED = "\u093c\u200c\u200d\u200b\u00ad\ufeff\u2060"
"""What :func:`ghatna.clean.normalize.fold` deletes (nukta, zero-width characters)."""
_REPLACE = (
    *((c, "\x00") for c in _DROPPED),
    ("\u0901", "\u0902"),
    *((d, str(i)) for i, d in enumerate("०१२३४५६७८९")),
)
_OTHER_SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
)
"""What ``\\s`` matches besides " " (a test checks it against every character)."""
_SPACE_LIKE = re.compile(f"[.\\-\u2010-\u2015'’{_OTHER_SPACES}]")
"""Separators and spaces other than " " (which needs no replacing): one character
class, which the regex engine scans far faster than an alternation."""
_ZERO = re.compile("\x00")
_MULTISPACE = re.compile("   *")  # a literal start ("  ") is searched for far faster


def _key_with_offsets_slow(text: str) -> tuple[str, list[int]]:
    folded, offsets = fold_with_offsets(text)
    out: list[str] = []
    out_offsets: list[int] = []
    for ch, off in zip(folded, offsets, strict=False):
        if _SEPARATORS.match(ch) or ch.isspace():
            if out and out[-1] == " ":
                continue
            ch = " "
        out.append(ch)
        out_offsets.append(off)
    out_offsets.append(offsets[-1])
    return "".join(out), out_offsets


class _Key:
    """The matching key of a text and the way back from a key character to the text.

    The key is the text with characters left out in two steps: dropped characters
    (nukta, zero-width: ``zero_cuts``), then every space but the first of a run
    (``run_cuts``, ``run_left_out``). Each step is kept as the sorted key positions where
    something was left out (and how much up to there), so a hit's offsets in the text
    are two binary searches away, and no list with an offset per character is built.
    """

    __slots__ = ("key", "length", "run_cuts", "run_left_out", "zero_cuts")

    def __init__(
        self,
        key: str,
        length: int,
        zero_cuts: list[int],
        run_cuts: list[int],
        run_left_out: list[int],
    ) -> None:
        self.key, self.length = key, length
        self.zero_cuts = zero_cuts
        """Per dropped character, the position in the key without them it was dropped at."""
        self.run_cuts, self.run_left_out = run_cuts, run_left_out
        """Per run of spaces, the key position right after it; spaces left out up to it."""

    def offset(self, i: int) -> int:
        """The offset in the text of key character ``i`` (the text's length at the end)."""
        if i >= len(self.key):
            return self.length
        if self.run_cuts:
            k = bisect_right(self.run_cuts, i)
            if k:
                i += self.run_left_out[k - 1]
        if self.zero_cuts:
            i += bisect_right(self.zero_cuts, i)
        return i

    def offsets(self) -> list[int]:
        """:meth:`offset` of every key character and of the end."""
        return [self.offset(i) for i in range(len(self.key) + 1)]


def _fast_key(text: str) -> _Key | None:
    """The key of ``text`` from whole-string operations (replace, regex), or None where
    they could differ from :func:`fold_with_offsets` (text not NFC, or with characters
    whose lower case is longer)."""
    if "\x00" in text or not is_nfc(text):
        return None
    key = text
    for old, new in _REPLACE:
        if old in key:
            key = key.replace(old, new)
    key = _SPACE_LIKE.sub(" ", key).lower()
    if len(key) != len(text):
        return None
    # Drop zero-width characters first, then collapse the spaces they separated.
    zero_cuts: list[int] = []
    if "\x00" in key:
        zero_cuts = [m.start() - k for k, m in enumerate(_ZERO.finditer(key))]
        key = key.replace("\x00", "")
    run_cuts: list[int] = []
    run_left_out: list[int] = []
    if "  " in key:
        runs = [m.span() for m in _MULTISPACE.finditer(key)]
        run_left_out = list(accumulate(b - a - 1 for a, b in runs))
        run_cuts = [b - left for (_, b), left in zip(runs, run_left_out, strict=True)]
        key = _MULTISPACE.sub(" ", key)
    return _Key(key, len(text), zero_cuts, run_cuts, run_left_out)


def key_with_offsets(text: str) -> tuple[str, list[int]]:
    """The matching key of ``text`` and, per key character, its offset in ``text``.

    Same rules as :func:`ghatna.entities.kb.alias_key`, so a KB alias and its
    occurrence in running text produce the same key. Runs on whole strings (replace,
    regex, slices) rather than character by character; texts where that could differ
    from :func:`fold_with_offsets` (not NFC, or with characters whose lower case is
    longer) take the character-by-character path.
    """
    fast = _fast_key(text)
    if fast is None:
        return _key_with_offsets_slow(text)
    return fast.key, fast.offsets()


def _case_sensitive(alias: str) -> bool:
    letters = alias.replace(".", "")
    return letters.isascii() and letters.isalpha() and letters.isupper() and len(letters) <= 5


class Gazetteer:
    """An Aho-Corasick automaton over KB aliases, demonyms and office phrases."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self._auto = ahocorasick.Automaton()
        table: dict[str, list[Entry]] = {}
        for key, actors in kb.aliases():
            for actor in actors:
                surface = next(a for a in actor.aliases if alias_key(a) == key)
                table.setdefault(key, []).append(
                    Entry("actor", actor.id, surface, key in actor.ambiguous)
                )
        for key, demonym in kb.demonyms.items():
            table.setdefault(key, []).append(
                Entry("demonym", demonym.country, demonym.text, demonym.ambiguous)
            )
        for office in load_offices().values():
            for phrase in office.phrases:
                table.setdefault(alias_key(phrase), []).append(
                    Entry("office", office.office, nfc(phrase))
                )
        for key, entries in table.items():
            if key:
                # each entry with the dot-less form a case-sensitive alias must have
                checks = tuple(
                    (e, e.surface.replace(".", "") if _case_sensitive(e.surface) else None)
                    for e in entries
                )
                self._auto.add_word(key, (len(key), checks))
        self._auto.make_automaton()
        self.size = len(table)

    def scan(self, text: str) -> list[Hit]:
        """Every pattern occurrence at word boundaries (overlapping hits included)."""
        return [Hit(s, e, entry) for s, e, entry in self.occurrences(text)]

    def occurrences(self, text: str) -> list[tuple[int, int, Entry]]:
        """:meth:`scan` as (start, end, entry) tuples, the way the linker takes them."""
        fast = _fast_key(text)
        if fast is None:
            key, offsets = _key_with_offsets_slow(text)
            offset = offsets.__getitem__
        else:
            key, offset = fast.key, fast.offset
        hits: list[tuple[int, int, Entry]] = []
        n = len(key)
        for end, (length, checks) in self._auto.iter(key):
            start = end - length + 1
            if start > 0 and is_word_char(key[start - 1]):
                continue
            if end + 1 < n and is_word_char(key[end + 1]):
                continue
            s, e = offset(start), offset(end + 1)
            while e > s and text[e - 1].isspace():
                e -= 1
            surface = text[s:e]
            for entry, dotless in checks:
                if dotless is not None and surface.replace(".", "") != dotless:
                    continue
                hits.append((s, e, entry))
        return hits
