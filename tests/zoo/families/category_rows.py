"""Category rows spanning the whole table (one merged, shaded cell) between the criteria rows.

Variants: ``Criteria | Essential | Desirable`` with tick marks (and sometimes a How-assessed column
in words), or ``Essential | Desirable`` columns with each criterion written in its own column."""

from __future__ import annotations

import itertools
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
from ..layout import Cell, Row, Table, cell, para

SUMMARY = "category rows spanning the whole table between criteria rows"


def build(rng: random.Random, stem: str):
    d = start(rng, stem, "category_rows")
    lay = d.layout
    lay.add(*jd_then_ps_heading(d))
    shade = d.pick(SHADES)
    label_form = rng.randrange(3)
    groups = d.groups()
    if rng.random() < 0.5:
        tick = d.pick(TICKS)
        assessed = rng.random() < 0.5
        head = [d.pick(["Criteria", "Requirements", "Attributes"]), "Essential", "Desirable"]
        head += [d.pick(["How assessed", "Assessed by", "Evidence"])] if assessed else []
        rows = [Row([cell(h, bold=True) for h in head], header=True)]
        for n, g in enumerate(groups, 1):
            label = _written(g.label, n, label_form)
            rows.append(Row([cell(label, bold=True, shade=shade, span=len(head))]))
            for t, lv in g.items:
                ms = pick_methods(d, ["application_form", "interview", "references"]) if assessed else []
                d.criterion(g, t, lv, ms, label=label)
                rows.append(Row([cell(t), *tick_cells(tick, lv), *([cell(method_words(d, ms))] if assessed else [])]))
        widths = [8.6, 2.6, 2.6, 3.2] if assessed else [11.8, 2.6, 2.6]
    else:
        rows = [Row([cell("Essential", bold=True), cell("Desirable", bold=True)], header=True)]
        for n, g in enumerate(groups, 1):
            label = _written(g.label, n, label_form)
            rows.append(Row([cell(label, bold=True, shade=shade, span=2)]))
            pairs = itertools.zip_longest(g.level_items("essential"), g.level_items("desirable"))
            for e, dd in pairs:
                for t, lv in ((e, "essential"), (dd, "desirable")):
                    if t:
                        d.criterion(g, t, lv, label=label)
                rows.append(Row([Cell([para(e or "")]), Cell([para(dd or "")])]))
        widths = [8.5, 8.5]
    lay.add(Table(rows, widths))
    return d.doc()


def _written(label: str, n: int, form: int) -> str:
    """The category row as written: numbered, in capitals, or as it is."""
    return f"{n}. {label}" if form == 0 else label.upper() if form == 1 else label
