"""Print the README's layout-rule table from the rule registry (tests/test_readme_rules.py keeps them equal).

usage: python scripts/readme_rules.py            # the table, as Markdown
       python scripts/readme_rules.py --write    # replace the table between the README's markers
"""

from __future__ import annotations

import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- rule-table:start -->", "<!-- rule-table:end -->"


def table() -> str:
    from jobspec.cli.rules_cmd import code_order
    from jobspec.extract.rules import RULES

    rows = ["| code | name | stage | decides |", "|---|---|---|---|"]
    for r in sorted(RULES, key=lambda r: code_order(r.code)):
        rows.append(f"| `{r.code}` | `{r.name}` | {r.stage} | {r.summary().replace('|', '/')} |")
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    if "--write" in argv:
        text = README.read_text(encoding="utf-8")
        a, b = text.index(START) + len(START), text.index(END)
        README.write_text(text[:a] + "\n" + table() + "\n" + text[b:], encoding="utf-8")
    else:
        print(table())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
