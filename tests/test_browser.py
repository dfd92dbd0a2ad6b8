"""The site and the decks in a real Chromium: privacy, accessibility, phone width, keyboard, QR codes."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from urllib.parse import urlparse

import pytest
import zxingcpp
from PIL import Image
from axe_playwright_python.sync_playwright import Axe

from test_site import PAGES

pytestmark = pytest.mark.browser
# preload off: axe would fetch every stylesheet again with XHR, which file:// pages refuse.
AXE_TAGS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, "preload": False}


@pytest.fixture(scope="module")
def server(site):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


class Watch:
    """Console errors and any request that leaves the allowed origin."""

    def __init__(self, page, allowed):
        self.errors, self.foreign, self.failed = [], [], []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("requestfailed", lambda r: self.failed.append(r.url))
        page.on("request", lambda r: None if allowed(r.url) else self.foreign.append(r.url))

    def assert_clean(self, where):
        assert not self.errors, (where, self.errors)
        assert not self.foreign, (where, self.foreign)
        assert not self.failed, (where, self.failed)


def local(base):
    host = urlparse(base).netloc
    return lambda url: urlparse(url).netloc == host or url.startswith(("data:", "blob:"))


def page_urls(content):
    return PAGES + [a.url for a in content.arguments]


def axe_violations(page, context=None):
    result = Axe().run(page, context=context, options=AXE_TAGS)
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result.response["violations"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pages_private_clean_and_accessible(server, browser, content, scheme):
    ctx = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    watch = Watch(page, local(server))
    problems = {}
    for url in page_urls(content):
        page.goto(server + url, wait_until="networkidle")
        found = axe_violations(page)
        if found:
            problems[url] = found
    watch.assert_clean(scheme)
    ctx.close()
    assert not problems, problems


def test_pages_fit_a_phone(server, browser, content):
    ctx = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True)
    page = ctx.new_page()
    for url in page_urls(content):
        page.goto(server + url, wait_until="networkidle")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, (url, width)
    ctx.close()


def test_glossary_definition_on_keyboard_focus(server, browser, content):
    page = browser.new_page()
    page.goto(server + content.argument(1).url)
    term = page.locator("a.gl__term").first
    tip = page.locator(f"#{term.get_attribute('aria-describedby')}")
    assert not tip.is_visible()
    term.focus()
    assert tip.is_visible()
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    page.close()


def search_results(page) -> list[str]:
    """The result links once Material has stopped updating the list (no change for 300 ms)."""
    page.wait_for_function("""() => new Promise(resolve => {
        const list = document.querySelector('.md-search-result__list');
        const done = () => { watch.disconnect(); resolve(list.children.length > 0); };
        const watch = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, 300); });
        let timer = setTimeout(done, 300);
        watch.observe(list, { childList: true, subtree: true });
    })""", timeout=10_000)
    return page.evaluate("[...document.querySelectorAll('.md-search-result__item a')].map(a => a.getAttribute('href'))")


@pytest.mark.parametrize("query, expected", [("minitel", "minitel"), ("océan rouge", "arguments/2-ocean-rouge/"),
                                             ("prospecter", "arguments/")])
def test_search_in_french(server, browser, query, expected):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server, wait_until="networkidle")
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially(query, delay=20)
    hrefs = search_results(page)
    assert any(expected in h for h in hrefs), hrefs
    assert page.locator(".md-search-result mark").count() > 0
    page.close()


# What search costs: the index, Material's worker and lunr's stemmers (overrides/partials/search-on-demand.html).
SEARCH_FILES = re.compile(r"/search/search_index\.json$|/workers/search\.[0-9a-f]+\.min\.js$|/lunr/")


@pytest.mark.parametrize("width", [1280, 375])
def test_search_costs_nothing_until_used(server, browser, content, width):
    """Nothing of the search loads with a page; opening the search loads it and finds French words.

    Fails if Material stops reading its worker from #__config or requests the index another way."""
    ctx = browser.new_context(viewport={"width": width, "height": 850})
    requested: list[str] = []
    ctx.on("request", lambda r: requested.append(urlparse(r.url).path))
    page = ctx.new_page()
    page.goto(server + content.argument(2).url, wait_until="networkidle")
    page.wait_for_timeout(500)
    assert not [p for p in requested if SEARCH_FILES.search(p)], requested
    assert any(p.endswith("/workers/search-on-demand.js") for p in requested), requested
    if width > 1000:
        page.locator("input.md-search__input").click()  # the field sits in the header
    else:
        page.locator("label.md-header__button[for=__search]").click()  # a button opens it on a phone
    page.keyboard.type("prospecter", delay=20)
    hrefs = search_results(page)
    assert any("arguments/" in h for h in hrefs), hrefs
    loaded = [p for p in requested if SEARCH_FILES.search(p)]
    assert any(p.endswith("/lunr.fr.min.js") for p in loaded) and any(p.endswith("search_index.json") for p in loaded), loaded
    ctx.close()


# -- decks, from file:// ------------------------------------------------------------------------


@pytest.fixture
def deck_page(browser, site):
    def open_deck(deck_id):
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        watch = Watch(page, lambda url: url.startswith(("file://", "data:")))
        page.goto((site / "slides" / deck_id / "index.html").as_uri())
        page.wait_for_function("window.deck && deck.isReady()")
        return page, watch
    return open_deck


def test_decks_from_file_advance_with_the_keyboard(deck_page, content):
    for deck in content.decks:
        page, watch = deck_page(deck.id)
        ids = page.evaluate("deck.getSlides().map(s => s.id)")
        for expected in ids[1:6]:
            page.keyboard.press("ArrowRight")
            while page.evaluate("deck.getCurrentSlide().id") != expected and not page.evaluate("deck.isLastSlide()"):
                page.keyboard.press("ArrowRight")  # reveal the slide's fragments one by one
            page.wait_for_function(f"location.hash === '#/{expected}'", timeout=3000)
            assert page.locator(f"section#{expected}.present").is_visible()
        watch.assert_clean(deck.id)
        page.close()


def test_every_slide_is_accessible_and_fits(deck_page, content):
    problems = {}
    for deck in content.decks:
        page, watch = deck_page(deck.id)
        # No fade: axe skips text whose opacity is still changing, and would miss a contrast failure.
        page.evaluate("deck.configure({ transition: 'none', backgroundTransition: 'none' })")
        total = page.evaluate("deck.getTotalSlides()")
        for i in range(total):
            page.evaluate(f"deck.slide({i}, 0, 99)")
            page.wait_for_timeout(30)
            sid = page.evaluate("deck.getCurrentSlide().id")
            found = axe_violations(page)
            overflow = page.evaluate("""(() => { const s = deck.getCurrentSlide();
                return [...s.querySelectorAll('*')].filter(e => !e.closest('aside')).some(e => {
                  const r = e.getBoundingClientRect(), b = document.querySelector('.slides').getBoundingClientRect();
                  return r.bottom > b.bottom + 1 || r.right > b.right + 1; }); })()""")
            focusable_elsewhere = page.evaluate("""[...document.querySelectorAll('.slides section:not(.present) a')]
                .filter(a => !a.closest('[inert]') && a.closest('section').style.display !== 'none').length""")
            if found or overflow or focusable_elsewhere:
                problems[f"{deck.id}#{sid}"] = (found, overflow, focusable_elsewhere)
        watch.assert_clean(deck.id)
        page.close()
    assert not problems, problems


def test_body_text_is_28px_or_more(deck_page):
    page, _ = deck_page("formation")
    page.evaluate("deck.slide(deck.getSlides().findIndex(s => s.id === 'argument-1-claim'))")
    sizes = page.evaluate("""[...deck.getCurrentSlide().querySelectorAll('p:not(.kicker), li')].map(e =>
        parseFloat(getComputedStyle(e).fontSize))""")
    assert sizes and min(sizes) >= 28, sizes
    assert page.evaluate("parseFloat(getComputedStyle(document.querySelector('.reveal')).fontSize)") >= 28
    page.close()


def test_qr_codes_decode_to_the_right_page(deck_page, content, tmp_path):
    page, _ = deck_page("formation")
    site_url = content_site_url(page)
    checked = 0
    for i, slide_id in enumerate(page.evaluate("deck.getSlides().map(s => s.id)")):
        if not page.locator(f"section#{slide_id} svg.qr").count():
            continue
        page.evaluate(f"deck.slide({i})")
        page.wait_for_timeout(100)
        shot = tmp_path / f"{slide_id}.png"
        page.locator(f"section#{slide_id} svg.qr").screenshot(path=str(shot))
        decoded = [r.text for r in zxingcpp.read_barcodes(Image.open(shot))]
        expected = page.locator(f"section#{slide_id} figure.qr-box a").get_attribute("href")
        assert decoded == [expected], slide_id
        assert expected.startswith(site_url)
        checked += 1
    assert checked == 7 + 2  # seven arguments, the conclusion and the closing slide
    page.close()


def content_site_url(page) -> str:
    return page.locator("section#credits figure.qr-box a").get_attribute("href")


def test_speaker_view_from_file_shows_notes_and_pacing(deck_page, content):
    page, watch = deck_page("formation")
    page.evaluate("deck.slide(deck.getSlides().findIndex(s => s.id === 'argument-2-claim'))")
    with page.expect_popup() as popup:
        page.keyboard.press("s")
    speaker = popup.value
    speaker.locator(".speaker-controls-notes .value").wait_for()
    notes = speaker.locator(".speaker-controls-notes .value").inner_text()
    assert notes.replace("\u202f", " ").replace("\u00a0", " ")[:40] == content.argument(2).notes.claim[:40]
    speaker.locator(".pacing-title").wait_for(state="visible", timeout=10_000)  # pacing from data-timing
    watch.assert_clean("speaker view")
    speaker.close()
    page.close()


def test_short_links_land_on_their_argument(server, browser, content):
    page = browser.new_page()
    for a in content.arguments:
        page.goto(f"{server}{a.number}/")
        page.wait_for_url(server + a.url, timeout=5000)
    page.close()


def test_copy_link_button_copies_the_canonical_url(server, browser, content):
    ctx = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = ctx.new_page()
    page.goto(server + content.argument(5).url)
    button = page.locator("button.share__copy")
    button.click()
    assert page.evaluate("navigator.clipboard.readText()") == button.get_attribute("data-copy")
    assert button.get_attribute("data-copy").endswith(content.argument(5).url)
    ctx.close()


def test_cite_block_dates_the_consultation_today(server, browser, content):
    """ISO 690 wants the date consulted: the reader’s today, also on a page reached by a link."""
    from datetime import date

    from macros.sharing import french_date

    today = date.today()
    page = browser.new_page()
    page.goto(server + content.argument(3).url)
    page.locator(".arg-pager__next a").first.click()
    page.wait_for_url(server + content.argument(4).url)
    page.locator(".share__cite summary").click()
    consulted = page.locator(".share__cite time.cite__today")
    assert consulted.inner_text() == french_date(today.isoformat())
    assert consulted.get_attribute("datetime") == today.isoformat()
    assert f"[consulté le {french_date(today.isoformat())}]" in page.locator(".cite__iso").inner_text().replace("\u00a0", " ")
    page.close()


def test_keyboard_only(server, browser, content):
    """A skip link first, a visible focus, and the glossary reachable with Tab alone."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server + content.argument(2).url, wait_until="networkidle")
    page.keyboard.press("Tab")
    skip = page.evaluate("""(() => { const a = document.activeElement, r = a.getBoundingClientRect();
        return [a.className, a.getAttribute('href'), r.width > 1 && r.height > 1]; })()""")
    assert "md-skip" in skip[0] and "#" in skip[1] and skip[2], skip
    reached, focus_styles = False, set()
    for _ in range(150):
        page.keyboard.press("Tab")
        state = page.evaluate("""(() => { const a = document.activeElement, s = getComputedStyle(a);
            return [a.className || '', s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 || s.boxShadow !== 'none'
                    || s.textDecorationLine.includes('underline')]; })()""")
        if "md-option" not in state[0]:  # the palette toggle's radio: its label shows the focus
            focus_styles.add(state[1])
        if "gl__term" in state[0]:
            reached = True
            tip = page.evaluate("document.getElementById(document.activeElement.getAttribute('aria-describedby')).checkVisibility()")
            assert tip
            break
    assert reached
    assert focus_styles == {True}, "an element got focus without a visible indicator"
    page.close()


def test_offline_bundle_works_from_file_after_unzipping(pdfs, browser, content, tmp_path):
    import zipfile

    with zipfile.ZipFile(pdfs / "formation" / "kit-hors-ligne.zip") as zf:
        zf.extractall(tmp_path)
    root = tmp_path / "prospection-facile"
    offline = lambda url: url.startswith(("file://", "data:"))  # noqa: E731
    page = browser.new_page()
    watch = Watch(page, offline)
    page.goto((root / "index.html").as_uri(), wait_until="load")
    assert page.locator("a").count() >= 2 * len(content.decks) + 1
    watch.assert_clean("offline bundle index")
    page.close()
    for deck in content.decks:  # one page each: a navigation would abort the last one's requests
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        watch = Watch(page, offline)
        page.goto((root / "slides" / deck.id / "index.html").as_uri(), wait_until="load")
        page.wait_for_function("window.deck && deck.isReady()")
        page.keyboard.press("ArrowRight")
        page.wait_for_function("location.hash.length > 2")
        watch.assert_clean(f"offline bundle, {deck.id}")
        page.close()
