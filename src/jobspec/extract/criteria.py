"""Person-specification criteria: from tables (see ps_tables) and from lists under headings."""

from __future__ import annotations

import re

from jobspec.extract.rules import CRITERION, Context
from jobspec.extract.rules.cell_items import split_inline
from jobspec.extract.rules.subjects import Drop, EntryStep, GroupFacts, Hint, Keep
from jobspec.extract.units import ITEM, Draft
from jobspec.extract.walker import Entry
from jobspec.extract.wording import PERSON_SPEC, norm_label
from jobspec.spec.model import Criterion

_LEVEL_ONLY = re.compile(r"\b(essential|desirable|criteria|requirements?|the following)\b", re.I)


def list_criteria(entries: list[Entry], ctx: Context) -> list[Draft]:
    """Criteria written as lists under person-spec headings ("Essential criteria", "Experience", ...)."""
    out: list[Draft] = []
    hint: dict[int, str] = {}
    groups_with_items = {e.group for e in entries if e.kind == PERSON_SPEC and e.unit.kind == ITEM}
    for e in entries:
        if e.kind != PERSON_SPEC:
            continue
        u = e.unit
        facts = GroupFacts(PERSON_SPEC, False, has_items=e.group in groups_with_items)
        rule, d = ctx.first(CRITERION, EntryStep(u, e.kind, facts))
        if isinstance(d, Hint):
            hint[e.group] = d.category
            u.decide(f"category hint: {d.category}", rule.code)
        elif isinstance(d, Drop):
            u.decide("not a criterion", rule.code)
        elif rule is not None and isinstance(d, Keep):
            text, level, methods, also = split_inline(u.text, e.ps_level or "essential", ctx)
            draft = Draft(text, level, e.ps_category or e.section, methods, u.prov, rule=rule.code, also=also, unit=u,
                          group=e.group)
            draft.category_hint = hint.get(e.group)
            out.append(draft)
    return out


def to_criteria(drafts: list[Draft], ctx: Context) -> list[Criterion]:
    """Number the drafts and normalise their categories."""
    out: list[Criterion] = []
    category_of = ctx.wording.category_of
    for i, d in enumerate(drafts, 1):
        label = d.category_label
        hint = d.category_hint
        if hint and (not label or category_of(_LEVEL_ONLY.sub("", label)) == "other"):
            cat = hint
        elif d.label_is_header and label and _mixed(label):
            cat = "other"
        else:
            cat = category_of(_LEVEL_ONLY.sub("", label or ""))
        c = Criterion(id=f"C{i:03d}", text=d.text, level=d.level, category=cat, category_label=label,
                      assessed_by=list(dict.fromkeys(d.assessed_by)), at=d.prov.describe(), rule=d.rule)
        if d.unit is not None:
            d.unit.decide(f"criterion {c.id}", " ".join([d.rule, *d.also]))
        out.append(c)
    return out


def _mixed(label: str) -> bool:
    """A column header naming more than one kind of thing ("Attributes / Experience")."""
    return bool(re.search(r"/|\band\b|&", norm_label(label)))
