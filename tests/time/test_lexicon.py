"""The time lexicons parse, and every word in them is found by the tagger it feeds."""

from __future__ import annotations

import pytest

from ghatna.time import tag
from ghatna.time.lexicon import load_eras, load_lexicon

LX = load_lexicon()


@pytest.mark.parametrize("word", sorted(w for w in LX.months if w not in LX.ambiguous_months))
def test_time_lexicon_month_is_tagged(word: str) -> None:
    assert [t.text.lower() for t in tag(f"बैठक {word} में हुई।")] == [word]


@pytest.mark.parametrize("word", sorted(LX.weekdays))
def test_time_lexicon_weekday_is_tagged(word: str) -> None:
    assert [t.text.lower() for t in tag(f"बैठक {word} को हुई।")] == [word]


@pytest.mark.parametrize("era", load_eras(), ids=lambda e: e.name)
def test_time_lexicon_era_years_are_ordered(era) -> None:
    assert era.end is None or era.start <= era.end
    assert era.words
