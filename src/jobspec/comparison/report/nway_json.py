"""The N-way comparison as a JSON-ready mapping: the versioned contract (README, "The N-way JSON report")."""

from __future__ import annotations

import math
from typing import Any

from jobspec.comparison.engine.features import Item
from jobspec.comparison.nway.many import Cluster, NWay, NwaySection, cluster_levels
from jobspec.comparison.report.pair_json import REPORT_SCHEMA_VERSION, item_ref, scoring_settings

MATRIX = "2 x items matched / (items of the one post + items of the other): 1 on the diagonal, null when neither has any"
CLUSTERING = ("the item with the most and best matches, with each item matched to it (at most one per post), "
              "then the next among the items left")
RARITY = "word and concept rarity measured over all the posts, scaled to a pair of average posts"


def settings_dict(r: NWay) -> dict[str, Any]:
    return {
        "threshold": r.settings.threshold,
        "competition": r.settings.competition,
        "min_share": r.min_share,
        "min_posts": r.min_posts,
        "near_duplicate": r.near_duplicate,
        "outlier_ratio": r.outlier_ratio,
        "matrix": MATRIX,
        "clustering": CLUSTERING,
        "rarity": RARITY,
        **scoring_settings(r.settings, r.vocabulary),
    }


def to_dict(r: NWay) -> dict[str, Any]:
    means = r.mean_similarity()
    cores = {s.name: core_counts(s) for s in (r.duties, r.criteria)}
    posts = []
    for k, p in enumerate(r.posts):
        row = {"id": p.id, "path": p.path, "title": p.spec.post.title, "organisation": p.spec.post.organisation,
               "duties": len(r.duties.items[k]), "criteria": len(r.criteria.items[k]),
               "core": {name: c[k] for name, c in cores.items()},
               "unique": {s.name: len(s.unique[k]) for s in (r.duties, r.criteria)},
               "mean_similarity": _num(means[k]), "nearest": nearest(r, k)}
        posts.append(row)
    return {
        "schema_version": REPORT_SCHEMA_VERSION,
        "kind": "nway",
        "settings": settings_dict(r),
        "posts": posts,
        "summary": summary(r),
        "matrix": {"duties": _matrix(r.duties.matrix), "criteria": _matrix(r.criteria.matrix),
                   "all": _matrix(r.matrix)},
        "core": {s.name: [cluster_dict(r, cl, s.name) for cl in s.core] for s in (r.duties, r.criteria)},
        "shared": {s.name: [cluster_dict(r, cl, s.name) for cl in s.shared] for s in (r.duties, r.criteria)},
        "unique": {p.id: {s.name: [item_ref(it) for it in s.unique[k]] for s in (r.duties, r.criteria)}
                   for k, p in enumerate(r.posts)},
        "near_duplicates": [dict(d) for d in r.near_duplicates],
        "outliers": [dict(d) for d in r.outliers],
        "unread": [{"path": path, "problem": problem} for path, problem in r.unread],
    }


def summary(r: NWay) -> dict[str, Any]:
    out: dict[str, Any] = {"posts": len(r.posts), "min_posts": r.min_posts}
    for s in (r.duties, r.criteria):
        out[s.name] = {"items": sum(len(x) for x in s.items), "core": len(s.core), "shared": len(s.shared),
                       "unique": sum(len(x) for x in s.unique)}
    out["near_duplicates"] = len(r.near_duplicates)
    out["outliers"] = len(r.outliers)
    return out


def cluster_dict(r: NWay, cl: Cluster, section: str) -> dict[str, Any]:
    d: dict[str, Any] = {"text": cl.text, "count": len(cl.posts),
                         "share": round(len(cl.posts) / len(r.posts), 3),
                         "posts": [r.posts[k].id for k in cl.posts],
                         "items": [_member(r, m.post, m.item, m.score) for m in sorted(cl.members, key=lambda m: m.post)]}
    if section == "criteria":
        d["levels"] = cluster_levels(cl)
    return d


def _member(r: NWay, post: int, it: Item, score: float | None) -> dict[str, Any]:
    d: dict[str, Any] = {"post": r.posts[post].id, "id": it.id, "text": it.text, "score": score}
    level = getattr(it.ref, "level", None)
    if level is not None:
        d["level"] = level
    return d


def core_counts(s: NwaySection) -> list[int]:
    """For each post, how many of its items are in the common core."""
    out = [0] * len(s.items)
    for cl in s.core:
        for m in cl.members:
            out[m.post] += 1
    return out


def nearest(r: NWay, k: int) -> dict[str, Any] | None:
    """The other post most like post ``k`` (duties and criteria together); None when no other
    post shares anything with it."""
    import numpy as np

    row = r.matrix[k].copy()
    row[k] = np.nan
    if np.all(np.isnan(row)) or np.nanmax(row) <= 0:
        return None
    j = int(np.nanargmax(row))
    return {"post": r.posts[j].id, "similarity": round(float(row[j]), 3)}


def _matrix(m) -> list[list[float | None]]:
    return [[_num(v) for v in row] for row in m.tolist()]


def _num(v: float | None) -> float | None:
    return None if v is None or math.isnan(v) else round(float(v), 3)
