"""Read a spec file that someone else may have written: bounded size, bounded alias expansion, a
schema version this jobspec knows, items of a sane length. The checks ``jobspec lint`` makes
before anything else, for the commands that read specs to work on them (``compare``)."""

from __future__ import annotations

from typing import Any

MAX_SPEC_BYTES = 5 * 1024 * 1024  # a spec file (lint's default --max-size)
MAX_EXPANDED_NODES = 200_000  # YAML nodes once aliases are expanded (a large real spec has about 5,000)
MAX_ITEM_CHARS = 10_000  # one duty's or criterion's text (real ones have a few hundred)
SCHEMA_VERSIONS = (1,)


class SpecRefused(Exception):  # noqa: N818 - reads as what happened
    """The spec is not safe or not possible to use; ``reason`` is one line."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


def load_yaml(text: str) -> Any:
    """``yaml.safe_load`` of ``text``, refusing aliases that would expand it past
    :data:`MAX_EXPANDED_NODES` nodes or that refer to themselves, before anything is built."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_expansion(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _check_expansion(root: Any) -> None:
    """Nodes in the tree once every alias is expanded, counted without expanding it (memoised per node)."""
    from yaml.nodes import MappingNode, SequenceNode

    sizes: dict[int, int] = {}
    on_path: set[int] = set()

    def size(node: Any) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in on_path:
            raise SpecRefused("a YAML alias refers to itself: refusing to expand it")
        on_path.add(key)
        n = 1
        if isinstance(node, SequenceNode):
            for child in node.value:
                n += size(child)
        elif isinstance(node, MappingNode):
            for k, v in node.value:
                n += size(k) + size(v)
        on_path.discard(key)
        if n > MAX_EXPANDED_NODES:
            raise SpecRefused(f"YAML aliases would expand it past {MAX_EXPANDED_NODES:,} nodes: refusing an alias bomb")
        sizes[key] = n
        return n

    size(root)


def check_spec_data(data: dict[str, Any]) -> None:
    """Refuse a schema version this jobspec does not know, and duty or criterion texts past
    :data:`MAX_ITEM_CHARS` (comparing them costs the product of their lengths)."""
    version = data.get("schema_version")
    if version is not None and version not in SCHEMA_VERSIONS:
        known = ", ".join(map(str, SCHEMA_VERSIONS))
        raise SpecRefused(f"schema_version {version!r} is not one this jobspec reads ({known}): made by a newer "
                          "jobspec? Upgrade, or parse the document again")
    def texts(key: str) -> list[Any]:
        items = data.get(key)
        return [it.get("text") if isinstance(it, dict) else None for it in (items if isinstance(items, list) else [])]

    check_item_lengths(texts("duties"), texts("criteria"))


def check_item_lengths(duties: list[Any], criteria: list[Any]) -> None:
    """Refuse a duty or criterion text past :data:`MAX_ITEM_CHARS`."""
    for noun, texts in (("duty", duties), ("criterion", criteria)):
        for n, text in enumerate(texts, 1):
            if isinstance(text, str) and len(text) > MAX_ITEM_CHARS:
                raise SpecRefused(f"{noun} {n} has {len(text):,} characters; the limit is {MAX_ITEM_CHARS:,}")
