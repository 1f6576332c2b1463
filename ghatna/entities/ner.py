"""Statistical Hindi NER: a CRF over tokens, for names the knowledge base does not know.

The gazetteer finds every actor the KB lists; this model exists for the rest (a new
minister, a local official, a town). It is a linear-chain CRF (python-crfsuite): small,
fast and trained on CPU by ``scripts/train_ner.py`` from IL-NER (+ HiNER validation),
so no torch and no run-time download. Features are deliberately generic (word, affixes,
shape, context words, a proper-noun suffix cue) so the model does not memorise the
training names; see ``ghatna/entities/model/MODEL_CARD.md`` for its scores.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pycrfsuite

from ghatna.clean.normalize import fold
from ghatna.errors import ResourceError

MODEL_PATH = Path(__file__).parent / "model" / "ner.crfsuite"

TYPES = ("PER", "LOC", "ORG")
ILNER_TYPES = {"NEP": "PER", "NEL": "LOC", "NEO": "ORG"}
"""IL-NER → ghatna types; NEN (number), NETI (time), NEAR (artefact), NEU, NED become O."""
HINER_TYPES = {"PERSON": "PER", "LOCATION": "LOC", "ORGANIZATION": "ORG"}

_TOKEN = re.compile(r"[\u0900-\u0963\u0966-\u097F\w]+|[^\s\u0900-\u0963\u0966-\u097F\w]")
"""A word is a run of Devanagari (danda excluded) or word characters; any other
non-space character is a token of its own."""

_POSTPOSITIONS = frozenset(
    ("के", "की", "का", "को", "में", "से", "ने", "पर", "तक", "द्वारा", "वाले", "वाली", "और", "एवं")
)


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of ``text`` with offsets (shifted by ``offset``) into the enclosing text."""
    return [Token(m.group(), m.start() + offset, m.end() + offset) for m in _TOKEN.finditer(text)]


def _shape(word: str) -> str:
    if word.isdigit():
        return "digit"
    if all("\u0900" <= c <= "\u097f" for c in word):
        return "deva"
    if word.isascii() and word.isalpha():
        return "Latin-cap" if word[0].isupper() else "latin"
    if len(word) == 1:
        return "punct"
    return "mixed"


def _word_features(word: str, prefix: str) -> dict[str, object]:
    key = fold(word)
    return {
        f"{prefix}w": key,
        f"{prefix}shape": _shape(word),
        f"{prefix}post": key in _POSTPOSITIONS,
    }


def sentence_features(words: Sequence[str]) -> list[dict[str, object]]:
    """CRF features of each word of a sentence (the same at training and prediction)."""
    feats: list[dict[str, object]] = []
    n = len(words)
    for i, word in enumerate(words):
        key = fold(word)
        f: dict[str, object] = {
            "bias": 1.0,
            "w": key,
            "shape": _shape(word),
            "len": min(len(key), 8),
            "p1": key[:1],
            "p2": key[:2],
            "p3": key[:3],
            "s1": key[-1:],
            "s2": key[-2:],
            "s3": key[-3:],
            "s4": key[-4:],
            "post": key in _POSTPOSITIONS,
        }
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                f.update(_word_features(words[j], f"{d}:"))
            else:
                f[f"{d}:edge"] = True
        if i > 0:
            f["-1w|w"] = f"{fold(words[i - 1])}|{key}"
        if i + 1 < n:
            f["w|+1w"] = f"{key}|{fold(words[i + 1])}"
        feats.append(f)
    return feats


def normalise_tag(tag: str, previous: str, mapping: dict[str, str]) -> str:
    """A BIO tag in ghatna's types, repairing IL-NER's malformed tags.

    A tag without its B/I letter (``-NEL``) continues the previous entity when that
    entity has the same type and starts a new one otherwise; a bare ``-`` and any type
    outside ``mapping`` become ``O``.
    """
    if tag in ("", "O", "-"):
        return "O"
    bio, _, kind = tag.rpartition("-")
    mapped = mapping.get(kind)
    if mapped is None:
        return "O"
    if bio not in ("B", "I"):
        bio = "I" if previous.endswith(f"-{mapped}") else "B"
    if bio == "I" and not previous.endswith(f"-{mapped}"):
        bio = "B"
    return f"{bio}-{mapped}"


def read_conll(
    lines: Iterable[str], mapping: dict[str, str]
) -> Iterator[tuple[list[str], list[str]]]:
    """Sentences of a CoNLL file as (words, normalised tags); blank lines separate them."""
    words: list[str] = []
    tags: list[str] = []
    for line in lines:
        parts = line.rstrip("\n").split("\t") if "\t" in line else line.split()
        if not parts or not parts[0].strip():
            if words:
                yield words, tags
            words, tags = [], []
            continue
        tag = parts[-1] if len(parts) > 1 else "O"
        tags.append(normalise_tag(tag, tags[-1] if tags else "O", mapping))
        words.append(parts[0])
    if words:
        yield words, tags


class NerModel:
    """A loaded CRF tagger. ``tag`` takes words and returns BIO tags."""

    def __init__(self, path: Path = MODEL_PATH) -> None:
        if not path.is_file():
            raise ResourceError(
                f"{path}: NER model missing. It ships with the package; rebuild it with "
                "`python scripts/train_ner.py` (needs ../shared/data/ner/)."
            )
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(path))

    def tag(self, words: Sequence[str]) -> list[str]:
        if not words:
            return []
        return list(self._tagger.tag(sentence_features(words)))

    def marginal(self, tag: str, position: int) -> float:
        """Probability of ``tag`` at ``position`` of the sentence tagged last."""
        return float(self._tagger.marginal(tag, position))


@cache
def load_ner() -> NerModel:
    return NerModel()


def spans_from_tags(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(first token, end token, type) of each entity in a BIO sequence."""
    spans: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if start >= 0 and not (tag.startswith("I-") and tag[2:] == kind):
            spans.append((start, i, kind))
            start = -1
        if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
            start, kind = i, tag[2:]
    return spans
