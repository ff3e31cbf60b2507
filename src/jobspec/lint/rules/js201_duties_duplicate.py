from __future__ import annotations

from collections.abc import Iterator

from jobspec.lint.rules.base import Hit, Rule, SpecView, label
from jobspec.lint.rules.similarity import matches


class DutiesDuplicate(Rule):
    """A duty appears twice, word for word.

    Two entries in `duties` have the same text once case, punctuation and spacing are ignored. A job
    description that lists a duty twice usually had a section pasted in twice, or the parser read the
    same list from two places (a table and the body text). The later copy is reported.

    Fix: delete one of them, or, if they really are two duties, say what differs.
    """

    code = "JS201"
    name = "duties.duplicate"
    severity = "warning"

    def check(self, spec: SpecView) -> Iterator[Hit]:
        items = dict(spec.items("duties"))
        for m in matches(spec, "duties"):
            if m.exact:
                first = label(items[m.earlier], "duties", m.earlier)
                yield Hit(("duties", m.later, "text"),
                          f"duty {label(items[m.later], 'duties', m.later)} repeats {first} "
                          f"(line {spec.line_of(('duties', m.earlier))}) word for word")
