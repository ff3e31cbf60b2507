"""Parse salary, hours and grade text into numbers, keeping the text as written."""

from __future__ import annotations

import re

from jobspec.extract.settings import DEFAULT_SETTINGS, ExtractSettings
from jobspec.extract.text import clean
from jobspec.spec.model import Hours, Salary

_AMOUNT = re.compile(r"£\s?(\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)\s*(k\b)?", re.I)
_PERIODS = [
    ("hour", re.compile(r"per hour|an hour|hourly|\bp/?h\b|/\s*hr?\b|/\s*hour", re.I)),
    ("day", re.compile(r"per day|a day|daily rate|/\s*day", re.I)),
    ("week", re.compile(r"per week|a week|weekly|/\s*week|\bp/?w\b", re.I)),
    ("month", re.compile(r"per month|a month|monthly|/\s*month|\bpcm\b", re.I)),
    ("year", re.compile(r"per annum|a year|per year|annual|\bp\.?a\.?\b|/\s*year|yearly", re.I)),
]
_GRADE_START = re.compile(
    r"^\s*((?:(?:grade|band|scale|level|scp|spinal|points?|njc|nhs|mps|ups|lps|hlta|leadership|main pay|"
    r"upper pay|pay band|salary band|[A-Z]\d{1,2}\b)[^£]*?))\s*(?=£|$)", re.I)


_THOUSAND = 1000.0  # "£25k"; not a limit


def _amount(m: re.Match[str]) -> float:
    v = float(m.group(1).replace(",", ""))
    return v * _THOUSAND if m.group(2) else v


def parse_salary(text: str, settings: ExtractSettings = DEFAULT_SETTINGS) -> Salary | None:
    """Salary text to numbers: FTE and actual ranges, period, pro rata. None for empty text."""
    t = clean(text)
    if not t:
        return None
    s = Salary(text=t)
    low = t.lower()
    cut = re.search(r"\+|\bplus\b|\ballowance|\bsupplement|\btlr\b|\bsen\b|\bbonus", low)
    main = t[: cut.start()] if cut else t
    actual_at = re.search(r"\bactual\b", main, re.I)
    fte_part = main[: actual_at.start()] if actual_at else main
    act_part = main[actual_at.end():] if actual_at else ""
    fte_vals = [_amount(m) for m in _AMOUNT.finditer(fte_part)][:2]
    act_vals = [_amount(m) for m in _AMOUNT.finditer(act_part)][:2]
    if fte_vals:
        s.min, s.max = min(fte_vals), max(fte_vals)
        s.currency = "GBP"
    if act_vals:
        s.actual_min, s.actual_max = min(act_vals), max(act_vals)
        s.currency = "GBP"
        if not fte_vals:
            s.min, s.max = s.actual_min, s.actual_max
            s.basis = "actual"
    if re.search(r"\bfte\b|full[- ]time equivalent", low) or actual_at and fte_vals:
        s.basis = "fte"
    s.pro_rata = bool(re.search(r"pro[- ]?rata", low))
    for name, pat in _PERIODS:
        if pat.search(low):
            s.period = name
            break
    if s.period is None and s.min is not None:
        s.period = "year" if s.min >= settings.yearly_salary_min else ("hour" if s.min < settings.hourly_salary_max else None)
    return s


def grade_in_salary(text: str) -> str | None:
    """The grade written at the start of a pay line, e.g. "Band D SCP 9 -17 £26,409 ..." -> "Band D SCP 9 -17"."""
    t = clean(text)
    if "£" not in t:
        return None
    m = _GRADE_START.match(t)
    if not m:
        return None
    g = m.group(1).strip(" ,;:-–")
    return g or None


_HOURS = re.compile(r"(\d{1,2}(?:\.\d{1,2})?)\s*(?:hours?|hrs?\.?|h)\b", re.I)
_PER_DAY = re.compile(r"(?:hours?|hrs?)\s*(?:per|a|each)\s*day", re.I)


def parse_hours(text: str, settings: ExtractSettings = DEFAULT_SETTINGS) -> Hours | None:
    """Hours text to per-week hours, term-time flag, weeks per year and FTE."""
    t = clean(text)
    if not t:
        return None
    h = Hours(text=t)
    low = t.lower()
    m = _HOURS.search(t)
    if m and not _PER_DAY.search(t[m.start():m.end() + settings.per_day_window_chars]):
        v = float(m.group(1))
        if 0 < v <= settings.max_weekly_hours:
            h.per_week = v
    elif re.fullmatch(r"\d{1,2}(?:\.\d{1,2})?", t):
        h.per_week = float(t)
    if re.search(r"term[- ]time|term[- ]only|\btto\b", low):
        h.term_time_only = True
    elif re.search(r"all year|full year|52 weeks|whole year|year[- ]round", low):
        h.term_time_only = False
    w = re.search(r"(\d{2}(?:\.\d{1,2})?)\s*weeks", low)
    if w:
        h.weeks_per_year = float(w.group(1))
    f = re.search(r"(\d?\.\d{1,4}|1(?:\.0+)?)\s*fte\b|\bfte\s*(?:of\s*)?(\d?\.\d{1,4}|1(?:\.0+)?)", low)
    if f:
        h.fte = float(f.group(1) or f.group(2))
    if h.per_week is None and h.term_time_only is None and h.weeks_per_year is None and h.fte is None:
        return h
    return h
