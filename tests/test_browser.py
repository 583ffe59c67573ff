"""The built site in a real browser: Debian's Chromium driven by playwright.

The site is served by the test on 127.0.0.1 under the repository subpath,
as GitHub Pages serves it. Screenshots land in test-artifacts/ (git-ignored).
"""
from __future__ import annotations

import pytest

from conftest import (ARTIFACTS, CHROMIUM, DESKTOP, MARKUP_DESCRIPTION, MARKUP_HEADLINE, SEED_HEADLINE,
                      serve_static)

PHONE = {"width": 390, "height": 844}

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed (make browser)")


def follow_system_scheme(page, scheme: str) -> None:
    """The tab shows what a reader whose system asks for `scheme` sees: a palette picked on an
    earlier visit (Material keeps it in localStorage) is forgotten before each page's scripts run."""
    page.emulate_media(color_scheme=scheme)
    page.add_init_script("try { localStorage.clear(); } catch (e) {}")  # (about:blank has no storage)


def seed_url(site_url: str, built_site) -> str:
    [path] = list(built_site.site.glob("2024/08/19/*/index.html"))
    return site_url + path.parent.relative_to(built_site.site).as_posix() + "/"


def test_front_page_lists_the_samples_newest_first(page, site_url):
    page.goto(site_url)
    headlines = page.locator(".digest-item__headline a").all_inner_texts()
    assert len(headlines) >= 6
    assert headlines[0] == SEED_HEADLINE
    days = page.locator(".digest-day__title time").evaluate_all("els => els.map(e => e.dateTime)")
    assert days == sorted(days, reverse=True)


def test_opening_the_seed_shows_credit_and_contributor(page, site_url):
    page.goto(site_url)
    page.get_by_role("link", name=SEED_HEADLINE).click()
    page.wait_for_url("**/2024/08/19/**")
    article = page.locator("article.digest-article")
    assert article.locator("h1").inner_text() == SEED_HEADLINE
    text = article.inner_text()
    assert "Pool photo by Kevin Mohatt" in text
    assert "Isabel Kershner" in text
    assert "Advertisement" not in page.content()


def test_search_finds_the_seed_by_a_word_of_its_body(page, site_url):
    search_finds_the_seed(page, site_url)


def test_search_finds_the_seed_on_the_zensical_build(page, zensical_url):
    """Zensical's own search box (it runs no plugin of ours, so no Pagefind)."""
    for word in ("unstinting", "Herzog"):  # words of the seed's body only
        page.goto(zensical_url + "archive/2019/11/")  # a list without the seed: only a result can show it
        assert page.get_by_text(SEED_HEADLINE).count() == 0
        page.locator(".md-search__button").click()
        page.keyboard.type(word, delay=20)
        result = page.get_by_text(SEED_HEADLINE).first
        result.wait_for(timeout=10_000)
    result.click()
    page.wait_for_url("**/2024/08/19/**")
    assert page.locator("article.digest-article h1").inner_text() == SEED_HEADLINE


def search_finds_the_seed(page, url: str) -> None:
    page.goto(url)
    for word in ("Herzog", "unstinting"):
        box = page.locator("input.md-search__input")
        box.click()
        box.fill("")
        box.press_sequentially(word, delay=20)  # Material searches on key events
        result = page.locator(".md-search-result__item", has_text=SEED_HEADLINE).first
        result.wait_for(timeout=10_000)
        assert SEED_HEADLINE in result.inner_text()
        page.keyboard.press("Escape")


LIGHT_BACKGROUNDS = ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")
# waits up to 10 s for the body's background to be dark (or light), then says whether it is
PALETTE_SETTLED = """async (dark) => {
  for (let waited = 0; waited < 10000; waited += 50) {
    if (!%s.includes(getComputedStyle(document.body).backgroundColor) === dark) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}""" % str(list(LIGHT_BACKGROUNDS)).replace("'", '"')


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_screenshots(page, site_url, built_site, scheme, width):
    ARTIFACTS.mkdir(exist_ok=True)
    page.set_viewport_size(PHONE if width == "phone" else DESKTOP)
    follow_system_scheme(page, scheme)
    for name, url in (("front", site_url), ("article", seed_url(site_url, built_site))):
        page.goto(url, wait_until="networkidle")
        # Material's script picks the palette matching the system's scheme after the page loads,
        # and the body's colour then fades in: on a busy machine it is read once it settles
        settled = page.evaluate(PALETTE_SETTLED, scheme == "dark")
        body_bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
        dark = body_bg not in LIGHT_BACKGROUNDS
        assert dark == (scheme == "dark"), (body_bg, settled)
        # nothing wider than the screen (no sideways scrolling on a phone)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (name, overflow)
        page.screenshot(path=str(ARTIFACTS / f"{name}-{width}-{scheme}.png"), full_page=False)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_by_keyboard_shows_headline_and_snippet_and_opens_the_article(page, site_url, scheme):
    """The header's search (Pagefind under the repository subpath): '/' opens it,
    a result shows the headline, date and a snippet with the word marked, in
    the site's colours; arrow and Enter open the article."""
    ARTIFACTS.mkdir(exist_ok=True)
    follow_system_scheme(page, scheme)
    page.goto(site_url, wait_until="networkidle")
    page.keyboard.press("/")
    page.keyboard.type("unstinting", delay=20)
    result = page.locator(".md-search-result__item", has_text=SEED_HEADLINE).first
    result.wait_for(timeout=10_000)
    assert result.locator("h1").inner_text() == SEED_HEADLINE
    assert "August 19, 2024" in result.inner_text()
    assert result.locator("mark").first.inner_text().lower() == "unstinting"
    ink = result.locator("h1").evaluate("el => getComputedStyle(el).color")
    light_ink = int(ink.split("(")[1].split(",")[0]) > 128
    assert light_ink == (scheme == "dark"), ink  # light text on the dark palette
    page.screenshot(path=str(ARTIFACTS / f"search-desktop-{scheme}.png"))
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/2024/08/19/**")
    assert page.locator("article.digest-article h1").inner_text() == SEED_HEADLINE
    assert not page.locator("#__search").is_checked()


def test_search_results_print_markup_in_a_headline_as_text(page, markup_site):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    with serve_static(markup_site.site) as url:
        page.goto(url)
        box = page.locator("input.md-search__input")
        box.click()
        box.press_sequentially("suits", delay=20)
        result = page.locator(".md-search-result__item", has_text="Herzog").first
        result.wait_for(timeout=10_000)
        assert result.locator("h1").inner_text() == MARKUP_HEADLINE
        assert MARKUP_DESCRIPTION in result.inner_text()
        assert page.locator(".md-search-result img").count() == 0 and not dialogs


def test_search_result_shows_the_curators_note(page, site_url):
    """A story with a sidecar note shows the note in its search result."""
    page.goto(site_url)
    page.keyboard.press("/")
    page.keyboard.type("Sondland", delay=20)
    result = page.locator(".md-search-result__item", has_text="Unpredictable Sondland").first
    result.wait_for(timeout=10_000)
    note = result.locator(".digest-search__note")
    assert "Curator's note" in note.text_content()  # (shown in capitals)
    assert "the first witness to put the president" in note.inner_text()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_edition_page_and_its_email_at_600_px(page, site_url, scheme):
    """The edition page as a reader sees it, and email.html in a 600 px wide window (a mail
    client's column): nothing wider than 600 px, nothing fetched, the notes and stories shown."""
    ARTIFACTS.mkdir(exist_ok=True)
    follow_system_scheme(page, scheme)
    page.goto(site_url + "editions/2019-11-20/", wait_until="networkidle")
    stories = page.locator(".digest-edition__story")
    assert stories.count() == 4 and "Curator's note" in stories.first.text_content()
    page.screenshot(path=str(ARTIFACTS / f"edition-desktop-{scheme}.png"), full_page=True)

    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.set_viewport_size({"width": 600, "height": 900})
    page.goto(site_url + "editions/2019-11-20/email.html", wait_until="networkidle")
    assert requests == [site_url + "editions/2019-11-20/email.html"]  # no image, font or CSS from anywhere
    assert page.evaluate("document.documentElement.scrollWidth") <= 600
    assert page.locator("table.frame").evaluate("t => t.getBoundingClientRect().width") == 600
    assert page.locator(".story").count() == 4
    background = page.locator("table.frame").evaluate("t => getComputedStyle(t).backgroundColor")
    assert (background == "rgb(255, 255, 255)") == (scheme == "light"), background  # its own dark colours
    page.screenshot(path=str(ARTIFACTS / f"email-600-{scheme}.png"), full_page=True)


BANKING = "The Future of Banking Is … You're Broke"  # the "Webpage, Complete" sample


def test_saved_pages_lead_image_is_served_by_the_site_itself(page, site_url):
    """The sample saved with its folder shows its photo from the site; nothing leaves 127.0.0.1."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url)
    page.get_by_role("link", name=BANKING).click()
    page.wait_for_url("**/2019/11/14/**")
    page.wait_for_load_state("networkidle")
    image = page.locator("article.digest-article figure.digest-figure img")
    assert image.get_attribute("alt") == "A crumpled dollar bill"
    loaded = image.evaluate("img => img.complete && img.naturalWidth")
    assert loaded == 1520
    assert image.evaluate("img => img.currentSrc").startswith(site_url + "lead-images/")
    assert "Photograph: Tim Robberts/Getty Images" in page.locator("figure.digest-figure figcaption").inner_text()
    assert requested and all(url.startswith("http://127.0.0.1:") for url in requested), requested


def test_front_page_shows_the_saved_pages_and_no_junk_from_their_folders(page, site_url):
    from test_samples import TRUTH

    page.goto(site_url)
    headlines = page.locator(".digest-item__headline a").all_inner_texts()
    assert sorted(headlines) == sorted(headline for headline, _, _ in TRUTH.values())
    assert "Share" not in headlines
