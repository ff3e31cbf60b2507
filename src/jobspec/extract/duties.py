"""Duties: the items (and, in item-less sections, the paragraphs) of duty sections."""

from __future__ import annotations

import re
from itertools import groupby

from jobspec.extract.sections import Entry
from jobspec.extract.text import is_lead_in, words
from jobspec.extract.units import ITEM, PARA
from jobspec.extract.vocabulary import DUTIES, UNKNOWN

# A note about the document itself, not a duty ("This job description is not exhaustive ...").
_NOTE = re.compile(r"^(the|this) job descriptions?\b|\bnot (an )?exhaustive\b|\bnot necessarily a comprehensive\b|"
                   r"\bwill be reviewed\b.*\bjob description\b", re.I)
# Prose that states the role rather than a duty ("The post holder will be responsible to the Head for ...").
ROLE_SUMMARY = re.compile(r"^(the|this) (post[- ]?holder|postholder|post|role|job|successful candidate|[a-z]+ teacher)"
                          r"( will be| is)( directly)? responsible (to|for)\b", re.I)


def duty_entries(entries: list[Entry]) -> list[Entry]:
    """Entries that are duties, in document order."""
    out: list[Entry] = []
    for _gid, grp in groupby(entries, key=lambda e: e.group):
        group = list(grp)
        kind = group[0].kind
        if kind == DUTIES:
            has_items = any(e.unit.kind == ITEM for e in group)
            seen_items = closed = False
            for e in group:
                u = e.unit
                lead_in = is_lead_in(u.text) and len(words(u.text)) <= 12
                if u.kind == ITEM and not closed and not lead_in and not _NOTE.search(u.text):
                    out.append(e)
                    seen_items = True
                elif u.kind == PARA and _prose_duty(u.text) and (not has_items or _TO_VERB.match(u.text)):
                    out.append(e)
                elif u.kind == PARA and seen_items and not is_lead_in(u.text) and len(words(u.text)) >= 8:
                    closed = True  # prose after the list: what follows belongs to the prose, not the duties
        elif kind == UNKNOWN and group[0].numbered_section:
            out.extend(e for e in group if e.unit.kind == ITEM and not is_lead_in(e.unit.text))
    return out


_TO_VERB = re.compile(r"^To [a-z]")


def _prose_duty(text: str) -> bool:
    if is_lead_in(text) or _NOTE.search(text) or ROLE_SUMMARY.search(text):
        return False
    return len(words(text)) >= 3
