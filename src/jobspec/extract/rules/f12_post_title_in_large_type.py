from __future__ import annotations

from jobspec.extract.rules.base import POST, Context, Rule
from jobspec.extract.rules.post_common import org_name
from jobspec.extract.rules.subjects import PostStep
from jobspec.extract.text import clean, ends_sentence
from jobspec.extract.units import HEADING, STYLE, Unit
from jobspec.extract.wording import UNKNOWN


class PostTitleInLargeType(Rule):
    """With no title field or title line, the first top-level heading that names no employer or section is the title.

    Before: ``Class Teacher`` in 24 pt at the top of the page (a Word title style, or just large
    type), then the school's name, then "Role profile".  After: title "Class Teacher". Only among
    the first ``grade_search_units`` units, and only a level-1 heading that is not a sentence.
    """

    code = "F12"
    name = "post.title-in-large-type"
    stage = POST

    def match(self, p: PostStep, ctx: Context) -> bool:
        return p.post.title is None and self._find(p, ctx) is not None

    def apply(self, p: PostStep, ctx: Context) -> tuple[str, str | None]:
        p.post.title = self._find(p, ctx)
        return "title", p.post.title

    @staticmethod
    def _find(p: PostStep, ctx: Context) -> str | None:
        org = org_name(ctx.wording, ctx.settings)
        for u in p.top[: ctx.settings.grade_search_units]:
            if _title_like(u, ctx) and not org.fullmatch(clean(u.text)):
                return clean(u.text)
        return None


def _title_like(u: Unit, ctx: Context) -> bool:
    t = clean(u.text)
    return (u.kind == HEADING and u.cue == STYLE and u.level == 1 and 0 < len(t.split()) <= ctx.settings.title_max_words
            and not ends_sentence(t) and not t.endswith(":") and ctx.wording.section_kind(t) == UNKNOWN)
