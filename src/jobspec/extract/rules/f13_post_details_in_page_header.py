from __future__ import annotations

import re

from jobspec.extract.rules.base import POST, Context, Rule
from jobspec.extract.rules.f01_field_label_colon_value import split_label_value
from jobspec.extract.rules.f04_post_title_line import TITLE_SUFFIX
from jobspec.extract.rules.post_common import org_name
from jobspec.extract.rules.subjects import PostStep
from jobspec.extract.text import clean

_GRADE = re.compile(r"\b((?:Grade|Band|Scale|Level)\s+[A-Z0-9]{1,3}(?:\s*[-–]\s*[A-Z0-9]{1,3})?)$")
_PAGE = re.compile(r"\bpage\s+\d|\bconfidential\b|\d{1,2}/\d{1,2}/\d{2,4}|^\d+$", re.I)


def header_details(p: PostStep, ctx: Context) -> dict[str, str]:
    """Title and grade stated in the page header: labelled, beside a document name, or beside the
    employer's name ("Senior Administrator  Willowmere School  Grade F")."""
    found: dict[str, str] = {}
    org = org_name(ctx.wording, ctx.settings)
    has_org = False
    plain: list[str] = []
    for line in (piece for h in p.header_lines for piece in h.split(" | ")):  # " | ": pieces a gap set apart
        t = clean(line)
        if not t or _PAGE.search(t):
            continue
        lv = split_label_value(t, ctx)
        if lv and ctx.field_of(lv[0]) in ("title", "grade"):
            found.setdefault(ctx.field_of(lv[0]) or "", clean(lv[1]))
            continue
        if TITLE_SUFFIX.search(t):
            rest = clean(TITLE_SUFFIX.sub(" ", t)).strip(" -–—:|")
            if rest and not org.fullmatch(rest):
                found.setdefault("title", rest)
            continue
        m = org.search(t)
        if m:
            has_org = True
            before, after = t[: m.start()].strip(" -–—|,"), t[m.end():].strip(" -–—|,")
            if after and _GRADE.fullmatch(after):
                found.setdefault("grade", after)
            if before and len(before.split()) <= ctx.settings.title_max_words:
                plain.append(before)
            continue
        g = _GRADE.fullmatch(t)
        if g:
            found.setdefault("grade", t)
        elif len(t.split()) <= ctx.settings.title_max_words and not t.endswith((".", ":")):
            plain.append(t)
    if has_org and plain:  # beside the employer's name, a short line naming nothing else is the title
        found.setdefault("title", plain[0])
    return found


class PostDetailsInPageHeader(Rule):
    """Details stated in the page header: ``Grade: Band 5``, ``JOB DESCRIPTION: HLTA``, or the title and grade beside the school's name.

    Before: a page header of three lines, "Rookwood Junior School" / "Higher Level Teaching
    Assistant" / "Grade 6", and nothing about the post in the body.  After: title "Higher Level
    Teaching Assistant", grade "Grade 6" (the school already comes from the header, F05). Body
    fields win; a line in the header is taken as the title only beside the employer's name.
    """

    code = "F13"
    name = "post.details-in-page-header"
    stage = POST

    def match(self, p: PostStep, ctx: Context) -> bool:
        found = header_details(p, ctx)
        return (p.post.title is None and "title" in found) or (p.post.grade is None and "grade" in found)

    def apply(self, p: PostStep, ctx: Context) -> tuple[str, str | None]:
        found = header_details(p, ctx)
        taken = []
        if p.post.title is None and "title" in found:
            p.post.title = found["title"]
            taken.append("title")
        if p.post.grade is None and "grade" in found:
            p.post.grade = found["grade"]
            taken.append("grade")
        return " and ".join(taken), ", ".join(found[k] for k in taken)
