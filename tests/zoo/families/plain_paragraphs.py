"""Duties as plain paragraphs, one per duty, under bold (not heading-styled) section lines."""

from __future__ import annotations

import random

from .. import pools
from ..compose import closing, jd_opening, section_heading, standard_ps, start
from ..layout import PageBreak, Para, Run, para

SUMMARY = "duties as plain paragraphs (no bullets) under bold headings"


def build(rng: random.Random, stem: str):
    d = start(rng, stem, "plain_paragraphs")
    d.end = d.pick([".", ".", ""])  # paragraphs usually end with a full stop
    lay = d.layout
    lay.add(*jd_opening(d))
    lay.add(section_heading(d, d.pick(pools.DUTIES_HEADINGS), d.pick(["Heading 2", "bold-caps"])))
    look = d.pick(["bold", "bold-underline", "bold-caps"])
    gap = d.pick([None, 8.0])
    for _, title, duties in d.sections():
        text = title.upper() if look == "bold-caps" else title
        lay.add(Para([Run(text, bold=True, underline=look == "bold-underline")]))
        for t in duties:
            p = para(t)
            p.space_after = gap
            lay.add(p)
            d.duty(t, text)
    lay.add(*closing(d), PageBreak(), *standard_ps(d, d.groups()))
    return d.doc()
