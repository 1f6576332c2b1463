"""The event layer's data files: parse, NFC, no duplicates, every entry usable."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from ghatna.events.lexicon import DATA, load_cameo_table, load_lexicon
from ghatna.events.topics import taxonomy_topics

FILES = sorted(DATA.glob("*.yaml")) + sorted(DATA.glob("*.tsv"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_events_data_file_has_source_and_is_nfc(path: Path) -> None:
    text = path.read_text("utf-8")
    assert text.startswith("# source:")
    assert unicodedata.normalize("NFC", text) == text


def test_events_data_light_verbs_of_triggers_exist() -> None:
    grammar = yaml.safe_load((DATA / "grammar.yaml").read_text("utf-8"))
    lemmas = set(grammar["light_verbs"])
    raw = yaml.safe_load((DATA / "triggers.yaml").read_text("utf-8"))["triggers"]
    missing = [lv for t in raw for lv in t.get("light", ()) if lv not in lemmas]
    assert missing == []


def test_events_data_every_type_has_a_cameo_row() -> None:
    lex = load_lexicon()
    types = {e.type for e in [*lex.nouns.values(), *lex.verbs.values()]}
    types |= {e.type for _, e in lex.forms.values()}
    coded = {row.plover for row in load_cameo_table()}
    assert sorted(types - coded) == []
    assert all(re.fullmatch(r"\d{3}", row.cameo) for row in load_cameo_table())


def test_events_data_every_topic_word_finds_its_topic() -> None:
    for label, prefix in load_lexicon().topics:
        assert label in taxonomy_topics(f"बैठक में {prefix} पर चर्चा हुई")
