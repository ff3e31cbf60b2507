from __future__ import annotations

from jobspec.lint.rules.similarity import DuplicateRule


class DutiesNearDuplicate(DuplicateRule):
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
    key = "duties"
    noun = "duty"
    exact = False
