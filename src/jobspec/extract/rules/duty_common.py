"""What the duty rules share: what closes a list, and how long a lead-in may be."""

from __future__ import annotations

from jobspec.extract.rules.base import Context
from jobspec.extract.rules.subjects import EntryStep
from jobspec.extract.text import is_lead_in, words
from jobspec.extract.units import PARA
from jobspec.extract.wording import DUTIES


def closes_list(e: EntryStep, ctx: Context) -> bool:
    """Prose of at least ``closing_prose_min_words`` words after a section's list items ends the list."""
    g = e.group
    return (g is not None and g.kind == DUTIES and e.unit.kind == PARA and g.seen_items and not is_lead_in(e.unit.text)
            and len(words(e.unit.text)) >= ctx.settings.closing_prose_min_words)
