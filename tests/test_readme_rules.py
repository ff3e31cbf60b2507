"""The README's layout-rule table is the registry's (regenerate with scripts/readme_rules.py --write)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_readme_rule_table_matches_the_registry() -> None:
    spec = importlib.util.spec_from_file_location("readme_rules", ROOT / "scripts" / "readme_rules.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index(mod.START) + len(mod.START): readme.index(mod.END)].strip()
    assert block == mod.table(), "README rule table is stale: run python scripts/readme_rules.py --write"
