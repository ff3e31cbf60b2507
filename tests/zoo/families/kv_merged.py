"""A two-column key/value job-details table that goes on: the purpose and the duties sit in
full-width merged rows under full-width label rows (the duties as bullets in one cell, or one duty
per row)."""

from __future__ import annotations

import random

from .. import pools
from ..compose import SHADES, closing, detail_rows, section_heading, standard_ps, start
from ..layout import Cell, PageBreak, Row, Table, cell, para

SUMMARY = "key/value details table with the purpose and duties in merged full-width rows"


def build(rng: random.Random, stem: str):
    d = start(rng, stem, "kv_merged")
    lay = d.layout
    lay.add(para(d.school, bold=True, size=14, align="center"), section_heading(d, d.pick(pools.JD_HEADINGS), "Heading 1"))
    shade = d.pick(SHADES)
    rows = [Row([cell(label, bold=True, shade=shade), cell(value)]) for label, value in detail_rows(d)]
    rows.append(Row([cell(d.pick(pools.PURPOSE_HEADINGS), bold=True, shade=shade, span=2)]))
    purposes = d.sample(d.purposes, 1, 2)
    d.purpose.extend(purposes)
    rows.append(Row([Cell([para(t) for t in purposes], span=2)]))
    rows.append(Row([cell(d.pick(pools.DUTIES_HEADINGS), bold=True, shade=shade, span=2)]))
    one_cell = rng.random() < 0.5
    glyph = d.glyph()
    blocks = []
    for _, title, duties in d.sections():
        for t in duties:
            d.duty(t, title)
        if one_cell:
            blocks += [para(title, bold=True), *d.lists.items(duties, glyph=glyph)]
        else:
            rows.append(Row([cell(title, bold=True, span=2)]))
            rows += [Row([cell(t, span=2)]) for t in duties]
    if one_cell:
        rows.append(Row([Cell(blocks, span=2)]))
    lay.add(Table(rows, [5.0, 12.0]), *closing(d), PageBreak(), *standard_ps(d, d.groups()))
    return d.doc()
