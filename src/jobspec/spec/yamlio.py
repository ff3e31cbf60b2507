"""Spec <-> YAML: stable key order, unicode kept, no line wrapping, a digest to spot hand edits anywhere."""

from __future__ import annotations

import hashlib
import re
from typing import Any

import yaml

SCHEMA_URL = "https://jobspec.readthedocs.io/schema/jobspec-1.schema.json"
SCHEMA_COMMENT = f"# yaml-language-server: $schema={SCHEMA_URL}\n"
_GENERATED = re.compile(r"^generated:", re.M)
_DIGEST_LINE = re.compile(r"^  digest: sha256:([0-9a-f]{64})$", re.M)
_SOURCE = re.compile(r"^source:.*\n(?:(?: .*)?\n)*", re.M)  # the block, up to the next top-level line


class _Dumper(yaml.SafeDumper):
    """Safe dumper that never emits aliases and writes multi-line strings as blocks."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _str_presenter(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    if "\n" in data:
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", data)


_Dumper.add_representer(str, _str_presenter)

_CBase = getattr(yaml, "CSafeDumper", None)  # libyaml's emitter: the same text about seven times faster
if _CBase is not None:

    class _CDumper(_CBase):  # type: ignore[misc, valid-type]
        def ignore_aliases(self, data: Any) -> bool:
            return True

    _CDumper.add_representer(str, _str_presenter)


def _dump(data: Any, dumper: type) -> str:
    return yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=1_000_000,
                     default_flow_style=False)


def _odd_keys(data: Any) -> bool:
    """A mapping key that the two emitters write differently (empty, near 128 characters, several lines)."""
    if isinstance(data, dict):
        return any(not isinstance(k, str) or not k or len(k) >= 120 or "\n" in k or _odd_keys(v)
                   for k, v in data.items())
    if isinstance(data, list):
        return any(_odd_keys(v) for v in data)
    return False


def dump_data(data: Any) -> str:
    """YAML of ``data``; always the text of PyYAML's Python emitter, most often made by libyaml's.

    The two emitters differ only on escapes (libyaml escapes characters beyond the BMP and NEL),
    a document-end marker after a kept block scalar, and odd mapping keys: those go to the
    Python emitter.
    """
    if _CBase is not None and not _odd_keys(data):
        text = _dump(data, _CDumper)
        if "\\" not in text and "\x85" not in text and not text.endswith("...\n"):
            return text
    return _dump(data, _Dumper)


def digest_of(body: str) -> str:
    return "sha256:" + hashlib.sha256(body.encode("utf-8")).hexdigest()


def _digest_span(text: str) -> tuple[int, int] | None:
    """Where the hex digits of the last ``digest:`` line of the ``generated`` block are."""
    found = list(_DIGEST_LINE.finditer(text))
    return found[-1].span(1) if found else None


def _whole_digest(text: str, span: tuple[int, int]) -> str:
    """The SHA-256 of the whole text but the digest's own hex digits."""
    return hashlib.sha256((text[: span[0]] + text[span[1]:]).encode("utf-8")).hexdigest()


def spec_to_yaml(data: dict[str, Any], version: str) -> str:
    """The YAML text of a spec mapping, with the schema comment and a ``generated`` block whose
    digest covers the whole text but the digest itself."""
    text = (SCHEMA_COMMENT + dump_data(data)
            + dump_data({"generated": {"by": f"jobspec {version}", "digest": "sha256:" + "0" * 64}}))
    span = _digest_span(text)
    assert span is not None  # the line just written
    return text[: span[0]] + _whole_digest(text, span) + text[span[1]:]


def written_by_jobspec_unchanged(text: str) -> bool:
    """True when ``text`` is a spec jobspec wrote and nobody has edited since, anywhere in it."""
    span = _digest_span(text)
    if span is None:
        return False
    return text[span[0]: span[1]] == _whole_digest(text, span) or _unchanged_above_generated(text)


def _unchanged_above_generated(text: str) -> bool:
    """The same for a spec written when the digest covered only the text above ``generated`` (by
    jobspec 0.1.0): that block must then end the file, exactly as it was written."""
    m = _GENERATED.search(text)
    if not m:
        return False
    gen = {"generated": {"by": "jobspec 0.1.0", "digest": digest_of(text[: m.start()])}}
    return text[m.start():] == dump_data(gen)


def recorded_source(text: str) -> str | None:
    """The ``source.path`` recorded in a spec's text, if it has one."""
    m = _SOURCE.search(text)
    if not m:
        return None
    try:
        loaded = yaml.safe_load(m.group())
    except yaml.YAMLError:
        return None
    source = loaded.get("source") if isinstance(loaded, dict) else None
    path = source.get("path") if isinstance(source, dict) else None
    return path if isinstance(path, str) and path else None
