"""Heading and label vocabulary of UK job descriptions and person specifications.

Decisions are made from these generic sector terms plus layout cues, never from the
wording of one document.
"""

from __future__ import annotations

import re

# Section kinds a heading can open.
DETAILS, PURPOSE, DUTIES, PERSON_SPEC, EXCLUDED, STATEMENT, UNKNOWN = (
    "details", "purpose", "duties", "person_spec", "excluded", "statement", "unknown",
)

_SECTION_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (PERSON_SPEC, re.compile(r"\bperson(nel|al)?\s*spec|\bselection criteria\b|\bkey attributes\b|"
                             r"\b(essential|desirable) (criteria|skills|requirements|experience|qualifications|attributes)\b|"
                             r"^(essential|desirable)$|\bperson profile\b|\bcandidate profile\b")),
    (EXCLUDED, re.compile(r"^notes?\b|\bnotes? (and|&) review\b|^about (us|the (school|trust|academy|department|unit|organisation))|"
                          r"\bour (mission|vision|values|school|trust|academy)\b|^(mission|vision|values)\b|"
                          r"\bkey relationships\b|\bteam structure\b|\borganisation(al)? chart\b|\bselection process\b|"
                          r"\bhow to apply\b|\bapplication process\b|\b(additional )?benefits\b|^context$|\bsmoke[- ]free\b|"
                          r"\bdisclaimer\b|\bwhat we offer\b|\bwhy (work|join)\b|\bequal opportunit(y|ies) (statement|monitoring)\b|"
                          r"\bexternal interests\b|\bsummary of (terms|conditions)\b|\bterms and conditions\b|\bjob family\b|"
                          r"\binterview\b|\bshortlisting\b|^review\b|\bdate of review\b")),
    (STATEMENT, re.compile(r"^safeguarding( children| statement| commitment| and child protection)?( and adults)?$|"
                           r"^child protection$|^(dbs|disclosure)\b|\brehabilitation of offenders\b")),
    (PURPOSE, re.compile(r"\bpurpose\b|\bjob summary\b|\brole summary\b|\bsummary of (the )?(role|post|job)\b|"
                         r"\boverview of the (role|post)\b|^(the )?(role|post|job) (overview|profile|summary)$|"
                         r"^overall (aim|objective)s?\b|^main (aim|objective)s?\b|^about the (role|post|job)$|^job description$")),
    (DUTIES, re.compile(r"\bdut(y|ies)\b|\bresponsibilit(y|ies)\b|\baccountabilit(y|ies)\b|\btasks\b|"
                        r"\bkey (areas|result areas|activities)\b|\bmain activities\b|\bgeneral\b|\bhealth (and|&) safety\b|"
                        r"\bsupport (for|to) (the )?(pupils?|students?|teach\w*|teachers|school|curriculum|learning)\b|"
                        r"\bprofessional (development|standards)\b|\bstandards\b|\binformation governance\b|"
                        r"\bdata protection\b|\bconfidentiality\b|\bequality\b|\bdiversity\b|\bpersonal development\b|"
                        r"\bcontribut\w+ to\b|\bteam[- ]?working\b|\bcommunication and\b|"
                        r"\borganisational effectiveness\b|\bwhat (you|the post ?holder) will do\b|\bthe role will\b|"
                        r"\bprincipal\b|\bkey (result|performance)\b|\bteaching and learning\b|\bpastoral\b")),
    (DETAILS, re.compile(r"^(job|post|position|role) (details|information|profile)$|^position profile$|^details$|^job details$")),
]

# Person-specification categories: label -> normalised category (first match wins, in order of
# appearance in the label, so "Qualifications and Experience" -> qualifications).
_CATEGORY_TERMS: list[tuple[str, re.Pattern[str]]] = [
    ("qualifications", re.compile(r"qualification|education|certificat|\bdegree\b")),
    ("experience", re.compile(r"experience")),
    ("knowledge_skills", re.compile(r"knowledge|skill|abilit|understanding|competenc|aptitude|expertise")),
    ("personal_qualities", re.compile(r"personal|qualities|attitude|disposition|behaviour|characteristic|values")),
    ("other", re.compile(r"training|legal|requirement|commitment|special|other|circumstance|safeguard|equal|dbs|"
                         r"additional|work(ing)? (arrangements|conditions)")),
]

# Post-detail labels: field -> pattern on the normalised label.
FIELD_LABELS: list[tuple[str, re.Pattern[str]]] = [
    ("title", re.compile(r"^(job|post|position|role|vacancy)( title| name)?$|^title( of post)?$|^job title|^post title|^designation$")),
    ("organisation", re.compile(r"^(school|establishment|employer|academy|organi[sz]ation|trust|federation|college|"
                                r"setting|school name|name of (school|establishment|academy)|department)$")),
    ("grade", re.compile(r"^(grade|band|scale|pay (band|grade|scale)|salary (grade|band|scale)|job (grade|group)|"
                         r"grade/rate of pay/salary|band/job group|grade/band|scale/grade|pay range)\b")),
    ("salary", re.compile(r"^(salary|remuneration|pay|rate of pay|salary range|wage|pay rate)\b")),
    ("hours", re.compile(r"^(hours|working (time|hours|pattern|week)|contracted hours|hours of work|hours/weeks|"
                         r"hours per week|working time/conditions)\b")),
    ("reports_to", re.compile(r"^(responsible to|reports? to|reporting to|line manager|accountable to|"
                              r"post responsible to|managed by|directly responsible to)\b")),
    ("responsible_for", re.compile(r"^(responsible for|posts? responsible for|line management of|manages|"
                                   r"line management responsibility|supervis\w+ responsibilit\w+|direct reports)\b")),
    ("location", re.compile(r"^(location|place of work|base|work(ing)? location|based at|site)\b")),
    ("contract", re.compile(r"^(contract( type)?|status|employment type|type of contract|tenure|permanent/temporary)\b")),
    ("date", re.compile(r"\bdate\b|^start\b|^commencement\b|^closing\b|^effective\b")),
]

ASSESSMENT_TERMS: list[tuple[str, re.Pattern[str]]] = [
    ("application_form", re.compile(r"applica|\bcv\b|supporting statement|personal statement|letter")),
    ("interview", re.compile(r"interview")),
    ("references", re.compile(r"reference")),
    ("certificates", re.compile(r"certificat|qualification check|documentation|proof")),
    ("assessment", re.compile(r"\btest|\btask|observ|assessment|exercise|presentation|lesson|in[- ]tray")),
]
ASSESSMENT_LETTERS = {"A": "application_form", "AF": "application_form", "I": "interview", "R": "references",
                      "C": "certificates", "T": "assessment", "O": "assessment", "P": "assessment",
                      "S": "application_form", "Q": "certificates"}
EVIDENCE_HEADER = re.compile(r"evidence|how (identified|assessed|evidenced|tested|measured)|assess|method|"
                             r"identified by|source|stage", re.I)
TICK = re.compile(r"^[\s√✓✔☑☒✗xXyY•●■✘*]+$|^(yes|y)$", re.I)
TICK_POSITIVE = re.compile(r"[√✓✔☑☒•●■*]|^\s*(yes|y|x)\s*$", re.I)


def norm_label(text: str) -> str:
    t = text.lower().replace("’", "'").replace("&", " and ")
    t = re.sub(r"[^a-z0-9/' ]+", " ", t)
    return re.sub(r"\s+", " ", t).strip()


def section_kind(label: str) -> str:
    """The kind of section a heading opens, or UNKNOWN."""
    t = norm_label(label)
    if re.search(r"job description", t) and re.search(r"person(nel)? spec", t):
        return UNKNOWN  # a document title naming both parts
    for kind, pat in _SECTION_PATTERNS:
        if pat.search(t):
            return kind
    return UNKNOWN


def category_of(label: str | None) -> str:
    """Normalise a person-spec category label to one of the five categories."""
    if not label:
        return "other"
    t = norm_label(label)
    best: tuple[int, str] | None = None
    for cat, pat in _CATEGORY_TERMS:
        m = pat.search(t)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), cat)
    return best[1] if best else "other"


def is_category_label(label: str) -> bool:
    t = norm_label(label)
    return any(pat.search(t) for _cat, pat in _CATEGORY_TERMS)


def field_of(label: str) -> str | None:
    """The post field a details label names (title, grade, salary, ...), or None."""
    t = norm_label(label).rstrip(":").strip()
    if not t or len(t) > 50:
        return None
    for name, pat in FIELD_LABELS:
        if pat.search(t):
            return name
    return None


def methods_in(text: str) -> list[str]:
    """Assessment methods named in an Evidence / How-assessed cell (words or letter codes)."""
    found: list[str] = []
    t = text.strip()
    letters = re.findall(r"(?<![A-Za-z])([A-Z]{1,2})(?![a-z])", t)
    if letters and re.fullmatch(r"[\sA-Z,/&+;.()\-]*", t):
        for code in letters:
            m = ASSESSMENT_LETTERS.get(code)
            if m and m not in found:
                found.append(m)
        return found
    low = t.lower()
    hits = []
    for name, pat in ASSESSMENT_TERMS:
        m = pat.search(low)
        if m:
            hits.append((m.start(), name))
    return [name for _pos, name in sorted(hits)]
