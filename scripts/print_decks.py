"""Print every built deck to PDF with headless Chromium, in reveal.js's print view.

Usage: python scripts/print_decks.py SITE_DIR
Writes SITE_DIR/slides/<id>/<id>.pdf (one 16:9 page per slide, fragments shown) and
<id>-notes.pdf (each slide followed by its speaker notes, for the trainer).
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from scripts.browser import launch  # noqa: E402

VARIANTS = {"": "print-pdf", "-notes": "print-pdf&notes"}


def print_deck(browser, index: Path) -> list[Path]:
    out = []
    for suffix, query in VARIANTS.items():
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        page.goto(f"{index.as_uri()}?{query}")
        page.wait_for_function("window.deck && window.deck.isReady()")
        page.wait_for_timeout(300)
        target = index.parent / f"{index.parent.name}{suffix}.pdf"
        page.pdf(path=str(target), width="1280px", height="720px", print_background=True,
                 margin={"top": "0", "right": "0", "bottom": "0", "left": "0"})
        page.close()
        out.append(target)
    return out


def main(site: str) -> int:
    decks = sorted(Path(site).resolve().glob("slides/*/index.html"))
    if not decks:
        print(f"no deck under {site}/slides: build the site first", file=sys.stderr)
        return 1
    with sync_playwright() as p:
        browser = launch(p)
        for index in decks:
            for pdf in print_deck(browser, index):
                print(f"{pdf} ({pdf.stat().st_size // 1024} KiB)")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "site"))
