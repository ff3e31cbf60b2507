"""(E)/(D) markers at the end of each criterion, in lists under category headings (no table).

Variants: ``(E)``/``(D)`` or ``(Essential)``/``(Desirable)``; sometimes a method marker such as
``(A/I)`` after the level, explained by a key line."""

from __future__ import annotations

import random

from ..compose import (
    jd_then_ps_heading,
    letters_text,
    method_key,
    pick_methods,
    section_heading,
    start,
)
from ..layout import para

SUMMARY = "(E)/(D) markers at the end of criteria in lists"
INTROS = ["The successful candidate will be able to demonstrate:", "Applicants should show evidence of the following.",
          "We are looking for someone with:"]


def build(rng: random.Random, stem: str):
    d = start(rng, stem, "inline_markers")
    lay = d.layout
    lay.add(*jd_then_ps_heading(d))
    if rng.random() < 0.5:
        lay.add(para(d.pick(INTROS)))
    words = rng.random() < 0.3
    methods, letters, key = method_key(d) if rng.random() < 0.5 else (None, None, None)
    head_style = d.pick(["Heading 3", "bold", "bold"])
    glyph = d.glyph()
    for g in d.groups():
        lay.add(section_heading(d, g.label, head_style))
        texts = []
        for t, lv in g.items:
            mark = ("(Essential)" if lv == "essential" else "(Desirable)") if words else (
                "(E)" if lv == "essential" else "(D)")
            ms = pick_methods(d, methods) if methods else []
            texts.append(f"{t} {mark}" + (f" ({letters_text(d, ms, letters, '/')})" if ms else ""))
            d.criterion(g, t, lv, ms)
        lay.add(*d.lists.items(texts, glyph=glyph))
    if key:
        lay.add(para(key))
    return d.doc()
