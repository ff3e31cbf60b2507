"""The comparison as Markdown. Every piece of document text is escaped, so a job pack cannot
inject links, HTML or table breaks into the report."""

from __future__ import annotations

import re

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

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def md(text: str) -> str:
    """Escape text for a Markdown table cell or line: entities for & < >, backslashes for the rest."""
    t = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    t = _MD_SPECIAL.sub(r"\\\1", t)
    return re.sub(r"\s+", " ", t).strip()


def _diff(ops: list[dict[str, str]]) -> str:
    out = []
    for op in ops:
        t = md(op["text"])
        out.append(f"~~{t}~~" if op["op"] == "delete" else f"**{t}**" if op["op"] == "insert" else t)
    return " ".join(out)


def render(c: Comparison) -> str:
    lines = [f"# Comparison: {md(c.a.post.title or 'A')} vs {md(c.b.post.title or 'B')}", ""]
    lines += [f"- **A**: {md(post_name(c, 'a'))}", f"- **B**: {md(post_name(c, 'b'))}", ""]
    lines += [f"- {md(summary_line(c.duties))}", f"- {md(summary_line(c.criteria))}", ""]
    if c.post:
        lines += ["## Post details", "", "| detail | A | B | |", "|---|---|---|---|"]
        for r in c.post:
            mark = "same" if r["same"] else "**differs**"
            note = f" ({md(r['note'])})" if r.get("note") else ""
            lines.append(f"| {md(FIELD_LABELS.get(r['field'], r['field']))} | {md(value(r['a']))} | "
                         f"{md(value(r['b']))} | {mark}{note} |")
        lines.append("")
    for s in (c.duties, c.criteria):
        lines += _section(s)
    lines += ["## Settings", "", md(settings_line(c)) + ".",
              "Scores are 0–100; a match needs the threshold, a possible match the lower bound. "
              "In the diffs ~~struck~~ words are A's only and **bold** words B's only.", ""]
    return "\n".join(lines)


def _item(it) -> str:
    return f"`{md(it.id)}` {md(it.text)}"


def _section(s: Section) -> list[str]:
    title = s.name.capitalize()
    out = [f"## {title}", "", md(summary_line(s)) + ".", ""]
    crit = s.name == "criteria"
    if s.matched:
        out += [f"### Matched ({len(s.matched)})", ""]
        head = "| score | kind | A | B | what changed |" + (" level, category, assessment |" if crit else "")
        out += [head + " why paired |", "|---|---|---|---|---|---|" + ("---|" if crit else "")]
        for m in s.matched:
            row = f"| {m.score:.1f} | {m.kind} | {_item(m.a)} | {_item(m.b)} | {_diff(m.diff) if m.kind != 'identical' else '—'} |"
            if crit:
                row += f" {md(changes_text(m.changes)) or '—'} |"
            out.append(row + f" {md(why_text(m.why)) or '—'} |")
        out.append("")
    if s.splits:
        out += [f"### One item covering several ({len(s.splits)})", "", "| score | A | B |", "|---|---|---|"]
        for sp in s.splits:
            many = "<br>".join(_item(p) for p in sp.parts)
            one = _item(sp.one)
            out.append(f"| {sp.score:.1f} | {one if sp.side == 'a' else many} | {many if sp.side == 'a' else one} |")
        out.append("")
    if s.possible:
        out += [f"### Possible matches, not counted ({len(s.possible)})", "", "| score | A | B | why paired |",
                "|---|---|---|---|"]
        out += [f"| {p.score:.1f} | {_item(p.a)} | {_item(p.b)} | {md(why_text(p.why)) or '—'} |" for p in s.possible]
        out.append("")
    for label, items in (("Only in A", s.only_a), ("Only in B", s.only_b)):
        if items:
            out += [f"### {label} ({len(items)})", ""]
            out += [f"- {_item(it)}" + (f" *({md(it.ref.level)})*" if crit else "") for it in items]
            out.append("")
    return out
