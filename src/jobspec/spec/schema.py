"""The JSON Schema of a spec, shipped as package data, and validation against it.

:func:`validation_errors` gives every violation with jsonschema's own message (what a command says
when it refuses a spec); :func:`violations` explains each in words a person understands, at a JSON
path, for ``jobspec lint`` (JS100).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from jobspec.display import plural
from jobspec.spec.model import JsonPath


def schema_text() -> str:
    """The schema as published (``schemas/jobspec.schema.json`` is a copy of this)."""
    return resources.files("jobspec").joinpath("data/jobspec.schema.json").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    return json.loads(schema_text())


@lru_cache(maxsize=1)
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema())


def validation_errors(data: Any) -> list[tuple[str, str]]:
    """Every schema violation in ``data`` as (JSON path, jsonschema's message), in document order:
    the message a command gives when it refuses a spec. :func:`violations` words them as lint does."""
    out = []
    for err in sorted(_validator().iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]):
        path = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in err.absolute_path)
        out.append((path, err.message))
    return out


_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


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


_TYPE_NAMES = {"string": "text", "number": "a number", "integer": "a whole number", "boolean": "true or false",
               "null": "null", "object": "a mapping", "array": "a list"}


def violations(data: Any) -> list[tuple[JsonPath, str, str | None]]:
    """(JSON path, message, unexpected key or None) for every violation, in document order."""
    out: list[tuple[JsonPath, str, str | None]] = []
    for err in _validator().iter_errors(data):
        out.extend(_explain(err))
    out.sort(key=lambda v: [str(p) for p in v[0]])
    return out


def _explain(err: Any) -> Iterator[tuple[JsonPath, str, str | None]]:
    path: JsonPath = tuple(err.absolute_path)
    kind, want, value = err.validator, err.validator_value, err.instance
    if kind in ("oneOf", "anyOf") and err.context:
        # "null, or a mapping like this": report what is wrong inside the branch the value was meant for.
        wrong_type = [e for e in err.context if e.validator == "type" and not e.relative_path]
        relevant = [e for e in err.context if e not in wrong_type]
        if relevant:
            for e in relevant:
                yield from _explain(e)
            return
        types = []
        for e in wrong_type:
            types.extend([e.validator_value] if isinstance(e.validator_value, str) else e.validator_value)
        names = " or ".join(dict.fromkeys(_TYPE_NAMES.get(t, t) for t in types)) or "something else"
        yield path, f"expected {names}, found {describe(value)}", None
    elif kind == "type":
        types = [want] if isinstance(want, str) else list(want)
        names = " or ".join(_TYPE_NAMES.get(t, t) for t in types)
        hint = "; quote it to keep it as text" if "string" in types and _quotable(value) else ""
        yield path, f"expected {names}, found {describe(value)}{hint}", None
    elif kind == "required":
        missing = err.message.split("'")[1] if err.message.count("'") >= 2 else err.message
        yield path, f"missing required key '{missing}'{_condition(err)}", None
    elif kind == "additionalProperties" and isinstance(value, dict):
        allowed = sorted((err.schema.get("properties") or {}).keys())
        for key in sorted(set(value) - set(allowed), key=str):
            yield (*path, str(key)), f"unknown key '{key}' (allowed: {', '.join(allowed)})", str(key)
    elif kind == "enum":
        options = ", ".join("null" if v is None else str(v) for v in want)
        yield path, f"{describe(value)} is not one of: {options}", None
    elif kind == "const":
        yield path, f"must be {want!r}, found {describe(value)}{_condition(err)}", None
    elif kind == "minLength" and want == 1:
        yield path, "must not be empty", None
    elif kind == "pattern":
        yield path, f"{describe(value)} does not match the pattern {want}", None
    elif kind in ("minimum", "maximum"):
        word = "below the minimum" if kind == "minimum" else "above the maximum"
        yield path, f"{describe(value)} is {word} {want}", None
    else:
        yield path, _short(err.message, 200), None


def _condition(err: Any) -> str:
    """`` (why)`` for a violation of an if/then rule of the schema (its description), else ``""``."""
    where = list(err.absolute_schema_path)
    if "then" not in where:
        return ""
    node: Any = schema()
    for key in where[: where.index("then")]:
        node = node[key]
    return f" ({node['description']})" if isinstance(node, dict) and node.get("description") else ""


def _quotable(value: Any) -> bool:
    return isinstance(value, bool | int | float | dt.date | dt.datetime) or value is None


def describe(value: Any) -> str:
    """A value as a person would recognise it from the YAML."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime | dt.date):
        return f"a date ({value.isoformat()})"
    if isinstance(value, int | float):
        return f"the number {value:g}" if isinstance(value, float) else f"the number {value}"
    if isinstance(value, str):
        return f"'{_short(value, 60)}'" if value else "an empty string"
    if isinstance(value, dict):
        return f"a mapping ({plural(len(value), 'key')})"
    if isinstance(value, list | tuple):
        return f"a list ({plural(len(value), 'item')})"
    if isinstance(value, bytes):
        return "binary data"
    return type(value).__name__


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
