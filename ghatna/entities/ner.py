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
from itertools import chain, repeat
from pathlib import Path
from typing import NamedTuple

import numpy as np

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
    def pairs(keys: Sequence[str], cues: Sequence[str]) -> dict[int, list[str]]:
        """The features of the positions that have features depending on more than one
        word: the nearest head-noun cue up to 4 words ahead (not across a
        postposition), a cue just before, and word bigrams with the neighbours."""
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
        for j in range(n - 1):
            out[j + 1].append(f"{_AFTER}{keys[j]}|{keys[j + 1]}")
        for j in range(n - 1):
            out[j].append(f"{_BEFORE}{keys[j]}|{keys[j + 1]}")
        for j in range(n - 2):
            out[j + 1].append(f"{_AROUND}{keys[j][-2:]}|{keys[j + 2]}")
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


def read_model_weights(path: Path) -> tuple[list[str], dict[str, list[float]], np.ndarray]:
    """(labels, attribute → its weight for each label, transition weights) of a
    crfsuite model file; ``transitions[a, b]`` is the weight of label ``a`` followed by
    ``b`` (0 where the model has none).

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
    transitions = np.zeros((len(labels), len(labels)))
    try:
        for kind, src, dst, weight in struct.iter_unpack(
            "<IIId", data[off_features + 12 : off_features + 12 + 20 * count]
        ):
            if kind == 0:  # state feature (attribute, label)
                weights.setdefault(attrs[src], [0.0] * len(labels))[dst] = weight
            elif kind == 1:  # transition (label, next label)
                transitions[src, dst] = weight
    except (IndexError, struct.error) as err:
        raise ResourceError(f"{path}: damaged crfsuite model ({err})") from err
    return labels, weights, transitions


class Tagged(NamedTuple):
    """A sentence as :meth:`NerModel.tag_sentences` tags it."""

    tags: list[str]
    marginals: list[float] | None
    """The probability of each position's tag (crfsuite's ``Tagger.marginal(tags[i],
    i)``), or None when every tag is O (then not computed)."""


_SEPARATOR = (None, None)
"""Two edge blocks between the sentences of a batch: a word sees two words either side."""
_CUE_CODES = {"": 0, "ORG": 1, "LOC": 2}
_AHEAD = np.arange(1, 5)
"""The distances of the ``cue+d`` features."""
_NEW_WORDS_AT_ONCE = 1024
"""New words whose feature blocks are gathered in one array (~10 kB each)."""


def _row_sums(table: np.ndarray, rows: list[list[int]], out: np.ndarray) -> None:
    """Into ``out[k]``, the sum of the rows ``rows[k]`` of ``table``, added one after
    the other as ``sum()`` would (numpy's inner loop runs over a row's scores, not
    along the sum), so that no score moves by a rounding bit; the last row of
    ``table`` is zeros (features the model lacks, and the padding after a shorter
    list)."""
    if len(rows) < 8:  # a sentence's few new words: fewer numpy calls
        for k, row in enumerate(rows):
            np.add.reduce(table.take(row, axis=0), axis=0, out=out[k])
        return
    lengths = np.array(list(map(len, rows)))
    width = max(1, int(lengths.max()))
    at = np.full((len(rows), width), len(table) - 1)
    at[np.arange(width) < lengths[:, None]] = list(chain.from_iterable(rows))
    np.add.reduce(table.take(at, axis=0), axis=1, out=out)


class NerModel:
    """A loaded CRF tagger. ``tag`` takes words and returns BIO tags; ``tag_sentences``
    tags many sentences at once, with the same tags and marginals.

    crfsuite scores a token by adding, for each attribute of it, the attribute's
    weight for each label. Converting ~35 attribute strings per token and looking each
    up in the model cost most of the tagging time, so the model adds the weights
    itself (read exactly from the model file), once per word type for the features of a
    word and of its neighbours, and runs crfsuite's Viterbi and forward-backward in
    numpy over all the sentences at once, with crfsuite's additions, comparisons and
    tie-breaking (the first best label): the tags are crfsuite's (a test compares them
    with crfsuite's own on the same attributes) and the marginals agree to 1e-12.
    Scores are kept as differences from the first label's, which needs none: the same
    constant at a position changes neither the best path nor the marginals.

    The per-word scores live in one numpy table, a row block per word type: its own
    score and what it lends the words at each of ``_OFFSETS``; block 0 is the sentence
    edge. A batch's scores are then one gather and four shifted additions, however
    many sentences it has; the features of word pairs are found by integer codes.
    """

    _MAX_WORDS = 1 << 18
    """Word types kept in the table (63 MB); past that it starts again from empty
    (checked once per call, before the call's new words are added)."""

    _BATCH_POSITIONS = 1 << 16
    """Sentences × words of the longest tagged at once (the arrays of the Viterbi and
    forward-backward passes hold 7 or 14 floats per position); a longer list of
    sentences is split, in order."""

    def __init__(self, path: Path = MODEL_PATH, lexicon: Path = LEXICON_PATH) -> None:
        if not path.is_file():
            raise ResourceError(
                f"{path}: NER model missing. It ships with the package; rebuild it with "
                "`python scripts/train_ner.py` (needs ../shared/data/ner/)."
            )
        self.featurizer = Featurizer(load_lexicon(lexicon))
        labels, weights, transitions = read_model_weights(path)
        self.labels = labels
        self._names = np.array(labels, dtype=object)
        self._transitions = transitions
        trans = np.exp(transitions)
        # a step of the forward or backward sums multiplies them by at most labels ·
        # max(trans), at least min(trans) (a state is at most 1): rescaled every few
        # steps, they stay within e^±200
        grow = max(np.log(len(labels)) + transitions.max(), -transitions.min(), 1.0)
        self._sum_steps = (np.stack([trans.T, trans]), max(1, int(200 / grow)))
        """Transitions of the forward and the backward sums, and how often to rescale."""
        k = len(labels) - 1
        self._weights = {attr: [w - row[0] for w in row[1:]] for attr, row in weights.items()}
        # every feature as a row block like a word's (below): an attribute's scores as
        # a word's own feature in block 0, a context feature's at each of _OFFSETS in
        # blocks 1…4, so that a new word's block is one sum and its context features
        # need no "-2:…" strings; the last block is zeros (features the model lacks)
        self._own_ids = {attr: i for i, attr in enumerate(self._weights)}
        self._lent_ids: dict[str, int] = {}
        lent: list[tuple[int, int, list[float]]] = []
        for attr, row in self._weights.items():
            offset, colon, feature = attr.partition(":")
            if colon and offset in _OFFSET_NAMES:
                at = self._lent_ids.setdefault(feature, len(self._own_ids) + len(self._lent_ids))
                lent.append((at, 1 + _OFFSET_NAMES[offset], row))
        self._no_feature = len(self._own_ids) + len(self._lent_ids)
        self._features = np.zeros((self._no_feature + 1, 1 + len(_OFFSETS), k))
        self._features[: len(self._own_ids), 0] = list(self._weights.values())
        for at, block, row in lent:
            self._features[at, block] = row
        self._own_scores = self._features[:, 0].copy()
        """Block 0 of ``_features``: the features of pairs of words add these."""
        self._pair_features()
        self._table = np.zeros((1024, 1 + len(_OFFSETS), k))
        """Row block per word type: own scores (bias included), then those it lends the
        words at each of ``_OFFSETS``; block 0 is the sentence edge."""
        self._word_ids = np.zeros((1024, 4), dtype=np.int64)
        """Per row block: the word's id in ``_pair_words``, its last two letters' id in
        ``_pair_ends``, its head-noun cue (``_CUE_CODES``), 1 for a cue stop."""
        self._rows: dict[str | None, int] = {}
        """Word → its row block; None → 0, the edge (so its length is the blocks in
        use)."""
        self._restart()
        for i, d in enumerate(_OFFSETS):
            self._table[0, 1 + i] = self._weights.get(f"{d}:edge", 0.0)

    def _pair_features(self) -> None:
        """Integer codes of the word pairs of the bigram features: a word (its folded
        key) is a number in ``_pair_words`` (one more than the last for any other word)
        and the last two letters of the word before in ``_pair_ends``, a pair is
        ``first * size + second``. Every split of a feature at a ``|`` is kept: a word
        may itself be ``|``, and the split that is not the two words of a pair still
        names that feature, as its string would be the same."""
        words: dict[str, int] = {}
        ends: dict[str, int] = {}
        found: dict[str, list[tuple[str, str, int]]] = {_AFTER: [], _BEFORE: [], _AROUND: []}
        for attr, at in self._own_ids.items():
            for template, pairs in found.items():
                if attr.startswith(template):
                    rest = attr[len(template) :]
                    pairs.extend(
                        (rest[:i], rest[i + 1 :], at) for i, c in enumerate(rest) if c == "|"
                    )
        for template, pairs in found.items():
            firsts = ends if template == _AROUND else words
            for first, second, _ in pairs:
                firsts.setdefault(first, len(firsts))
                words.setdefault(second, len(words))
        self._pair_words, self._pair_ends = words, ends
        size = len(words) + 1
        self._pair_size = size
        # the templates one after the other: _AFTER's codes, _BEFORE's + span, …
        span = (max(len(words), len(ends)) + 1) * size
        self._pair_span = span
        codes: list[int] = []
        ids: list[int] = []
        for k, (template, pairs) in enumerate(found.items()):
            firsts = ends if template == _AROUND else words
            codes += [k * span + firsts[a] * size + words[b] for a, b, _ in pairs]
            ids += [at for _, _, at in pairs]
        order = np.argsort(codes, kind="stable")
        # a last code above any pair's: a search never runs past the end
        self._pair_codes = np.append(np.array(codes, dtype=np.int64)[order], np.iinfo(np.int64).max)
        self._pair_ids = np.append(np.array(ids, dtype=np.int64)[order], -1)
        """The codes of the bigram features, sorted, and their feature ids."""
        self._cue_ids = np.full((len(_CUE_CODES), 6), -1, dtype=np.int64)
        """Feature id of ``cue+d=…`` at [cue code, d] (d = 1…4) and ``cue-1=…`` at
        [cue code, 5]; -1 where the model has none."""
        for name, code in _CUE_CODES.items():
            if name:
                for d in range(1, 5):
                    self._cue_ids[code, d] = self._own_ids.get(f"cue+{d}={name}", -1)
                self._cue_ids[code, 5] = self._own_ids.get(f"cue-1={name}", -1)

    def _restart(self) -> None:
        """An empty table: the edge block only."""
        self._rows.clear()
        self._rows[None] = 0
        self._word_ids[0] = (len(self._pair_words), len(self._pair_ends), 0, 1)

    def _add(self, words: Sequence[str]) -> None:
        """Row blocks for new words, filled in (the table grows as needed)."""
        for at in range(0, len(words), _NEW_WORDS_AT_ONCE):
            self._add_some(words[at : at + _NEW_WORDS_AT_ONCE])

    def _add_some(self, words: Sequence[str]) -> None:
        described = list(map(self.featurizer.describe, words))
        own, lent, none = self._own_ids.get, self._lent_ids.get, repeat(self._no_feature)
        first = len(self._rows)
        end = first + len(words)
        while end > len(self._table):
            self._table = np.concatenate([self._table, np.zeros_like(self._table)])
        while end > len(self._word_ids):
            self._word_ids = np.concatenate([self._word_ids, np.zeros_like(self._word_ids)])
        _row_sums(
            self._features,
            [[*map(own, ["bias", *f.own], none), *map(lent, f.ctx, none)] for f in described],
            self._table[first:end],
        )
        pair_words, pair_ends = self._pair_words, self._pair_ends
        no_word, no_end = len(pair_words), len(pair_ends)
        self._word_ids[first:end] = [
            (
                pair_words.get(f.key, no_word),
                pair_ends.get(f.key[-2:], no_end),
                _CUE_CODES[f.cue],
                f.key in _CUE_STOPS,
            )
            for f in described
        ]
        self._rows.update(zip(words, range(first, end), strict=True))

    def _learn(self, words: Sequence[str | None], new: list[str]) -> bool:
        """Add ``new``, the new words among ``words``; when the table would pass
        ``_MAX_WORDS``, start again (True) and add all of ``words``."""
        if len(self._rows) + len(new) > self._MAX_WORDS:
            self._restart()
            self._add(list(dict.fromkeys(w for w in words if w is not None)))
            return True
        self._add(new)
        return False

    def _row_array(self, words: Sequence[str | None]) -> np.ndarray:
        """``_rows_of`` as an array, and None for the edge."""
        get = self._rows.get
        rows = np.fromiter(map(get, words, repeat(-1)), dtype=np.intp, count=len(words))
        new = np.flatnonzero(rows < 0)
        if len(new):
            found = [words[i] for i in new.tolist()]
            if self._learn(words, list(dict.fromkeys(found))):  # type: ignore[arg-type]
                return np.fromiter(map(get, words), dtype=np.intp, count=len(words))
            rows[new] = list(map(get, found))
        return rows

    def _batch_scores(self, sentences: Sequence[Sequence[str]]) -> np.ndarray:
        """The scores (less the first label's) of non-empty sentences one after the other,
        two rows of no use between two sentences: sentence k starts at row
        ``sum(len(s) + 2 for s in sentences[:k])``."""
        flat: list[str | None] = [*_SEPARATOR]
        for words in sentences:
            flat += words
            flat += _SEPARATOR
        at = self._row_array(flat)
        # word i sees the blocks i-2 … i+2 of this
        g = self._table.take(at, axis=0)
        total = (g[2:-2, 0] + g[:-4, 1]) + (g[1:-3, 2] + g[3:-1, 3]) + g[4:, 4]
        self._add_pairs(total, self._word_ids.take(at[2:-2], axis=0))
        return total

    def _add_pairs(self, total: np.ndarray, ids: np.ndarray) -> None:
        """Add to ``total`` the features of ``Featurizer.pairs`` (``ids``: the
        ``_word_ids`` of its rows), in the same order: at each position, a head-noun
        cue ahead, a cue just before, then the three bigrams; within each of these
        five, a position has at most one feature. The rows between two sentences are
        cue stops and in no pair."""
        own = self._own_scores
        cues = ids[:, 2]
        if cues.any():
            # a cue at q gives cue+d to p = q - d (d ≤ 4) when no cue or stop lies in
            # p+1 … q-1: when q is the next of those after p
            marks = np.flatnonzero(cues | ids[:, 3])
            at = np.flatnonzero(cues)
            before = marks.searchsorted(at)
            previous = np.where(before > 0, marks[before - 1], 0)
            found = self._cue_ids[cues[at]]
            where = at[:, None] - _AHEAD
            ok = (where >= previous[:, None]) & (found[:, 1:5] >= 0)
            total[where[ok]] += own.take(found[:, 1:5][ok], axis=0)
            ok = (at + 1 < len(total)) & (found[:, 5] >= 0)
            total[at[ok] + 1] += own.take(found[ok, 5], axis=0)
        words = ids[:, 0]
        size, span = self._pair_size, self._pair_span
        pairs = words[:-1] * size + words[1:]
        n = len(pairs)
        codes = np.concatenate((pairs, pairs + span, ids[:-2, 1] * size + words[2:] + 2 * span))
        i = self._pair_codes.searchsorted(codes)
        hits = np.flatnonzero(self._pair_codes[i] == codes)
        if len(hits):
            features = self._pair_ids[i[hits]]
            a, b = hits.searchsorted((n, 2 * n)).tolist()
            # _AFTER at the pair's second word, _BEFORE at its first, _AROUND between
            for part, to in ((slice(0, a), 1), (slice(a, b), -n), (slice(b, None), 1 - 2 * n)):
                if part.start != part.stop:
                    total[hits[part] + to] += own.take(features[part], axis=0)

    def tag(self, words: Sequence[str]) -> list[str]:
        """The tags of one sentence (``tag_sentences`` is faster on many)."""
        return self.tag_sentences([words])[0].tags

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[Tagged]:
        """The tags of each sentence and, for a sentence with an entity, each tag's
        marginal probability (as crfsuite gives them, to within 1e-12 or so). Meant for
        a document's sentences at once: each step of the Viterbi and forward-backward
        passes is a few numpy calls for all of them, and there are as many steps as the
        longest sentence has words."""
        out: list[Tagged] = []
        group: list[Sequence[str]] = []
        longest = 0
        for words in sentences:
            if group and (len(group) + 1) * max(longest, len(words)) > self._BATCH_POSITIONS:
                out += self._tag_group(group)
                group, longest = [], 0
            group.append(words)
            longest = max(longest, len(words))
        return out + self._tag_group(group)

    def _tag_group(self, sentences: Sequence[Sequence[str]]) -> list[Tagged]:
        """``tag_sentences`` of sentences tagged at once."""
        full = [k for k, words in enumerate(sentences) if words]
        out = [Tagged([], None) for _ in sentences]
        if not full:
            return out
        lengths = np.array([len(sentences[k]) for k in full])
        total = self._batch_scores([sentences[k] for k in full])
        starts = np.cumsum(lengths + 2) - (lengths + 2)
        # longest first: the sentences that end at a step are next to each other
        order = np.argsort(-lengths, kind="stable")
        lengths, starts = lengths[order], starts[order]
        steps = int(lengths[0])
        at = np.minimum(np.arange(steps)[:, None] + starts, len(total) - 1)
        # (step, label, sentence); past its end a sentence has the scores of the words
        # after it, which no result sees
        state = np.zeros((steps, len(self.labels), len(full)))
        state[:, 1:] = total[at].transpose(0, 2, 1)
        best = self._viterbi(state, lengths)
        names = self.labels
        o = names.index("O") if "O" in names else -1
        inside = np.arange(steps)[:, None] < lengths
        named = np.flatnonzero(((best != o) & inside).any(axis=0))
        probs: dict[int, list[float]] = {}
        if len(named):
            steps = int(lengths[named[0]])
            found = self._marginals(state[:steps, :, named], best[:steps, named], lengths[named])
            probs = dict(zip(named.tolist(), found, strict=True))
        tags = self._names.take(best.T[inside.T]).tolist()
        cut = np.cumsum(lengths).tolist()
        for j, (a, b) in enumerate(zip([0, *cut[:-1]], cut, strict=True)):
            out[full[order[j]]] = Tagged(tags[a:b], probs.get(j))
        return out

    @staticmethod
    def _ends(lengths: np.ndarray) -> list[int]:
        """For lengths in decreasing order, the number of them longer than t, for t = 0
        … the longest: the sentences ending at t are ``ends[t+1]:ends[t]``."""
        return (-lengths).searchsorted(-np.arange(int(lengths[0]) + 1)).tolist()

    def _viterbi(self, state: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """crfsuite's best paths (``crf1dc_viterbi``) of sentences in decreasing length,
        as (step, sentence) labels; ``state`` is (step, label, sentence)."""
        steps, _, count = state.shape
        ends = self._ends(lengths)
        trans = self._transitions
        moves = trans[:, :, None].copy()  # (previous label, label, 1)
        score = np.empty_like(state)
        score[0] = state[0]
        both = np.empty((len(trans), *score[0].shape))
        for t in range(1, steps):
            # crfsuite's sums in crfsuite's order: previous score plus transition, the
            # best of these over the previous label, plus the state score
            np.add(score[t - 1, :, None], moves, out=both)
            np.maximum.reduce(both, axis=0, out=score[t])
            score[t] += state[t]
        # back from the end: crfsuite's back link is the first best previous label,
        # and argmax finds it again from the same sums
        best = np.zeros((steps, count), dtype=np.intp)
        label = score[steps - 1].argmax(axis=0)
        best[steps - 1] = label
        for t in range(steps - 2, -1, -1):
            label = (score[t] + trans.take(label, axis=1)).argmax(axis=0)
            a, b = ends[t + 1], ends[t]
            if b > a:  # sentences that end here start from their best label
                label[a:b] = score[t, :, a:b].argmax(axis=0)
            best[t] = label
        return best

    def _marginals(
        self, state: np.ndarray, best: np.ndarray, lengths: np.ndarray
    ) -> list[list[float]]:
        """P(best label) at each position of sentences in decreasing length, by the
        forward and backward sums; ``state`` and ``best`` as in ``_viterbi``. Both
        sums run in one loop, the backward one over the sentences aligned at their last
        words (so that none starts midway). Each state is divided by its best label's
        and the sums are rescaled every few steps, which no marginal sees."""
        steps, labels, count = state.shape
        x = np.exp(state - state.max(axis=1, keepdims=True))
        xs = np.empty((steps, 2, labels, count))
        xs[:, 0] = x
        # step r of the backward sum is word length - 1 - r (before the first word:
        # the first word again, which no result sees)
        back = np.maximum(lengths - 1 - np.arange(steps)[:, None], 0)
        xs[:, 1] = x.transpose(0, 2, 1)[back, np.arange(count)].transpose(0, 2, 1)
        pair, every = self._sum_steps
        before = np.empty_like(xs)  # the sums before the state at the step
        after = np.empty_like(xs)
        before[0] = 1.0
        after[0] = xs[0]
        for r in range(1, steps):
            np.matmul(pair, after[r - 1], out=before[r])
            np.multiply(before[r], xs[r], out=after[r])
            if r % every == 0:
                after[r] /= after[r].sum(axis=1, keepdims=True)
        # sentence by sentence, position by position: forward sum with the state,
        # backward sum without it
        s, t = np.nonzero(np.arange(steps) < lengths[:, None])
        both = after[t, 0, :, s] * before[lengths[s] - 1 - t, 1, :, s]
        p = both[np.arange(len(s)), best[t, s]] / both.sum(axis=1)
        flat = p.tolist()
        cut = np.cumsum(lengths).tolist()
        return [flat[a:b] for a, b in zip([0, *cut[:-1]], cut, strict=True)]


@cache
def load_ner() -> NerModel:
    return NerModel()


def spans_from_tags(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(first token, end token, type) of each entity in a BIO sequence: a span starts
    at a B- tag, or at an I- tag that does not continue one, and runs over the I- tags
    of its type. Work is done at the tags other than "O" only (a sentence has few): an
    "O" ends a span, so does a gap between two of those tags."""
    spans: list[tuple[int, int, str]] = []
    start, kind, last = -1, "", -2
    for i, tag in enumerate(tags):
        if tag == "O":
            continue
        head = tag[:2]
        if start >= 0 and (i != last + 1 or head != "I-" or tag[2:] != kind):
            spans.append((start, last + 1, kind))
            start = -1
        if head == "B-" or (start < 0 and head == "I-"):
            start, kind = i, tag[2:]
        last = i
    if start >= 0:
        spans.append((start, last + 1, kind))
    return spans
