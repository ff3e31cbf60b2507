"""The N-way comparison as Markdown. Every piece of document text is escaped (as in the
two-post report), so a job pack cannot inject links, HTML or table breaks."""

from __future__ import annotations

import math

from jobspec.comparison.nway.many import NWay, NwaySection
from jobspec.comparison.render.markdown import md
from jobspec.comparison.report.nway_json import core_counts, nearest
from jobspec.comparison.report.nway_rows import (
    CLUSTERS_SHOWN,
    MARKDOWN_MATRIX_MAX,
    MATRIX_NOTE,
    NEAR_DUPLICATES_SHOWN,
    clusters_title,
    levels_text,
    pct,
    post_label,
    settings_line,
    summary_lines,
)


def render(r: NWay) -> str:
    n = len(r.posts)
    out = [f"# Comparison of {n} posts", ""]
    out += [f"- {md(line)}" for line in summary_lines(r)] + [""]
    means = r.mean_similarity()
    cores = {s.name: core_counts(s) for s in (r.duties, r.criteria)}
    out += ["## Posts", "", "| id | post | file | duties | criteria | in the core (duties, criteria) | "
            "unique (duties, criteria) | mean similarity % | most like |", "|---|---|---|---|---|---|---|---|---|"]
    for k, p in enumerate(r.posts):
        near = nearest(r, k)
        out.append(f"| {p.id} | {md(post_label(p))} | {md(p.path)} | {len(r.duties.items[k])} | "
                   f"{len(r.criteria.items[k])} | {cores['duties'][k]}, {cores['criteria'][k]} | "
                   f"{len(r.duties.unique[k])}, {len(r.criteria.unique[k])} | {pct(means[k])} | "
                   + (f"{near['post']} ({pct(near['similarity'])}%)" if near else "—") + " |")
    out.append("")
    for s in (r.duties, r.criteria):
        out += _matrix(r, s)
    out += ["## Near-duplicate posts", ""]
    if r.near_duplicates:
        out += ["| post | post | all items % | duties % | criteria % |", "|---|---|---|---|---|"]
        out += [f"| {d['a']} | {d['b']} | {pct(d['similarity'])} | {pct(d['duties'])} | {pct(d['criteria'])} |"
                for d in r.near_duplicates[:NEAR_DUPLICATES_SHOWN]]
        if len(r.near_duplicates) > NEAR_DUPLICATES_SHOWN:
            out += ["", f"… and {len(r.near_duplicates) - NEAR_DUPLICATES_SHOWN} more pairs (all are in the JSON report)."]
    else:
        out.append(f"None: no two posts have {pct(r.near_duplicate)}% or more of their items matched.")
    out += ["", "## Outliers", ""]
    if r.outliers:
        out += ["| post | mean similarity % | median post's % | most like |", "|---|---|---|---|"]
        for o in r.outliers:
            near = o["nearest"]
            out.append(f"| {o['post']} | {pct(o['mean_similarity'])} | {pct(o['median_mean_similarity'])} | "
                       + (f"{near['post']} ({pct(near['similarity'])}%)" if near else "—") + " |")
    else:
        out.append("None: every post is about as like the others as the median post is.")
    out.append("")
    for which in ("core", "shared"):
        for s in (r.duties, r.criteria):
            out += _clusters(r, s, which)
    out += ["## Unique to one post", "", "Items matched in no other post.", ""]
    for k, p in enumerate(r.posts):
        d, c = r.duties.unique[k], r.criteria.unique[k]
        if not d and not c:
            continue
        out += [f"### {p.id} {md(post_label(p))}", ""]
        out += [f"- `{md(it.id)}` {md(it.text)}" for it in d]
        out += [f"- `{md(it.id)}` {md(it.text)} *({md(getattr(it.ref, 'level', ''))})*" for it in c]
        out.append("")
    out += ["## Settings", "", md(settings_line(r)) + ".", ""]
    return "\n".join(out)


def _matrix(r: NWay, s: NwaySection) -> list[str]:
    n = len(r.posts)
    out = [f"## Similarity of {s.name} (%)", ""]
    if n > MARKDOWN_MATRIX_MAX:
        return out + [f"{n} posts are too many for a table: the matrix is in the JSON report (`matrix.{s.name}`) "
                      "and the HTML report's heat map.", ""]
    out += [md(MATRIX_NOTE), ""]
    out.append("| | " + " | ".join(p.id for p in r.posts) + " |")
    out.append("|---|" + "---|" * n)
    for i, p in enumerate(r.posts):
        cells = []
        for j in range(n):
            v = float(s.matrix[i, j])
            cells.append("—" if i == j or math.isnan(v) else pct(v))
        out.append(f"| **{p.id}** | " + " | ".join(cells) + " |")
    return out + [""]


def _clusters(r: NWay, s: NwaySection, which: str) -> list[str]:
    n = len(r.posts)
    crit = s.name == "criteria"
    clusters = s.core if which == "core" else s.shared
    if which == "shared" and r.min_posts <= 2:
        return []
    out = [f"## {clusters_title(r, s.name, which)}", ""]
    if not clusters:
        what = "criterion" if crit else "duty"
        return out + [f"None: no {what} is matched across {r.min_posts} posts." if which == "core"
                      else f"None: every {what} matched in another post is in the common core.", ""]
    out.append("| posts | " + ("criterion" if crit else "duty") + " (the most common wording) |"
               + (" level |" if crit else "") + " in |")
    out.append("|---|---|" + ("---|" if crit else "") + "---|")
    for cl in clusters[:CLUSTERS_SHOWN]:
        ids = ", ".join(r.posts[k].id for k in cl.posts)
        out.append(f"| {len(cl.members)}/{n} | {md(cl.text)} |" + (f" {md(levels_text(cl))} |" if crit else "")
                   + f" {ids} |")
    if len(clusters) > CLUSTERS_SHOWN:
        out += ["", f"… and {len(clusters) - CLUSTERS_SHOWN} more (all are in the JSON report)."]
    return out + [""]
