"""Wording shared by every renderer: the summary sentence, post-detail labels, value display."""

from __future__ import annotations

from typing import Any

from jobspec.comparison.engine.pair import Comparison, Section

FIELD_LABELS = {
    "title": "Title", "organisation": "Organisation", "grade": "Grade", "salary": "Salary (as written)",
    "salary_min": "Salary from", "salary_max": "Salary to", "salary_basis": "Salary basis (fte/actual)",
    "salary_actual_min": "Actual pay from", "salary_actual_max": "Actual pay to", "pro_rata": "Pro rata",
    "currency": "Currency", "salary_period": "Pay period", "hours": "Hours (as written)",
    "hours_per_week": "Hours per week", "weeks_per_year": "Weeks per year", "term_time_only": "Term time only",
    "fte": "FTE", "reports_to": "Reports to", "responsible_for": "Responsible for", "contract": "Contract",
    "location": "Location", "dbs": "DBS check",
}


def value(v: Any) -> str:
    if v is None:
        return "—"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if isinstance(v, int) and abs(v) >= 1000:
        return f"{v:,}"
    return str(v)


def post_name(c: Comparison, side: str) -> str:
    spec = c.a if side == "a" else c.b
    path = c.a_path if side == "a" else c.b_path
    bits = [b for b in (spec.post.title, spec.post.organisation) if b]
    return f"{' — '.join(bits) or 'untitled post'} ({path})"


def summary_line(s: Section) -> str:
    """e.g. "B covers 31/40 of A's duties; 6 reworded; 9 only in B"."""
    what = s.name
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
    School meals — differs on: First aid course (paediatric / at work)"."""
    parts = []
    if why.get("words"):
        parts.append("words: " + ", ".join(why["words"]))
    if why.get("concepts"):
        parts.append("concepts: " + "; ".join(c["label"] for c in why["concepts"]))
    for c in why.get("conflicts") or ():
        a, b = (", ".join(o.replace("_", " ") for o in c[side]) for side in ("a", "b"))
        parts.append(f"differs on: {c['label']} ({a} / {b})")
    return " — ".join(parts)


def changes_text(changes: dict[str, Any]) -> str:
    out = []
    if changes.get("level_change"):
        out.append("level " + changes["level_change"].replace("->", " → "))
    if changes.get("category_change"):
        out.append("category " + changes["category_change"].replace("->", " → "))
    ac = changes.get("assessment_change")
    if ac:
        out.append("assessed by " + (", ".join(ac["a"]) or "—") + " → " + (", ".join(ac["b"]) or "—"))
    return "; ".join(out)


def settings_line(c: Comparison) -> str:
    v = c.vocabulary.describe()
    extra = [s["path"] for s in v["sources"][1:]]
    return (f"threshold {c.settings.threshold:g}, possible {c.settings.possible:g}, "
            f"vocabulary: {v['concepts']} concepts (shipped" + (" + " + ", ".join(extra) if extra else "") + ")")
