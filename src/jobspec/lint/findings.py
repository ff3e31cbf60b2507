"""What a lint run reports: severities and findings."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

SEVERITIES = ("info", "warning", "error")  # lowest first
_RANK = {s: i for i, s in enumerate(SEVERITIES)}


def severity_rank(severity: str) -> int:
    """0 for info, 1 for warning, 2 for error."""
    return _RANK[severity]


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one file. ``line`` and ``col`` are 1-based; ``json_path`` is ``$`` for the whole file."""

    file: str
    line: int
    col: int
    code: str
    name: str
    severity: str
    message: str
    json_path: str = "$"

    def sort_key(self) -> tuple[Any, ...]:
        return (self.file, self.line, self.col, self.code, self.message)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
