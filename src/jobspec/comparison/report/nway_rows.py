"""The N-way report as rows (see :mod:`jobspec.comparison.report.rows`): summary lines, the posts,
the similarity matrices, near-duplicates, outliers, the common core and what is shared by fewer
posts, and what is unique to each post."""

from __future__ import annotations

import math
from dataclasses import dataclass

from jobspec.comparison.nway.many import Cluster, NWay, NwayPost, cluster_levels
from jobspec.comparison.report.nway_json import core_counts, nearest
from jobspec.comparison.report.rows import Column, Counts, ItemRef, Nearest, OutOf, PostRef, Share, Table, pct
from jobspec.display import plural

NEAR_DUPLICATES_SHOWN = 100
CLUSTERS_SHOWN = 200  # rows of a core or shared list in a page (all of them are in the JSON)
MATRIX_NOTE = ("Each cell is the share of the two posts' items matched one to one: 2 x matched / (items of the "
               "one + items of the other), as a percentage.")

__all__ = ["nway_report", "NwayReport", "Matrix", "UniquePost", "heat_step", "pct", "post_label", "summary_lines"]


@dataclass(slots=True)
class Matrix:
    """The share of two posts' items matched, for every pair of posts (None: neither has any)."""

    name: str  # duties | criteria
    posts: list[PostRef]
    values: list[list[float | None]]


@dataclass(slots=True)
class UniquePost:
    post: PostRef
    duties: list[ItemRef]
    criteria: list[ItemRef]


@dataclass(slots=True)
class NwayReport:
    title: str
    summary: list[str]
    posts: Table
    matrices: list[Matrix]  # duties, criteria
    near_duplicates: Table
    outliers: Table
    clusters: list[Table]  # the core (duties, criteria), then what fewer posts share (with three posts or more)
    unique: list[UniquePost]  # posts with items matched in no other post
    settings: str

    def tables(self) -> list[Table]:
        """Every table, in report order (what a spreadsheet makes a sheet of)."""
        return [self.posts, self.near_duplicates, self.outliers, *self.clusters]


def nway_report(r: NWay) -> NwayReport:
    refs = [PostRef(p.id, post_label(p)) for p in r.posts]
    return NwayReport(title=f"Comparison of {len(r.posts)} posts", summary=summary_lines(r), posts=_posts(r),
                      matrices=[Matrix(s.name, refs, [[_num(v) for v in row] for row in s.matrix.tolist()])
                                for s in (r.duties, r.criteria)],
                      near_duplicates=_near_duplicates(r, refs), outliers=_outliers(r, refs),
                      clusters=[_clusters(r, name, which) for which in ("core", "shared") for name in ("duties", "criteria")
                                if which == "core" or r.min_posts > 2],
                      unique=[UniquePost(refs[k], [ItemRef(it.id, it.text) for it in r.duties.unique[k]],
                                         [ItemRef(it.id, it.text, getattr(it.ref, "level", "")) for it in r.criteria.unique[k]])
                              for k in range(len(r.posts)) if r.duties.unique[k] or r.criteria.unique[k]],
                      settings=settings_line(r))


def _posts(r: NWay) -> Table:
    means = r.mean_similarity()
    cores = {s.name: core_counts(s) for s in (r.duties, r.criteria)}
    t = Table("posts", "Posts", [
        Column("id", "id"), Column("post", "post"), Column("file", "file", muted=True),
        Column("duties", "duties", numeric=True), Column("criteria", "criteria", numeric=True),
        Column("core", "in the core (duties, criteria)", numeric=True),
        Column("unique", "unique (duties, criteria)", numeric=True),
        Column("mean", "mean similarity %", numeric=True), Column("nearest", "most like")])
    for k, p in enumerate(r.posts):
        near = nearest(r, k)
        t.rows.append((p.id, post_label(p), p.path, len(r.duties.items[k]), len(r.criteria.items[k]),
                       Counts(cores["duties"][k], cores["criteria"][k]),
                       Counts(len(r.duties.unique[k]), len(r.criteria.unique[k])), Share(means[k]),
                       Nearest(near["post"], near["similarity"]) if near else None))
    return t


def _near_duplicates(r: NWay, refs: list[PostRef]) -> Table:
    by_id = {p.id: p for p in refs}
    shown = r.near_duplicates[:NEAR_DUPLICATES_SHOWN]
    more = len(r.near_duplicates) - len(shown)
    return Table("near-duplicates", "Near-duplicate posts", [
        Column("a", "post"), Column("b", "post"), Column("all", "all items %", numeric=True),
        Column("duties", "duties %", numeric=True), Column("criteria", "criteria %", numeric=True)],
        [(by_id[d["a"]], by_id[d["b"]], Share(d["similarity"]), Share(d["duties"]), Share(d["criteria"]))
         for d in shown], more=more, more_note=f"… and {more} more pairs (all are in the JSON report)",
        empty=f"None: no two posts have {pct(r.near_duplicate)}% or more of their items matched.")


def _outliers(r: NWay, refs: list[PostRef]) -> Table:
    by_id = {p.id: p for p in refs}
    return Table("outliers", "Outliers", [
        Column("post", "post"), Column("mean", "mean similarity %", numeric=True),
        Column("median", "median post's %", numeric=True), Column("nearest", "most like")],
        [(by_id[o["post"]], Share(o["mean_similarity"]), Share(o["median_mean_similarity"]),
          Nearest(o["nearest"]["post"], o["nearest"]["similarity"]) if o["nearest"] else None) for o in r.outliers],
        empty="None: every post is about as like the others as the median post is.")


def _clusters(r: NWay, name: str, which: str) -> Table:
    n = len(r.posts)
    s = r.section(name)
    crit = name == "criteria"
    what = "criterion" if crit else "duty"
    clusters = s.core if which == "core" else s.shared
    shown = clusters[:CLUSTERS_SHOWN]
    more = len(clusters) - len(shown)
    t = Table(f"{which}-{name}", clusters_title(r, name, which),
              [Column("posts", "posts", numeric=True), Column("text", f"{what} (the most common wording)")]
              + ([Column("level", "level")] if crit else []) + [Column("in", "in", muted=True)],
              more=more, more_note=f"… and {more} more (all are in the JSON report)",
              empty=f"None: no {what} is matched across {r.min_posts} posts." if which == "core"
              else f"None: every {what} matched in another post is in the common core.")
    for cl in shown:
        t.rows.append((OutOf(len(cl.members), n), cl.text) + ((levels_text(cl),) if crit else ())
                      + (", ".join(r.posts[k].id for k in cl.posts),))
    return t


def _num(v: float) -> float | None:
    return None if math.isnan(v) else v


def heat_step(v: float) -> int:
    """0..10: the colour step of a share (0..1)."""
    return max(0, min(10, int(math.floor(v * 10 + 1e-9))))


def post_label(p: NwayPost) -> str:
    """The organisation first (what tells a trust's posts apart), then the title."""
    bits = [b for b in (p.spec.post.organisation, p.spec.post.title) if b]
    return " — ".join(bits) or "untitled post"


def summary_lines(r: NWay) -> list[str]:
    n = len(r.posts)
    out = [f"{n} posts compared: duties and criteria matched one to one between every pair of posts."]
    out.append(f"Common core, in at least {r.min_posts} of the {n} posts: {_count(len(r.duties.core), 'duty', 'duties')}"
               f", {_count(len(r.criteria.core), 'criterion', 'criteria')}.")
    ud = sum(len(x) for x in r.duties.unique)
    uc = sum(len(x) for x in r.criteria.unique)
    out.append(f"Unique to one post (matched in no other): {_count(ud, 'duty', 'duties')}, "
               f"{_count(uc, 'criterion', 'criteria')}.")
    nd = len(r.near_duplicates)
    out.append(f"Near-duplicates (at least {pct(r.near_duplicate)}% of their items matched): "
               + (f"{_count(nd, 'pair', 'pairs')} of posts." if nd else "none."))
    ids = ", ".join(o["post"] for o in r.outliers)
    out.append(f"Outliers (mean similarity to the others under {r.outlier_ratio:g} x the median post's): "
               + (f"{ids}." if ids else "none."))
    return out


def _count(n: int, one: str, many: str) -> str:
    return plural(n, one, many)


def counts(duties: int, criteria: int) -> str:
    """e.g. "1 duty, 3 criteria"."""
    return f"{_count(duties, 'duty', 'duties')}, {_count(criteria, 'criterion', 'criteria')}"


def clusters_title(r: NWay, name: str, which: str) -> str:
    """The heading of the core ("core") or shared ("shared") list of a section."""
    s = r.section(name)
    n = len(r.posts)
    if which == "core":
        return f"Common core: {name} in at least {r.min_posts} of {n} posts ({len(s.core)})"
    span = "2" if r.min_posts == 3 else f"2 to {r.min_posts - 1}"
    return f"Shared by fewer posts: {name} in {span} of {n} posts ({len(s.shared)})"


def levels_text(cl: Cluster) -> str:
    """e.g. "essential in 12, desirable in 3"."""
    lv = cluster_levels(cl)
    return ", ".join(f"{k} in {v}" for k, v in sorted(lv.items(), key=lambda kv: (-kv[1], kv[0])))


def settings_line(r: NWay) -> str:
    v = r.vocabulary.describe()
    extra = [s["path"] for s in v["sources"][1:]]
    return (f"threshold {r.settings.threshold:g}, core: in at least {r.min_posts} posts (--min-share {r.min_share}), "
            f"near-duplicates from {pct(r.near_duplicate)}%, outliers under {r.outlier_ratio:g} x the median, "
            f"vocabulary: {v['concepts']} concepts (shipped" + (" + " + ", ".join(extra) if extra else "") + ")")
