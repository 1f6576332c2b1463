import pytest
from click.testing import CliRunner

from ghatna.cli.actors import actors, ner
from ghatna.entities.ner import (
    ILNER_TYPES,
    Featurizer,
    is_acronym,
    load_ner,
    normalise_tag,
    spans_from_tags,
)


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
    from ghatna.entities.ner import tokenize

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


def test_ner_model_passes_only_attributes_it_knows():
    model = load_ner()
    feats = model.featurizer.sentence(["प्रधानमंत्री", "मोदी", "ने", "कहा"])
    assert feats[1][0] == "bias"
    assert all(a in model.featurizer.known for f in feats for a in f[1:] if ":edge" not in a)
