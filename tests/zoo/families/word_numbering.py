"""Word multi-level numbering: one numbering.xml list whose level 1 (``1.``) holds the bold section
lines and level 2 (``1.1.``) the duties; the numbers exist only in the list definition."""

from __future__ import annotations

import random

from . import typed_numbering

SUMMARY = "Word multi-level list: 1. section items over 1.1. duty items"


def build(rng: random.Random, stem: str):
    return typed_numbering.build(rng, stem, word_lists=True)
