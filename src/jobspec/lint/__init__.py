"""``jobspec lint``: check YAML specs for syntax, schema and consistency problems.

The library API (the CLI is a thin layer over it)::

    from jobspec.lint import lint_paths, load_config

    for f in lint_paths(["specs"], load_config()):
        print(f.file, f.line, f.col, f.code, f.name, f.severity, f.message, f.json_path)

Rules live in :mod:`jobspec.lint.rules` (one module per semantic rule); reporters (full, concise,
json, github, sarif) in :mod:`jobspec.lint.reporters`.
"""

from __future__ import annotations

from jobspec.lint.config import DEFAULT_MAX_BYTES, LintConfig, find_config, load_config
from jobspec.lint.engine import find_spec_files, lint_bytes, lint_file, lint_paths
from jobspec.lint.findings import SEVERITIES, Finding, severity_rank
from jobspec.lint.rules import RULES, find_rule

__all__ = [
    "DEFAULT_MAX_BYTES", "Finding", "LintConfig", "RULES", "SEVERITIES", "find_config", "find_rule",
    "find_spec_files", "lint_bytes", "lint_file", "lint_paths", "load_config", "severity_rank",
]
