"""From grammatical tense and context words to an event status.

happened, planned, reported_background (context the article recalls from before its
main event) or negated. An event is background when its own date ends before the
document's main event date, or when the clause says so (``हालिया``, ``इससे पहले``),
or says ``पहले`` with a pluperfect (``पहले भी मिले थे``). A pluperfect alone is not
enough: Hindi reporters use ``पहुंचे थे`` for yesterday's arrival in today's story.
A meeting or visit the clause calls off or puts off (``दौरा टल गया``) is negated.
"""

from __future__ import annotations

from datetime import date

from ghatna.document import PartialDate, Status
from ghatna.events.lexicon import Lexicon
from ghatna.events.triggers import Trigger

_REPORTED = ("past", "conj", "progressive", "participle", "bare")
_PLANNED = ("future", "planned", "expected")
BACKGROUND_GAP_DAYS = 7
"""An event is background by date only when it ended more than a week before the main
event: the arrival the day before a meeting belongs to the same visit."""


def _has(phrases: tuple[tuple[str, ...], ...], keys: list[str]) -> bool:
    """True when one of ``phrases`` occurs as consecutive words of ``keys``.

    Folded words hold no space, so a phrase occurs exactly when its words joined by
    spaces are a substring of the words joined by spaces (each side padded with one):
    one substring search per phrase instead of a slice and compare at every word.
    """
    joined = f" {' '.join(keys)} "
    return any(f" {' '.join(phrase)} " in joined for phrase in phrases)


def _bounds(when: PartialDate) -> tuple[date, date] | None:
    """First and last day a partial date may stand for, or None when it has no value."""
    value = when.value
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        day = date(*parts)
        return day, day
    if len(parts) == 2:
        year, month = parts
        end = date(year + (month == 12), month % 12 + 1, 1)
        return date(year, month, 1), date.fromordinal(end.toordinal() - 1)
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def clearly_before(
    when: PartialDate, reference: PartialDate, grace_days: int = BACKGROUND_GAP_DAYS
) -> bool:
    """True when every day ``when`` may mean lies before every day of ``reference``.

    The end of ``when``'s period is compared with the start of ``reference``'s. Two
    days must lie more than ``grace_days`` apart (a week by default: the arrival the day
    before a meeting is the same visit); when either date is a month or a year, the
    whole period lying before is enough (``2024`` in an article of 2025, ``नवंबर 2024``
    in one of March 2025).
    An unknown date on either side supports no such inference.
    """
    a, b = _bounds(when), _bounds(reference)
    if a is None or b is None:
        return False
    both_days = a[0] == a[1] and b[0] == b[1]
    return (b[0] - a[1]).days > (grace_days if both_days else 0)


def _governed_by_future(lex: Lexicon, following: list[str]) -> bool:
    """A bare noun governed by a future verb up to five words on
    (``वार्ता में जयशंकर भी हिस्सा लेंगे``); not one that only sets the time of a later clause
    (``मुलाकात के बाद ... चेकअप करवाएंगे``)."""
    if not following or following[0] == "के":
        return False
    return any(len(k) > 3 and k.endswith(lex.future_endings) for k in following[1:])


def decide_status(
    lex: Lexicon,
    trig: Trigger,
    clause: list[str],
    sentence: list[str],
    when: PartialDate,
    main_date: PartialDate,
    own_date: bool,
    following: list[str],
) -> Status | None:
    """The status of a trigger, or None when the clause reports no event (``मिलना चाहिए``).

    ``clause`` and ``sentence`` hold the folded words of the trigger's clause and
    sentence (a pluperfect's background word may stand in a fronted phrase of its own,
    ``इससे पहले मार्च 2024 में, ... दौरा किया था``); ``following`` the few words of
    the clause right after the trigger; ``own_date`` says whether ``when`` came from
    the text near the trigger rather than from the document.
    """
    if trig.tense not in (*_REPORTED, *_PLANNED):
        return None  # "यात्रा न करने को कहा" is advice, not a trip called off
    if trig.negated:
        return "negated"
    if trig.entry.type == "CONSULT" and _has(lex.cancelled, clause):
        return "negated"
    if trig.tense in _PLANNED:
        return "planned"
    if trig.tense in ("bare", "participle") and _has(lex.planned, clause):
        return "planned"
    if trig.tense == "bare" and _governed_by_future(lex, following):
        return "planned"
    if trig.tense == "bare" and any(lex.aux.get(k) == "modal" for k in following):
        return None  # "इटली की यात्रा से बचना चाहिए": advice, not a trip
    if own_date and clearly_before(when, main_date):
        return "reported_background"
    if _has(lex.background, clause):
        return "reported_background"
    if trig.pluperfect and _has(lex.background + lex.background_with_pluperfect, sentence):
        return "reported_background"
    return "happened"
