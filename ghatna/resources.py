"""Reading the data files that ship with the package (lexicons, knowledge base, patterns).

One reader for every stage, so a missing or malformed file always fails the same way:
a :class:`~ghatna.errors.ResourceError` naming the file and what is wrong with it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ghatna.errors import ResourceError

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML has it (its wheels do): the knowledge base's ~6,000
lines load in a fraction of the pure-Python parser's time, and every command loads them."""


def read_yaml(path: Path | Any) -> Any:
    """The parsed YAML of a packaged data file (a ``Path`` or an importlib resource)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise ResourceError(
            f"{path}: data file missing or unreadable ({err}); reinstall ghatna"
        ) from err
    try:
        return yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as err:
        raise ResourceError(f"{path}: not valid YAML: {err}") from err
