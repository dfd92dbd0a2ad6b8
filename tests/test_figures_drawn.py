"""Figures as Chromium draws them, with the fonts the machine has: no text runs into another text,
across a line of the drawing, or out of the figure. The figures wrap text by an estimate of glyph
width; this test holds the estimate to what a real browser draws (on the site, in every deck)."""

from __future__ import annotations

import pytest

from test_slides_present import open_deck

pytestmark = pytest.mark.browser

CLASHES = """(deck) => [...(deck ? Reveal.getCurrentSlide() : document).querySelectorAll('svg.fig')].map((svg) => {
  const box = (el) => el.getBoundingClientRect();
  const cut = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1
                     && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  // one box per line of text: a <tspan> when the text is wrapped, else the <text>
  const lines = [...svg.querySelectorAll('text')].flatMap((t) => {
    const spans = [...t.querySelectorAll('tspan')];
    return (spans.length ? spans : [t]).map((el) => ({el, r: box(el), s: el.textContent.trim()}));
  }).filter((l) => l.s && l.r.width > 0);
  const strokes = [...svg.querySelectorAll('line, rect.fig__bar, path')].map(box).filter((r) => r.width > 0 || r.height > 0);
  const frame = box(svg), out = [];
  lines.forEach((a, i) => {
    lines.slice(i + 1).forEach((b) => { if (cut(a.r, b.r)) out.push(a.s + ' × ' + b.s); });
    // a stroke that crosses a line of text: lines are thin, so count any crossing of its box
    strokes.forEach((r) => { const t = {left: a.r.left + 2, right: a.r.right - 2, top: a.r.top + 2, bottom: a.r.bottom - 2};
      if (Math.min(t.right, r.right) >= Math.max(t.left, r.left) && Math.min(t.bottom, r.bottom) >= Math.max(t.top, r.top)) out.push(a.s + ' × trait'); });
    if (a.r.left < frame.left - 1 || a.r.right > frame.right + 1 || a.r.top < frame.top - 1 || a.r.bottom > frame.bottom + 1)
      out.push(a.s + ' hors du cadre');
  });
  return [svg.dataset.figure, out];
}).filter(([, out]) => out.length)"""


def test_figure_text_clashes_with_nothing_on_the_site(browser, site, content):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    bad = {}
    for url in [""] + [a.url for a in content.arguments]:
        page.goto((site / url / "index.html").as_uri())
        bad.update({f"{url or 'accueil'} {k}": v for k, v in page.evaluate(CLASHES, False)})
    page.close()
    assert not bad


def test_figure_text_clashes_with_nothing_in_the_decks(browser, site, content):
    bad = {}
    for deck in content.decks:
        page = open_deck(browser, site, deck.id)
        for i in range(page.evaluate("Reveal.getTotalSlides()")):
            page.evaluate(f"Reveal.slide({i})")
            bad.update({f"{deck.id} {i + 1} {k}": v for k, v in page.evaluate(CLASHES, True)})
        page.close()
    assert not bad
