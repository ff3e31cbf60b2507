"""The HTML reports in a real browser: Debian's headless Chromium, driven by Playwright for Python.

Each report (two posts, and five posts) is opened from its file:// URL and checked as a reader
would see it: the summary, the tables and the heat maps are rendered and visible, hostile text
from a job pack is shown as text and runs nothing, the console has no errors, no request leaves
the file, and a screenshot is taken.

Needs the ``chromium`` package (``/usr/bin/chromium``) and the ``playwright`` Python package
(the ``test`` extras); Playwright's own browser download is not used. Without them the tests are
skipped, saying why, except under CI, where they fail: ``make test`` installs Chromium there.
"""

from __future__ import annotations

import os
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
