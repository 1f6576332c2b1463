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
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ahocorasick

from ghatna.clean.normalize import fold_with_offsets, nfc
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

    def title_for(self, country: str | None) -> str:
        return self.titles.get(country or "", self.title)


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
    return unicodedata.category(ch)[0] in "LMN"


_DROPPED = "\u093c\u200c\u200d\u200b\u00ad\ufeff\u2060"
"""What :func:`ghatna.clean.normalize.fold` deletes (nukta, zero-width characters)."""
_REPLACE = (
    *((c, "\x00") for c in _DROPPED),
    ("\u0901", "\u0902"),
    *((d, str(i)) for i, d in enumerate("०१२३४५६७८९")),
)
_ZEROS = re.compile(r"\x00+")
_SPACE_LIKE = re.compile(r"[.\-\u2010-\u2015'’\s]")
_MULTISPACE = re.compile(r" {2,}")


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


def key_with_offsets(text: str) -> tuple[str, list[int]]:
    """The matching key of ``text`` and, per key character, its offset in ``text``.

    Same rules as :func:`ghatna.entities.kb.alias_key`, so a KB alias and its
    occurrence in running text produce the same key. Runs on whole strings (translate,
    regex, slice deletes) rather than character by character; texts where that could
    differ from :func:`fold_with_offsets` (not NFC, or with characters whose lower case
    is longer) take the character-by-character path.
    """
    if "\x00" in text or not unicodedata.is_normalized("NFC", text):
        return _key_with_offsets_slow(text)
    key = text
    for old, new in _REPLACE:
        if old in key:
            key = key.replace(old, new)
    key = _SPACE_LIKE.sub(" ", key).lower()
    if len(key) != len(text):
        return _key_with_offsets_slow(text)
    offsets = list(range(len(text) + 1))
    if "\x00" in key:
        # Drop zero-width characters first, then collapse the spaces they separated.
        kept: list[int] = []
        last = 0
        for m in _ZEROS.finditer(key):
            kept.extend(range(last, m.start()))
            last = m.end()
        kept.extend(range(last, len(text) + 1))
        key, offsets = key.replace("\x00", ""), kept
    runs = [(m.start(), m.end()) for m in _MULTISPACE.finditer(key)]
    if runs:
        pieces: list[str] = []
        kept_offsets: list[int] = []
        last = 0
        for a, b in runs:
            pieces.append(key[last : a + 1])
            kept_offsets.extend(offsets[last : a + 1])
            last = b
        pieces.append(key[last:])
        kept_offsets.extend(offsets[last:])
        key, offsets = "".join(pieces), kept_offsets
    return key, offsets


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
                self._auto.add_word(key, (len(key), tuple(entries)))
        self._auto.make_automaton()
        self.size = len(table)

    def scan(self, text: str) -> list[Hit]:
        """Every pattern occurrence at word boundaries (overlapping hits included)."""
        key, offsets = key_with_offsets(text)
        hits: list[Hit] = []
        for end, (length, entries) in self._auto.iter(key):
            start = end - length + 1
            if start > 0 and is_word_char(key[start - 1]):
                continue
            if end + 1 < len(key) and is_word_char(key[end + 1]):
                continue
            s, e = offsets[start], offsets[end + 1]
            while e > s and text[e - 1].isspace():
                e -= 1
            surface = text[s:e]
            for entry in entries:
                if _case_sensitive(entry.surface) and surface.replace(
                    ".", ""
                ) != entry.surface.replace(".", ""):
                    continue
                hits.append(Hit(s, e, entry))
        return hits
