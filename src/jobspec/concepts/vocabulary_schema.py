"""The JSON Schema of a vocabulary file (package data) and the one-line message for its first problem.

Each part of the schema carries a ``message``: the words jobspec prints when the value at that place
breaks it, with ``{path}`` (``concepts.ict.terms``), ``{key}`` (an unknown key) and ``{value}``. A
``message`` may be a mapping from the failing keyword to its words, ``*`` for any other. The
problem reported is the first in file order, as a person reading the file would meet it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    text = resources.files("jobspec").joinpath("data/vocabulary.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema())


def first_problem(data: Any) -> str | None:
    """What is wrong with a vocabulary file's data, in one line without the file name; None if nothing."""
    errors = list(_validator().iter_errors(data))
    if not errors:
        return None
    return _message(min(errors, key=lambda err: _position(data, err)))


def _position(data: Any, err: Any) -> list[int]:
    """Where an error is in the file: the index of each key or item on its path."""
    out, node = [], data
    path = list(err.absolute_path)
    if "propertyNames" in err.absolute_schema_path:
        path.append(err.instance)  # a key that is not allowed: at the key's own place
    for p in path:
        if isinstance(node, dict):
            keys = list(node)
            out.append(keys.index(p) if p in node else len(keys))
            node = node.get(p)
        elif isinstance(node, list) and isinstance(p, int) and p < len(node):
            out.append(p)
            node = node[p]
    return out


def _message(err: Any) -> str:
    """The ``message`` of the deepest part of the schema on the error's way, filled in."""
    node: Any = schema()
    steps = 0  # how much of the instance path the schema path has walked
    found: tuple[Any, Any, int, str] = (node, node["message"], 0, "*")
    segments = iter(err.absolute_schema_path)
    for seg in segments:
        node = _resolve(node, seg)
        if isinstance(node, dict) and "message" in node:
            found = (node, node["message"], steps, seg)
        if seg == "properties":
            node, steps = node["properties"][next(segments)], steps + 1
        elif seg in ("additionalProperties", "items") and isinstance(node.get(seg), dict):
            node, steps = node[seg], steps + 1
        elif seg == "propertyNames":
            node = node[seg]
        else:
            break
    where, message, steps, keyword = found
    if isinstance(message, dict):
        message = message.get(keyword, message["*"])
    path = list(err.absolute_path)
    unknown = sorted(set(err.instance) - set(where.get("properties", ())), key=str) if isinstance(err.instance, dict) \
        else []
    return message.format(path=".".join(str(p) for p in path[:steps]), key=unknown[0] if unknown else "",
                          value=err.instance)


def _resolve(node: Any, seg: str) -> Any:
    """Follow a local ``$ref`` when the schema path goes on inside the schema it names."""
    while isinstance(node, dict) and seg not in node and "$ref" in node:
        target: Any = schema()
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node
