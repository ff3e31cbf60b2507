from __future__ import annotations

from collections.abc import Iterator

from jobspec.lint.rules.base import Hit, Rule, SpecView
from jobspec.spec.guard import MAX_ITEM_CHARS


class TextTooLong(Rule):
    """A duty's or criterion's text is longer than jobspec will compare or export (10,000 characters).

    Real items run to a few hundred characters; one of ten thousand is a whole document pasted into
    one item, or text run together by a broken export. `jobspec compare` and `jobspec export` refuse a
    spec with such an item, naming it; this rule says so first, where the spec is checked.

    Fix: split the text into the items it holds, or delete what does not belong.
    """

    code = "JS218"
    name = "text.too-long"
    severity = "error"

    def check(self, spec: SpecView) -> Iterator[Hit]:
        for key, noun in (("duties", "duty"), ("criteria", "criterion")):
            for i, item in spec.items(key):
                text = item.get("text")
                if isinstance(text, str) and len(text) > MAX_ITEM_CHARS:
                    yield Hit((key, i, "text"), f"{noun} {i + 1} has {len(text):,} characters; compare and export "
                                                f"refuse more than {MAX_ITEM_CHARS:,}: split it into its items")
