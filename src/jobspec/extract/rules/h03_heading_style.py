from __future__ import annotations

from jobspec.document import Heading
from jobspec.extract.rules.base import BLOCK, Context, Rule
from jobspec.extract.text import clean
from jobspec.extract.units import HEADING, STYLE, Unit


class HeadingStyle(Rule):
    """A heading the reader saw as one: a Word heading style, large PDF type, a Markdown ``#``.

    Anti-pattern: treating ``Heading 2: Main duties`` as body text because it is short.
    Best practice: the reader's heading is a heading, whatever its words; its words only decide
    which kind of section it opens (S01).
    """

    code = "H03"
    name = "heading.style"
    stage = BLOCK

    def match(self, b: object, ctx: Context) -> bool:
        return isinstance(b, Heading)

    def apply(self, b: Heading, ctx: Context) -> list[Unit]:
        return [Unit(HEADING, clean(b.text), b.prov, rule=self.code, cue=STYLE, level=b.level)]
