"""The spec model: what jobspec knows about one post, independent of the source format.

The fields of these classes, in order, are the spec's shape on the Python side: ``to_dict`` (the
mapping written as YAML, keys in field order) and ``from_dict`` (its inverse, for data the JSON
Schema accepts) are derived from them, and so is :func:`texts_in`, the free text lint checks. The
JSON Schema (``jobspec/data/jobspec.schema.json``) states the same shape for other tools;
``tests/test_spec_shape.py`` fails when the two disagree. A new field is therefore declared here
(with :func:`_text` when it is free text a person wrote) and in the schema, and nowhere else.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator, Mapping
from dataclasses import MISSING, dataclass, field, fields, is_dataclass
from functools import cache
from typing import Any

SCHEMA_VERSION = 1
CATEGORIES = ("qualifications", "experience", "knowledge_skills", "personal_qualities", "other")
LEVELS = ("essential", "desirable")
METHODS = ("application_form", "interview", "references", "certificates", "assessment", "other")

JsonPath = tuple[str | int, ...]


def _text(default: Any = MISSING, *, factory: Any = MISSING) -> Any:
    """A field holding free text a person wrote (checked by lint for blanks and placeholders)."""
    return field(default=default, default_factory=factory, metadata={"text": True})


@dataclass(frozen=True, slots=True)
class FieldShape:
    """One field as the spec's mapping holds it. ``kind``: ``str``, ``float``, ``int``, ``bool``,
    ``strs`` (a list of text), ``map`` (text by label), ``model`` (a nested class) or ``models`` (a
    list of them)."""

    name: str
    kind: str
    optional: bool
    model: type | None
    text: bool


_SCALARS = {str: "str", float: "float", int: "int", bool: "bool"}


@cache
def shape(cls: type) -> tuple[FieldShape, ...]:
    """The fields of a model class that are written, in the order they are written."""
    hints = typing.get_type_hints(cls)
    out = []
    for f in fields(cls):
        if f.metadata.get("written") is False:
            continue
        hint = hints[f.name]
        args = typing.get_args(hint)
        optional = isinstance(hint, types.UnionType) and type(None) in args
        base = next(a for a in args if a is not type(None)) if optional else hint
        origin, inner = typing.get_origin(base), typing.get_args(base)
        model = None
        if is_dataclass(base):
            kind, model = "model", base
        elif origin is list and inner and is_dataclass(inner[0]):
            kind, model = "models", inner[0]
        elif origin is list:
            kind = "strs"
        elif origin is dict:
            kind = "map"
        else:
            kind = _SCALARS[base]
        out.append(FieldShape(f.name, kind, optional, model, bool(f.metadata.get("text"))))
    return tuple(out)


class _Model:
    """``to_dict`` and ``from_dict`` derived from the dataclass fields."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for fs in shape(type(self)):
            v = getattr(self, fs.name)
            if v is None:
                pass
            elif fs.kind == "model":
                v = v.to_dict()
            elif fs.kind == "models":
                v = [x.to_dict() for x in v]
            elif fs.kind == "float":
                v = _num(v)
            elif fs.kind in ("strs", "map"):
                v = type(v)(v)
            out[fs.name] = v
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Any:
        """The object a schema-valid mapping describes; keys that are not fields (``schema_version``,
        ``generated``) are ignored, absent ones take their defaults."""
        return cls(**{fs.name: _value(fs, data[fs.name]) for fs in shape(cls) if fs.name in data})


def _value(fs: FieldShape, v: Any) -> Any:
    if v is None:
        return None
    if fs.kind == "model":
        return fs.model.from_dict(v)  # type: ignore[union-attr]
    if fs.kind == "models":
        return [fs.model.from_dict(x) for x in v]  # type: ignore[union-attr]
    if fs.kind == "strs":
        return [str(x) for x in v]
    if fs.kind == "map":
        return {str(k): str(x) for k, x in v.items()}
    return {"str": str, "float": float, "int": int, "bool": bool}[fs.kind](v)


@dataclass(slots=True)
class Salary(_Model):
    text: str = _text()
    min: float | None = None
    max: float | None = None
    currency: str | None = None
    period: str | None = None  # year | month | week | day | hour
    basis: str | None = None  # fte | actual | None
    actual_min: float | None = None
    actual_max: float | None = None
    pro_rata: bool = False


@dataclass(slots=True)
class Hours(_Model):
    text: str = _text()
    per_week: float | None = None
    term_time_only: bool | None = None
    weeks_per_year: float | None = None
    fte: float | None = None


@dataclass(slots=True)
class Post(_Model):
    title: str | None = _text(None)
    organisation: str | None = _text(None)
    location: str | None = _text(None)
    reports_to: str | None = _text(None)
    responsible_for: str | None = _text(None)
    grade: str | None = _text(None)
    salary: Salary | None = None
    hours: Hours | None = None
    contract: str | None = _text(None)
    dates: dict[str, str] = _text(factory=dict)
    other: dict[str, str] = _text(factory=dict)


@dataclass(slots=True, kw_only=True)
class Duty(_Model):
    id: str
    section: str | None = _text(None)
    text: str = _text()
    tags: list[str] = field(default_factory=list)
    at: str | None = None
    rule: str | None = None  # the layout rule that made this a duty


@dataclass(slots=True, kw_only=True)
class Criterion(_Model):
    id: str
    category: str = "other"
    category_label: str | None = _text(None)
    level: str = "essential"
    text: str = _text()
    assessed_by: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    at: str | None = None
    rule: str | None = None  # the layout rule that made this a criterion


@dataclass(slots=True)
class Statements(_Model):
    safeguarding_commitment: bool | None = None
    dbs: str | None = None  # enhanced | enhanced_barred | standard | basic


@dataclass(slots=True)
class Source(_Model):
    """The document a spec was made from. ``format`` is the file's own format (``doc`` for a Word 97
    file read through LibreOffice); ``converted_by`` names the program that turned it into something
    jobspec reads (LibreOffice, or OCRmyPDF for a scan) and ``ocr`` is true when its text was
    recognised from images."""

    path: str
    format: str
    sha256: str
    encoding: str | None = None
    pages: int | None = None
    converted_by: str | None = None
    ocr: bool = False

    def to_dict(self) -> dict[str, Any]:
        """``encoding``, ``pages``, ``converted_by`` and ``ocr`` only when known (or true)."""
        return {k: v for k, v in _Model.to_dict(self).items() if v or k in ("path", "format", "sha256")}


@dataclass(slots=True)
class Spec(_Model):
    """One post, normalised. ``to_dict`` gives the stable, schema-valid mapping written as YAML."""

    source: Source
    post: Post = field(default_factory=Post)
    purpose: list[str] = _text(factory=list)
    duties: list[Duty] = field(default_factory=list)
    criteria: list[Criterion] = field(default_factory=list)
    statements: Statements = field(default_factory=Statements)
    warnings: list[str] = field(default_factory=list)
    # what every block became, when extracted with trace=True: kept in memory, never written
    trace: list[Any] | None = field(default=None, metadata={"written": False})

    def to_dict(self) -> dict[str, Any]:
        return {"schema_version": SCHEMA_VERSION, **_Model.to_dict(self)}


def texts_in(data: Any, cls: type = Spec, path: JsonPath = ()) -> Iterator[tuple[JsonPath, str]]:
    """Every piece of free text in a spec's mapping, with its JSON path, in field order.

    Tolerant: a value of the wrong shape is skipped, so this also serves specs that break the schema.
    """
    if not isinstance(data, dict):
        return
    for fs in shape(cls):
        v = data.get(fs.name)
        here = (*path, fs.name)
        if fs.kind == "model":
            yield from texts_in(v, fs.model, here)  # type: ignore[arg-type]
        elif fs.kind == "models" and isinstance(v, list):
            for i, item in enumerate(v):
                yield from texts_in(item, fs.model, (*here, i))  # type: ignore[arg-type]
        elif not fs.text:
            continue
        elif fs.kind == "str" and isinstance(v, str):
            yield here, v
        elif fs.kind == "strs" and isinstance(v, list):
            yield from (((*here, i), x) for i, x in enumerate(v) if isinstance(x, str))
        elif fs.kind == "map" and isinstance(v, dict):
            yield from (((*here, str(k)), x) for k, x in v.items() if isinstance(x, str))


def _num(v: float | None) -> float | int | None:
    """Whole numbers as int so YAML shows 37 rather than 37.0."""
    if v is None:
        return None
    return int(v) if float(v).is_integer() else round(float(v), 4)
