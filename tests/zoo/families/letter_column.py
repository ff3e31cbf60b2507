"""``Criteria | E/D | Method of assessment``: one E or D letter per row, method letters, a key below.

Variants: a table per category under the category label, or one table whose first column holds the
category in a cell merged down its rows; person spec alone or after a job description."""

from __future__ import annotations

import random

from .. import pools
from ..compose import (
    details_lines,
    jd_then_ps_heading,
    letters_text,
    method_key,
    pick_methods,
    section_heading,
    start,
)
from ..layout import Cell, Row, Table, cell, para

SUMMARY = "single E/D letter column and a method-letter column, with the key below the table"
CRITERIA_HEADERS = ["Criteria", "Requirement", "Requirements", "Attributes", "Person specification"]
ED_HEADERS = ["E/D", "E or D", "Essential/Desirable", "E / D"]
METHOD_HEADERS = ["Method of assessment", "How assessed", "Assessment", "Identified by", "Evidence"]


def build(rng: random.Random, stem: str):
    d = start(rng, stem, "letter_column")
    lay = d.layout
    if rng.random() < 0.6:
        lay.add(*jd_then_ps_heading(d))
    else:
        lay.add(section_heading(d, d.pick(pools.PS_HEADINGS), "Heading 1"),
                *details_lines(d, fields=("title", "organisation", "grade")))
    methods, letters, key = method_key(d)
    head = [d.pick(CRITERIA_HEADERS), d.pick(ED_HEADERS), d.pick(METHOD_HEADERS)]
    shade = d.pick([None, "D9D9D9", "DEEAF6"])
    sep = d.pick(["/", ", ", " / ", " & "])

    def row(g, text, level):
        ms = pick_methods(d, methods)
        d.criterion(g, text, level, ms)
        return [cell(text), cell("E" if level == "essential" else "D"), cell(letters_text(d, ms, letters, sep))]

    groups = d.groups()
    if rng.random() < 0.5:  # a table per category, the label above it
        for g in groups:
            rows = [Row([cell(h, bold=True, shade=shade) for h in head], header=True)]
            rows += [Row(row(g, t, lv)) for t, lv in g.items]
            lay.add(section_heading(d, g.label, d.pick(["bold", "Heading 3"])), Table(rows, [11.0, 2.0, 4.0]))
    else:  # one table, the category merged down the first column
        rows = [Row([cell(h, bold=True, shade=shade) for h in [d.pick(["", "Category", "Area"]), *head]], header=True)]
        for g in groups:
            for k, (t, lv) in enumerate(g.items):
                first = Cell([para(g.label, bold=True)], vmerge="restart") if k == 0 else Cell([para()], vmerge="continue")
                rows.append(Row([first, *row(g, t, lv)]))
        lay.add(Table(rows, [3.5, 8.5, 1.8, 3.2]))
    lay.add(para(key, italic=rng.random() < 0.5, size=rng.choice([None, 9])))
    return d.doc()
