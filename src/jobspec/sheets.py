"""Tables as spreadsheets: one small table model, written as an Excel workbook (XlsxWriter) or as CSV.

Both ``jobspec export`` and ``jobspec compare --format xlsx`` build :class:`Sheet` objects and hand
them here; nothing else in jobspec knows XlsxWriter, which is imported only when a workbook is
written (start-up stays light).

Document text never becomes a formula. In a workbook every text cell is written with
``write_string`` (never ``write``, which would read ``=HYPERLINK(...)`` as a formula) and the workbook
has ``strings_to_formulas`` off, so a duty that starts with ``=`` is shown as written. A CSV file has
no cell types, so there a text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return gets a leading ``'`` (:func:`csv_safe`), which spreadsheets show as text and do not run
(the rule OWASP gives for CSV injection). Numbers are written as numbers in both.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jobspec.files import atomic_write

# column kinds: how a column's cells are stored and shown
TEXT = "text"  # a short text: one line, as wide as it needs (up to a limit)
LONG = "long"  # document text: a wide column, wrapped
INT = "int"  # whole numbers (counts)
DECIMAL = "decimal"  # hours, weeks, FTE: up to two decimals
MONEY = "money"  # pay: a currency format (the cell is a Money, or a number in pounds)
SCORE = "score"  # a 0-100 score with one decimal
SHARE = "share"  # a 0-1 share shown as a percentage
KINDS = (TEXT, LONG, INT, DECIMAL, MONEY, SCORE, SHARE)

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_WIDTH = {TEXT: 40, LONG: 70}
MAX_CELL_CHARS = 32_767  # Excel's limit for one cell
# a fixed creation date, so the same tables give the same bytes (the demo's workbook is committed)
CREATED = _dt.datetime(2025, 1, 1)

# light to dark blue (ColorBrewer "Blues", as the HTML heat maps): reads in grey and for colour-blind readers
SCALE = {"min_color": "#F7FBFF", "mid_color": "#9ECAE1", "max_color": "#3182BD"}
_CURRENCY_SYMBOL = {"GBP": "£", "EUR": "€", "USD": "$"}


@dataclass(frozen=True, slots=True)
class Col:
    title: str
    kind: str = TEXT

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")


@dataclass(frozen=True, slots=True)
class Money:
    """An amount of pay in a currency (``GBP`` when the document does not say)."""

    amount: float
    currency: str | None = None


@dataclass(slots=True)
class Sheet:
    """A table: a header row of ``columns`` and ``rows`` of cells (``str``, ``int``, ``float``, ``bool``,
    :class:`Money` or ``None`` for an empty cell).

    ``freeze`` is the number of header rows and label columns kept in view; ``color_scale`` colours
    the body (every row below the header, every column after the first ``freeze[1]``) on a
    three-colour scale (a similarity matrix); ``notes`` are lines written below the table."""

    name: str
    columns: list[Col]
    rows: list[Sequence[Any]] = field(default_factory=list)
    freeze: tuple[int, int] = (1, 0)
    color_scale: bool = False
    notes: list[str] = field(default_factory=list)
    filename: str = ""  # the CSV file's name (``posts.csv``); by default from the sheet's name
    print_scale: int | None = None  # printed at this percentage; by default as wide as the page

    @property
    def csv_name(self) -> str:
        return self.filename or self.name.lower().replace(" ", "-") + ".csv"


def csv_safe(text: str) -> str:
    """``text`` as a CSV cell that no spreadsheet reads as a formula: a leading ``'`` when it starts
    with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return."""
    return "'" + text if text.startswith(FORMULA_START) else text


def cell_text(v: Any) -> str:
    """A cell as the text a CSV file holds: numbers as Python writes them (``24790``, ``32.5``),
    yes/no, pay without its currency (the currency has a column of its own)."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, Money):
        v = v.amount
    if isinstance(v, float):
        if math.isnan(v):
            return ""
        return str(int(v)) if v.is_integer() else repr(v)
    if isinstance(v, int):
        return str(v)
    return csv_safe(str(v))


# -- CSV -----------------------------------------------------------------------------------------------

def csv_bytes(sheet: Sheet) -> bytes:
    """The sheet as CSV: UTF-8 with a byte-order mark (so Excel reads accents), RFC 4180 (CRLF line
    ends, fields quoted when they hold a comma, quote or line break), the injection guard applied."""
    buf = io.StringIO(newline="")
    w = csv.writer(buf, dialect="excel", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow([csv_safe(c.title) for c in sheet.columns])
    for row in sheet.rows:
        w.writerow([cell_text(v) for v in row])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def write_csv_folder(sheets: Sequence[Sheet], folder: Path) -> list[Path]:
    """Each sheet as ``folder/<csv_name>``, each written atomically. Returns the files written."""
    out = []
    for s in sheets:
        path = folder / s.csv_name
        atomic_write(path, csv_bytes(s))
        out.append(path)
    return out


# -- XLSX ----------------------------------------------------------------------------------------------

def xlsx_bytes(sheets: Sequence[Sheet], *, title: str = "") -> bytes:
    """The sheets as one Excel workbook (.xlsx), in order."""
    import xlsxwriter  # imported here: only a command that writes a workbook pays for it

    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                                   "strings_to_numbers": False, "nan_inf_to_errors": True})
    wb.set_properties({"title": title, "creator": "jobspec", "created": CREATED})
    fmt = _Formats(wb)
    for s in sheets:
        _sheet(wb.add_worksheet(_sheet_name(s.name)), s, fmt)
    wb.close()
    return buf.getvalue()


def write_xlsx(sheets: Sequence[Sheet], path: Path, *, title: str = "") -> None:
    """The workbook written atomically to ``path`` (the user's umask gives its permissions)."""
    atomic_write(path, xlsx_bytes(sheets, title=title))


class _Formats:
    def __init__(self, wb: Any) -> None:
        self.wb = wb
        base = {"valign": "top"}
        self.header = wb.add_format({**base, "bold": True, "bottom": 1, "bg_color": "#DDEBF7", "text_wrap": True})
        self.by_kind = {
            TEXT: wb.add_format(base),
            LONG: wb.add_format({**base, "text_wrap": True}),
            INT: wb.add_format({**base, "num_format": "0"}),
            DECIMAL: wb.add_format({**base, "num_format": "0.0#"}),
            SCORE: wb.add_format({**base, "num_format": "0.0"}),
            SHARE: wb.add_format({**base, "num_format": "0%"}),
        }
        self._money: dict[tuple[str, bool], Any] = {}
        self.note = wb.add_format({"italic": True, "font_color": "#595959"})

    def money(self, currency: str | None, whole: bool) -> Any:
        key = (currency or "GBP", whole)
        if key not in self._money:
            self._money[key] = self.wb.add_format({"valign": "top", "num_format": money_format(*key)})
        return self._money[key]


def money_format(currency: str | None = "GBP", whole: bool = True) -> str:
    """The number format of pay: ``£#,##0`` (``£#,##0.00`` for pence), another currency's symbol or
    its code."""
    sym = _CURRENCY_SYMBOL.get(currency or "GBP")
    num = "#,##0" if whole else "#,##0.00"
    if sym:
        return f"{sym}{num}"
    return f'{num} "{currency}"' if currency and currency.isalpha() and len(currency) <= 5 else num


def _sheet_name(name: str) -> str:
    for ch in "[]:*?/\\":
        name = name.replace(ch, " ")
    return name[:31]


def _sheet(ws: Any, s: Sheet, fmt: _Formats) -> None:
    ncols = len(s.columns)
    widths = [len(c.title) for c in s.columns]
    for j, c in enumerate(s.columns):
        ws.write_string(0, j, c.title, fmt.header)
    for i, row in enumerate(s.rows, 1):
        for j, (c, v) in enumerate(zip(s.columns, row, strict=True)):
            widths[j] = max(widths[j], _write(ws, i, j, c, v, fmt))
    last = len(s.rows)
    for j, c in enumerate(s.columns):
        cap = MAX_WIDTH.get(c.kind, 18)
        ws.set_column(j, j, min(max(widths[j], 6) + 2, cap + 2), fmt.by_kind.get(c.kind))
    if ncols:
        ws.autofilter(0, 0, last, ncols - 1)
    ws.freeze_panes(*s.freeze)
    # printed (or made a PDF): landscape, as wide as the page, the header row on every page
    ws.set_landscape()
    ws.set_paper(9)  # A4
    if s.print_scale:
        ws.set_print_scale(s.print_scale)
    else:
        ws.fit_to_pages(1, 0)
    ws.repeat_rows(0)
    if s.color_scale and last and ncols > s.freeze[1]:
        ws.conditional_format(1, s.freeze[1], last, ncols - 1, {
            "type": "3_color_scale", **SCALE})
    for k, line in enumerate(s.notes):
        ws.write_string(last + 2 + k, 0, line, fmt.note)


def _write(ws: Any, i: int, j: int, c: Col, v: Any, fmt: _Formats) -> int:
    """Write one cell; return how wide its text is (for the column's width)."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return 0
    if isinstance(v, bool):
        ws.write_string(i, j, "yes" if v else "no", fmt.by_kind[TEXT])
        return 3
    if isinstance(v, Money):
        whole = float(v.amount).is_integer()
        ws.write_number(i, j, v.amount, fmt.money(v.currency, whole))
        return len(f"{v.amount:,.0f}") + (1 if whole else 4)
    if isinstance(v, int | float):
        if c.kind == MONEY:
            whole = float(v).is_integer()
            ws.write_number(i, j, v, fmt.money("GBP", whole))
            return len(f"{v:,.0f}") + (1 if whole else 4)
        ws.write_number(i, j, v, fmt.by_kind.get(c.kind, fmt.by_kind[DECIMAL]))
        return len(f"{v:g}") + 1
    text = str(v)
    if len(text) > MAX_CELL_CHARS:
        text = text[: MAX_CELL_CHARS - 1] + "…"
    ws.write_string(i, j, text, fmt.by_kind[LONG if c.kind == LONG or "\n" in text else TEXT])
    return max((len(line) for line in text.split("\n")), default=0)
