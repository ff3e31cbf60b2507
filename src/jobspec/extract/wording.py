"""Layout wording: what section, field, category, level and assessment words mean.

The words are data (``jobspec/data/layout_wording.yaml``, checked against
``layout_wording.schema.json`` by the test suite); this module compiles them once and answers the
questions the layout rules ask ("which kind of section does this heading open?"). Not to be
confused with the *concept vocabulary* (:mod:`jobspec.concepts.vocabulary`), which tags what
duties and criteria are about.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

# Section kinds a heading can open.
DETAILS, PURPOSE, DUTIES, PERSON_SPEC, EXCLUDED, STATEMENT, UNKNOWN = (
    "details", "purpose", "duties", "person_spec", "excluded", "statement", "unknown",
)
CATEGORIES = ("qualifications", "experience", "knowledge_skills", "personal_qualities", "other")
WORDING_FILE = "data/layout_wording.yaml"
_MEMO = 4096  # labels remembered per process: a cache size, not a limit
SCHEMA_FILE = "data/layout_wording.schema.json"


def norm_label(text: str) -> str:
    """A label as the patterns see it: lower case, "&" as "and", punctuation as spaces."""
    t = text.lower().replace("’", "'").replace("&", " and ")
    t = re.sub(r"[^a-z0-9/' ]+", " ", t)
    return re.sub(r"\s+", " ", t).strip()


def _any(patterns: list[str], flags: int = 0) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


def _words(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


class Wording:
    """The compiled layout wording. Build it with :func:`load_wording`."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.sections = [(kind, _any(p)) for kind, p in data["sections"].items()]
        self.pack_title = _any(data["pack_titles"])
        self.fields = [(name, _any(p)) for name, p in data["fields"].items()]
        self.categories = [(cat, _any(p)) for cat, p in data["categories"].items()]
        self.category_line = re.compile(
            rf"^(?:(?:{_words(data['category_line_words'])}|and|&|/|,)\s*)+:?$", re.I)
        levels = data["levels"]
        self.level_words = re.compile(
            r"\b(" + _words([w for lv in levels.values() for w in lv["words"]]) + r")\b", re.I)
        self._level_of_word = {w.lower(): name for name, lv in levels.items() for w in lv["words"]}
        self.level_letters = {lv["letter"]: name for name, lv in levels.items()}
        self.methods = [(m, _any(p)) for m, p in data["assessment"]["methods"].items()]
        self.method_letters: dict[str, str] = dict(data["assessment"]["letters"])
        self.evidence_header = _any(data["headers"]["evidence"], re.I)
        self.criteria_header = _any(data["headers"]["criteria"], re.I)
        ph = data["phrases"]
        self.note = _any(ph["note"], re.I)
        self.role_summary = _any(ph["role_summary"], re.I)
        self.employer_statement = _any(ph["employer_statement"], re.I)
        self.policy_statement = _any(ph["policy_statement"], re.I)
        self.description = _any(ph["description"], re.I)
        self.duty_lead_in = _any(ph["duty_lead_in"], re.I)
        self.link_line = _any(ph["link_line"], re.I)
        self.lead_in_end = re.compile(rf"\b({_words(ph['lead_in_end'])})\s*:$", re.I)
        self.lead_in_words = re.compile(rf"\b({_words(ph['lead_in_words'])})\b", re.I)
        org = data["organisation"]
        self.org_nouns = "(?:" + "|".join(org["nouns"]) + ")"
        self.org_connectors = "(?:" + "|".join(re.escape(c) for c in org["connectors"]) + ")"
        self.not_org = _any(org["not_names"], re.I)
        self.small_words = frozenset(w.lower() for w in data["small_words"])
        self._kinds: dict[str, str] = {}

    def section_kind(self, label: str) -> str:
        """The kind of section a heading opens, or UNKNOWN (remembered: headings repeat)."""
        got = self._kinds.get(label)
        if got is None:
            got = self._section_kind(label)
            if len(self._kinds) < _MEMO:
                self._kinds[label] = got
        return got

    def _section_kind(self, label: str) -> str:
        t = norm_label(label)
        if self.pack_title.search(t):
            return UNKNOWN
        for kind, pat in self.sections:
            if pat.search(t):
                return kind
        return UNKNOWN

    def category_of(self, label: str | None) -> str:
        """A person-spec category label as one of the five categories (the first-named wins)."""
        if not label:
            return "other"
        t = norm_label(label)
        best: tuple[int, str] | None = None
        for cat, pat in self.categories:
            m = pat.search(t)
            if m and (best is None or m.start() < best[0]):
                best = (m.start(), cat)
        return best[1] if best else "other"

    def is_category_label(self, label: str) -> bool:
        t = norm_label(label)
        return any(pat.search(t) for _cat, pat in self.categories)

    def field_of(self, label: str, max_chars: int, *, whole: bool = False) -> str | None:
        """The post field a details label names (title, grade, salary, ...), or None.

        With ``whole`` the label must be the field's words and nothing more ("Line manager", not
        "Site manager", which only starts like "Site")."""
        t = norm_label(label).rstrip(":").strip()
        if not t or len(t) > max_chars:
            return None
        for name, pat in self.fields:
            m = pat.search(t)
            if m and (not whole or (m.start() == 0 and m.end() == len(t))):
                return name
        return None

    def level_in(self, text: str) -> str | None:
        """The level a text names ("Essential criteria" -> essential), or None."""
        m = self.level_words.search(text)
        return self._level_of_word[m.group(1).lower()] if m else None

    def methods_in(self, text: str) -> list[str]:
        """Assessment methods named in an Evidence / How-assessed cell (words or letter codes)."""
        found: list[str] = []
        t = text.strip()
        letters = re.findall(r"(?<![A-Za-z])([A-Z]{1,2})(?![a-z])", t)
        if letters and re.fullmatch(r"[\sA-Z,/&+;.()\-]*", t):
            for code in letters:
                m = self.method_letters.get(code)
                if m and m not in found:
                    found.append(m)
            return found
        low = t.lower()
        hits = [(m.start(), name) for name, pat in self.methods if (m := pat.search(low))]
        return [name for _pos, name in sorted(hits)]


@lru_cache(maxsize=1)
def load_wording() -> Wording:
    """The shipped layout wording (cached)."""
    import yaml

    text = resources.files("jobspec").joinpath(WORDING_FILE).read_text(encoding="utf-8")
    return Wording(yaml.safe_load(text))


def wording_schema() -> dict[str, Any]:
    """The JSON Schema of the layout wording file."""
    import json

    return json.loads(resources.files("jobspec").joinpath(SCHEMA_FILE).read_text(encoding="utf-8"))
