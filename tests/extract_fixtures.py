"""Compact document-model YAML for the layout-rule cases (tests/fixtures/extract/<CODE>.yaml).

A case's ``doc`` is a list of blocks (or ``{header: [...], blocks: [...]}``)::

    - h: Main duties                      # a heading (level 2); or {h: text, level: 1}
    - p: Plan lessons.                    # a paragraph; or {p: text, bold: true}
    - li: Mark work                       # a list item; or {li: text, marker: "a)", level: 1, ordered: true}
    - table:                              # rows of cells
      - [Category, Essential, Desirable]
      - [Experience, [{li: one}, {li: two}], ""]    # a cell: text (lines = paragraphs) or a block list
      - [{text: Qualifications, span: 3}]           # or {text|blocks, span}
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from jobspec.document import Block, Cell, Document, Heading, ListItem, Paragraph, Provenance, Row, Table
from jobspec.extract.pipeline import extract
from jobspec.spec.model import Source, Spec

FIXTURES = Path(__file__).parent / "fixtures" / "extract"


def _opts(value: Any, key: str) -> dict[str, Any]:
    return dict(value) if isinstance(value, dict) else {key: value}


def block(spec: dict[str, Any], path: tuple[Any, ...]) -> Block:
    prov = Provenance(path=path)
    if "h" in spec:
        o = _opts(spec["h"], "text")
        return Heading(str(o.get("text", o.get("h", ""))), level=int(o.get("level", 2)), prov=prov)
    if "p" in spec:
        o = _opts(spec["p"], "text")
        return Paragraph(str(o.get("text", "")), prov=prov, bold=bool(o.get("bold", False)))
    if "li" in spec:
        o = _opts(spec["li"], "text")
        return ListItem(str(o.get("text", "")), marker=str(o.get("marker", "•")), level=int(o.get("level", 0)),
                        ordered=bool(o.get("ordered", False)), prov=prov, bold=bool(o.get("bold", False)))
    if "table" in spec:
        return table(spec["table"], path)
    raise ValueError(f"unknown block {spec!r}")


def blocks(specs: list[Any], path: tuple[Any, ...] = ()) -> list[Block]:
    out: list[Block] = []
    for i, s in enumerate(specs):
        out.append(block(s if isinstance(s, dict) else {"p": s}, (*path, "para", i)))
    return out


def table(rows: list[list[Any]], path: tuple[Any, ...]) -> Table:
    t = Table(prov=Provenance(path=(*path, "table")))
    ncols = 0
    for ri, row in enumerate(rows):
        r = Row(prov=Provenance(path=(*path, "row", ri)))
        col = 0
        for cell in row:
            opts = cell if isinstance(cell, dict) and ("text" in cell or "blocks" in cell) else {"blocks": cell}
            span = int(opts.get("span", 1))
            if opts.get("blocks") is None and "text" not in opts:
                col += span  # None: a cell merged with the one above
                continue
            content = opts.get("blocks", opts.get("text", ""))
            cpath = (*path, "row", ri, "cell", col)
            if isinstance(content, list):
                cblocks = blocks(content, cpath)
            else:
                cblocks = [Paragraph(line, prov=Provenance(path=(*cpath, "para", k)))
                           for k, line in enumerate(str(content).split("\n"))]
            r.cells.append(Cell(blocks=cblocks, col=col, span=span, prov=Provenance(path=cpath)))
            col += span
        ncols = max(ncols, col)
        t.rows.append(r)
    t.ncols = ncols
    return t


def document(doc: Any) -> Document:
    if isinstance(doc, dict):
        return Document(blocks=blocks(doc.get("blocks") or []), header_lines=list(doc.get("header") or []))
    return Document(blocks=blocks(doc))


def load_cases() -> list[tuple[str, dict[str, Any]]]:
    """(rule code, case) for every case of every fixture file, in file order."""
    out = []
    for f in sorted(FIXTURES.glob("*.yaml")):
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
        for case in data["cases"]:
            out.append((data["rule"], case))
    return out


def run_case(case: dict[str, Any], without: str = "") -> Spec:
    """Extract a case's document, optionally with one rule left out, keeping the trace."""
    return extract(document(case["doc"]), Source("case.docx", "docx", "0" * 64), without={without} if without else (),
                   trace=True)


def _items(got: list[Any], want: list[Any], keys: tuple[str, ...]) -> tuple[list[Any], list[Any]]:
    """Project ``got`` onto what ``want`` states: a text, or a mapping of some of ``keys``, item by item."""
    out_got = []
    for i, g in enumerate(got):
        w = want[i] if i < len(want) else {}
        out_got.append(g.text if isinstance(w, str) else {k: getattr(g, k) for k in keys if k in w})
    return out_got, [w if isinstance(w, str) else {k: v for k, v in w.items() if k in keys} for w in want]


def check_case(case: dict[str, Any], without: str = "") -> None:
    """Assert what a case expects. With a rule left out (``without``), rule codes are not compared:
    only behaviour (duties, criteria, purpose, post details, what traced blocks became)."""
    spec = run_case(case, without)
    want = case["expect"]
    code_keys = () if without else ("rule",)
    if "duties" in want:
        got, exp = _items(spec.duties, want["duties"], ("text", "section", *code_keys))
        assert got == exp
    if "criteria" in want:
        got, exp = _items(spec.criteria, want["criteria"],
                          ("text", "level", "category", "category_label", "assessed_by", *code_keys))
        assert got == exp
    if "purpose" in want:
        assert spec.purpose == want["purpose"]
    if "warnings" in want:
        assert spec.warnings == want["warnings"]
    for name, value in (want.get("post") or {}).items():
        assert getattr(spec.post, name) == value, name
    for t in want.get("trace") or []:
        rec = next((r for r in spec.trace or [] if r.text == t["text"] and r.kind == t.get("kind", r.kind)), None)
        assert rec is not None, f"no trace record for {t['text']!r}"
        if "became" in t:
            assert rec.became == t["became"]
        if not without:
            assert rec.rule == t.get("rule", rec.rule)
            assert rec.made_by == t.get("made_by", rec.made_by)
