"""LinkedIn carousels (issue 13): the PDFs `make pdf` prints, read back as a reader's tools would.

pypdf reads the pages, the text, the fonts and the metadata; PDFium (pypdfium2) draws the pages as
a viewer would, to decode the QR code and to look at the margins.
"""

from __future__ import annotations

from dataclasses import replace

import pypdf
import pypdfium2
import pytest
import zxingcpp

from conftest import ROOT
from macros import carousel, citation
from scripts.print_pdfs import print_carousels
from test_sharing import SITE_URL, plain

SERIES = citation.file_name(None)


@pytest.fixture(scope="module")
def layouts(content) -> dict:
    return {c.name: c for c in carousel.layout(content, ROOT, SITE_URL)}


def pdf(site, name: str) -> pypdf.PdfReader:
    return pypdf.PdfReader(site / "carrousels" / f"{name}.pdf")


def words(text: str) -> str:
    # Inter draws ’ and ʼ (U+02BC) with one glyph, and the PDF's text map names the latter: same look, same letter.
    return " ".join(plain(text).replace("\u02bc", "’").split())


def page_texts(reader: pypdf.PdfReader) -> list[str]:
    return [words(page.extract_text()) for page in reader.pages]


def test_one_carousel_per_argument_and_one_for_the_series(pdfs, content):
    found = sorted(p.stem for p in (pdfs / "carrousels").glob("*.pdf"))
    assert found == sorted([SERIES, *(citation.file_name(a) for a in content.arguments)])


def test_pages_are_4_by_5_and_count_5_to_12(pdfs, content):
    for path in sorted((pdfs / "carrousels").glob("*.pdf")):
        reader = pypdf.PdfReader(path)
        assert 5 <= len(reader.pages) <= 12, path.name
        for page in reader.pages:
            assert (float(page.mediabox.width), float(page.mediabox.height)) == (1080, 1350), path.name
        assert path.stat().st_size < 2_000_000, path.name
    assert len(pdf(pdfs, SERIES).pages) == 1 + 1 + len(content.arguments) + 1  # cover, opener, claims, link
    for a in content.arguments:
        assert len(pdf(pdfs, citation.file_name(a)).pages) == 7


def test_title_and_language(pdfs, content):
    for a in content.arguments:
        reader = pdf(pdfs, citation.file_name(a))
        assert words(reader.metadata.title) == words(f"{content.site.label('argument')} {a.number} : {a.title}")
        assert reader.trailer["/Root"]["/Lang"] == "fr"
    series = pdf(pdfs, SERIES)
    assert series.metadata.title.startswith(content.site.article_title)
    assert series.trailer["/Root"]["/Lang"] == "fr"


def fonts(reader: pypdf.PdfReader) -> dict[str, bool]:
    """Every font the pages use (in forms too): its name, and whether its program is embedded."""
    found: dict[str, bool] = {}

    def visit(resources) -> None:
        resources = resources.get_object() if resources else {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            found[str(font["/BaseFont"])] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
        for xobject in (resources.get("/XObject") or {}).values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Form":
                visit(xobject.get("/Resources"))

    for page in reader.pages:
        visit(page.get("/Resources"))
    return found


def test_only_inter_and_embedded(pdfs):
    for path in sorted((pdfs / "carrousels").glob("*.pdf")):
        used = fonts(pypdf.PdfReader(path))
        assert used, path.name
        assert all(embedded for embedded in used.values()), (path.name, used)
        names = {name.split("+")[-1] for name in used}  # subset prefix « AAAAAA+ »
        assert names <= {"Inter-Regular", "Inter-Bold", "Inter-ExtraBold"}, (path.name, names)


def test_text_is_real_and_in_order(pdfs, content, layouts):
    s = content.site
    for a in content.arguments:
        text = page_texts(pdf(pdfs, citation.file_name(a)))
        fig = content.figure_for(a.number)
        assert words(carousel.plain(a.title)) in text[0] and str(a.number) in text[0]
        assert words(carousel.plain(a.promise_line)) in text[1]
        assert words(carousel.plain(a.reality_line)) in text[2]
        assert words(carousel.plain(fig.title)) in text[3] and words(carousel.plain(fig.caption)) in text[3]
        assert all(words(carousel.plain(t)) in text[4] for t in a.takeaways)
        assert words(carousel.plain(a.question)) in text[5]
        last = text[6].replace(" ", "")
        assert f"{SITE_URL}{a.number}/".removeprefix("https://") in last
        assert s.author.name.replace(" ", "") in last and s.article_title.replace(" ", "") in last
    series = page_texts(pdf(pdfs, SERIES))
    assert words(s.article_title) in series[0]
    assert words(carousel.plain(content.figure_for(0).title)) in series[1]
    for a, page in zip(content.arguments, series[2:9]):
        assert words(carousel.plain(a.claim)) in page
    assert SITE_URL.removeprefix("https://") in series[9].replace(" ", "")


def render(site, name: str, index: int, scale: float):
    document = pypdfium2.PdfDocument(str(site / "carrousels" / f"{name}.pdf"))
    try:
        return document[index].render(scale=scale).to_pil().convert("RGB")
    finally:
        document.close()


def test_last_page_qr_code_leads_to_the_short_link(pdfs, content):
    for a in content.arguments:
        image = render(pdfs, citation.file_name(a), 6, 1)
        assert [r.text for r in zxingcpp.read_barcodes(image)] == [f"{SITE_URL}{a.number}/"]
        assert (pdfs / str(a.number) / "index.html").is_file()  # the short link the code leads to
    image = render(pdfs, SERIES, len(content.arguments) + 2, 1)
    assert [r.text for r in zxingcpp.read_barcodes(image)] == [SITE_URL]


def test_nothing_is_drawn_in_the_margins(pdfs, layouts):
    """Every page, drawn by PDFium: the outer band (two thirds of the margin) is the bare background."""
    band = int(carousel.PAD * 2 / 3 / 2)  # at scale 1/2
    for name, item in layouts.items():
        for index in range(len(item.pages)):
            image = render(pdfs, name, index, 0.5)
            w, h = image.size
            background = image.getpixel((1, 1))
            for box in ((0, 0, w, band), (0, h - band, w, h), (0, 0, band, h), (w - band, 0, w, h)):
                colours = image.crop(box).getcolors(maxcolors=4)
                assert colours is not None and {c for _, c in colours} == {background}, (name, index + 1, box)


def test_type_is_large_on_a_phone(layouts):
    """At 390 px wide a page shows at 36 % of its size: texts stay at 40 pt (14 px) or more, notes at 26 pt."""
    for item in layouts.values():
        for page in item.pages:
            for text in page.main:
                assert text.size >= (30 if text.role == "caption" else 40), (item.name, page.kind, text.role, text.size)
            for text in (*page.bottom, *([page.kicker] if page.kicker else []), item.footer):
                assert text.size >= 26, (item.name, page.kind, text.role, text.size)


@pytest.mark.browser
def test_two_builds_give_the_same_bytes(pdfs, browser, tmp_path):
    made = print_carousels(browser, tmp_path)
    assert len(made) == len(list((pdfs / "carrousels").glob("*.pdf")))
    for path in made:
        assert path.read_bytes() == (pdfs / "carrousels" / path.name).read_bytes(), path.name


@pytest.mark.browser
def test_the_browser_stops_a_line_that_leaves_its_box(layouts, browser, tmp_path):
    """A line wider than its box (as if the font measured wrong) stops the PDF step with one line naming the field."""
    item = layouts[citation.file_name(None)]
    claim_page = item.pages[3]
    claim = claim_page.main[1]
    wide = replace(claim, lines=(" ".join(claim.lines),))
    broken = replace(item, pages=(*item.pages[:3], replace(claim_page, main=(claim_page.main[0], wide)), *item.pages[4:]))
    with pytest.raises(SystemExit) as stop:
        print_carousels(browser, tmp_path, items=[broken])
    message = str(stop.value)
    assert message.startswith("Bad content: docs/arguments/2-ocean-rouge.md: front matter: claim: too long for a carousel page")
    assert "\n" not in message
    assert not (tmp_path / item.path).exists()
