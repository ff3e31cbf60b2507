"""What the review rules share: how to say a list of items briefly."""

from __future__ import annotations


def some(texts: list[str], limit: int, *, quoted: bool = True, sep: str = ", ") -> str:
    """'"A", "B", "C" and 2 more' (with ``quoted=False`` and ``sep="; "``: 'A; B; C and 2 more')."""
    shown = sep.join(f'"{t}"' if quoted else t for t in texts[:limit])
    return shown + (f" and {len(texts) - limit} more" if len(texts) > limit else "")
