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
        made_by = " > ".join(c for c in (u.via, u.rule, u.section_rule) if c)
        n = len(u.table.rows) if u.table is not None else 0
        text = u.text if u.table is None else f"{n} row" + ("" if n == 1 else "s")
        out.append(TraceRecord(u.prov.describe(), u.kind, text, fate or u.kind, rule, made_by, " ".join(u.earlier)))
    return out
