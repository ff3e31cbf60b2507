"""`jobspec parse --list-rules` and `--explain CODE`: the layout rules, from their docstrings."""

from __future__ import annotations

import sys

PREFIXES = ("B", "H", "I", "F", "T", "PS", "S", "D", "C", "PU", "R")


def code_order(code: str) -> tuple[int, int]:
    """Rules by family (blocks, headings, items, fields, tables, person spec, ...), then number."""
    prefix = code.rstrip("0123456789")
    return PREFIXES.index(prefix) if prefix in PREFIXES else len(PREFIXES), int(code[len(prefix):])


def run_list_rules() -> int:
    from jobspec.extract.rules import RULES

    width = max(len(r.name) for r in RULES)
    for r in sorted(RULES, key=lambda r: code_order(r.code)):
        sys.stdout.write(f"{r.code:<5} {r.name:<{width}}  {r.stage:<9}  {r.summary()}\n")
    return 0


def run_explain(code: str) -> int:
    from jobspec.extract.rules import find_rule

    rule = find_rule(code)
    if rule is None:
        sys.stderr.write(f"error: unknown layout rule '{code}': see jobspec parse --list-rules\n")
        return 2
    sys.stdout.write(f"{rule.code} {rule.name} (stage: {rule.stage})\n\n{rule.doc()}\n")
    return 0
