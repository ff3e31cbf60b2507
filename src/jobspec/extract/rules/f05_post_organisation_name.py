from __future__ import annotations

import re

from jobspec.extract.rules.base import POST, Context, Rule
from jobspec.extract.rules.post_common import org_name
from jobspec.extract.rules.subjects import PostStep
from jobspec.extract.text import clean
from jobspec.extract.units import HEADING, PARA

_PIECES = re.compile(r"\s+[-–—|:]\s+|\s+(?:a |an )?(?:part|member) of\s+(?:the\s+)?", re.I)


class PostOrganisationName(Rule):
    """With no "School" field, the employer is a name ending in School/Academy/Trust… in the page header or top lines.

    Before: page header ``Oakfield Primary School – part of the Riverside Learning Trust``.
    After: organisation "Oakfield Primary School" (the school named before "part of" its trust).
    Looked for in the page headers, then the first ``organisation_search_units`` units.
    """

    code = "F05"
    name = "post.organisation-name"
    stage = POST

    def match(self, p: PostStep, ctx: Context) -> bool:
        return p.post.organisation is None and self._find(p, ctx) is not None

    def apply(self, p: PostStep, ctx: Context) -> tuple[str, str | None]:
        p.post.organisation = self._find(p, ctx)
        return "organisation", p.post.organisation

    def _find(self, p: PostStep, ctx: Context) -> str | None:
        s = ctx.settings
        pat = org_name(ctx.wording, s)
        lines = list(p.header_lines) + [u.text for u in p.top[: s.organisation_search_units]
                                        if u.kind in (HEADING, PARA) and len(u.text) < s.title_line_max_chars]
        for line in lines:
            for piece in _PIECES.split(clean(line)):
                piece = piece.strip()
                m = pat.fullmatch(piece) or (pat.match(piece) if len(piece) < s.organisation_piece_max_chars else None)
                if m and not ctx.wording.not_org.search(m.group(1)):
                    return m.group(1).strip()
        return None
