"""What a lint run reports: severities and findings."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

SEVERITIES = ("info", "warning", "error")  # lowest first
_RANK = {s: i for i, s in enumerate(SEVERITIES)}
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def severity_rank(severity: str) -> int:
    """0 for info, 1 for warning, 2 for error."""
    return _RANK[severity]


def json_path(parts: Sequence[str | int]) -> str:
    """``("duties", 2, "text")`` -> ``$.duties[2].text``; awkward keys are quoted: ``$.post.dates['Closing date']``."""
    out = "$"
    for p in parts:
        if isinstance(p, int):
            out += f"[{p}]"
        elif _IDENT.match(p):
            out += f".{p}"
        else:
            out += "['" + p.replace("\\", "\\\\").replace("'", "\\'") + "']"
    return out


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
