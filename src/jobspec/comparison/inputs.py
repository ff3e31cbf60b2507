"""The two sides of a comparison: a spec written by `jobspec parse` or a document parsed on the fly."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from jobspec.errors import InputError, UsageError
from jobspec.spec.model import Criterion, Duty, Hours, Post, Salary, Source, Spec, Statements

SPEC_SUFFIXES = (".yaml", ".yml", ".json")
DOCUMENT_SUFFIXES = (".docx", ".pdf", ".txt", ".md")


def load_side(path: str | Path, vocabulary: Sequence[str | Path] = ()) -> Spec:
    """A :class:`Spec` from a spec file (.yaml/.yml/.json) or a document (.docx/.pdf/.txt/.md).

    Raises :class:`UsageError` for a file type jobspec cannot compare and :class:`InputError`
    for a file that cannot be read or is not a spec.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in SPEC_SUFFIXES + DOCUMENT_SUFFIXES:
        raise UsageError(f"{p}: cannot compare a '{suffix or 'no suffix'}' file: give a spec (.yaml, .json) "
                         "or a document (.docx, .pdf, .txt, .md)")
    if not p.exists():
        raise InputError(p, "no such file")
    if p.is_dir():
        raise InputError(p, "is a folder, not a file")
    if suffix in DOCUMENT_SUFFIXES:
        return _parse_guarded(p, vocabulary)
    return spec_from_file(p)


def _parse_guarded(p: Path, vocabulary: Sequence[str | Path]) -> Spec:
    """A document parsed with ``jobspec parse``'s default limits and timeout."""
    from jobspec.api import parse_document
    from jobspec.readers import DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES, DEFAULT_TIMEOUT
    from jobspec.spec.guard import SpecRefused, check_item_lengths
    from jobspec.workers import TimeLimitExceeded, time_limit

    try:
        with time_limit(DEFAULT_TIMEOUT):
            spec = parse_document(p, vocabulary=vocabulary, max_bytes=DEFAULT_MAX_BYTES, max_pages=DEFAULT_MAX_PAGES)
        check_item_lengths([d.text for d in spec.duties], [c.text for c in spec.criteria])
    except TimeLimitExceeded:
        raise InputError(p, f"took longer than {DEFAULT_TIMEOUT:g} s to read, gave up") from None
    except SpecRefused as exc:
        raise InputError(p, exc.reason) from None
    return spec


def spec_from_file(p: Path) -> Spec:
    """A spec file read with lint's guards: size, alias expansion, schema version, item length."""
    from jobspec.spec.guard import MAX_SPEC_BYTES, SpecRefused, check_spec_data, load_yaml

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
    if isinstance(data, dict):
        try:
            check_spec_data(data)
        except SpecRefused as exc:
            raise InputError(p, exc.reason) from None
    return spec_from_dict(data, p)


def spec_from_dict(data: Any, where: str | Path = "spec") -> Spec:
    """Rebuild a :class:`Spec` from its mapping (``generated`` and ``warnings`` are ignored)."""
    if not isinstance(data, dict) or not any(k in data for k in ("duties", "criteria", "post")):
        raise InputError(where, "not a jobspec spec (no post, duties or criteria): write one with `jobspec parse`")
    for key in ("duties", "criteria"):
        if data.get(key) is not None and not isinstance(data[key], list):
            raise InputError(where, f"'{key}' must be a list")
    from jobspec.spec.schema import validation_errors

    problems = validation_errors(data)  # checked against the schema before anything is compared
    if problems:
        path, message = problems[0]
        more = f" (and {len(problems) - 1} more: `jobspec lint` lists them)" if len(problems) > 1 else ""
        raise InputError(where, f"not a valid spec: {message} ({path}){more}")
    src = data.get("source") if isinstance(data.get("source"), dict) else {}
    spec = Spec(source=Source(path=str(src.get("path") or where), format=str(src.get("format") or "unknown"),
                              sha256=str(src.get("sha256") or "")))
    spec.post = _post(data.get("post"), where)
    spec.purpose = [str(x) for x in data.get("purpose") or [] if isinstance(x, str)]
    for n, d in enumerate(data.get("duties") or [], 1):
        if not isinstance(d, dict) or not isinstance(d.get("text"), str):
            raise InputError(where, f"duty {n} has no text")
        spec.duties.append(Duty(id=str(d.get("id") or f"D{n:03d}"), text=d["text"], section=_str(d.get("section")),
                                tags=_strs(d.get("tags")), at=_str(d.get("at"))))
    for n, c in enumerate(data.get("criteria") or [], 1):
        if not isinstance(c, dict) or not isinstance(c.get("text"), str):
            raise InputError(where, f"criterion {n} has no text")
        spec.criteria.append(Criterion(id=str(c.get("id") or f"C{n:03d}"), text=c["text"],
                                       level=str(c.get("level") or "essential"), category=str(c.get("category") or "other"),
                                       category_label=_str(c.get("category_label")), assessed_by=_strs(c.get("assessed_by")),
                                       tags=_strs(c.get("tags")), at=_str(c.get("at"))))
    st = data.get("statements") if isinstance(data.get("statements"), dict) else {}
    spec.statements = Statements(safeguarding_commitment=st.get("safeguarding_commitment"), dbs=_str(st.get("dbs")))
    return spec


def _str(v: Any) -> str | None:
    return None if v is None else str(v)


def _strs(v: Any) -> list[str]:
    return [str(x) for x in v] if isinstance(v, list) else []


def _num(v: Any) -> float | None:
    return float(v) if isinstance(v, int | float) and not isinstance(v, bool) else None


def _post(d: Any, where: str | Path) -> Post:
    if d is None:
        return Post()
    if not isinstance(d, dict):
        raise InputError(where, "'post' must be a mapping")
    post = Post(**{k: _str(d.get(k)) for k in ("title", "organisation", "location", "reports_to", "responsible_for",
                                                "grade", "contract")})
    s = d.get("salary")
    if isinstance(s, dict):
        post.salary = Salary(text=str(s.get("text") or ""), min=_num(s.get("min")), max=_num(s.get("max")),
                             currency=_str(s.get("currency")), period=_str(s.get("period")), basis=_str(s.get("basis")),
                             actual_min=_num(s.get("actual_min")), actual_max=_num(s.get("actual_max")),
                             pro_rata=bool(s.get("pro_rata")))
    h = d.get("hours")
    if isinstance(h, dict):
        tto = h.get("term_time_only")
        post.hours = Hours(text=str(h.get("text") or ""), per_week=_num(h.get("per_week")),
                           term_time_only=tto if isinstance(tto, bool) else None,
                           weeks_per_year=_num(h.get("weeks_per_year")), fte=_num(h.get("fte")))
    for k in ("dates", "other"):
        v = d.get(k)
        if isinstance(v, dict):
            setattr(post, k, {str(x): str(y) for x, y in v.items()})
    return post
