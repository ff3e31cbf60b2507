"""Duties: the duty rules asked about every item and paragraph of duties (and numbered) sections."""

from __future__ import annotations

from itertools import groupby

from jobspec.extract.rules import DUTY, Context
from jobspec.extract.rules.subjects import Drop, EntryStep, GroupFacts, Keep
from jobspec.extract.units import ITEM, PARA
from jobspec.extract.walker import Entry
from jobspec.extract.wording import DUTIES, UNKNOWN


def duty_entries(entries: list[Entry], ctx: Context) -> list[tuple[Entry, str]]:
    """Entries that are duties, in document order, each with the rule that took it."""
    out: list[tuple[Entry, str]] = []
    for _gid, grp in groupby(entries, key=lambda e: e.group):
        group = list(grp)
        kind, numbered = group[0].kind, group[0].numbered_section
        if kind not in (DUTIES, UNKNOWN):
            continue
        facts = GroupFacts(kind, numbered, has_items=any(e.unit.kind == ITEM for e in group),
                           items_only=group[0].items_only)
        for e in group:
            if e.unit.kind == PARA and ctx.wording.duty_lead_in.search(e.unit.text):
                facts.duty_lead_in = True
            rule, d = ctx.first(DUTY, EntryStep(e.unit, e.kind, facts))
            if rule is not None and isinstance(d, Keep):
                out.append((e, rule.code))
                facts.seen_items = facts.seen_items or e.unit.kind == ITEM
            elif isinstance(d, Drop):
                facts.closed = facts.closed or d.closes
                if kind == DUTIES or numbered:
                    e.unit.decide("not a duty", rule.code)
    return out
