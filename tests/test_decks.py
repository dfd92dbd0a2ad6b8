"""The built decks and their PDFs."""

from __future__ import annotations

import re
import unicodedata

import pypdf
from bs4 import BeautifulSoup

from test_site import OTHER_HOST, squash


def deck_page(site, deck_id: str) -> BeautifulSoup:
    return BeautifulSoup((site / "slides" / deck_id / "index.html").read_text(encoding="utf-8"), "lxml")


def slides(page) -> list:
    return page.select(".slides > section")


def cell_text(node) -> str:
    return squash(node.get_text())


def test_each_deck_is_built_with_reveal_and_its_license(site, content):
    for deck in content.decks:
        page = deck_page(site, deck.id)
        assert page.html["lang"] == "fr"
        assert "user-scalable" not in str(page.select_one('meta[name="viewport"]'))
        assert slides(page)
    assets = site / "slides" / "assets"
    assert "MIT" in (assets / "LICENSE-reveal.js.txt").read_text(encoding="utf-8")
    script = (assets / "deck.js").read_text(encoding="utf-8")  # reveal.js, then the start-up script
    assert len(script) > 50_000 and "MIT licensed" in script and "function startDeck" in script
    css = (assets / "deck.css").read_text(encoding="utf-8")  # reveal.js's, the figures', the theme's
    assert ".reveal .slides" in css and ".fig .fig__ink" in css and "--r-main-font" in css
    for deck in content.decks:  # one stylesheet and one script before the first slide shows
        page = deck_page(site, deck.id)
        assert [link["href"] for link in page.select('link[rel="stylesheet"]')] == ["../assets/deck.css"]
        assert [script["src"] for script in page.select("script[src]")] == ["../assets/deck.js"]


def test_argument_sections_match_the_deck_file(site, content):
    for deck in content.decks:
        page = deck_page(site, deck.id)
        asked = [s.number for s in deck.sections if s.kind == "argument"]
        shown = [int(m.group(1)) for s in slides(page) if (m := re.fullmatch(r"argument-(\d+)", s["id"]))]
        assert shown == asked, deck.id


def test_every_slide_has_speaker_notes(site, content):
    for deck in content.decks:
        for slide in slides(deck_page(site, deck.id)):
            notes = slide.select_one("aside.notes")
            assert notes is not None and len(notes.get_text(strip=True)) > 40, slide["id"]


def test_timing_adds_up_to_the_deck_minutes(site, content):
    for deck in content.decks:
        total = sum(int(s["data-timing"]) for s in slides(deck_page(site, deck.id)))
        assert total == round(deck.minutes * 60), deck.id


def test_tables_shown_equal_their_data(site, content):
    for deck in content.decks:
        page = deck_page(site, deck.id)
        for table_id in {t["data-table"] for t in page.select("table[data-table]")}:
            rows = [[cell_text(c) for c in tr.find_all(["th", "td"])]
                    for t in page.select(f'table[data-table="{table_id}"]') for tr in t.select("tbody tr")]
            data = content.comparison(table_id)
            assert rows == [[squash(r.criterion), squash(r.left), squash(r.right)] for r in data.shown_rows]


def test_every_deck_states_the_thesis_after_the_opener(site, content):
    for deck in content.decks:
        ids = [s["id"] for s in slides(deck_page(site, deck.id))]
        assert "thesis" in ids, deck.id
        assert ids.index("thesis") > max(i for i, sid in enumerate(ids) if sid.startswith("opener")), deck.id
        thesis = deck_page(site, deck.id).select_one("#thesis")
        said = cell_text(thesis)
        assert "prospection facile" in said and "sans effort" in said, said
        assert "start-up" in cell_text(thesis.select_one("aside.notes")), deck.id


def test_formation_shows_every_argument_table_and_the_five_beliefs(site, content):
    page = deck_page(site, "formation")
    shown = {t["data-table"] for t in page.select("table[data-table]")}
    assert {c.id for c in content.comparisons} <= shown
    beliefs = page.select_one("#opener-beliefs")
    assert [cell_text(li) for li in beliefs.select("li.fragment")] == [squash(r.criterion) for r in content.comparison("minitel").rows]


def test_qr_codes_on_each_argument_last_slide_and_closing_slide(site, content):
    for deck in content.decks:
        page = deck_page(site, deck.id)
        sections = slides(page)
        for a in (s.number for s in deck.sections if s.kind == "argument"):
            own = [s for s in sections if re.fullmatch(rf"argument-{a}(-.*)?", s["id"])]
            assert own[-1].select_one("svg.qr") is not None
            assert own[-1].select_one("figure.qr-box a")["href"].endswith(content.argument(a).url)
        assert sections[-1].select_one("svg.qr") is not None


def test_no_deck_file_refers_to_another_host(site):
    for path in (site / "slides").rglob("*"):
        if path.suffix in {".html", ".css"}:
            source = path.read_text(encoding="utf-8")
            found = [m.group(0) for m in OTHER_HOST.finditer(source)
                     if not re.search(r"<a\s[^<]*$", source[max(0, m.start() - 200): m.end()])]
            assert not found, (path, found)
        if path.suffix == ".js":
            source = path.read_text(encoding="utf-8")
            assert not re.search(r"""(fetch|import)\s*\(\s*["'`]https?://""", source), path


def test_pdf_has_one_page_per_slide(pdfs, content):
    for deck in content.decks:
        sections = slides(deck_page(pdfs, deck.id))
        count = len(sections)
        reader = pypdf.PdfReader(pdfs / "slides" / deck.id / f"{deck.id}.pdf")
        assert len(reader.pages) == count
        for section, pdf_page in zip(sections, reader.pages):  # each page prints its own slide, heading included
            heading = section.select_one("h1, h2")
            printed = re.sub(r"\s+", "", unicodedata.normalize("NFKC", squash(pdf_page.extract_text() or "")))
            assert re.sub(r"\s+", "", cell_text(heading))[:20] in printed, (deck.id, section["id"])
        box = reader.pages[0].mediabox
        assert abs(float(box.width) / float(box.height) - 16 / 9) < 0.01
        notes = pypdf.PdfReader(pdfs / "slides" / deck.id / f"{deck.id}-notes.pdf")
        assert len(notes.pages) >= 2 * count
        first_notes = squash(content.talk.title.notes)[:30]
        assert any(first_notes in squash(p.extract_text() or "") for p in notes.pages[:3])


def test_the_participants_pdf_keeps_the_quiz_answers_for_the_trainer(pdfs, content):
    deck = "formation"
    answers = [squash(a.quiz[0].choices[a.quiz[0].answer]) for a in content.arguments]
    label = squash(content.talk.label("quiz-answer"))

    def quiz_pages(name: str) -> list[str]:
        reader = pypdf.PdfReader(pdfs / "slides" / deck / name)
        pages = [squash(p.extract_text() or "") for p in reader.pages]
        return [p for p in pages if any(a[:25] in p for a in answers)]

    assert quiz_pages(f"{deck}.pdf") and not any(label in p for p in quiz_pages(f"{deck}.pdf"))
    assert sum(label in p for p in quiz_pages(f"{deck}-notes.pdf")) >= len(content.arguments)
