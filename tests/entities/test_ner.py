from itertools import product

import numpy as np
import pytest
from click.testing import CliRunner

from ghatna.cli.actors import actors, ner
from ghatna.entities.ner import (
    ILNER_TYPES,
    MODEL_PATH,
    Featurizer,
    NerModel,
    is_acronym,
    is_initial,
    load_ner,
    normalise_tag,
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


@pytest.mark.parametrize(
    ("word", "expected"),
    [("के", True), ("एस.", True), ("K", True), ("k.", True), ("एसबी", False), ("राम", False)],
)
def test_ner_initials_are_one_letter_or_its_hindi_name(word, expected):
    assert is_initial(word) is expected


def test_ner_inputs_flag_head_nouns_titles_postpositions_and_acronyms():
    inputs = Featurizer({}).inputs
    assert "cue=ORG" in inputs("मंत्रालय")
    assert "cue=LOC" in inputs("नदी")
    assert "title" in inputs("प्रधानमंत्री")
    assert "post" in inputs("ने")
    assert "acro" in inputs("आईसीएमआर")
    assert {"w=मोदी", "v=मोदी", "s2=दी", "p1=म", "L=none"} <= set(inputs("मोदी"))


def test_ner_inputs_carry_the_lexicon_classes_of_the_folded_word():
    inputs = Featurizer({"लारोव": ("pn4", "kbPER")}).inputs("लारोव")
    assert {"L=pn4", "L=kbPER"} <= set(inputs)
    assert "L=none" not in inputs


SCORED_TEXTS = [
    "प्रधानमंत्री नरेंद्र मोदी ने नई दिल्ली में स्वास्थ्य मंत्रालय के अधिकारियों से कहा।",
    "आईसीएमआर | एम्स || दिल्ली",
    "राम",
    "श्री राम और श्री श्याम",
    "स्वास्थ्य और परिवार कल्याण मंत्रालय ने WHO के Dr Tedros से 2020 में बात की।",
    "उत्तर प्रदेश के मुख्यमंत्री योगी आदित्यनाथ ने लखनऊ में कहा कि राज्य में कोरोना के 12 मामले हैं।",
]


def _plain_scores(model, words):
    """Each word's tag scores, in float64, position by position from the model's
    arrays, one network after the other: tanh of the sum of the word's features'
    embeddings, each convolution with zeros beyond the sentence, the output layer;
    then the mean of the networks' scores."""
    none = len(model._embed) - 1
    found = [[model._ids.get(f, none) for f in model.featurizer.inputs(w)] for w in words]
    scores = []
    for net in range(model._embed.shape[1]):
        embed = model._embed[:, net] * model._scale[:, net, None].astype(float)
        x = np.array([np.tanh(sum(embed[i] for i in ids)) for ids in found])
        dim = x.shape[1]
        zero = np.zeros((1, dim))
        for weights, bias in zip(model._convs[net], model._conv_bias[net], strict=True):
            before, after = np.vstack([zero, x[:-1]]), np.vstack([x[1:], zero])
            y = before @ weights[:dim] + x @ weights[dim : 2 * dim] + after @ weights[2 * dim :]
            x = x + np.maximum(y + bias, 0.0)
        scores.append(x @ model._out[net] + model._out_bias[net])
    return np.mean(scores, axis=0)


def _plain_tags(model, words):
    """Best tags and their marginals by the textbook recursions, in log space."""
    scores, trans = _plain_scores(model, words), model._transitions
    n = len(words)
    best, back = scores[0].copy(), []
    for i in range(1, n):
        both = best[:, None] + trans
        back.append(both.argmax(axis=0))
        best = both.max(axis=0) + scores[i]
    path = [int(best.argmax())]
    for came in reversed(back):
        path.append(int(came[path[-1]]))
    path.reverse()
    alpha, beta = [scores[0]], [np.zeros(len(trans))]
    for i in range(1, n):
        alpha.append(np.logaddexp.reduce(alpha[-1][:, None] + trans, axis=0) + scores[i])
    for i in range(n - 1, 0, -1):
        beta.insert(0, np.logaddexp.reduce(trans + scores[i] + beta[0], axis=1))
    log_z = np.logaddexp.reduce(alpha[-1])
    marginals = [float(np.exp(alpha[i][y] + beta[i][y] - log_z)) for i, y in enumerate(path)]
    return [model.labels[y] for y in path], marginals


def _brute_force(model, words):
    """Best tags and marginals by scoring every tag sequence (short sentences)."""
    scores, trans = _plain_scores(model, words), model._transitions
    paths = np.array(list(product(range(len(trans)), repeat=len(words))))
    total = scores[np.arange(len(words)), paths].sum(axis=1)
    total += trans[paths[:, :-1], paths[:, 1:]].sum(axis=1)
    best = paths[total.argmax()]
    p = np.exp(total - np.logaddexp.reduce(total))
    marginals = [float(p[paths[:, i] == y].sum()) for i, y in enumerate(best)]
    return [model.labels[y] for y in best], marginals


def _assert_tags_like_plain(model, sentences):
    """tag_sentences: the plain recursions' tags and marginals (None when all O), and
    the same for each sentence alone."""
    tagged = model.tag_sentences(sentences)
    assert len(tagged) == len(sentences)
    for words, (tags, marginals) in zip(sentences, tagged, strict=True):
        expected, probs = _plain_tags(model, words) if words else ([], [])
        assert tags == expected
        assert model.tag(words) == expected
        if all(tag == "O" for tag in expected):
            assert marginals is None
        else:
            assert marginals == pytest.approx(probs, abs=1e-4)


@pytest.mark.parametrize("text", ["राम", "श्री राम और", "मोदी ने दिल्ली में", "WHO के Dr Tedros"])
def test_ner_plain_recursions_are_the_brute_force_answer(text):
    model = load_ner()
    words = [t.text for t in tokenize(text)]
    tags, marginals = _plain_tags(model, words)
    expected, probs = _brute_force(model, words)
    assert tags == expected
    assert marginals == pytest.approx(probs, abs=1e-9)


@pytest.mark.parametrize("text", SCORED_TEXTS)
def test_ner_model_tags_like_the_plain_recursions(text):
    _assert_tags_like_plain(load_ner(), [[t.text for t in tokenize(text)]])


def test_ner_model_tags_alike_when_its_word_table_grows_or_starts_again():
    model = NerModel()
    # only the gap row to start with (the table doubles from 1 row), and a word limit
    # every few sentences pass (the table empties)
    model._table = model._table[:1].copy()
    model._MAX_WORDS = 24
    for text in SCORED_TEXTS * 2:
        _assert_tags_like_plain(model, [[t.text for t in tokenize(text)]])
    assert len(model._rows) <= 24 < len(model._table)
    for first, second in zip(SCORED_TEXTS, SCORED_TEXTS[1:], strict=False):
        _assert_tags_like_plain(
            model, [[t.text for t in tokenize(text)] for text in (first, second)]
        )
    assert len(model._rows) <= 48


# sentences of one batch next to each other: a sentence's last word must not see the
# next one's first, a sentence of one word, a bar, empty sentences, digits and Latin
# words, a long sentence
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


def test_ner_tag_sentences_like_one_sentence_at_a_time():
    sentences = [[t.text for t in tokenize(text)] for text in BATCH_TEXTS]
    _assert_tags_like_plain(NerModel(), sentences)
    _assert_tags_like_plain(load_ner(), sentences[::-1])
    model = NerModel()
    model._BATCH_POSITIONS = 60  # in groups of a few sentences, the long one alone
    _assert_tags_like_plain(model, sentences)
    assert NerModel().tag_sentences([]) == []
    assert NerModel().tag_sentences([[], []]) == [([], None), ([], None)]


def test_ner_a_missing_model_is_named(tmp_path):
    with pytest.raises(ResourceError, match="ner.npz: NER model missing"):
        NerModel(tmp_path / "ner.npz")


def test_ner_a_file_that_is_not_a_model_is_named(tmp_path):
    bad = tmp_path / "ner.npz"
    bad.write_bytes(b"not a model at all" * 10)
    with pytest.raises(ResourceError, match="ner.npz: not a ghatna NER model"):
        NerModel(bad)


def test_ner_a_model_without_its_arrays_is_named(tmp_path):
    with np.load(MODEL_PATH) as arrays:
        kept = {k: arrays[k] for k in arrays.files if k != "transitions"}
    bad = tmp_path / "ner.npz"
    np.savez(bad, **kept)
    with pytest.raises(ResourceError, match="ner.npz: not a ghatna NER model"):
        NerModel(bad)
