"""Every layout rule's cases (tests/fixtures/extract/<CODE>.yaml), run through the whole extraction.

Each case gives a small document in compact document-model YAML and what must come out: duties,
criteria, purpose, post fields, and (``trace``) what chosen blocks became and which rule decided.
``JOBSPEC_WITHOUT_RULE=CODE`` runs every case with that rule left out and compares behaviour only
(rule codes ignored): ``scripts/rule_mutations.py`` uses it to show each rule is needed.
"""

from __future__ import annotations

import os
from typing import Any

import pytest

from extract_fixtures import FIXTURES, check_case, load_cases, run_case
from jobspec.extract.rules import BY_CODE, RULES

WITHOUT = os.environ.get("JOBSPEC_WITHOUT_RULE", "")
CASES = load_cases()


@pytest.mark.parametrize(("code", "case"), CASES, ids=[f"{c}-{k['name']}" for c, k in CASES])
def test_rule_case(code: str, case: dict[str, Any]) -> None:
    check_case(case, without=WITHOUT)


def test_every_rule_has_cases_that_use_it() -> None:
    files = {p.stem for p in FIXTURES.glob("*.yaml")}
    assert files == set(BY_CODE), f"missing: {sorted(set(BY_CODE) - files)}; unknown: {sorted(files - set(BY_CODE))}"
    for rule in RULES:
        cases = [c for code, c in CASES if code == rule.code]
        assert cases, rule.code
        used = False
        for case in cases:
            spec = run_case(case)
            codes = {x for r in spec.trace or [] for x in (*r.rule.split(), *r.made_by.split(" > "), *r.earlier.split())}
            codes |= {d.rule for d in spec.duties} | {c.rule for c in spec.criteria}

            used = used or rule.code in codes or bool(case.get("uses"))
        assert used, f"no case of {rule.code} shows it deciding anything"


def test_rule_docstrings_show_a_layout() -> None:
    for rule in RULES:
        doc = rule.doc()
        assert doc and rule.summary(), rule.code
        assert rule.code[0].isalpha() and rule.name.count(".") == 1, rule.code


def test_taking_any_rule_away_fails_one_of_its_cases() -> None:
    """The mutation check of scripts/rule_mutations.py: no rule is dead weight."""
    uncaught = []
    for rule in RULES:
        for _code, case in CASES:
            try:
                check_case(case, without=rule.code)
            except AssertionError:
                break
        else:
            uncaught.append(rule.code)
    assert uncaught == []
