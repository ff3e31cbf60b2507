"""The comparison as one self-contained HTML page: inline CSS, no scripts, no external requests
(a Content-Security-Policy forbids them), every piece of document text through html.escape."""

from __future__ import annotations

from html import escape

from jobspec.comparison.engine.pair import Comparison, Section
from jobspec.comparison.report.pair_rows import (
    FIELD_LABELS,
    changes_text,
    post_name,
    settings_line,
    summary_line,
    value,
    why_text,
)

_CSS = """
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


def e(text: object) -> str:
    return escape(str(text), quote=True)


def render(c: Comparison) -> str:
    title = f"Comparison: {c.a.post.title or 'A'} vs {c.b.post.title or 'B'}"
    h = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
         '<meta name="viewport" content="width=device-width, initial-scale=1">',
         f"<title>{e(title)}</title><style>{_CSS}</style></head><body>",
         f"<h1>{e(title)}</h1>",
         f"<p><strong>A</strong>: {e(post_name(c, 'a'))}<br><strong>B</strong>: {e(post_name(c, 'b'))}</p>"]
    for s in (c.duties, c.criteria):
        h.append(f'<p class="summary">{e(summary_line(s))}</p>')
    if c.post:
        h += ["<h2>Post details</h2>", "<table><tr><th>detail</th><th>A</th><th>B</th><th></th></tr>"]
        for r in c.post:
            mark = '<span class="same">same</span>' if r["same"] else '<span class="differs">differs</span>'
            note = f' <span class="muted">{e(r["note"])}</span>' if r.get("note") else ""
            h.append(f"<tr><td>{e(FIELD_LABELS.get(r['field'], r['field']))}</td><td>{e(value(r['a']))}</td>"
                     f"<td>{e(value(r['b']))}</td><td>{mark}{note}</td></tr>")
        h.append("</table>")
    for s in (c.duties, c.criteria):
        h += _section(s)
    h += ["<h2>Settings</h2>", f"<p>{e(settings_line(c))}.</p>",
          '<p class="muted">Scores are 0–100. In the diffs, <del>struck</del> words are only in A and '
          "<ins>highlighted</ins> words only in B. Possible matches are not counted as matched.</p>",
          "</body></html>", ""]
    return "\n".join(h)


def _item(it) -> str:
    return f'<span class="id">{e(it.id)}</span>{e(it.text)}'


def _diff(ops: list[dict[str, str]]) -> str:
    out = []
    for op in ops:
        t = e(op["text"])
        out.append(f"<del>{t}</del>" if op["op"] == "delete" else f"<ins>{t}</ins>" if op["op"] == "insert" else t)
    return " ".join(out)


def _section(s: Section) -> list[str]:
    crit = s.name == "criteria"
    h = [f"<h2>{e(s.name.capitalize())}</h2>", f'<p class="summary">{e(summary_line(s))}</p>']
    if s.matched:
        h.append(f"<h3>Matched ({len(s.matched)})</h3>")
        h.append("<table><tr><th>score</th><th>kind</th><th>A</th><th>B</th><th>what changed</th>"
                 + ("<th>level, category, assessment</th>" if crit else "") + "<th>why paired</th></tr>")
        for m in s.matched:
            row = (f'<tr><td class="num">{m.score:.1f}</td><td class="kind-{e(m.kind)}">{e(m.kind)}</td>'
                   f"<td>{_item(m.a)}</td><td>{_item(m.b)}</td>"
                   f"<td>{_diff(m.diff) if m.kind != 'identical' else '—'}</td>")
            if crit:
                row += f"<td>{e(changes_text(m.changes) or '—')}</td>"
            h.append(row + f'<td class="muted">{e(why_text(m.why) or "—")}</td></tr>')
        h.append("</table>")
    if s.splits:
        h.append(f"<h3>One item covering several ({len(s.splits)})</h3>")
        h.append("<table><tr><th>score</th><th>A</th><th>B</th></tr>")
        for sp in s.splits:
            many = "<br>".join(_item(p) for p in sp.parts)
            one = _item(sp.one)
            h.append(f'<tr><td class="num">{sp.score:.1f}</td><td>{one if sp.side == "a" else many}</td>'
                     f"<td>{many if sp.side == 'a' else one}</td></tr>")
        h.append("</table>")
    if s.possible:
        h.append(f"<h3>Possible matches, not counted ({len(s.possible)})</h3>")
        h.append("<table><tr><th>score</th><th>A</th><th>B</th><th>why paired</th></tr>")
        h += [f'<tr><td class="num">{p.score:.1f}</td><td>{_item(p.a)}</td><td>{_item(p.b)}</td>'
              f'<td class="muted">{e(why_text(p.why) or "—")}</td></tr>' for p in s.possible]
        h.append("</table>")
    for label, items in (("Only in A", s.only_a), ("Only in B", s.only_b)):
        if items:
            h.append(f"<h3>{e(label)} ({len(items)})</h3><ul>")
            h += [f"<li>{_item(it)}" + (f' <span class="muted">({e(it.ref.level)})</span>' if crit else "") + "</li>"
                  for it in items]
            h.append("</ul>")
    return h
