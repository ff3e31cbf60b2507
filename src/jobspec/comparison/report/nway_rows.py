"""Wording shared by the N-way renderers: summary sentences, post labels, percentages, colours."""

from __future__ import annotations

import math

from jobspec.comparison.nway.many import Cluster, NWay, NwayPost, cluster_levels

# Matrices wider than this are left to the JSON report (and the HTML heat map) in a format
TERMINAL_MATRIX_MAX = 30
MARKDOWN_MATRIX_MAX = 100
HTML_HEATMAP_MAX = 300
NEAR_DUPLICATES_SHOWN = 100
CLUSTERS_SHOWN = 200  # rows of a core or shared list in a page (all of them are in the JSON)

# A sequential single-hue scale (ColorBrewer "Blues", extended to 11 steps): light to dark, so it
# reads in grey and to colour-blind eyes; the number is always printed in the cell as well.
HEAT_COLOURS = ("#f7fbff", "#e3eef9", "#cfe1f2", "#b5d4e9", "#93c3df", "#6daed5", "#4b97c9", "#2f7ebc",
                "#1864aa", "#0a4a90", "#08306b")
HEAT_DARK_FROM = 7  # from this step on the number is printed in white


def heat_step(v: float) -> int:
    """0..10: the colour step of a share (0..1)."""
    return max(0, min(10, int(math.floor(v * 10 + 1e-9))))


def pct(v: float | None) -> str:
    """A share as a whole percentage ("62"), or "—" when there is none."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "—"
    return f"{round(v * 100):d}"


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
    return f"{n} {one if n == 1 else many}"


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


MATRIX_NOTE = ("Each cell is the share of the two posts' items matched one to one: 2 x matched / (items of the "
               "one + items of the other), as a percentage.")
