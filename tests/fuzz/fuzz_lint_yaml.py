"""atheris harness: lint's safe YAML loading (``lint_bytes``) on arbitrary bytes.

Nothing may escape (every problem is a finding) and every finding has a line and column >= 1
(see ``check_lint``).

    python tests/fuzz/fuzz_lint_yaml.py [CORPUS_DIR...] [-max_total_time=60] [libFuzzer flags]
"""

from __future__ import annotations

from _harness import load_targets, run

T = load_targets(("jobspec", "yaml"))  # the composer and constructor are PyYAML's Python code


def test_one_input(data: bytes) -> None:
    T.check_lint(data)


if __name__ == "__main__":
    run(test_one_input)
