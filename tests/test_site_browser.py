"""The website in a real browser: headless Chromium (Debian's chromium and chromium-driver) driven by Selenium,
with axe-core from npm (tests/browser, installed by .ci/run) run on every kind of page, from file:// URLs.

These tests fail, never skip, when the browser or axe-core is missing: `.ci/run` installs both.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import AS_OF, PROJECT

BROWSER = Path(__file__).resolve().parent / "browser"
AXE = BROWSER / "node_modules" / "axe-core" / "axe.min.js"
CHROMEDRIVER = Path("/usr/bin/chromedriver")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# One page of each kind the site has; the exempt case of the example is SSU's case 4 of 2024.
PAGE_KINDS = {
    "front": "index.html",
    "committee": "utvalg/ssu.html",
    "meeting (agenda and minutes)": "moter/fsu-pasientforlop/2026-05-21.html",
    "planned meeting": "moter/fsu-pasientforlop/2026-12-17.html",
    "case": "saker/ssu/2024/02.html",
    "exempt case": "saker/ssu/2024/04.html",
    "annual report": "arsrapporter/fsu-pasientforlop/2025.html",
    "decisions": "vedtak.html",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The example community published once for this module's tests."""
    from fsu_cli.publish.site import publish_site

    work = tmp_path_factory.mktemp("browser-site")
    shutil.copy(PROJECT / "fsu.yaml", work / "fsu.yaml")
    shutil.copytree(PROJECT / "data", work / "data")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FSU_NO_CACHE", "1")
        assert publish_site(work, work / "site", as_of=AS_OF) == 0
    return work / "site"


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium; a missing browser, driver or Selenium is a failure that says what to install."""
    if not CHROMEDRIVER.is_file() or shutil.which("chromium") is None:
        pytest.fail("Chromium is missing: install Debian's chromium and chromium-driver (apt-get install -y "
                    "chromium chromium-driver), or run .ci/run, which does.")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,1024", "--lang=nb"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_script_timeout(60)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"axe-core is missing ({AXE}): run 'npm ci' in tests/browser, or .ci/run, which does.")
    return AXE.read_text(encoding="utf-8")


def axe_violations(browser, axe_source: str) -> list[dict]:
    browser.execute_script(axe_source)
    return browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
        ".then(r => done(r.violations), e => done([{id: 'axe-error', help: String(e), nodes: []}]));",
        WCAG_TAGS)


def readable(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v.get('impact')}): {v['help']}")
        lines += [f"    {node['target']}: {node.get('failureSummary', '').splitlines()[-1:]}" for node in v["nodes"][:5]]
    return "\n".join(lines)


@pytest.mark.parametrize("kind", sorted(PAGE_KINDS))
def test_every_kind_of_page_passes_axe_wcag21_aa(site, browser, axe_source, kind):
    page = site / PAGE_KINDS[kind]
    assert page.is_file(), f"{kind}: {page} was not published"
    browser.get(page.as_uri())
    assert browser.execute_script("return document.documentElement.lang") == "nb"
    assert browser.execute_script("return document.querySelectorAll('h1').length") == 1
    violations = axe_violations(browser, axe_source)
    assert violations == [], f"{kind} ({PAGE_KINDS[kind]}) breaks WCAG 2.1 A/AA:\n{readable(violations)}"


# Every page of the site, in groups the workers can share: the top pages, each folder, each committee's meetings.
PAGE_GROUPS = ["*.html", "utvalg/*.html", "saker/*/*/*.html", "arsrapporter/*/*.html",
               *sorted(f"moter/{p.stem}/*.html" for p in (PROJECT / "data/committees").glob("*.yaml"))]


@pytest.mark.parametrize("pattern", PAGE_GROUPS)
def test_every_page_passes_axe_wcag21_aa(site, browser, axe_source, pattern):
    found, pages = {}, sorted(site.glob(pattern))
    assert pages, f"no page matches {pattern}"
    for page in pages:
        browser.get(page.as_uri())
        violations = axe_violations(browser, axe_source)
        if violations:
            found[page.relative_to(site).as_posix()] = readable(violations)
    assert not found, "\n".join(f"{name}:\n{text}" for name, text in found.items())


def test_axe_finds_what_it_should(tmp_path, browser, axe_source):
    """The check above is real: a page with a known fault (no lang, an unlabelled field, grey on grey) fails."""
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><html><head><title>x</title></head><body><main><h1>x</h1>'
                   '<p style="color:#aaa;background:#bbb">lite kontrast</p><input type="text"></main></body></html>',
                   encoding="utf-8")
    browser.get(bad.as_uri())
    found = {v["id"] for v in axe_violations(browser, axe_source)}
    assert {"html-has-lang", "color-contrast", "label"} <= found, found


def test_the_decisions_search_filters_from_file_urls(site, browser):
    """The page is readable without JavaScript (every row is there); with it, the search form appears and
    filters the rows from the index embedded in the page (fetch() of a file:// JSON would be blocked)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.get((site / "vedtak.html").as_uri())
    rows = browser.find_elements(By.CSS_SELECTOR, "#vedtak tbody tr")
    assert len(rows) > 5 and browser.find_element(By.ID, "filter").is_displayed()
    visible = lambda: [r.text for r in rows if r.is_displayed()]
    browser.find_element(By.ID, "sok").send_keys("Hjemmeoppfølging")
    found = visible()
    assert 0 < len(found) < len(rows) and "Viser" in browser.find_element(By.ID, "antall").text
    browser.find_element(By.ID, "sok").clear()
    browser.find_element(By.ID, "sok").send_keys(" ")  # an input event with nothing to search for
    Select(browser.find_element(By.ID, "utvalg-valg")).select_by_value("ssu")
    assert visible() and all("SSU" in text for text in visible())


def test_without_javascript_every_decision_is_listed(site):
    html = (site / "vedtak.html").read_text(encoding="utf-8")
    import json

    index = json.loads((site / "vedtak.json").read_text(encoding="utf-8"))
    assert index and all(f'id="{entry["id"]}"' in html for entry in index)
    assert '<form class="filters" id="filter" role="search" hidden>' in html


@pytest.mark.parametrize("kind", sorted(PAGE_KINDS))
def test_on_a_phone_no_page_scrolls_sideways_and_it_still_passes_axe(site, browser, axe_source, kind):
    """At 390 px a wide table scrolls within the page's main part; the page itself, its header and menu, fit."""
    browser.set_window_size(390, 900)
    try:
        browser.get((site / PAGE_KINDS[kind]).as_uri())
        wide, room = browser.execute_script(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert wide <= room, f"{kind}: the page is {wide} px wide in a {room} px window"
        violations = axe_violations(browser, axe_source)
        assert violations == [], f"{kind} on a phone breaks WCAG 2.1 A/AA:\n{readable(violations)}"
    finally:
        browser.set_window_size(1280, 1024)
