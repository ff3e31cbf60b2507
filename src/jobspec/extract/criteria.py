"""Person-specification criteria: from tables (see ps_table) and from lists under headings."""

from __future__ import annotations

import re

from jobspec.extract.ps_table import Draft, split_inline
from jobspec.extract.sections import Entry
from jobspec.extract.text import is_lead_in
from jobspec.extract.units import ITEM, PARA
from jobspec.extract.vocabulary import PERSON_SPEC, category_of, norm_label
from jobspec.spec.model import Criterion

# "Key: A = Application form, I = Interview" and similar legends are not criteria
_LEGEND = re.compile(r"(\b[A-Z]{1,2}\s*[=:–-]\s*[A-Z]?[a-z]+.*){2,}")
_STATEMENT = re.compile(r"committed to (the )?safeguarding|equal opportunit(y|ies) employer|\bwe (welcome|encourage) applications", re.I)
_LEVEL_ONLY = re.compile(r"\b(essential|desirable|criteria|requirements?|the following)\b", re.I)


def list_criteria(entries: list[Entry]) -> list[Draft]:
    """Criteria written as lists under person-spec headings ("Essential criteria", "Experience", ...)."""
    out: list[Draft] = []
    hint: dict[int, str] = {}
    groups_with_items = {e.group for e in entries if e.kind == PERSON_SPEC and e.unit.kind == ITEM}
    for e in entries:
        if e.kind != PERSON_SPEC:
            continue
        u = e.unit
        if u.kind == PARA and is_lead_in(u.text):
            cat = category_of(u.text)
            if cat != "other":
                hint[e.group] = cat
            continue
        if _LEGEND.search(u.text) or _STATEMENT.search(u.text):
            continue
        if u.kind == ITEM or (u.kind == PARA and e.group not in groups_with_items and len(u.text) < 250):
            text, level, methods = split_inline(u.text, e.ps_level or "essential")
            d = Draft(text, level, e.ps_category or e.section, methods, u.prov)
            d.category_hint = hint.get(e.group)
            out.append(d)
    return out


def to_criteria(drafts: list[Draft]) -> list[Criterion]:
    """Number the drafts and normalise their categories."""
    out: list[Criterion] = []
    for i, d in enumerate(drafts, 1):
        label = d.category_label
        hint = d.category_hint
        if hint and (not label or category_of(_LEVEL_ONLY.sub("", label)) == "other"):
            cat = hint
        elif d.label_is_header and label and _mixed(label):
            cat = "other"
        else:
            cat = category_of(_LEVEL_ONLY.sub("", label or ""))
        out.append(Criterion(id=f"C{i:03d}", text=d.text, level=d.level, category=cat, category_label=label,
                             assessed_by=list(dict.fromkeys(d.assessed_by)), at=d.prov.describe()))
    return out


def _mixed(label: str) -> bool:
    """A column header naming more than one kind of thing ("Attributes / Experience")."""
    return bool(re.search(r"/|\band\b|&", norm_label(label)))
