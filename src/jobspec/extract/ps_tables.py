"""A person-specification table, row by row: column roles (ps-table rules), then each row (ps-row rules)."""

from __future__ import annotations

from jobspec.document import Table
from jobspec.extract.cells import Layout, PSState, cell_text, is_cell_number, tick_mode
from jobspec.extract.rules import PS_ROW, PS_TABLE, Context
from jobspec.extract.rules.subjects import PSRow, PSTable
from jobspec.extract.units import Draft, TraceRecord


def parse_ps_table(t: Table, state: PSState, default_level: str, ctx: Context) -> list[Draft]:
    """Criteria of one person-specification table, updating ``state`` for a continuation table."""
    lay_rule, lay = ctx.first(PS_TABLE, PSTable(t, state))
    if lay_rule is None:
        return []
    if lay.has_levels:
        state.layout = lay
    _log(ctx, t.prov.describe(), f"{len(t.rows)} row" + ("" if len(t.rows) == 1 else "s"), _columns(lay), lay_rule.code,
         kind="columns")
    for row in t.rows[: lay.header_rows]:
        _log(ctx, row.prov.describe(), " | ".join(cell_text(c) for c in row.cells), "table header", lay_rule.code)
    rows = t.rows[lay.header_rows:]
    ticks = tick_mode(rows, lay)
    out: list[Draft] = []
    for row in rows:
        cells = [c for c in row.cells if not c.is_empty()]
        if not cells:
            continue
        methods: list[str] = []
        if lay.evidence_col is not None:
            ec = row.cell_at(lay.evidence_col)
            if ec is not None and ec.col not in lay.level_cols and not ec.is_empty():
                methods = ctx.wording.methods_in(cell_text(ec))
        content = [c for c in cells if c.col != lay.evidence_col or c.col in lay.level_cols]
        content = [c for c in content if not is_cell_number(cell_text(c))]
        if not content:
            continue
        before = state.category
        ctx.fired.clear()
        rule, drafts = ctx.first(PS_ROW, PSRow(row, content, lay, state, methods, ticks, default_level))
        if rule is None:
            continue
        out.extend(drafts)
        became = f"{len(drafts)} criteria" if drafts else (
            f"category: {state.category}" if state.category != before else "nothing")
        also = sorted({code for d in drafts for code in d.also} | set(ctx.fired))
        _log(ctx, row.prov.describe(), " | ".join(cell_text(c) for c in content), became, " ".join([rule.code, *also]))
    return out


def _log(ctx: Context, where: str, text: str, became: str, rule: str, kind: str = "table row") -> None:
    if ctx.log is not None:
        ctx.log.append(TraceRecord(where, kind, text, became, rule))


def _columns(lay: Layout) -> str:
    """The column roles, for the trace: "columns: 2 essential, 3 desirable, 4 evidence"."""
    roles = [f"{c + 1} {lv}" for c, lv in sorted(lay.level_cols.items())]
    if lay.level_col is not None:
        roles.append(f"{lay.level_col + 1} level of each")
    if lay.criteria_col is not None:
        roles.append(f"{lay.criteria_col + 1} criteria")
    if lay.evidence_col is not None:
        roles.append(f"{lay.evidence_col + 1} evidence")
    return "columns: " + (", ".join(roles) if roles else "no level column")
