from __future__ import annotations

import re

from jobspec.extract.rules.base import POST, Context, Rule
from jobspec.extract.rules.post_common import org_name
from jobspec.extract.rules.subjects import PostStep
from jobspec.extract.text import clean
from jobspec.extract.units import HEADING, PARA, Unit
from jobspec.extract.wording import UNKNOWN

TITLE_SUFFIX = re.compile(r"\s*[-–—:|]?\s*\b(job description|person(nel)? specification|job profile|role profile)"
                           r"(\s*(and|&)\s*person(nel)? specification)?\b\s*[-–—:|]?\s*", re.I)


# a sentence about the document, not a line naming it: "This job description will be reviewed annually."
_SENTENCE = re.compile(r"[.;!?]$|\b(?:this|the|a|each|our|your)\s+(?:job description|person(?:nel)? specification|job profile|"
                       r"role profile)\b", re.I)


class PostTitleLine(Rule):
    """With no "Job title" field, the title is read from a title line at the top naming the document.

    Before: ``Teaching Assistant – Job Description`` / ``Person Specification: Site Manager`` /
    ``Oakfield Primary School | Office Manager | Job description and person specification``.
    After: title "Teaching Assistant", "Site Manager", "Office Manager" (an employer name beside
    it is not the title); a title line naming only the employer and the document
    (``Oakfield Primary School Person Specification``) has the title on the heading below it.
    A sentence about the document (``This job description will be reviewed annually.``) is no
    title line.
    Looked for in the first ``top_units`` units.
    """

    code = "F04"
    name = "post.title-line"
    stage = POST

    def match(self, p: PostStep, ctx: Context) -> bool:
        return p.post.title is None and self._find(p, ctx) is not None

    def apply(self, p: PostStep, ctx: Context) -> tuple[str, str | None]:
        found = self._find(p, ctx)
        if found:
            p.title_at, p.post.title = found
        return "title", p.post.title

    def _find(self, p: PostStep, ctx: Context) -> tuple[int, str] | None:
        org = org_name(ctx.wording, ctx.settings)
        for i, u in enumerate(p.top):
            if u.kind not in (HEADING, PARA) or len(u.text) > ctx.settings.title_line_max_chars:
                continue
            t = clean(u.text)
            if not TITLE_SUFFIX.search(t) or _SENTENCE.search(t):
                continue
            rest = clean(TITLE_SUFFIX.sub(" | ", t)).strip(" |")
            parts = [x.strip(" -–—:") for x in rest.split("|") if x.strip(" -–—:")]
            named = [x for x in parts if not org.fullmatch(x) and len(x.split()) <= ctx.settings.title_max_words]
            if named:
                return i, named[-1]
            if i + 1 < len(p.top) and self._title_below(p.top[i + 1], ctx):
                return i + 1, clean(p.top[i + 1].text)  # "<School> Person Specification" over the title
        return None

    @staticmethod
    def _title_below(u: Unit, ctx: Context) -> bool:
        t = clean(u.text)
        return (u.kind == HEADING and 0 < len(t.split()) <= ctx.settings.title_max_words and not t.endswith((".", ":"))
                and ctx.wording.section_kind(t) == UNKNOWN and not org_name(ctx.wording, ctx.settings).fullmatch(t))
