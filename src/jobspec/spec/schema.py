"""The JSON Schema of a spec, shipped as package data, and validation against it."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


def schema_text() -> str:
    """The schema as published (``schemas/jobspec.schema.json`` is a copy of this)."""
    return resources.files("jobspec").joinpath("data/jobspec.schema.json").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    return json.loads(schema_text())


def validation_errors(data: Any) -> list[tuple[str, str]]:
    """Every schema violation in ``data`` as (JSON path, message), in document order."""
    from jsonschema import Draft202012Validator

    v = Draft202012Validator(schema())
    out = []
    for err in sorted(v.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]):
        path = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in err.absolute_path)
        out.append((path, err.message))
    return out
