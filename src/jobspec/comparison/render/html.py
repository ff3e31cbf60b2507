"""The report as one self-contained HTML page: inline CSS, no scripts, no external requests (a
Content-Security-Policy forbids them), every piece of document text through html.escape. The rows'
tables are HTML tables; the similarity matrices are heat maps: cells coloured by value on a
light-to-dark single-hue scale, with the percentage always printed in the cell."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape
from typing import Any

from jobspec.comparison.render.heat import HEAT_COLOURS, HEAT_DARK_FROM
from jobspec.comparison.report.nway_rows import (
    MATRIX_NOTE,
    ORDER_NOTES,
    Matrix,
    NwayReport,
    UniquePost,
    counts,
    heat_step,
)
from jobspec.comparison.report.pair_rows import PairReport, PairSection
from jobspec.comparison.report.rows import (
    Diff,
    FileRef,
    ItemRef,
    Kind,
    Nearest,
    PostRef,
    Table,
    Verdict,
    pct,
    show,
)

HTML_HEATMAP_MAX = 300  # larger matrices are left to the JSON report
CELL_TITLES_MAX = 60  # hover titles on every cell up to this many posts (they double the page's size)

# Headers and cells this format has always written its own way; (table key, column key): header
# (None: the column is shown in the one before it) and how a cell is made from the whole row.
_COLUMNS: dict[tuple[str, str], tuple[str | None, Any]] = {
    ("posts", "core"): ("in the core: duties, criteria", None),
    ("posts", "unique"): ("unique: duties, criteria", None),
    ("posts", "nearest"): ("most like (%)", lambda r: f"{_post_link(r['nearest'].post)} ({e(pct(r['nearest'].share))})"
                           if r["nearest"] else "—"),
    ("near-duplicates", "a"): ("posts", lambda r: _cell(r["a"]) + "<br>" + _cell(r["b"])),
    ("near-duplicates", "b"): (None, None),
}
_CLASSES = {("posts", "id"): "id"}  # a td's class where the column's kind does not say it

_BASE_CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:2rem auto;max-width:84rem;
padding:0 1rem;color:#1d1d1f;background:#fff;overflow-wrap:break-word}
h1{font-size:1.5rem;margin-bottom:.3rem}h2{margin-top:2.2rem;border-bottom:2px solid #ddd;padding-bottom:.2rem}
h3{margin-top:1.4rem;font-size:1.05rem}
table{border-collapse:collapse;margin:.4rem 0 1rem}th,td{border:1px solid #d8d8d8;padding:.35rem .5rem;
vertical-align:top;text-align:left}th{background:#f3f3f5}td.num{text-align:right;white-space:nowrap}
.scroll{overflow-x:auto;max-width:100%;margin:.4rem 0 1rem}.scroll>table{margin:0}
.summary{background:#f6f8fa;border-left:4px solid #4a78c2;padding:.5rem .8rem;margin:.3rem 0}
.summary p{margin:.15rem 0}
.id{color:#555;font-family:ui-monospace,monospace;font-size:.85em;margin-right:.3em;white-space:nowrap}
a.id{color:#1f5fa8}
.at{color:#666;font-size:.8em;margin-left:.4em;white-space:nowrap}
.muted{color:#555;font-size:.9em}ul{padding-left:1.2rem}
nav.contents{background:#fafafa;border:1px solid #e3e3e3;padding:.3rem 1rem;margin:1rem 0;font-size:.92em}
nav.contents h2{font-size:1rem;margin:.4rem 0;border:0}nav.contents ol{margin:.2rem 0 .5rem;padding-left:1.4rem}
nav.contents ol ol{padding-left:1.1rem}
:target{scroll-margin-top:.5rem}tr:target>*{outline:2px solid #e0a100;outline-offset:-2px}
section:target>h2,section:target>h3{background:#fff6d6}
"""

_PAIR_CSS = _BASE_CSS + """
.scroll>table{width:100%}
.differs{color:#a3330b;font-weight:600}.same{color:#2d7d3a}
del{background:#fde2e1;color:#8c1c13}ins{background:#dcf5dd;color:#135c1e;text-decoration:none}
.kind-identical{color:#2d7d3a}.kind-reworded{color:#8a5a00}
"""

_NWAY_CSS = _BASE_CSS + """
table.list{width:100%}
.heat-wrap{overflow:auto;max-height:78vh;max-width:100%;width:fit-content;border:1px solid #d8d8d8;margin:.4rem 0 .6rem}
table.heat{margin:0;font-size:.78rem;border-collapse:separate;border-spacing:0}
table.heat caption{text-align:left;padding:.2rem .4rem}
table.heat th,table.heat td{border:0;border-right:1px solid #fff;border-bottom:1px solid #fff;padding:.2rem .25rem}
table.heat td{text-align:center;min-width:2.3em;font-variant-numeric:tabular-nums}
table.heat td a{color:inherit;text-decoration:none;display:block}table.heat td a:hover{text-decoration:underline}
table.heat thead th{position:sticky;top:0;z-index:2;background:#f3f3f5;text-align:center;font-weight:600;
font-family:ui-monospace,monospace}
table.heat thead th a{color:inherit;text-decoration:none}
table.heat th.label{position:sticky;left:0;z-index:1;background:#f3f3f5;max-width:19em;overflow:hidden;
text-overflow:ellipsis;white-space:nowrap;font-weight:normal}
table.heat thead th.corner{left:0;z-index:3}
table.heat td.diag{background:#e6e6e6;color:#666}table.heat td.na{background:#fff;color:#999}
.legend{display:flex;flex-wrap:wrap;gap:0;margin:.2rem 0 1rem;font-size:.78rem}
.legend span{padding:.15rem .45rem;font-variant-numeric:tabular-nums}
section.pair{border-top:1px solid #e3e3e3;margin-top:1rem}
""" + "".join(f"\n.h{k}{{background:{c};color:{'#fff' if k >= HEAT_DARK_FROM else '#111'}}}"
              for k, c in enumerate(HEAT_COLOURS))

# Printing: every table's header on every page, no row or item cut across pages, each major
# section on a page of its own; the N-way report on landscape pages with its heat maps shrunk to
# the page's width (smaller type, and the column labels turned upright when there are many).
_PRINT_CSS = """
@media print{
body{margin:0;max-width:none;padding:0;font-size:9.5pt}
nav.contents{border:0;background:none}
section.major{break-before:page}h2,h3{break-after:avoid}
thead{display:table-header-group}tfoot{display:table-footer-group}
tr,th,td,li,.summary,.legend,caption{break-inside:avoid}
.scroll,.heat-wrap{overflow:visible;max-height:none;max-width:none;width:auto;border:0}
a{color:inherit;text-decoration:none}
table{font-size:8.5pt}
}
"""
_PAIR_PRINT_CSS = _PRINT_CSS + "@page{size:A4;margin:12mm}\n"
_NWAY_PRINT_CSS = _PRINT_CSS + """@page{size:A4 landscape;margin:10mm}
@media print{
table.heat{font-size:8pt}
table.heat td,table.heat th,.legend span{-webkit-print-color-adjust:exact;print-color-adjust:exact}
table.heat thead th,table.heat th.label{position:static}
table.heat th.label{max-width:16em}
table.heat th,table.heat td{padding:.1rem .12rem}table.heat td{min-width:0}
table.heat.wide{font-size:6.5pt}table.heat.wide th.label{max-width:12em}
table.heat.huge{font-size:4.5pt}table.heat.huge th.label{max-width:9em}
table.heat.wide thead th:not(.corner),table.heat.huge thead th:not(.corner){writing-mode:vertical-rl;
transform:rotate(180deg);vertical-align:bottom}
}
"""
HEAT_WIDE = 24  # print the column labels upright from this many posts
HEAT_HUGE = 40  # and the smallest type from this many


def e(text: object) -> str:
    return escape(str(text), quote=True)


def anchor(*parts: str) -> str:
    """An element id from its parts: letters, digits, "-" and "_" only."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", "-".join(parts)).strip("-")


def render(report: PairReport | NwayReport) -> str:
    if isinstance(report, NwayReport):
        return _page(report.title, _NWAY_CSS + _NWAY_PRINT_CSS, _nway(report))
    return _page(report.title, _PAIR_CSS + _PAIR_PRINT_CSS, _pair(report))


def _page(title: str, css: str, body: list[str]) -> str:
    head = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="generator" content="jobspec">',  # so that a folder walk knows its own report
            f"<title>{e(title)}</title><style>{css}</style></head><body>", f'<h1 id="top">{e(title)}</h1>']
    return "\n".join(head + body + ["</body></html>", ""])


class _Sections:
    """The page's sections, each with an id, in order, and the contents list that links to them."""

    def __init__(self) -> None:
        self.entries: list[tuple[int, str, str]] = []  # level (2, 3), id, title
        self.body: list[str] = []

    def open(self, id_: str, title: str, *, major: bool = True, title_html: str | None = None) -> None:
        self.entries.append((2, id_, title))
        self.body.append(f'<section id="{e(id_)}"' + (' class="major"' if major else "") + ">"
                         f"<h2>{title_html if title_html is not None else e(title)}</h2>")

    def sub(self, id_: str, title: str, *, listed: bool = True, css: str = "", title_html: str | None = None) -> None:
        if listed:
            self.entries.append((3, id_, title))
        self.body.append(f'<section id="{e(id_)}"' + (f' class="{css}"' if css else "") + ">"
                         f"<h3>{title_html if title_html is not None else e(title)}</h3>")

    def close(self) -> None:
        self.body.append("</section>")

    def contents(self) -> list[str]:
        tree: list[tuple[str, str, list[tuple[str, str]]]] = []
        for level, id_, title in self.entries:
            if level == 2 or not tree:
                tree.append((id_, title, []))
            else:
                tree[-1][2].append((id_, title))
        h = ['<nav class="contents" aria-label="Contents"><h2 id="contents">Contents</h2><ol>']
        for id_, title, subs in tree:
            inner = "".join(f'<li><a href="#{e(i)}">{e(t)}</a></li>' for i, t in subs)
            h.append(f'<li><a href="#{e(id_)}">{e(title)}</a>' + (f"<ol>{inner}</ol>" if inner else "") + "</li>")
        return h + ["</ol></nav>"]


def _file(f: FileRef | None) -> str:
    if f is None:
        return ""
    return f'<a href="{e(f.url)}">{e(f)}</a>' if f.url else e(f)


def _pair(r: PairReport) -> list[str]:
    s = _Sections()
    head = []
    for side, label, f, src in (("A", r.labels[0], r.files[0], r.sources[0]), ("B", r.labels[1], r.files[1], r.sources[1])):
        where = f" ({_file(f)}" + (f", read from {_file(src)}" if src is not None else "") + ")" if f is not None else ""
        head.append(f'<p id="post-{side.lower()}"><strong>{side}</strong>: {e(label)}{where}</p>')
    head += [f'<p class="summary">{e(line)}</p>' for line in r.summary]
    if r.post is not None:
        s.open("post-details", r.post.title, major=False)
        s.body += _table(r.post)
        s.close()
    for sec in r.sections:
        _section(s, sec)
    return _ending(s, head, r.settings, "Scores are 0–100. In the diffs, <del>struck</del> words are only in A and "
                   "<ins>highlighted</ins> words only in B. Possible matches are not counted as matched.")


def _section(s: _Sections, sec: PairSection) -> None:
    s.open(sec.name, sec.title)
    s.body.append(f'<p class="summary">{e(sec.summary)}</p>')
    for t in sec.tables:
        s.sub(anchor(sec.name, t.key), t.title)
        s.body += _table(t)
        s.close()
    for lst in sec.only:
        s.sub(anchor(sec.name, lst.key), lst.title)
        s.body.append("<ul>" + "".join(f"<li>{_item(it)}</li>" for it in lst.items) + "</ul>")
        s.close()
    s.close()


def _item(it: ItemRef) -> str:
    return _cell(it) + (f' <span class="muted">({e(it.level)})</span>' if it.level else "")


def _nway(r: NwayReport) -> list[str]:
    s = _Sections()
    head = ['<div class="summary" id="summary">'] + [f"<p>{e(line)}</p>" for line in r.summary] + ["</div>"]
    linked = {frozenset((p.a.id, p.b.id)) for p in r.pairs}
    for m in r.matrices:
        s.open(f"similarity-{m.name}", f"Similarity of {m.name}")
        s.body += _heatmap(m, linked)
        s.close()
    for t in (r.posts, r.near_duplicates, r.outliers, *r.clusters):
        s.open(f"section-{t.key}", t.title, major=t.key not in ("near-duplicates", "outliers"))
        if t.rows:
            s.body += _table(t, anchored=True, row_id=(lambda row: f"post-{row['id']}") if t.key == "posts" else None)
        else:
            s.body.append(f"<p>{e(t.empty)}</p>")
        if t.more:
            s.body.append(f'<p class="muted">{e(t.more_note)}.</p>')
        s.close()
        if t.key == "outliers" and r.pairs:
            _pairs(s, r)
    s.open("unique", "Unique to one post")
    s.body.append('<p class="muted">Items grouped with no item of another post: what this post asks for that no other does.</p>')
    for u in r.unique:
        _unique(s, u)
    if not r.unique:
        s.body.append("<p>None: every item of every post is matched in another post.</p>")
    s.close()
    return _ending(s, head, r.settings, "Scores are 0–100: how sure jobspec is that two items are one line. Items are "
                   "matched one to one between every pair of posts, as <code>jobspec compare A B</code> would.")


def _ending(s: _Sections, head: list[str], settings: str, note_html: str) -> list[str]:
    """The settings section, closing the page's body: contents first, then the summary, then the sections."""
    s.open("settings", "Settings", major=False)
    s.body += [f"<p>{e(settings)}.</p>",
               f'<p class="muted">{note_html} Beside each item, in grey, is where it was read in its document '
               '(<span class="at">page 2, para 14</span>).</p>']
    s.close()
    return s.contents() + head + s.body


def pair_anchor(a: str, b: str) -> str:
    return anchor("pair", *sorted((a, b)))


def _pairs(s: _Sections, r: NwayReport) -> None:
    s.open("pairs", "Closest pairs of posts")
    s.body.append(f'<p class="muted">{e(r.pairs_note)} The heat maps\' cells link here.</p>')
    for p in r.pairs:
        title = (f"{p.a.id} and {p.b.id}: {pct(p.similarity.value)}% of their items matched "
                 f"(duties {pct(p.duties.value)}, criteria {pct(p.criteria.value)})")
        s.sub(pair_anchor(p.a.id, p.b.id), title, listed=False, css="pair",
              title_html=f"{_cell(p.a)} and {_cell(p.b)}: {e(pct(p.similarity.value))}% of their items matched "
                         f'<span class="muted">(duties {e(pct(p.duties.value))}%, criteria {e(pct(p.criteria.value))}%)'
                         "</span>")
        for t in p.tables:
            s.body.append(f"<h4>{e(t.title)}</h4>")
            s.body += _table(t) if t.rows else [f"<p>{e(t.empty)}</p>"]
        s.close()
    s.close()


def _unique(s: _Sections, u: UniquePost) -> None:
    s.sub(f"unique-{u.post.id}", f"{u.post.id} {u.post.label}", listed=False,
          title_html=f"{_cell(u.post)} ({e(counts(len(u.duties), len(u.criteria)))})")
    s.body += ["<ul>" + "".join(f"<li>{_item(it)}</li>" for it in items) + "</ul>"
               for items in (u.duties, u.criteria) if items]
    s.close()


def _table(t: Table, *, anchored: bool = False, row_id: Callable[[dict], str] | None = None) -> list[str]:
    """An HTML table in a box that scrolls sideways when the table is wider than the page;
    ``anchored`` (the N-way report's tables) gives the table an id; ``row_id`` each row one."""
    columns = [(c, *_COLUMNS.get((t.key, c.key), (c.title, None))) for c in t.columns]
    columns = [(c, header, make) for c, header, make in columns if header is not None]
    head = "<tr>" + "".join(f"<th>{header}</th>" for _, header, _ in columns) + "</tr>"
    h = [f'<div class="scroll"><table class="list" id="{e(t.key)}">' if anchored else '<div class="scroll"><table>',
         f"<thead>{head}</thead><tbody>"]
    for row in t.records():
        cells = []
        for c, _, make in columns:
            v = row[c.key]
            cls = _CLASSES.get((t.key, c.key)) or ("num" if c.numeric else "muted" if c.muted else
                                                    f"kind-{e(v.value)}" if isinstance(v, Kind) else "")
            cells.append((f'<td class="{cls}">' if cls else "<td>") + (make(row) if make else _cell(v)) + "</td>")
        h.append((f'<tr id="{e(row_id(row))}">' if row_id else "<tr>") + "".join(cells) + "</tr>")
    return h + ["</tbody></table></div>"]


def _post_link(post_id: str) -> str:
    return f'<a class="id" href="#post-{e(post_id)}">{e(post_id)}</a>'


_CELLS: dict[type, Callable[[Any], str]] = {
    ItemRef: lambda v: f'<span class="id">{e(v.id)}</span>{e(v.text)}'
    + (f'<span class="at">{e(v.at)}</span>' if v.at else ""),
    PostRef: lambda v: f"{_post_link(v.id)}{e(v.label)}",
    Nearest: lambda v: f"{_post_link(v.post)} ({e(pct(v.share))}%)",
    FileRef: _file,
    Verdict: lambda v: ('<span class="same">same</span>' if v.same else '<span class="differs">differs</span>')
    + (f' <span class="muted">{e(v.note)}</span>' if v.note else ""),
    Diff: lambda v: v.marked("<del>{}</del>", "<ins>{}</ins>", e),
}


def _cell(v: Any) -> str:
    return show(v, _CELLS, e, "<br>".join)


def _heatmap(m: Matrix, linked: set[frozenset[str]]) -> list[str]:
    n = len(m.posts)
    what = m.name
    if n > HTML_HEATMAP_MAX:
        return [f"<p>{n} posts are too many for a heat map in a page: the matrix is in the JSON report "
                "(<code>--format json</code>, <code>matrix</code>).</p>"]
    h = [f'<p class="muted">{e(MATRIX_NOTE)} Darker is more alike. {e(ORDER_NOTES.get(m.order, ""))} '
         "A post's id leads to its row in the posts table; a number, where the two posts are among the closest "
         "pairs, to the items they share.</p>"]
    titles = n <= CELL_TITLES_MAX
    size = " huge" if n >= HEAT_HUGE else " wide" if n >= HEAT_WIDE else ""
    h.append(f'<div class="heat-wrap" role="region" aria-label="Similarity of {what}" tabindex="0">'
             f'<table class="heat{size}" id="heat-{e(m.name)}"><caption class="muted">'
             f"% of {what} matched between two posts</caption><thead><tr><th class=\"corner label\">post</th>")
    h += [f'<th scope="col" title="{e(p.id)}: {e(p.label)}"><a href="#post-{e(p.id)}">{e(p.id)}</a></th>' for p in m.posts]
    h.append("</tr></thead><tbody>")
    for i, p in enumerate(m.posts):
        row = [f'<tr><th scope="row" class="label" title="{e(p.id)}: {e(p.label)}">{_post_link(p.id)}{e(p.label)}</th>']
        for j, v in enumerate(m.values[i]):
            q = m.posts[j]
            tip = f' title="{e(p.id)} × {e(q.id)}: {pct(v)}%"' if titles else ""
            if i == j:
                row.append(f'<td class="diag"{tip}>—</td>')
            elif v is None:
                row.append(f'<td class="na" title="{e(p.id)} × {e(q.id)}: no {what} to compare">—</td>' if titles
                           else '<td class="na">—</td>')
            elif frozenset((p.id, q.id)) in linked:
                row.append(f'<td class="h{heat_step(v)}"{tip}><a href="#{pair_anchor(p.id, q.id)}">{pct(v)}</a></td>')
            else:
                row.append(f'<td class="h{heat_step(v)}"{tip}>{pct(v)}</td>')
        h.append("".join(row) + "</tr>")
    h.append("</tbody></table></div>")
    h.append('<div class="legend" aria-label="colour scale">'
             + "".join(f'<span class="h{k}">{"100" if k == 10 else f"{k * 10}–{k * 10 + 9}"}</span>' for k in range(11))
             + '<span class="muted">% matched; — the post itself, or no items to compare</span></div>')
    return h
