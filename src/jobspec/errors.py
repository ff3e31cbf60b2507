"""The project's own error types. Anything a user can cause ends as one of these."""

from __future__ import annotations

from pathlib import Path

from jobspec.display import shown


class JobspecError(Exception):
    """Base class for every error jobspec reports to a user."""


class InputError(JobspecError):
    """A source document could not be read: corrupt, encrypted, scanned, unsupported, ...

    ``reason`` is a short phrase for one line of output, e.g. "encrypted PDF: needs a password".
    """

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{shown(path)}: {reason}")


class UsageError(JobspecError):
    """The command line or a configuration file asks for something impossible."""
