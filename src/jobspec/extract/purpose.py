"""Job purpose: the statements under a purpose/summary heading, or a role-summary sentence."""

from __future__ import annotations

import re

from jobspec.extract.duties import ROLE_SUMMARY
from jobspec.extract.sections import Entry
from jobspec.extract.text import is_lead_in
from jobspec.extract.units import ITEM, PARA
from jobspec.extract.vocabulary import DUTIES, PURPOSE


def purpose_items(entries: list[Entry]) -> list[str]:
    out: list[str] = []
    for e in entries:
        u = e.unit
        if e.kind == PURPOSE and u.kind in (ITEM, PARA) and not is_lead_in(u.text):
            out.append(u.text)
        elif e.kind == DUTIES and u.kind == PARA and ROLE_SUMMARY.search(u.text):
            out.append(_first_sentence(u.text))
    return out


def _first_sentence(text: str) -> str:
    m = re.search(r"(?<=[a-z)])\.\s+(?=[A-Z])", text)
    return text[: m.start() + 1] if m else text
