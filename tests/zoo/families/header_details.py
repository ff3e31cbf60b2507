"""The post details live in the page header (title, school, grade), not in the body.

Variants: three header lines, or a one-row, three-cell header table. Word's text export drops page
headers, so this family has no .txt form."""

from __future__ import annotations

import random

from .. import pools
from ..compose import bullet_sections, closing, purpose_blocks, section_heading, standard_ps, start
from ..layout import PageBreak, Row, Table, cell, para

SUMMARY = "post details (title, school, grade) in the page header"


def build(rng: random.Random, stem: str):
    d = start(rng, stem, "header_details")
    lay = d.layout
    d.post.title, d.post.organisation, d.post.grade = d.title, d.school, d.grade
    form = rng.randrange(3)
    if form == 0:
        lay.header = [para(d.school, bold=True), para(d.title), para(d.grade)]
    elif form == 1:
        lay.header = [para(d.school, bold=True, align="right"), para(f"{d.pick(pools.JD_HEADINGS)}: {d.title}"),
                      para(f"Grade: {d.grade}")]
    else:
        lay.header = [Table([Row([cell(d.title, bold=True), cell(d.school), cell(d.grade)])], [6.0, 6.0, 5.0],
                            borders=False)]
    lay.add(section_heading(d, d.pick(pools.JD_HEADINGS), "Heading 1"))
    lay.add(*purpose_blocks(d), *bullet_sections(d, d.sections()), *closing(d), PageBreak())
    lay.add(*standard_ps(d, d.groups()))
    return d.doc(formats=("docx", "pdf-lo", "pdf-chrome"))
