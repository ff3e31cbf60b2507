"""The two-post report as rows (see :mod:`jobspec.comparison.report.rows`): the header lines, the
post details, and per section the matched, split and possible pairs and the items only in A or B."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jobspec.comparison.engine.features import Item
from jobspec.comparison.engine.pair import Comparison, Section
from jobspec.comparison.engine.scoring import SEMANTIC_FLOOR
from jobspec.comparison.report.rows import (
    Column,
    Diff,
    FileRef,
    ItemList,
    ItemRef,
    Kind,
    Score,
    Table,
    Verdict,
    diff_words,
    file_ref,
)
from jobspec.spec.labels import value_label

FIELD_LABELS = {
    "title": "Title", "organisation": "Organisation", "grade": "Grade", "salary": "Salary (as written)",
    "salary_min": "Salary from", "salary_max": "Salary to", "salary_basis": "Salary basis",
    "salary_actual_min": "Actual pay from", "salary_actual_max": "Actual pay to", "pro_rata": "Pro rata",
    "currency": "Currency", "salary_period": "Pay period", "hours": "Hours (as written)",
    "hours_per_week": "Hours per week", "weeks_per_year": "Weeks per year", "term_time_only": "Term time only",
    "fte": "FTE", "reports_to": "Reports to", "responsible_for": "Responsible for", "contract": "Contract",
    "location": "Location", "dbs": "DBS check",
}
SCORE = Column("score", "score", numeric=True)
A, B = Column("a", "A"), Column("b", "B")
WHY = Column("why", "why paired", muted=True)


@dataclass(slots=True)
class PairSection:
    name: str  # duties | criteria
    title: str
    summary: str
    tables: list[Table]  # matched, splits, possible: those with rows
    only: list[ItemList]  # only in A, only in B: those with items


@dataclass(slots=True)
class PairReport:
    titles: tuple[str, str]  # the two posts' titles ("A", "B" when untitled)
    a: str  # "title — organisation (path)"
    b: str
    summary: list[str]  # one line per section
    post: Table | None  # the post details either post states
    sections: list[PairSection]
    settings: str
    labels: tuple[str, str] = ("A", "B")  # "title — organisation" of each post
    files: tuple[FileRef | None, FileRef | None] = (None, None)  # the two files compared
    sources: tuple[FileRef | None, FileRef | None] = (None, None)  # the documents specs were read from, if other

    @property
    def title(self) -> str:
        return f"Comparison: {self.titles[0]} vs {self.titles[1]}"

    def tables(self) -> list[Table]:
        """Every table, in report order (what a spreadsheet makes a sheet of)."""
        return ([self.post] if self.post is not None else []) + [t for s in self.sections for t in s.tables]


def pair_report(c: Comparison) -> PairReport:
    post = None
    if c.post:
        post = Table("post", "Post details", [Column("detail", "detail"), A, B, Column("verdict", "")],
                     [(FIELD_LABELS.get(r["field"], r["field"]), value_label(r["field"], r["a"]),
                       value_label(r["field"], r["b"]), Verdict(r["same"], r.get("note")))
                      for r in c.post])
    return PairReport(titles=(c.a.post.title or "A", c.b.post.title or "B"), a=post_name(c, "a"), b=post_name(c, "b"),
                      summary=[summary_line(c.duties), summary_line(c.criteria)], post=post,
                      sections=[_section(c.duties), _section(c.criteria)], settings=settings_line(c),
                      labels=(post_label(c, "a"), post_label(c, "b")), files=(file_ref(c.a_path), file_ref(c.b_path)),
                      sources=(source_ref(c.a_path, c.a), source_ref(c.b_path, c.b)))


def source_ref(path: str, spec) -> FileRef | None:
    """The document a spec was read from (its ``source.path``, relative to the spec file), when that
    is not the file compared itself."""
    src = spec.source.path if spec.source else None
    if not src or src == path:
        return None
    return file_ref(src, path if path.lower().endswith((".yaml", ".yml", ".json")) else None)


def _section(s: Section) -> PairSection:
    crit = s.name == "criteria"
    matched = Table("matched", f"Matched ({len(s.matched)})",
                    [SCORE, Column("kind", "kind"), A, B, Column("diff", "what changed")]
                    + ([Column("changes", "level, category, assessment")] if crit else []) + [WHY])
    for m in s.matched:
        reworded = m.kind != "identical"
        wa, wb = diff_words(m.diff) if reworded else (None, None)
        row: tuple[Any, ...] = (Score(m.score), Kind(m.kind), _ref(m.a, words=wa), _ref(m.b, words=wb),
                                Diff(tuple(m.diff)) if reworded else None)
        matched.rows.append(row + ((changes_text(m.changes) or None,) if crit else ()) + (why_text(m.why) or None,))
    splits = Table("splits", f"One item covering several ({len(s.splits)})", [SCORE, A, B])
    for sp in s.splits:
        one, parts = _ref(sp.one), tuple(_ref(p) for p in sp.parts)
        splits.rows.append((Score(sp.score), one, parts) if sp.side == "a" else (Score(sp.score), parts, one))
    possible = Table("possible", f"Possible matches, not counted ({len(s.possible)})", [SCORE, A, B, WHY],
                     [(Score(p.score), _ref(p.a), _ref(p.b), why_text(p.why) or None) for p in s.possible])
    only = [ItemList(key, f"{label} ({len(items)})", [_ref(it, level=crit) for it in items])
            for key, label, items in (("only_a", "Only in A", s.only_a), ("only_b", "Only in B", s.only_b))]
    return PairSection(name=s.name, title=s.name.capitalize(), summary=summary_line(s),
                       tables=[t for t in (matched, splits, possible) if t.rows], only=[o for o in only if o.items])


def _ref(it: Item, *, level: bool = False, words: tuple[tuple[str, str], ...] | None = None) -> ItemRef:
    return ItemRef(it.id, it.text, level=it.ref.level if level else None, words=words,  # type: ignore[attr-defined]
                   at=getattr(it.ref, "at", None))


def post_label(c: Comparison, side: str) -> str:
    spec = c.a if side == "a" else c.b
    return " — ".join(b for b in (spec.post.title, spec.post.organisation) if b) or "untitled post"


def post_name(c: Comparison, side: str) -> str:
    return f"{post_label(c, side)} ({c.a_path if side == 'a' else c.b_path})"


def summary_line(s: Section) -> str:
    """e.g. "B covers 31/40 of A's duties; 6 reworded; 9 only in B"."""
    what = s.name
    if not s.a or not s.b:  # nothing to match: say which post has none, and what the other has
        if not s.a and not s.b:
            return f"neither post has {what}"
        return (f"A has no {what}; {len(s.b)} only in B" if not s.a else f"B has no {what}; {len(s.a)} only in A")
    reworded = sum(1 for m in s.matched if m.kind == "reworded")
    identical = len(s.matched) - reworded
    parts = [f"B covers {s.covered_a}/{len(s.a)} of A's {what}"]
    parts.append(f"{identical} identical")
    parts.append(f"{reworded} reworded")
    if s.splits:
        parts.append(f"{len(s.splits)} split across items")
    parts.append(f"{len(s.only_a)} only in A")
    parts.append(f"{len(s.only_b)} only in B")
    if s.possible:
        parts.append(f"{len(s.possible)} possible {'match' if len(s.possible) == 1 else 'matches'} to check")
    return "; ".join(parts)


def why_text(why: dict[str, Any]) -> str:
    """What carried a pair, in one line: "words: supervise, pupils — concepts: Lunch supervision;
    School meals — meaning 0.71 — differs on: First aid course (paediatric / at work)" (meaning
    only where it counted, above ``SEMANTIC_FLOOR``, and says more than the words: under 1.00)."""
    parts = []
    if why.get("words"):
        parts.append("words: " + ", ".join(why["words"]))
    if why.get("concepts"):
        parts.append("concepts: " + "; ".join(c["label"] for c in why["concepts"]))
    if SEMANTIC_FLOOR < (why.get("meaning") or 0.0) < 1.0:
        parts.append(f"meaning {why['meaning']:.2f}")
    for c in why.get("conflicts") or ():
        a, b = (", ".join(o.replace("_", " ") for o in c[side]) for side in ("a", "b"))
        parts.append(f"differs on: {c['label']} ({a} / {b})")
    return " — ".join(parts)


def changes_text(changes: dict[str, Any]) -> str:
    out = []
    if changes.get("level_change"):
        out.append("level " + changes["level_change"].replace("->", " → "))
    if changes.get("category_change"):
        out.append("category " + " → ".join(value_label("category", c)
                                             for c in changes["category_change"].split("->")))
    ac = changes.get("assessment_change")
    if ac:
        a, b = (", ".join(value_label("assessed_by", m) for m in ac[side]) or "—" for side in ("a", "b"))
        out.append(f"assessed by {a} → {b}")
    return "; ".join(out)


def settings_line(c: Comparison) -> str:
    v = c.vocabulary.describe()
    extra = [s["path"] for s in v["sources"][1:]]
    return (f"threshold {c.settings.threshold:g}, possible {c.settings.possible:g}, "
            f"vocabulary: {v['concepts']} concepts (shipped" + (" + " + ", ".join(extra) if extra else "") + ")")
