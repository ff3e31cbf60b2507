from __future__ import annotations

from jobspec.lint.rules.similarity import DuplicateRule


class CriteriaDuplicate(DuplicateRule):
    """A person-specification criterion appears twice at the same level, word for word.

    Two entries in `criteria` with the same `level` have the same text once case, punctuation and
    spacing are ignored. Shortlisting panels score each criterion, so a repeated one is counted
    twice. The later copy is reported. (The same text at *different* levels is JS205.)

    Fix: delete one of them.
    """

    code = "JS203"
    name = "criteria.duplicate"
    severity = "warning"
    key = "criteria"
    noun = "criterion"
    exact = True
    same_level = True
