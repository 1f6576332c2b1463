"""Tense of the verb after a time expression decides कल, weekdays and year bounds."""

from __future__ import annotations

import pytest

from ghatna.time.tense import tense_after


@pytest.mark.parametrize(
    ("rest", "tense"),
    [
        (" दोनों नेताओं ने मुलाकात की।", "past"),
        (" प्रधानमंत्री दिल्ली पहुंचे थे।", "past"),
        (" दोनों देश समझौते पर हस्ताक्षर करेंगे।", "future"),
        (" चुनाव होगा।", "future"),
        (" में हुए सम्मेलन के नतीजों पर वे चर्चा करेंगे।", "past"),
        (" की बैठक के लिए तैयारी चल रही है।", "present"),
        (" बारिश की संभावना", "unknown"),
        (" the ministers met in Geneva.", "past"),
        (" the ministers will meet in Geneva.", "future"),
        (" तक के लिए स्कूल बंद कर दिए गए हैं।", "unknown"),
        (" तकनीकी टीम पहुंच गई।", "past"),
    ],
)
def test_time_tense_after_expression(rest: str, tense: str) -> None:
    assert tense_after(rest) == tense
