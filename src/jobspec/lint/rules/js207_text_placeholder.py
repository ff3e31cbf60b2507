from __future__ import annotations

import re
from collections.abc import Iterator

from jobspec.lint.rules.base import Hit, Rule, SpecView
from jobspec.spec.schema import json_path

# Every repetition is bounded, so no input can make a pattern backtrack for long.
PLACEHOLDERS = (
    re.compile(r"\[(?!sic\])[^\[\]\n]{0,60}?[A-Za-z][^\[\]\n]{0,60}?\]"),  # [Name of School], [insert date]
    re.compile(r"<[A-Za-z][A-Za-z _/-]{0,40}>"),  # <school name>
    re.compile(r"\{\{[^{}\n]{0,60}\}\}|\$\{[^{}\n]{0,60}\}"),  # {{school}}, ${grade}
    re.compile(r"\b(?:TBC|TBA|TBD)\b|\bto be confirmed\b", re.I),
    re.compile(r"\blorem ipsum\b", re.I),
    re.compile(r"(?<![A-Za-z0-9])(?:X{2,}|x{3,})(?![A-Za-z0-9])|£\s?[Xx]{2,}"),  # XXX, £XX,XXX
)


class TextPlaceholder(Rule):
    """Template placeholder text was never filled in.

    Flags text that still looks like a template: words in square brackets (`[Name of School]`,
    `[insert date]`; `[sic]` is fine), angle brackets or braces (`<school name>`, `{{grade}}`),
    `TBC` / `TBA` / `TBD` / "to be confirmed", "lorem ipsum", and runs of X (`XXX`, `£XX,XXX`).
    Checked in the same fields as JS206. A spec that still says "[Name of School]" was made from a
    template nobody finished, and will be wrong wherever it is published or compared.

    Fix: replace the placeholder with the real detail, or use `null` if it is not known yet.
    """

    code = "JS207"
    name = "text.placeholder"
    severity = "error"

    def check(self, spec: SpecView) -> Iterator[Hit]:
        for path, text in spec.texts():
            for pattern in PLACEHOLDERS:
                m = pattern.search(text)
                if m:
                    yield Hit(path, f"placeholder text '{m.group(0)}' in {json_path(path)[2:]}: fill it in")
                    break
