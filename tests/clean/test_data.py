"""The clean stage's data files: well-formed, NFC, no duplicates, every entry effective."""

from __future__ import annotations

import unicodedata
from collections import Counter
from importlib import resources

import pytest
import yaml

from ghatna.clean import clean_text
from ghatna.clean._rules import line_key, load_rules

FILES = sorted(
    (p for p in resources.files("ghatna.clean.data").iterdir() if p.name.endswith(".yaml")),
    key=lambda p: p.name,
)


def strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from strings(value)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_data_file_is_nfc_with_a_source_line_and_no_empty_entries(path):
    text = path.read_text(encoding="utf-8")
    assert "# source:" in text
    assert unicodedata.normalize("NFC", text) == text
    data = yaml.safe_load(text)
    for value in strings(data):
        assert value.strip(), f"{path.name}: empty entry"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_data_file_has_no_duplicates_after_folding(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    groups = []
    for reason, rule in (data.get("lines") or {}).items():
        groups += [(f"lines.{reason}.{kind}", rule.get(kind) or []) for kind in ("exact", "prefix")]
    groups += [
        (f"blocks.{r}.start", b.get("start") or []) for r, b in (data.get("blocks") or {}).items()
    ]
    groups += [(k, data.get(k) or []) for k in ("abbreviations", "initials", "function_words")]
    for where, entries in groups:
        twice = [k for k, n in Counter(line_key(e) for e in entries).items() if n > 1]
        assert not twice, f"{path.name} {where}: {twice}"


def test_data_every_exact_entry_removes_a_line_with_its_reason():
    rules = load_rules()
    body = "नगर निगम ने सोमवार को सफाई अभियान शुरू किया।"
    for key, reason in rules.exact.items():
        doc = clean_text(f"{body}\n{key}\n{body.replace('सोमवार', 'मंगलवार')}")
        assert [(line_key(r.text), r.reason) for r in doc.removed] == [(key, reason)], key


def test_data_every_prefix_removes_a_line_with_its_reason():
    rules = load_rules()
    body = "नगर निगम ने सोमवार को सफाई अभियान शुरू किया।"
    for prefix, reason in rules.prefixes:
        line = f"{prefix} जिले में नई सड़क का शिलान्यास"
        doc = clean_text(f"{body}\n{line}")
        assert [r.reason for r in doc.removed] == [reason], prefix


def test_data_abbreviations_never_end_a_sentence():
    rules = load_rules()
    for abbreviation in sorted(rules.abbreviations | rules.initials):
        doc = clean_text(f"बैठक में {abbreviation}. रमेश ने भाषण दिया।")
        assert len(doc.sentences) == 1, abbreviation
