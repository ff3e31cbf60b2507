"""Draw a :class:`~layout.Layout` as HTML for Chromium to print, the way a web page or an online
form a school prints to PDF looks: real lists (numbered ones by CSS counters, so the numbers are
text), tables with <thead> rows that repeat on every page, rowspan/colspan merges, and the page
header as Chromium's print header.
"""

from __future__ import annotations

from html import escape

from .layout import Cell, Layout, PageBreak, Para, Row, Table

TAGS = {"Heading 1": "h1", "Heading 2": "h2", "Heading 3": "h3", "Title": "h1"}
CSS = """
body { font-family: "%(font)s", sans-serif; font-size: %(size)spt; line-height: 1.25; }
p, h1, h2, h3 { margin: 0 0 5pt 0; break-inside: avoid; }
h1 { font-size: 16pt; } h2 { font-size: 13pt; margin-top: 8pt; } h3 { font-size: 11.5pt; margin-top: 6pt; }
ul, ol { margin: 0 0 6pt 0; padding-left: 2.2em; }
li { break-inside: avoid; margin: 0 0 2pt 0; }
ol { list-style: none; counter-reset: n; }
ol > li { counter-increment: n; position: relative; }
ol > li::before { position: absolute; left: -2.2em; }
ol.decimal > li::before { content: counter(n) "."; }
ol.letter > li::before { content: counter(n, lower-alpha) ")"; }
ol.multilevel > li::before { content: counters(n, ".") "."; }
ol.multilevel ol.multilevel { padding-left: 2.6em; }
ol.multilevel ol.multilevel > li::before { left: -2.8em; }
table { border-collapse: collapse; table-layout: fixed; width: 100%%; margin: 0 0 10pt 0; }
table.grid td { border: 0.75pt solid #000; }
td { vertical-align: top; padding: 3pt 5pt; text-align: left; }
td p:last-child, td ul:last-child, td ol:last-child { margin-bottom: 0; }
tr { break-inside: avoid; }
.pb { break-after: page; }
"""


def _runs(block: Para) -> str:
    out = []
    for r in block.runs:
        style = []
        if r.bold:
            style.append("font-weight:bold")
        if r.italic:
            style.append("font-style:italic")
        if r.underline:
            style.append("text-decoration:underline")
        if r.size:
            style.append(f"font-size:{r.size}pt")
        text = escape(r.text)
        out.append(f'<span style="{";".join(style)}">{text}</span>' if style else text)
    return "".join(out)


def _para(block: Para) -> str:
    tag = TAGS.get(block.style, "p")
    align = f' style="text-align:{block.align}"' if block.align else ""
    return f"<{tag}{align}>{_runs(block) or '&nbsp;'}</{tag}>"


def _list_open(block: Para) -> str:
    spec = block.lst
    assert spec is not None
    if spec.kind == "bullet":
        marker = "disc" if spec.glyph == "symbol" else f'"{spec.glyph}  "'
        return f'<ul style="list-style-type:{marker}">'
    return f'<ol class="{spec.kind}">'


def _list(items: list[Para]) -> str:
    """Nested lists from a run of list paragraphs sharing one list id."""
    tag = "ul" if items[0].lst is not None and items[0].lst.kind == "bullet" else "ol"
    html, depth = [], -1
    for item in items:
        level = item.lst.level  # type: ignore[union-attr]
        if level > depth:
            while depth < level:  # a deeper list opens inside the item before it
                html.append(_list_open(item))
                depth += 1
        else:
            while depth > level:
                html.append(f"</li></{tag}>")
                depth -= 1
            html.append("</li>")
        html.append(f"<li>{_runs(item)}")
    html.append(f"</li></{tag}>" * (depth + 1))
    return "".join(html)


def _blocks(blocks: list) -> str:
    out, i = [], 0
    while i < len(blocks):
        b = blocks[i]
        if isinstance(b, Para) and b.lst:
            j = i
            while j < len(blocks) and isinstance(blocks[j], Para) and blocks[j].lst \
                    and blocks[j].lst.list_id == b.lst.list_id:
                j += 1
            out.append(_list(blocks[i:j]))
            i = j
            continue
        if isinstance(b, PageBreak):
            out.append('<div class="pb"></div>')
        elif isinstance(b, Table):
            out.append(_table(b))
        else:
            out.append(_para(b))
        i += 1
    return "\n".join(out)


def _rowspans(table: Table) -> dict[tuple[int, int], int]:
    """(row, index of the cell in the row) -> rows covered, for cells that start a vertical merge."""
    spans: dict[tuple[int, int], int] = {}
    starts = [[sum(c.span for c in row.cells[:k]) for k in range(len(row.cells))] for row in table.rows]
    for r, row in enumerate(table.rows):
        for k, c in enumerate(row.cells):
            if c.vmerge != "restart":
                continue
            n = 1
            while r + n < len(table.rows):
                below = dict(zip(starts[r + n], table.rows[r + n].cells, strict=True)).get(starts[r][k])
                if below is None or below.vmerge != "continue":
                    break
                n += 1
            spans[(r, k)] = n
    return spans


def _cell(c: Cell, rowspan: int) -> str:
    attrs = ""
    if c.span > 1:
        attrs += f' colspan="{c.span}"'
    if rowspan > 1:
        attrs += f' rowspan="{rowspan}"'
    if c.shade:
        attrs += f' style="background:#{c.shade}"'
    return f"<td{attrs}>{_blocks(c.blocks)}</td>"


def _row(row: Row, r: int, spans: dict) -> str:
    cells = [_cell(c, spans.get((r, k), 1)) for k, c in enumerate(row.cells) if c.vmerge != "continue"]
    return "<tr>" + "".join(cells) + "</tr>"


def _table(table: Table) -> str:
    spans = _rowspans(table)
    total = sum(table.widths)
    cols = "".join(f'<col style="width:{w / total * 100:.1f}%">' for w in table.widths)
    head = [_row(row, r, spans) for r, row in enumerate(table.rows) if row.header]
    body = [_row(row, r, spans) for r, row in enumerate(table.rows) if not row.header]
    cls = ' class="grid"' if table.borders else ""
    thead = f"<thead>{''.join(head)}</thead>" if head else ""
    return f"<table{cls}><colgroup>{cols}</colgroup>{thead}<tbody>{''.join(body)}</tbody></table>"


def to_html(layout: Layout) -> str:
    css = CSS % {"font": layout.font, "size": layout.size}
    return (f'<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8"><title>{escape(layout.title)}</title>'
            f"<style>{css}</style></head><body>\n{_blocks(layout.body)}\n</body></html>\n")


def header_template(layout: Layout) -> str | None:
    """Chromium's print header (drawn on every page), or None when the document has no page header.

    Header templates take no page style sheet, so everything is styled inline."""
    if not layout.header:
        return None
    parts = []
    for block in layout.header:
        if isinstance(block, Table):
            rows = "".join("<tr>" + "".join(f'<td style="padding:0 4px;vertical-align:top">'
                                            f"{''.join(_runs(p) for p in c.blocks)}</td>" for c in row.cells) + "</tr>"
                           for row in block.rows)
            parts.append(f'<table style="width:100%;border-collapse:collapse">{rows}</table>')
        else:
            align = f";text-align:{block.align}" if block.align else ""
            parts.append(f'<p style="margin:0{align}">{_runs(block)}</p>')
    style = f"font-family:'{layout.font}',sans-serif;font-size:10px;width:100%;padding:0 2cm"
    return f'<div style="{style}">{"".join(parts)}</div>'
