"""The N-way report as rows (see :mod:`jobspec.comparison.report.rows`): summary lines, the posts,
the similarity matrices, near-duplicates, outliers, the common core and what is shared by fewer
posts, and what is unique to each post."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from jobspec.comparison.engine.features import Item
from jobspec.comparison.nway.many import Cluster, NWay, NwayPost, cluster_levels
from jobspec.comparison.report.nway_json import core_counts, nearest
from jobspec.comparison.report.rows import (
    Column,
    Counts,
    ItemRef,
    Money,
    Nearest,
    OutOf,
    PostRef,
    Score,
    Share,
    Table,
    file_ref,
    pct,
)
from jobspec.display import plural

NEAR_DUPLICATES_SHOWN = 100
CLUSTERS_SHOWN = 200  # rows of a core or shared list in a page (all of them are in the JSON)
PAIRS_SHOWN = 20  # the closest pairs of posts whose matched items the report lists (and each post's nearest)
ORDERS = ("similarity", "input")
MATRIX_NOTE = ("Each cell is the share of the two posts' items matched one to one: 2 x matched / (items of the "
               "one + items of the other), as a percentage; — where either post has none.")
ORDER_NOTES = {"similarity": "Posts in order of similarity: alike posts are next to each other.",
               "input": "Posts in the order they were given."}

__all__ = ["nway_report", "NwayReport", "Matrix", "PostPair", "UniquePost", "heat_step", "pct", "post_label",
           "similarity_order", "summary_lines"]


@dataclass(slots=True)
class Matrix:
    """The share of two posts' items matched, for every pair of posts (None: either has none), the
    posts in the report's order (``order``: "similarity" or "input")."""

    name: str  # duties | criteria
    posts: list[PostRef]
    values: list[list[float | None]]
    order: str = "input"


@dataclass(slots=True)
class PostPair:
    """Two posts and the items matched between them (tables ``pair-duties``, ``pair-criteria``)."""

    a: PostRef
    b: PostRef
    similarity: Share  # duties and criteria together
    duties: Share
    criteria: Share
    tables: list[Table]


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
    unique: list[UniquePost]  # posts with items grouped with no other post's item
    settings: str
    pairs: list[PostPair] = field(default_factory=list)  # the closest pairs, most alike first
    pairs_note: str = ""
    details: Table | None = None  # grade, pay and hours of each post as numbers (a spreadsheet's columns)

    def tables(self) -> list[Table]:
        """Every table, in report order (what a spreadsheet makes a sheet of)."""
        return [self.posts, *([self.details] if self.details else []), self.near_duplicates, self.outliers,
                *self.clusters]


def nway_report(r: NWay, order: str = "similarity", *, full: bool = False) -> NwayReport:
    """The N-way report's rows; ``order`` the matrices' rows and columns: "similarity" (alike posts
    together, see :func:`similarity_order`) or "input" (as given); ``full`` keeps every near-duplicate
    pair and every core and shared item (a page shows the first of them, a spreadsheet all)."""
    if order not in ORDERS:
        raise ValueError(f"unknown order {order!r}: use similarity or input")
    refs = [PostRef(p.id, post_label(p)) for p in r.posts]
    pairs, pairs_note = _pairs(r, refs)
    return NwayReport(title=f"Comparison of {len(r.posts)} posts", summary=summary_lines(r), posts=_posts(r),
                      matrices=[_matrix(r, name, refs, order) for name in ("duties", "criteria")],
                      near_duplicates=_near_duplicates(r, refs, full), outliers=_outliers(r, refs),
                      clusters=[_clusters(r, name, which, full) for which in ("core", "shared") for name in ("duties", "criteria")
                                if which == "core" or r.min_posts > 2],
                      unique=[UniquePost(refs[k], [_ref(it) for it in r.duties.unique[k]],
                                         [_ref(it, getattr(it.ref, "level", "")) for it in r.criteria.unique[k]])
                              for k in range(len(r.posts)) if r.duties.unique[k] or r.criteria.unique[k]],
                      settings=settings_line(r), pairs=pairs, pairs_note=pairs_note,
                      details=_details(r))


def _details(r: NWay) -> Table:
    """Grade, pay and hours of every post, side by side."""
    t = Table("post-details", "Grade, pay and hours", [
        Column("id", "id"), Column("grade", "grade"), Column("salary_min", "salary from", numeric=True),
        Column("salary_max", "salary to", numeric=True), Column("period", "pay period"), Column("basis", "basis"),
        Column("actual_min", "actual pay from", numeric=True), Column("actual_max", "actual pay to", numeric=True),
        Column("hours", "hours per week", numeric=True), Column("term_time", "term time only"),
        Column("weeks", "weeks per year", numeric=True), Column("fte", "FTE", numeric=True)])
    for p in r.posts:
        post = p.spec.post
        sal, hrs = post.salary, post.hours

        def money(v: float | None, sal=sal) -> Money | None:
            return None if v is None or sal is None else Money(v, sal.currency)

        t.rows.append((p.id, post.grade, money(sal and sal.min), money(sal and sal.max), sal and sal.period,
                       sal and sal.basis, money(sal and sal.actual_min), money(sal and sal.actual_max),
                       hrs and hrs.per_week, hrs and hrs.term_time_only, hrs and hrs.weeks_per_year, hrs and hrs.fte))
    return t


def _matrix(r: NWay, name: str, refs: list[PostRef], order: str) -> Matrix:
    n = len(refs)
    values = [[_cell(r, name, i, j) for j in range(n)] for i in range(n)]
    if order == "input":
        return Matrix(name, refs, values, order)
    ks = similarity_order(np.array([[np.nan if v is None else v for v in row] for row in values], dtype=np.float64))
    return Matrix(name, [refs[k] for k in ks], [[values[i][j] for j in ks] for i in ks], order)


def _ref(it: Item, level: str | None = None) -> ItemRef:
    return ItemRef(it.id, it.text, level, at=getattr(it.ref, "at", None))


def _cell(r: NWay, name: str, i: int, j: int) -> float | None:
    """The share of posts i and j's items of a section matched; None (no data) where either has none."""
    s = r.section(name)
    if i != j and (not s.items[i] or not s.items[j]):
        return None
    return _num(float(s.matrix[i, j]))


def similarity_order(m: np.ndarray) -> list[int]:
    """The posts in an order that puts alike posts together (each matrix in its own): average-linkage
    agglomerative clustering of the similarity matrix (no data counts as 0), each merge joining the two runs of
    posts end to end the way that puts the most alike ends side by side. Ties go to the earlier
    posts, so the order is the same run after run."""
    n = m.shape[0]
    if n <= 2:
        return list(range(n))
    sim = np.nan_to_num(np.asarray(m, dtype=np.float64), nan=0.0)
    sim = (sim + sim.T) / 2
    link = sim.copy()
    np.fill_diagonal(link, -np.inf)
    runs: dict[int, list[int]] = {k: [k] for k in range(n)}
    size = np.ones(n)
    for _ in range(n - 1):
        flat = int(np.argmax(link))  # the first of the largest: ties go to the earlier posts
        a, b = divmod(flat, n)
        a, b = min(a, b), max(a, b)
        ra, rb = runs[a], runs[b]
        # join end to end: the ends that are most alike side by side
        best = max(((sim[x[-1], y[0]], k, x + y) for k, (x, y) in enumerate(
            ((ra, rb), (ra, rb[::-1]), (ra[::-1], rb), (rb, ra)))), key=lambda t: (t[0], -t[1]))
        runs[a] = best[2]
        del runs[b]
        alive = link[a, :] > -np.inf
        merged = (link[a, :] * size[a] + link[b, :] * size[b]) / (size[a] + size[b])
        link[a, :] = link[:, a] = np.where(alive, merged, -np.inf)
        link[b, :] = link[:, b] = -np.inf  # b is merged into a
        link[a, a] = -np.inf
        size[a] += size[b]
    (order,) = runs.values()
    return order if order[0] <= order[-1] else order[::-1]


def _pairs(r: NWay, refs: list[PostRef]) -> tuple[list[PostPair], str]:
    """The closest pairs of posts (and each post's nearest), with the items matched between them."""
    n = len(r.posts)
    m = np.nan_to_num(r.matrix, nan=0.0)
    iu, ju = np.triu_indices(n, k=1)
    ranked = sorted(((float(m[i, j]), i, j) for i, j in zip(iu.tolist(), ju.tolist(), strict=True) if m[i, j] > 0),
                    key=lambda t: (-t[0], t[1], t[2]))
    chosen = {(i, j) for _, i, j in ranked[:PAIRS_SHOWN]}
    for k in range(n):
        near = nearest(r, k)
        if near:
            j = next(x for x, p in enumerate(r.posts) if p.id == near["post"])
            chosen.add((min(k, j), max(k, j)))
    out = []
    for v, i, j in ranked:
        if (i, j) not in chosen:
            continue
        tables = []
        for s in (r.duties, r.criteria):
            crit = s.name == "criteria"
            what = "criteria" if crit else "duties"
            matches = s.pair_matches(i, j)
            tables.append(Table(f"pair-{s.name}", f"Matched {what} ({len(matches)})",
                                [Column("score", "score", numeric=True), Column("a", refs[i].id), Column("b", refs[j].id)],
                                [(Score(sc), _ref(x, getattr(x.ref, "level", None) if crit else None),
                                  _ref(y, getattr(y.ref, "level", None) if crit else None)) for x, y, sc in matches],
                                empty=f"None: no {what} matched."))
        out.append(PostPair(refs[i], refs[j], Share(v), Share(_cell(r, "duties", i, j)),
                            Share(_cell(r, "criteria", i, j)), tables))
    left = len(ranked) - len(out)
    note = (f"The {len(out)} closest pairs of posts, and each post with the post most like it"
            + (f"; {left} other pairs with items in common are left out (the matrix has them all)" if left else "")
            + ".")
    return out, note


def _posts(r: NWay) -> Table:
    means = r.mean_similarity()
    cores = {s.name: core_counts(s) for s in (r.duties, r.criteria)}
    t = Table("posts", "Posts", [
        Column("id", "id"), Column("post", "post"), Column("file", "file", muted=True),
        Column("grade", "grade"), Column("pay", "pay"), Column("hours", "hours"),
        Column("duties", "duties", numeric=True), Column("criteria", "criteria", numeric=True),
        Column("core", "in the core (duties, criteria)", numeric=True),
        Column("unique", "unique (duties, criteria)", numeric=True),
        Column("mean", "mean similarity %", numeric=True), Column("nearest", "most like")])
    for k, p in enumerate(r.posts):
        near = nearest(r, k)
        t.rows.append((p.id, post_label(p), file_ref(p.path), p.spec.post.grade, pay_text(p.spec.post.salary),
                       hours_text(p.spec.post.hours), len(r.duties.items[k]), len(r.criteria.items[k]),
                       Counts(cores["duties"][k], cores["criteria"][k]),
                       Counts(len(r.duties.unique[k]), len(r.criteria.unique[k])), Share(means[k]),
                       Nearest(near["post"], near["similarity"]) if near else None))
    return t


def _near_duplicates(r: NWay, refs: list[PostRef], full: bool = False) -> Table:
    by_id = {p.id: p for p in refs}
    shown = r.near_duplicates if full else r.near_duplicates[:NEAR_DUPLICATES_SHOWN]
    more = len(r.near_duplicates) - len(shown)
    return Table("near-duplicates", "Near-duplicate posts", [
        Column("a", "post"), Column("b", "post"), Column("all", "all items %", numeric=True),
        Column("duties", "duties %", numeric=True), Column("criteria", "criteria %", numeric=True)],
        [(by_id[d["a"]], by_id[d["b"]], Share(d["similarity"]), Share(_pair_share(r, "duties", d)),
          Share(_pair_share(r, "criteria", d))) for d in shown], more=more, more_note=f"… and {more} more pairs (all are in the JSON report)",
        empty=f"None: no two posts have {pct(r.near_duplicate)}% or more of their items matched.")


def _outliers(r: NWay, refs: list[PostRef]) -> Table:
    by_id = {p.id: p for p in refs}
    # the posts table's unrounded means: the JSON's three decimals rounded again could show 2 for 3
    means = dict(zip((p.id for p in r.posts), r.mean_similarity(), strict=True))
    return Table("outliers", "Outliers", [
        Column("post", "post"), Column("mean", "mean similarity %", numeric=True),
        Column("median", "median post's %", numeric=True), Column("nearest", "most like")],
        [(by_id[o["post"]], Share(means[o["post"]]), Share(o["median_mean_similarity"]),
          Nearest(o["nearest"]["post"], o["nearest"]["similarity"]) if o["nearest"] else None) for o in r.outliers],
        empty="None: every post is about as like the others as the median post is.")


def _clusters(r: NWay, name: str, which: str, full: bool = False) -> Table:
    n = len(r.posts)
    s = r.section(name)
    crit = name == "criteria"
    what = "criterion" if crit else "duty"
    clusters = s.core if which == "core" else s.shared
    shown = clusters if full else clusters[:CLUSTERS_SHOWN]
    more = len(clusters) - len(shown)
    t = Table(f"{which}-{name}", clusters_title(r, name, which),
              [Column("posts", "posts", numeric=True), Column("text", f"{what} (the most common wording)")]
              + ([Column("level", "level")] if crit else []) + [Column("in", "in", muted=True)],
              more=more, more_note=f"… and {more} more (all are in the JSON report)",
              empty=f"None: no {what} is matched across {r.min_posts} posts." if which == "core"
              else f"None: every {what} matched in another post is in the common core.")
    for cl in shown:
        t.rows.append((OutOf(len(cl.posts), n), cl.text) + ((levels_text(cl),) if crit else ())
                      + (", ".join(r.posts[k].id for k in cl.posts),))
    return t


def _pair_share(r: NWay, name: str, d: dict) -> float | None:
    ids = [p.id for p in r.posts]
    return _cell(r, name, ids.index(d["a"]), ids.index(d["b"]))


def _num(v: float) -> float | None:
    return None if math.isnan(v) else v


def pay_text(s) -> str | None:
    """A post's pay in a few words: "£24,000–£26,500 FTE, pro rata", or as written."""
    if s is None:
        return None
    if s.min is None:
        return s.text or None
    cur = {"GBP": "£", "EUR": "€", "USD": "$"}.get(s.currency or "GBP", (s.currency or "") + " ")
    out = f"{cur}{s.min:,.2f}".removesuffix(".00")
    if s.max is not None and s.max != s.min:
        out += f"–{cur}{s.max:,.2f}".removesuffix(".00")
    if s.period and s.period != "year":
        out += f" a {s.period}"
    if s.basis == "fte":
        out += " FTE"
    if s.pro_rata:
        out += ", pro rata"
    return out


def hours_text(h) -> str | None:
    """A post's hours in a few words: "32.5 a week, term time", or as written."""
    if h is None:
        return None
    if h.per_week is None:
        return h.text or None
    out = f"{h.per_week:g} a week"
    if h.term_time_only:
        out += ", term time"
    elif h.weeks_per_year:
        out += f", {h.weeks_per_year:g} weeks a year"
    return out


def heat_step(v: float) -> int:
    """0..10: the colour step of a share (0..1)."""
    return max(0, min(10, int(math.floor(v * 10 + 1e-9))))


def post_label(p: NwayPost) -> str:
    """The job title first (what the reader compares), then the organisation."""
    bits = [b for b in (p.spec.post.title, p.spec.post.organisation) if b]
    return " — ".join(bits) or "untitled post"


def summary_lines(r: NWay) -> list[str]:
    n = len(r.posts)
    out = [f"{n} posts compared: duties and criteria matched one to one between every pair of posts."]
    out.append(f"Common core, in at least {r.min_posts} of the {n} posts: {_count(len(r.duties.core), 'duty', 'duties')}"
               f", {_count(len(r.criteria.core), 'criterion', 'criteria')}.")
    ud = sum(len(x) for x in r.duties.unique)
    uc = sum(len(x) for x in r.criteria.unique)
    out.append(f"Unique to one post (grouped with no other post): {_count(ud, 'duty', 'duties')}, "
               f"{_count(uc, 'criterion', 'criteria')}.")
    nd = len(r.near_duplicates)
    out.append(f"Near-duplicates (at least {pct(r.near_duplicate)}% of their items matched): "
               + (f"{_count(nd, 'pair', 'pairs')} of posts." if nd else "none."))
    ids = ", ".join(o["post"] for o in r.outliers)
    out.append(f"Outliers (mean similarity to the others under {r.outlier_ratio:g} x the median post's): "
               + (f"{ids}." if ids else "none."))
    if r.unread:
        out.append(f"Not compared, could not be read: {_count(len(r.unread), 'file', 'files')}: "
                   + "; ".join(f"{path} ({problem})" for path, problem in r.unread) + ".")
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
