"""Post details: key/value rows and "Label: value" lines first, then title lines and page headers.

A fact the document does not state stays ``None``; nothing is guessed.
"""

from __future__ import annotations

import re

from jobspec.extract.sections import Walk
from jobspec.extract.text import clean, heading_label
from jobspec.extract.units import HEADING, PARA
from jobspec.extract.values import grade_in_salary, parse_hours, parse_salary
from jobspec.extract.vocabulary import field_of
from jobspec.spec.model import Post

_ORG_NOUN = (r"(?:School|Academy|Federation|Trust|College|Council|Unit|Partnership|Foundation|Nursery|"
             r"Infants?|Juniors?|Primary|Secondary|High|Grammar|University|Service)")
_CAPW = r"[A-Z][\w’'.&-]*"
_CONN = r"(?:of|and|the|&|upon|on|in|under|by|at|de|la|le)"
_ORG_NAME = re.compile(rf"((?:{_CAPW}\s+(?:{_CONN}\s+)*){{1,7}}{_ORG_NOUN}(?:\s+(?:of|for)\s+[A-Z]\w+)?\b"
                       r"|Department for [A-Z]\w+(?: and [A-Z]\w+)?)")
_ORG_PROSE = re.compile(r"\b(?:at|join|joining|within|of)\s+(?:the\s+)?(Department for [A-Z]\w+(?: and [A-Z]\w+)?|"
                        r"(?:[A-Z][\w’'&-]+\s+){1,5}" + _ORG_NOUN + r")\b")
_NOT_ORG = re.compile(r"^(the|our|this|a|an|your|each|every|all)\b|\b(barring|justice|disclosure|criminal|records|"
                      r"ombudsman|health and safety|data protection)\b", re.I)
_TITLE_SUFFIX = re.compile(r"\s*[-–—:|]?\s*\b(job description|person(nel)? specification|job profile|role profile)"
                           r"(\s*(and|&)\s*person(nel)? specification)?\b\s*[-–—:|]?\s*", re.I)
_STANDALONE_GRADE = re.compile(r"^(?:G[67]|SEO|HEO|EO|AO|AA|SCS\s?\d?|(?:Grade|Band|Scale)\s+\w{1,4}(?:\s*[-–]\s*\w{1,4})?)$")


def _blank(v: str | None) -> bool:
    return not v or not clean(v) or bool(re.fullmatch(r"[-–—/.\s]*|n/?a|tbc|tba", clean(v), re.I))


def extract_post(walk: Walk, header_lines: list[str]) -> Post:
    """Post details from the document's fields, title lines and page headers."""
    post = Post()
    salary_text: str | None = None
    for f in walk.fields:
        name = field_of(f.label)
        value = clean(f.value)
        if name is None:
            if not _blank(value) and f.label not in post.other and len(post.other) < 30:
                post.other[f.label] = value
            continue
        if _blank(value):
            continue
        if name == "date":
            post.dates.setdefault(heading_label(f.label), value)
        elif name == "salary":
            salary_text = salary_text or value
            post.grade = post.grade or grade_in_salary(value)
        elif name == "hours":
            if post.hours is None:
                post.hours = parse_hours(value)
        elif name == "grade" and re.search(r"£\s?\d", value):
            post.grade = post.grade or grade_in_salary(value)
            salary_text = salary_text or value
        elif getattr(post, name) is None:
            setattr(post, name, value)
    if salary_text:
        post.salary = parse_salary(salary_text)
        if post.grade is None:
            post.grade = grade_in_salary(salary_text)
    if post.title is None:
        post.title = _title_from_lines(walk)
    if post.organisation is None:
        post.organisation = _organisation(walk, header_lines)
    if post.grade is None:
        post.grade = _standalone_grade(walk)
    return post


def _title_from_lines(walk: Walk) -> str | None:
    """A title line near the top: "<Title> Job description", "Person Specification – <Title>", ..."""
    for u in walk.first_units:
        if u.kind not in (HEADING, PARA) or len(u.text) > 120:
            continue
        t = clean(u.text)
        if _TITLE_SUFFIX.search(t):
            rest = clean(_TITLE_SUFFIX.sub(" | ", t)).strip(" |")
            parts = [p.strip(" -–—:") for p in rest.split("|") if p.strip(" -–—:")]
            parts = [p for p in parts if not _ORG_NAME.fullmatch(p) and len(p.split()) <= 10]
            if parts:
                return parts[-1]
    return None


def _organisation(walk: Walk, header_lines: list[str]) -> str | None:
    candidates: list[str] = list(header_lines)
    candidates += [u.text for u in walk.first_units[:12] if u.kind in (HEADING, PARA) and len(u.text) < 120]
    for line in candidates:
        for piece in re.split(r"\s+[-–—|:]\s+|\s+(?:a |an )?(?:part|member) of\s+(?:the\s+)?", clean(line), flags=re.I):
            m = _ORG_NAME.fullmatch(piece.strip()) or (_ORG_NAME.match(piece.strip()) if len(piece) < 80 else None)
            if m and not _NOT_ORG.search(m.group(1)):
                return m.group(1).strip()
    for u in walk.first_units:
        if u.kind == PARA:
            m = _ORG_PROSE.search(u.text)
            if m and not _NOT_ORG.search(m.group(1)):
                return m.group(1).strip()
    return None


def _standalone_grade(walk: Walk) -> str | None:
    for u in walk.first_units[:8]:
        t = clean(u.text)
        if _STANDALONE_GRADE.fullmatch(t):
            return t
    return None
