from __future__ import annotations

from collections.abc import Iterator

from jobspec.lint.rules.base import Hit, Rule, SpecView


class IdsNotUnique(Rule):
    """Two duties or criteria share an id.

    Every duty and criterion has an `id` (`D001`, `C001`, ...) that other tools use to refer to it,
    so ids must be unique across the whole spec. A repeated id usually comes from copying an item by
    hand. The later item is reported.

    Fix: give the later item an id of its own.
    """

    code = "JS213"
    name = "ids.not-unique"
    severity = "error"

    def check(self, spec: SpecView) -> Iterator[Hit]:
        seen: dict[str, tuple[str, int]] = {}
        for key in ("duties", "criteria"):
            for i, item in spec.items(key):
                ident = item.get("id")
                if not isinstance(ident, str) or not ident:
                    continue
                if ident in seen:
                    k, j = seen[ident]
                    yield Hit((key, i, "id"), f"id {ident} is already used by {k}[{j}] "
                              f"(line {spec.line_of((k, j))})")
                else:
                    seen[ident] = (key, i)
