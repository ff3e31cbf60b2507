from __future__ import annotations

import re
from collections.abc import Iterator

from jobspec.lint.rules.base import Hit, Rule, SpecView
from jobspec.spec.schema import json_path

_WORD = re.compile(r"\w")


class TextEmpty(Rule):
    """A piece of text is empty: blank, or only punctuation.

    Checked in the post details (title, organisation, location, reports_to, responsible_for, grade,
    contract, salary and hours text, dates and other details), every purpose statement, and the
    text, section and category label of every duty and criterion. A value that is not known should be
    `null` (post details) or left out (list items); `""`, `" "` or `"-"` says nothing and hides the gap.

    Fix: write the text, or use `null` / delete the item.
    """

    code = "JS206"
    name = "text.empty"
    severity = "error"

    def check(self, spec: SpecView) -> Iterator[Hit]:
        for path, text in spec.texts():
            if not _WORD.search(text):
                shown = f"'{text}'" if text.strip() else ("blank" if text else "an empty string")
                yield Hit(path, f"{json_path(path)[2:]} is {shown}: write the text, or use null if it is not known")
