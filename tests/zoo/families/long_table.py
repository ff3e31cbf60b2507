"""A long person-spec table that runs over page breaks, its header row repeated on every page.

One row per criterion (category merged down its rows, left blank, or repeated), tick columns and an
evidence column; rows never split across pages. The job description before it means the table
starts part-way down a page."""

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
from ..layout import Cell, Row, Table, cell, para

SUMMARY = "a long person-spec table over page breaks with repeated header rows"


def build(rng: random.Random, stem: str):
    d = start(rng, stem, "long_table")
    lay = d.layout
    lay.add(*jd_then_ps_heading(d, break_page=False))
    tick = d.pick(TICKS)
    cat_form = d.pick(["merged", "blank", "repeated"])
    head = [d.pick(["Category", "Area", "Heading"]), d.pick(["Criteria", "Requirement", "Attributes"]),
            "Essential", "Desirable", d.pick(["Evidence", "How assessed", "Assessment method"])]
    rows = [Row([cell(h, bold=True, shade=d.pick(SHADES)) for h in head], header=True)]
    for g in d.groups(5, 5, (6, 9), desirable=0.3):
        for k, (t, lv) in enumerate(g.items):
            if cat_form == "merged":
                first = Cell([para(g.label, bold=True)], vmerge="restart" if k == 0 else "continue")
            else:
                first = cell(g.label if k == 0 or cat_form == "repeated" else "", bold=True)
            ms = pick_methods(d, ["application_form", "interview", "references", "certificates"])
            d.criterion(g, t, lv, ms)
            rows.append(Row([first, cell(t), *tick_cells(tick, lv), cell(method_words(d, ms))]))
    lay.add(Table(rows, [2.8, 5.2, 2.8, 2.8, 3.4]))
    return d.doc()
