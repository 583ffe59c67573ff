"""axe-core, injected into the built site in Chromium: no serious or critical violation.

The front page, an article, an edition, a month of the archive and the
search box with its results open, each in the light and the dark scheme.
axe-core's script comes from the `axe-playwright-python` package (it
vendors the axe-core npm package's axe.min.js), installed with the test
extra; nothing is fetched at test time.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CHROMIUM
from test_browser import follow_system_scheme, seed_url

axe_package = pytest.importorskip("axe_playwright_python")
AXE_SCRIPT = Path(axe_package.__file__).parent / "axe.min.js"
BLOCKING = ("serious", "critical")

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed (make browser)")


def violations(page) -> list[str]:
    """axe-core's serious and critical findings on the page as it is now, one line each."""
    page.add_script_tag(path=str(AXE_SCRIPT))
    found = page.evaluate("axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)")
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:5]}"
            for v in found if v["impact"] in BLOCKING]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pages_have_no_serious_accessibility_violation(page, site_url, built_site, scheme):
    [noted] = built_site.site.glob("2019/11/20/unpredictable-sondland*")  # with the curator's note
    pages = {
        "front page": site_url,
        "article": seed_url(site_url, built_site),
        "article with a note": site_url + noted.relative_to(built_site.site).as_posix() + "/",
        "edition": site_url + "editions/2019-11-20/",
        "editions index": site_url + "editions/",
        "archive": site_url + "archive/2019/11/",
    }
    found = {}
    follow_system_scheme(page, scheme)
    for name, url in pages.items():
        page.goto(url)
        found[name] = violations(page)
    assert found == {name: [] for name in pages}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_open_search_results_have_no_serious_accessibility_violation(page, site_url, scheme):
    follow_system_scheme(page, scheme)
    page.goto(site_url)
    page.keyboard.press("/")
    page.keyboard.type("Sondland", delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    assert violations(page) == []
