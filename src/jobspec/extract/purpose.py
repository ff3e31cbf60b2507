"""Job purpose: the purpose rules asked about every item and paragraph."""

from __future__ import annotations

from jobspec.extract.rules import PURPOSE, Context
from jobspec.extract.rules.subjects import EntryStep, Keep
from jobspec.extract.walker import Entry


def purpose_items(entries: list[Entry], ctx: Context) -> list[str]:
    out: list[str] = []
    for e in entries:
        rule, d = ctx.first(PURPOSE, EntryStep(e.unit, e.kind))
        if rule is not None and isinstance(d, Keep):
            text = d.text or e.unit.text
            if text not in out:
                out.append(text)
            e.unit.decide("purpose", rule.code)
        elif rule is not None:
            e.unit.decide("not purpose", rule.code)
    return out
