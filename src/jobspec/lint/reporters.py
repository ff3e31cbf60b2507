"""Reporters, chosen by name: full (rich, grouped by file), concise, json, github, sarif.

Every reporter writes the findings report to the stream it is given (the CLI gives stdout); none of
them writes anything else, so machine formats can be piped.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any, Protocol
from urllib.parse import quote

from jobspec.lint.config import LintConfig
from jobspec.lint.findings import SEVERITIES, Finding
from jobspec.lint.rules import RULES

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFO_URI = "https://jobspec.readthedocs.io"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


class Reporter(Protocol):
    """Writes the report of ``findings`` in ``files_checked`` files, ``not_read`` of which could not be read."""

    def __call__(self, findings: Sequence[Finding], out: IO[str], config: LintConfig, files_checked: int, *,
                 not_read: int = 0) -> None: ...


def _version() -> str:
    # not `from jobspec import __version__`: the package root reaches jobspec.api, a sibling layer
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("jobspec")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0+unknown"


def full(findings: Sequence[Finding], out: IO[str], config: LintConfig, files_checked: int, *,
         not_read: int = 0, console: Any = None) -> None:
    """Grouped by file, aligned columns, colour on a terminal. Document text is never read as markup.

    ``console`` is a rich Console writing to ``out`` (the command line's, which follows --color and
    NO_COLOR); by default one that colours only on a terminal."""
    from rich.console import Console
    from rich.text import Text

    if console is None:
        console = Console(file=out, markup=False, emoji=False, highlight=False, soft_wrap=True)
    by_file: dict[str, list[Finding]] = {}
    for f in findings:
        by_file.setdefault(f.file, []).append(f)
    for n, (name, group) in enumerate(by_file.items()):
        if n:
            console.print()
        console.print(Text(name, style="bold underline"))
        pos_w = max(len(f"{f.line}:{f.col}") for f in group)
        rule_w = max(len(f"{f.code} {f.name}") for f in group)
        for f in group:
            line = Text("  ")
            line.append(f"{f.line}:{f.col}".ljust(pos_w), style="dim")
            line.append("  ")
            line.append(f.severity.ljust(7), style=_STYLE[f.severity])
            line.append("  ")
            line.append(f"{f.code} {f.name}".ljust(rule_w), style="bold")
            line.append("  ")
            line.append(f.message)
            line.append(f"  {f.json_path}", style="dim")
            console.print(line)


def concise(findings: Sequence[Finding], out: IO[str], config: LintConfig, files_checked: int, *,
            not_read: int = 0) -> None:
    """One line each: ``path:line:col: CODE [severity] message (json.path)``."""
    for f in findings:
        out.write(f"{f.file}:{f.line}:{f.col}: {f.code} [{f.severity}] {f.message} ({f.json_path})\n")


def json_report(findings: Sequence[Finding], out: IO[str], config: LintConfig, files_checked: int, *,
                not_read: int = 0) -> None:
    """``{"version", "files_checked", "files_not_read", "summary", "findings": [{file, line, col, code, name,
    ...}]}``; ``files_not_read`` counts the files of ``files_checked`` that could not be read, whose
    findings are missing."""
    summary = {s: sum(1 for f in findings if f.severity == s) for s in reversed(SEVERITIES)}
    doc = {"version": 1, "tool": f"jobspec {_version()}", "files_checked": files_checked, "files_not_read": not_read,
           "summary": summary, "findings": [f.to_dict() for f in findings]}
    out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def github(findings: Sequence[Finding], out: IO[str], config: LintConfig, files_checked: int, *,
           not_read: int = 0) -> None:
    """GitHub Actions workflow commands: ``::error file=...,line=...,col=...,title=CODE name::message``."""
    for f in findings:
        props = ",".join(f"{k}={_escape_property(str(v))}" for k, v in (
            ("file", Path(f.file).as_posix()), ("line", f.line), ("col", f.col), ("title", f"{f.code} {f.name}")))
        out.write(f"::{_GITHUB_LEVEL[f.severity]} {props}::{_escape_data(f'{f.message} ({f.json_path})')}\n")


def _uri(name: str) -> str:
    """A file as a URI reference (RFC 3986): relative to the working folder (the repository root
    in CI) with ``/`` separators, percent-encoded as UTF-8 (``:`` too, which would otherwise read
    as a scheme); a file outside the working folder as a ``file:`` URI."""
    p = Path(name)
    if p.is_absolute():
        try:
            p = p.relative_to(Path.cwd())
        except ValueError:
            return p.as_uri()
    return quote(p.as_posix(), safe="/!$&'()*+,;=@")


def sarif_document(findings: Sequence[Finding], config: LintConfig) -> dict[str, Any]:
    """A SARIF 2.1.0 log with one run: the driver's rules (all of them) and one result per finding."""
    index = {r.code: i for i, r in enumerate(RULES)}
    rules = [{
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": r.summary()},
        "fullDescription": {"text": r.doc()},
        "help": {"text": r.doc(), "markdown": r.doc()},
        "defaultConfiguration": {"level": _SARIF_LEVEL[config.severity_of(r)], "enabled": config.is_enabled(r.code)},
    } for r in RULES]
    results = [{
        "ruleId": f.code,
        "ruleIndex": index[f.code],
        "level": _SARIF_LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {"uri": _uri(f.file)},
                "region": {"startLine": f.line, "startColumn": f.col},
            },
            "logicalLocations": [{"fullyQualifiedName": f.json_path, "kind": "member"}],
        }],
    } for f in findings]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "jobspec", "version": _version(), "semanticVersion": _version(),
                                "informationUri": INFO_URI, "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def sarif(findings: Sequence[Finding], out: IO[str], config: LintConfig, files_checked: int, *,
          not_read: int = 0) -> None:
    """SARIF 2.1.0, for GitHub code scanning and other SARIF viewers."""
    out.write(json.dumps(sarif_document(findings, config), ensure_ascii=False, indent=2) + "\n")


REPORTERS: dict[str, Reporter] = {
    "full": full,
    "concise": concise,
    "json": json_report,
    "github": github,
    "sarif": sarif,
}
