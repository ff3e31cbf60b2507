"""A council-template JD: main duties as bullets, then numbered job-evaluation factors whose lines
describe the role ("Contacts are mainly with…") or restate duties ("Pass on messages…"). The
factor lines that read as duties are optional in the gold, with the factor as their section; the
descriptive ones are not duties."""

from __future__ import annotations

import random

from .. import pools
from ..compose import bullet_sections, closing, jd_opening, section_heading, standard_ps, start
from ..layout import PageBreak, para

SUMMARY = "council JD with numbered job-evaluation factors after the main duties"


def build(rng: random.Random, stem: str):
    d = start(rng, stem, "job_factors", kinds=("classroom", "lunchtime", "site", "office", "pastoral"))
    lay = d.layout
    lay.add(para(d.pick(pools.COUNCILS), bold=True, align="right"))
    lay.add(*jd_opening(d), *bullet_sections(d, d.sections(2, 3)))
    lay.add(section_heading(d, d.pick(pools.FACTOR_HEADINGS), "Heading 2"))
    bullets = rng.random() < 0.5
    glyph = d.glyph()
    for n, (name, described, duties) in enumerate(d.sample(pools.FACTORS, 5, 7), 1):
        lay.add(para(f"{n}. {name}", bold=True))
        lines = described + duties if rng.random() < 0.5 else duties + described
        lay.add(*(d.lists.items(lines, glyph=glyph) if bullets else [para(t) for t in lines]))
        for t in duties:
            d.duty(t, name, optional=True)
    lay.add(*closing(d), PageBreak(), *standard_ps(d, d.groups()))
    return d.doc()
