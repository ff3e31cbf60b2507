"""What every layout rule is, and the context rules run in.

A rule has a stable ``code`` (``H01``), a dotted ``name`` (``heading.bold-line``), the ``stage``
of the extraction where it is asked, and a docstring that shows the layout it handles (what
``jobspec parse --list-rules`` and the README's rule table print). ``match(subject, ctx)`` says
whether it applies; ``apply(subject, ctx)`` returns its decision, whose shape the stage defines.

At each decision point the stage asks its rules in registry order and the first that matches
decides (:meth:`Context.first`); the review stage asks them all (:meth:`Context.each`).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from jobspec.extract.settings import DEFAULT_SETTINGS, ExtractSettings
from jobspec.extract.units import TraceRecord
from jobspec.extract.wording import Wording, load_wording

if TYPE_CHECKING:
    from jobspec.document import Block
    from jobspec.extract.units import Unit

#: The stages, in the order an extraction reaches them.
BLOCK = "block"  # a reader block (heading, paragraph, list item) -> units
PROMOTE = "promote"  # a list item among its neighbours -> heading over deeper items?
TABLE = "table"  # a table in its section -> person specification or page layout
ROW = "row"  # a row of a layout table -> items, fields or flowing cells
PS_TABLE = "ps-table"  # a person-specification table -> its column roles
PS_ROW = "ps-row"  # a row of a person-specification table -> criteria or a category
CELL_LINE = "cell-line"  # a line of a person-spec cell -> criterion text, level switch or nothing
INLINE = "inline"  # a criterion's text -> trailing level and method markers split off
SECTION = "section"  # a heading or a line in a section -> which section and category
DUTY = "duty"  # an item or paragraph in a section -> duty or not
CRITERION = "criterion"  # an item or paragraph in a person-spec section -> criterion or not
PURPOSE = "purpose"  # an item or paragraph -> job purpose statement or not
PAY = "pay"  # a pay line among the post details -> the grade written in it
POST = "post"  # the top of the document -> post details not given as fields
REVIEW = "review"  # the finished spec -> warnings that a person should check it
STAGES = (BLOCK, PROMOTE, TABLE, ROW, PS_TABLE, PS_ROW, CELL_LINE, INLINE, SECTION, DUTY, CRITERION, PURPOSE, PAY, POST, REVIEW)


class Rule:
    """Subclasses set ``code``, ``name``, ``stage`` and a docstring, and override ``apply``."""

    code: ClassVar[str]
    name: ClassVar[str]
    stage: ClassVar[str]

    def match(self, subject: Any, ctx: Context) -> bool:
        return True

    def apply(self, subject: Any, ctx: Context) -> Any:
        raise NotImplementedError

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        return cls.doc().split("\n\n")[0].replace("\n", " ")

    @classmethod
    def label(cls) -> str:
        return f"{cls.code} {cls.name}"


@dataclass(slots=True)
class Context:
    """What one extraction's rules share: settings, wording, the rules in force and the trace."""

    rules: tuple[Rule, ...]
    settings: ExtractSettings = DEFAULT_SETTINGS
    wording: Wording = field(default_factory=load_wording)
    #: units and table-row records in the order the walker met them (kept when tracing)
    log: list[Unit | TraceRecord] | None = None
    #: codes of the cell-line and inline rules that shaped the criteria of the current row or item
    fired: list[str] = field(default_factory=list)
    #: turns blocks into units (installed by the flow stage, used by rules that unroll cells)
    linearise: Callable[[list[Block]], list[Unit]] | None = None
    _by_stage: dict[str, tuple[Rule, ...]] = field(default_factory=dict)

    def stage(self, stage: str) -> tuple[Rule, ...]:
        got = self._by_stage.get(stage)
        if got is None:
            got = self._by_stage[stage] = tuple(r for r in self.rules if r.stage == stage)
        return got

    def first(self, stage: str, subject: Any) -> tuple[Rule, Any] | tuple[None, None]:
        """The first rule of ``stage`` that matches ``subject``, and its decision."""
        for rule in self.stage(stage):
            if rule.match(subject, self):
                return rule, rule.apply(subject, self)
        return None, None

    def each(self, stage: str, subject: Any) -> Iterator[tuple[Rule, Any]]:
        """Every rule of ``stage`` that matches ``subject``, with its decision."""
        for rule in self.stage(stage):
            if rule.match(subject, self):
                yield rule, rule.apply(subject, self)

    def field_of(self, label: str, *, whole: bool = False) -> str | None:
        return self.wording.field_of(label, self.settings.field_label_max_label_chars, whole=whole)
