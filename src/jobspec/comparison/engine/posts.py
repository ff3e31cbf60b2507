"""Compare the post details of two specs: title, grade, pay (FTE and actual), hours, reporting line."""

from __future__ import annotations

import re
from typing import Any

from jobspec.spec.model import Post, Spec

# (field, getter); text fields are compared ignoring case, spacing and punctuation.
_TEXT = ("title", "organisation", "grade", "reports_to", "responsible_for", "contract", "location")


def compare_posts(a: Spec, b: Spec) -> list[dict[str, Any]]:
    """One row per detail either post states: ``{"field", "a", "b", "same"}`` (plus ``note``)."""
    rows: list[dict[str, Any]] = []
    pa, pb = a.post, b.post
    for f in ("title", "organisation", "grade"):
        _row(rows, f, getattr(pa, f), getattr(pb, f))
    _salary(rows, pa, pb)
    _hours(rows, pa, pb)
    for f in ("reports_to", "responsible_for", "contract", "location"):
        _row(rows, f, getattr(pa, f), getattr(pb, f))
    _row(rows, "dbs", a.statements.dbs, b.statements.dbs)
    return rows


def _same(x: Any, y: Any) -> bool:
    if isinstance(x, str) and isinstance(y, str):
        return _key(x) == _key(y)
    if isinstance(x, int | float) and isinstance(y, int | float) and not isinstance(x, bool):
        return abs(float(x) - float(y)) < 1e-9
    return x == y


def _key(s: str) -> str:
    return re.sub(r"[\W_]+", " ", s.casefold()).strip()


def _row(rows: list[dict[str, Any]], field: str, a: Any, b: Any, note: str | None = None) -> None:
    if a is None and b is None:
        return
    row: dict[str, Any] = {"field": field, "a": a, "b": b, "same": _same(a, b)}
    if note:
        row["note"] = note
    rows.append(row)


def _salary(rows: list[dict[str, Any]], pa: Post, pb: Post) -> None:
    sa, sb = pa.salary, pb.salary
    if sa is None and sb is None:
        return
    _row(rows, "salary", sa.text if sa else None, sb.text if sb else None)
    ba = sa.basis if sa else None
    bb = sb.basis if sb else None
    note = None
    if sa and sb and ba != bb and "actual" in (ba, bb):
        note = "not comparable as they stand: one range is full-time equivalent, the other actual pay"
    if sa and sb and sa.period != sb.period and sa.period and sb.period:
        note = f"different pay periods ({sa.period} vs {sb.period})"
    for f, label in (("min", "salary_min"), ("max", "salary_max")):
        _row(rows, label, getattr(sa, f) if sa else None, getattr(sb, f) if sb else None, note)
    _row(rows, "salary_basis", ba, bb)
    for f in ("actual_min", "actual_max"):
        _row(rows, f"salary_{f}", getattr(sa, f) if sa else None, getattr(sb, f) if sb else None)
    if (sa and sa.pro_rata) or (sb and sb.pro_rata):
        _row(rows, "pro_rata", bool(sa and sa.pro_rata), bool(sb and sb.pro_rata))
    if sa and sb and sa.currency != sb.currency:
        _row(rows, "currency", sa.currency, sb.currency)
    if sa and sb and sa.period != sb.period:
        _row(rows, "salary_period", sa.period, sb.period)


def _hours(rows: list[dict[str, Any]], pa: Post, pb: Post) -> None:
    ha, hb = pa.hours, pb.hours
    if ha is None and hb is None:
        return
    _row(rows, "hours", ha.text if ha else None, hb.text if hb else None)
    for f in ("per_week", "weeks_per_year", "term_time_only", "fte"):
        label = {"per_week": "hours_per_week"}.get(f, f)
        _row(rows, label, getattr(ha, f) if ha else None, getattr(hb, f) if hb else None)
