from __future__ import annotations

from jobspec.lint.rules.similarity import DuplicateRule


class DutiesDuplicate(DuplicateRule):
    """A duty appears twice, word for word.

    Two entries in `duties` have the same text once case, punctuation and spacing are ignored. A job
    description that lists a duty twice usually had a section pasted in twice, or the parser read the
    same list from two places (a table and the body text). The later copy is reported.

    Fix: delete one of them, or, if they really are two duties, say what differs.
    """

    code = "JS201"
    name = "duties.duplicate"
    severity = "warning"
    key = "duties"
    noun = "duty"
    exact = True
