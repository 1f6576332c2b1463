from itertools import product

import numpy as np
import pycrfsuite
import pytest
from click.testing import CliRunner

from ghatna.cli.actors import actors, ner
from ghatna.entities.ner import (
    ILNER_TYPES,
    MODEL_PATH,
    Featurizer,
    NerModel,
    _row_sums,
    is_acronym,
    load_ner,
    normalise_tag,
    read_model_weights,
    spans_from_tags,
    tokenize,
)
from ghatna.errors import ResourceError


@pytest.mark.parametrize(
    ("tag", "previous", "expected"),
    [
        ("B-NEP", "O", "B-PER"),
        ("I-NEL", "B-LOC", "I-LOC"),
        ("-NEL", "B-LOC", "I-LOC"),
        ("-NEL", "O", "B-LOC"),
        ("I-NEO", "O", "B-ORG"),
        ("B-NETI", "O", "O"),
        ("-", "B-PER", "O"),
    ],
)
def test_ner_normalise_ilner_tags(tag, previous, expected):
    assert normalise_tag(tag, previous, ILNER_TYPES) == expected


@pytest.mark.parametrize(
    ("tags", "spans"),
    [
        (["B-PER", "I-PER", "O", "B-LOC"], [(0, 2, "PER"), (3, 4, "LOC")]),
        (["I-ORG", "I-ORG", "B-ORG"], [(0, 2, "ORG"), (2, 3, "ORG")]),
    ],
)
def test_ner_spans_from_tags(tags, spans):
    assert spans_from_tags(tags) == spans


def _plain_spans(tags):
    """spans_from_tags as it was: every tag looked at, an "O" appended."""
    spans = []
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if start >= 0 and not (tag.startswith("I-") and tag[2:] == kind):
            spans.append((start, i, kind))
            start = -1
        if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
            start, kind = i, tag[2:]
    return spans


def test_ner_spans_from_tags_like_every_tag_looked_at():
    # a stray I- starts a span, a tag of another type or none ("X") ends one, "I-" has
    # the empty type
    alphabet = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "X", "I-")
    for n in range(6):
        for tags in product(alphabet, repeat=n):
            assert spans_from_tags(list(tags)) == _plain_spans(tags), tags


def test_ner_cli_appends_a_tag_column():
    result = CliRunner().invoke(ner, ["--conll", "-"], input="सुषमा\tx\nस्वराज\tx\nआईं\tx\n\n")
    rows = [line.split("\t") for line in result.output.splitlines() if line]
    assert [r[0] for r in rows] == ["सुषमा", "स्वराज", "आईं"]
    assert all(
        len(r) == 3 and r[2] in ("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG")
        for r in rows
    )


@pytest.mark.parametrize(
    ("args", "first_line"),
    [
        (["show", "मिर्जोयान"], "person/ararat-mirzoyan  Ararat Mirzoyan (person, ARM)"),
        (["check"], None),
    ],
)
def test_entities_actors_cli(args, first_line):
    result = CliRunner().invoke(actors, args)
    assert result.exit_code == 0
    if first_line:
        assert result.output.splitlines()[0] == first_line
    else:
        assert result.output.startswith("ok: ")


@pytest.mark.parametrize(
    "text",
    ["भारतीय दूतावास ने बयान जारी किया।", "दूतावास के अधिकारी ने कहा।"],
)
def test_ner_common_nouns_are_not_people(text):
    tags = load_ner().tag([t.text for t in tokenize(text)])
    assert not any(tag.endswith("PER") for tag in tags)


@pytest.mark.parametrize(
    ("word", "expected"),
    [("आईसीएमआर", True), ("एनडीए", True), ("एसीआईसी", True), ("भारत", False), ("एस", False)],
)
def test_ner_acronyms_spelt_in_letter_names(word, expected):
    assert is_acronym(word) is expected


def test_ner_features_look_ahead_to_an_organisation_head_noun():
    feats = Featurizer({}).sentence(["स्वास्थ्य", "और", "परिवार", "कल्याण", "मंत्रालय", "ने", "कहा"])
    assert "cue+4=ORG" in feats[0]
    assert "cue=ORG" in feats[4]
    assert "cue-1=ORG" in feats[5]
    assert not any(f.startswith("cue+") for f in feats[5])


SCORED_TEXTS = [
    "प्रधानमंत्री नरेंद्र मोदी ने नई दिल्ली में स्वास्थ्य मंत्रालय के अधिकारियों से कहा।",
    "आईसीएमआर | एम्स || दिल्ली",
    "राम",
    "श्री राम और श्री श्याम",
    "स्वास्थ्य और परिवार कल्याण मंत्रालय ने WHO के Dr Tedros से 2020 में बात की।",
    "उत्तर प्रदेश के मुख्यमंत्री योगी आदित्यनाथ ने लखनऊ में कहा कि राज्य में कोरोना के 12 मामले हैं।",
]


def _plain_tagger():
    plain = pycrfsuite.Tagger()
    plain.open(str(MODEL_PATH))
    return plain


def _plain_scores(model, words):
    """Each word's score for each label but the first, less the first's, added up from
    the attributes ``Featurizer.sentence`` gives crfsuite."""
    rows = [
        [model._weights.get(attr, [0.0] * (len(model.labels) - 1)) for attr in attrs]
        for attrs in model.featurizer.sentence(words)
    ]
    return np.array([np.sum(r, axis=0) for r in rows])


def _assert_scores_like_crfsuite(model, text):
    _assert_batch_like_crfsuite(model, [[t.text for t in tokenize(text)]])


def _assert_batch_like_crfsuite(model, sentences):
    """tag_sentences: crfsuite's tags on all the features, its marginals (None when
    all O), and the scores crfsuite adds up from the attributes."""
    plain = _plain_tagger()
    tagged = model.tag_sentences(sentences)
    assert len(tagged) == len(sentences)
    for words, (tags, marginals) in zip(sentences, tagged, strict=True):
        expected = plain.tag(model.featurizer.sentence(words)) if words else []
        assert tags == expected
        assert model.tag(words) == expected
        if all(tag == "O" for tag in expected):
            assert marginals is None
            continue
        assert marginals == pytest.approx(
            [plain.marginal(tag, i) for i, tag in enumerate(expected)], abs=1e-9
        )
    full = [words for words in sentences if words]
    total = model._batch_scores(full)
    at = 0
    for words in full:
        assert total[at : at + len(words)] == pytest.approx(_plain_scores(model, words), abs=1e-9)
        at += len(words) + 2


@pytest.mark.parametrize("text", SCORED_TEXTS)
def test_ner_model_scores_like_crfsuite_on_all_features(text):
    _assert_scores_like_crfsuite(load_ner(), text)


def test_ner_model_scores_alike_when_its_word_table_grows_or_starts_again():
    model = NerModel()
    # only the edge block to start with (the table doubles from 1 row), and a word
    # limit every few sentences pass (the table empties)
    model._table = model._table[:1].copy()
    model._word_ids = model._word_ids[:1].copy()
    model._MAX_WORDS = 24
    for text in SCORED_TEXTS * 2:
        _assert_scores_like_crfsuite(model, text)
    assert len(model._rows) <= 24 < len(model._table)
    for first, second in zip(SCORED_TEXTS, SCORED_TEXTS[1:], strict=False):
        _assert_batch_like_crfsuite(
            model, [[t.text for t in tokenize(text)] for text in (first, second)]
        )
    assert len(model._rows) <= 48


# sentences of one batch next to each other: a head noun (मंत्रालय, a cue) first in a
# sentence must not give cue+d to the end of the one before, a sentence of one word, a
# bar, empty sentences, digits and Latin words, a long sentence
BATCH_TEXTS = [
    "",
    *SCORED_TEXTS,
    "राम श्याम मोहन सोहन",
    "मंत्रालय ने कहा",
    "दिल्ली",
    "",
    "| राम | श्याम ||",
    "आयोग",
    "भारत सरकार के विदेश मंत्रालय और चुनाव आयोग में बैठक हुई",
    " ".join(SCORED_TEXTS * 5),  # ~300 words: the forward and backward sums rescaled
]


def test_ner_tag_sentences_like_crfsuite_one_sentence_at_a_time():
    sentences = [[t.text for t in tokenize(text)] for text in BATCH_TEXTS]
    _assert_batch_like_crfsuite(NerModel(), sentences)
    _assert_batch_like_crfsuite(load_ner(), sentences[::-1])
    model = NerModel()
    model._BATCH_POSITIONS = 60  # in groups of a few sentences, the long one alone
    _assert_batch_like_crfsuite(model, sentences)
    assert NerModel().tag_sentences([]) == []
    assert NerModel().tag_sentences([[], []]) == [([], None), ([], None)]


def test_ner_row_sums_add_one_row_after_the_other():
    rng = np.random.default_rng(7)
    # magnitudes far apart, so that another order of additions shows
    table = rng.standard_normal((50, 4, 6)) * np.exp(rng.uniform(-25, 25, (50, 1, 1)))
    table[-1] = 0.0
    for count in (1, 2, 5, 40):
        rows = [list(rng.integers(0, 49, rng.integers(0, 45))) for _ in range(count)]
        sums = np.full((count, 4, 6), np.nan)
        _row_sums(table, rows, sums)
        for row, got in zip(rows, sums, strict=True):
            expected = np.zeros((4, 6))
            for r in row:
                expected = expected + table[r]
            assert np.array_equal(got, expected)


def test_ner_model_transitions_are_crfsuite_s():
    labels, _, transitions = read_model_weights(MODEL_PATH)
    info = _plain_tagger().info()
    assert info.labels == {label: str(i) for i, label in enumerate(labels)}
    expected = np.zeros_like(transitions)
    for (a, b), weight in info.transitions.items():
        expected[labels.index(a), labels.index(b)] = weight
    assert np.allclose(transitions, expected, atol=1e-6)
    assert np.count_nonzero(transitions)


def test_ner_a_file_that_is_not_a_crfsuite_model_is_named(tmp_path):
    bad = tmp_path / "ner.crfsuite"
    bad.write_bytes(b"not a model at all" * 10)
    with pytest.raises(ResourceError, match="ner.crfsuite: not a crfsuite CRF1d model"):
        read_model_weights(bad)


def test_ner_a_damaged_model_is_named(tmp_path):
    data = bytearray(MODEL_PATH.read_bytes())
    feat = data.index(b"FEAT")
    data[feat : feat + 4] = b"XXXX"
    bad = tmp_path / "ner.crfsuite"
    bad.write_bytes(bytes(data))
    with pytest.raises(ResourceError, match="ner.crfsuite: damaged crfsuite model"):
        read_model_weights(bad)
