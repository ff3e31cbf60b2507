"""Take each layout rule away in turn and run every rule case: each rule must be missed by at least one case.

usage: python scripts/rule_mutations.py [--markdown]

For every registered rule the extraction runs without it over all cases of
tests/fixtures/extract/ (behaviour only: duties, criteria, purpose, post details and what traced
blocks became; rule codes are not compared). A rule whose removal no case notices is "NOT
CAUGHT" and the script exits 1. The table goes to stdout.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from extract_fixtures import check_case, load_cases  # noqa: E402
from jobspec.extract.rules import RULES  # noqa: E402


def main(argv: list[str]) -> int:
    markdown = "--markdown" in argv
    cases = load_cases()
    rows = []
    for rule in RULES:
        failed = []
        for code, case in cases:
            try:
                check_case(case, without=rule.code)
            except AssertionError:
                failed.append(f"{code}: {case['name']}")
        rows.append((rule.code, rule.name, len(failed), failed[0] if failed else ""))
    missed = [r for r in rows if r[2] == 0]
    if markdown:
        print("| rule | name | cases failing without it | first |\n|---|---|---|---|")
        for code, name, n, first in rows:
            print(f"| {code} | {name} | {n if n else 'NOT CAUGHT'} | {first} |")
    else:
        for code, name, n, first in rows:
            print(f"{code:<5} {name:<44} {(n or 'NOT CAUGHT')!s:>10}  {first}")
    print(f"\n{len(rows) - len(missed)} of {len(rows)} rules caught by {len(cases)} cases", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
