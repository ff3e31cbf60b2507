"""Normalise item text for matching only (reports always show the original words).

``normalise`` lower-cases, unifies quotes and dashes, drops list markers and a leading "To ",
maps American spellings to British ones, joins common compounds (well-being, co-ordinate) and
returns the *display form*; ``tokens`` goes on to split words, drop stop words, apply the
vocabulary's word synonyms and stem every word with :func:`stem`, a small suffix stemmer.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from functools import lru_cache

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"',
                         "–": "-", "—": "-", "‑": "-", "‒": "-", "−": "-", "\u00a0": " ",
                         "\u2022": " ", "\u00b7": " ", "\uf0b7": " ", "\u25aa": " ", "\u25e6": " ", "\uf0a7": " "})
_LIST_MARKER = re.compile(r"^\s*(?:[-*+>]\s+|o\s+(?=[A-Z])|\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,5})[.)]\s+)")
_LEADING_TO = re.compile(r"^to\s+(?=[a-z])")

# American -> British, whole words (after lower-casing). Rules below catch -ize/-yze/-or.
_SPELLINGS = {
    "behavior": "behaviour", "behaviors": "behaviours", "behavioral": "behavioural",
    "center": "centre", "centers": "centres", "centered": "centred", "program": "programme",
    "programs": "programmes", "color": "colour", "colors": "colours", "favor": "favour",
    "favorable": "favourable", "honor": "honour", "labor": "labour", "neighbor": "neighbour",
    "humor": "humour", "rumor": "rumour", "vigor": "vigour", "endeavor": "endeavour",
    "endeavors": "endeavours", "license": "licence", "judgment": "judgement", "enroll": "enrol",
    "enrollment": "enrolment", "fulfill": "fulfil", "fulfillment": "fulfilment", "skillful": "skilful",
    "catalog": "catalogue", "dialog": "dialogue", "defense": "defence", "offense": "offence",
    "aging": "ageing", "pediatric": "paediatric", "gray": "grey", "math": "maths", "modeling": "modelling",
    "modeled": "modelled", "traveling": "travelling", "traveled": "travelled", "counseling": "counselling",
    "counselor": "counsellor", "labeled": "labelled", "labeling": "labelling", "practicing": "practising",
    "canceled": "cancelled", "jewelry": "jewellery", "mom": "mum", "moms": "mums", "kindergarten": "reception",
    "installment": "instalment", "percent": "per cent", "toward": "towards", "afterschool": "after school",
}
_IZE = re.compile(r"^([a-z]{3,})iz(e|es|ed|ing|ation|ations|ational|er|ers|able)$")
_IZE_KEEP = {"size", "sized", "sizes", "prize", "prizes", "seize", "seized", "capsize", "citizen"}
_YZE = re.compile(r"^([a-z]{2,})yz(e|es|ed|ing|er|ers)$")

# Compounds written joined, hyphenated or spaced: one spelling for matching. All rules run in one
# pass of one regular expression; each rule rewrites the text it matched, and starts at a word boundary.
_COMPOUND_RULES: list[tuple[str, Callable[[str], str]]] = [
    (r"well[- ]being\b", lambda s: "wellbeing"),
    (r"(?:co|e)-(?:ordinat|operat|mail|safety|learning)", lambda s: s.replace("-", "")),
    (r"multi[- ](?:agency|professional|disciplinary)", lambda s: s.replace("-", "").replace(" ", "")),
    (r"(?:extra[- ]curricular|on[- ]line\b|time[- ]table|play[- ]ground|head[- ]teacher|team[- ]work)",
     lambda s: s.replace("-", "").replace(" ", "")),
    (r"(?:lunch|break|play|dinner)[- ]times?\b", lambda s: s.replace("-", "").replace(" ", "").rstrip("s")),
    (r"home-school\b", lambda s: "home school"),
    (r"(?:self|non|pre)(?:-|\s+)(?=\w)", lambda s: s.rstrip("- ")),
    (r"re-(?=[a-z]{3})", lambda s: "re"),
    (r"one[- ]to[- ]one\b|1[: -]?to[: -]?1\b|1:1\b", lambda s: "one to one"),
    (r"(?:key[- ]?stage|ks)\s*\d", lambda s: "key stage " + s[-1]),
    (r"english as an? (?:additional|second|other) language\b", lambda s: "eal"),
    (r"(?:children and )?young (?:people|persons?)\b", lambda s: "pupils"),
    (r"track[- ]records?\b", lambda s: "trackrecord"),  # a history of results, not record keeping
    (r"human resources?\b", lambda s: "hr"),  # the HR function, not classroom resources
    (r"subject to\b", lambda s: "subjectto"),  # a condition ("subject to a DBS check"), not a school subject
    (r"(?:into|take|takes|taking) account\b", lambda s: s.replace(" ", "")),  # not the accounts of finance
    (r"home visits?\b", lambda s: "homevisit"),  # a visit to a family, not a school trip
    (r"(?:break|breaks|breaking|broken) down\b", lambda s: "breakdown"),  # dividing a task, not break time
    # the attendance register, not marking work
    (r"(?:mark|marks|marking|take|takes|taking|call|calling|complete|completing) (?:the |the class |class )?registers?\b",
     lambda s: "registration"),
    (r"administration of (?=medic|drug)", lambda s: "administer "),  # giving medicines, not office work
    (r"(?:social media|twitter|facebook|instagram|email|online) accounts?\b", lambda s: s.rsplit(" ", 1)[0]),  # not finance
]
# every rule starts at a word boundary: checked once, before any rule is tried, it spares the
# regular expression trying each rule at every character
_COMPOUNDS = re.compile(r"\b(?:" + "|".join(f"(?P<c{k}>{p})" for k, (p, _) in enumerate(_COMPOUND_RULES)) + ")")


def _compound(m: re.Match[str]) -> str:
    return _COMPOUND_RULES[int(m.lastgroup[1:])][1](m.group(0))  # type: ignore[index]


_WORD = re.compile(r"[^\W_]+(?:\*)?")  # letters of any script and digits

# Function words and the filler of job descriptions; content words carry the matching.
STOP_WORDS = frozenset("""
a an the and or nor but if then than so as at by for from in into of on onto over per to too up upon via
with within without about across after against along among around before behind below beneath beside
between beyond during except inside near off out outside since through throughout till under until unto
be been being am is are was were do does did doing done have has had having will would shall should may
might must can could ought i me my mine we us our ours you your yours he him his she her hers it its they
them their theirs this that these those who whom whose which what whatever whoever whichever where when
while how why all any both each either neither every few many much more most other others some such no
not only own same very just also etc eg ie e g i e vs via able ability abilities demonstrate demonstrated
demonstrates show shows showing evidence capacity aptitude including include includes included
especially particularly relevant appropriate appropriately required require requires requirement
necessary necessarily where wherever whenever well good excellent effective effectively strong high
proven sound thorough clear clearly general generally reasonably reasonable
""".split())


def normalise(text: str, spellings: Mapping[str, str] | None = None) -> str:
    """The display form used for matching: lower case, one spelling, no list marker, no leading "To "."""
    if spellings:
        return _normalise(text, tuple(sorted(spellings.items())))
    return _normalise(text, ())


@lru_cache(maxsize=8192)
def _normalise(text: str, extra: tuple[tuple[str, str], ...]) -> str:
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    t = _LIST_MARKER.sub("", text, count=1).lower()
    t = _SPACES.sub(" ", t).strip()
    t = _LEADING_TO.sub("", t)
    # Punctuation goes before the compound rules run (a colon between digits after them, for "1:1")
    # and spelling after them, so that a second normalise finds nothing more to do: no new rule
    # matches once a comma has gone ("self, esteem") and no joined word is left unspelt.
    t = _SPACES.sub(" ", _PUNCT.sub(" ", t).replace("&", " and "))
    t = _COMPOUNDS.sub(_compound, t)
    table = {**_SPELLINGS, **dict(extra)} if extra else _SPELLINGS
    t = _LETTERS.sub(lambda m: _spell(m.group(0), table), t)
    t = _INNER_SEP.sub(" ", t).replace(":", " ")
    t = _SPACES.sub(" ", t).strip()
    # markers and "to"s left at the front ("- - x", "• 1. To x", '"* x' once the quote is gone) go
    # too: the display form is then normalised already, normalise(normalise(x)) == normalise(x)
    return _LEFTOVER.sub("", t) if t[:1] in "-*+t" else t


_SPACES = re.compile(r"\s+")
_LEFTOVER = re.compile(r"^(?:[-*+]\s+|to\s+(?=[a-z]))+")
_LETTERS = re.compile(r"[a-z]+")
_PUNCT = re.compile(r"[^\w\s*+/&:-]|_|(?<!\d):|:(?!\d)")
_INNER_SEP = re.compile(r"(?<=[a-z])[/-](?=[a-z])")


def _spell(w: str, table: Mapping[str, str]) -> str:
    w = table.get(w, w)
    if "iz" in w and w not in _IZE_KEEP:
        w = _IZE.sub(r"\1is\2", w)
    elif "yz" in w:
        w = _YZE.sub(r"\1ys\2", w)
    return w


def words(text: str, spellings: Mapping[str, str] | None = None) -> list[str]:
    """Every word of the display form, stop words included (for phrase matching of short terms)."""
    return _WORD.findall(normalise(text, spellings))


# Inflections first, then (after a final "e" is dropped) derivations, up to three times.
# Each row: (suffix, replacement, shortest stem that may be left).
_INFLECTIONS: list[tuple[str, str, int]] = [
    ("ingly", "", 4), ("edly", "", 4), ("ings", "", 4), ("ing", "", 4), ("ied", "i", 2), ("ies", "i", 2),
    ("sses", "ss", 2), ("ed", "", 4), ("es", "e", 3), ("s", "", 3), ("y", "i", 3),
]
_DERIVATIONS: list[tuple[str, str, int]] = [
    ("ification", "ifi", 3), ("isational", "is", 3), ("isation", "is", 3), ("ational", "at", 3),
    ("ibiliti", "ibl", 3), ("abiliti", "abl", 2), ("fulness", "", 3), ("ivenes", "", 3), ("ousness", "", 3),
    ("ation", "at", 3), ("ition", "it", 3), ("ship", "", 3), ("ment", "", 3), ("ness", "", 3),
    ("iti", "", 3), ("ential", "enti", 3), ("ical", "ic", 3), ("ial", "", 4), ("al", "", 4), ("ful", "", 3), ("ion", "", 3),
    ("or", "", 4), ("er", "", 4), ("iv", "", 3), ("aci", "at", 3), ("ism", "", 3), ("ist", "", 4),
    ("ous", "", 3), ("abl", "abl", 3), ("ibl", "ibl", 3), ("anc", "", 3), ("enc", "", 4), ("ant", "", 4),
    ("ent", "", 5), ("ic", "", 5), ("li", "", 4),
]
_KEEP = frozenset({"always", "attendance", "leadership", "professionalism", "reading", "wellbeing", "gcse", "news", "maths", "process", "access", "success", "class", "pass", "less",
                   "across", "progress", "address", "stress", "business", "status", "campus", "focus", "bonus",
                   "analysis", "basis", "crisis", "emphasis", "diagnosis", "physics", "series", "dress", "various",
                   "previous", "serious", "famous", "numerous", "anxious", "conscious", "ambitious", "curious",
                   # general words kept apart from the concept words they would share a stem with
                   # (past/pastoral, prior/priority, mental/mentor, teaching/teacher, ...)
                   "meeting", "professionals", "pastoral", "priority", "security", "integral", "committee",
                   "position", "career", "creative", "administer", "mindfulness", "happiness", "attachment",
                   "privacy", "masters", "methodical", "respective", "formative", "interval", "humanities",
                   "primarily", "mobility", "catering", "guidance", "production", "careful", "kinds", "passion",
                   "determination", "mental", "mention", "corresponding", "incoming", "letting", "teacher",
                   "grounded", "instructions"})
_IRREGULAR = {"children": "child", "people": "person", "women": "woman", "men": "man", "gcses": "gcse",
              "sens": "sen", "ehcps": "ehcp", "taught": "teach", "led": "lead", "met": "meet", "kept": "keep",
              "held": "hold", "made": "make", "given": "give", "written": "write", "wrote": "write",
              "undertaken": "undertake", "undertook": "undertake", "ran": "run", "better": "good", "best": "good",
              "caring": "care", "cared": "care", "using": "use", "used": "use", "making": "make", "taking": "take",
              "having": "have", "giving": "give", "saving": "save", "writing": "write", "coping": "cope",
              "relationships": "relationship", "relationship": "relationship", "meetings": "meeting",
              "priorities": "priority", "committees": "committee", "positions": "position", "careers": "career",
              "creativity": "creative", "creatively": "creative", "administers": "administer",
              "administered": "administer", "administering": "administer", "feelings": "feeling",
              "attachments": "attachment", "methodically": "methodical", "respectively": "respective",
              "intervals": "interval", "productions": "production", "carefully": "careful", "passions": "passion",
              "passionate": "passion", "mentally": "mental", "mentioned": "mention", "mentions": "mention",
              "lettings": "letting", "teachers": "teacher", "visitors": "visitor", "visitor": "visitor",
              "bought": "buy", "sought": "seek", "thought": "think", "brought": "bring", "worn": "wear"}


def _by_last_letter(table: list[tuple[str, str, int]]) -> dict[str, list[tuple[str, str, int]]]:
    out: dict[str, list[tuple[str, str, int]]] = {}
    for row in table:  # keeps the table's order within each letter
        out.setdefault(row[0][-1], []).append(row)
    return out


_INFLECTIONS_BY_LETTER = _by_last_letter(_INFLECTIONS)
_DERIVATIONS_BY_LETTER = _by_last_letter(_DERIVATIONS)


def _strip(w: str, table: dict[str, list[tuple[str, str, int]]]) -> str:
    for suf, rep, keep in table.get(w[-1], ()):
        if w.endswith(suf) and len(w) - len(suf) >= keep:
            if suf == "s" and w.endswith(("ss", "us", "is")):
                return w
            return w[: len(w) - len(suf)] + rep
    return w


def stem(word: str) -> str:
    """A small, deterministic suffix stemmer: organise/organised/organisation/organisational -> organis."""
    got = _STEMS.get(word)
    if got is None:
        got = _STEMS[word] = _stem(word)
    return got


_STEMS: dict[str, str] = {}


def _stem(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    w = word
    if len(w) <= 3 or w in _KEEP or not w.isalpha():
        return w
    w = _strip(w, _INFLECTIONS_BY_LETTER)
    for _ in range(3):
        if len(w) > 4 and w.endswith("e"):
            w = w[:-1]
        nxt = _strip(w, _DERIVATIONS_BY_LETTER)
        if nxt == w:
            break
        w = nxt
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsf":  # planned -> plann -> plan
        w = w[:-1]
    return w


def tokens(text: str, synonyms: Mapping[str, str] | None = None, spellings: Mapping[str, str] | None = None,
           *, keep_stop_words: bool = False) -> list[str]:
    """Stemmed content words of ``text`` in order; ``synonyms`` maps a word or stem to its canonical word."""
    out: list[str] = []
    syn = synonyms or {}
    for w in words(text, spellings):
        if not keep_stop_words and w in STOP_WORDS:
            continue
        w = syn.get(w, w)
        s = stem(w)
        out.append(syn.get(s, s))
    return out
