"""What the review rules share: how to say a list of items briefly."""

from __future__ import annotations


def some(texts: list[str], limit: int) -> str:
    """'"A", "B", "C" and 2 more'."""
    shown = ", ".join(f'"{t}"' for t in texts[:limit])
    return shown + (f" and {len(texts) - limit} more" if len(texts) > limit else "")
