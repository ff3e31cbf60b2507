"""The report as one self-contained HTML page: inline CSS, no scripts, no external requests (a
Content-Security-Policy forbids them), every piece of document text through html.escape. The rows'
tables are HTML tables; the similarity matrices are heat maps: cells coloured by value on a
light-to-dark single-hue scale, with the percentage always printed in the cell."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from jobspec.comparison.render.heat import HEAT_COLOURS, HEAT_DARK_FROM
from jobspec.comparison.report.nway_rows import MATRIX_NOTE, Matrix, NwayReport, UniquePost, counts, heat_step
from jobspec.comparison.report.pair_rows import PairReport, PairSection
from jobspec.comparison.report.rows import Diff, ItemRef, Kind, PostRef, Table, Verdict, pct, show

HTML_HEATMAP_MAX = 300  # larger matrices are left to the JSON report
CELL_TITLES_MAX = 60  # hover titles on every cell up to this many posts (they double the page's size)

# Headers and cells this format has always written its own way; (table key, column key): header
# (None: the column is shown in the one before it) and how a cell is made from the whole row.
_COLUMNS: dict[tuple[str, str], tuple[str | None, Any]] = {
    ("posts", "core"): ("in the core: duties, criteria", None),
    ("posts", "unique"): ("unique: duties, criteria", None),
    ("posts", "nearest"): ("most like (%)", lambda r: e(f"{r['nearest'].post} ({pct(r['nearest'].share)})"
                                                        if r["nearest"] else "—")),
    ("near-duplicates", "a"): ("posts", lambda r: _cell(r["a"]) + "<br>" + _cell(r["b"])),
    ("near-duplicates", "b"): (None, None),
}
_CLASSES = {("posts", "id"): "id"}  # a td's class where the column's kind does not say it

_PAIR_CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:2rem auto;max-width:80rem;
padding:0 1rem;color:#1d1d1f;background:#fff}
h1{font-size:1.5rem;margin-bottom:.3rem}h2{margin-top:2.2rem;border-bottom:2px solid #ddd;padding-bottom:.2rem}
h3{margin-top:1.4rem;font-size:1.05rem}
table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem}th,td{border:1px solid #d8d8d8;padding:.35rem .5rem;
vertical-align:top;text-align:left}th{background:#f3f3f5}td.num{text-align:right;white-space:nowrap}
.summary{background:#f6f8fa;border-left:4px solid #4a78c2;padding:.5rem .8rem;margin:.3rem 0}
.differs{color:#a3330b;font-weight:600}.same{color:#2d7d3a}.id{color:#666;font-family:ui-monospace,monospace;
font-size:.85em;margin-right:.3em}del{background:#fde2e1;color:#8c1c13}ins{background:#dcf5dd;color:#135c1e;
text-decoration:none}.kind-identical{color:#2d7d3a}.kind-reworded{color:#8a5a00}ul{padding-left:1.2rem}
.muted{color:#666;font-size:.9em}
"""

_NWAY_CSS = """
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


def render(report: PairReport | NwayReport) -> str:
    if isinstance(report, NwayReport):
        return _page(report.title, _NWAY_CSS, _nway(report))
    return _page(report.title, _PAIR_CSS, _pair(report))


def _page(title: str, css: str, body: list[str]) -> str:
    head = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{e(title)}</title><style>{css}</style></head><body>", f"<h1>{e(title)}</h1>"]
    return "\n".join(head + body + ["</body></html>", ""])


def _pair(r: PairReport) -> list[str]:
    h = [f"<p><strong>A</strong>: {e(r.a)}<br><strong>B</strong>: {e(r.b)}</p>"]
    h += [f'<p class="summary">{e(line)}</p>' for line in r.summary]
    if r.post is not None:
        h += [f"<h2>{e(r.post.title)}</h2>"] + _table(r.post)
    for s in r.sections:
        h += _section(s)
    return h + ["<h2>Settings</h2>", f"<p>{e(r.settings)}.</p>",
                '<p class="muted">Scores are 0–100. In the diffs, <del>struck</del> words are only in A and '
                "<ins>highlighted</ins> words only in B. Possible matches are not counted as matched.</p>"]


def _section(s: PairSection) -> list[str]:
    h = [f"<h2>{e(s.title)}</h2>", f'<p class="summary">{e(s.summary)}</p>']
    for t in s.tables:
        h += [f"<h3>{e(t.title)}</h3>"] + _table(t)
    for lst in s.only:
        h.append(f"<h3>{e(lst.title)}</h3><ul>")
        h += [f"<li>{_item(it)}</li>" for it in lst.items]
        h.append("</ul>")
    return h


def _item(it: ItemRef) -> str:
    return _cell(it) + (f' <span class="muted">({e(it.level)})</span>' if it.level is not None else "")


def _nway(r: NwayReport) -> list[str]:
    h = ['<div class="summary" id="summary">'] + [f"<p>{e(line)}</p>" for line in r.summary] + ["</div>"]
    for m in r.matrices:
        h += _heatmap(m)
    for t in (r.posts, *r.shown_details, r.near_duplicates, r.outliers, *r.clusters):
        h.append(f"<h2>{e(t.title)}</h2>")
        h += _table(t, anchored=True) if t.rows else [f"<p>{e(t.empty)}</p>"]
        if t.more:
            h.append(f'<p class="muted">{e(t.more_note)}.</p>')
    h += ["<h2>Unique to one post</h2>",
          '<p class="muted">Items matched in no other post: what this post asks for that no other does.</p>']
    h += [line for u in r.unique for line in _unique(u)]
    if not r.unique:
        h.append("<p>None: every item of every post is matched in another post.</p>")
    return h + ["<h2>Settings</h2>", f"<p>{e(r.settings)}.</p>",
                '<p class="muted">Scores are 0–100: how sure jobspec is that two items are one line. Items are matched '
                "one to one between every pair of posts, as <code>jobspec compare A B</code> would.</p>"]


def _unique(u: UniquePost) -> list[str]:
    h = [f"<h3>{_cell(u.post)} ({e(counts(len(u.duties), len(u.criteria)))})</h3>"]
    h += ["<ul>" + "".join(f"<li>{_item(it)}</li>" for it in items) + "</ul>" for items in (u.duties, u.criteria) if items]
    return h


def _table(t: Table, *, anchored: bool = False) -> list[str]:
    """An HTML table; ``anchored`` (the N-way report's tables) gives it an id, a head and a body."""
    columns = [(c, *_COLUMNS.get((t.key, c.key), (c.title, None))) for c in t.columns]
    columns = [(c, header, make) for c, header, make in columns if header is not None]
    head = "<tr>" + "".join(f"<th>{header}</th>" for _, header, _ in columns) + "</tr>"
    h = [f'<table class="list" id="{e(t.key)}"><thead>{head}</thead><tbody>' if anchored else f"<table>{head}"]
    for row in t.records():
        cells = []
        for c, _, make in columns:
            v = row[c.key]
            cls = _CLASSES.get((t.key, c.key)) or ("num" if c.numeric else "muted" if c.muted else
                                                    f"kind-{e(v.value)}" if isinstance(v, Kind) else "")
            cells.append((f'<td class="{cls}">' if cls else "<td>") + (make(row) if make else _cell(v)) + "</td>")
        h.append("<tr>" + "".join(cells) + "</tr>")
    return h + ["</tbody></table>" if anchored else "</table>"]


_CELLS: dict[type, Callable[[Any], str]] = {
    ItemRef: lambda v: f'<span class="id">{e(v.id)}</span>{e(v.text)}',
    PostRef: lambda v: f'<span class="id">{e(v.id)}</span>{e(v.label)}',
    Verdict: lambda v: ('<span class="same">same</span>' if v.same else '<span class="differs">differs</span>')
    + (f' <span class="muted">{e(v.note)}</span>' if v.note else ""),
    Diff: lambda v: v.marked("<del>{}</del>", "<ins>{}</ins>", e),
}


def _cell(v: Any) -> str:
    return show(v, _CELLS, e, "<br>".join)


def _heatmap(m: Matrix) -> list[str]:
    n = len(m.posts)
    what = m.name
    h = [f"<h2>Similarity of {what}</h2>"]
    if n > HTML_HEATMAP_MAX:
        return h + [f"<p>{n} posts are too many for a heat map in a page: the matrix is in the JSON report "
                    "(<code>--format json</code>, <code>matrix</code>).</p>"]
    h.append(f'<p class="muted">{e(MATRIX_NOTE)} Darker is more alike; rows and columns are the posts below.</p>')
    titles = n <= CELL_TITLES_MAX
    h.append(f'<div class="heat-wrap" role="region" aria-label="Similarity of {what}" tabindex="0">'
             f'<table class="heat" id="heat-{e(m.name)}"><caption class="muted">'
             f"% of {what} matched between two posts</caption><thead><tr><th class=\"corner label\">post</th>")
    h += [f'<th scope="col" title="{e(p.id)}: {e(p.label)}">{e(p.id)}</th>' for p in m.posts]
    h.append("</tr></thead><tbody>")
    for i, p in enumerate(m.posts):
        row = [f'<tr><th scope="row" class="label" title="{e(p.id)}: {e(p.label)}"><span class="id">{e(p.id)}</span>'
               f"{e(p.label)}</th>"]
        for j, v in enumerate(m.values[i]):
            tip = f' title="{e(p.id)} × {e(m.posts[j].id)}: {pct(v)}%"' if titles else ""
            if i == j:
                row.append(f'<td class="diag"{tip}>—</td>')
            elif v is None:
                row.append('<td class="na">—</td>')
            else:
                row.append(f'<td class="h{heat_step(v)}"{tip}>{pct(v)}</td>')
        h.append("".join(row) + "</tr>")
    h.append("</tbody></table></div>")
    h.append('<div class="legend" aria-label="colour scale">'
             + "".join(f'<span class="h{k}">{"100" if k == 10 else f"{k * 10}–{k * 10 + 9}"}</span>' for k in range(11))
             + '<span class="muted">% matched; — the post itself, or no items to compare</span></div>')
    return h
