"""CAMEO codes and the PLOVER-style export type."""

from __future__ import annotations

import pytest

from ghatna.errors import ResourceError
from ghatna.events import cameo_code, plover_export_type


@pytest.mark.parametrize(
    ("type_", "mode", "status", "code"),
    [
        ("CONSULT", None, "happened", "040"),
        ("CONSULT", "phone", "happened", "041"),
        ("CONSULT", "visit", "happened", "042"),
        ("CONSULT", "third-party", "happened", "044"),
        ("CONSULT", "visit", "planned", "036"),
        ("AGREE", "sign", "happened", "057"),
        ("AID", None, "planned", "033"),
        ("ACCUSE", "criticize", "happened", "111"),
        ("SANCTION", None, "happened", "166"),
        ("COERCE", "arrest", "happened", "173"),
    ],
)
def test_events_cameo_code(type_: str, mode: str | None, status: str, code: str) -> None:
    assert cameo_code(type_, mode, status) == code


def test_events_cameo_code_unknown_type_names_the_file() -> None:
    with pytest.raises(ResourceError, match="ghatna/events/data/cameo.tsv"):
        cameo_code("TELEPORT", None, "happened")


@pytest.mark.parametrize(
    ("type_", "status", "exported"),
    [
        ("CONSULT", "planned", "AGREE"),
        ("CONSULT", "happened", "CONSULT"),
        ("AID", "planned", "AID"),
    ],
)
def test_events_plover_export_type(type_: str, status: str, exported: str) -> None:
    assert plover_export_type(type_, status) == exported
