"""The decks answer reveal.js's documented global API, from file:// and over http; the handout page is clean."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from test_browser import Watch, local, server  # noqa: F401  (a fixture)

pytestmark = pytest.mark.browser
READY = "typeof Reveal !== 'undefined' && Reveal.isReady()"


def slide_ids(site, deck_id) -> list[str]:
    page = BeautifulSoup((site / "slides" / deck_id / "index.html").read_text(encoding="utf-8"), "lxml")
    return [s["id"] for s in page.select(".slides > section")]


@pytest.mark.parametrize("scheme", ["file", "http"])
def test_the_global_reveal_drives_each_deck(browser, server, site, content, scheme):  # noqa: F811
    version = json.loads((ROOT / "node_modules/reveal.js/package.json").read_text())["version"]
    for deck in content.decks:
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        if scheme == "file":
            url, allowed = (site / "slides" / deck.id / "index.html").as_uri(), lambda u: u.startswith(("file://", "data:"))
        else:
            url, allowed = f"{server}slides/{deck.id}/", local(server)
        watch = Watch(page, allowed)
        page.goto(url)
        page.wait_for_function(READY)
        ids = slide_ids(site, deck.id)
        assert page.evaluate("Reveal.VERSION") == version
        assert page.evaluate("window.deck === Reveal")  # older callers keep working
        assert page.evaluate("Reveal.getTotalSlides()") == len(ids)
        for index in (3, len(ids) - 1, 0):
            page.evaluate(f"Reveal.slide({index})")
            page.wait_for_function(f"Reveal.getCurrentSlide().id === {ids[index]!r}")
            page.wait_for_function(f"location.hash === '#/{ids[index]}'")
            live = page.evaluate("[...document.querySelectorAll('.slides > section')].filter(s => !s.inert).map(s => s.id)")
            assert live == [ids[index]], (deck.id, index, live)  # hidden slides stay inert
            assert page.evaluate("Reveal.getIndices().h") == index
        watch.assert_clean(f"{deck.id} over {scheme}")
        page.close()


def test_the_handout_page_is_clean_and_not_indexed(browser, server, site):  # noqa: F811
    page = browser.new_page()
    watch = Watch(page, local(server))
    page.goto(server + "formation/support/", wait_until="networkidle")
    assert page.locator('meta[name="robots"]').get_attribute("content") == "noindex"
    assert page.evaluate("document.querySelector('link[rel=icon]').href").endswith("/assets/favicon.svg")
    watch.assert_clean("handout")  # no 404 for a favicon, no console error
    page.close()
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>" in sitemap and not re.search(r"formation/support/?<", sitemap)
