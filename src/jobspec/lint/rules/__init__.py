"""The rule registry: every lint rule, in code order.

Each semantic rule is one module (``jsNNN_<name>.py``) holding one :class:`Rule` subclass with its
code, dotted name, default severity and a docstring that ``jobspec lint --explain CODE`` prints.
Codes are stable: JS0xx reading the YAML, JS1xx the JSON Schema, JS2xx what the spec says.
"""

from __future__ import annotations

from jobspec.lint.rules.base import Hit, Rule, SpecView
from jobspec.lint.rules.js201_duties_duplicate import DutiesDuplicate
from jobspec.lint.rules.js202_duties_near_duplicate import DutiesNearDuplicate
from jobspec.lint.rules.js203_criteria_duplicate import CriteriaDuplicate
from jobspec.lint.rules.js204_criteria_near_duplicate import CriteriaNearDuplicate
from jobspec.lint.rules.js205_criteria_essential_and_desirable import CriteriaEssentialAndDesirable
from jobspec.lint.rules.js206_text_empty import TextEmpty
from jobspec.lint.rules.js207_text_placeholder import TextPlaceholder
from jobspec.lint.rules.js208_criteria_no_essential import CriteriaNoEssential
from jobspec.lint.rules.js209_salary_min_above_max import SalaryMinAboveMax
from jobspec.lint.rules.js210_salary_implausible import SalaryImplausible
from jobspec.lint.rules.js211_hours_over_48 import HoursOver48
from jobspec.lint.rules.js212_hours_term_time_without_weeks import HoursTermTimeWithoutWeeks
from jobspec.lint.rules.js213_ids_not_unique import IdsNotUnique
from jobspec.lint.rules.js214_source_changed import SourceChanged
from jobspec.lint.rules.js215_salary_term_time_fte_only import SalaryTermTimeFteOnly
from jobspec.lint.rules.js216_check_skipped import CheckSkipped
from jobspec.lint.rules.js217_lint_unknown_disable import UnknownDisable
from jobspec.lint.rules.js218_text_too_long import TextTooLong
from jobspec.lint.rules.syntax import (
    FileTooLarge,
    SchemaViolation,
    YamlAliasBomb,
    YamlDuplicateKey,
    YamlSyntax,
    YamlTab,
    YamlUnsafeTag,
)

RULES: tuple[type[Rule], ...] = (
    YamlSyntax, YamlDuplicateKey, YamlTab, YamlUnsafeTag, YamlAliasBomb, FileTooLarge,
    SchemaViolation,
    DutiesDuplicate, DutiesNearDuplicate, CriteriaDuplicate, CriteriaNearDuplicate,
    CriteriaEssentialAndDesirable, TextEmpty, TextPlaceholder, CriteriaNoEssential, SalaryMinAboveMax,
    SalaryImplausible, HoursOver48, HoursTermTimeWithoutWeeks, IdsNotUnique, SourceChanged,
    SalaryTermTimeFteOnly, CheckSkipped, UnknownDisable, TextTooLong,
)
BY_CODE: dict[str, type[Rule]] = {r.code: r for r in RULES}
BY_NAME: dict[str, type[Rule]] = {r.name: r for r in RULES}

__all__ = ["RULES", "BY_CODE", "BY_NAME", "Rule", "Hit", "SpecView", "find_rule"]


def find_rule(code_or_name: str) -> type[Rule] | None:
    """A rule by code (case-insensitive) or dotted name."""
    return BY_CODE.get(code_or_name.strip().upper()) or BY_NAME.get(code_or_name.strip())
