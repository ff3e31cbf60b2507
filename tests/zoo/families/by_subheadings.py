"""Sentence-like sub-headings inside one duties section: ``Supporting pupils by:``, ``Support the
teacher by`` (no colon), each over a bullet list of ``…ing`` items, under a lead-in sentence."""

from __future__ import annotations

import random

from .. import pools
from ..compose import closing, jd_opening, section_heading, standard_ps, start
from ..layout import PageBreak, Para, Run, para

SUMMARY = "sentence-like 'Support the teacher by' sub-headings inside the duties section"
LEAD_INS = ["To work under the instruction and guidance of teaching staff to support pupils' learning by:",
            "Working with the class teacher, the post holder will contribute to learning in the following ways.",
            "The post holder will:", "Key tasks:"]


def build(rng: random.Random, stem: str):
    d = start(rng, stem, "by_subheadings", kinds=("classroom",))
    lay = d.layout
    lay.add(*jd_opening(d))
    lay.add(section_heading(d, d.pick(pools.DUTIES_HEADINGS + ["DUTIES"]), "Heading 2"))
    if rng.random() < 0.6:
        lay.add(para(d.pick(LEAD_INS)))
    keys = [k for k in ("teacher", "pupils", "curriculum", "school") if k in d.sample(pools.BY_HEADINGS, 3, 4)]
    look = d.pick(["plain", "bold", "underline", "italic"])
    glyph = d.glyph()
    for key in keys:
        text = d.pick(pools.BY_HEADINGS[key]) + (":" if rng.random() < 0.5 else "")
        lay.add(Para([Run(text, bold=look == "bold", underline=look == "underline", italic=look == "italic")]))
        items = [t + d.end.replace(".", ";") for t in d.sample(pools.BY_DUTIES[key], 3, 6)]
        lay.add(*d.lists.items(items, glyph=glyph))
        for t in items:
            d.duty(t, text)
    lay.add(*closing(d), PageBreak(), *standard_ps(d, d.groups()))
    return d.doc()
