from __future__ import annotations

from collections.abc import Iterator

from jobspec.lint.rules.base import Hit, Rule, SpecView


class CriteriaNoEssential(Rule):
    """The person specification has no essential criteria.

    Every person specification says what a candidate must have; shortlisting is done against the
    essential criteria. A spec whose `criteria` list is empty, or holds only desirable criteria,
    usually means the person specification was not found in the document or its Essential column was
    misread.

    Fix: check the source document; parse it again, or mark the criteria that are essential.
    """

    code = "JS208"
    name = "criteria.no-essential"
    severity = "warning"

    def check(self, spec: SpecView) -> Iterator[Hit]:
        criteria = spec.data.get("criteria")
        if not isinstance(criteria, list):
            return
        if not criteria:
            yield Hit(("criteria",), "no person-specification criteria at all, so none is essential")
        elif not any(isinstance(c, dict) and c.get("level") == "essential" for c in criteria):
            yield Hit(("criteria",), f"none of the {len(criteria)} criteria is essential")
