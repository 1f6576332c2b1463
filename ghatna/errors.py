"""The errors ghatna raises, one small tree that every front end maps the same way.

GhatnaError
├── InputError      a file or record cannot be read (names the file and the reason)
├── ResourceError   a packaged data file or model is missing or malformed
└── StoreError      the database cannot be opened, migrated or written
"""


class GhatnaError(Exception):
    """Base of every error ghatna raises on purpose."""


class InputError(GhatnaError):
    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ResourceError(GhatnaError):
    pass


class StoreError(GhatnaError):
    pass
