"""Print the decks and the handout to PDF with headless Chromium, then pack the offline kit.

Usage: python scripts/print_pdfs.py SITE_DIR
Writes, inside the built site:
- slides/<id>/<id>.pdf: one 16:9 page per slide, fragments shown (reveal.js's print view);
- slides/<id>/<id>-notes.pdf: each slide followed by its speaker notes, for the trainer;
- formation/support-participant.pdf: the A4 handout, page numbers in the footer;
- slides/<id>/<id>.pptx: the same deck as an editable PowerPoint file (slides/powerpoint.py), its
  figures rendered here by Chromium at twice their size;
- formation/kit-hors-ligne.zip: the decks, their PDFs and PowerPoint files and the handout, working
  from file://;
- carrousels/<name>.pdf: the LinkedIn carousels (macros/carousel.py lays them out), one per argument
  and one for the series, with fixed dates so that two builds give the same bytes.
"""

from __future__ import annotations

import base64
import html
import re
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from macros import carousel  # noqa: E402
from macros.model import ContentError, load  # noqa: E402
from macros.sharing import git_dates  # noqa: E402
from scripts.browser import launch  # noqa: E402
from slides import powerpoint  # noqa: E402
from slides.build import HANDOUT  # noqa: E402

VARIANTS = {"": "print-pdf", "-notes": "print-pdf&notes"}
HANDOUT_PDF = "formation/support-participant.pdf"
BUNDLE = "formation/kit-hors-ligne.zip"
BUNDLE_ROOT = "prospection-facile"
FOOTER = ('<div style="width:100%;font-size:8pt;color:#4a5563;text-align:center;font-family:sans-serif">'
          '<span class="pageNumber"></span> / <span class="totalPages"></span></div>')


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


def print_handout(browser, site: Path) -> Path:
    page = browser.new_page()
    page.goto((site / HANDOUT).as_uri())
    target = site / HANDOUT_PDF
    page.pdf(path=str(target), format="A4", print_background=True, prefer_css_page_size=True,
             display_header_footer=True, header_template="<span></span>", footer_template=FOOTER)
    page.close()
    return target


def figure_raster(browser, root: Path):
    """SVG figure → PNG at twice the size it takes on the slide, drawn by Chromium with the deck's
    palette (docs/assets/figures.css) and Arimo (Arial's metrics, from npm): the same engine that
    draws them in the reveal.js decks. Each figure is drawn once per run."""
    page = browser.new_page(device_scale_factor=2)
    fonts = "".join(
        f"@font-face{{font-family:Arimo;font-weight:{weight};src:url(data:font/woff;base64,"
        f"{base64.b64encode((root / powerpoint.MEASURE_FONTS / f'arimo-latin-{weight}-normal.woff').read_bytes()).decode()})}}"
        for weight in (400, 700))
    css = (root / "docs" / "assets" / "figures.css").read_text(encoding="utf-8")
    done: dict[tuple[str, int, int], bytes] = {}

    def raster(svg: str, width: int, height: int) -> bytes:
        key = (svg, width, height)
        if key not in done:
            page.set_viewport_size({"width": width, "height": height})
            page.set_content(f"<!doctype html><html><head><style>{fonts}{css}html,body{{margin:0;background:#fff}}"
                             f"body{{font-family:Arimo,Arial,sans-serif}}svg.fig{{display:block;width:{width}px;"
                             f"height:{height}px}}</style></head><body>{svg}</body></html>")
            page.evaluate("document.fonts.ready")
            done[key] = page.screenshot(clip={"x": 0, "y": 0, "width": width, "height": height})
        return done[key]

    return raster


def site_url() -> str:
    from mkdocs.config import load_config

    return load_config(str(ROOT / "mkdocs.yml")).site_url


def readme(site: Path) -> str:
    """The kit's opening page: what is inside, each item a link."""
    content = load(ROOT)
    label = content.site.label
    e = html.escape
    items = "".join(
        f'<li><a href="slides/{d.id}/index.html">{e(d.subtitle)}</a> '
        f'(<a href="slides/{d.id}/{d.id}.pdf">PDF</a>, <a href="slides/{d.id}/{d.id}-notes.pdf">'
        f"{e(label('deck-pdf-notes'))}</a>, <a href=\"slides/{d.id}/{d.id}.pptx\">{e(label('deck-pptx'))}</a>)</li>"
        for d in sorted(content.decks, key=lambda d: -d.minutes)
    )
    return (f'<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{e(content.site.article_title)}</title>'
            f'<link rel="icon" href="assets/favicon.svg"></head><body><main><h1>{e(content.site.article_title)}</h1>'
            f'<ul>{items}<li><a href="{HANDOUT_PDF}">{e(label("handout-pdf"))}</a></li></ul>'
            f"<p>{e(label('card-credit'))}</p></main></body></html>\n")


def pack(site: Path) -> Path:
    """A zip that works after unzipping: same layout as the site, fixed dates for the same bytes."""
    files = sorted(p for p in (site / "slides").rglob("*") if p.is_file())
    files += [site / "assets" / "favicon.svg", site / HANDOUT_PDF]
    target = site / BUNDLE
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        def add(name: str, data: bytes) -> None:
            info = zipfile.ZipInfo(f"{BUNDLE_ROOT}/{name}", date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
        add("index.html", readme(site).encode())
        for path in files:
            add(path.relative_to(site).as_posix(), path.read_bytes())
    return target


# Every text block, figure and code must stay inside its zone, and every zone inside the page's
# margins: the browser's own layout checks what macros/carousel.py measured with Pillow.
OVERFLOW = """(pad) => {
  const px = 4 / 3, out = [];
  const inside = (r, box) => r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5;
  document.querySelectorAll(".page").forEach((page, i) => {
    const p = page.getBoundingClientRect();
    const frame = {left: p.left + pad * px, right: p.right - pad * px, top: p.top + pad * px, bottom: p.bottom - pad * px};
    for (const zone of page.querySelectorAll(".zone")) {
      const z = zone.getBoundingClientRect();
      if (!inside(z, frame)) out.push({page: i + 1, what: zone.className});
      for (const el of zone.querySelectorAll(".t, .figure, .qr-box, .disc, .badge")) {
        let ok = inside(el.getBoundingClientRect(), z);
        for (const line of el.matches(".t") ? el.querySelectorAll(".l") : []) {
          const range = document.createRange();
          range.selectNodeContents(line);
          const r = range.getBoundingClientRect(), box = el.getBoundingClientRect();
          ok = ok && r.left >= box.left - 0.5 && r.right <= box.right + 0.5;
        }
        if (!ok) out.push({page: i + 1, what: el.className, file: el.dataset.file || "", entry: el.dataset.entry || "",
                           field: el.dataset.field || ""});
      }
    }
  });
  return out;
}"""
PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:(\d{14})(\+\d\d'\d\d'|-\d\d'\d\d'|Z)?\)")


def fixed_dates(pdf: bytes, day: str) -> bytes:
    """The PDF's creation and change dates set to `day` (ISO) at midnight UTC, in place (same length)."""
    def stamp(m: re.Match) -> bytes:
        zone = m.group(3) or b""
        zone = b"+00'00'" if len(zone) == 7 else zone
        return b"/" + m.group(1) + b" (D:" + day.replace("-", "").encode() + b"000000" + zone + b")"

    fixed, count = PDF_DATE.subn(stamp, pdf)
    if count != 2 or len(fixed) != len(pdf):
        raise RuntimeError(f"unexpected PDF dates from the browser ({count} found)")
    return fixed


def print_carousels(browser, site: Path, items=None) -> list[Path]:
    """Each carousel printed from its HTML into the site, checked in the browser's layout, dated by its content.

    `items`: other layouts than the content's (the tests use it).
    """
    from mkdocs.config import load_config

    content = load(ROOT)
    site_url = load_config(str(ROOT / "mkdocs.yml")).site_url
    dates = git_dates(ROOT)
    all_dates = [content.site.published, *dates.values()]
    made = []
    with tempfile.TemporaryDirectory() as tmp:
        try:  # the site builds with any character; a carousel prints only what Inter draws
            laid_out = items or carousel.layout(content, ROOT, site_url)
        except ContentError as error:
            raise SystemExit(f"Bad content: {error}") from None
        for item in laid_out:
            if item.argument is None:
                day = max(all_dates)
            else:
                day = dates.get(content.argument(item.argument).path, content.site.published)
            source = Path(tmp) / f"{item.name}.html"
            source.write_text(carousel.html_page(item, ROOT), encoding="utf-8")
            page = browser.new_page()
            page.goto(source.as_uri())
            page.evaluate("document.fonts.ready.then(() => true)")
            problems = page.evaluate(OVERFLOW, carousel.PAD)
            if problems:
                p = problems[0]
                where = ": ".join(x for x in (p.get("file"), p.get("entry"), p.get("field")) if x) or p["what"]
                page.close()
                raise SystemExit(f"Bad content: {where}: too long for a carousel page "
                                 f"(leaves its box on page {p['page']} of {item.path} in the browser): shorten it")
            target = site / item.path
            target.parent.mkdir(parents=True, exist_ok=True)
            page.pdf(path=str(target), prefer_css_page_size=True, print_background=True, tagged=True)
            page.close()
            target.write_bytes(fixed_dates(target.read_bytes(), day))
            made.append(target)
    return made


def main(site: str) -> int:
    site_dir = Path(site).resolve()
    decks = sorted(site_dir.glob("slides/*/index.html"))
    if not decks:
        print(f"no deck under {site}/slides: build the site first", file=sys.stderr)
        return 1
    content = load(ROOT)
    url = site_url()
    try:
        powerpoint.check(content, url, ROOT)  # bad content stops here, before any printing
    except ContentError as error:
        print(f"Bad content: {error}", file=sys.stderr)
        return 1
    with sync_playwright() as p:
        browser = launch(p)
        made = [pdf for index in decks for pdf in print_deck(browser, index)]
        made.append(print_handout(browser, site_dir))
        start = time.perf_counter()
        pptx = powerpoint.write_decks(content, url, site_dir, ROOT, figure_raster(browser, ROOT))
        made += pptx
        seconds = time.perf_counter() - start
        made += print_carousels(browser, site_dir)
        browser.close()
    made.append(pack(site_dir))
    for path in made:
        print(f"{path} ({path.stat().st_size // 1024} KiB)")
    print(f"PowerPoint: {len(pptx)} files in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "site"))
