"""Spec <-> YAML: stable key order, unicode kept, no line wrapping, a digest to spot hand edits."""

from __future__ import annotations

import hashlib
import re
from typing import Any

import yaml

SCHEMA_URL = "https://jobspec.readthedocs.io/schema/jobspec-1.schema.json"
SCHEMA_COMMENT = f"# yaml-language-server: $schema={SCHEMA_URL}\n"
_GENERATED = re.compile(r"^generated:", re.M)


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


def spec_to_yaml(data: dict[str, Any], version: str) -> str:
    """The YAML text of a spec mapping, with the schema comment and a ``generated`` digest."""
    body = SCHEMA_COMMENT + dump_data(data)
    gen = dump_data({"generated": {"by": f"jobspec {version}", "digest": digest_of(body)}})
    return body + gen


def written_by_jobspec_unchanged(text: str) -> bool:
    """True when ``text`` is a spec jobspec wrote and nobody has edited since."""
    m = _GENERATED.search(text)
    if not m:
        return False
    body = text[: m.start()]
    try:
        tail = yaml.safe_load(text[m.start():]) or {}
    except yaml.YAMLError:
        return False
    gen = tail.get("generated") if isinstance(tail, dict) else None
    return isinstance(gen, dict) and gen.get("digest") == digest_of(body)
