"""Statistical Hindi NER: a CRF over tokens, for names the knowledge base does not know.

The gazetteer finds every actor the KB lists; this model exists for the rest (a new
minister, a local official, a town). It is a linear-chain CRF (python-crfsuite): small,
fast and trained on CPU by ``scripts/train_ner.py`` from IL-NER (+ HiNER validation),
so no torch and no run-time download. Features are deliberately generic (word, affixes,
shape, context words, a proper-noun suffix cue) so the model does not memorise the
training names; see ``ghatna/entities/model/MODEL_CARD.md`` for its scores.
"""

from __future__ import annotations

import gzip
import re
import struct
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import compress, count
from pathlib import Path
from typing import NamedTuple

import numpy as np
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
_TITLES = frozenset(
    fold(t)
    for t in (
        "श्री",
        "श्रीमती",
        "सुश्री",
        "डॉ",
        "डॉक्टर",
        "प्रो",
        "प्रोफेसर",
        "स्व",
        "स्वर्गीय",
        "पंडित",
        "मौलाना",
        "संत",
        "स्वामी",
        "महात्मा",
        "सर",
        "कुमारी",
        "जनरल",
        "कर्नल",
        "मेजर",
        "कैप्टन",
        "प्रधानमंत्री",
        "मंत्री",
        "राष्ट्रपति",
        "उपराष्ट्रपति",
        "मुख्यमंत्री",
        "राज्यपाल",
        "सांसद",
        "विधायक",
        "अध्यक्ष",
        "सचिव",
        "राजदूत",
        "न्यायाधीश",
        "न्यायमूर्ति",
        "राजा",
        "रानी",
        "महाराजा",
        "सम्राट",
        "कवि",
        "लेखक",
        "नेता",
        "प्रवक्ता",
        "निदेशक",
        "आयुक्त",
        "अधिकारी",
        "सचिव",
        "Dr",
        "Mr",
        "Mrs",
        "Ms",
        "Shri",
    )
)
_NAME_HONORIFICS_AFTER = frozenset(fold(t) for t in ("जी", "साहब", "साहेब", "सिंह", "कुमार"))


def _words(text: str) -> list[str]:
    return text.split()


_ORG_CUES = frozenset(
    fold(t)
    for t in _words(
        """सरकार मंत्रालय मंत्रालयों बैंक परिषद आयोग विभाग विश्वविद्यालय संस्थान संगठन
        केंद्र केन्द्र लिमिटेड लि कंपनी बोर्ड समिति संघ पंचायत न्यायालय फाउंडेशन
        कार्यालय पार्टी निगम प्राधिकरण मिशन अकादमी महाविद्यालय कॉलेज विद्यालय अस्पताल
        सेना पुलिस ट्रस्ट सोसाइटी एजेंसी कॉर्पोरेशन इंस्टीट्यूट यूनिवर्सिटी काउंसिल
        कमीशन मंडल ब्यूरो प्रभाग सभा संसद दल समूह कंसॉर्टियम क्लब एसोसिएशन फेडरेशन मंच
        अदालत निदेशालय प्रतिष्ठान कमेटी कमिटी विधानसभा लोकसभा राज्यसभा परियोजना उद्योग
        बल"""
    )
)
"""Head nouns that end organisation names (``… मंत्रालय``, ``… आयोग``): the ``cue+d``
features tell a word that such a head follows ``d`` words later."""
_LOC_CUES = frozenset(
    fold(t)
    for t in _words(
        """प्रदेश नदी नदियों पर्वत झील सागर महासागर जिला जिले नगर शहर गांव गाँव राज्य द्वीप
        घाटी क्षेत्र पहाड़ खाड़ी देश महाद्वीप उपमहाद्वीप प्रांत तट"""
    )
)
_LETTER_NAMES = tuple(
    sorted(
        {
            fold(t)
            for t in _words(
                """ए बी सी डी ई एफ जी एच आई जे के एल एम एन ओ पी क्यू आर एस टी यू वी डब्ल्यू डबल्यू
        एक्स वाई जेड ज़ेड एस् आइ"""
            )
        },
        key=len,
        reverse=True,
    )
)


_ACRONYM = re.compile("(?:" + "|".join(map(re.escape, _LETTER_NAMES)) + "){2,}")


def is_acronym(word: str) -> bool:
    """``word`` is spelt entirely as two or more names of Latin letters (आईसीएमआर =
    I-C-M-R, एनडीए = N-D-A), as Hindi writes the acronyms of organisations."""
    return _ACRONYM.fullmatch(word) is not None


_CUE_STOPS = _POSTPOSITIONS - {"और", "एवं"}

LEXICON_PATH = Path(__file__).parent / "model" / "ner_lexicon.tsv.gz"
"""Word → lexical classes used as features, built at training time (see MODEL_CARD.md):
``pnN`` (hindiPOS proper-noun share, bucket 0–4), ``kbPER/kbLOC/kbORG`` (a token of a KB
alias of that kind), ``tB-PER``… (the word's usual tag in the training data)."""


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
        if word.isupper():
            return "LATIN"
        return "Latin-cap" if word[0].isupper() else "latin"
    if any(c.isdigit() for c in word):
        return "hasdigit"
    if len(word) == 1:
        return "punct"
    return "mixed"


Lexicon = dict[str, tuple[str, ...]]


def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    """The shipped word-class table (empty when absent, as before the first training)."""
    if not path.is_file():
        return {}
    out: Lexicon = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            word, _, classes = line.rstrip("\n").partition("\t")
            out[word] = tuple(classes.split())
    return out


def save_lexicon(lexicon: Lexicon, path: Path = LEXICON_PATH) -> None:
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as fh:
        for word in sorted(lexicon):
            if lexicon[word]:
                fh.write(f"{word}\t{' '.join(lexicon[word])}\n")


_OFFSETS = (-2, -1, 1, 2)
"""Neighbours (relative positions) whose features a word sees."""
_OFFSET_NAMES = {str(d): i for i, d in enumerate(_OFFSETS)}


class WordFeatures(NamedTuple):
    key: str
    """The folded word."""
    own: list[str]
    """Features of the word itself."""
    ctx: list[str]
    """Features it lends its neighbours (each sees them prefixed with its offset)."""
    cue: str
    """Its head-noun cue, ``ORG``/``LOC``, or ""."""


_AFTER, _BEFORE, _AROUND = "-1w|w=", "w|+1w=", "-1s|+1s="
"""Templates of the bigram features: previous word|word, word|next word, previous
word's last two letters|next word."""


class PairWords(NamedTuple):
    """The word pairs a model's bigram features can match: most bigrams of a text have
    no weight, and building their strings only to find that out cost as much as all
    the other features together."""

    after: frozenset[tuple[str, str]]
    """(previous word, word) of the ``-1w|w`` features."""
    before: frozenset[tuple[str, str]]
    """(word, next word) of the ``w|+1w`` features."""
    around: frozenset[tuple[str, str]]
    """(last two letters of the previous word, next word) of the ``-1s|+1s`` features."""

    @classmethod
    def of(cls, attrs: Iterable[str]) -> PairWords:
        """From a model's attributes. A word may itself be ``|``, so every split of
        ``a|b`` at a ``|`` is kept: a superset filters as well."""
        sides: dict[str, set[tuple[str, str]]] = {_AFTER: set(), _BEFORE: set(), _AROUND: set()}
        for attr in attrs:
            for template, side in sides.items():
                if attr.startswith(template):
                    rest = attr[len(template) :]
                    side.update((rest[:k], rest[k + 1 :]) for k, c in enumerate(rest) if c == "|")
        return cls(*(frozenset(sides[t]) for t in (_AFTER, _BEFORE, _AROUND)))


def _matching(
    pairs: list[tuple[str, str]], known: frozenset[tuple[str, str]] | None
) -> Iterable[int]:
    """Positions of ``pairs`` in ``known`` (all when ``known`` is None), tested in C."""
    if known is None:
        return range(len(pairs))
    return compress(count(), map(known.__contains__, pairs))


class Featurizer:
    """Word features with a per-word cache: the same at training and prediction."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or {}
        self._own: dict[str, WordFeatures] = {}

    def describe(self, word: str) -> WordFeatures:
        """The features of ``word`` that do not depend on its sentence (uncached)."""
        key = fold(word)
        shape = _shape(word)
        lex = self.lexicon.get(key, ())
        own = [
            "w=" + key,
            "shape=" + shape,
            f"len={min(len(key), 8)}",
            "p1=" + key[:1],
            "p2=" + key[:2],
            "p3=" + key[:3],
            "p4=" + key[:4],
            "s1=" + key[-1:],
            "s2=" + key[-2:],
            "s3=" + key[-3:],
            "s4=" + key[-4:],
        ]
        own.extend("L=" + c for c in lex)
        if not lex and shape == "deva":
            own.append("L=none")
        ctx = ["w=" + key, "shape=" + shape, "s2=" + key[-2:], "s3=" + key[-3:]]
        # neighbours lend their coarse classes only (not tB-PER…, c7_…, c9_…): speed
        ctx.extend("L=" + c for c in lex if not c.startswith(("t", "c7", "c9")))
        if key in _POSTPOSITIONS:
            own.append("post")
            ctx.append("post")
        if key.rstrip(".") in _TITLES:
            own.append("title")
            ctx.append("title")
        if key in _NAME_HONORIFICS_AFTER:
            ctx.append("hon")
        cue = "ORG" if key in _ORG_CUES else "LOC" if key in _LOC_CUES else ""
        if cue:
            own.append("cue=" + cue)
        if shape == "deva" and is_acronym(key):
            own.append("acro")
            ctx.append("acro")
        return WordFeatures(key, own, ctx, cue)

    def word(self, word: str) -> WordFeatures:
        """``describe`` through a cache (news repeats its words)."""
        hit = self._own.get(word)
        if hit is None:
            hit = self.describe(word)
            if len(self._own) < 500_000:
                self._own[word] = hit
        return hit

    @staticmethod
    def pairs(
        keys: Sequence[str], cues: Sequence[str], only: PairWords | None = None
    ) -> dict[int, list[str]]:
        """The features of the positions that have features depending on more than one
        word: the nearest head-noun cue up to 4 words ahead (not across a
        postposition), a cue just before, and word bigrams with the neighbours (with
        ``only``, just the bigrams a model can know)."""
        n = len(keys)
        out: defaultdict[int, list[str]] = defaultdict(list)
        if any(cues):
            nearest = -1
            for j in range(n - 1, 0, -1):
                if cues[j]:
                    nearest = j
                elif keys[j] in _CUE_STOPS:
                    nearest = -1
                if nearest >= 0 and nearest - (j - 1) <= 4:
                    out[j - 1].append(f"cue+{nearest - j + 1}={cues[nearest]}")
            for i in range(1, n):
                if cues[i - 1]:
                    out[i].append("cue-1=" + cues[i - 1])
        # one template after the other, so each position keeps the order above
        bigrams = list(zip(keys, keys[1:], strict=False))
        for j in _matching(bigrams, only and only.after):
            out[j + 1].append(f"{_AFTER}{keys[j]}|{keys[j + 1]}")
        for j in _matching(bigrams, only and only.before):
            out[j].append(f"{_BEFORE}{keys[j]}|{keys[j + 1]}")
        around = list(zip([k[-2:] for k in keys], keys[2:], strict=False))
        for j in _matching(around, only and only.around):
            out[j + 1].append(f"{_AROUND}{around[j][0]}|{keys[j + 2]}")
        return out

    def sentence(self, words: Sequence[str]) -> list[list[str]]:
        """The CRF attributes of each word of a sentence."""
        info = [self.word(w) for w in words]
        n = len(words)
        pairs = self.pairs([x.key for x in info], [x.cue for x in info])
        feats: list[list[str]] = []
        for i, x in enumerate(info):
            f = ["bias", *x.own]
            for d in _OFFSETS:
                j = i + d
                if 0 <= j < n:
                    f.extend(f"{d}:{c}" for c in info[j].ctx)
                else:
                    f.append(f"{d}:edge")
            f.extend(pairs.get(i, ()))
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


def _cqdb_strings(data: bytes, offset: int) -> list[str]:
    """The strings of a CQDB block of a crfsuite model, by id (its backward array)."""
    magic, _, _, _, count, backward = struct.unpack_from("<4sIIIII", data, offset)
    if magic != b"CQDB":
        raise ValueError(f"no CQDB string table at offset {offset}")
    out: list[str] = []
    for i in range(count):
        (record,) = struct.unpack_from("<I", data, offset + backward + 4 * i)
        _, size = struct.unpack_from("<II", data, offset + record)
        out.append(data[offset + record + 8 : offset + record + 7 + size].decode("utf-8"))
    return out


def read_state_weights(path: Path) -> tuple[list[str], dict[str, list[float]]]:
    """(labels, attribute → its weight for each label) of a crfsuite model file.

    Read from the binary file itself (header, ``FEAT`` chunk, CQDB string tables)
    because ``Tagger.info()`` prints weights with six decimals, and the scores built
    from them must add up to crfsuite's own to within rounding."""
    data = path.read_bytes()
    header = struct.unpack_from("<4sI4sIIIIIIIII", data, 0)
    if header[0] != b"lCRF" or header[2] != b"FOMC":
        raise ResourceError(f"{path}: not a crfsuite CRF1d model")
    off_features, off_labels, off_attrs = header[7], header[8], header[9]
    try:
        labels = _cqdb_strings(data, off_labels)
        attrs = _cqdb_strings(data, off_attrs)
    except (ValueError, struct.error) as err:
        raise ResourceError(f"{path}: damaged crfsuite model ({err})") from err
    chunk, _, count = struct.unpack_from("<4sII", data, off_features)
    if chunk != b"FEAT":
        raise ResourceError(f"{path}: damaged crfsuite model (no FEAT chunk)")
    weights: dict[str, list[float]] = {}
    for kind, src, dst, weight in struct.iter_unpack(
        "<IIId", data[off_features + 12 : off_features + 12 + 20 * count]
    ):
        if kind == 0:  # state feature (attribute, label); 1 is a transition
            weights.setdefault(attrs[src], [0.0] * len(labels))[dst] = weight
    return labels, weights


class NerModel:
    """A loaded CRF tagger. ``tag`` takes words and returns BIO tags.

    crfsuite scores a token by adding, for each attribute handed to it, the
    attribute's value times its weight for each label. Converting ~35 attribute
    strings per token and looking each up in the model cost most of the tagging time,
    so ``tag`` adds the weights itself, once per word type for the features of a word
    and of its neighbours, and hands crfsuite one *carrier* attribute per label but
    the first (an attribute whose only weight is for that label) valued score / weight.
    crfsuite then runs Viterbi and the marginals on the same scores, up to last-bit
    rounding (the additions come in another order), so the tags are the same.

    The per-word scores live in one numpy table, a row block per word type: its own
    score and what it lends the words at each of ``_OFFSETS``; block 0 is the sentence
    edge. A sentence's scores are then one gather and four shifted additions, however
    long it is.
    """

    _MAX_WORDS = 1 << 18
    """Word types kept in the table (63 MB); past that it starts again from empty."""

    def __init__(self, path: Path = MODEL_PATH, lexicon: Path = LEXICON_PATH) -> None:
        if not path.is_file():
            raise ResourceError(
                f"{path}: NER model missing. It ships with the package; rebuild it with "
                "`python scripts/train_ner.py` (needs ../shared/data/ner/)."
            )
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(path))
        self.featurizer = Featurizer(load_lexicon(lexicon))
        labels, weights = read_state_weights(path)
        # the first label's score is subtracted from every label's: the same constant
        # at a position changes neither the best path nor the marginals, and that
        # label then needs no carrier
        carriers: list[tuple[float, str]] = [(0.0, "")] * len(labels)
        for attr, row in weights.items():
            used = [y for y, w in enumerate(row) if w]
            if len(used) == 1 and used[0] and abs(row[used[0]]) > carriers[used[0]][0]:
                carriers[used[0]] = (abs(row[used[0]]), attr)
        if not all(attr for _, attr in carriers[1:]):
            raise ResourceError(f"{path}: a label has no attribute of its own to carry scores")
        scale = [weights[attr][y] for y, (_, attr) in enumerate(carriers) if y]
        self._carriers = [attr.encode("utf-8") for _, attr in carriers[1:]]
        k = len(self._carriers)
        self._weights = {
            attr: [(w - row[0]) / s for w, s in zip(row[1:], scale, strict=True)]
            for attr, row in weights.items()
        }
        self._pairs = PairWords.of(weights)
        # every feature as a row block like a word's (below): an attribute's scores as
        # a word's own feature in block 0, a context feature's at each of _OFFSETS in
        # blocks 1…4, so that a new word's block is one sum and its context features
        # need no "-2:…" strings
        self._own_ids = {attr: i for i, attr in enumerate(self._weights)}
        self._lent_ids: dict[str, int] = {}
        lent: list[tuple[int, int, list[float]]] = []
        for attr, row in self._weights.items():
            offset, colon, feature = attr.partition(":")
            if colon and offset in _OFFSET_NAMES:
                at = self._lent_ids.setdefault(feature, len(self._own_ids) + len(self._lent_ids))
                lent.append((at, 1 + _OFFSET_NAMES[offset], row))
        size = len(self._own_ids) + len(self._lent_ids)
        self._features = np.zeros((size, 1 + len(_OFFSETS), k))
        self._features[: len(self._own_ids), 0] = list(self._weights.values())
        for at, block, row in lent:
            self._features[at, block] = row
        self._table = np.zeros((1024, 1 + len(_OFFSETS), k))
        """Row block per word type: own scores (bias included), then those it lends the
        words at each of ``_OFFSETS``; block 0 is the sentence edge."""
        self._rows: dict[str, int] = {}
        self._keys = [""]
        self._cues = [""]
        """Folded word and head-noun cue of each row block."""
        for i, d in enumerate(_OFFSETS):
            self._table[0, 1 + i] = self._weights.get(f"{d}:edge", 0.0)

    def _add(self, word: str) -> int:
        """The row block of a new word, filled in (the table grows as needed)."""
        f = self.featurizer.describe(word)
        row = len(self._keys)
        if row == len(self._table):
            self._table = np.concatenate([self._table, np.zeros_like(self._table)])
        ids = [*map(self._own_ids.get, ["bias", *f.own]), *map(self._lent_ids.get, f.ctx)]
        # blocks added one after the other along axis 0, as sum() did before numpy,
        # so that no score moves by a rounding bit (the zeros add nothing)
        self._table[row] = np.add.reduce(
            self._features.take([i for i in ids if i is not None], axis=0)
        )
        self._rows[word] = row
        self._keys.append(f.key)
        self._cues.append(f.cue)
        return row

    def scores(self, words: Sequence[str]) -> np.ndarray:
        """Each word's score for each label (in carrier units), as crfsuite would add
        them up from ``Featurizer.sentence``: one row per word."""
        if len(self._keys) + len(words) > self._MAX_WORDS:
            self._rows.clear()
            del self._keys[1:], self._cues[1:]
        known = self._rows.get
        rows = [known(w) or self._add(w) for w in words]
        # two edge blocks either side: word i sees the blocks i-2 … i+2 of this
        g = self._table.take([0, 0, *rows, 0, 0], axis=0)
        total = (g[2:-2, 0] + g[:-4, 1]) + (g[1:-3, 2] + g[3:-1, 3]) + g[4:, 4]
        keys = list(map(self._keys.__getitem__, rows))
        cues = list(map(self._cues.__getitem__, rows))
        ids = self._own_ids.get
        for i, attrs in self.featurizer.pairs(keys, cues, self._pairs).items():
            for attr in attrs:
                at = ids(attr)
                if at is not None:
                    total[i] += self._features[at, 0]
        return total

    def tag(self, words: Sequence[str]) -> list[str]:
        if not words:
            return []
        # zip stops at the end of the carriers before it takes from ``scores``, so
        # each item gets the next k scores (a flat list is cheaper than one per row)
        scores = iter(self.scores(words).ravel().tolist())
        items = [dict(zip(self._carriers, scores, strict=False)) for _ in words]
        return list(self._tagger.tag(items))

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
