from __future__ import annotations

import re

from jobspec.extract.rules.base import REVIEW, Context, Rule
from jobspec.extract.rules.subjects import ReviewStep
from jobspec.extract.wording import DUTIES, PERSON_SPEC

_JD = re.compile(r"\bjob description\b|\brole profile\b|\bjob profile\b", re.I)
_PS = re.compile(r"\bperson(nel)? spec", re.I)


def missing(step: ReviewStep) -> list[str]:
    """The parts a document names (in a heading or its title lines) but gave nothing for."""
    kinds = {k for _label, k in step.headings}
    top = " ".join(step.title_lines)
    out = []
    if not step.spec.duties and (DUTIES in kinds or _JD.search(top)):
        out.append("duties")
    if not step.spec.criteria and (PERSON_SPEC in kinds or _PS.search(top)):
        out.append("criteria")
    return out


class ReviewPartNamedButEmpty(Rule):
    """The document names a part it then gave nothing for: duties headings but no duty, a person specification but no criterion.

    Before: "Job description" in the title, a "Main responsibilities" heading, and no duty read.
    After: a ``review:`` warning, "no duties found, though the document has a duties section".
    """

    code = "R09"
    name = "review.part-named-but-empty"
    stage = REVIEW

    def match(self, step: ReviewStep, ctx: Context) -> bool:
        return bool(step.spec.duties or step.spec.criteria) and bool(missing(step))

    def apply(self, step: ReviewStep, ctx: Context) -> str:
        parts = missing(step)
        what = {"duties": "a job description or duties heading", "criteria": "a person specification"}
        return " and ".join(f"no {p} found, though the document has {what[p]}" for p in parts)
