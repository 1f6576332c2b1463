"""The bundled sample against the hand-checked gold (../shared/gold/seeds.yaml)."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from ghatna.clean import clean_article
from ghatna.clean._rules import line_key
from ghatna.document import Article

SEEDS = sorted(
    (p for p in resources.files("ghatna.sample.seeds").iterdir() if p.name.endswith(".txt")),
    key=lambda p: p.name,
)


@pytest.fixture
def gold(shared):
    return yaml.safe_load((shared / "gold" / "seeds.yaml").read_text(encoding="utf-8"))["documents"]


def clean_seed(name: str):
    path = next(p for p in SEEDS if p.name == name)
    return clean_article(Article.from_text(path.read_text(encoding="utf-8"), name))


@pytest.mark.parametrize("name", [p.name for p in SEEDS])
def test_seeds_boilerplate_must_go_is_removed_with_a_reason(gold, name):
    doc = clean_seed(name)
    removed = {line_key(r.text): r.reason for r in doc.removed}
    for line in gold.get(name, {}).get("boilerplate_must_go", []):
        assert removed.get(line_key(line)), f"{name}: not removed: {line}"
        if line_key(line) not in {line_key(p) for p in doc.text.split("\n\n")}:
            continue
        pytest.fail(f"{name}: removed line still in the text: {line}")


@pytest.mark.parametrize("name", [p.name for p in SEEDS])
def test_seeds_must_stay_lines_are_kept(gold, name):
    doc = clean_seed(name)
    for line in gold.get(name, {}).get("must_stay", []):
        assert line in doc.text


def test_seeds_related_links_are_removed_as_related_links(gold):
    for name in ("002_7a2113e3815ab85c.txt", "004_d34dcb964ca20152.txt"):
        doc = clean_seed(name)
        related = [r for r in doc.removed if r.reason == "related-link"]
        expected = [line for line in gold[name]["boilerplate_must_go"] if "भी पढ़ें" in line]
        assert [r.text for r in related] == expected
        assert "पेम्मासानी" not in doc.text and "ऑपरेशन सिंदूर" not in doc.text


@pytest.mark.parametrize("name", ["000_cea4f4fba1a41246.txt", "004_d34dcb964ca20152.txt"])
def test_seeds_repeated_lead_appears_once(name):
    doc = clean_seed(name)
    lead = doc.text.split("\n\n")[1]
    assert doc.text.count(lead) == 1
    assert [r.reason for r in doc.removed].count("duplicate-paragraph") == 1


def test_seeds_english_tweet_sentences_are_kept_and_marked_english(gold):
    name = "003_72d89efb671b246e.txt"
    doc = clean_seed(name)
    lang = {s.text: s.lang for s in doc.sentences}
    for sentence in gold[name]["english_sentences_kept"]:
        assert lang[sentence] == "en"
    assert lang["— Dr. S. Jaishankar (@DrSJaishankar) October 12, 2021"] == "en"
    assert "pic.twitter.com" not in doc.text


def test_seeds_titles_are_heading_paragraph_zero(gold):
    for name, entry in gold.items():
        if entry.get("title"):
            doc = clean_seed(name)
            assert doc.headings[0] == 0
            assert doc.text[slice(*doc.paragraphs[0])] == entry["title"]
    doc = clean_seed("004_d34dcb964ca20152.txt")  # a headline ending with "?"
    assert 0 in doc.headings and doc.text.split("\n\n")[0].endswith("?")


@pytest.mark.parametrize("name", [p.name for p in SEEDS])
def test_seeds_every_sentence_offset_is_exact(name):
    doc = clean_seed(name)
    assert doc.sentences
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text
        assert s.lang in {"hi", "en", "hi-Latn", "und"}
    for start, end in doc.paragraphs:
        assert doc.text[start:end].strip() == doc.text[start:end]
