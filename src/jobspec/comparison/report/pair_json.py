"""The comparison as a JSON-ready mapping: the versioned contract other tools read (README)."""

from __future__ import annotations

from typing import Any

from jobspec.comparison.engine.features import Item
from jobspec.comparison.engine.pair import Comparison, Section
from jobspec.comparison.engine.scoring import FEATURES, SCORERS
from jobspec.comparison.engine.settings import Settings
from jobspec.concepts.vocabulary import Vocabulary
from jobspec.version import __version__

REPORT_SCHEMA_VERSION = 1
# "identical" means the normalised texts are equal: rapidfuzz ratio 100 (a field of schema_version 1)
IDENTICAL_RATIO = 100.0


ASSIGNMENT = "one-to-one, maximum total of (logit - logit(threshold) + 1), Hungarian algorithm"


def settings_dict(c: Comparison) -> dict[str, Any]:
    s = c.settings.to_dict()
    return {
        "threshold": s["threshold"],
        "possible": s["possible"],
        "competition": s["competition"],
        "identical_ratio": IDENTICAL_RATIO,
        "conflict_penalty": s["conflict_penalty"],
        "split_containment": s["split_containment"],
        **scoring_settings(c.settings, c.vocabulary),
    }


def scoring_settings(settings: Settings, vocabulary: Vocabulary) -> dict[str, Any]:
    """What decides a match, as both the two-post and the N-way reports state it."""
    s = settings.to_dict()
    return {
        "assignment": ASSIGNMENT,
        "scorers": list(SCORERS),
        "weights": {f: s["weights"][f] for f in (*FEATURES, "bias")},
        "word_position": s["word_position"],
        "concept_position": s["concept_position"],
        "vocabulary": vocabulary.describe(),
        "jobspec": __version__,
    }


def to_dict(c: Comparison) -> dict[str, Any]:
    return {
        "schema_version": REPORT_SCHEMA_VERSION,
        "kind": "pair",
        "settings": settings_dict(c),
        "a": _side(c.a_path, c.a),
        "b": _side(c.b_path, c.b),
        "post": [dict(r) for r in c.post],
        "summary": {"duties": summary(c.duties), "criteria": summary(c.criteria)},
        "duties": _section(c.duties),
        "criteria": _section(c.criteria),
    }


def _side(path: str, spec) -> dict[str, Any]:
    return {"path": path, "post": spec.post.to_dict(), "duties": len(spec.duties), "criteria": len(spec.criteria)}


def summary(s: Section) -> dict[str, int]:
    return {
        "a": len(s.a), "b": len(s.b), "matched": len(s.matched),
        "identical": sum(1 for m in s.matched if m.kind == "identical"),
        "reworded": sum(1 for m in s.matched if m.kind == "reworded"),
        "splits": len(s.splits), "possible": len(s.possible), "covered_a": s.covered_a,
        "only_a": len(s.only_a), "only_b": len(s.only_b),
    }


def item_ref(it: Item) -> dict[str, Any]:
    ref = it.ref
    d: dict[str, Any] = {"id": it.id, "text": it.text}
    if hasattr(ref, "level"):
        d["level"] = ref.level
        d["category"] = ref.category
    elif getattr(ref, "section", None) is not None:
        d["section"] = ref.section
    d["tags"] = sorted(it.concepts)
    return d


def _section(s: Section) -> dict[str, Any]:
    matched = []
    for m in s.matched:
        row: dict[str, Any] = {"a": item_ref(m.a), "b": item_ref(m.b), "score": m.score, "kind": m.kind, "diff": m.diff,
                               "why": m.why}
        if s.name == "criteria":
            row.update(m.changes)
        matched.append(row)
    splits = []
    for sp in s.splits:
        one = [item_ref(sp.one)]
        parts = [item_ref(p) for p in sp.parts]
        splits.append({"a": one if sp.side == "a" else parts, "b": parts if sp.side == "a" else one,
                       "score": sp.score})
    return {
        "matched": matched,
        "splits": splits,
        "possible": [{"a": item_ref(p.a), "b": item_ref(p.b), "score": p.score, "why": p.why} for p in s.possible],
        "only_a": [item_ref(i) for i in s.only_a],
        "only_b": [item_ref(i) for i in s.only_b],
    }
