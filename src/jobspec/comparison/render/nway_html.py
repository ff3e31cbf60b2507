"""The N-way comparison as one self-contained HTML page: inline CSS, no scripts, no external
requests (a Content-Security-Policy forbids them), every piece of document text through
html.escape. The similarity matrices are heat maps: HTML tables whose cells are coloured by
value on a light-to-dark single-hue scale, with the percentage always printed in the cell."""

from __future__ import annotations

import math
from html import escape

from jobspec.comparison.nway.many import NWay, NwaySection
from jobspec.comparison.report.nway_json import core_counts, nearest
from jobspec.comparison.report.nway_rows import (
    CLUSTERS_SHOWN,
    HEAT_COLOURS,
    HEAT_DARK_FROM,
    HTML_HEATMAP_MAX,
    MATRIX_NOTE,
    NEAR_DUPLICATES_SHOWN,
    clusters_title,
    counts,
    heat_step,
    levels_text,
    pct,
    post_label,
    settings_line,
    summary_lines,
)

CELL_TITLES_MAX = 60  # hover titles on every cell up to this many posts (they double the page's size)

_CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:2rem auto;max-width:84rem;
padding:0 1rem;color:#1d1d1f;background:#fff}
h1{font-size:1.5rem;margin-bottom:.3rem}h2{margin-top:2.2rem;border-bottom:2px solid #ddd;padding-bottom:.2rem}
h3{margin-top:1.4rem;font-size:1.05rem}
table{border-collapse:collapse;margin:.4rem 0 1rem}th,td{border:1px solid #d8d8d8;padding:.35rem .5rem;
vertical-align:top;text-align:left}th{background:#f3f3f5}td.num{text-align:right;white-space:nowrap}
table.list{width:100%}
.summary{background:#f6f8fa;border-left:4px solid #4a78c2;padding:.5rem .8rem;margin:.3rem 0}
.summary p{margin:.15rem 0}
.id{color:#555;font-family:ui-monospace,monospace;font-size:.85em;margin-right:.3em;white-space:nowrap}
.muted{color:#555;font-size:.9em}ul{padding-left:1.2rem}
.heat-wrap{overflow:auto;max-height:78vh;max-width:100%;width:fit-content;border:1px solid #d8d8d8;margin:.4rem 0 .6rem}
table.heat{margin:0;font-size:.78rem;border-collapse:separate;border-spacing:0}
table.heat caption{text-align:left;padding:.2rem .4rem}
table.heat th,table.heat td{border:0;border-right:1px solid #fff;border-bottom:1px solid #fff;padding:.2rem .25rem}
table.heat td{text-align:center;min-width:2.3em;font-variant-numeric:tabular-nums}
table.heat thead th{position:sticky;top:0;z-index:2;background:#f3f3f5;text-align:center;font-weight:600;
font-family:ui-monospace,monospace}
table.heat th.label{position:sticky;left:0;z-index:1;background:#f3f3f5;max-width:19em;overflow:hidden;
text-overflow:ellipsis;white-space:nowrap;font-weight:normal}
table.heat thead th.corner{left:0;z-index:3}
table.heat td.diag{background:#e6e6e6;color:#666}table.heat td.na{background:#fff;color:#999}
.legend{display:flex;flex-wrap:wrap;gap:0;margin:.2rem 0 1rem;font-size:.78rem}
.legend span{padding:.15rem .45rem;font-variant-numeric:tabular-nums}
""" + "".join(f"\n.h{k}{{background:{c};color:{'#fff' if k >= HEAT_DARK_FROM else '#111'}}}"
              for k, c in enumerate(HEAT_COLOURS))


def e(text: object) -> str:
    return escape(str(text), quote=True)


def render(r: NWay) -> str:
    n = len(r.posts)
    title = f"Comparison of {n} posts"
    h = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
         '<meta name="viewport" content="width=device-width, initial-scale=1">',
         f"<title>{e(title)}</title><style>{_CSS}</style></head><body>",
         f"<h1>{e(title)}</h1>", '<div class="summary" id="summary">']
    h += [f"<p>{e(line)}</p>" for line in summary_lines(r)]
    h.append("</div>")
    for s in (r.duties, r.criteria):
        h += _heatmap(r, s)
    h += _posts(r)
    h += _near_duplicates(r)
    h += _outliers(r)
    for which in ("core", "shared"):
        for s in (r.duties, r.criteria):
            h += _clusters(r, s, which)
    h += _unique(r)
    h += ["<h2>Settings</h2>", f"<p>{e(settings_line(r))}.</p>",
          '<p class="muted">Scores are 0–100: how sure jobspec is that two items are one line. Items are matched '
          "one to one between every pair of posts, as <code>jobspec compare A B</code> would.</p>",
          "</body></html>", ""]
    return "\n".join(h)


def _posts(r: NWay) -> list[str]:
    means = r.mean_similarity()
    cores = {s.name: core_counts(s) for s in (r.duties, r.criteria)}
    h = ["<h2>Posts</h2>", '<table class="list" id="posts"><thead><tr><th>id</th><th>post</th><th>file</th>'
         "<th>duties</th><th>criteria</th><th>in the core: duties, criteria</th><th>unique: duties, criteria</th>"
         "<th>mean similarity %</th><th>most like (%)</th></tr></thead><tbody>"]
    for k, p in enumerate(r.posts):
        near = nearest(r, k)
        near_txt = f"{near['post']} ({pct(near['similarity'])})" if near else "—"
        h.append(f'<tr><td class="id">{e(p.id)}</td><td>{e(post_label(p))}</td><td class="muted">{e(p.path)}</td>'
                 f'<td class="num">{len(r.duties.items[k])}</td><td class="num">{len(r.criteria.items[k])}</td>'
                 f'<td class="num">{cores["duties"][k]}, {cores["criteria"][k]}</td>'
                 f'<td class="num">{len(r.duties.unique[k])}, {len(r.criteria.unique[k])}</td>'
                 f'<td class="num">{pct(means[k])}</td><td>{e(near_txt)}</td></tr>')
    h.append("</tbody></table>")
    return h


def _heatmap(r: NWay, s: NwaySection) -> list[str]:
    n = len(r.posts)
    what = "duties" if s.name == "duties" else "criteria"
    h = [f"<h2>Similarity of {what}</h2>"]
    if n > HTML_HEATMAP_MAX:
        return h + [f"<p>{n} posts are too many for a heat map in a page: the matrix is in the JSON report "
                    "(<code>--format json</code>, <code>matrix</code>).</p>"]
    h.append(f'<p class="muted">{e(MATRIX_NOTE)} Darker is more alike; rows and columns are the posts below.</p>')
    labels = [post_label(p) for p in r.posts]
    titles = n <= CELL_TITLES_MAX
    h.append(f'<div class="heat-wrap" role="region" aria-label="Similarity of {what}" tabindex="0">'
             f'<table class="heat" id="heat-{e(s.name)}"><caption class="muted">'
             f"% of {what} matched between two posts</caption><thead><tr><th class=\"corner label\">post</th>")
    h += [f'<th scope="col" title="{e(p.id)}: {e(lab)}">{e(p.id)}</th>' for p, lab in zip(r.posts, labels, strict=True)]
    h.append("</tr></thead><tbody>")
    m = s.matrix
    for i, p in enumerate(r.posts):
        row = [f'<tr><th scope="row" class="label" title="{e(p.id)}: {e(labels[i])}"><span class="id">{e(p.id)}</span>'
               f"{e(labels[i])}</th>"]
        for j in range(n):
            v = float(m[i, j])
            tip = f' title="{e(p.id)} × {e(r.posts[j].id)}: {pct(v)}%"' if titles else ""
            if i == j:
                row.append(f'<td class="diag"{tip}>—</td>')
            elif math.isnan(v):
                row.append('<td class="na">—</td>')
            else:
                row.append(f'<td class="h{heat_step(v)}"{tip}>{pct(v)}</td>')
        h.append("".join(row) + "</tr>")
    h.append("</tbody></table></div>")
    h.append('<div class="legend" aria-label="colour scale">'
             + "".join(f'<span class="h{k}">{"100" if k == 10 else f"{k * 10}–{k * 10 + 9}"}</span>' for k in range(11))
             + '<span class="muted">% matched; — the post itself, or no items to compare</span></div>')
    return h


def _near_duplicates(r: NWay) -> list[str]:
    h = ["<h2>Near-duplicate posts</h2>"]
    if not r.near_duplicates:
        return h + [f"<p>None: no two posts have {pct(r.near_duplicate)}% or more of their items matched.</p>"]
    by_id = {p.id: p for p in r.posts}
    h.append('<table class="list" id="near-duplicates"><thead><tr><th>posts</th><th>all items %</th><th>duties %</th>'
             "<th>criteria %</th></tr></thead><tbody>")
    for d in r.near_duplicates[:NEAR_DUPLICATES_SHOWN]:
        a, b = by_id[d["a"]], by_id[d["b"]]
        h.append(f'<tr><td><span class="id">{e(a.id)}</span>{e(post_label(a))}<br><span class="id">{e(b.id)}</span>'
                 f'{e(post_label(b))}</td><td class="num">{pct(d["similarity"])}</td>'
                 f'<td class="num">{pct(d["duties"])}</td><td class="num">{pct(d["criteria"])}</td></tr>')
    h.append("</tbody></table>")
    if len(r.near_duplicates) > NEAR_DUPLICATES_SHOWN:
        h.append(f'<p class="muted">… and {len(r.near_duplicates) - NEAR_DUPLICATES_SHOWN} more pairs (all are in the '
                 "JSON report).</p>")
    return h


def _outliers(r: NWay) -> list[str]:
    h = ["<h2>Outliers</h2>"]
    if not r.outliers:
        return h + ["<p>None: every post is about as like the others as the median post is.</p>"]
    by_id = {p.id: p for p in r.posts}
    h.append('<table class="list" id="outliers"><thead><tr><th>post</th><th>mean similarity %</th>'
             "<th>median post's %</th><th>most like</th></tr></thead><tbody>")
    for o in r.outliers:
        p = by_id[o["post"]]
        near = o["nearest"]
        near_txt = f"{near['post']} ({pct(near['similarity'])}%)" if near else "—"
        h.append(f'<tr><td><span class="id">{e(p.id)}</span>{e(post_label(p))}</td>'
                 f'<td class="num">{pct(o["mean_similarity"])}</td><td class="num">{pct(o["median_mean_similarity"])}</td>'
                 f"<td>{e(near_txt)}</td></tr>")
    h.append("</tbody></table>")
    return h


def _clusters(r: NWay, s: NwaySection, which: str) -> list[str]:
    n = len(r.posts)
    crit = s.name == "criteria"
    clusters = s.core if which == "core" else s.shared
    if which == "shared" and r.min_posts <= 2:
        return []
    h = [f"<h2>{e(clusters_title(r, s.name, which))}</h2>"]
    if not clusters:
        what = "criterion" if crit else "duty"
        return h + [f"<p>None: no {what} is matched across {r.min_posts} posts.</p>" if which == "core"
                    else f"<p>None: every {what} matched in another post is in the common core.</p>"]
    h.append(f'<table class="list" id="{e(which)}-{e(s.name)}"><thead><tr><th>posts</th>'
             f'<th>{"criterion" if crit else "duty"} (the most common wording)</th>'
             + ("<th>level</th>" if crit else "") + "<th>in</th></tr></thead><tbody>")
    for cl in clusters[:CLUSTERS_SHOWN]:
        ids = ", ".join(r.posts[k].id for k in cl.posts)
        h.append(f'<tr><td class="num">{len(cl.members)}/{n}</td><td>{e(cl.text)}</td>'
                 + (f"<td>{e(levels_text(cl))}</td>" if crit else "") + f'<td class="muted">{e(ids)}</td></tr>')
    h.append("</tbody></table>")
    if len(clusters) > CLUSTERS_SHOWN:
        h.append(f'<p class="muted">… and {len(clusters) - CLUSTERS_SHOWN} more (all are in the JSON report).</p>')
    return h


def _unique(r: NWay) -> list[str]:
    h = ["<h2>Unique to one post</h2>",
         '<p class="muted">Items matched in no other post: what this post asks for that no other does.</p>']
    any_unique = False
    for k, p in enumerate(r.posts):
        d, c = r.duties.unique[k], r.criteria.unique[k]
        if not d and not c:
            continue
        any_unique = True
        h.append(f'<h3><span class="id">{e(p.id)}</span>{e(post_label(p))} ({e(counts(len(d), len(c)))})</h3>')
        if d:
            h.append("<ul>" + "".join(f'<li><span class="id">{e(it.id)}</span>{e(it.text)}</li>' for it in d) + "</ul>")
        if c:
            h.append("<ul>" + "".join(f'<li><span class="id">{e(it.id)}</span>{e(it.text)} '
                                      f'<span class="muted">({e(getattr(it.ref, "level", ""))})</span></li>' for it in c)
                     + "</ul>")
    if not any_unique:
        h.append("<p>None: every item of every post is matched in another post.</p>")
    return h
