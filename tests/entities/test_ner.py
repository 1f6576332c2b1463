import pycrfsuite
import pytest
from click.testing import CliRunner

from ghatna.cli.actors import actors, ner
from ghatna.entities.ner import (
    ILNER_TYPES,
    MODEL_PATH,
    Featurizer,
    NerModel,
    PairWords,
    is_acronym,
    load_ner,
    normalise_tag,
    read_state_weights,
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


def _assert_scores_like_crfsuite(model, text):
    words = [t.text for t in tokenize(text)]
    plain = pycrfsuite.Tagger()
    plain.open(str(MODEL_PATH))
    expected = plain.tag(model.featurizer.sentence(words))
    assert model.tag(words) == expected
    for i, tag in enumerate(expected):
        assert model.marginal(tag, i) == pytest.approx(plain.marginal(tag, i), abs=1e-9)


@pytest.mark.parametrize("text", SCORED_TEXTS)
def test_ner_model_scores_like_crfsuite_on_all_features(text):
    _assert_scores_like_crfsuite(load_ner(), text)


def test_ner_model_scores_alike_when_its_word_table_grows_or_starts_again():
    model = NerModel()
    # only the edge block to start with (the table doubles from 1 row), and a word
    # limit every few sentences pass (the table empties)
    model._table = model._table[:1].copy()
    model._MAX_WORDS = 24
    for text in SCORED_TEXTS * 2:
        _assert_scores_like_crfsuite(model, text)
    assert len(model._keys) <= 24 < len(model._table)


def test_ner_pair_words_keep_every_split_of_a_bar():
    words = PairWords.of(["-1w|w=||क", "w|+1w=क||", "-1s|+1s=कम|ख", "w=क"])
    assert ("|", "क") in words.after
    assert ("क", "|") in words.before
    assert words.around == {("कम", "ख")}


def test_ner_a_file_that_is_not_a_crfsuite_model_is_named(tmp_path):
    bad = tmp_path / "ner.crfsuite"
    bad.write_bytes(b"not a model at all" * 10)
    with pytest.raises(ResourceError, match="ner.crfsuite: not a crfsuite CRF1d model"):
        read_state_weights(bad)


def test_ner_a_damaged_model_is_named(tmp_path):
    data = bytearray(MODEL_PATH.read_bytes())
    feat = data.index(b"FEAT")
    data[feat : feat + 4] = b"XXXX"
    bad = tmp_path / "ner.crfsuite"
    bad.write_bytes(bytes(data))
    with pytest.raises(ResourceError, match="ner.crfsuite: damaged crfsuite model"):
        read_state_weights(bad)
