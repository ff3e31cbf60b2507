"""`jobspec lint`: presentation only; the work is in jobspec.lint."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from jobspec.cli.terminal import Terminal
from jobspec.display import plural, shown
from jobspec.errors import InputError, UsageError


def run_lint(paths: list[Path], *, fmt: str | None, select: list[str] | None, ignore: list[str] | None,
             fail_on: str | None, exit_zero: bool, max_size: int | None, config_path: Path | None,
             explain: str | None, list_rules: bool, quiet: bool, debug: bool, verbose: bool = False) -> int:
    from jobspec.lint import SEVERITIES, find_rule, find_spec_files, lint_file, load_config, severity_rank
    from jobspec.lint.config import split_codes
    from jobspec.lint.reporters import REPORTERS

    term = Terminal(quiet=quiet, debug=debug, verbose=verbose)
    if explain is not None:
        rule = find_rule(explain)
        if rule is None:
            term.error(f"unknown rule code '{explain}' (`jobspec lint --list-rules` lists them)")
            return 2
        term.out(f"{rule.code} {rule.name} (default severity: {rule.severity})\n\n{rule.doc()}\n")
        return 0
    if list_rules:
        _list_rules(term)
        return 0
    if fmt is None:
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "full"
    if fmt not in REPORTERS:
        term.error(f"unknown --format '{fmt}': use {', '.join(REPORTERS)}")
        return 2
    if fail_on is not None and fail_on not in SEVERITIES:
        term.error(f"unknown --fail-on '{fail_on}': use error, warning or info")
        return 2
    if not paths:
        term.error("no PATH given: name spec files or folders to lint (see jobspec lint --help)")
        return 2
    try:
        config = load_config(config_path).override(
            select=split_codes(select), ignore=split_codes(ignore), fail_on=fail_on,
            max_bytes=max_size * 1024 * 1024 if max_size else None)
    except UsageError as e:
        term.error(str(e))
        return 2
    term.detail(f"configuration: {shown(config.source)}" if config.source else "configuration: no configuration "
                "file (defaults)")

    files, missing = find_spec_files(paths)
    for err in missing:
        term.error(str(err))
    findings = []
    not_read = not_linted = 0
    for f in files:
        try:
            findings.extend(lint_file(f, config))
        except InputError as e:
            term.error(str(e))
            not_read += 1
        except Exception as e:  # a bug in a rule: say which file, keep going
            if debug:
                raise
            term.error(f"{shown(f)}: internal error while linting: {e!r} (run with --debug for the traceback)")
            not_linted += 1
    if fmt == "full":
        from jobspec.cli.terminal import console
        from jobspec.lint.reporters import full

        full(findings, sys.stdout, config, len(files), not_read=not_read + not_linted,
             console=console(sys.stdout, soft_wrap=True))
    else:
        REPORTERS[fmt](findings, sys.stdout, config, len(files), not_read=not_read + not_linted)
    sys.stdout.flush()
    if not files and not missing:
        term.warn("no .yaml or .yml files found in " + ", ".join(shown(p) for p in paths))
    elif files:
        term.info(_summary(findings, len(files), not_read, not_linted))
    if missing or not_read or not_linted:
        return 2
    if exit_zero:
        return 0
    threshold = severity_rank(config.fail_on)
    return 1 if any(severity_rank(f.severity) >= threshold for f in findings) else 0


def _summary(findings: list, files: int, not_read: int = 0, not_linted: int = 0) -> str:
    """The last line: files checked, the problems found, and the files that could not be checked."""
    if not_read + not_linted == files:
        return "; ".join(_unchecked(not_read, not_linted, whole=True)) + ": nothing checked"
    checked = ", ".join([f"{files} file{'s' if files != 1 else ''} checked", *_unchecked(not_read, not_linted)])
    if not findings:
        return f"{checked}: no problems found" + (" in the others" if not_read or not_linted else "")
    counts = []
    for sev in ("error", "warning", "info"):
        n = sum(1 for f in findings if f.severity == sev)
        if n:
            counts.append(f"{n} {sev}{'s' if n != 1 and sev != 'info' else ''}")
    in_files = len({f.file for f in findings})
    return f"found {len(findings)} problem{'s' if len(findings) != 1 else ''} ({', '.join(counts)}) in " \
           f"{in_files} of {checked}"


def _unchecked(not_read: int, not_linted: int, *, whole: bool = False) -> list[str]:
    """``1 could not be read``, ``1 failed with an internal error``; with ``whole``, ``1 file could not be read``."""
    parts = []
    for n, what in ((not_read, "could not be read"), (not_linted, "failed with an internal error")):
        if n:
            parts.append(f"{plural(n, 'file') if whole else n} {what}")
    return parts


def _list_rules(term: Terminal) -> None:
    from jobspec.lint import RULES

    width = max(len(r.name) for r in RULES)
    for r in RULES:
        term.out(f"{r.code}  {r.name.ljust(width)}  {r.severity.ljust(7)}  {r.summary()}\n")
