"""Editable PowerPoint decks, made from the same Slide objects as the reveal.js decks.

`DeckBuilder.slides(deck)` gives the slides once; this module lays each one out on a layout made
for its kind and writes slides/<id>/<id>.pptx, one PowerPoint slide per reveal.js slide:

- the layouts (one per slide kind: « Couverture », « Idée », « Tableau »…) are generated here, in
  code, on python-pptx's blank template: 16:9, the site's palette as theme colours, Arial;
- titles, claims, bullets, steps and choices are text in those layouts' placeholders, sized so
  they fit: the text is measured with Arimo (npm @fontsource/arimo), which has Arial's metrics;
- comparison tables are native tables; figures are PNG rendered at twice their size from our
  SVG (by the caller: `raster`, Chromium in the PDF step), with the figure's title and
  description as alternative text; QR codes are PNG (segno);
- the speaker notes are each slide's notes; reveal.js fragments become « appear » clicks;
- slide numbers are slide-number fields; the title and the closing slides credit the article.

Everything that can go wrong with the content is found by `plan`, which needs no browser: the
site build runs it (`check`), so a deck element with no PowerPoint rendering stops `mkdocs build`
with one line naming the deck file and the element. A text too long for one slide stops the PDF
step the same way (`check(..., fit=True)`), not the site: any text builds the site.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import segno
from lxml import etree
from PIL import Image, ImageFont
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.lang import MSO_LANGUAGE_ID
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import PP_ALIGN
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.parts.slide import SlideLayoutPart
from pptx.util import Emu

from macros.model import DECKS, Content, ContentError, Deck
from macros.text import esc

from .build import DeckBuilder, Slide

# ---------------------------------------------------------------------------------------------
# Geometry: designed in CSS pixels on the reveal.js canvas (1280×720), written in EMU.

W, H = 1280, 720
EMU_PX = 9525  # 13.333 in × 7.5 in = 1280 × 720 px at 96 dpi: 1 px = 0.75 pt
LEFT, RIGHT = 72, 1208
TOP, BOTTOM = 92, 644  # under the kicker, above the slide number (the reveal.js frame)
KICKER = (LEFT, 40, RIGHT - LEFT, 36)
NUMBER = (16, 670, 150, 34)
FOOTER = (190, 672, 900, 32)
QR_SIZE, QR_GAP, QR_SMALL = 200, 56, 150
FIGURE_TEXT = 340  # the figure slide's text column, then the drawing
FONT = "Arial"  # on Windows and macOS; LibreOffice maps it to Liberation Sans, same metrics
MEASURE_FONTS = Path("node_modules/@fontsource/arimo/files")
LINE = 1.2  # one line of Arial at 100 % spacing, in font sizes (its ascent + descent + gap is 1.15)
FIT = 0.97  # measured lines may be this full: room for rounding in the applications
MIN_SIZE = 24  # px: the decks' smallest text (18 pt)
FIXED_DATE = (2026, 1, 1, 0, 0, 0)

NAVY, NAVY_DARK, EMBER, INK, MUTED = "1F3A5F", "10233D", "A8431A", "17202B", "4A5563"
SAND, WHITE, RULE, LINK, PEACH, MIST = "F6EFE6", "FFFFFF", "D9DEE5", "1F4F8A", "F4C79E", "DFE6EF"


def emu(px: float) -> int:
    return round(px * EMU_PX)


# ---------------------------------------------------------------------------------------------
# Styles and layouts


@dataclass(frozen=True)
class Style:
    size: int  # px at 1280×720 (pt = px × 0.75)
    color: str
    bold: bool = False
    italic: bool = False
    caps: bool = False
    tracking: float = 0  # em
    line: float = 1.0  # line spacing, 1.0 = single
    space: int = 0  # px before each paragraph but the first
    bullet: str = ""  # "", "•", "num" (1. 2. …) or "alpha" (A. B. …)
    bullet_color: str = ""
    indent: int = 0  # px: hanging indent of bulleted text
    align: str = "l"


@dataclass(frozen=True)
class Ph:
    """One placeholder of a layout: its role on the slide, its PowerPoint type and index, its box."""

    role: str
    type: str  # title, ctrTitle, subTitle, body, pic, tbl, sldNum, ftr
    idx: int
    box: tuple[int, int, int, int]
    style: Style | None = None
    name: str = ""
    fill: str = ""
    border: str = ""
    border_px: int = 0
    round: bool = False
    inset: tuple[int, int, int, int] = (0, 0, 0, 0)  # left, top, right, bottom
    anchor: str = "t"
    columns: int = 1
    column_gap: int = 0
    prompt: str = ""


@dataclass(frozen=True)
class Layout:
    name: str
    background: str
    placeholders: tuple[Ph, ...]

    def ph(self, role: str) -> Ph:
        return next(p for p in self.placeholders if p.role == role)


def _common(dark: bool = False, kicker: Style | None = None) -> tuple[Ph, ...]:
    return (
        Ph("kicker", "body", 10, KICKER, kicker or Style(24, PEACH if dark else EMBER, bold=True, caps=True, tracking=0.08),
           "Surtitre", prompt="Surtitre"),
        Ph("number", "sldNum", 12, NUMBER, Style(24, MIST if dark else MUTED), "Numéro de diapositive"),
        Ph("footer", "ftr", 11, FOOTER, Style(24, MIST if dark else MUTED, align="ctr"), "Crédit"),
    )


TITLE = Style(48, NAVY, bold=True, line=1.0)
POINTS = Style(38, INK, line=1.1, space=19, bullet="•", bullet_color=EMBER, indent=42)
ACTIVITY = (
    Ph("meta", "body", 4, (LEFT, 520, 500, 44), Style(32, NAVY, bold=True), "Groupe et durée"),
    Ph("countdown", "body", 5, (600, 500, 220, 96), Style(64, NAVY_DARK, bold=True, align="ctr"), "Durée",
       border=NAVY, border_px=3, round=True, inset=(24, 8, 24, 8), anchor="ctr"),
)

LAYOUTS: dict[str, Layout] = {
    "cover": Layout("Couverture", NAVY_DARK, _common(dark=True) + (
        Ph("title", "ctrTitle", 0, (LEFT, 200, 1136, 170), Style(68, WHITE, bold=True, line=1.0), "Titre"),
        Ph("subtitle", "subTitle", 1, (LEFT, 380, 1136, 60), Style(38, PEACH), "Sous-titre"),
        Ph("byline", "body", 2, (LEFT, 450, 1136, 40), Style(26, MIST), "Public"),
        Ph("credit", "body", 3, (LEFT, 500, 1136, 40), Style(26, MIST), "Crédit de l’article"),
    )),
    "section": Layout("Titre d’argument", SAND, _common(kicker=Style(30, EMBER, bold=True, caps=True, tracking=0.08)) + (
        Ph("title", "title", 0, (LEFT, 220, 1000, 170), Style(66, NAVY, bold=True, line=1.0), "Titre"),
        Ph("body", "body", 1, (LEFT, 400, 1136, 80), Style(28, MUTED), "Source"),
    )),
    "claim": Layout("Idée", WHITE, _common() + (
        Ph("title", "title", 0, (LEFT + 38, 220, RIGHT - LEFT - 38, 280), Style(46, INK, bold=True, line=1.1), "Idée"),
    )),
    "image": Layout("Image", WHITE, _common() + (
        Ph("title", "title", 0, (LEFT, 220, 1136, 150), Style(64, NAVY, bold=True, line=1.0), "Titre"),
        Ph("body", "body", 1, (LEFT, 390, 1040, 150), Style(40, INK, line=1.1), "Image"),
    )),
    "figure": Layout("Figure", WHITE, _common() + (
        Ph("title", "title", 0, (LEFT, 220, FIGURE_TEXT, 250), Style(42, NAVY, bold=True, line=1.0), "Titre"),
        Ph("picture", "pic", 20, (LEFT + FIGURE_TEXT + 40, TOP, RIGHT - LEFT - FIGURE_TEXT - 40, BOTTOM - TOP), None,
           "Figure", prompt="Figure"),
    )),
    "table": Layout("Tableau", WHITE, _common() + (
        Ph("title", "title", 0, (LEFT, 120, 1136, 60), Style(40, NAVY, bold=True, line=1.0), "Titre"),
        Ph("table", "tbl", 21, (LEFT, 200, 1136, 400), None, "Tableau", prompt="Tableau"),
    )),
    "question": Layout("Question", WHITE, _common() + (
        Ph("title", "title", 0, (LEFT, 140, 1136, 60), TITLE, "Titre"),
        Ph("body", "body", 1, (LEFT, 230, 1136, 140), Style(40, INK, italic=True, line=1.1), "Question", fill=SAND,
           round=True, inset=(32, 20, 32, 20)),
        Ph("points", "body", 2, (LEFT, 400, 1136, 200), replace(POINTS, size=32, space=16, indent=36), "Pistes"),
    )),
    "points": Layout("Liste", WHITE, _common() + (
        Ph("title", "title", 0, (LEFT, 150, 1136, 60), TITLE, "Titre"),
        Ph("points", "body", 2, (LEFT, 240, 1136, 360), POINTS, "Points"),
    )),
    "agenda": Layout("Programme", WHITE, _common() + (
        Ph("title", "title", 0, (LEFT, 110, 1136, 60), TITLE, "Titre"),
        Ph("points", "body", 2, (LEFT, 190, 1136, 120), replace(POINTS, size=32, space=16, indent=36), "Points"),
        Ph("rows", "body", 3, (LEFT, 330, 1136, 280),
           Style(30, INK, space=15, bullet="num", bullet_color=NAVY, indent=52), "Arguments", columns=2, column_gap=56),
    )),
    "exercise": Layout("Exercice", WHITE, _common() + (
        Ph("title", "title", 0, (LEFT, 120, 1136, 60), TITLE, "Titre"),
        Ph("points", "body", 2, (LEFT, 200, 1136, 280),
           Style(34, INK, line=1.1, space=17, bullet="num", bullet_color=EMBER, indent=48), "Étapes"),
    ) + ACTIVITY),
    "debrief": Layout("Mise en commun", WHITE, _common() + (
        Ph("title", "title", 0, (LEFT, 150, 1136, 60), TITLE, "Titre"),
        Ph("body", "body", 1, (LEFT, 240, 1136, 200), Style(38, INK, line=1.1), "Consigne"),
    ) + ACTIVITY),
    "pause": Layout("Pause", WHITE, _common() + (
        Ph("title", "title", 0, (LEFT, 200, 1136, 60), replace(TITLE, align="ctr"), "Titre"),
        Ph("points", "body", 2, (LEFT, 290, 1136, 100), replace(POINTS, bullet="", indent=0, align="ctr"), "Texte"),
    ) + ACTIVITY),
    "quiz": Layout("Quiz", WHITE, _common() + (
        Ph("title", "title", 0, (LEFT, 120, 1136, 110), Style(42, INK, bold=True, line=1.05), "Question"),
        Ph("points", "body", 2, (LEFT, 250, 1136, 260),
           Style(34, INK, line=1.05, space=17, bullet="alpha", bullet_color=NAVY, indent=52), "Choix"),
        Ph("answer", "body", 6, (LEFT, 540, 500, 44), Style(26, WHITE, bold=True), "Réponse", fill=EMBER, round=True,
           inset=(10, 2, 10, 2), anchor="ctr"),
    )),
}
QR_CAPTION = Style(24, MUTED, align="ctr")
TABLE_HEAD, TABLE_CELL = Style(24, WHITE, bold=True, line=1.05), Style(25, INK, line=1.05)
TABLE_PAD = (14, 10)  # px: cell padding, left/right and top/bottom


# ---------------------------------------------------------------------------------------------
# HTML → runs


class Unrenderable(Exception):
    """An element of a slide that has no PowerPoint rendering."""


class TooLong(Unrenderable):
    """A text or a table that no size lets fit on one slide."""


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    href: str = ""


Paragraph = list[Run]
SPACE = re.compile(r"[ \t\r\n]+")


class _Runs(HTMLParser):
    """Inline HTML (strong, em, code, a, br) and, for notes, paragraphs and lists, as runs."""

    INLINE = {"strong": "bold", "b": "bold", "em": "italic", "i": "italic", "code": "code", "a": "href"}
    BLOCKS = {"p", "ul", "ol", "li"}

    def __init__(self, blocks: bool):
        super().__init__(convert_charrefs=True)
        self.blocks = blocks
        self.paragraphs: list[Paragraph] = [[]]
        self.state: list[tuple[str, str]] = []
        self.lists: list[list] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.INLINE:
            self.state.append((tag, dict(attrs).get("href", "") if tag == "a" else ""))
        elif tag == "br":
            self.paragraphs[-1].append(Run("\v"))
        elif self.blocks and tag in self.BLOCKS:
            if tag in ("ul", "ol"):
                self.lists.append([tag, 0])
            else:
                self.paragraphs.append([])
                if tag == "li" and self.lists:
                    self.lists[-1][1] += 1
                    kind, n = self.lists[-1]
                    self.paragraphs[-1].append(Run("• " if kind == "ul" else f"{n}. "))
        else:
            raise Unrenderable(f"<{tag}>")

    def handle_endtag(self, tag):
        if tag in self.INLINE:
            while self.state and self.state.pop()[0] != tag:
                pass
        elif self.blocks and tag in ("ul", "ol") and self.lists:
            self.lists.pop()

    def handle_data(self, data):
        text = SPACE.sub(" ", data)
        if not text:
            return
        tags = {t for t, _ in self.state}
        href = next((h for t, h in reversed(self.state) if t == "a"), "")
        self.paragraphs[-1].append(Run(text, bold=bool(tags & {"strong", "b"}), italic=bool(tags & {"em", "i"}),
                                       code="code" in tags, href=href))


def _clean(paragraph: Paragraph) -> Paragraph:
    runs = [r for r in paragraph if r.text]
    if runs:
        runs[0] = replace(runs[0], text=runs[0].text.lstrip(" "))
        runs[-1] = replace(runs[-1], text=runs[-1].text.rstrip(" "))
    return [r for r in runs if r.text]


@lru_cache(maxsize=4096)
def _parse(html: str, blocks: bool) -> tuple[tuple[Run, ...], ...]:
    parser = _Runs(blocks)
    parser.feed(html)
    parser.close()
    return tuple(tuple(p) for p in map(_clean, parser.paragraphs) if p)


def runs(html: str) -> Paragraph:
    """One line of inline HTML as runs (bold and italic kept, no-break spaces kept)."""
    paragraphs = _parse(str(html), False)
    return [r for p in paragraphs for r in p]


def blocks(html: str) -> list[Paragraph]:
    """Notes HTML (paragraphs, lists) as paragraphs of runs."""
    return [list(p) for p in _parse(str(html), True)]


def plain(text: str) -> Paragraph:
    """A text field of the model as the reveal.js deck shows it: emphasis marks dropped, French spacing."""
    return runs(esc(text))


# ---------------------------------------------------------------------------------------------
# Measuring text (Arimo = Arial's metrics)


class Measure:
    REF = 200  # px: fonts are loaded once at this size, widths scale linearly

    def __init__(self, root: Path):
        names = {(False, False): "400-normal", (True, False): "700-normal", (False, True): "400-italic",
                 (True, True): "700-italic"}
        self.fonts = {}
        for key, name in names.items():
            path = root / MEASURE_FONTS / f"arimo-latin-{name}.woff"
            if not path.is_file():
                raise ContentError(str(MEASURE_FONTS), "", "", "missing: run `make setup` (npm ci installs @fontsource/arimo)")
            self.fonts[key] = ImageFont.truetype(str(path), self.REF)

    @lru_cache(maxsize=65536)
    def width(self, text: str, size: float, bold: bool, italic: bool, caps: bool = False, tracking: float = 0) -> float:
        text = text.upper() if caps else text
        return self.fonts[(bold, italic)].getlength(text) * size / self.REF + tracking * size * len(text)

    def lines(self, paragraph: Paragraph, style: Style, size: float, width: float) -> int:
        """How many lines a paragraph takes in a box `width` px wide (greedy breaks at spaces)."""
        room = (width - style.indent) * FIT
        words: list[float] = [0.0]
        spaces: list[float] = []
        count = 1
        for run in paragraph:
            bold, italic = style.bold or run.bold, style.italic or run.italic
            for i, piece in enumerate(re.split(r"( |\v)", run.text)):
                if piece == " ":
                    spaces.append(self.width(" ", size, bold, italic))
                    words.append(0.0)
                elif piece == "\v":
                    count += self._count(words, spaces, room)
                    words, spaces = [0.0], []
                elif piece:
                    words[-1] += self.width(piece, size, bold, italic, style.caps, style.tracking)
        return count - 1 + self._count(words, spaces, room)

    @staticmethod
    def _count(words: list[float], spaces: list[float], room: float) -> int:
        lines, used = 1, 0.0
        for i, w in enumerate(words):
            if not w:
                continue
            gap = spaces[i - 1] if i and used else 0.0
            if used and used + gap + w > room:
                lines, used = lines + 1, 0.0
                gap = 0.0
            if w > room:  # a word wider than the box breaks inside
                extra = int(w // room)
                lines, used = lines + extra, w - extra * room
            else:
                used += gap + w
        return lines

    def height(self, paragraphs: list[Paragraph], style: Style, size: float, width: float, columns: int = 1,
               gap: int = 0) -> float:
        scale = size / style.size
        heights = [self.lines(p, style, size, (width - gap * (columns - 1)) / columns) * size * LINE * style.line
                   for p in paragraphs]
        space = style.space * scale
        if columns == 1:
            return sum(heights) + space * (len(heights) - 1)
        per = -(-len(heights) // columns)  # the first column holds the most
        return max(sum(heights[i:i + per]) + space * (len(heights[i:i + per]) - 1) for i in range(0, len(heights), per))

    def line_width(self, paragraph: Paragraph, style: Style, size: float) -> float:
        return sum(self.width(r.text, size, style.bold or r.bold, style.italic or r.italic, style.caps, style.tracking)
                   for r in paragraph)


# ---------------------------------------------------------------------------------------------
# Planning a slide: which layout, which text where, at which size


@dataclass
class Text:
    role: str
    paragraphs: list[Paragraph]
    box: tuple[float, float, float, float]
    size: float
    steps: bool = False  # each paragraph appears on a click (reveal.js fragments)
    numbers: list[int] = field(default_factory=list)  # the numbers of a numbered list, when not 1, 2, 3…


@dataclass
class Picture:
    kind: str  # figure or qr
    box: tuple[float, float, float, float]
    alt: str
    svg: str = ""
    url: str = ""
    title: str = ""


@dataclass
class TablePlan:
    box: tuple[float, float, float, float]
    columns: list[float]
    rows: list[list[Paragraph]]  # the header row first
    heights: list[float]
    size: float
    head_size: float


@dataclass
class SlidePlan:
    slide: Slide
    layout: str
    texts: list[Text] = field(default_factory=list)
    pictures: list[Picture] = field(default_factory=list)
    table: TablePlan | None = None
    bar: tuple[float, float, float, float] | None = None  # the claim's ember rule
    notes: list[Paragraph] = field(default_factory=list)
    footer: Paragraph = field(default_factory=list)


@dataclass
class Item:
    """One block of a vertical stack: a placeholder's paragraphs, or a fixed-height block."""

    role: str
    paragraphs: list[Paragraph]
    after: float = 0  # px below it, at full size
    steps: bool = False
    numbers: list[int] = field(default_factory=list)
    height: float = 0  # a fixed block (the activity row)


class Planner:
    def __init__(self, content: Content, site_url: str, root: Path, fit: bool = True):
        self.content, self.fit = content, fit  # fit: a text too long for a slide is an error (else skipped)
        self.builder = DeckBuilder(content, site_url)
        self.measure = Measure(root)
        self.talk = content.talk
        site = content.site
        self.credit = plain(f"« {site.article_title} » · {site.author.name}, {site.author.organization}")

    def deck(self, deck: Deck, slides: list[Slide] | None = None) -> list[SlidePlan]:
        """Every slide of the deck planned; one line naming the deck file and the element if one cannot be."""
        where = f"{DECKS.as_posix()}/{deck.id}.yml"
        if slides is None:
            slides = [s for part in self.builder.slides(deck) for s in part]
        plans = []
        for i, slide in enumerate(slides):
            try:
                plan = self.slide(deck, slide)
                if i == len(slides) - 1:
                    plan.footer = self.credit
            except TooLong as e:
                if not self.fit:
                    continue
                raise ContentError(where, f"slide « {slide.id} » ({slide.kind})", "", f"{e} has no PowerPoint rendering") from None
            except Unrenderable as e:
                raise ContentError(where, f"slide « {slide.id} » ({slide.kind})", "", f"{e} has no PowerPoint rendering") from None
            plans.append(plan)
        return plans

    def slide(self, deck: Deck, slide: Slide) -> SlidePlan:
        if slide.kind not in LAYOUTS:
            raise Unrenderable(f"slide kind « {slide.kind} »")
        plan = SlidePlan(slide, slide.kind, notes=blocks(slide.notes))
        if not plan.notes:
            raise Unrenderable("a slide without notes")
        layout = LAYOUTS[slide.kind]
        if slide.kicker:
            plan.texts.append(Text("kicker", [plain(slide.kicker)], KICKER, layout.ph("kicker").style.size))
        getattr(self, f"slide_{slide.kind}")(deck, slide, plan, layout)
        return plan

    # -- stacks ----------------------------------------------------------------------------

    def content_width(self, slide: Slide) -> float:
        return RIGHT - LEFT - (QR_SIZE + QR_GAP if slide.qr_url else 0)

    def stack(self, plan: SlidePlan, layout: Layout, items: list[Item], width: float | None = None,
              x: float = LEFT, top: float = TOP, bottom: float = BOTTOM) -> None:
        """Blocks one under the other, centred in the height left, all scaled down together if needed."""
        width = width or self.content_width(plan.slide)
        room = bottom - top
        for scale in [1 - i * 0.025 for i in range(20)]:
            heights = [self.item_height(layout, item, scale, width) for item in items]
            total = sum(heights) + sum(item.after * scale for item in items[:-1])
            if total <= room or all(self.size(layout, item, scale) <= MIN_SIZE for item in items if not item.height):
                break
        if total > room:
            raise TooLong(f"text too long for one slide ({round(total)} px of {room} at {MIN_SIZE} px)")
        y = top + (room - total) / 2
        for item, h in zip(items, heights):
            if not item.height:
                plan.texts.append(Text(item.role, item.paragraphs, (x, y, width, h), self.size(layout, item, scale),
                                       item.steps, item.numbers))
            else:
                self.place_fixed(plan, layout, item, (x, y, width, h))
            y += h + item.after * scale

    def size(self, layout: Layout, item: Item, scale: float) -> float:
        base = layout.ph(item.role).style.size
        return max(min(base, MIN_SIZE), round(base * scale))

    def item_height(self, layout: Layout, item: Item, scale: float, width: float) -> float:
        if item.height:
            return item.height
        ph = layout.ph(item.role)
        inner = width - ph.inset[0] - ph.inset[2]
        h = self.measure.height(item.paragraphs, ph.style, self.size(layout, item, scale), inner, ph.columns, ph.column_gap)
        return h + ph.inset[1] + ph.inset[3]

    def place_fixed(self, plan: SlidePlan, layout: Layout, item: Item, box) -> None:
        """The activity row: the group and duration, then the duration in a box (no countdown in PowerPoint)."""
        x, y, width, h = box
        meta, clock = layout.ph("meta"), layout.ph("countdown")
        meta_p, clock_p = item.paragraphs
        meta_w = self.measure.line_width(meta_p, meta.style, meta.style.size) / FIT + 4
        clock_w = self.measure.line_width(clock_p, clock.style, clock.style.size) / FIT + clock.inset[0] + clock.inset[2] + 8
        gap = 40
        start = x + (width - meta_w - gap - clock_w) / 2 if plan.slide.kind == "pause" else x
        meta_h = meta.style.size * LINE
        plan.texts.append(Text("meta", [meta_p], (start, y + (h - meta_h) / 2, meta_w, meta_h), meta.style.size))
        plan.texts.append(Text("countdown", [clock_p], (start + meta_w + gap, y, clock_w, h), clock.style.size))

    def title_item(self, slide: Slide, after: float = 26) -> Item:
        return Item("title", [plain(slide.title)], after)

    def qr(self, plan: SlidePlan) -> None:
        slide = plan.slide
        if not slide.qr_url:
            return
        caption = plain(self.talk.qr_caption)
        # One line as wide as it needs, centred under the code: LibreOffice will not break a link's text.
        cap_w = max(QR_SIZE, self.measure.line_width(caption, QR_CAPTION, QR_CAPTION.size) / FIT + 8)
        cap_h = QR_CAPTION.size * LINE
        x, y = RIGHT - QR_SIZE, TOP + (BOTTOM - TOP - QR_SIZE - 10 - cap_h) / 2
        plan.pictures.append(Picture("qr", (x, y, QR_SIZE, QR_SIZE), f"{self.talk.qr_caption} : {slide.qr_url}",
                                     url=slide.qr_url))
        plan.texts.append(Text("qr-caption", [[replace(r, href=slide.qr_url) for r in caption]],
                               (min(x + (QR_SIZE - cap_w) / 2, W - 16 - cap_w), y + QR_SIZE + 10, cap_w, cap_h),
                               QR_CAPTION.size))

    # -- one method per slide kind -------------------------------------------------------------

    def slide_cover(self, deck, slide, plan, layout):
        items = [Item("title", [plain(slide.title)], 24)]
        if slide.points:
            items.append(Item("subtitle", [runs(p) for p in slide.points], 20))
        items += [Item("byline", [plain(deck.audience)], 8), Item("credit", [self.credit])]
        self.stack(plan, layout, items)
        plan.footer = []  # the cover's credit is in its text

    def slide_section(self, deck, slide, plan, layout):
        self.stack(plan, layout, [Item("title", [plain(slide.title)], 30), Item("body", [runs(slide.body)])])
        self.qr(plan)

    def slide_claim(self, deck, slide, plan, layout):
        bar = 10 + 28  # the ember rule and the space after it (0.6 em)
        self.stack(plan, layout, [Item("title", [plain(slide.title)])], x=LEFT + bar, width=self.content_width(slide) - bar)
        title = plan.texts[-1]
        plan.bar = (LEFT, title.box[1], 10, title.box[3])
        self.qr(plan)

    slide_image = slide_section  # a title and a line of prose, like a section's first slide

    def slide_figure(self, deck, slide, plan, layout):
        qr_h = 16 + QR_SMALL + 6 + QR_CAPTION.size * LINE if slide.qr_url else 0
        self.stack(plan, layout, [self.title_item(slide, 0)], width=FIGURE_TEXT, bottom=BOTTOM - qr_h)
        if slide.qr_url:  # the title and the QR code, centred together in the text column
            title = plan.texts[-1]
            x, y, w, h = title.box
            title.box = (x, y + qr_h / 2, w, h)
            self.qr_small(plan, (LEFT, y + qr_h / 2 + h + 16))
        art = layout.ph("picture").box
        root = etree.fromstring(str(slide.body).encode())
        ns = {"s": "http://www.w3.org/2000/svg"}
        title_text, desc = root.findtext("s:title", namespaces=ns), root.findtext("s:desc", namespaces=ns)
        _, _, vw, vh = (float(v) for v in root.get("viewBox").split())
        scale = min(art[2] / vw, art[3] / vh)
        w, h = vw * scale, vh * scale
        top = TOP if slide.kicker else 40
        room = BOTTOM - top
        box = (art[0] + (art[2] - w) / 2, top + (room - h) / 2 if h < room else top, w, min(h, room))
        alt = title_text if title_text.rstrip().endswith((".", "?", "!")) else f"{title_text}."
        plan.pictures.append(Picture("figure", box, f"{alt} {desc}", svg=str(slide.body), title=title_text))

    def qr_small(self, plan: SlidePlan, at) -> None:
        slide = plan.slide
        caption = plain(self.talk.qr_caption)
        size = QR_SMALL
        plan.pictures.append(Picture("qr", (at[0], at[1], size, size), f"{self.talk.qr_caption} : {slide.qr_url}",
                                     url=slide.qr_url))
        plan.texts.append(Text("qr-caption", [[replace(r, href=slide.qr_url) for r in caption]],
                               (at[0], at[1] + size + 6, FIGURE_TEXT, QR_CAPTION.size * LINE), QR_CAPTION.size))

    def slide_table(self, deck, slide, plan, layout):
        t = slide.table
        width = self.content_width(slide)
        widths = [width * 0.22, width * 0.39, width * 0.39]
        rows = [[plain(t.criterion), plain(t.left), plain(t.right)]]
        rows += [[plain(r.criterion), plain(r.left), plain(r.right)] for r in slide.rows]
        pad_x, pad_y = TABLE_PAD
        for scale in [1 - i * 0.04 for i in range(6)]:
            head = max(MIN_SIZE, round(TABLE_HEAD.size * scale))
            size = max(MIN_SIZE, round(TABLE_CELL.size * scale))
            heights = []
            for i, row in enumerate(rows):
                style = TABLE_HEAD if i == 0 else TABLE_CELL
                s = head if i == 0 else size
                cells = [self.measure.height([cell], replace(style, bold=style.bold or (j == 0)), s, w - 2 * pad_x)
                         for j, (cell, w) in enumerate(zip(row, widths))]
                heights.append(max(cells) + 2 * pad_y + 2)
            title = self.title_item(slide, 24)
            title_h = self.item_height(layout, title, scale, width)
            total = title_h + title.after + sum(heights)
            if total <= BOTTOM - TOP:
                break
        if total > BOTTOM - TOP:
            raise TooLong(f"table too long for one slide ({round(total)} px of {BOTTOM - TOP})")
        y = TOP + (BOTTOM - TOP - total) / 2
        plan.texts.append(Text("title", title.paragraphs, (LEFT, y, width, title_h), self.size(layout, title, scale)))
        y += title_h + title.after
        plan.table = TablePlan((LEFT, y, width, sum(heights)), widths, rows, heights, size, head)
        self.qr(plan)

    def slide_question(self, deck, slide, plan, layout):
        items = [self.title_item(slide, 22), Item("body", [runs(slide.body)], 26)]
        if slide.points:
            items.append(Item("points", [runs(p) for p in slide.points], steps=True))
        self.stack(plan, layout, items)
        self.qr(plan)

    def slide_points(self, deck, slide, plan, layout):
        items = [self.title_item(slide)]
        if slide.points:
            items.append(Item("points", [runs(p) for p in slide.points], steps=slide.fragments))
        self.stack(plan, layout, items)
        self.qr(plan)

    def slide_agenda(self, deck, slide, plan, layout):
        items = [self.title_item(slide)]
        if slide.points:
            items.append(Item("points", [runs(p) for p in slide.points], 20))
        items.append(Item("rows", [plain(a.short_title) for a in slide.rows], numbers=[a.number for a in slide.rows]))
        self.stack(plan, layout, items)
        self.qr(plan)

    def activity(self, slide: Slide, layout: Layout) -> Item:
        clock = f"{slide.countdown // 60}:{slide.countdown % 60:02d}"
        h = layout.ph("countdown").style.size * LINE + 16 + 6
        return Item("activity", [plain(slide.meta), plain(clock)], height=h)

    def slide_exercise(self, deck, slide, plan, layout):
        items = [self.title_item(slide, 22), Item("points", [runs(p) for p in slide.points], 28), self.activity(slide, layout)]
        self.stack(plan, layout, items)
        self.qr(plan)

    def slide_debrief(self, deck, slide, plan, layout):
        items = [self.title_item(slide, 22), Item("body", [runs(slide.body)], 28), self.activity(slide, layout)]
        self.stack(plan, layout, items)
        self.qr(plan)

    def slide_pause(self, deck, slide, plan, layout):
        items = [self.title_item(slide, 22)]
        if slide.points:
            items.append(Item("points", [runs(p) for p in slide.points], 28))
        items.append(self.activity(slide, layout))
        self.stack(plan, layout, items)
        self.qr(plan)

    def slide_quiz(self, deck, slide, plan, layout):
        if not 0 <= slide.answer < len(slide.points):
            raise Unrenderable("a quiz without its answer among the choices")
        letter = "ABCDEFGH"[slide.answer]
        answer = plain(f"{self.talk.label('quiz-answer')} : {letter}")
        items = [Item("title", [plain(slide.title)], 26), Item("points", [runs(p) for p in slide.points], 22),
                 Item("answer", [answer], steps=True)]
        self.stack(plan, layout, items)
        tag = plan.texts[-1]
        ph = layout.ph("answer")
        tag.box = (tag.box[0], tag.box[1],
                   self.measure.line_width(answer, ph.style, tag.size) / FIT + ph.inset[0] + ph.inset[2] + 6, tag.box[3])
        self.qr(plan)


def check(content: Content, site_url: str, root: Path, fit: bool = True) -> None:
    """Plan every deck (no browser): raises ContentError naming the deck file and the element
    (with `fit`, also for a text too long for one slide)."""
    planner = Planner(content, site_url, root, fit)
    for deck in content.decks:
        planner.deck(deck)


# ---------------------------------------------------------------------------------------------
# The template: theme and layouts, made in code


def _color(value: str) -> str:
    return f'<a:solidFill><a:srgbClr val="{value}"/></a:solidFill>'


def _rpr(style: Style, size: float | None = None, tag: str = "a:defRPr") -> str:
    attrs = f' lang="fr-FR" sz="{round((size or style.size) * 75)}" b="{int(style.bold)}" i="{int(style.italic)}"'
    if style.caps:
        attrs += ' cap="all"'
    if style.tracking:
        attrs += f' spc="{round(style.tracking * style.size * 75)}"'
    return f'<{tag}{attrs}>{_color(style.color)}<a:latin typeface="{FONT}"/><a:cs typeface="{FONT}"/></{tag}>'


def _ppr(style: Style) -> str:
    algn = {"l": "l", "ctr": "ctr", "r": "r"}[style.align]
    bullet = "<a:buNone/>"
    if style.bullet:
        color = f'<a:buClr><a:srgbClr val="{style.bullet_color or style.color}"/></a:buClr>'
        kind = {"num": '<a:buAutoNum type="arabicPeriod"/>', "alpha": '<a:buAutoNum type="alphaUcPeriod"/>'}
        bullet = color + '<a:buFont typeface="Arial"/>' + kind.get(style.bullet, f'<a:buChar char="{style.bullet}"/>')
    indent = f' marL="{emu(style.indent)}" indent="{-emu(style.indent)}"' if style.indent else ' marL="0" indent="0"'
    return (f'<a:lvl1pPr algn="{algn}"{indent}><a:lnSpc><a:spcPct val="{round(style.line * 100000)}"/></a:lnSpc>'
            f'<a:spcBef><a:spcPts val="{round(style.space * 75)}"/></a:spcBef>{bullet}{_rpr(style)}</a:lvl1pPr>')


def _body_pr(ph: Ph) -> str:
    l, t, r, b = (emu(v) for v in ph.inset)
    cols = f' numCol="{ph.columns}" spcCol="{emu(ph.column_gap)}"' if ph.columns > 1 else ""
    return (f'<a:bodyPr wrap="square" lIns="{l}" tIns="{t}" rIns="{r}" bIns="{b}" anchor="{ph.anchor}"{cols}>'
            f"<a:normAutofit/></a:bodyPr>")


def _sp_pr(ph: Ph, box=None) -> str:
    x, y, w, h = box or ph.box
    geom = '<a:prstGeom prst="roundRect"><a:avLst><a:gd name="adj" fmla="val 12000"/></a:avLst></a:prstGeom>' if ph.round else ""
    if ph.round or ph.fill or ph.border:
        geom = geom or '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
    fill = _color(ph.fill) if ph.fill else ""
    line = f'<a:ln w="{emu(ph.border_px)}">{_color(ph.border)}</a:ln>' if ph.border else ""
    return (f'<p:spPr><a:xfrm><a:off x="{emu(x)}" y="{emu(y)}"/><a:ext cx="{emu(w)}" cy="{emu(h)}"/></a:xfrm>'
            f"{geom}{fill}{line}</p:spPr>")


def _layout_sp(ph: Ph, sp_id: int) -> str:
    idx = f' idx="{ph.idx}"' if ph.idx else ""
    nv = (f'<p:nvSpPr><p:cNvPr id="{sp_id}" name="{escape(ph.name or ph.role)}"/><p:cNvSpPr><a:spLocks noGrp="1"/>'
          f'</p:cNvSpPr><p:nvPr><p:ph type="{ph.type}"{idx}/></p:nvPr></p:nvSpPr>')
    if ph.type in ("pic", "tbl"):
        return (f'<p:sp>{nv}{_sp_pr(ph)}<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="fr-FR"/>'
                f"<a:t>{escape(ph.prompt)}</a:t></a:r></a:p></p:txBody></p:sp>")
    style = ph.style
    if ph.type == "sldNum":
        text = '<a:fld id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}" type="slidenum"><a:rPr lang="fr-FR"/><a:t>‹N°›</a:t></a:fld>'
    else:
        text = f'<a:r><a:rPr lang="fr-FR"/><a:t>{escape(ph.prompt or ph.name or ph.role)}</a:t></a:r>'
    return (f"<p:sp>{nv}{_sp_pr(ph)}<p:txBody>{_body_pr(ph)}<a:lstStyle>{_ppr(style)}</a:lstStyle>"
            f"<a:p>{text}</a:p></p:txBody></p:sp>")


def _layout_xml(layout: Layout) -> str:
    shapes = "".join(_layout_sp(ph, i + 2) for i, ph in enumerate(layout.placeholders))
    return (f'<p:sldLayout {nsdecls("a", "r", "p")} preserve="1" userDrawn="1"><p:cSld name="{escape(layout.name)}">'
            f'<p:bg><p:bgPr>{_color(layout.background)}<a:effectLst/></p:bgPr></p:bg><p:spTree>'
            '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
            '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/>'
            f"</a:xfrm></p:grpSpPr>{shapes}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>")


THEME_COLORS = {"dk1": INK, "lt1": WHITE, "dk2": NAVY_DARK, "lt2": SAND, "accent1": NAVY, "accent2": EMBER,
                "accent3": MUTED, "accent4": RULE, "accent5": LINK, "accent6": PEACH, "hlink": LINK, "folHlink": MUTED}


def _theme(blob: bytes) -> bytes:
    root = etree.fromstring(blob)
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    scheme = root.find(f".//{{{a}}}clrScheme")
    scheme.set("name", "Prospection facile")
    for name, value in THEME_COLORS.items():
        slot = scheme.find(f"{{{a}}}{name}")
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, f"{{{a}}}srgbClr", val=value)
    fonts = root.find(f".//{{{a}}}fontScheme")
    fonts.set("name", FONT)
    for latin in fonts.iter(f"{{{a}}}latin"):
        latin.set("typeface", FONT)
    root.set("name", "Prospection facile")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def template():
    """python-pptx's blank template made 16:9, with the site's theme and one layout per slide kind."""
    prs = Presentation()
    ratio = W / (prs.slide_width / EMU_PX)
    prs.slide_width, prs.slide_height = Emu(emu(W)), Emu(emu(H))
    master = prs.slide_master
    theme = master.part.part_related_by(RT.THEME)
    theme._blob = _theme(theme.blob)
    for shape in master.placeholders:  # the master's own boxes, widened to 16:9
        shape.left, shape.width = Emu(round(shape.left * ratio)), Emu(round(shape.width * ratio))
    for layout in list(prs.slide_layouts):
        prs.slide_layouts.remove(layout)
    id_list = master._element.get_or_add_sldLayoutIdLst()
    for i, (kind, layout) in enumerate(LAYOUTS.items(), 1):
        part = SlideLayoutPart(PackURI(f"/ppt/slideLayouts/slideLayout{i}.xml"), CT.PML_SLIDE_LAYOUT, prs.part.package,
                               parse_xml(_layout_xml(layout)))
        part.relate_to(master.part, RT.SLIDE_MASTER)
        rid = master.part.relate_to(part, RT.SLIDE_LAYOUT)
        id_list.append(parse_xml(f'<p:sldLayoutId {nsdecls("p", "r")} id="{2147483648 + i}" r:id="{rid}"/>'))
    return prs


# ---------------------------------------------------------------------------------------------
# Writing a deck


Raster = Callable[[str, int, int], bytes]  # (svg, width px, height px) → PNG at twice that size


def _set_runs(paragraph, runs_: Paragraph, size: float | None, style: Style) -> None:
    for run in runs_:
        r = paragraph.add_run()
        r.text = run.text
        f = r.font
        f.language_id = MSO_LANGUAGE_ID.FRENCH
        if size and round(size * 75) != round(style.size * 75):
            f.size = Emu(round(size * 12700 * 0.75))
        if run.bold and not style.bold:
            f.bold = True
        if run.italic and not style.italic:
            f.italic = True
        if run.code:
            f.name = "Courier New"
        if run.href:
            r.hyperlink.address = run.href


def _fill_text(shape, text: Text, style: Style) -> None:
    tf = shape.text_frame
    for i, para in enumerate(text.paragraphs):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        _set_runs(p, para, text.size, style)
        if text.size != style.size and style.space:
            p.space_before = Emu(round(style.space * text.size / style.size * 9525)) if i else Emu(0)
        if text.numbers and style.bullet == "num":
            ppr = p._p.get_or_add_pPr()
            ppr.append(parse_xml(f'<a:buAutoNum {nsdecls("a")} type="arabicPeriod" startAt="{text.numbers[i]}"/>'))


def _place(shape, box, ph: Ph | None = None) -> None:
    x, y, w, h = box
    shape.left, shape.top, shape.width, shape.height = Emu(emu(x)), Emu(emu(y)), Emu(emu(w)), Emu(emu(h))
    if ph and (ph.round or ph.fill or ph.border):  # LibreOffice does not take a placeholder's shape from its layout
        sp_pr = shape._element.spPr
        sp_pr.getparent().replace(sp_pr, parse_xml(_sp_pr(ph, box).replace("<p:spPr>", f'<p:spPr {nsdecls("a", "p")}>', 1)))


def _add_field(slide, ph: Ph, text: Paragraph | None, number: int = 0) -> None:
    """The slide number (a field) or the credit: PowerPoint shows them only where a slide has its own."""
    tree = slide.shapes._spTree
    sp_id = max(int(e.get("id")) for e in tree.iter(qn("p:cNvPr"))) + 1
    if text is None:
        body = ('<a:fld id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}" type="slidenum"><a:rPr lang="fr-FR"/>'
                f"<a:t>{number}</a:t></a:fld>")
    else:
        body = "".join(f'<a:r><a:rPr lang="fr-FR"/><a:t>{escape(r.text, quote=False)}</a:t></a:r>' for r in text)
    tree.append(parse_xml(
        f'<p:sp {nsdecls("a", "p")}><p:nvSpPr><p:cNvPr id="{sp_id}" name="{escape(ph.name)}"/><p:cNvSpPr>'
        f'<a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="{ph.type}" idx="{ph.idx}"/></p:nvPr></p:nvSpPr>'
        f"<p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p>{body}</a:p></p:txBody></p:sp>"))


def _timing(steps: list[tuple[int, int | None]]) -> str:
    """« Appear » on each click: reveal.js fragments. `steps`: (shape id, paragraph index or None)."""
    n = 2
    clicks = []
    for spid, para in steps:
        a, b, c, d = n + 1, n + 2, n + 3, n + 4
        n += 4
        target = f'<p:txEl><p:pRg st="{para}" end="{para}"/></p:txEl>' if para is not None else ""
        clicks.append(
            f'<p:par><p:cTn id="{a}" fill="hold"><p:stCondLst><p:cond delay="indefinite"/></p:stCondLst><p:childTnLst>'
            f'<p:par><p:cTn id="{b}" fill="hold"><p:stCondLst><p:cond delay="0"/></p:stCondLst><p:childTnLst>'
            f'<p:par><p:cTn id="{c}" presetID="1" presetClass="entr" presetSubtype="0" fill="hold" grpId="0" '
            f'nodeType="clickEffect"><p:stCondLst><p:cond delay="0"/></p:stCondLst><p:childTnLst>'
            f'<p:set><p:cBhvr><p:cTn id="{d}" dur="1" fill="hold"><p:stCondLst><p:cond delay="0"/></p:stCondLst></p:cTn>'
            f'<p:tgtEl><p:spTgt spid="{spid}">{target}</p:spTgt></p:tgtEl><p:attrNameLst><p:attrName>style.visibility'
            f'</p:attrName></p:attrNameLst></p:cBhvr><p:to><p:strVal val="visible"/></p:to></p:set>'
            f"</p:childTnLst></p:cTn></p:par></p:childTnLst></p:cTn></p:par></p:childTnLst></p:cTn></p:par>")
    by_paragraph = ' build="p"'
    builds = "".join(dict.fromkeys(
        f'<p:bldP spid="{spid}" grpId="0"{by_paragraph if para is not None else ""}/>' for spid, para in steps))
    return (f'<p:timing {nsdecls("p")}><p:tnLst><p:par><p:cTn id="1" dur="indefinite" restart="never" nodeType="tmRoot">'
            f'<p:childTnLst><p:seq concurrent="1" nextAc="seek"><p:cTn id="2" dur="indefinite" nodeType="mainSeq">'
            f'<p:childTnLst>{"".join(clicks)}</p:childTnLst></p:cTn><p:prevCondLst><p:cond evt="onPrev" delay="0">'
            f'<p:tgtEl><p:sldTgt/></p:tgtEl></p:cond></p:prevCondLst><p:nextCondLst><p:cond evt="onNext" delay="0">'
            f'<p:tgtEl><p:sldTgt/></p:tgtEl></p:cond></p:nextCondLst></p:seq></p:childTnLst></p:cTn></p:par></p:tnLst>'
            f"<p:bldLst>{builds}</p:bldLst></p:timing>")


@lru_cache(maxsize=64)
def compact(png: bytes) -> bytes:
    """A figure's PNG in 64 colours: flat colours and their anti-aliasing, a third of the bytes."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    out = io.BytesIO()
    small = image.quantize(colors=64, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    palette = small.getpalette()[:64 * 3]
    colours = [tuple(palette[i:i + 3]) for i in range(0, len(palette), 3)]
    paper = min(range(len(colours)), key=lambda i: sum(255 - c for c in colours[i]))
    palette[paper * 3:paper * 3 + 3] = [255, 255, 255]  # the paper stays the slide's white
    small.putpalette(palette)
    small.save(out, "PNG")
    return out.getvalue()


@lru_cache(maxsize=64)
def qr_png(url: str) -> bytes:
    buf = io.BytesIO()
    segno.make(url, error="m", mask=2).save(buf, kind="png", scale=10, border=2, dark="#10233d", light="#ffffff")
    return buf.getvalue()


def render(planner: Planner, deck: Deck, plans: list[SlidePlan], raster: Raster) -> bytes:
    prs = template()
    layouts = {layout.name: layout for layout in prs.slide_layouts}
    site = planner.content.site
    prs.core_properties.title = f"{deck.title} · {deck.subtitle}"
    prs.core_properties.subject = deck.audience
    prs.core_properties.author = site.label("card-credit")
    prs.core_properties.last_modified_by = site.label("card-credit")
    prs.core_properties.language = "fr-FR"
    prs.core_properties.revision = 1
    prs.core_properties.created = prs.core_properties.modified = datetime.datetime(*FIXED_DATE)
    for n, plan in enumerate(plans, 1):
        spec = LAYOUTS[plan.layout]
        layout = layouts[spec.name]
        slide = prs.slides.add_slide(layout)
        by_idx = {ph.placeholder_format.idx: ph for ph in slide.placeholders}
        used: set[int] = set()
        steps: list[tuple[int, int | None]] = []
        for text in plan.texts:
            if text.role == "qr-caption":
                box = slide.shapes.add_textbox(0, 0, 0, 0)
                box.name = "Légende du code QR"
                _place(box, text.box)
                tf = box.text_frame
                tf.word_wrap = True
                for side in ("margin_left", "margin_right", "margin_top", "margin_bottom"):
                    setattr(tf, side, 0)
                p = tf.paragraphs[0]
                p.alignment = PP_ALIGN.CENTER
                _set_runs(p, text.paragraphs[0], None, QR_CAPTION)
                for r in p.runs:
                    r.font.size = Emu(round(text.size * 9525))
                    r.font.name = FONT
                    r.font.color.rgb = RGBColor.from_string(MUTED)
                continue
            ph_spec = spec.ph(text.role)
            shape = by_idx[ph_spec.idx]
            shape.name = ph_spec.name
            used.add(ph_spec.idx)
            if text.box != ph_spec.box or ph_spec.round or ph_spec.fill or ph_spec.border:
                _place(shape, text.box, ph_spec)
            _fill_text(shape, text, ph_spec.style)
            if text.steps:
                sid = shape.shape_id
                steps += [(sid, i) for i in range(len(text.paragraphs))] if text.role != "answer" else [(sid, None)]
        if plan.table:
            t = plan.table
            ph = by_idx[spec.ph("table").idx]
            used.add(ph.placeholder_format.idx)
            _place(ph, t.box)
            frame = ph.insert_table(len(t.rows), len(t.columns))
            _place(frame, t.box)
            table = frame.table
            table.horz_banding = False
            for j, w in enumerate(t.columns):
                table.columns[j].width = Emu(emu(w))
            for i, (row, height) in enumerate(zip(t.rows, t.heights)):
                table.rows[i].height = Emu(emu(height))
                for j, cell_runs in enumerate(row):
                    cell = table.cell(i, j)
                    head = i == 0
                    style = replace(TABLE_HEAD if head else TABLE_CELL, bold=head or j == 0,
                                    color=WHITE if head else (NAVY_DARK if j == 0 else INK))
                    _table_cell(cell, cell_runs, style, t.head_size if head else t.size)
        for pic in plan.pictures:
            x, y, w, h = pic.box
            if pic.kind == "figure":
                ph = by_idx[spec.ph("picture").idx]
                used.add(ph.placeholder_format.idx)
                image = io.BytesIO(compact(raster(pic.svg, round(w), round(h))))
                shape = ph.insert_picture(image)
                shape.crop_left = shape.crop_right = shape.crop_top = shape.crop_bottom = 0
                _place(shape, pic.box)
                shape.name = "Figure"
            else:
                shape = slide.shapes.add_picture(io.BytesIO(qr_png(pic.url)), emu(x), emu(y), emu(w), emu(h))
                shape.name = "Code QR"
                shape.click_action.hyperlink.address = pic.url
            c_nv = shape._element.find(f".//{qn('p:cNvPr')}")
            c_nv.set("descr", pic.alt)
            if pic.title:
                c_nv.set("title", pic.title)
        if plan.bar:
            bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, *(emu(v) for v in plan.bar))
            bar.name = "Filet"
            bar.fill.solid()
            bar.fill.fore_color.rgb = RGBColor.from_string(EMBER)
            bar.line.fill.background()
            bar.shadow.inherit = False
        for idx, ph in list(by_idx.items()):  # placeholders this slide does not use
            if idx not in used:
                ph._element.getparent().remove(ph._element)
        _add_field(slide, spec.ph("number"), None, n)
        if plan.footer:
            _add_field(slide, spec.ph("footer"), plan.footer)
        if steps:
            slide._element.append(parse_xml(_timing(steps)))
        notes = slide.notes_slide.notes_text_frame
        for i, para in enumerate(plan.notes):
            p = notes.paragraphs[0] if i == 0 else notes.add_paragraph()
            _set_runs(p, para, None, Style(24, INK))
    out = io.BytesIO()
    prs.save(out)
    return _fixed_dates(out.getvalue())


def _table_cell(cell, cell_runs: Paragraph, style: Style, size: float) -> None:
    pad_x, pad_y = TABLE_PAD
    cell.margin_left = cell.margin_right = Emu(emu(pad_x))
    cell.margin_top = cell.margin_bottom = Emu(emu(pad_y))
    cell.fill.solid()
    cell.fill.fore_color.rgb = RGBColor.from_string(NAVY if style.color == WHITE else WHITE)
    tf = cell.text_frame
    tf.word_wrap = True
    p = tf.paragraphs[0]
    for run in cell_runs:
        r = p.add_run()
        r.text = run.text
        f = r.font
        f.language_id = MSO_LANGUAGE_ID.FRENCH
        f.name = FONT
        f.size = Emu(round(size * 9525))
        f.bold = style.bold or run.bold
        f.italic = run.italic or None
        f.color.rgb = RGBColor.from_string(style.color)
    tc_pr = cell._tc.get_or_add_tcPr()  # borders come before the fill: left, right, top, bottom
    lines = [f'<a:{side} {nsdecls("a")} w="0"><a:noFill/></a:{side}>' for side in ("lnL", "lnR", "lnT")]
    lines.append(f'<a:lnB {nsdecls("a")} w="{emu(2)}"><a:solidFill><a:srgbClr val="{RULE}"/></a:solidFill></a:lnB>')
    for i, line in enumerate(lines):
        tc_pr.insert(i, parse_xml(line))


def _fixed_dates(data: bytes) -> bytes:
    """The same deck gives the same bytes: fixed dates on every zip entry."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


def write_decks(content: Content, site_url: str, site: Path, root: Path, raster: Raster) -> list[Path]:
    """slides/<id>/<id>.pptx for every deck of the built site."""
    planner = Planner(content, site_url, root)
    made = []
    for deck in content.decks:
        target = site / "slides" / deck.id / f"{deck.id}.pptx"
        target.write_bytes(render(planner, deck, planner.deck(deck), raster))
        made.append(target)
    return made
