"""The title in large type: a 18-26 pt bold run in a Normal paragraph (no heading style), the school
on the line under it, then ``Label: value`` lines for the other details."""

from __future__ import annotations

import random

from ..compose import bullet_sections, closing, details_lines, purpose_blocks, standard_ps, start
from ..layout import PageBreak, para

SUMMARY = "title in large type without a heading style, school name on the line under it"
SUBTITLES = ["Job Description and Person Specification", "Job description", "Role profile", None]


def build(rng: random.Random, stem: str):
    d = start(rng, stem, "large_title")
    lay = d.layout
    align = d.pick([None, "center"])
    lay.add(para(d.title, bold=True, size=rng.choice([18, 20, 22, 24, 26]), align=align))
    lay.add(para(d.school, bold=rng.random() < 0.5, size=rng.choice([None, 12, 14]), align=align))
    d.post.title, d.post.organisation = d.title, d.school
    sub = d.pick(SUBTITLES)
    if sub:
        lay.add(para(sub, italic=True, align=align))
    lay.add(*details_lines(d, fields=("grade", "salary", "hours", "reports_to")))
    lay.add(*purpose_blocks(d), *bullet_sections(d, d.sections()), *closing(d), PageBreak())
    lay.add(*standard_ps(d, d.groups()))
    return d.doc()
