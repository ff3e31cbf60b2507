"""``Essential:`` and ``Desirable:`` sub-lists inside one cell per category.

Each row is a category; its criteria cell holds an ``Essential:`` line followed by the items, then a
``Desirable:`` line and its items (bulleted, plain lines, or written inline as ``Essential: item``);
sometimes a How-assessed column applies to the whole row."""

from __future__ import annotations

import random

from ..compose import (
    SHADES,
    jd_then_ps_heading,
    method_words,
    pick_methods,
    start,
)
from ..layout import Cell, Row, Table, cell, para

SUMMARY = "Essential: / Desirable: sub-lists inside one cell per category"
LABELS = [("Essential:", "Desirable:"), ("Essential", "Desirable"), ("ESSENTIAL:", "DESIRABLE:"),
          ("Essential criteria:", "Desirable criteria:")]


def build(rng: random.Random, stem: str):
    d = start(rng, stem, "ed_sublists")
    lay = d.layout
    lay.add(*jd_then_ps_heading(d))
    labels = d.pick(LABELS)
    items_form = d.pick(["bullets", "bullets", "lines", "inline"])
    label_bold = rng.random() < 0.6
    assessed = rng.random() < 0.4
    glyph = d.glyph()
    shade = d.pick([None, *SHADES])
    head = [d.pick(["Category", "Area", "Attribute", ""]), d.pick(["Criteria", "Requirements", "Specification"])]
    head += [d.pick(["How assessed", "Assessment"])] if assessed else []
    rows = [Row([cell(h, bold=True, shade=shade) for h in head], header=True)]
    for g in d.groups():
        ms = pick_methods(d, ["application_form", "interview", "references"]) if assessed else []
        blocks = []
        for level, label in zip(("essential", "desirable"), labels, strict=True):
            texts = g.level_items(level)
            if not texts:
                continue
            if items_form == "inline":
                blocks.extend(para(f"{label.rstrip(':')}: {t}") for t in texts)
            else:
                blocks.append(para(label, bold=label_bold))
                blocks.extend(d.lists.items(texts, glyph=glyph) if items_form == "bullets" else [para(t) for t in texts])
            for t in texts:
                d.criterion(g, t, level, ms)
        rows.append(Row([cell(g.label, bold=True), Cell(blocks), *([cell(method_words(d, ms))] if assessed else [])]))
    lay.add(Table(rows, [4.0, 10.0, 3.0] if assessed else [4.5, 12.5]))
    return d.doc()
