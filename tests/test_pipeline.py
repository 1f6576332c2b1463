"""The pipeline: stage order pinned, and every span of every layer points at its text."""

from __future__ import annotations

from dataclasses import fields

import pytest

from ghatna.cli.commands import sample_dir
from ghatna.document import Article, Doc
from ghatna.pipeline import STAGES, process

SAMPLES = sorted(sample_dir().glob("*.txt"))


def test_pipeline_stage_order_is_pinned():
    assert [name for name, _, _ in STAGES] == ["clean", "mentions", "time", "roles", "events"]


def test_pipeline_every_requirement_is_assigned_by_an_earlier_stage():
    doc_fields = {f.name for f in fields(Doc)}
    assigned: set[str] = set()
    for name, requires, assigns in STAGES:
        assert set(requires) <= assigned, name
        assert set(assigns) <= doc_fields, name
        assigned |= set(assigns)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name[:3])
def test_pipeline_spans_of_every_layer_match_the_clean_text(path):
    doc = process(Article.from_text(path.read_text(encoding="utf-8"), source=path.name))
    text = doc.text
    assert all(text[s.start : s.end] == s.text for s in doc.sentences)
    assert all(text[m.start : m.end] == m.text for m in doc.mentions)
    assert all(text[t.start : t.end] == t.text for t in doc.timexes)
    for e in doc.events:
        sentence = doc.sentences[e.sentence]
        assert sentence.start <= e.trigger[0] < e.trigger[1] <= sentence.end
        spans = [a.span for a in e.actors] + [e.date_span, e.location_span, e.venue_span]
        assert all(0 <= s[0] < s[1] <= len(text) for s in spans if s)
        assert all(text[q.span[0] : q.span[1]] == q.text for q in e.quotes)
