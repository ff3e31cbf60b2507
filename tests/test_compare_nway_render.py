"""Every N-way output format; hostile document text stays text (escaped HTML and Markdown, no rich
markup); the JSON contract; the heat map."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from compare_helpers import post, spec
from jobspec.comparison.nway.many import compare_many
from jobspec.comparison.render import render_text
from jobspec.comparison.report import nway_rows as render_nway_common

HOSTILE = [
    "<script>window.__pwned=1</script> Support pupils in class",
    "Prepare resources <img src=x onerror=window.__pwned=2> for lessons",
    'Read the [school policy](javascript:alert(1)) and <a href="javascript:alert(2)">this</a>',
    "Work at [Name of School] with | pipes | and *stars* and `ticks`",
]
COMMON = ["Report any safeguarding concern straight away to the Designated Safeguarding Lead.",
          "Carry out other reasonable duties as directed by the headteacher."]


def _result():
    posts = [
        spec(COMMON + HOSTILE, ["Good ICT skills & <b>bold</b>"], post=post(title="TA <script>x</script>",
                                                                           organisation="[Name of School]"), path="a.docx"),
        spec(COMMON + ["Run a <iframe src=//evil> club"], ["Good ICT skills"], post=post(title="TA"), path="b.docx"),
        spec(COMMON, ["Be computer literate"], post=post(title="Learning mentor"), path="c<d>.docx"),
    ]
    return compare_many(posts)


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: set[str] = set()
        self.attrs: list[tuple[str, str | None]] = []
        self.classes: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs += attrs
        self.classes += [v or "" for k, v in attrs if k == "class"]


def test_html_is_self_contained_escapes_text_and_has_a_heat_map():
    html = render_text(_result(), "html")
    assert html.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in html
    assert "<script" not in html and "<img" not in html and "<iframe" not in html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=window.__pwned=2&gt;" in html
    assert "<b>" not in html and "c&lt;d&gt;.docx" in html
    p = _Collect()
    p.feed(html)
    assert p.tags <= {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "h4", "p", "div", "span",
                      "table", "caption", "thead", "tbody", "tr", "th", "td", "ul", "li", "br", "code", "nav", "ol",
                      "section", "a"}
    assert not any(k == "src" or k.startswith("on") for k, _ in p.attrs)
    assert all(v.startswith("#") for k, v in p.attrs if k == "href")  # the files named do not exist here
    assert "http://" not in html and "https://" not in html
    # the heat maps: a table per section, a coloured cell with its number for every pair of posts
    for name in ("duties", "criteria"):
        table = html[html.index(f'id="heat-{name}"'):]
        table = table[:table.index("</table>")]
        cells = re.findall(r'<td class="h(\d+)"[^>]*>(?:<a href="#pair-P0\d-P0\d">)?(\d+)(?:</a>)?</td>', table)
        assert len(cells) == 3 * 2
        for step, number in cells:
            assert int(step) == min(10, int(number) // 10)
        assert table.count('class="diag"') == 3
    assert "Common core: duties in at least 2 of 3 posts" in html
    assert sum(c.startswith("h") and c[1:].isdigit() for c in p.classes) >= 12


def test_html_leaves_very_wide_matrices_to_the_json(monkeypatch):
    monkeypatch.setattr("jobspec.comparison.render.html.HTML_HEATMAP_MAX", 2)
    html = render_text(_result(), "html")
    assert 'id="heat-duties"' not in html and "too many for a heat map" in html


def test_markdown_escapes_links_html_and_table_breaks():
    md = render_text(_result(), "markdown")
    assert "<script>" not in md and "<img" not in md and "<a href" not in md and "<iframe" not in md
    assert "&lt;script&gt;" in md
    assert not re.search(r"(?<!\\)\]\(", md) and r"\[school policy\]" in md
    assert r"\| pipes \|" in md and r"\*stars\*" in md
    assert "## Similarity of duties (%)" in md and "| **P01** | — |" in md
    assert "## Common core: duties in at least 2 of 3 posts" in md and "## Unique to one post" in md
    for line in md.splitlines():
        if line.startswith("| **P0"):
            assert len(re.findall(r"(?<!\\)\|", line)) == 5, line


def test_terminal_text_keeps_brackets_and_shows_the_matrix():
    text = render_text(_result(), "terminal", width=160)
    assert "[Name of School]" in text and "3 posts compared" in text
    assert "Similarity of duties" in text and "P01" in text and "Common core: duties" in text
    assert "UNIQUE TO ONE POST" in text


def test_terminal_leaves_matrices_out_when_they_do_not_fit(monkeypatch):
    narrow = " ".join(render_text(_result(), "terminal", width=20).split())
    assert "make a matrix too wide for this terminal" in narrow and "Similarity of duties (%" not in narrow
    monkeypatch.setattr("jobspec.comparison.render.terminal.TERMINAL_MATRIX_MAX", 2)
    assert "too wide for this terminal" in render_text(_result(), "terminal", width=160)


def test_json_is_the_versioned_contract():
    data = json.loads(render_text(_result(), "json"))
    assert data["schema_version"] == 1 and data["kind"] == "nway"
    assert set(data) >= {"settings", "posts", "summary", "matrix", "core", "unique", "near_duplicates", "outliers"}
    s = data["settings"]
    assert s["min_posts"] == 2 and s["min_share"] == "default" and s["threshold"] == 50.0
    assert s["near_duplicate"] == 0.9 and "weights" in s and s["vocabulary"]["concepts"] > 0
    assert [p["id"] for p in data["posts"]] == ["P01", "P02", "P03"]
    p1 = data["posts"][0]
    assert p1["path"] == "a.docx" and p1["title"] == "TA <script>x</script>" and p1["organisation"] == "[Name of School]"
    assert p1["duties"] == 6 and set(p1["core"]) == {"duties", "criteria"} and p1["nearest"]["post"] in ("P02", "P03")
    for name in ("duties", "criteria", "all"):
        m = data["matrix"][name]
        assert len(m) == 3 and all(len(row) == 3 for row in m)
        assert all(m[i][j] == m[j][i] for i in range(3) for j in range(3)) and m[0][0] == 1.0
    core = data["core"]["duties"]
    assert {c["text"] for c in core} == set(COMMON)
    assert all(c["count"] == 3 and c["posts"] == ["P01", "P02", "P03"] and len(c["items"]) == 3 for c in core)
    assert core[0]["items"][0].keys() >= {"post", "id", "text", "score"}
    assert all("levels" in c for c in data["core"]["criteria"])
    assert set(data["unique"]) == {"P01", "P02", "P03"}
    assert {d["text"] for d in data["unique"]["P01"]["duties"]} == set(HOSTILE)
    assert data["unique"]["P02"]["duties"][0].keys() >= {"id", "text", "section", "tags"}
    assert data["summary"]["posts"] == 3 and data["summary"]["duties"]["core"] == 2


def test_two_post_json_says_its_kind():
    """The N-way report says "nway"; the two-post one, additively, "pair"."""
    from jobspec.comparison.engine.pair import compare

    data = json.loads(render_text(compare(spec(COMMON), spec(COMMON)), "json"))
    assert data["kind"] == "pair" and data["schema_version"] == 1


@pytest.mark.parametrize(("v", "step"), [(0.0, 0), (0.09, 0), (0.1, 1), (0.55, 5), (0.999, 9), (1.0, 10)])
def test_heat_steps(v, step):
    assert render_nway_common.heat_step(v) == step
    assert render_nway_common.pct(v) == f"{round(v * 100):d}"


def test_a_post_without_duties_is_no_data_in_every_human_format_and_0_in_the_json():
    """A post with no duties is not 0% like the others: every human format shows "—" (no data);
    the JSON report keeps its contract (0.0, null only where neither post has any)."""
    posts = [spec(COMMON + ["Run the library"], ["Good ICT skills"], post=post(title="TA"), path="a.docx"),
             spec(COMMON, ["Good ICT skills"], post=post(title="TA"), path="b.docx"),
             spec([], ["Good ICT skills"], post=post(title="Mentor"), path="c.docx")]
    r = compare_many(posts)
    md = render_text(r, "markdown", order="input")
    duties = md[md.index("## Similarity of duties"):md.index("## Similarity of criteria")]
    assert "| **P03** | — | — | — |" in duties and "| **P01** | — | 80 | — |" in duties
    criteria = md[md.index("## Similarity of criteria"):]
    assert "| **P03** | 100 | 100 | — |" in criteria
    term = render_text(r, "terminal", width=160, order="input").splitlines()
    rows = [line.replace(" ", "") for line in term if line.startswith("│P03│")]
    assert rows == ["│P03│—│—│—│", "│P03│100│100│—│"]  # duties, criteria
    html = render_text(r, "html", order="input")
    row = html[html.index('id="heat-duties"'):]
    row = row[row.index('<a class="id" href="#post-P03">P03</a>'):]
    row = row[:row.index("</tr>")]
    assert row.count('<td class="na"') == 2 and ">0<" not in row
    data = json.loads(render_text(r, "json"))
    assert data["matrix"]["duties"][2] == [0.0, 0.0, None]


def test_similarity_order_puts_alike_posts_side_by_side():
    import numpy as np

    # two groups, interleaved as given: 0, 2, 4 alike and 1, 3 alike
    m = np.full((5, 5), 0.1)
    for group in ((0, 2, 4), (1, 3)):
        for i in group:
            for j in group:
                m[i, j] = 0.9
    np.fill_diagonal(m, 1.0)
    order = render_nway_common.similarity_order(m)
    assert sorted(order) == [0, 1, 2, 3, 4]
    assert {frozenset(order[:3]), frozenset(order[3:])} == {frozenset((0, 2, 4)), frozenset((1, 3))} or \
        {frozenset(order[:2]), frozenset(order[2:])} == {frozenset((0, 2, 4)), frozenset((1, 3))}
    assert render_nway_common.similarity_order(m) == order  # the same run after run
    assert render_nway_common.similarity_order(np.eye(2)) == [0, 1]


def test_a_narrow_terminal_shows_a_block_a_post_with_names_whole():
    lines = render_text(_result(), "terminal", width=60).splitlines()
    k = lines.index("Posts")
    assert lines[k + 1:k + 5] == ["P01 TA <script>x</script> — [Name of School] (a.docx)",
                                  "  grade, pay, hours not stated",
                                  "  duties, criteria 6, 1; in the core 2, 1; unique 4, 0",
                                  "  mean similarity 57%; most like P03 60%"]
    wide = render_text(_result(), "terminal", width=100)
    assert "┃ post (file)" in wide and "\nPosts\n" not in wide


def test_an_outlier_s_mean_is_the_posts_table_s_whole_percentage(monkeypatch):
    # the JSON keeps three decimals (0.025); rounded again that would show 2 where the posts table shows 3
    from jobspec.comparison.nway.many import NWay

    r = _result()
    monkeypatch.setattr(NWay, "mean_similarity", lambda self: [0.02549, 0.5, 0.6])
    r.outliers = [{"post": "P01", "mean_similarity": 0.025, "median_mean_similarity": 0.5, "nearest": None}]
    md = render_text(r, "markdown")
    assert "| P01 | 3 | 50 | — |" in md
