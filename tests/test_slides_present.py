"""Slides that present, measured in Chromium on every slide of every deck.

One idea per slide: at most 50 words on a slide without a table and a median of at most 30 per
deck; every text at least 24 px at the 1280×720 design size (SVG text included); content that uses
the slide instead of three lines at the top; nothing that overlaps or leaves the slide: captions,
QR codes, countdowns, slide number and controls each keep their place. Also the countdown of the
timed slides, from the deck and from the speaker view.
"""

from __future__ import annotations

import statistics

import pytest

pytestmark = pytest.mark.browser

MAX_WORDS, MEDIAN_WORDS, MIN_PX, MAX_EMPTY_BAND = 50, 30, 24, 0.45

MEASURE = """() => {
  const slide = Reveal.getCurrentSlide();
  const scale = Reveal.getScale();
  const shown = (el) => {
    const r = el.getBoundingClientRect(), cs = getComputedStyle(el);
    return r.width > 1 && r.height > 1 && cs.visibility !== 'hidden' && cs.display !== 'none';
  };
  // words a reader sees: the slide without its notes and the SVG's accessible title and description
  const copy = slide.cloneNode(true);
  copy.querySelectorAll('aside.notes, title, desc').forEach((n) => n.remove());
  const words = copy.textContent.split(/\\s+/).filter((w) => /[\\p{L}\\p{N}]/u.test(w)).length;
  // the size of every text actually drawn
  const sizes = [];
  const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || el.closest('aside.notes, title, desc') || !shown(el)) continue;
    if (el.closest('svg')) {
      const text = el.closest('text');
      sizes.push([parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a / scale, node.textContent.trim()]);
    } else {
      sizes.push([parseFloat(getComputedStyle(el).fontSize), node.textContent.trim()]);
    }
  }
  const chrome = [...document.querySelectorAll('.reveal .slide-number, .reveal .controls button.enabled')].filter(shown);
  const blocks = [...slide.querySelectorAll('.kicker, h1, h2, p, li, table, svg, figcaption, .countdown, .key-figure')]
    .filter((el) => shown(el) && !el.closest('aside.notes'));
  const box = (el) => { const r = el.getBoundingClientRect(); return {top: r.top, left: r.left, bottom: r.bottom, right: r.right}; };
  const frame = box(slide);
  const name = (el) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '');
  const overlaps = [];
  const all = [...blocks, ...chrome];
  for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) {
    const a = all[i], b = all[j];
    if (a.contains(b) || b.contains(a)) continue;
    const p = box(a), q = box(b);
    const w = Math.min(p.right, q.right) - Math.max(p.left, q.left), h = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
    if (w > 2 && h > 2) overlaps.push(name(a) + ' × ' + name(b));
  }
  const outside = blocks.filter((el) => { const r = box(el);
    return r.top < frame.top - 2 || r.left < frame.left - 2 || r.bottom > frame.bottom + 2 || r.right > frame.right + 2; }).map(name);
  // the largest horizontal band of the slide that holds nothing
  const spans = blocks.map(box).map((r) => [r.top - frame.top, r.bottom - frame.top]).sort((x, y) => x[0] - y[0]);
  let reach = 0, band = 0;
  for (const [top, bottom] of spans) { band = Math.max(band, top - reach); reach = Math.max(reach, bottom); }
  band = Math.max(band, frame.bottom - frame.top - reach);
  return {id: slide.id, words, table: !!slide.querySelector('table'), sizes, overlaps, outside,
          band: band / (frame.bottom - frame.top)};
}"""


def open_deck(browser, site, deck_id: str):
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    page.goto((site / "slides" / deck_id / "index.html").as_uri())
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    # no hash updates: their asynchronous echo would hide the fragments this test shows
    page.evaluate("Reveal.configure({ transition: 'none', backgroundTransition: 'none', hash: false, respondToHashChanges: false })")
    return page


@pytest.fixture(scope="module")
def measured(browser, site, content):
    """Every slide of every deck, measured once with all its fragments shown."""
    out = {}
    for deck in content.decks:
        page = open_deck(browser, site, deck.id)
        out[deck.id] = []
        for i in range(page.evaluate("Reveal.getTotalSlides()")):
            page.evaluate(f"Reveal.slide({i})")
            page.evaluate("Reveal.getCurrentSlide().querySelectorAll('.fragment').forEach(f => f.classList.add('visible', 'disabled'))")
            out[deck.id].append(page.evaluate(MEASURE))
        page.close()
    return out


def test_every_slide_is_measured(measured, content):
    assert set(measured) == {d.id for d in content.decks}
    assert all(len(slides) >= 15 for slides in measured.values())


def test_one_idea_per_slide_in_few_words(measured):
    for deck, slides in measured.items():
        prose = [s for s in slides if not s["table"]]
        heavy = {s["id"]: s["words"] for s in prose if s["words"] > MAX_WORDS}
        assert not heavy, (deck, heavy)
        assert statistics.median(s["words"] for s in prose) <= MEDIAN_WORDS, (deck, sorted(s["words"] for s in prose))


def test_every_text_is_24px_or_more(measured):
    small = {(deck, s["id"]): [(round(px, 1), text[:30]) for px, text in s["sizes"] if px < MIN_PX - 0.05]
             for deck, slides in measured.items() for s in slides}
    assert not {k: v for k, v in small.items() if v}


def test_content_uses_the_slide(measured):
    empty = {(deck, s["id"]): round(s["band"], 2) for deck, slides in measured.items() for s in slides
             if s["band"] > MAX_EMPTY_BAND}
    assert not empty


def test_nothing_overlaps_or_leaves_the_slide(measured):
    bad = {(deck, s["id"]): (s["overlaps"], s["outside"]) for deck, slides in measured.items() for s in slides
           if s["overlaps"] or s["outside"]}
    assert not bad


# -- the countdown --------------------------------------------------------------------------


def time_shown(page, slide_id: str) -> str:
    return page.locator(f"section#{slide_id} .countdown__time").inner_text()


def seconds_shown(page, slide_id: str) -> int:
    minutes, seconds = time_shown(page, slide_id).split(":")
    return int(minutes) * 60 + int(seconds)


def go_to(page, slide_id: str) -> None:
    page.evaluate(f"Reveal.slide(Reveal.getSlides().findIndex(s => s.id === '{slide_id}'))")


def test_timed_slides_carry_a_countdown_of_their_minutes(site, content, browser):
    for deck in content.decks:
        page = open_deck(browser, site, deck.id)
        timed = page.evaluate("""[...document.querySelectorAll('section .countdown')].map(b =>
            [b.closest('section').id, +b.dataset.seconds, +b.closest('section').dataset.timing])""")
        expected = {"exercise": 0, "debrief": 0, "pause": 0}
        for part in content.parts(deck):
            if part.kind in expected:
                expected[part.kind] += 1
        assert len(timed) == sum(expected.values()), deck.id
        assert all(seconds == timing for _, seconds, timing in timed), timed
        page.close()


def test_t_starts_pauses_and_resets_the_countdown_without_sound(site, browser):
    page = open_deck(browser, site, "formation")
    page.evaluate("""window.__tones = 0; const Ctx = window.AudioContext;
        window.AudioContext = function () { window.__tones++; return new Ctx(); }; 0""")
    go_to(page, "exercice-1")
    before = seconds_shown(page, "exercice-1")
    page.keyboard.press("t")
    page.wait_for_timeout(2300)
    running = seconds_shown(page, "exercice-1")
    assert before - 4 <= running < before, (before, running)
    page.keyboard.press("t")  # pause
    paused = time_shown(page, "exercice-1")
    page.wait_for_timeout(1500)
    assert time_shown(page, "exercice-1") == paused
    # run one to the end quickly: a timer set to a second, then T resets it
    page.evaluate("document.querySelector('#exercice-1 .countdown').dataset.seconds = 1")
    go_to(page, "exercice-1-mise-en-commun")
    page.evaluate("document.querySelector('#exercice-1-mise-en-commun .countdown').dataset.seconds = 1")
    page.keyboard.press("t")
    page.wait_for_function("document.querySelector('#exercice-1-mise-en-commun .countdown').classList.contains('is-done')")
    assert page.evaluate("window.__tones") == 0  # silent by default
    page.keyboard.press("t")
    assert time_shown(page, "exercice-1-mise-en-commun") == "0:01"
    page.close()


def test_countdown_from_the_speaker_view(site, browser):
    page = open_deck(browser, site, "formation")
    go_to(page, "exercice-2")
    with page.expect_popup() as popup:
        page.keyboard.press("s")
    speaker = popup.value
    speaker.locator(".speaker-controls-notes .value").wait_for()
    speaker.wait_for_timeout(800)  # the previews load and say hello to the projected deck
    before = seconds_shown(page, "exercice-2")
    speaker.keyboard.press("t")  # pressed in the speaker view, it drives the projected deck
    page.wait_for_timeout(2300)
    assert seconds_shown(page, "exercice-2") < before
    preview = speaker.frame_locator("#current-slide iframe")
    assert preview.locator("section#exercice-2 .countdown").evaluate("b => b.classList.contains('is-running')")
    speaker.close()
    page.close()
