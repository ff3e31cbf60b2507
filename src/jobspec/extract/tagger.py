"""Tag each duty and criterion with the sector concepts it mentions (concept ids, sorted)."""

from __future__ import annotations

from jobspec.concepts.vocabulary import Vocabulary
from jobspec.spec.model import Spec


def tag_spec(spec: Spec, vocab: Vocabulary) -> None:
    """Fill ``tags`` of every duty and criterion of ``spec`` from ``vocab`` (in place)."""
    for item in (*spec.duties, *spec.criteria):
        item.tags = vocab.tag(item.text)
