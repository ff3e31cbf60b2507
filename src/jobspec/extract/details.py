"""Post details: label/value fields first, then the post rules (title lines, employer names, grades).

A fact the document does not state stays ``None``; nothing is guessed.
"""

from __future__ import annotations

import re
from typing import Any

from jobspec.extract.rules import PAY, POST, Context, Rule
from jobspec.extract.rules.subjects import PostStep
from jobspec.extract.text import clean, heading_label
from jobspec.extract.units import TraceRecord
from jobspec.extract.values import parse_hours, parse_salary
from jobspec.extract.walker import Walk
from jobspec.spec.model import Post

_BLANK = re.compile(r"[-–—/.…_·\s]*|n/?a|tbc|tba", re.I)  # dots, dashes or a rule to write on


def _blank(v: str | None) -> bool:
    return not v or not clean(v) or bool(_BLANK.fullmatch(clean(v)))


def extract_post(walk: Walk, header_lines: list[str], ctx: Context) -> Post:
    """Post details from the document's fields, title lines and page headers."""
    post = Post()
    step = PostStep(post, walk.first_units, header_lines)
    for f in walk.fields:
        name = ctx.field_of(f.label)
        value = clean(f.value)
        if name is None:
            if not _blank(value) and f.label not in post.other and len(post.other) < ctx.settings.other_details_max:
                post.other[f.label] = value
                f.unit.decide(f"other detail: {f.label}", f.unit.rule)
            continue
        if _blank(value):
            f.unit.decide(f"{name}: blank", f.unit.rule)
            continue
        f.unit.decide(f"post {name}", f.unit.rule)
        if name == "date":
            post.dates.setdefault(heading_label(f.label), value)
        elif name == "salary" or (name == "grade" and re.search(r"£\s?\d", value)):
            if step.salary_text is None:
                step.salary_text = value
                _log(ctx, ctx.first(PAY, step))
        elif name == "hours":
            if post.hours is None:
                post.hours = parse_hours(value, ctx.settings)
        elif getattr(post, name) is None:
            setattr(post, name, value)
    if step.salary_text:
        post.salary = parse_salary(step.salary_text, ctx.settings)
    for found in ctx.each(POST, step):
        _log(ctx, found)
    return post


def _log(ctx: Context, found: tuple[Rule | None, Any]) -> None:
    rule, d = found
    if ctx.log is not None and rule is not None:
        name, value = d
        ctx.log.append(TraceRecord("document", "post", str(value), f"post {name}", rule.code))
