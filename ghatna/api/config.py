"""Server settings: where the store is, who may write, how big an upload may be.

Read once at start-up from arguments, else the environment, so a deployment can
be configured without touching code:

* ``GHATNA_DB``          — SQLite file or ``postgresql://`` URL
* ``GHATNA_TOKEN``       — token that ingest (POST) requests must present; unset: ingest is off
* ``GHATNA_READ_TOKEN``  — if set, every read (API and pages) must present it too
* ``GHATNA_MAX_UPLOAD``  — largest accepted upload in bytes (default 5 MB)
"""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_MAX_UPLOAD = 5 * 1024 * 1024


@dataclass(frozen=True)
class Settings:
    """What one running server needs; ``db`` None means the per-user default store."""

    db: str | None = None
    token: str | None = None
    read_token: str | None = None
    max_upload: int = DEFAULT_MAX_UPLOAD

    @classmethod
    def from_env(cls, **given: object) -> Settings:
        """Explicit values win; missing ones come from ``GHATNA_*`` variables."""
        env = os.environ
        values: dict[str, object] = {
            "db": env.get("GHATNA_DB") or None,
            "token": env.get("GHATNA_TOKEN") or None,
            "read_token": env.get("GHATNA_READ_TOKEN") or None,
            "max_upload": int(env.get("GHATNA_MAX_UPLOAD") or DEFAULT_MAX_UPLOAD),
        }
        values.update({k: v for k, v in given.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]
