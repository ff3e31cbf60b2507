"""The report as JSON: the versioned contract other tools read (README, "The JSON report")."""

from __future__ import annotations

import json

from jobspec.comparison.engine.pair import Comparison
from jobspec.comparison.nway.many import NWay


def render(result: Comparison | NWay) -> str:
    if isinstance(result, NWay):
        from jobspec.comparison.report.nway_json import to_dict as nway_dict

        return json.dumps(nway_dict(result), ensure_ascii=False, indent=2) + "\n"
    from jobspec.comparison.report.pair_json import to_dict

    return json.dumps(to_dict(result), ensure_ascii=False, indent=2) + "\n"
