"""Lint configuration: ``[tool.jobspec.lint]`` in pyproject.toml or ``lint:`` in .jobspec.yaml.

Keys: ``select`` and ``ignore`` (lists of rule codes, code prefixes such as ``JS2``, dotted names
or name groups such as ``salary``, or ``ALL``), ``severity`` (a mapping of code to error, warning
or info), ``fail-on`` (error, warning or info) and ``max-size`` (MB). Anything unknown is an error,
so a typo cannot silently switch a check off.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from jobspec.errors import UsageError
from jobspec.lint.findings import SEVERITIES
from jobspec.lint.rules import BY_CODE, RULES, Rule, find_rule

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
CONFIG_FILES = (".jobspec.yaml", "pyproject.toml")
_KEYS = {"select", "ignore", "severity", "fail-on", "max-size"}


def resolve_selectors(items: list[str] | tuple[str, ...], where: str) -> set[str]:
    """The rule codes a list of selectors names. Unknown selectors are a :class:`UsageError`."""
    codes: set[str] = set()
    for raw in items:
        item = raw.strip()
        if not item:
            continue
        if item.upper() == "ALL":
            codes.update(BY_CODE)
            continue
        rule = find_rule(item)
        if rule:
            codes.add(rule.code)
            continue
        by_prefix = {r.code for r in RULES if item.upper().startswith("JS") and r.code.startswith(item.upper())}
        by_group = {r.code for r in RULES if r.name.split(".")[0] == item}
        if not by_prefix and not by_group:
            raise UsageError(f"unknown rule code '{item}' in {where} (`jobspec lint --list-rules` lists them)")
        codes |= by_prefix | by_group
    return codes


def split_codes(values: list[str] | None) -> list[str] | None:
    """``["JS201,JS202", "JS210"]`` -> ``["JS201", "JS202", "JS210"]``; None stays None."""
    if values is None:
        return None
    return [c.strip() for v in values for c in v.split(",") if c.strip()]


@dataclass(frozen=True)
class LintConfig:
    """Which rules run, at what severity, and the limits. Build with :func:`load_config` or directly."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    fail_on: str = "error"
    max_bytes: int = DEFAULT_MAX_BYTES
    source: Path | None = None  # the file it was read from, if any

    def __post_init__(self) -> None:
        where = config_where(self.source)
        object.__setattr__(self, "_enabled", frozenset(
            resolve_selectors(self.select, where) - resolve_selectors(self.ignore, where)))
        levels: dict[str, str] = {}
        for key, level in self.severity.items():
            rule = find_rule(str(key))
            if rule is None:
                raise UsageError(f"unknown rule code '{key}' in {where} (severity)")
            if level not in SEVERITIES:
                raise UsageError(f"severity of {key} in {where} must be error, warning or info, not '{level}'")
            levels[rule.code] = level
        object.__setattr__(self, "_levels", levels)
        if self.fail_on not in SEVERITIES:
            raise UsageError(f"fail-on in {where} must be error, warning or info, not '{self.fail_on}'")
        if not isinstance(self.max_bytes, int) or self.max_bytes <= 0:
            raise UsageError(f"max-size in {where} must be a positive number of MB")

    @property
    def enabled(self) -> frozenset[str]:
        """The codes of the rules that run."""
        return self._enabled  # type: ignore[attr-defined]

    def is_enabled(self, code: str) -> bool:
        return code in self.enabled

    def severity_of(self, rule: type[Rule]) -> str:
        return self._levels.get(rule.code, rule.severity)  # type: ignore[attr-defined]

    def override(self, *, select: list[str] | None = None, ignore: list[str] | None = None,
                 fail_on: str | None = None, max_bytes: int | None = None) -> LintConfig:
        """A copy with command-line values replacing the file's (None keeps the file's value).

        An unknown code here is a :class:`UsageError` naming the option (``in --ignore``), not the file."""
        changes: dict[str, Any] = {}
        if select is not None:
            resolve_selectors(select, "--select")
            changes["select"] = tuple(select)
        if ignore is not None:
            resolve_selectors(ignore, "--ignore")
            changes["ignore"] = tuple(ignore)
        if fail_on is not None:
            changes["fail_on"] = fail_on
        if max_bytes is not None:
            changes["max_bytes"] = max_bytes
        return replace(self, **changes) if changes else self


def config_where(source: Path | None) -> str:
    """How messages name where settings came from: ``pyproject.toml [tool.jobspec.lint]``,
    ``.jobspec.yaml (lint:)``, or ``the configuration`` for settings made in code."""
    if source is None:
        return "the configuration"
    return f"{source} [tool.jobspec.lint]" if source.name.endswith(".toml") else f"{source} (lint:)"


def find_config(start: Path | None = None) -> Path | None:
    """The nearest ``.jobspec.yaml`` with a ``lint`` key or pyproject.toml with ``[tool.jobspec.lint]``,
    looking in ``start`` (default: the current directory) and then each parent in turn."""
    try:
        here = (start or Path.cwd()).resolve()
    except OSError:  # the current folder was deleted
        return None
    for folder in (here, *here.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and _section(candidate) is not None:
                return candidate
    return None


def load_config(path: Path | None = None, *, start: Path | None = None) -> LintConfig:
    """The configuration in ``path``, or in the nearest config file, or the defaults.

    Raises :class:`jobspec.errors.UsageError` for a file that cannot be read or says something invalid.
    """
    if path is not None and not path.is_file():
        raise UsageError(f"{path}: no such config file")
    found = path or find_config(start)
    if found is None:
        return LintConfig()
    return config_from_mapping(_section(found) or {}, found)


def config_from_mapping(section: dict[str, Any], source: Path | None = None) -> LintConfig:
    where = config_where(source)
    if not isinstance(section, dict):
        raise UsageError(f"{where}: the lint settings must be a mapping")
    settings = {str(k).replace("_", "-"): v for k, v in section.items()}
    unknown = sorted(set(settings) - _KEYS)
    if unknown:
        raise UsageError(f"{where}: unknown lint {'setting' if len(unknown) == 1 else 'settings'} {', '.join(unknown)} "
                         f"(known: {', '.join(sorted(_KEYS))})")
    kwargs: dict[str, Any] = {"source": source}
    for key in ("select", "ignore"):
        if key in settings:
            kwargs[key] = tuple(_codes(settings[key], key, where))
    if "severity" in settings:
        sev = settings["severity"]
        if not isinstance(sev, dict):
            raise UsageError(f"{where}: severity must be a mapping of rule code to error, warning or info")
        kwargs["severity"] = {str(k): v for k, v in sev.items()}
    if "fail-on" in settings:
        kwargs["fail_on"] = settings["fail-on"]
    if "max-size" in settings:
        mb = settings["max-size"]
        if isinstance(mb, bool) or not isinstance(mb, int | float) or mb <= 0:
            raise UsageError(f"{where}: max-size must be a positive number of MB")
        kwargs["max_bytes"] = int(mb * 1024 * 1024)
    return LintConfig(**kwargs)


def _codes(value: Any, key: str, where: str) -> list[str]:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsageError(f"{where}: {key} must be a list of rule codes")
    return [v.strip() for v in value if v.strip()]


def _section(path: Path) -> dict[str, Any] | None:
    """The lint settings in a config file, None when it has none; a broken file is a UsageError."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise UsageError(f"{path}: cannot read config: {e.strerror or e}") from e
    if path.name.endswith(".toml"):
        try:
            doc = tomllib.loads(raw.decode("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise UsageError(f"{path}: cannot read config: {e}") from e
        section = doc.get("tool", {}).get("jobspec", {}).get("lint")
    else:
        try:
            doc = yaml.safe_load(raw)
        except yaml.YAMLError as e:
            raise UsageError(f"{path}: cannot read config: {' '.join(str(e).split())}") from e
        section = doc.get("lint") if isinstance(doc, dict) else None
    if section is not None and not isinstance(section, dict):
        raise UsageError(f"{path}: the lint settings must be a mapping")
    return section
