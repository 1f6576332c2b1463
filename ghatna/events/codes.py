"""CAMEO codes and the PLOVER-style export type for an event mention.

ghatna keeps a planned meeting as CONSULT with status planned; a PLOVER export codes
it AGREE ("agree to meet"), as the PLOVER manual asks for future meetings, and CAMEO
has a code for it (036, express intent to meet). The table is ``data/cameo.tsv``.
"""

from __future__ import annotations

from ghatna.errors import ResourceError
from ghatna.events.lexicon import load_cameo_table


def cameo_code(type: str, mode: str | None, status: str) -> str:
    """The CAMEO code of a PLOVER type, mode and status; the most specific row wins.

    Example: ``cameo_code("CONSULT", "phone", "happened") == "041"``.
    """
    best: tuple[int, str] | None = None
    for row in load_cameo_table():
        if row.plover != type:
            continue
        if row.mode not in ("*", mode) or row.status not in ("*", status):
            continue
        score = (row.mode != "*") + 2 * (row.status != "*")
        if best is None or score > best[0]:
            best = (score, row.cameo)
    if best is None:
        raise ResourceError(
            f"no CAMEO row for PLOVER type {type!r}: add one to ghatna/events/data/cameo.tsv"
        )
    return best[1]


def plover_export_type(type: str, status: str) -> str:
    """The type a PLOVER-style export shows: a planned CONSULT becomes AGREE."""
    if type == "CONSULT" and status == "planned":
        return "AGREE"
    return type
