"""A quick yes or no from the spec's JSON Schema, without importing jsonschema.

Reading a spec file must not cost the ~60 ms of importing jsonschema, nor its 2-3 ms per spec, when
the spec is valid, as nearly every spec is. :func:`accepts` applies the schema's keywords that a
spec's schema uses (type, enum, const, properties, required, additionalProperties, items, oneOf,
allOf, if/then/else, minLength, pattern, minimum, maximum) with JSON Schema's meaning (true is not 1; 1.0 is an
integer). It only ever answers for the schema it is given: a keyword it does not know makes it
answer None, and the caller asks jsonschema, which also words every problem
(:func:`jobspec.spec.schema.violations`). ``tests/test_spec_shape.py`` checks the two agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

_ANNOTATIONS = {"$schema", "$id", "$comment", "title", "description"}


def _number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


_TYPES: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str), "null": lambda v: v is None, "boolean": lambda v: isinstance(v, bool),
    "number": _number, "integer": lambda v: _number(v) and float(v).is_integer(),
    "object": lambda v: isinstance(v, dict), "array": lambda v: isinstance(v, list),
}


class _Unknown(Exception):
    """The schema uses a keyword this check does not know."""


def accepts(schema: dict[str, Any], data: Any) -> bool | None:
    """True if ``schema`` accepts ``data``, False if not; None when only jsonschema can tell."""
    try:
        return _accepts(schema, data)
    except _Unknown:
        return None


def _same(a: Any, b: Any) -> bool:
    return isinstance(a, bool) == isinstance(b, bool) and a == b


def _accepts(node: dict[str, Any], v: Any) -> bool:  # noqa: C901 - one branch per keyword
    for key, want in node.items():
        if key in _ANNOTATIONS:
            continue
        if key == "type":
            ok = any(_TYPES[t](v) for t in ([want] if isinstance(want, str) else want))
        elif key == "enum":
            ok = any(_same(v, w) for w in want)
        elif key == "const":
            ok = _same(v, want)
        elif key == "oneOf":
            ok = sum(_accepts(branch, v) for branch in want) == 1
        elif key == "allOf":
            ok = all(_accepts(branch, v) for branch in want)
        elif key == "if":
            branch = node.get("then") if _accepts(want, v) else node.get("else")
            ok = branch is None or _accepts(branch, v)
        elif key in ("then", "else"):
            continue  # applied with their "if"
        elif key in ("properties", "required", "additionalProperties"):
            ok = not isinstance(v, dict) or _object(node, key, want, v)
        elif key == "items":
            ok = not isinstance(v, list) or all(_accepts(want, x) for x in v)
        elif key == "minLength":
            ok = not isinstance(v, str) or len(v) >= want
        elif key == "pattern":
            ok = not isinstance(v, str) or re.search(want, v) is not None
        elif key in ("minimum", "maximum"):
            ok = not _number(v) or (v >= want if key == "minimum" else v <= want)
        else:
            raise _Unknown(key)
        if not ok:
            return False
    return True


def _object(node: dict[str, Any], key: str, want: Any, v: dict[Any, Any]) -> bool:
    if key == "properties":
        return all(_accepts(sub, v[k]) for k, sub in want.items() if k in v)
    if key == "required":
        return all(k in v for k in want)
    if want is True:
        return True
    extra = [k for k in v if k not in node.get("properties", {})]
    return not extra if want is False else all(_accepts(want, v[k]) for k in extra)
