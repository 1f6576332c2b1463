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


class Featurizer:
    """Word features with a per-word cache: the same at training and prediction."""

    def __init__(self, lexicon: Lexicon | None = None, known: set[str] | None = None) -> None:
        self.lexicon = lexicon or {}
        self.known = known
        """Attributes the model has weights for: when given, the others are dropped
        before tagging (crfsuite ignores them anyway, but converting them costs time)."""
        self._own: dict[str, tuple[str, list[str], dict[int, list[str]], str]] = {}

    def word(self, word: str) -> tuple[str, list[str], dict[int, list[str]], str]:
        """(key, features of the word itself, features it lends the word ``d`` places
        away, already prefixed with ``d``, its head-noun cue ``ORG``/``LOC`` or "")."""
        hit = self._own.get(word)
        if hit is not None:
            return hit
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
        lend = {d: [f"{d}:{c}" for c in ctx] for d in (-2, -1, 1, 2)}
        if self.known is not None:
            own = [a for a in own if a in self.known]
            lend = {d: [a for a in attrs if a in self.known] for d, attrs in lend.items()}
        out = (key, own, lend, cue)
        if len(self._own) < 500_000:
            self._own[word] = out
        return out

    def sentence(self, words: Sequence[str]) -> list[list[str]]:
        info = [self.word(w) for w in words]
        n = len(words)
        # the nearest head-noun cue up to 4 words ahead, not across a postposition
        ahead: list[str] = [""] * n
        if any(x[3] for x in info):
            nearest = -1
            for j in range(n - 1, 0, -1):
                if info[j][3]:
                    nearest = j
                elif info[j][0] in _CUE_STOPS:
                    nearest = -1
                if nearest >= 0 and nearest - (j - 1) <= 4:
                    ahead[j - 1] = f"cue+{nearest - j + 1}={info[nearest][3]}"
        feats: list[list[str]] = []
        for i, (key, own, _, _) in enumerate(info):
            f = ["bias", *own]
            for d in (-2, -1, 1, 2):
                j = i + d
                if 0 <= j < n:
                    f.extend(info[j][2][d])
                else:
                    f.append(f"{d}:edge")
            pairs = [ahead[i]] if ahead[i] else []
            if i > 0 and info[i - 1][3]:
                pairs.append("cue-1=" + info[i - 1][3])
            if i > 0:
                pairs.append(f"-1w|w={info[i - 1][0]}|{key}")
            if i + 1 < n:
                pairs.append(f"w|+1w={key}|{info[i + 1][0]}")
            if i > 0 and i + 1 < n:
                pairs.append(f"-1s|+1s={info[i - 1][0][-2:]}|{info[i + 1][0]}")
            if self.known is not None:
                pairs = [a for a in pairs if a in self.known]
            f.extend(pairs)
            feats.append(f)
        return feats


@cache
def _default_featurizer() -> Featurizer:
    return Featurizer(load_lexicon())


def sentence_features(
    words: Sequence[str], featurizer: Featurizer | None = None
) -> list[list[str]]:
    """CRF features of each word of a sentence (the same at training and prediction)."""
    return (featurizer or _default_featurizer()).sentence(words)


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

    def __init__(self, path: Path = MODEL_PATH, lexicon: Path = LEXICON_PATH) -> None:
        if not path.is_file():
            raise ResourceError(
                f"{path}: NER model missing. It ships with the package; rebuild it with "
                "`python scripts/train_ner.py` (needs ../shared/data/ner/)."
            )
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(path))
        # only attributes the model has weights for are passed on: handing crfsuite the
        # others costs conversion time for nothing
        known = {attr for attr, _ in self._tagger.info().state_features}
        self.featurizer = Featurizer(load_lexicon(lexicon), known)

    def tag(self, words: Sequence[str]) -> list[str]:
        if not words:
            return []
        return list(self._tagger.tag(self.featurizer.sentence(words)))

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
