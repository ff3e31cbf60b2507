"""Lint spec files: read safely, check the YAML, the schema and every enabled rule, locate findings."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from jobspec.display import shown
from jobspec.errors import InputError
from jobspec.files import SOFTWARE_FOLDERS, walk_files
from jobspec.lint.config import LintConfig
from jobspec.lint.findings import Finding
from jobspec.lint.rules import BY_CODE, BY_NAME, RULES, SpecView
from jobspec.lint.yaml_positions import (
    Problem,
    decode,
    disable_comment_names,
    disable_comments,
    key_position,
    load_spec,
    locate,
)
from jobspec.spec.schema import json_path, violations

SUFFIXES = (".yaml", ".yml")


def find_spec_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[InputError]]:
    """The ``.yaml``/``.yml`` files named or found (recursively) in folders, in a stable order, and an
    :class:`InputError` for each path that does not exist. Hidden files and folders are skipped
    inside folders; a file named explicitly is always linted."""
    found, missing = walk_files(paths, SUFFIXES, SOFTWARE_FOLDERS)
    return found, [InputError(p, "no such file or folder") for p in missing]


def lint_file(path: str | Path, config: LintConfig | None = None) -> list[Finding]:
    """Every finding in one spec file. Raises :class:`InputError` when the file cannot be read."""
    config = config or LintConfig()
    p = Path(path)
    try:
        size = p.stat().st_size
        if not p.is_file():
            raise InputError(p, "not a regular file")
        if size > config.max_bytes:
            problem = Problem("JS006", f"file is {_mb(size)}, over the {_mb(config.max_bytes)} limit: not read "
                              "(--max-size raises it)")
            return _finish([problem], shown(path), None, {}, config)
        raw = p.read_bytes()
    except OSError as e:
        raise InputError(p, (e.strerror or str(e)).lower()) from e
    return lint_bytes(raw, shown(path), config, spec_path=p)


def lint_bytes(raw: bytes, name: str, config: LintConfig | None = None, *,
               spec_path: Path | None = None) -> list[Finding]:
    """Every finding in the bytes of one spec. ``name`` is how findings name the file; ``spec_path``
    (for ``source.path``) is where it lives, if anywhere."""
    config = config or LintConfig()
    if len(raw) > config.max_bytes:
        problem = Problem("JS006", f"file is {_mb(len(raw))}, over the {_mb(config.max_bytes)} limit: not read")
        return _finish([problem], name, None, {}, config)
    text, problem = decode(raw)
    if text is None:
        return _finish([problem] if problem else [], name, None, {}, config)
    loaded = load_spec(text)
    problems = list(loaded.problems) + _unknown_disables(text)
    if loaded.loaded:
        problems.extend(_schema_problems(loaded.data, loaded.root))
        if isinstance(loaded.data, dict):
            problems.extend(_rule_problems(loaded.data, loaded.root, spec_path, config))
    return _finish(problems, name, loaded.root, disable_comments(text), config)


def lint_paths(paths: Iterable[str | Path], config: LintConfig | None = None) -> list[Finding]:
    """Lint files and folders (recursively: ``.yaml`` and ``.yml``) and return every finding, sorted.

    Raises :class:`InputError` for a path that does not exist or a file that cannot be read.
    """
    files, missing = find_spec_files(paths)
    if missing:
        raise missing[0]
    findings: list[Finding] = []
    for f in files:
        findings.extend(lint_file(f, config))
    return findings


def _unknown_disables(text: str) -> list[Problem]:
    """JS217: names in ``# jobspec: disable=`` comments that are no rule's code or name."""
    out = []
    for line, col, name in disable_comment_names(text):
        if name in BY_CODE or name in BY_NAME or name in ("all", "ALL"):
            continue
        hint = f" (did you mean {name.upper()}?)" if name.upper() in BY_CODE else ""
        out.append(Problem("JS217", f"unknown rule code '{name}' in an inline disable comment: it silences "
                           f"nothing{hint}", line=line, col=col))
    return out


def _schema_problems(data: object, root: object) -> list[Problem]:
    out = []
    for path, message, unexpected_key in violations(data):
        if not path:
            message = "the file is not a spec: " + message if not isinstance(data, dict) else message
        problem = Problem("JS100", message, path=path)
        if unexpected_key is not None:
            pos = key_position(root, path[:-1], unexpected_key)  # type: ignore[arg-type]
            if pos:
                problem.line, problem.col = pos
        out.append(problem)
    return out


def _rule_problems(data: dict, root: object, spec_path: Path | None, config: LintConfig) -> list[Problem]:
    view = SpecView(data, spec_path, lambda path: locate(root, path)[0][0])  # type: ignore[arg-type]
    out = []
    for rule in RULES:
        if rule.code.startswith("JS2") and config.is_enabled(rule.code):
            out.extend(Problem(rule.code, hit.message, path=tuple(hit.path)) for hit in rule().check(view))
    return out


def _finish(problems: list[Problem], name: str, root: object, disabled: dict[int, set[str]],
            config: LintConfig) -> list[Finding]:
    """Locate, filter (selection, inline disables, schema-first) and rank the problems of one file."""
    schema_paths = {p.path for p in problems if p.code == "JS100"}
    findings = []
    for p in problems:
        if not config.is_enabled(p.code):
            continue
        if p.code.startswith("JS2") and p.path in schema_paths:
            continue  # the schema already says what is wrong here
        (line, col), lines = locate(root, p.path) if p.path else ((1, 1), [])  # type: ignore[arg-type]
        if p.line is not None:  # placed by the loader
            line, col = p.line, p.col or 1
        rule = BY_CODE[p.code]
        if _disabled(disabled, {line, *lines}, rule.code, rule.name):
            continue
        message = " ".join(p.message.split())  # one line, whatever text it quotes
        findings.append(Finding(name, line, col, rule.code, rule.name, config.severity_of(rule), message,
                                json_path(p.path)))
    return sorted(set(findings), key=Finding.sort_key)


def _disabled(disabled: dict[int, set[str]], lines: set[int], code: str, name: str) -> bool:
    for line in lines:
        names = disabled.get(line)
        if names and (code in names or name in names or "all" in names or "ALL" in names):
            return True
    return False


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"
