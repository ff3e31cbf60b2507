"""The HTML reports in a real browser: Debian's headless Chromium, driven by Playwright for Python.

Each report (two posts, and five posts) is opened from its file:// URL and checked as a reader
would see it: the summary, the tables and the heat maps are rendered and visible, hostile text
from a job pack is shown as text and runs nothing, the console has no errors, no request leaves
the file, and a screenshot is taken. On the worked example's twenty posts, and on a two-post
report of spec files: the contents list and every link resolve, post ids lead to the posts table
and heat-map cells to the items two posts share, labels lead with the job title, a post without
duties shows "—", the posts table has grade, pay and hours, items say where they were read,
printing to A4 keeps every heat-map column, and at phone width only the tables scroll sideways.

Needs the ``chromium`` package (``/usr/bin/chromium``) and the ``playwright`` Python package
(the ``test`` extras); Playwright's own browser download is not used. Without them the tests are
skipped, saying why, except under CI, where they fail: ``make test`` installs Chromium there.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from compare_helpers import post, spec
from jobspec.comparison.engine.pair import compare
from jobspec.comparison.nway.many import compare_many
from jobspec.comparison.render import render_text

CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCRIPT = "<script>window.__pwned=1</script>"
IMG = "<img src=x onerror=window.__pwned=2>"
HOSTILE = [f"{SCRIPT} Support pupils in class", f"Prepare resources {IMG} for lessons"]
COMMON = ["Report any safeguarding concern straight away to the Designated Safeguarding Lead.",
          "Carry out other reasonable duties as directed by the headteacher.",
          "Work with individual pupils and small groups on reading, phonics and number."]


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (required under CI: `make test` installs Chromium with apt-get)")
    pytest.skip(reason)


def _chromium() -> str:
    found = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if not found:
        _unavailable("Debian's chromium is not installed (apt-get install chromium)")
    return str(found)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    executable = _chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed (pip install -e '.[test]')")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(str(profile), executable_path=executable, args=CHROMIUM_ARGS,
                                                   headless=True, viewport={"width": 1280, "height": 900})
        try:
            yield ctx
        finally:
            ctx.close()


class Page:
    """One report opened in the browser, with what it logged and asked for."""

    def __init__(self, ctx, path: Path) -> None:
        self.url = path.resolve().as_uri()
        self.console: list[tuple[str, str]] = []
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.page = ctx.new_page()
        self.page.on("console", lambda m: self.console.append((m.type, m.text)))
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.route("**/*", self._route)
        self.page.goto(self.url, wait_until="load")

    def _route(self, route) -> None:
        if route.request.url == self.url:
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def visible(self, selector: str) -> None:
        loc = self.page.locator(selector)
        assert loc.count() >= 1, f"{selector}: not in the page"
        first = loc.first
        assert first.is_visible(), f"{selector}: not visible"
        box = first.bounding_box()
        assert box and box["width"] > 0 and box["height"] > 0, f"{selector}: no size"

    def check_clean_of_errors(self) -> None:
        assert [m for m in self.console if m[0] == "error"] == []
        assert self.errors == []
        assert self.outside == [], self.outside

    def check_clean(self, shot: Path) -> None:
        assert self.page.evaluate("typeof window.__pwned") == "undefined"
        for text in (SCRIPT, IMG):
            assert self.page.get_by_text(text, exact=False).first.is_visible(), text
        assert [m for m in self.console if m[0] == "error"] == []
        assert self.errors == []
        assert self.outside == [], self.outside
        self.page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000


def test_two_post_report_in_chromium(browser, tmp_path):
    a = spec(COMMON + HOSTILE, ["Good ICT skills"], post=post(title="Teaching Assistant", grade="Grade 4"))
    b = spec(COMMON[:2] + ["Run the lunchtime gardening club"], ["Be computer literate"],
             post=post(title="Learning Mentor", grade="Grade 5"))
    report = tmp_path / "pair.html"
    report.write_text(render_text(compare(a, b), "html"), encoding="utf-8")
    page = Page(browser, report)
    assert page.page.title().startswith("Comparison: Teaching Assistant vs Learning Mentor")
    page.visible("p.summary")
    assert "B covers 2/5 of A's duties" in page.page.locator("p.summary").first.inner_text()
    page.visible("h2:text('Post details')")
    page.visible("table")
    assert page.page.locator("table").count() >= 3
    page.check_clean(tmp_path / "pair.png")


def test_nway_report_and_heat_map_in_chromium(browser, tmp_path):
    # the hostile lines in three posts (the common core) and, in other words, in one (unique to it)
    posts = [spec(COMMON + HOSTILE, ["GCSE English and maths"], post=post(title="TA", organisation="Oakfield")),
             spec(COMMON + HOSTILE, ["GCSE English and maths"], post=post(title="TA", organisation="Riverside")),
             spec(COMMON[:2] + [f"Drive the school minibus {IMG} {SCRIPT}"], [],
                  post=post(title="TA", organisation="Hillside")),
             spec(COMMON + HOSTILE, ["GCSE English and maths"], post=post(title="TA", organisation="Larchwood")),
             spec(["Manage the school office", "Process invoices"], ["Office experience"],
                  post=post(title="Office Manager", organisation="Westfield"))]
    report = tmp_path / "trust.html"
    report.write_text(render_text(compare_many(posts), "html"), encoding="utf-8")
    page = Page(browser, report)
    assert page.page.title() == "Comparison of 5 posts"
    page.visible("#summary")
    assert "5 posts compared" in page.page.locator("#summary").inner_text()
    for table in ("#heat-duties", "#heat-criteria", "#posts", "#near-duplicates", "#outliers", "#core-duties",
                  "#core-criteria"):
        page.visible(table)
    # the heat map: 5 x 5 cells, coloured, every number shown
    cells = page.page.locator("#heat-duties tbody td")
    assert cells.count() == 25
    colours = set()
    for k in range(25):
        cell = cells.nth(k)
        assert cell.is_visible() and cell.inner_text().strip()
        colours.add(cell.evaluate("c => getComputedStyle(c).backgroundColor"))
    assert len(colours) >= 3 and "rgba(0, 0, 0, 0)" not in colours
    dark = page.page.locator("#heat-duties td.h10").first
    assert dark.evaluate("c => getComputedStyle(c).color") == "rgb(255, 255, 255)"
    page.check_clean(tmp_path / "trust.png")


# --- reports that hold up in daily use: links, labels, no data, posts table, print, phone width ----

ALL_LINKS_RESOLVE = """() => [...document.querySelectorAll('a[href^="#"]')]
    .map(a => a.getAttribute('href').slice(1)).filter(id => !document.getElementById(id))"""


def _trust(tmp_path: Path) -> tuple[Path, list]:
    """The worked example's twenty posts (scripts/nway_example.py) as spec files, the tenth without
    duties, and their N-way report."""
    import importlib.util

    from jobspec.spec.yamlio import spec_to_yaml

    path = Path(__file__).resolve().parents[1] / "scripts" / "nway_example.py"
    module_spec = importlib.util.spec_from_file_location("nway_example", path)
    example = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(example)
    files, specs = [], []
    for k, (name, s) in enumerate(example.make_trust(20)):
        if k == 9:
            s.duties = []
        f = tmp_path / name
        f.write_text(spec_to_yaml(s.to_dict(), "0.1.0"), encoding="utf-8")
        files.append(f)
        specs.append(s)
    report = tmp_path / "trust.html"
    report.write_text(render_text(compare_many(specs, paths=[str(f) for f in files]), "html"), encoding="utf-8")
    return report, specs


@pytest.fixture(scope="module")
def trust(tmp_path_factory):
    return _trust(tmp_path_factory.mktemp("trust"))


@pytest.fixture
def trust_page(browser, trust):
    page = Page(browser, trust[0])
    yield page.page, trust[1]
    page.check_clean_of_errors()


def test_nway_report_has_a_contents_list_and_every_link_resolves(trust_page):
    pg, _ = trust_page
    assert pg.locator("a[href]").count() > 100
    assert pg.evaluate(ALL_LINKS_RESOLVE) == []
    contents = pg.locator("nav.contents a")
    assert contents.count() >= 10
    assert pg.evaluate("() => document.querySelector('nav.contents').compareDocumentPosition("
                       "document.querySelector('section')) & Node.DOCUMENT_POSITION_FOLLOWING")
    titles = [contents.nth(k).inner_text() for k in range(contents.count())]
    assert {"Similarity of duties", "Similarity of criteria", "Posts", "Closest pairs of posts",
            "Unique to one post", "Settings"} <= set(titles)
    assert all(pg.locator(f"section#{contents.nth(k).get_attribute('href')[1:]}").count() == 1
               for k in range(contents.count()))
    # post ids lead to the post's row in the posts table, from the heat maps and the other tables
    for where in ("#heat-duties th.label a", "#heat-criteria thead th a", "#near-duplicates a.id", "#unique h3 a.id"):
        links = pg.locator(where)
        assert links.count() >= 1, where
        for k in range(links.count()):
            target = links.nth(k).get_attribute("href")
            assert re.fullmatch(r"#post-P\d\d", target) and pg.locator(f"#posts tbody tr{target}").count() == 1
    assert pg.locator("#heat-duties th.label a").count() == 20


def test_heat_map_cells_link_to_the_items_the_two_posts_share(trust_page):
    pg, _ = trust_page
    cells = pg.locator("#heat-duties td a")
    assert cells.count() >= 20
    for k in range(cells.count()):
        a = cells.nth(k)
        href = a.get_attribute("href")
        row_id = a.evaluate("a => a.closest('tr').querySelector('th a').textContent")
        col = a.evaluate("a => a.closest('table').tHead.rows[0].cells[a.closest('td').cellIndex].textContent")
        assert href == "#pair-" + "-".join(sorted((row_id, col))), (href, row_id, col)
        assert pg.locator(f"section.pair{href}").count() == 1
    first = cells.first
    href = first.get_attribute("href")
    first.click()
    assert pg.evaluate("location.hash") == href
    section = pg.locator(f"section{href}")
    assert section.is_visible() and section.locator("table tbody tr").count() >= 3
    assert "Matched duties" in section.inner_text() and "Matched criteria" in section.inner_text()


def test_heat_map_labels_lead_with_the_job_title(trust_page):
    pg, specs = trust_page
    labels = pg.locator("#heat-duties tbody th.label")
    assert labels.count() == 20
    for k in range(20):
        th = labels.nth(k)
        pid = th.locator("a").inner_text()
        s = specs[int(pid[1:]) - 1]
        full = f"{s.post.title} — {s.post.organisation}"
        assert th.inner_text().removeprefix(pid).strip().startswith(s.post.title[:12]), th.inner_text()
        assert th.get_attribute("title") == f"{pid}: {full}"  # in full on hover
        assert pg.locator(f"#post-{pid} td").nth(1).inner_text() == full  # and in the posts table


def test_a_post_without_duties_shows_no_data_not_zero(trust_page):
    pg, specs = trust_page
    assert specs[9].duties == [] and specs[9].criteria
    row = pg.locator("#heat-duties tbody tr", has=pg.locator("th a", has_text="P10"))
    texts = row.locator("td").all_inner_texts()
    assert len(texts) == 20 and set(texts) == {"—"}
    assert row.locator("td.na").count() == 19
    column = pg.evaluate("""() => { const t = document.getElementById('heat-duties');
        const k = [...t.tHead.rows[0].cells].findIndex(c => c.textContent === 'P10');
        return [...t.tBodies[0].rows].map(r => r.cells[k].textContent); }""")
    assert set(column) == {"—"}
    # its criteria are compared as usual
    row = pg.locator("#heat-criteria tbody tr", has=pg.locator("th a", has_text="P10"))
    assert sum(t.isdigit() for t in row.locator("td").all_inner_texts()) == 19


def test_posts_table_has_grade_pay_hours_and_links_the_files(trust_page):
    pg, _ = trust_page
    heads = pg.locator("#posts thead th").all_inner_texts()
    assert heads[:6] == ["id", "post", "file", "grade", "pay", "hours"]
    assert pg.locator("#post-P01 td").all_inner_texts()[3:6] == ["Grade 3", "£22,366–£22,737 FTE, pro rata",
                                                                 "32.5 a week, term time"]
    assert pg.locator("#post-P20 td").all_inner_texts()[3:6] == ["Grade 6", "£25,979–£27,344 FTE", "37 a week"]
    link = pg.locator("#post-P01 td a[href^='file://']")
    assert link.count() == 1 and link.get_attribute("href").endswith("/oakfield-ta.yaml")
    assert Path(link.get_attribute("href").removeprefix("file://")).is_file()


def test_heat_maps_in_order_of_similarity(trust_page):
    pg, _ = trust_page
    for name in ("duties", "criteria"):
        order = pg.locator(f"#heat-{name} thead th a").all_inner_texts()
        rows = pg.locator(f"#heat-{name} tbody th a").all_inner_texts()
        assert order == rows and sorted(order) == [f"P{k:02d}" for k in range(1, 21)] and order != sorted(order)
        assert abs(order.index("P04") - order.index("P07")) == 1  # the near-copies side by side
    order = pg.locator("#heat-duties thead th a").all_inner_texts()
    ends = (order[:2], order[-2:][::-1])
    assert ["P10", "P20"] in ends  # the post without duties and the office post side by side at one end
    assert "Posts in order of similarity" in pg.locator("#similarity-duties").inner_text()


def test_nway_items_show_where_they_were_read(trust_page):
    pg, _ = trust_page
    at = pg.locator("#unique li .at")
    assert at.count() >= 8 and at.first.is_visible() and re.fullmatch(r"para \d+", at.first.inner_text())
    assert pg.locator("section.pair td .at").count() > 20
    pg.screenshot(path=str(Path(pg.url.removeprefix("file://")).with_suffix(".png")), full_page=True)


def _pdf_text(pdf: bytes) -> list[str]:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [(p.extract_text() or "") for p in doc.pages], [(p.width, p.height) for p in doc.pages]


def test_nway_report_prints_every_heat_map_column_to_a4(trust_page, trust):
    pg, _ = trust_page
    report = trust[0]
    # print styles: headers repeated on every page, no row cut in two, major sections on a page of their own
    pg.emulate_media(media="print")
    style = "([s, p]) => getComputedStyle(document.querySelector(s))[p]"
    assert pg.evaluate(style, ["#posts thead", "display"]) == "table-header-group"
    assert pg.evaluate(style, ["#posts tbody tr", "breakInside"]) == "avoid"
    assert pg.evaluate(style, ["#heat-duties tbody tr", "breakInside"]) == "avoid"
    assert pg.evaluate(style, ["section#section-posts", "breakBefore"]) == "page"
    assert pg.evaluate(style, [".heat-wrap", "overflowX"]) == "visible"
    # Chromium's print-to-PDF on A4, as the page asks (landscape) and forced to portrait: every column
    for css_size in (True, False):
        pages, sizes = _pdf_text(pg.pdf(format="A4", prefer_css_page_size=css_size, print_background=False))
        if css_size:
            assert sizes[0][0] > sizes[0][1], "landscape"
        for name in ("duties", "criteria"):
            at = next(k for k, t in enumerate(pages) if t.lstrip().startswith(f"Similarity of {name}"))
            text = pages[at]
            header = next(line for line in text.splitlines() if line.startswith("post P"))
            assert sorted(header.split()[1:]) == [f"P{k:02d}" for k in range(1, 21)], (css_size, header)
            assert len([line for line in text.splitlines() if re.match(r"P\d\d\D", line)]) == 20, (css_size, text)
    report.with_suffix(".pdf").write_bytes(pg.pdf(format="A4", prefer_css_page_size=True))


@pytest.fixture
def pair_page(browser, tmp_path):
    """A two-post report of spec files whose duties say where they were read."""
    from jobspec.spec.yamlio import spec_to_yaml

    a = spec(COMMON + ["Supervise pupils at break and lunchtime and keep the playground safe for everyone"],
             ["Good ICT skills"], post=post(title="Teaching Assistant", grade="Grade 4"), path="ta.docx")
    b = spec(COMMON[:2] + ["Run the lunchtime gardening club"], ["Be computer literate"],
             post=post(title="Learning Mentor", grade="Grade 5"), path="mentor.docx")
    files = []
    for name, s in (("ta.yaml", a), ("mentor.yaml", b)):
        for k, d in enumerate(s.duties, 1):
            d.at = f"page 1, table 2 row {k + 1}"
        files.append(tmp_path / name)
        files[-1].write_text(spec_to_yaml(s.to_dict(), "0.1.0"), encoding="utf-8")
    report = tmp_path / "pair.html"
    report.write_text(render_text(compare(*files), "html"), encoding="utf-8")
    page = Page(browser, report)
    yield page.page, files
    page.check_clean_of_errors()


def test_two_post_report_has_a_contents_list_and_links(pair_page):
    pg, files = pair_page
    assert pg.locator("a[href]").count() > 5 and pg.evaluate(ALL_LINKS_RESOLVE) == []
    for target in ("#post-details", "#duties", "#duties-matched", "#criteria", "#settings"):
        assert pg.locator(f"nav.contents a[href='{target}']").count() == 1, target
        assert pg.locator(f"section{target}").count() == 1
    for side, f in (("a", files[0]), ("b", files[1])):
        assert pg.locator(f"#post-{side} a").get_attribute("href") == f.resolve().as_uri()


def test_two_post_items_show_where_they_were_read(pair_page):
    pg, _ = pair_page
    at = pg.locator("#duties-matched td .at")
    assert at.count() >= 4 and at.first.is_visible() and at.first.inner_text().startswith("page 1, table 2 row ")
    assert pg.locator("#duties-only_a li .at").first.inner_text().startswith("page 1, table 2 row ")


def test_two_post_report_at_phone_width_scrolls_tables_in_their_box(pair_page, tmp_path):
    pg, _ = pair_page
    pg.set_viewport_size({"width": 390, "height": 844})
    assert pg.evaluate("document.documentElement.scrollWidth") <= 390
    boxes = pg.evaluate("""() => [...document.querySelectorAll('.scroll')].map(b => ({
        overflow: getComputedStyle(b).overflowX, wide: b.scrollWidth > b.clientWidth + 1,
        right: b.getBoundingClientRect().right}))""")
    assert boxes and all(b["overflow"] == "auto" and b["right"] <= 390 for b in boxes)
    assert any(b["wide"] for b in boxes)
    pg.screenshot(path=str(tmp_path / "pair-390.png"), full_page=True)


def test_two_post_report_prints_with_headers_repeated_and_no_cut_rows(pair_page):
    pg, _ = pair_page
    pg.emulate_media(media="print")
    style = "([s, p]) => getComputedStyle(document.querySelector(s))[p]"
    assert pg.evaluate(style, ["#duties-matched thead", "display"]) == "table-header-group"
    assert pg.evaluate(style, ["#duties-matched tbody tr", "breakInside"]) == "avoid"
    assert pg.evaluate(style, ["section#criteria", "breakBefore"]) == "page"
    pages, _ = _pdf_text(pg.pdf(format="A4", prefer_css_page_size=True))
    assert any(t.lstrip().startswith("Criteria") for t in pages)
