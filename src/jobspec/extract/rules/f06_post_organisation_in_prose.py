from __future__ import annotations

from jobspec.extract.rules.base import POST, Context, Rule
from jobspec.extract.rules.post_common import org_in_prose
from jobspec.extract.rules.subjects import PostStep
from jobspec.extract.units import PARA


class PostOrganisationInProse(Rule):
    """Failing that, the employer named in an opening sentence: "… to join Oakfield Primary School as …".

    Only paragraphs among the first ``top_units`` units, and only after "at", "join", "within"
    or "of".
    """

    code = "F06"
    name = "post.organisation-in-prose"
    stage = POST

    def match(self, p: PostStep, ctx: Context) -> bool:
        return p.post.organisation is None and self._find(p, ctx) is not None

    def apply(self, p: PostStep, ctx: Context) -> tuple[str, str | None]:
        p.post.organisation = self._find(p, ctx)
        return "organisation", p.post.organisation

    def _find(self, p: PostStep, ctx: Context) -> str | None:
        pat = org_in_prose(ctx.wording, ctx.settings)
        for u in p.top:
            if u.kind == PARA:
                m = pat.search(u.text)
                if m and not ctx.wording.not_org.search(m.group(1)):
                    return m.group(1).strip()
        return None
