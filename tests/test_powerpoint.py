"""The PowerPoint decks (`make pdf` → slides/<id>/<id>.pptx): read back with python-pptx, compared
slide by slide with the reveal.js deck, and opened by LibreOffice Impress (one conversion per format)."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pypdf
import pytest
import zxingcpp
from bs4 import BeautifulSoup
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.util import Emu

from conftest import ROOT
from test_bad_content import builds, change, project  # noqa: F401  (a fixture)
from test_decks import deck_page, slides
from test_site import squash

EMU_PX = 9525
LAYOUT = {"cover": "Couverture", "section": "Titre d’argument", "claim": "Idée", "image": "Image", "figure": "Figure",
          "table": "Tableau", "question": "Question", "points": "Liste", "agenda": "Programme", "exercise": "Exercice",
          "debrief": "Mise en commun", "pause": "Pause", "quiz": "Quiz"}
TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)


def letters(text: str) -> str:
    """Text to compare across formats: letters and digits only (list marks, spaces and quotes aside)."""
    text = "\n".join(re.sub(r"^(• |\d+\. )", "", line) for line in text.splitlines())
    return re.sub(r"\W+", "", text)


@pytest.fixture(scope="session")
def decks(pdfs, content) -> dict[str, tuple[Presentation, list]]:
    """Each format: its PowerPoint file read back, and the reveal.js deck's <section>s."""
    return {d.id: (Presentation(str(pdfs / "slides" / d.id / f"{d.id}.pptx")), slides(deck_page(pdfs, d.id)))
            for d in content.decks}


@pytest.fixture(scope="session")
def impress(pdfs, content, tmp_path_factory) -> dict[str, Path]:
    """LibreOffice converts the three files to PDF, in one run for the session."""
    soffice = os.environ.get("SOFFICE") or shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice Impress is missing: `make test` installs it (scripts/ensure-libreoffice.sh)"
    out = tmp_path_factory.mktemp("impress")
    files = [str(pdfs / "slides" / d.id / f"{d.id}.pptx") for d in content.decks]
    profile = (out / "profile").as_uri()  # its own profile: no clash with another LibreOffice running
    result = subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                             "--outdir", str(out), *files], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return {d.id: out / f"{d.id}.pdf" for d in content.decks}


def kind(section) -> str:
    return next(c[2:] for c in section["class"] if c.startswith("s-"))


def title_of(slide) -> str:
    return next(s.text_frame.text for s in slide.placeholders if s.placeholder_format.type in TITLES)


def test_one_powerpoint_slide_per_reveal_slide_with_its_layout_and_title(decks):
    for deck_id, (prs, sections) in decks.items():
        assert len(prs.slides) == len(sections), deck_id
        assert (prs.slide_width, prs.slide_height) == (Emu(1280 * EMU_PX), Emu(720 * EMU_PX))  # 16:9
        for n, (slide, section) in enumerate(zip(prs.slides, sections), 1):
            assert slide.slide_layout.name == LAYOUT[kind(section)], (deck_id, n)
            reveal_title = section["aria-label"].split(". ", 1)[1]
            assert letters(title_of(slide)) == letters(reveal_title), (deck_id, n)


def test_every_slide_has_its_notes_and_editable_text(decks):
    for deck_id, (prs, sections) in decks.items():
        for n, (slide, section) in enumerate(zip(prs.slides, sections), 1):
            notes = slide.notes_slide.notes_text_frame.text
            assert notes.strip(), (deck_id, n)
            assert letters(notes) == letters(section.select_one("aside.notes").get_text("\n")), (deck_id, n)
            texts = [s for s in slide.placeholders if s.has_text_frame and s.text_frame.text.strip()]
            assert texts, (deck_id, n)
            # Text is never a picture: pictures are the figures and the QR codes, each with its alternative text.
            for shape in slide.shapes:
                if shape.shape_type == MSO_SHAPE_TYPE.PICTURE or getattr(shape, "image", None):
                    assert shape.name in ("Figure", "Code QR"), (deck_id, n, shape.name)
                    assert shape._element.xpath(".//p:cNvPr/@descr")[0].strip(), (deck_id, n)


def test_each_slide_shows_what_its_reveal_slide_shows(decks):
    """Every text of the reveal.js slide (bar the QR caption and the countdown) is text on the PowerPoint slide."""
    for deck_id, (prs, sections) in decks.items():
        for n, (slide, section) in enumerate(zip(prs.slides, sections), 1):
            shown = letters("\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame))
            shown += letters("\n".join(c.text for s in slide.shapes if s.has_table for r in s.table.rows for c in r.cells))
            frame = BeautifulSoup(str(section.select_one(".frame")), "lxml")
            for node in frame.select("svg, figure.qr-box, .countdown, .answer, .agenda .n"):
                node.decompose()  # drawn, linked, counted or numbered by PowerPoint itself
            for block in frame.select("p, h1, h2, li, th, td"):
                if not block.find(["p", "li"]):
                    assert letters(block.get_text()) in shown, (deck_id, n, block.get_text())
            right = section.select("ol.choices > li")
            if right:  # the quiz's answer: its letter, shown on a click
                letter = "ABCD"[[li.has_attr("class") and "right" in li["class"] for li in right].index(True)]
                assert any(s.has_text_frame and s.text_frame.text.endswith(f" {letter}") and s.name == "Réponse"
                           for s in slide.shapes), (deck_id, n)


def test_one_native_table_per_table_slide(decks):
    for deck_id, (prs, sections) in decks.items():
        for n, (slide, section) in enumerate(zip(prs.slides, sections), 1):
            tables = [s.table for s in slide.shapes if s.has_table]
            html = section.select_one("table.cmp")
            if html is None:
                assert not tables, (deck_id, n)
                continue
            assert len(tables) == 1, (deck_id, n)
            cells = [[letters(c.text) for c in row.cells] for row in tables[0].rows]
            assert cells == [[letters(c.get_text()) for c in tr.select("th, td")] for tr in html.select("tr")], (deck_id, n)


def test_figures_are_drawn_at_twice_their_size_with_their_title_and_description(decks):
    checked = 0
    for deck_id, (prs, sections) in decks.items():
        for n, (slide, section) in enumerate(zip(prs.slides, sections), 1):
            svg = section.select_one("svg.fig")
            pictures = [s for s in slide.shapes if s.name == "Figure"]
            assert len(pictures) == (svg is not None), (deck_id, n)
            if svg is None:
                continue
            picture = pictures[0]
            alt = picture._element.xpath(".//p:cNvPr/@descr")[0]
            assert squash(svg.title.get_text()) in squash(alt) and squash(svg.desc.get_text()) in squash(alt)
            width, height = Image.open(io.BytesIO(picture.image.blob)).size
            assert width >= 2 * picture.width / EMU_PX - 2 and height >= 2 * picture.height / EMU_PX - 2, (deck_id, n)
            checked += 1
    assert checked >= 3 * 8  # each format shows the opener's figure and one per argument


def test_qr_codes_are_images_that_lead_where_the_deck_says(decks):
    for deck_id, (prs, sections) in decks.items():
        for n, (slide, section) in enumerate(zip(prs.slides, sections), 1):
            link = section.select_one("figure.qr-box a")
            codes = [s for s in slide.shapes if s.name == "Code QR"]
            assert len(codes) == (link is not None), (deck_id, n)
            if link is None:
                continue
            image = Image.open(io.BytesIO(codes[0].image.blob))
            assert [r.text for r in zxingcpp.read_barcodes(image)] == [link["href"]], (deck_id, n)
            assert codes[0].click_action.hyperlink.address == link["href"]


def test_slide_numbers_credit_countdowns_and_theme(decks, content):
    author, article = content.site.author, content.site.article_title
    for deck_id, (prs, sections) in decks.items():
        for n, (slide, section) in enumerate(zip(prs.slides, sections), 1):
            numbers = [s for s in slide.placeholders if s.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER]
            assert len(numbers) == 1 and numbers[0]._element.xpath('.//a:fld[@type="slidenum"]'), (deck_id, n)
            countdown = section.select_one(".countdown__time")
            if countdown is not None:  # PowerPoint has no countdown: the duration is written on the slide
                assert any(s.has_text_frame and s.text_frame.text == countdown.get_text() for s in slide.shapes)
        for slide in (prs.slides[0], prs.slides[-1]):
            text = squash(" ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame))
            assert article in text and author.name in text and author.organization in text, deck_id
        theme = prs.slide_master.part.part_related_by(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme").blob.decode()
        assert 'typeface="Arial"' in theme and "1F3A5F" in theme and "A8431A" in theme


def test_libreoffice_opens_each_file_one_page_per_slide(impress, decks):
    for deck_id, (prs, sections) in decks.items():
        reader = pypdf.PdfReader(impress[deck_id])
        assert len(reader.pages) == len(sections), deck_id
        box = reader.pages[0].mediabox
        assert abs(float(box.width) / float(box.height) - 16 / 9) < 0.01
        assert letters(title_of(prs.slides[-1])) in letters(reader.pages[-1].extract_text())


def test_presenter_page_and_offline_kit_give_the_files(pdfs, content):
    page = BeautifulSoup((pdfs / "presenter" / "index.html").read_text(encoding="utf-8"), "lxml")
    links = {a["href"] for a in page.select("a[href]")}
    with zipfile.ZipFile(pdfs / "formation" / "kit-hors-ligne.zip") as zf:
        names = set(zf.namelist())
        index = zf.read("prospection-facile/index.html").decode()
    for deck in content.decks:
        assert any(href.endswith(f"slides/{deck.id}/{deck.id}.pptx") for href in links), deck.id
        assert f"prospection-facile/slides/{deck.id}/{deck.id}.pptx" in names
        assert f'href="slides/{deck.id}/{deck.id}.pptx"' in index


def test_same_content_same_bytes(pdfs, content, tmp_path):
    """Fixed dates inside the files: a rebuild changes nothing, so the offline kit is stable too."""
    data = (pdfs / "slides" / "conference" / "conference.pptx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert {i.date_time for i in zf.infolist()} == {(2026, 1, 1, 0, 0, 0)}


# -- bad input -------------------------------------------------------------------------------------


def test_a_text_too_long_for_a_slide_stops_the_pdf_step_not_the_site(project):  # noqa: F811
    """Any text builds the site; the PowerPoint file refuses a table cell no size fits, in one line."""
    from macros.model import ContentError, load
    from slides import powerpoint

    path = project / "docs/data/comparisons.yml"
    change(path, lambda d: d[1]["rows"][0].update(left=" ".join(["donnée"] * 400)))
    builds(project)
    with pytest.raises(ContentError) as error:
        powerpoint.check(load(project), "https://example.org/", project)
    line = str(error.value)
    assert "\n" not in line and re.search(r"slides/decks/(formation|module|conference)\.yml", line), line
    assert "lead-detecte-table" in line and "no PowerPoint rendering" in line, line


def test_a_slide_kind_the_exporter_does_not_know_is_named(content):
    from macros.model import ContentError
    from slides.build import DeckBuilder
    from slides.powerpoint import Planner

    deck = content.decks[0]
    made = [s for part in DeckBuilder(content, "https://example.org/").slides(deck) for s in part]
    made[-1].kind = "video"
    with pytest.raises(ContentError) as error:
        Planner(content, "https://example.org/", ROOT).deck(deck, made)
    message = str(error.value)
    assert "\n" not in message
    assert f"slides/decks/{deck.id}.yml" in message and f"« {made[-1].id} »" in message
    assert "« video »" in message and "no PowerPoint rendering" in message
