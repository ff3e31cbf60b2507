"""The spec model: what jobspec knows about one post, independent of the source format."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = 1
CATEGORIES = ("qualifications", "experience", "knowledge_skills", "personal_qualities", "other")
LEVELS = ("essential", "desirable")
METHODS = ("application_form", "interview", "references", "certificates", "assessment", "other")


@dataclass(slots=True)
class Salary:
    text: str
    min: float | None = None
    max: float | None = None
    currency: str | None = None
    period: str | None = None  # year | month | week | day | hour
    basis: str | None = None  # fte | actual | None
    actual_min: float | None = None
    actual_max: float | None = None
    pro_rata: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text, "min": _num(self.min), "max": _num(self.max), "currency": self.currency,
            "period": self.period, "basis": self.basis, "actual_min": _num(self.actual_min),
            "actual_max": _num(self.actual_max), "pro_rata": self.pro_rata,
        }


@dataclass(slots=True)
class Hours:
    text: str
    per_week: float | None = None
    term_time_only: bool | None = None
    weeks_per_year: float | None = None
    fte: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text, "per_week": _num(self.per_week), "term_time_only": self.term_time_only,
            "weeks_per_year": _num(self.weeks_per_year), "fte": _num(self.fte),
        }


@dataclass(slots=True)
class Post:
    title: str | None = None
    organisation: str | None = None
    location: str | None = None
    reports_to: str | None = None
    responsible_for: str | None = None
    grade: str | None = None
    salary: Salary | None = None
    hours: Hours | None = None
    contract: str | None = None
    dates: dict[str, str] = field(default_factory=dict)
    other: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title, "organisation": self.organisation, "location": self.location,
            "reports_to": self.reports_to, "responsible_for": self.responsible_for, "grade": self.grade,
            "salary": self.salary.to_dict() if self.salary else None,
            "hours": self.hours.to_dict() if self.hours else None,
            "contract": self.contract, "dates": dict(self.dates), "other": dict(self.other),
        }


@dataclass(slots=True)
class Duty:
    id: str
    text: str
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    at: str | None = None
    rule: str | None = None  # the layout rule that made this a duty

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "section": self.section, "text": self.text, "tags": list(self.tags), "at": self.at,
                "rule": self.rule}


@dataclass(slots=True)
class Criterion:
    id: str
    text: str
    level: str = "essential"
    category: str = "other"
    category_label: str | None = None
    assessed_by: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    at: str | None = None
    rule: str | None = None  # the layout rule that made this a criterion

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "category": self.category, "category_label": self.category_label,
            "level": self.level, "text": self.text, "assessed_by": list(self.assessed_by),
            "tags": list(self.tags), "at": self.at, "rule": self.rule,
        }


@dataclass(slots=True)
class Statements:
    safeguarding_commitment: bool | None = None
    dbs: str | None = None  # enhanced | enhanced_barred | standard | basic

    def to_dict(self) -> dict[str, Any]:
        return {"safeguarding_commitment": self.safeguarding_commitment, "dbs": self.dbs}


@dataclass(slots=True)
class Source:
    """The document a spec was made from. ``format`` is the file's own format (``doc`` for a Word 97
    file read through LibreOffice); ``converted_by`` names the program that turned it into something
    jobspec reads (LibreOffice, or OCRmyPDF for a scan) and ``ocr`` is true when its text was
    recognised from images."""

    path: str
    format: str
    sha256: str
    encoding: str | None = None
    pages: int | None = None
    converted_by: str | None = None
    ocr: bool = False

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"path": self.path, "format": self.format, "sha256": self.sha256}
        if self.encoding:
            d["encoding"] = self.encoding
        if self.pages:
            d["pages"] = self.pages
        if self.converted_by:
            d["converted_by"] = self.converted_by
        if self.ocr:
            d["ocr"] = True
        return d


@dataclass(slots=True)
class Spec:
    """One post, normalised. ``to_dict`` gives the stable, schema-valid mapping written as YAML."""

    source: Source
    post: Post = field(default_factory=Post)
    purpose: list[str] = field(default_factory=list)
    duties: list[Duty] = field(default_factory=list)
    criteria: list[Criterion] = field(default_factory=list)
    statements: Statements = field(default_factory=Statements)
    warnings: list[str] = field(default_factory=list)
    trace: list[Any] | None = None  # what every block became, when extracted with trace=True (not written)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "source": self.source.to_dict(),
            "post": self.post.to_dict(),
            "purpose": list(self.purpose),
            "duties": [d.to_dict() for d in self.duties],
            "criteria": [c.to_dict() for c in self.criteria],
            "statements": self.statements.to_dict(),
            "warnings": list(self.warnings),
        }


def _num(v: float | None) -> float | int | None:
    """Whole numbers as int so YAML shows 37 rather than 37.0."""
    if v is None:
        return None
    return int(v) if float(v).is_integer() else round(float(v), 4)
