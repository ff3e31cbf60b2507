"""Tick-column person spec: a table per category headed ``<Category> | Essential ✓ | Desirable ✓ |
Evidence``, one criterion per row (sometimes numbered in its own column), a tick in one column and
the evidence in words."""

from __future__ import annotations

import random

from ..compose import (
    SHADES,
    TICKS,
    jd_then_ps_heading,
    method_words,
    pick_methods,
    start,
    tick_cells,
)
from ..layout import Row, Table, cell

SUMMARY = "tick-column person spec: Attributes | Essential ✓ | Desirable ✓ | Evidence"


def build(rng: random.Random, stem: str):
    d = start(rng, stem, "tick_columns")
    lay = d.layout
    lay.add(*jd_then_ps_heading(d))
    tick = d.pick(TICKS)
    numbered = rng.random() < 0.5
    shade = d.pick(SHADES)
    n = 0
    for g in d.groups():
        head = ([cell("No.", bold=True, shade=shade)] if numbered else []) + [
            cell(g.label, bold=True, shade=shade), cell(f"Essential {tick}", bold=True, shade=shade),
            cell(f"Desirable {tick}", bold=True, shade=shade), cell(d.pick(["Evidence", "Evidenced by"]), bold=True,
                                                                     shade=shade)]
        rows = [Row(head, header=True)]
        for t, lv in g.items:
            n += 1
            ms = pick_methods(d, ["application_form", "interview", "references"])
            d.criterion(g, t, lv, ms)
            rows.append(Row(([cell(f"{n}.")] if numbered else []) + [
                cell(t), *tick_cells(tick, lv),
                cell(method_words(d, ms))]))
        lay.add(Table(rows, ([1.2, 7.1] if numbered else [8.3]) + [2.7, 2.7, 3.3]))
    return d.doc()
