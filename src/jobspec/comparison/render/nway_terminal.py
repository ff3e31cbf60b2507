"""The N-way comparison as rich renderables for a terminal. Document text is always a rich Text,
never markup, so "[Name of School]" prints as written."""

from __future__ import annotations

import math

from jobspec.comparison.nway.many import NWay, NwaySection
from jobspec.comparison.report.nway_json import core_counts, nearest
from jobspec.comparison.report.nway_rows import (
    CLUSTERS_SHOWN,
    HEAT_COLOURS,
    HEAT_DARK_FROM,
    NEAR_DUPLICATES_SHOWN,
    TERMINAL_MATRIX_MAX,
    clusters_title,
    heat_step,
    levels_text,
    pct,
    post_label,
    settings_line,
    summary_lines,
)


def renderables(r: NWay, width: int | None = None) -> list:
    """The report as rich renderables; ``width`` (the console's) decides whether the matrices fit."""
    from rich.table import Table
    from rich.text import Text

    out: list = [Text(line, style="bold cyan" if k == 0 else "cyan") for k, line in enumerate(summary_lines(r))]
    means = r.mean_similarity()
    cores = {s.name: core_counts(s) for s in (r.duties, r.criteria)}
    t = Table(title="Posts (duties, criteria: all, in the core, unique; mean similarity %; the most like)",
              title_justify="left", expand=True, padding=(0, 1))
    t.add_column("id", no_wrap=True)
    t.add_column("post (file)", overflow="fold", ratio=1, min_width=16)
    for col in ("items", "core", "unique", "mean", "nearest"):
        t.add_column(col, justify="right", no_wrap=True)
    for k, p in enumerate(r.posts):
        near = nearest(r, k)
        label = Text(post_label(p))
        label.append(f" ({p.path})", style="dim")
        t.add_row(p.id, label, f"{len(r.duties.items[k])}, {len(r.criteria.items[k])}",
                  f"{cores['duties'][k]}, {cores['criteria'][k]}",
                  f"{len(r.duties.unique[k])}, {len(r.criteria.unique[k])}", pct(means[k]),
                  f"{near['post']} {pct(near['similarity'])}" if near else "—")
    out.append(t)
    for s in (r.duties, r.criteria):
        out += _matrix(r, s, width)
    if r.near_duplicates:
        t = Table(title=f"Near-duplicate posts ({len(r.near_duplicates)})", title_justify="left")
        for col in ("posts", "all %", "duties %", "criteria %"):
            t.add_column(col, justify="left" if col == "posts" else "right")
        for d in r.near_duplicates[:NEAR_DUPLICATES_SHOWN]:
            t.add_row(f"{d['a']} ~ {d['b']}", pct(d["similarity"]), pct(d["duties"]), pct(d["criteria"]))
        out.append(t)
    if r.outliers:
        t = Table(title=f"Outliers ({len(r.outliers)})", title_justify="left")
        for col in ("post", "mean %", "median post's %", "most like"):
            t.add_column(col, justify="right" if "%" in col else "left")
        by_id = {p.id: p for p in r.posts}
        for o in r.outliers:
            near = o["nearest"]
            t.add_row(Text(f"{o['post']} {post_label(by_id[o['post']])}"), pct(o["mean_similarity"]),
                      pct(o["median_mean_similarity"]), f"{near['post']} ({pct(near['similarity'])}%)" if near else "—")
        out.append(t)
    for which in ("core", "shared"):
        for s in (r.duties, r.criteria):
            out += _clusters(r, s, which)
    any_unique = False
    for k, p in enumerate(r.posts):
        d, c = r.duties.unique[k], r.criteria.unique[k]
        if not d and not c:
            continue
        if not any_unique:
            out += [Text(""), Text("UNIQUE TO ONE POST (matched in no other)", style="bold underline")]
            any_unique = True
        out.append(Text(f"{p.id} {post_label(p)}", style="bold"))
        for it in d:
            out.append(Text.assemble("  • ", (it.id + " ", "dim"), it.text))
        for it in c:
            out.append(Text.assemble("  • ", (it.id + " ", "dim"), it.text, (f" ({getattr(it.ref, 'level', '')})", "dim")))
    out.append(Text(f"Settings: {settings_line(r)}", style="dim"))
    return out


def _matrix(r: NWay, s: NwaySection, width: int | None) -> list:
    from rich.style import Style
    from rich.table import Table
    from rich.text import Text

    n = len(r.posts)
    id_width = len(r.posts[0].id) if r.posts else 3
    if n > TERMINAL_MATRIX_MAX or (width is not None and (n + 1) * (id_width + 2) + 1 > width):
        return [Text(f"Similarity of {s.name}: {n} posts make a matrix too wide for this terminal; see --format "
                     "html (a heat map), markdown or json (matrix).", style="dim")]
    t = Table(title=f"Similarity of {s.name} (% of items matched)", title_justify="left", show_lines=False,
              padding=(0, 0), collapse_padding=True)
    t.add_column("", no_wrap=True)
    for p in r.posts:
        t.add_column(p.id, justify="right", no_wrap=True)
    for i, p in enumerate(r.posts):
        cells: list = [p.id]
        for j in range(n):
            v = float(s.matrix[i, j])
            if i == j or math.isnan(v):
                cells.append(Text(" —", style="dim"))
                continue
            k = heat_step(v)
            style = Style(bgcolor=HEAT_COLOURS[k], color="white" if k >= HEAT_DARK_FROM else "black")
            cells.append(Text(f" {pct(v):>3}", style=style))
        t.add_row(*cells)
    return [t]


def _clusters(r: NWay, s: NwaySection, which: str) -> list:
    from rich.table import Table
    from rich.text import Text

    n = len(r.posts)
    crit = s.name == "criteria"
    clusters = s.core if which == "core" else s.shared
    if which == "shared" and r.min_posts <= 2:
        return []
    title = clusters_title(r, s.name, which)
    if not clusters:
        return [Text(title + ": none", style="bold")]
    t = Table(title=title, title_justify="left", show_lines=True, expand=True)
    t.add_column("posts", justify="right", no_wrap=True)
    t.add_column("criterion" if crit else "duty", overflow="fold", ratio=3)
    if crit:
        t.add_column("level", overflow="fold", ratio=1)
    t.add_column("in", overflow="fold", ratio=1)
    for cl in clusters[:CLUSTERS_SHOWN]:
        row = [f"{len(cl.members)}/{n}", Text(cl.text)]
        if crit:
            row.append(Text(levels_text(cl)))
        row.append(Text(", ".join(r.posts[k].id for k in cl.posts), style="dim"))
        t.add_row(*row)
    out: list = [t]
    if len(clusters) > CLUSTERS_SHOWN:
        out.append(Text(f"… and {len(clusters) - CLUSTERS_SHOWN} more (all are in the JSON report)", style="dim"))
    return out
