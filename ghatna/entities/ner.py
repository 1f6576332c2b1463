"""Statistical Hindi NER, for names the knowledge base does not know.

The gazetteer finds every actor the KB lists; this model exists for the rest (a new
minister, a local official, a town). It is an ensemble of small convolutional networks
with a CRF layer, trained on CPU by ``scripts/train_ner.py`` (PyTorch, at training time
only) from IL-NER (+ HiNER validation) and run here in numpy from the arrays it exports:
no torch and no run-time download. A word is the sum of the embeddings of generic features
(word, affixes, shape, flags, lexicon classes, a distributional vector) so that unseen
names still look like names; see ``ghatna/entities/model/MODEL_CARD.md`` for its scores.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain, repeat
from pathlib import Path
from typing import NamedTuple

import numpy as np
from threadpoolctl import ThreadpoolController

from ghatna.clean.normalize import fold
from ghatna.errors import ResourceError

MODEL_PATH = Path(__file__).parent / "model" / "ner.npz"

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
"""Head nouns that end organisation names (``… मंत्रालय``, ``… आयोग``): a word's
``cue=ORG`` feature, which the network's convolutions pass on to the words before."""
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


def is_initial(word: str) -> bool:
    """``word`` is an initial: one Latin letter, or its Hindi name (``के`` in ``के
    पलानीस्वामी``, ``एस`` in ``एस जयशंकर``), with or without a full stop."""
    word = word.rstrip(".")
    return (len(word) == 1 and word.isascii() and word.isalpha()) or fold(word) in _LETTER_NAMES


LEXICON_PATH = Path(__file__).parent / "model" / "ner_lexicon.tsv.gz"
"""Word → lexical classes used as features, built at training time (see MODEL_CARD.md):
``pnN`` (hindiPOS proper-noun share, bucket 0–4), ``kbPER/kbLOC/kbORG`` (a token of a KB
alias of that kind), ``cK_N`` (word clusters), ``tB-PER``… (the word's usual tag in the
training data)."""


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


class Featurizer:
    """The input features of a word, the same at training and prediction. They do not
    depend on the sentence: the network's convolutions see the neighbours."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or {}

    def inputs(self, word: str) -> list[str]:
        """Feature names of ``word``: its folded form, affixes, shape and length, the
        lexicon's classes, flags (postposition, title, a name honorific that follows
        names, an organisation or place head noun, an acronym spelt in letter names)
        and ``v=`` + the folded form, for its distributional vector."""
        key = fold(word)
        shape = _shape(word)
        lex = self.lexicon.get(key, ())
        out = [
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
            "v=" + key,
        ]
        out.extend("L=" + c for c in lex)
        if not lex and shape == "deva":
            out.append("L=none")
        if key in _POSTPOSITIONS:
            out.append("post")
        if key.rstrip(".") in _TITLES:
            out.append("title")
        if key in _NAME_HONORIFICS_AFTER:
            out.append("hon")
        if key in _ORG_CUES:
            out.append("cue=ORG")
        elif key in _LOC_CUES:
            out.append("cue=LOC")
        if shape == "deva" and is_acronym(key):
            out.append("acro")
        return out


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


class Tagged(NamedTuple):
    """A sentence as :meth:`NerModel.tag_sentences` tags it."""

    tags: list[str]
    marginals: list[float] | None
    """The probability of each position's tag given the sentence, or None when every
    tag is O (then not computed)."""


_BLAS = ThreadpoolController()
"""numpy's BLAS library, whose threads ``NerModel.tag_sentences`` limits to one."""
_SEPARATOR = (None, None)
"""Two rows of zeros between the sentences of a batch (the convolutions' padding)."""
_NEW_WORDS_AT_ONCE = 1024
"""New words whose feature rows are gathered in one array."""


class NerModel:
    """A loaded tagger. ``tag`` takes words and returns BIO tags; ``tag_sentences``
    tags many sentences at once, with the same tags and marginals.

    The model (``scripts/train_ner.py``) is a few networks trained alike from different
    seeds, whose tag scores are averaged (one network's scores vary with its seed by a
    few points of F1; their mean varies less and scores higher). In each network a word
    is tanh of the sum of its features' embeddings, computed once per word type and
    kept in a table; residual convolutions of width 3 (each ``x += relu([x₋₁ x x₊₁] · W
    + b)``) mix in the neighbours; a linear layer gives each word's tag scores. A CRF
    layer (the mean of the networks' transition scores, no start or end scores) picks
    the best sequence by Viterbi and gives marginals by forward-backward. The
    sentences of a document are laid one after the other with two rows of zeros
    between them, so each layer is one matrix product for all of them, and the Viterbi
    and forward-backward passes are a few numpy calls a step for all of them.
    """

    _MAX_WORDS = 1 << 16
    """Word types kept in the table (48 MB for three networks of width 64); past that
    it starts again from empty (checked once per call, before the call's new words are
    added)."""

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
        try:
            with np.load(path) as arrays:
                labels = arrays["labels"].tolist()
                names = arrays["features"].tolist()
                embed = arrays["embed"]
                scale = arrays["scale"].astype(np.float32)
                if embed.dtype != np.int8 or scale.shape != embed.shape[:2]:
                    raise ValueError("embeddings are not int8 with a scale per row")
                self._convs = arrays["convs"].astype(np.float32)
                self._conv_bias = arrays["conv_bias"].astype(np.float32)
                self._out = arrays["out"].astype(np.float32)
                self._out_bias = arrays["out_bias"].astype(np.float32)
                transitions = arrays["transitions"].astype(np.float64)
        except (OSError, ValueError, KeyError) as exc:
            raise ResourceError(f"{path}: not a ghatna NER model ({exc})") from exc
        self.featurizer = Featurizer(load_lexicon(lexicon))
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
        self._ids = {name: i for i, name in enumerate(names)}
        self._embed = np.concatenate([embed, np.zeros((1, *embed.shape[1:]), np.int8)])
        """Feature → network → embedding, int8 (a quarter of the memory of float32: they
        are read only for new words); the last feature, zeros, for features the model
        lacks."""
        self._scale = np.concatenate([scale, np.zeros((1, scale.shape[1]), np.float32)])
        """Feature → network → the factor of its int8 embedding."""
        self._table = np.zeros((1024, *embed.shape[1:]), np.float32)
        """Row per word type: for each network, tanh of the sum of its features'
        embeddings; row 0, zeros, is the gap between two sentences."""
        self._rows: dict[str | None, int] = {}
        """Word → its row; None → 0 (so its length is the rows in use)."""
        self._restart()

    def _restart(self) -> None:
        """An empty table: the gap row only."""
        self._rows.clear()
        self._rows[None] = 0

    def _add(self, words: Sequence[str]) -> None:
        """Rows for new words, filled in (the table grows as needed)."""
        for at in range(0, len(words), _NEW_WORDS_AT_ONCE):
            self._add_some(words[at : at + _NEW_WORDS_AT_ONCE])

    def _add_some(self, words: Sequence[str]) -> None:
        first = len(self._rows)
        end = first + len(words)
        while end > len(self._table):
            self._table = np.concatenate([self._table, np.zeros_like(self._table)])
        none = len(self._embed) - 1
        ids = [[self._ids.get(f, none) for f in self.featurizer.inputs(w)] for w in words]
        # one padded gather (padding: the zero row) and one sum
        width = max(map(len, ids))
        at = np.full((len(ids), width), none)
        at[np.arange(width) < np.array(list(map(len, ids)))[:, None]] = list(
            chain.from_iterable(ids)
        )
        found = self._embed.take(at, axis=0) * self._scale.take(at, axis=0)[..., None]
        np.tanh(found.sum(axis=1), out=self._table[first:end])
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
        """The table rows of ``words`` (None: the gap), adding the new words."""
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
        """The tag scores (less the first label's, which changes neither the best path
        nor the marginals) of non-empty sentences one after the other, two rows of no
        use between two sentences: sentence k starts at row
        ``sum(len(s) + 2 for s in sentences[:k])``."""
        flat: list[str | None] = [*_SEPARATOR]
        for words in sentences:
            flat += words
            flat += _SEPARATOR
        at = self._row_array(flat)
        x = self._table.take(at, axis=0).transpose(1, 0, 2).copy()  # network, word, dim
        gap = at == 0
        for layer in range(self._convs.shape[1]):
            y = np.concatenate((x[:, :-2], x[:, 1:-1], x[:, 2:]), axis=2) @ self._convs[:, layer]
            y += self._conv_bias[:, layer, None]
            x[:, 1:-1] += np.maximum(y, 0.0, out=y)
            x[:, gap] = 0.0
        scores = (x[:, 2:-2] @ self._out).mean(axis=0)
        scores += self._out_bias.mean(axis=0)
        return (scores[:, 1:] - scores[:, :1]).astype(np.float64)

    def tag(self, words: Sequence[str]) -> list[str]:
        """The tags of one sentence (``tag_sentences`` is faster on many)."""
        return self.tag_sentences([words])[0].tags

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[Tagged]:
        """The tags of each sentence and, for a sentence with an entity, each tag's
        marginal probability. Meant for a document's sentences at once: each layer is
        one matrix product for all of them, and each step of the Viterbi and
        forward-backward passes a few numpy calls for all of them (as many steps as
        the longest sentence has words).

        The matrix products run on one BLAS thread: a document's are too small for a
        second thread to gain anything, and in a pool of worker processes every
        worker's BLAS threads would fight for the same cores (ingest with two workers
        on two cores ran three times slower)."""
        out: list[Tagged] = []
        group: list[Sequence[str]] = []
        longest = 0
        with _BLAS.limit(limits=1, user_api="blas"):
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
        """The best paths of sentences in decreasing length,
        as (step, sentence) labels; ``state`` is (step, label, sentence)."""
        steps, _, count = state.shape
        ends = self._ends(lengths)
        trans = self._transitions
        moves = trans[:, :, None].copy()  # (previous label, label, 1)
        score = np.empty_like(state)
        score[0] = state[0]
        both = np.empty((len(trans), *score[0].shape))
        for t in range(1, steps):
            # previous score plus transition, the
            # best of these over the previous label, plus the state score
            np.add(score[t - 1, :, None], moves, out=both)
            np.maximum.reduce(both, axis=0, out=score[t])
            score[t] += state[t]
        # back from the end: the back link is the first best previous label,
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
