"""The trace of one extraction: every block in document order, what it became and the rule that decided."""

from __future__ import annotations

from jobspec.extract.units import TraceRecord, Unit


def build_trace(log: list[Unit | TraceRecord]) -> list[TraceRecord]:
    """Trace records from the walker's log."""
    out: list[TraceRecord] = []
    for x in log:
        if isinstance(x, TraceRecord):
            out.append(x)
            continue
        u = x
        fate, rule = u.fate, u.fate_rule
        made_by = " > ".join(c for c in (u.rule, u.section_rule) if c)
        text = u.text if u.kind != "table" else f"{len(u.table.rows) if u.table else 0} rows"
        out.append(TraceRecord(u.prov.describe(), u.kind, text, fate or u.kind, rule, made_by))
    return out
