"""Typed nested numbering: a bold ``1. Support for pupils`` line, then ``1.1 …``, ``1.2 …`` items.

The numbers are typed into Normal paragraphs (no Word list); the section line is bold body text or a
heading style, and the item numbers are written ``1.1``, ``1.1.`` or ``1.1)``."""

from __future__ import annotations

import random

from .. import pools
from ..compose import Draft, closing, jd_opening, section_heading, standard_ps, start
from ..layout import ListSpec, PageBreak, Para, Run, para

SUMMARY = "typed 1. section lines over 1.1, 1.2 items (no Word list)"


def duties_blocks(d: Draft, sections, word_lists: bool) -> list[Para]:
    """The duties heading, then numbered sections of numbered items (typed, or a Word multi-level list)."""
    out = [section_heading(d, d.pick(pools.DUTIES_HEADINGS), "Heading 2")]
    if d.rng.random() < 0.4:
        out.append(para(d.pick(pools.LEAD_INS)))
    number_form = d.pick(["{n}.{k}", "{n}.{k}.", "{n}.{k})"])
    head_style = d.pick(["bold", "bold", "Heading 3", "bold-caps"])
    list_id = d.lists.new()
    for n, (_, title, duties) in enumerate(sections, 1):
        if word_lists:
            text = title.upper() if head_style == "bold-caps" else title
            out.append(Para([Run(text, bold=True)], lst=ListSpec("multilevel", list_id, 0)))
        else:
            head = section_heading(d, f"{n}. {title}", head_style)
            text = head.text
            out.append(head)
        for k, t in enumerate(duties, 1):
            if word_lists:
                out.append(Para([Run(t)], lst=ListSpec("multilevel", list_id, 1)))
            else:
                out.append(para(f"{number_form.format(n=n, k=k)} {t}"))
            d.duty(t, text)
    return out


def build(rng: random.Random, stem: str, word_lists: bool = False):
    d = start(rng, stem, "word_numbering" if word_lists else "typed_numbering")
    lay = d.layout
    lay.add(*jd_opening(d), *duties_blocks(d, d.sections(3, 5, (2, 5)), word_lists), *closing(d), PageBreak())
    lay.add(*standard_ps(d, d.groups()))
    return d.doc()
