"""The HTTP API and web UI of ghatna: ``create_app(Settings(db=...))`` or ``ghatna serve``."""

from ghatna.api.app import create_app
from ghatna.api.config import Settings

__all__ = ["Settings", "create_app"]
