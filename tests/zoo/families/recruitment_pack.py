"""A recruitment pack: a cover page, a welcome letter, "About our school" (with a values list), what
the school offers and how to apply (numbered steps), and only then the job description and person
specification. None of the prose, values, benefits or steps is a duty or a criterion."""

from __future__ import annotations

import random

from .. import pools
from ..compose import bullet_sections, closing, jd_opening, section_heading, standard_ps, start
from ..layout import PageBreak, para

SUMMARY = "recruitment pack: pages of prose about the school before the JD and PS"
PACK_NAMES = ["Recruitment pack", "Application pack", "Candidate information pack", "Information for applicants"]


def build(rng: random.Random, stem: str):
    d = start(rng, stem, "recruitment_pack")
    lay = d.layout
    fill = {"school": d.school, "title": d.title, "place": d.place, "n": rng.choice([180, 210, 315, 420])}
    lay.add(para(d.school, bold=True, size=22, align="center"), para(d.pick(PACK_NAMES), size=16, align="center"),
            para(d.title, size=16, align="center"), para(f"Closing date: {rng.randint(3, 27)} March", align="center"),
            PageBreak())
    lay.add(section_heading(d, d.pick(["A welcome from our headteacher", "Letter from the headteacher", "Welcome"]),
                            "Heading 1"))
    lay.add(*(para(t.format(**fill)) for t in pools.WELCOME))
    lay.add(para("Yours sincerely,"), para(d.pick(pools.HEADS)), para("Headteacher"))
    lay.add(section_heading(d, d.pick(["About our school", "Our school", "About us"]), "Heading 1"))
    lay.add(*(para(t.format(**fill)) for t in d.sample(pools.ABOUT, 3, 5)))
    lay.add(section_heading(d, d.pick(["Our values", "What we believe"]), "Heading 2"))
    lay.add(*d.lists.items(d.sample(pools.VALUES, 3, 5), glyph=d.glyph()))
    lay.add(section_heading(d, d.pick(["What we can offer you", "Why work with us?", "Benefits"]), "Heading 2"))
    lay.add(*d.lists.items(d.sample(pools.OFFER, 3, 5), glyph=d.glyph()))
    lay.add(section_heading(d, d.pick(["How to apply", "Applying for this post"]), "Heading 1"))
    lay.add(*(para(t) for t in pools.APPLY[:2]), *d.lists.items(pools.APPLY_STEPS, kind="decimal"),
            para(pools.APPLY[2]), PageBreak())
    lay.add(*jd_opening(d), *bullet_sections(d, d.sections()), *closing(d), PageBreak())
    lay.add(*standard_ps(d, d.groups()))
    return d.doc()
