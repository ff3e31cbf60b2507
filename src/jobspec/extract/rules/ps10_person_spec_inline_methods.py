from __future__ import annotations

import re

from jobspec.extract.rules.base import INLINE, Context, Rule
from jobspec.extract.rules.subjects import InlineText

_INLINE_METHODS = re.compile(r"\s*[\(\[]\s*((?:[AIRCTOP]{1,2})(?:\s*[/,&+]\s*[AIRCTOP]{1,2})*)\s*[\)\]]\s*$")


class PersonSpecInlineMethods(Rule):
    """Trailing method letters such as ``(A/I)`` or ``[A, I, R]`` say how a criterion is assessed and are cut off.

    Letters follow the layout wording's key (A application form, I interview, R references, C
    certificates, T/O/P assessment). Before: ``Good literacy skills (A/I)``.  After: "Good
    literacy skills", assessed by application form and interview.
    """

    code = "PS10"
    name = "person-spec.inline-methods"
    stage = INLINE

    def match(self, it: InlineText, ctx: Context) -> bool:
        return _INLINE_METHODS.search(it.text) is not None

    def apply(self, it: InlineText, ctx: Context) -> None:
        m = _INLINE_METHODS.search(it.text)
        assert m is not None
        it.methods = ctx.wording.methods_in(m.group(1)) or it.methods
        it.text = it.text[: m.start()].rstrip()
