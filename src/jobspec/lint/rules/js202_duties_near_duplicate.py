from __future__ import annotations

from collections.abc import Iterator

from jobspec.lint.rules.base import Hit, Rule, SpecView, label
from jobspec.lint.rules.similarity import NEAR, matches


class DutiesNearDuplicate(Rule):
    """Two duties are nearly the same.

    Two entries in `duties` are at least 90% alike (rapidfuzz `fuzz.ratio` on the text with case,
    punctuation and spacing ignored) without being identical: typically one duty copied into two
    sections and then edited in only one of them. The later one is reported, naming the earlier.

    Fix: merge them, or reword one so the difference is clear. If both are right, disable the rule
    for that item with `# jobspec: disable=JS202` on its `- id:` line.
    """

    code = "JS202"
    name = "duties.near-duplicate"
    severity = "warning"

    def check(self, spec: SpecView) -> Iterator[Hit]:
        items = dict(spec.items("duties"))
        for m in matches(spec, "duties"):
            if not m.exact:
                first = label(items[m.earlier], "duties", m.earlier)
                yield Hit(("duties", m.later, "text"),
                          f"duty {label(items[m.later], 'duties', m.later)} is nearly the same as {first} "
                          f"(line {spec.line_of(('duties', m.earlier))}, {m.score:.0f}% alike; "
                          f"threshold {NEAR:.0f}%)")
