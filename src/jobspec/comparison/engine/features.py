"""What the matcher knows about each item: content words, their positions, word pairs, concepts,
the qualifiers of the vocabulary's contrasts, and each content word as the text writes it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from jobspec.concepts.normalise import STOP_WORDS, normalise, stem, words
from jobspec.concepts.vocabulary import Vocabulary


@dataclass(slots=True)
class Item:
    """One duty or criterion as the matcher sees it; ``ref`` is the spec object it came from."""

    id: str
    text: str
    ref: object
    norm: str = ""
    tokens: list[str] = field(default_factory=list)
    first: dict[str, int] = field(default_factory=dict)  # word -> first position
    bigrams: dict[tuple[str, str], int] = field(default_factory=dict)
    concepts: dict[str, int] = field(default_factory=dict)  # concept -> first position
    qualifiers: dict[str, frozenset[str]] = field(default_factory=dict)  # contrast -> options named
    surface: dict[str, str] = field(default_factory=dict)  # content word (stem) -> first word that gave it
    vector: Any = None  # unit text vector (numpy), set once by item_vectors


def item_vectors(items: list[Item]):
    """The items' unit text vectors as rows (:mod:`jobspec.concepts.word_vectors`), each computed
    once and kept on its item (scoring and the explanation of a match both use it)."""
    import numpy as np

    from jobspec.concepts.word_vectors import text_vectors

    todo = [it for it in items if it.vector is None]
    if todo:
        for it, v in zip(todo, text_vectors([it.text for it in todo]), strict=True):
            it.vector = v
    return np.array([it.vector for it in items]) if items else text_vectors([])


def prepare(items: Iterable[object], vocab: Vocabulary) -> list[Item]:
    """Build :class:`Item` for each duty/criterion (anything with ``id`` and ``text``).

    Concepts are always tagged afresh from the text with ``vocab``; tags stored in a spec are
    ignored, so a report depends only on the texts and the settings it states (a spec written
    by an older jobspec, or with another vocabulary, compares the same as a fresh parse).
    """
    out = []
    for obj in items:
        text = getattr(obj, "text", "") or ""
        toks, concepts, qualifiers = vocab.analyse(text)
        first: dict[str, int] = {}
        for k, t in enumerate(toks):
            first.setdefault(t, k)
        bis: dict[tuple[str, str], int] = {}
        for k in range(len(toks) - 1):
            bis.setdefault((toks[k], toks[k + 1]), k)
        out.append(Item(id=str(getattr(obj, "id", "")), text=text, ref=obj, norm=normalise(text), tokens=toks,
                        first=first, bigrams=bis, concepts=concepts, qualifiers=qualifiers))
    return out


def surface_words(item: Item, vocab: Vocabulary) -> dict[str, str]:
    """Each content word of ``item`` (as matched: stemmed, synonyms applied) -> the word the text uses."""
    if not item.surface:
        syn = vocab.synonyms
        for w in words(item.text):
            if w in STOP_WORDS:
                continue
            s = stem(syn.get(w, w))
            item.surface.setdefault(syn.get(s, s), w)
    return item.surface
