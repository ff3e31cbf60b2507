from __future__ import annotations

from collections.abc import Iterator

from jobspec.lint.rules.base import Hit, Rule, SpecView, label
from jobspec.lint.rules.similarity import matches


class CriteriaDuplicate(Rule):
    """A person-specification criterion appears twice at the same level, word for word.

    Two entries in `criteria` with the same `level` have the same text once case, punctuation and
    spacing are ignored. Shortlisting panels score each criterion, so a repeated one is counted
    twice. The later copy is reported. (The same text at *different* levels is JS205.)

    Fix: delete one of them.
    """

    code = "JS203"
    name = "criteria.duplicate"
    severity = "warning"

    def check(self, spec: SpecView) -> Iterator[Hit]:
        items = dict(spec.items("criteria"))
        for m in matches(spec, "criteria", same_level=True):
            if m.exact:
                first = label(items[m.earlier], "criteria", m.earlier)
                yield Hit(("criteria", m.later, "text"),
                          f"criterion {label(items[m.later], 'criteria', m.later)} repeats {first} "
                          f"(line {spec.line_of(('criteria', m.earlier))}) word for word")
