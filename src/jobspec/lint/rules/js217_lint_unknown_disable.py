from __future__ import annotations

from jobspec.lint.rules.base import Rule


class UnknownDisable(Rule):
    """An inline disable comment names a rule that does not exist.

    `# jobspec: disable=JS2O1` (a letter O for a zero) or a misspelt rule name silences nothing, so
    the finding it was meant to silence still appears, or a later one of that rule would not be
    silenced as intended. Rule codes (`JS201`), dotted names (`duties.duplicate`) and `all` are
    understood; anything else is reported at the comment.

    Fix: correct the code (`jobspec lint --list-rules` lists them), or remove the comment.
    """

    code = "JS217"
    name = "lint.unknown-disable"
    severity = "warning"
