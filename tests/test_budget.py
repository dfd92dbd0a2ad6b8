"""The weight budget: what a reader's browser downloads to show a page or a deck the first time.

Every page of the built site and every deck is loaded in Chromium; each file it requests (the
page, stylesheets, scripts, XHR, worker scripts, images) is counted as a production host sends it,
text gzipped (scripts/bench.py: transferred). A page must stay within 100 KiB, a deck within
150 KiB. Not a benchmark: nothing here is timed.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from bs4 import BeautifulSoup

from scripts.bench import transferred

pytestmark = pytest.mark.browser
KIB = 1024
PAGE_BUDGET, DECK_BUDGET = 100 * KIB, 150 * KIB


def base_path(site: Path) -> str:
    """The site's path on its host (« /mythe-prospection-facile/ »): the 404 page's links start with it."""
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "lxml")
    return urlparse(home.select_one('link[rel="canonical"]')["href"]).path


@pytest.fixture(scope="module")
def hosted(site):
    """The built site served under its public path, as the host serves it."""
    prefix = base_path(site)

    class Handler(http.server.SimpleHTTPRequestHandler):
        def translate_path(self, path):
            return super().translate_path("/" + path[len(prefix):] if path.startswith(prefix) else "/missing")

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}{prefix}"
    httpd.shutdown()


def built_pages(site: Path) -> list[str]:
    """Every HTML page of the site but the short-link redirects, by address."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        if 'http-equiv="refresh"' in path.read_text(encoding="utf-8"):
            continue
        url = path.relative_to(site).as_posix()
        pages.append(url[: -len("index.html")] if url.endswith("index.html") else url)
    return pages


def first_load(browser, base: str, site: Path, url: str) -> dict[str, int]:
    """Bytes transferred for each file the page loads, until the network has been idle a moment."""
    ctx = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True)
    requested: list[str] = []
    ctx.on("request", lambda r: requested.append(r.url))
    page = ctx.new_page()
    page.goto(base + url, wait_until="networkidle")
    page.wait_for_timeout(500)  # what starts right after the load (a deck's speaker notes plugin) counts
    ctx.close()
    sizes = {}
    for address in requested:
        if address.startswith(base):
            relative = unquote(urlparse(address).path)[len(urlparse(base).path):]
            path = site / relative
            path = path / "index.html" if path.is_dir() else path
            sizes[relative] = len(transferred(path))  # a file missing from the site fails here, loudly
    return sizes


def test_every_page_and_deck_within_budget(hosted, browser, site, content):
    decks = {f"slides/{d.id}/" for d in content.decks}
    pages = built_pages(site)
    assert decks <= set(pages) and len(pages) > len(decks) + len(content.arguments)
    over = []
    for url in pages:
        sizes = first_load(browser, hosted, site, url)
        budget = DECK_BUDGET if url in decks else PAGE_BUDGET
        total = sum(sizes.values())
        if total > budget:
            heaviest = sorted(sizes.items(), key=lambda kv: -kv[1])[:4]
            over.append(f"{url or '(home)'}: {total / KIB:.1f} KiB > {budget // KIB} KiB "
                        f"({', '.join(f'{p} {n / KIB:.1f}' for p, n in heaviest)})")
    assert not over, over


def test_budget_counts_what_the_browser_loads(hosted, browser, site, content):
    """The count covers the files a page pulls in after it starts, not only its tags."""
    sizes = first_load(browser, hosted, site, content.argument(1).url)
    assert any(re.search(r"/bundle\.[0-9a-f]+\.min\.js$", p) for p in sizes), sizes
    assert any(p.endswith("/workers/search-on-demand.js") for p in sizes), sizes  # started by the bundle
    deck = first_load(browser, hosted, site, f"slides/{content.decks[0].id}/")
    assert any(p.endswith("/notes.js") for p in deck), deck  # injected by deck.js once the deck shows
