"""Spec files read back into :class:`Spec` objects: the one way every command does it.

A spec file (``.yaml``, ``.yml``, or ``.json`` as ``jobspec parse --format json`` writes it) is
parsed with a safe loader, checked against the JSON Schema (quickly, by
:mod:`jobspec.spec.quick_check`; by jsonschema when there is something to say), and only then built
by ``Spec.from_dict``. Every problem is an :class:`InputError` naming the file in one line; a schema
violation is the first jsonschema finds, with the JSON path of the value (``jobspec lint`` lists
them all, in its own words).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jobspec.errors import InputError
from jobspec.glyphs import strip_invisible
from jobspec.spec.guard import MAX_SPEC_BYTES, SpecRefused, check_spec_data, load_yaml
from jobspec.spec.model import Spec
from jobspec.spec.quick_check import accepts
from jobspec.spec.schema import schema, validation_errors

SPEC_SUFFIXES = (".yaml", ".yml", ".json")


def read_spec(path: str | Path) -> Spec:
    """The :class:`Spec` in a spec file; ``generated`` is ignored. The file is read with lint's
    guards first (:mod:`jobspec.spec.guard`): its size, alias expansion, schema version, item length."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise InputError(p, f"cannot read ({exc.strerror or exc})") from None
    if size > MAX_SPEC_BYTES:
        raise InputError(p, f"spec file of {size / 1024**2:.1f} MB: the limit is {MAX_SPEC_BYTES // 1024**2} MB")
    try:
        text = p.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(p, f"cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise InputError(p, "not UTF-8 text: is this really a spec?") from None
    if p.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise InputError(p, f"not valid JSON ({exc.msg} at line {exc.lineno})") from None
        if isinstance(data, list) and len(data) == 1:  # `jobspec parse --format json` of one file
            data = data[0]
    else:
        import yaml

        try:
            data = load_yaml(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise InputError(p, "not valid YAML" + (f" (line {mark.line + 1})" if mark is not None else "")) from None
        except SpecRefused as exc:
            raise InputError(p, exc.reason) from None
    return spec_from_data(_visible(data), p)


def _visible(data: Any) -> Any:
    """``data`` with the control characters a hand edit may have put in its strings removed
    (``jobspec parse`` never writes them)."""
    if isinstance(data, str):
        return strip_invisible(data)
    if isinstance(data, dict):
        return {_visible(k): _visible(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_visible(v) for v in data]
    return data


def spec_from_data(data: Any, where: str | Path = "spec") -> Spec:
    """The :class:`Spec` a spec's mapping describes, once lint's guards and the JSON Schema accept it."""
    if isinstance(data, dict):
        try:
            check_spec_data(data)
        except SpecRefused as exc:
            raise InputError(where, exc.reason) from None
    if not isinstance(data, dict) or not any(k in data for k in ("duties", "criteria", "post")):
        raise InputError(where, "not a jobspec spec (no post, duties or criteria): write one with `jobspec parse`")
    problems = [] if accepts(schema(), data) else validation_errors(data)
    if problems:
        path, message = problems[0]
        more = f" (and {len(problems) - 1} more: `jobspec lint` lists them)" if len(problems) > 1 else ""
        raise InputError(where, f"not a valid spec: {message} ({path}){more}")
    seen: set[str] = set()
    for key in ("duties", "criteria"):  # what lint's JS213 checks: a report or a sheet keys items by id
        for i, item in enumerate(data.get(key) or []):
            if item["id"] in seen:
                raise InputError(where, f"not a valid spec: id {item['id']} is used twice ($.{key}[{i}].id)")
            seen.add(item["id"])
    return Spec.from_dict(data)
