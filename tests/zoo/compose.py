"""Seeded content for one document, and the parts most families share (details, purpose, duties, PS).

Every builder here returns layout blocks *and* records the ground truth it wrote on a :class:`Draft`,
so the gold cannot drift from what is drawn.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from . import pools
from .layout import Cell, Layout, Lists, PageBreak, Para, Row, Table, cell, heading, label_value, para
from .model import Criterion, Duty, Post, ZooDoc

GLYPHS = ["\u2022", "\u2022", "symbol", "\u25aa", "\u2013", "\u25e6", "\u27a2"]
TICKS = ["\u2713", "\u221a", "\u2714"]
SHADES = ["D9D9D9", "DEEAF6", "E2EFD9", "FFF2CC", "EDEDED"]


@dataclass
class Group:
    """The criteria of one category, as the document labels them."""

    category: str
    label: str
    items: list[tuple[str, str]]  # (text, level)

    def level_items(self, level: str) -> list[str]:
        return [t for t, lv in self.items if lv == level]


@dataclass
class Draft:
    """A document being written: its content choices, its layout and its gold so far."""

    rng: random.Random
    stem: str
    family: str
    kind: pools.PostKind
    school: str
    place: str
    title: str
    grade: str
    salary: str
    hours_text: str
    hours: float | None
    reports_to: str
    purposes: list[str]
    layout: Layout
    end: str = ""  # how this document ends each duty: nothing or a full stop
    lists: Lists = field(default_factory=Lists)
    post: Post = field(default_factory=Post)
    purpose: list[str] = field(default_factory=list)
    duties: list[Duty] = field(default_factory=list)
    criteria: list[Criterion] = field(default_factory=list)

    # -- content choices ----------------------------------------------------------------------------

    def pick(self, seq):
        return self.rng.choice(list(seq))

    def sample(self, seq, lo: int, hi: int) -> list:
        seq = list(seq)
        return self.rng.sample(seq, min(len(seq), self.rng.randint(lo, hi)))

    def sections(self, lo: int = 3, hi: int = 5, per: tuple[int, int] = (3, 6)) -> list[tuple[str, str, list[str]]]:
        """(key, heading as written, duties) for some of this post's duty sections, in the post's order."""
        keys = self.kind.sections
        chosen = keys if len(keys) <= lo else [k for k in keys if k in set(self.sample(keys, lo, hi))]
        return [(k, self.pick(pools.SECTION_HEADINGS[k]), [t + self.end for t in self.sample(pools.DUTIES[k], *per)])
                for k in chosen]

    def groups(self, lo: int = 4, hi: int = 5, per: tuple[int, int] = (2, 4), desirable: float = 0.35) -> list[Group]:
        """Criteria groups in the usual order, each with at least one essential item."""
        cats = list(pools.CRITERIA)
        keep = set(cats[:4]) if hi <= 4 else set(self.sample(cats, lo, hi)) | {"qualifications", "experience"}
        out = []
        for cat in cats:
            if cat not in keep:
                continue
            fitting = [t for t, groups in pools.CRITERIA[cat] if not groups or self.kind.group in groups.split(",")]
            texts = self.sample(fitting, *per)
            levels = ["essential"] + ["desirable" if self.rng.random() < desirable else "essential" for _ in texts[1:]]
            out.append(Group(cat, self.pick(pools.CATEGORY_LABELS[cat]), list(zip(texts, levels, strict=True))))
        return out

    def glyph(self) -> str:
        return self.pick(GLYPHS)

    # -- ground truth --------------------------------------------------------------------------------

    def duty(self, text: str, section: str | None, optional: bool = False) -> None:
        self.duties.append(Duty(text, clean_label(section) if section else None, optional))

    def criterion(self, group: Group, text: str, level: str, methods: list[str] | None = None,
                  label: str | None = None) -> None:
        self.criteria.append(Criterion(text, level, group.category, clean_label(label or group.label),
                                       list(methods or [])))

    def doc(self, formats: tuple[str, ...] | None = None) -> ZooDoc:
        kw = {"formats": formats} if formats else {}
        return ZooDoc(self.stem, self.family, self.post, self.layout, self.purpose, self.duties, self.criteria, **kw)


def clean_label(text: str) -> str:
    """A heading as the gold records it: leading numbering, trailing colon and extra spaces removed."""
    text = re.sub(r"^\s*\d+(\.\d+)*\.?\s+", "", text)
    return " ".join(text.split()).rstrip(":").strip()


def start(rng: random.Random, stem: str, family: str, kinds: tuple[str, ...] | None = None) -> Draft:
    """Choose a school and a post for a new document."""
    options = [k for k in pools.POSTS if kinds is None or k.group in kinds]
    kind = rng.choice(options)
    place = rng.choice(pools.PLACES)
    kinds_of_school = [k for k in pools.SCHOOL_KINDS if kind.group == "early" or "Nursery" not in k]
    school = f"{place} {rng.choice(kinds_of_school)}"
    hours_text, hours = rng.choice(kind.hours)
    title = rng.choice(kind.titles)
    font = rng.choice(["Arial", "Calibri", "Verdana", "Times New Roman"])
    wide = font in ("Calibri", "Verdana")  # both fall back to the wide DejaVu Sans where they are not installed
    layout = Layout(title=f"{title} - {school}", font=font, size=rng.choice([10, 11] if wide else [10, 11, 11, 12]))
    return Draft(rng, stem, family, kind, school, place, title, rng.choice(kind.grades), rng.choice(kind.salaries),
                 hours_text, hours or None, rng.choice(kind.reports_to), list(kind.purposes), layout,
                 end=rng.choice(["", "", "."]))


# ------------------------------------------------------------------------------------------------
# Shared parts


DETAIL_LABELS = {
    "title": ["Job title", "Post title", "Post", "Job Title", "Title of post"],
    "organisation": ["School", "Establishment", "Employer", "School name"],
    "grade": ["Grade", "Grade/Scale", "Pay grade", "Salary grade", "Scale"],
    "salary": ["Salary", "Salary range", "Pay", "Rate of pay"],
    "hours": ["Hours", "Working hours", "Hours of work", "Contracted hours"],
    "reports_to": ["Responsible to", "Reports to", "Line manager", "Accountable to"],
}


def detail_rows(d: Draft, fields: tuple[str, ...] = ("title", "organisation", "grade", "salary", "hours",
                                                       "reports_to"), optional: float = 0.3) -> list[tuple[str, str]]:
    """(label, value) pairs for the post details; title, school and grade always, the rest at random.

    Records what it writes on ``d.post``."""
    values = {"title": d.title, "organisation": d.school, "grade": d.grade, "salary": d.salary,
              "hours": d.hours_text, "reports_to": d.reports_to}
    rows = []
    for key in fields:
        if key not in ("title", "organisation", "grade") and d.rng.random() < optional:
            continue
        rows.append((d.pick(DETAIL_LABELS[key]), values[key]))
        setattr(d.post, {"hours": "hours_per_week"}.get(key, key), d.hours if key == "hours" else values[key])
    return rows


def details_table(d: Draft, **kw) -> Table:
    shade = d.pick([None, *SHADES])
    rows = [Row([cell(label, bold=True, shade=shade), cell(value)]) for label, value in detail_rows(d, **kw)]
    return Table(rows, [5.0, 12.0], borders=d.rng.random() < 0.8)


def details_lines(d: Draft, **kw) -> list[Para]:
    return [label_value(label, value) for label, value in detail_rows(d, **kw)]


def section_heading(d: Draft, text: str, style: str | None = None) -> Para:
    """A heading drawn as a Word heading style, or as bold (sometimes capitals) body text."""
    style = style or d.pick(["Heading 2", "Heading 2", "bold", "bold-caps"])
    if style == "bold":
        return para(text, bold=True)
    if style == "bold-caps":
        return para(text.upper(), bold=True)
    return heading(text, int(style[-1]))


def purpose_blocks(d: Draft, style: str | None = None) -> list[Para]:
    """The purpose heading and one or two purpose paragraphs (gold: one item per paragraph)."""
    texts = d.sample(d.purposes, 1, 2)
    d.purpose.extend(texts)
    return [section_heading(d, d.pick(pools.PURPOSE_HEADINGS), style), *(para(t) for t in texts)]


def bullet_sections(d: Draft, sections, style: str | None = None, lead_in: bool = True) -> list[Para]:
    """Duties under the duties heading: a heading per section, then a bullet list."""
    style = style or d.pick(["Heading 3", "bold", "bold"])
    out = [section_heading(d, d.pick(pools.DUTIES_HEADINGS), "Heading 2")]
    if lead_in and d.rng.random() < 0.5:
        out.append(para(d.pick(pools.LEAD_INS)))
    glyph = d.glyph()
    for _, title, duties in sections:
        head = section_heading(d, title, style)
        out.append(head)
        out.extend(d.lists.items(duties, glyph=glyph))
        for t in duties:
            d.duty(t, head.text)
    return out


def closing(d: Draft) -> list[Para]:
    """A disclaimer and a safeguarding statement (neither is a duty)."""
    out = [para(d.pick(pools.DISCLAIMERS), italic=d.rng.random() < 0.5)]
    if d.rng.random() < 0.7:
        out.append(para(d.pick(pools.SAFEGUARDING).format(school=d.school)))
    return out


def jd_then_ps_heading(d: Draft, break_page: bool = True) -> list:
    """The common job description (details, purpose, duty bullets, disclaimer), then the person-spec heading."""
    out = [*jd_opening(d), *bullet_sections(d, d.sections()), *closing(d)]
    return [*out, *([PageBreak()] if break_page else []), section_heading(d, d.pick(pools.PS_HEADINGS), "Heading 1")]


def tick_cells(tick: str, level: str) -> list[Cell]:
    """The Essential and Desirable cells of a tick-column row."""
    return [cell(tick if level == "essential" else ""), cell(tick if level == "desirable" else "")]


def method_words(d: Draft, methods: list[str]) -> str:
    sep = d.pick([" / ", ", ", "/", " and "])
    return sep.join(d.pick(pools.METHOD_WORDS[m][:2]) if m != "assessment" else "Task" for m in methods)


def pick_methods(d: Draft, allowed: list[str]) -> list[str]:
    """A non-empty set of assessment methods, in key order."""
    n = d.rng.choice([1, 2, 2, 3])
    chosen = set(d.rng.sample(allowed, min(n, len(allowed))))
    return [m for m in allowed if m in chosen]


def standard_ps(d: Draft, groups: list[Group], methods: bool | None = None) -> list[Para | Table]:
    """The commonest person spec: category rows x Essential / Desirable cells holding bullet lists,
    with an optional How-assessed column (words) that applies to the whole row."""
    methods = d.rng.random() < 0.4 if methods is None else methods
    shade = d.pick([None, *SHADES])
    head = [d.pick(["", "Criteria", "Category", "Area", "Requirements"]), "Essential", "Desirable"]
    if methods:
        head.append(d.pick(["How assessed", "Method of assessment", "Evidence"]))
    rows = [Row([cell(h, bold=True, shade=shade) for h in head], header=True)]
    glyph = d.glyph()
    allowed = ["application_form", "interview", "references"]
    for g in groups:
        row_methods = pick_methods(d, allowed) if methods else []
        cells = [cell(g.label, bold=True)]
        for level in ("essential", "desirable"):
            texts = g.level_items(level)
            cells.append(Cell(d.lists.items(texts, glyph=glyph) if texts else [para()]))
            for t in texts:
                d.criterion(g, t, level, row_methods)
        if methods:
            cells.append(cell(method_words(d, row_methods)))
        rows.append(Row(cells))
    widths = [3.5, 6.5, 5.0, 2.5] if methods else [4.0, 7.0, 6.0]
    return [section_heading(d, d.pick(pools.PS_HEADINGS), "Heading 1"), Table(rows, widths)]


def title_block(d: Draft) -> list[Para]:
    """The usual top of a document: the school, then "Job Description" and the post title."""
    return [para(d.school, bold=True, size=14, align="center"),
            heading(d.pick(pools.JD_HEADINGS), 1),
            para(d.title, bold=True, size=13)]


def jd_opening(d: Draft, details: str | None = None) -> list:
    """School, "Job Description", the title, the details (table or lines) and the purpose."""
    details = details or d.pick(["table", "table", "lines"])
    out: list = title_block(d)
    out.extend([details_table(d)] if details == "table" else details_lines(d))
    out.extend(purpose_blocks(d))
    return out


def assessment_choice(d: Draft) -> str:
    """The word a document uses for its practical assessment (task, test, observation…)."""
    return d.pick(pools.METHOD_WORDS["assessment"])


def method_key(d: Draft, n_extra: tuple[int, int] = (1, 3)) -> tuple[list[str], dict[str, str], str]:
    """Methods a document uses, its letter for each, and the key line that explains them."""
    extra = d.sample(["references", "certificates", "assessment"], *n_extra)
    methods = ["application_form", "interview"] + [m for m in ("references", "certificates", "assessment") if m in extra]
    assess_word = assessment_choice(d)
    letters, words = {}, {}
    for m in methods:
        if m == "assessment":
            letters[m], words[m] = pools.ASSESSMENT_LETTERS[assess_word], assess_word
        else:
            letters[m], words[m] = pools.METHOD_LETTERS[m], d.pick(pools.METHOD_WORDS[m])
    form = d.rng.randrange(3)
    if form == 0:
        key = "Key: " + ", ".join(f"{letters[m]} = {words[m]}" for m in methods)
    elif form == 1:
        key = "Method of assessment: " + "; ".join(f"{letters[m]} \u2013 {words[m]}" for m in methods)
    else:
        key = "Key to assessment methods: " + "   ".join(f"({letters[m]}) {words[m]}" for m in methods)
    return methods, letters, key


def letters_text(d: Draft, methods: list[str], letters: dict[str, str], sep: str | None = None) -> str:
    return (sep or d.pick(["/", ", ", " / ", " & "])).join(letters[m] for m in methods)
