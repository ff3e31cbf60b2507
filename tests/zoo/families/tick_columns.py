"""Tick-column person spec: a table per category headed ``<Category> | Essential ✓ | Desirable ✓ |
Evidence``, one criterion per row (sometimes numbered in its own column), a tick in one column and
the evidence in words."""

from __future__ import annotations

import random

from .. import pools
from ..compose import (
    SHADES,
    TICKS,
    bullet_sections,
    closing,
    jd_opening,
    method_words,
    pick_methods,
    section_heading,
    start,
)
from ..layout import PageBreak, Row, Table, cell

SUMMARY = "tick-column person spec: Attributes | Essential ✓ | Desirable ✓ | Evidence"


def build(rng: random.Random, stem: str):
    d = start(rng, stem, "tick_columns")
    lay = d.layout
    lay.add(*jd_opening(d), *bullet_sections(d, d.sections()), *closing(d), PageBreak())
    lay.add(section_heading(d, d.pick(pools.PS_HEADINGS), "Heading 1"))
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
                cell(t), cell(tick if lv == "essential" else ""), cell(tick if lv == "desirable" else ""),
                cell(method_words(d, ms))]))
        lay.add(Table(rows, ([1.2] if numbered else []) + [8.3, 2.3, 2.3, 2.9]))
    return d.doc()
