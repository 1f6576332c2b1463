"""Readers that turn files, folders and JSON Lines into Articles.

A reader never stops a batch for one bad input: it yields a :class:`Problem`
naming the file (and line) and the reason, and goes on with the rest.
"""

from ghatna.ingest.readers import Problem, read_paths

__all__ = ["Problem", "read_paths"]
