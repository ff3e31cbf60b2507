"""Employer names, for the post-detail rules: what a school, trust or department is called."""

from __future__ import annotations

import re
from functools import lru_cache

from jobspec.extract.settings import ExtractSettings
from jobspec.extract.wording import Wording

_CAPW = r"[A-Z][\w’'.&-]*"


@lru_cache(maxsize=4)
def org_name(w: Wording, s: ExtractSettings) -> re.Pattern[str]:
    """A capitalised name ending in an employer noun, or such a noun followed by "for/of <Name>".

    "Oakfield Primary School", "St Mary's Catholic Academy Trust", "Department for Education",
    "University of Leeds".
    """
    noun, conn = f"(?i:{w.org_nouns})", w.org_connectors
    return re.compile(
        rf"((?:{_CAPW}\s+(?:{conn}\s+)*){{1,{s.organisation_max_words}}}{noun}(?:\s+(?:of|for)\s+[A-Z]\w+)?\b"
        rf"|{noun}\s+(?:for|of)\s+[A-Z]\w+(?:\s+and\s+[A-Z]\w+)?)")


@lru_cache(maxsize=4)
def org_in_prose(w: Wording, s: ExtractSettings) -> re.Pattern[str]:
    """An employer named in a sentence: "… join Oakfield Primary School …", "… at the Department for Education"."""
    noun = w.org_nouns
    return re.compile(rf"\b(?:at|join|joining|within|of)\s+(?:the\s+)?({noun}\s+(?:for|of)\s+[A-Z]\w+(?:\s+and\s+[A-Z]\w+)?|"
                      rf"(?:[A-Z][\w’'&-]+\s+){{1,5}}{noun})\b")
