"""Every output format; hostile document text stays text (escaped HTML and Markdown, no rich markup)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from compare_helpers import post, spec
from jobspec.comparison.engine.pair import compare
from jobspec.comparison.render import render_text

HOSTILE = [
    "Support pupils <script>alert(1)</script> in class",
    "Prepare resources <img src=x onerror=alert(1)> for lessons",
    'Read the [school policy](javascript:alert(1)) and <a href="javascript:alert(2)">this</a>',
    "Work at [Name of School] with | pipes | and *stars* and `ticks`",
]


def _comparison():
    a = spec(HOSTILE + ["Keep records of pupils' progress"], [("Good ICT skills & <b>bold</b>", "essential")],
             post=post(title="TA <script>x</script>", grade="Grade 4"))
    b = spec([h.replace("pupils", "students") for h in HOSTILE] + ["Run a <iframe src=//evil> club"],
             [("Be computer literate", "desirable")], post=post(title="TA", grade="Grade 5"))
    return compare(a, b)


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: set[str] = set()
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs += attrs


def test_html_is_self_contained_and_escapes_every_piece_of_text():
    html = render_text(_comparison(), "html")
    assert html.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in html
    assert "<script" not in html and "<img" not in html and "<iframe" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html and "&amp;" in html
    p = _Collect()
    p.feed(html)
    assert p.tags <= {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "strong", "br", "table",
                      "thead", "tbody", "tr", "th", "td", "span", "del", "ins", "ul", "li", "nav", "ol", "section", "div",
                      "a"}
    # links only within the page (#anchors); a document's text is never a link
    assert not any(k == "src" or k.startswith("on") for k, _ in p.attrs)
    assert all(v.startswith("#") for k, v in p.attrs if k == "href") and ('href', '#duties') in p.attrs
    assert "http://" not in html and "https://" not in html and "//evil" not in html.replace("src=//evil", "")


def test_markdown_escapes_links_html_and_table_breaks():
    md = render_text(_comparison(), "markdown")
    assert "<script>" not in md and "<img" not in md and "<a href" not in md
    assert "&lt;script&gt;" in md
    assert not re.search(r"(?<!\\)\]\(", md) and r"\[school policy\]" in md  # no live Markdown link
    assert r"\| pipes \|" in md and r"\*stars\*" in md
    for line in md.splitlines():
        if line.startswith("| ") and "---" not in line:
            assert len(re.findall(r"(?<!\\)\|", line)) in (4, 5, 6, 7, 8), line
    assert "B covers" in md and "## Duties" in md and "## Criteria" in md and "## Post details" in md


def test_markdown_keeps_a_plain_ampersand_and_escapes_one_that_starts_an_entity():
    from jobspec.comparison.render.markdown import md

    assert md("Health & Safety, R&D") == "Health & Safety, R&D"
    assert md("Fish &amp; chips &#169; <b>") == "Fish &amp;amp; chips &amp;#169; &lt;b&gt;"


def test_terminal_text_keeps_brackets_and_shows_summary():
    text = render_text(_comparison(), "terminal", width=160)
    assert "[Name of School]" in text
    assert re.search(r"B covers \d+/5 of A's duties", text)
    assert "Post details" in text and "Grade 4" in text and "Grade 5" in text


def test_json_format_is_the_contract():
    data = json.loads(render_text(_comparison(), "json"))
    assert data["schema_version"] == 1 and data["a"]["post"]["title"] == "TA <script>x</script>"
    assert data["criteria"]["matched"][0]["level_change"] == "essential->desirable"


def _reworded():
    """One reworded duty (a short qualifier added), one identical duty, one conflicting criterion."""
    a = spec(["Maintain good order and discipline among pupils on the school site.", "Keep records up to date"],
             [("Paediatric first aid certificate", "essential", "qualifications")])
    b = spec(["Maintain good order and discipline among staff and pupils on the school site.", "Keep records up to date!"],
             [("First Aid at Work certificate", "essential", "qualifications")])
    return compare(a, b, possible=1)


WHY = ("words: maintain, order, discipline, pupils, school, site — concepts: Behaviour management and positive "
       "behaviour; Premises, site and caretaking — meaning 0.96")
CONFLICT = "differs on: First aid course (paediatric / at work)"


def test_every_format_shows_a_rewording_s_words_and_why_the_pair_was_made():
    c = _reworded()
    data = json.loads(render_text(c, "json"))
    reworded, identical = data["duties"]["matched"]
    assert (reworded["kind"], identical["kind"], identical["score"]) == ("reworded", "identical", 100.0)
    assert reworded["score"] < 100 and {"op": "insert", "text": "staff and"} in reworded["diff"]
    assert reworded["why"]["words"] == ["maintain", "order", "discipline", "pupils", "school", "site"]
    assert (reworded["why"]["meaning"], identical["why"]["meaning"]) == (0.96, 1.0)
    assert data["criteria"]["matched"] == []
    assert data["criteria"]["possible"][0]["why"]["conflicts"][0]["contrast"] == "first_aid_course"

    md = render_text(c, "markdown")
    assert "| what changed | why paired |" in md
    assert "Maintain good order and discipline among **staff and** pupils on the school site. | " + WHY + " |" in md
    assert "| identical | `D002` Keep records up to date | `D002` Keep records up to date! | — |" in md
    assert CONFLICT in md

    html = render_text(c, "html")
    assert "among <ins>staff and</ins> pupils" in html
    assert f'<td class="muted">{WHY}</td>' in html and CONFLICT in html

    text = " ".join(render_text(c, "terminal", width=1000).split())  # plain text: no colour, so marks
    assert "among {+staff and+} pupils on the school site." in text
    assert "why: " + WHY in text and "why: words: first, aid, certificate — concepts: First aid and medical needs — meaning 0.59" in text and CONFLICT in text


def test_a_colour_terminal_marks_reworded_words_by_style_alone():
    import io

    from rich.console import Console

    from jobspec.comparison.render import renderables

    buf = io.StringIO()
    con = Console(file=buf, width=300, force_terminal=True, color_system="standard", markup=False)
    for r in renderables(_reworded(), 300):
        con.print(r)
    out = buf.getvalue()
    assert "{+" not in out and re.search(r"\x1b\[[0-9;]*32m ?staff and", out)  # green, no text marks
