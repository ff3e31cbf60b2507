"""From reader blocks to units: each block classified by the block rules, list headings promoted.

Tables stay whole here (the walker decides what each is, knowing the section it sits in); a table
that turns out to be page layout comes back through :func:`layout_units`.
"""

from __future__ import annotations

from jobspec.document import Block, Table, block_text
from jobspec.extract.rules import BLOCK, PROMOTE, ROW, Context
from jobspec.extract.rules.subjects import LayoutRow, Neighbours
from jobspec.extract.units import TABLE, Unit


def classify(blocks: list[Block], ctx: Context) -> list[Unit]:
    """Units of ``blocks`` in reading order, before list headings are promoted."""
    out: list[Unit] = []
    for b in blocks:
        if isinstance(b, Table):
            out.append(Unit(TABLE, "", b.prov, table=b))
        elif block_text(b).strip():
            rule, units = ctx.first(BLOCK, b)
            if rule is not None:
                out.extend(units)
    return out


def promote(units: list[Unit], ctx: Context) -> None:
    """Turn list items that head deeper items into headings (the promote rules), in place."""
    i = 0
    while i < len(units):
        rule, got = ctx.first(PROMOTE, Neighbours(units, i))
        if rule is not None:
            unit, consumed = got if isinstance(got, tuple) else (got, 0)
            units[i : i + 1 + consumed] = [unit]
        i += 1


def linearise(blocks: list[Block], ctx: Context) -> list[Unit]:
    """Units of ``blocks`` in reading order, list headings promoted."""
    out = classify(blocks, ctx)
    promote(out, ctx)
    return out


def layout_units(t: Table, ctx: Context) -> list[Unit]:
    """A layout table's rows as units (details fields, numbered items, flowing cells)."""
    out: list[Unit] = []
    for row in t.rows:
        cells = [c for c in row.cells if not c.is_empty()]
        if cells:
            rule, units = ctx.first(ROW, LayoutRow(row, cells))
            if rule is not None:
                for u in units:
                    if u.rule != rule.code:
                        u.via = rule.code
                out.extend(units)
    promote(out, ctx)
    return out
