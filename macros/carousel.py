"""LinkedIn carousels: one PDF per argument and one for the series, 1080×1350 pt, laid out here.

The layout is decided in Python with the real font: the Inter files of @fontsource/inter that the
cards use, read by Pillow (HarfBuzz shaping, kerning included). Each text gets the largest size
at which its lines fit its box; its line breaks are fixed here and printed as they are (no
reflow), so what the build measured is what the PDF shows. A text that fits at no size raises
ContentError naming its file and field: `mkdocs build` stops, nothing is ever cut.

`html_page()` gives the page that `scripts/print_pdfs.py` prints with Chromium (`make pdf`): real text,
fonts embedded, the figure as vectors, a title and a language. Chromium then checks that no line
leaves its box, and the print step fixes the PDF's dates so that two builds give the same bytes.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import markdown as markdown_lib
import segno
from PIL import ImageFont

from . import figures
from .cards import BLACK, BOLD, EMBER, FONTS, NAVY, NAVY_DARK, REGULAR, SAND, WHITE
from .citation import file_name
from .model import ARGUMENTS, DATA, Argument, Content, ContentError
from .sharing import CAROUSELS
from .text import french

# Page geometry, in PDF points (1 pt = 1 unit of the PDF's page box): 4:5 portrait.
PAGE_W, PAGE_H = 1080, 1350
PAD = 90
WIDTH = PAGE_W - 2 * PAD  # 900: every text box is this wide (a takeaway's, less its badge)
FIT = 0.97  # lines are measured against 97 % of their box: room for the browser's rounding
KICKER = (32, 1.2)  # size, leading: the line above each page
FOOTER = (26, 1.2)
GAP = 48  # between the kicker, the main zone and the footer
MAIN_TOP = PAD + KICKER[0] * KICKER[1] + GAP
MAIN_H = PAGE_H - 2 * PAD - KICKER[0] * KICKER[1] - FOOTER[0] * FOOTER[1] - 2 * GAP
RULE = (12, 36)  # the accent bar above a heading: height, space below
BADGE = 76  # the takeaways' numbered discs
QR = 400
SWIPE = 110  # the cover's arrow, bottom right: the credits keep clear of it
MIN_FIGURE_SCALE = 1.8  # a figure's 15-unit text stays at 27 pt or more

WEIGHTS = {400: REGULAR, 700: BOLD, 800: BLACK}
INK, MUTED, ACCENT, PAPER = "#17202b", "#4a5563", "#a8431a", "#fbf8f3"  # with the cards' palette, imported


@dataclass(frozen=True)
class Style:
    weight: int
    sizes: tuple[int, ...]  # largest first; the smallest is still readable on a phone
    leading: float = 1.15
    max_lines: int = 99


TITLE = Style(800, (128, 120, 112, 104, 96, 88, 80, 72, 64), 1.08, 6)
SERIES_TITLE = Style(800, (124, 112, 100, 90, 80, 72), 1.06, 5)
HEADING = Style(800, (58, 52, 46), 1.12, 3)
STATEMENT = Style(700, (76, 70, 64, 58, 52, 48), 1.18)
TAKEAWAY = Style(400, (54, 50, 46, 42, 40), 1.22)
CAPTION = Style(400, (34, 32, 30), 1.25, 3)
URL = Style(700, (46, 42, 38, 34, 30), 1.2, 3)
CREDIT = Style(400, (32, 30, 28), 1.25, 3)
LINE = Style(700, (34, 32, 30), 1.2, 2)


@dataclass(frozen=True)
class Source:
    """Where a text comes from, to name it when it does not fit."""

    file: str
    entry: str
    field: str


@dataclass(frozen=True)
class Text:
    lines: tuple[str, ...]
    size: int
    weight: int
    leading: float
    role: str  # CSS class
    source: Source

    @property
    def height(self) -> float:
        return len(self.lines) * self.size * self.leading


@dataclass(frozen=True)
class Page:
    kind: str  # cover, statement, figure, takeaways, end
    dark: bool
    kicker: Text | None
    main: tuple[Text, ...] = ()
    figure: str = ""  # inline SVG
    figure_width: float = 0
    number: int | None = None  # an argument's number, in a disc on its cover
    qr: str = ""
    bottom: tuple[Text, ...] = ()  # the cover's and the last page's lines at the foot
    main_top: float = MAIN_TOP
    main_h: float = MAIN_H


@dataclass(frozen=True)
class Carousel:
    name: str  # file name without .pdf
    title: str  # the PDF's title
    footer: Text
    pages: tuple[Page, ...] = field(default=())
    argument: int | None = None  # None: the series

    @property
    def path(self) -> str:
        return f"{CAROUSELS}/{self.name}.pdf"


# ---------------------------------------------------------------------------------------------
# Measuring with the real font


@lru_cache(maxsize=128)
def _font(root: Path, weight: int, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(root / FONTS / WEIGHTS[weight]), size)


_markdown = markdown_lib.Markdown()


def plain(text: str) -> str:
    """Author Markdown as the plain text a page shows (emphasis dropped), French spacing applied."""
    rendered = _markdown.reset().convert(text.replace("<", "&lt;"))
    return french(html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip())


@lru_cache(maxsize=4096)
def _has_glyph(root: Path, weight: int, char: str) -> bool:
    """Whether the font draws the character (a missing one comes out as the .notdef box)."""
    font = _font(root, weight, 40)
    missing = font.getmask("\U0010fffd")
    drawn = font.getmask(char)
    return drawn.size != missing.size or bytes(drawn) != bytes(missing)


def lacking(root: Path, weight: int, text: str) -> str:
    """The first character of the text that the carousel font lacks, or ""."""
    return next((c for c in dict.fromkeys(text) if not c.isspace() and not _has_glyph(root, weight, c)), "")


# Characters Inter's latin files lack, drawn in a figure from two they have: « ≠ » is « = » struck with « / ».
OVERLAYS = {"≠": ("=", "/")}


def overlay_glyphs(svg: str, root: Path) -> str:
    """A figure's SVG with each character of OVERLAYS drawn as its two glyphs, one over the other.

    The second glyph moves back to the middle of the first, the text after it back to where the
    first glyph ends: the line keeps its width, so centring and wrapping do not change.
    """
    def fix(match: re.Match) -> str:
        attrs, body = match.group(1), match.group(2)
        if not any(c in body for c in OVERLAYS):
            return match.group(0)
        size = float(re.search(r'font-size="([\d.]+)"', attrs).group(1))
        bold = re.search(r'font-weight="(\d+)"', attrs)
        weight = int(bold.group(1)) if bold else 400
        font = _font(root, min(WEIGHTS, key=lambda w: abs(w - weight)), 100)
        for char, (base, over) in OVERLAYS.items():
            a, s = (font.getlength(g) * size / 100 for g in (base, over))
            body = re.sub(re.escape(char) + r"([^<]*)",
                          lambda m: (f'{base}<tspan dx="{-(a + s) / 2:.2f}">{over}</tspan>'
                                     + (f'<tspan dx="{(a - s) / 2:.2f}">{m.group(1)}</tspan>' if m.group(1) else "")),
                          body)
        return f"<text{attrs}>{body}</text>"

    return re.sub(r"<text([^>]*)>(.*?)</text>", fix, svg, flags=re.DOTALL)


def _words(text: str, url: bool) -> list[str]:
    if url:  # an address breaks only after a slash
        return [w for w in re.split(r"(?<=/)", text) if w]
    # any space but the no-break ones separates words (line separators would make the layout fail)
    return [w for w in re.split(r"[^\S\u00a0\u202f]+", text) if w]


def _widths(words: list[str], font: ImageFont.FreeTypeFont, url: bool) -> tuple[list[float], float]:
    """Each word's width and the space's: a line is their sum (the kerning across a space is nil in Inter)."""
    return [font.getlength(w) for w in words], 0.0 if url else font.getlength(" ")


def _broken(words: list[str], font: ImageFont.FreeTypeFont, width: float) -> list[str]:
    """A word wider than the box is broken between its letters, never cut: each piece fills a line."""
    out: list[str] = []
    for word in words:
        while font.getlength(word) > width and len(word) > 1:
            n = len(word) - 1
            while n > 1 and font.getlength(word[:n]) > width:
                n -= 1
            out.append(word[:n])
            word = word[n:]
        out.append(word)
    return out


def wrap(text: str, font: ImageFont.FreeTypeFont, width: float, url: bool = False) -> tuple[list[str], str]:
    """Greedy line breaks; also the first word wider than the box, if any (a single glyph, at most)."""
    words = _broken(_words(text, url), font, width)
    sizes, space = _widths(words, font, url)
    joiner = "" if url else " "
    lines: list[str] = []
    used = 0.0
    too_wide = ""
    for word, size in zip(words, sizes):
        if lines and used + space + size <= width:
            lines[-1] += joiner + word
            used += space + size
        else:
            lines.append(word)
            used = size
            if not too_wide and size > width:
                too_wide = word
    return lines, too_wide


def balance(text: str, font: ImageFont.FreeTypeFont, width: float, count: int, url: bool = False) -> list[str]:
    """As many lines as the greedy breaks, but as even as they can be: no lone short word at the end.

    Minimum raggedness (the sum of each line's squared slack), by dynamic programming over the words.
    """
    words, joiner = _broken(_words(text, url), font, width), "" if url else " "
    sizes, space = _widths(words, font, url)
    n = len(words)
    span: dict[tuple[int, int], float] = {}  # width of words i to j, for the runs that fit on a line
    for i in range(n):
        length = -space
        for j in range(i + 1, n + 1):
            length += space + sizes[j - 1]
            if length > width:
                break
            span[i, j] = length
    best: dict[tuple[int, int], tuple[float, tuple[int, ...]]] = {(0, 0): (0.0, ())}  # (words, lines) → cost, breaks
    for lines in range(1, count + 1):
        for j in range(1, n + 1):
            options = []
            for i in range(j):
                if (i, lines - 1) in best and (i, j) in span:
                    cost, breaks = best[i, lines - 1]
                    options.append((cost + (width - span[i, j]) ** 2, (*breaks, j)))
            if options:
                best[j, lines] = min(options)
    breaks = best[n, count][1]
    return [joiner.join(words[i:j]) for i, j in zip((0, *breaks), breaks)]


def _lone(line: str) -> bool:
    """A line that is one short word (« La », « de », « à »): a smaller size is tried first."""
    return " " not in line and len(line.strip(".,;:!?»«\u202f\u00a0")) <= 3


def fit(root: Path, text: str, style: Style, role: str, source: Source, width: float, height: float,
        url: bool = False, glyphs: bool = True) -> Text:
    """The largest size at which the text's lines fit the box; ContentError when none does, or when
    `glyphs` and the font lacks a character."""
    missing = glyphs and lacking(root, style.weight, text)
    if missing:
        raise ContentError(source.file, source.entry, source.field,
                           f"the character « {missing} » is not in the carousel's font (Inter, latin): write it otherwise")
    fitting = []
    for size in style.sizes:
        font = _font(root, style.weight, size)
        lines, too_wide = wrap(text, font, width * FIT, url)
        if not too_wide and len(lines) <= style.max_lines and len(lines) * size * style.leading <= height:
            if len(lines) > 1:
                lines = balance(text, font, width * FIT, len(lines), url)
            fitting.append(Text(tuple(lines), size, style.weight, style.leading, role, source))
            if not any(_lone(line) for line in lines) or len(lines) == 1:
                return fitting[-1]
    if fitting:  # a lone short word at every size: the largest size it is
        return fitting[0]
    size = style.sizes[-1]
    if too_wide:
        why = f"« {too_wide} » is wider than the page at {size} pt"
    else:
        room = min(style.max_lines, int(height // (size * style.leading)))
        why = f"{len(lines)} lines at {size} pt, room for {room}"
    raise ContentError(source.file, source.entry, source.field, f"too long for a carousel page ({why}): shorten it")


# ---------------------------------------------------------------------------------------------
# Pages


class Layout:
    def __init__(self, content: Content, root: Path, site_url: str, glyphs: bool = True):
        self.content, self.root, self.glyphs = content, root, glyphs
        self.site_url = site_url if site_url.endswith("/") else site_url + "/"
        self.label = content.site.label

    # where texts come from
    def arg(self, a: Argument, name: str) -> Source:
        return Source(str(ARGUMENTS / Path(a.path).name), "front matter", name)

    def site(self, label: str) -> Source:
        return Source(str(DATA / "site.yml"), "labels", label)

    def site_field(self, name: str, entry: str = "") -> Source:
        return Source(str(DATA / "site.yml"), entry, name)

    def fig(self, number: int, name: str) -> Source:
        i, f = next((i, f) for i, f in enumerate(self.content.figures) if f.argument == number)
        return Source(str(DATA / "figures.yml"), f"entry {i + 1} (« {f.id} »)", name)

    def text(self, value: str, style: Style, role: str, source: Source, height: float, width: float = WIDTH,
             url: bool = False) -> Text:
        return fit(self.root, value if url else plain(value), style, role, source, width, height, url, self.glyphs)

    # parts shared by pages
    def kicker(self, value: str, source: Source) -> Text:
        style = Style(700, (KICKER[0],), KICKER[1], 1)
        return self.text(value.upper(), style, "kicker", source, KICKER[0] * KICKER[1])

    def arg_kicker(self, a: Argument, with_name: bool = True) -> Text:
        value = f"{self.label('argument')} {a.number} / {len(self.content.arguments)}"
        if with_name:
            value += f" · {a.short_title}"
        return self.kicker(value, self.arg(a, "short_title") if with_name else self.site("argument"))

    def statement(self, kicker: Text, heading: tuple[str, Source], body: tuple[str, Source]) -> Page:
        head = self.text(heading[0], HEADING, "heading", heading[1], MAIN_H)
        room = MAIN_H - RULE[0] - RULE[1] - head.height - GAP
        return Page("statement", False, kicker, (head, self.text(body[0], STATEMENT, "statement", body[1], room)))

    def figure_page(self, kicker: Text, number: int) -> Page:
        fig = self.content.figure_for(number)
        head = self.text(fig.title, HEADING, "heading", self.fig(number, "title"), MAIN_H)
        caption = self.text(fig.caption, CAPTION, "caption", self.fig(number, "caption"), MAIN_H)
        self.check_figure_glyphs(number)
        svg = overlay_glyphs(figures.svg(fig, self.content), self.root)
        w, h = (float(v) for v in re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg).groups())
        room = MAIN_H - RULE[0] - RULE[1] - head.height - caption.height - 2 * 40
        scale = min(WIDTH / w, room / h)
        if scale < MIN_FIGURE_SCALE:
            where = self.fig(number, "kind")
            raise ContentError(where.file, where.entry, "(drawing)",
                               f"too tall for a carousel page (would be drawn at {scale:.2f}×, at least {MIN_FIGURE_SCALE}× needed)")
        return Page("figure", False, kicker, (head, caption), figure=svg, figure_width=w * scale)

    def check_figure_glyphs(self, number: int) -> None:
        """Every word a figure draws, in the font (or in OVERLAYS); else one line naming the field."""
        fig = self.content.figure_for(number)

        def strings(value, path: str):
            if isinstance(value, str):
                yield path, value
            elif isinstance(value, (list, tuple)):
                for i, item in enumerate(value):
                    yield from strings(item, f"{path}[{i}]")
            elif hasattr(type(value), "model_fields"):
                for name in type(value).model_fields:
                    yield from strings(getattr(value, name), f"{path}.{name}" if path else name)

        found = [(self.fig(number, path), text) for path, text in strings(fig, "") if path not in ("id", "kind")]
        if getattr(fig, "items_from", None):
            i, table = next((i, c) for i, c in enumerate(self.content.comparisons) if c.id == fig.items_from)
            found += [(Source(str(DATA / "comparisons.yml"), f"entry {i + 1} (« {table.id} »)", f"rows[{j}].criterion"), row.criterion)
                      for j, row in enumerate(table.rows)]
        for source, text in found if self.glyphs else ():
            missing = lacking(self.root, 800, "".join(c for c in text if c not in OVERLAYS))
            if missing:
                raise ContentError(source.file, source.entry, source.field,
                                   f"the character « {missing} » is not in the carousel's font (Inter, latin): write it otherwise")

    def takeaways(self, a: Argument) -> Page:
        head = self.text(self.content.site.sections["takeaways"].heading, HEADING, "heading",
                         Source(str(DATA / "site.yml"), "sections", "takeaways.heading"), MAIN_H)
        room = MAIN_H - RULE[0] - RULE[1] - head.height - GAP - 2 * 40
        width = WIDTH - BADGE - 28
        for size in TAKEAWAY.sizes:
            style = Style(TAKEAWAY.weight, (size,), TAKEAWAY.leading)
            items = [fit(self.root, plain(t), style, "takeaway", self.arg(a, f"takeaways[{i}]"), width, MAIN_H, glyphs=self.glyphs)
                     for i, t in enumerate(a.takeaways)]
            if sum(max(BADGE, t.height) for t in items) <= room:
                return Page("takeaways", False, self.arg_kicker(a), (head, *items))
        longest = max(range(len(items)), key=lambda i: items[i].height)
        raise ContentError(str(ARGUMENTS / Path(a.path).name), "front matter", f"takeaways[{longest}]",
                           f"too long for a carousel page (the three take {sum(max(BADGE, t.height) for t in items):.0f} pt "
                           f"at {TAKEAWAY.sizes[-1]} pt, room for {room:.0f}): shorten them")

    def end(self, heading: tuple[str, Source], url: str) -> Page:
        credit = self.credit(WIDTH)
        main_h = PAGE_H - 2 * PAD - credit.height - GAP
        head = self.text(heading[0], HEADING, "heading", heading[1], main_h)
        shown = re.sub(r"^https?://", "", url)
        room = main_h - head.height - GAP - QR - 40
        link = self.text(shown, URL, "url", Source("mkdocs.yml", "", "site_url"), room, url=True)
        qr = segno.make(url, error="m").svg_inline(scale=10, border=2, dark=NAVY_DARK, light=WHITE, omitsize=True,
                                                     svgclass="qr")
        return Page("end", True, None, (head, link), qr=qr, bottom=(credit,), main_top=PAD, main_h=main_h)

    def credit(self, width: float) -> Text:
        s = self.content.site
        value = f"{self.label('carousel-credit')} « {s.article_title} » de {s.author.name} ({s.author.organization})"
        return self.text(value, CREDIT, "credit", self.site("carousel-credit"), MAIN_H, width)

    def footer(self) -> Text:
        style = Style(700, (FOOTER[0],), FOOTER[1], 1)
        return self.text(self.content.site.article_title, style, "footer", self.site_field("article_title"),
                         FOOTER[0] * FOOTER[1], WIDTH - 160)

    def cover(self, kicker: Text, bottom: tuple[Text, ...], number: int | None, *titles: tuple[str, Style, str, Source]) -> Page:
        """The first page: the kicker, a disc with the number (arguments), the title, and credits at the foot."""
        bottom_h = sum(t.height for t in bottom) + 8 * (len(bottom) - 1)
        main_h = PAGE_H - PAD - bottom_h - GAP - MAIN_TOP
        room = main_h - (300 + GAP if number is not None else 0)
        texts = []
        for value, style, role, source in titles:
            texts.append(self.text(value, style, role, source, room))
            room -= texts[-1].height + GAP
        return Page("cover", True, kicker, tuple(texts), number=number, bottom=bottom, main_h=main_h)

    # the two kinds of carousel
    def argument(self, a: Argument) -> Carousel:
        sections = self.content.site.sections
        site_yml = str(DATA / "site.yml")
        bottom = (self.text(self.content.site.article_title, LINE, "site", self.site_field("article_title"), MAIN_H, WIDTH - SWIPE),
                  self.text(self.label("card-credit"), CREDIT, "credit", self.site("card-credit"), MAIN_H, WIDTH - SWIPE))
        cover = self.cover(self.arg_kicker(a, with_name=False), bottom, a.number, (a.title, TITLE, "title", self.arg(a, "title")))
        kicker = self.arg_kicker(a)
        pages = (
            cover,
            self.statement(kicker, (sections["promise"].heading, Source(site_yml, "sections", "promise.heading")),
                           (a.promise_line, self.arg(a, "promise_line"))),
            self.statement(kicker, (sections["reality"].heading, Source(site_yml, "sections", "reality.heading")),
                           (a.reality_line, self.arg(a, "reality_line"))),
            self.figure_page(kicker, a.number),
            self.takeaways(a),
            self.statement(kicker, (self.label("carousel-question"), self.site("carousel-question")),
                           (a.question, self.arg(a, "question"))),
            self.end((self.label("carousel-more"), self.site("carousel-more")), f"{self.site_url}{a.number}/"),
        )
        name = f"{self.label('argument')} {a.number} : {plain(a.title)}"
        return Carousel(file_name(a), name, self.footer(), pages, a.number)

    def series(self) -> Carousel:
        s = self.content.site
        site_yml = str(DATA / "site.yml")
        cover = self.cover(self.kicker(self.label("site-kicker"), self.site("site-kicker")),
                           (self.text(self.label("card-credit"), CREDIT, "credit", self.site("card-credit"), MAIN_H, WIDTH - SWIPE),),
                           None, (s.article_title, SERIES_TITLE, "title", self.site_field("article_title")),
                           (self.label("all-arguments"), HEADING, "subtitle", self.site("all-arguments")))
        opener = self.figure_page(self.kicker(self.content.talk.opener.title, Source(str(DATA / "talk.yml"), "opener", "title")), 0)
        claims = tuple(self.statement(self.arg_kicker(a, with_name=False), (a.title, self.arg(a, "title")),
                                      (a.claim, self.arg(a, "claim")))
                       for a in self.content.arguments)
        end = self.end((self.label("carousel-series-more"), self.site("carousel-series-more")), self.site_url)
        return Carousel(file_name(None), f"{s.article_title} – {self.label('all-arguments')}", self.footer(),
                        (cover, opener, *claims, end))


def layout(content: Content, root: Path | str, site_url: str, glyphs: bool = True) -> tuple[Carousel, ...]:
    """Every carousel: the series first, then one per argument. Raises ContentError on a text that does not fit,
    and, with `glyphs`, on a character Inter cannot draw. The site's build checks the fit only (any text builds);
    the PDF step, which prints with Inter, checks the characters too."""
    make = Layout(content, Path(root), site_url, glyphs)
    return (make.series(), *(make.argument(a) for a in content.arguments))


# ---------------------------------------------------------------------------------------------
# The printable page


def _text(t: Text, extra: str = "") -> str:
    e = html.escape
    lines = "".join(f'<span class="l">{e(line)}</span>' for line in t.lines)
    return (f'<div class="t {t.role}" style="font-size:{t.size}pt;line-height:{t.size * t.leading:g}pt;font-weight:{t.weight}{extra}" '
            f'data-file="{e(t.source.file)}" data-entry="{e(t.source.entry)}" data-field="{e(t.source.field)}">{lines}</div>')


def _page(page: Page, index: int, total: int, footer: Text) -> str:
    dark = " page--dark" if page.dark else ""
    parts = [f'<section class="page page--{page.kind}{dark}" data-page="{index}">']
    if page.kicker:
        parts.append(f'<div class="zone zone--kicker">{_text(page.kicker)}</div>')
    main = []
    if page.kind == "cover":
        if page.number is not None:
            main.append(f'<div class="disc" aria-hidden="true">{page.number}</div>')
        main += [_text(t) for t in page.main]
    elif page.kind == "statement":
        main += ['<div class="rule"></div>', _text(page.main[0]), f'<div style="height:{GAP}pt"></div>', _text(page.main[1])]
    elif page.kind == "figure":
        main += ['<div class="rule"></div>', _text(page.main[0]),
                 f'<div class="figure" style="width:{page.figure_width:.1f}pt">{page.figure}</div>', _text(page.main[1])]
    elif page.kind == "takeaways":
        main += ['<div class="rule"></div>', _text(page.main[0]), f'<div style="height:{GAP - 40}pt"></div>']
        main += [f'<div class="item"><div class="badge">{i}</div>{_text(t)}</div>' for i, t in enumerate(page.main[1:], 1)]
    elif page.kind == "end":
        main += [_text(page.main[0]), f'<div class="qr-box">{page.qr}</div>', _text(page.main[1])]
    parts.append(f'<div class="zone zone--main zone--{page.kind}" style="top:{page.main_top:g}pt;height:{page.main_h:g}pt">'
                 f'{"".join(main)}</div>')
    if page.bottom:
        parts.append(f'<div class="zone zone--bottom">{"".join(_text(t) for t in page.bottom)}</div>')
    elif not page.dark:
        parts.append(f'<div class="zone zone--footer">{_text(footer)}<span class="folio">{index} / {total}</span></div>')
    if page.kind == "cover":
        parts.append('<svg class="swipe" viewBox="0 0 60 40" aria-hidden="true"><path d="M4 20h44M34 6l16 14-16 14"/></svg>')
    parts.append("</section>")
    return "".join(parts)


def html_page(carousel: Carousel, root: Path | str) -> str:
    """The carousel as one HTML file for Chromium to print: fonts from node_modules, figure styles from the site."""
    root = Path(root)
    faces = "".join(
        f"@font-face{{font-family:Inter;font-weight:{w};font-style:normal;src:url({(root / FONTS / f).resolve().as_uri()}) format('woff')}}"
        for w, f in WEIGHTS.items())
    figures_css = (root / "docs" / "assets" / "figures.css").read_text(encoding="utf-8")
    pages = "".join(_page(p, i, len(carousel.pages), carousel.footer) for i, p in enumerate(carousel.pages, 1))
    return (f'<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{html.escape(carousel.title)}</title>'
            f"<style>{faces}{figures_css}{CSS}</style></head><body>{pages}</body></html>\n")


CSS = f"""
@page {{ size: {PAGE_W}pt {PAGE_H}pt; margin: 0; }}
* {{ box-sizing: border-box; }}
html, body {{ margin: 0; padding: 0; }}
body {{ font-family: Inter; color: {INK}; -webkit-print-color-adjust: exact; print-color-adjust: exact;
  font-kerning: normal; font-variant-ligatures: none; }}
.page {{ position: relative; width: {PAGE_W}pt; height: {PAGE_H}pt; overflow: hidden; break-after: page; background: {PAPER}; }}
.page:last-child {{ break-after: auto; }}
.page--dark {{ background: {NAVY_DARK}; color: {WHITE}; }}
.zone {{ position: absolute; left: {PAD}pt; width: {WIDTH}pt; }}
.zone--kicker {{ top: {PAD}pt; }}
.zone--main {{ display: flex; flex-direction: column; justify-content: center; }}
.zone--footer {{ bottom: {PAD}pt; display: flex; justify-content: space-between; align-items: baseline; color: {MUTED}; }}
.zone--bottom {{ bottom: {PAD}pt; color: {SAND}; }}
.t {{ margin: 0; }}
.l {{ display: block; white-space: nowrap; }}
.kicker {{ color: {ACCENT}; letter-spacing: 0; }}
.page--dark .kicker {{ color: {EMBER}; }}
.folio {{ font-size: {FOOTER[0]}pt; font-weight: 700; }}
.rule {{ width: 120pt; height: {RULE[0]}pt; background: {EMBER}; border-radius: 6pt; margin-bottom: {RULE[1]}pt; flex: none; }}
.heading {{ color: {NAVY}; }}
.statement {{ color: {INK}; }}
.caption {{ color: {MUTED}; margin-top: 40pt; }}
.figure {{ margin-top: 40pt; align-self: center; }}
.figure svg {{ display: block; width: 100%; height: auto; overflow: visible; font-family: Inter; }}
.item {{ display: flex; gap: 28pt; align-items: flex-start; margin-top: 40pt; }}
.item .t {{ flex: 1 1 0; min-width: 0; }}
.badge {{ flex: none; width: {BADGE}pt; height: {BADGE}pt; border-radius: 50%; background: {NAVY}; color: {WHITE};
  font-weight: 800; font-size: 40pt; line-height: {BADGE}pt; text-align: center; }}
.zone--cover {{ justify-content: center; }}
.zone--cover:has(.disc) {{ justify-content: space-between; }}
.disc {{ width: 300pt; height: 300pt; border-radius: 50%; background: {EMBER}; color: {NAVY_DARK}; font-weight: 800;
  font-size: 200pt; line-height: 300pt; text-align: center; margin-bottom: {GAP}pt; flex: none; }}
.page--cover .title {{ color: {WHITE}; }}
.page--cover .subtitle {{ color: {EMBER}; margin-top: {GAP}pt; }}
.page--cover .title {{ flex: none; }}
.zone--bottom .site {{ color: {WHITE}; margin-bottom: 8pt; }}
.credit {{ color: {SAND}; }}
.swipe {{ position: absolute; right: {PAD}pt; bottom: {PAD}pt; width: 72pt; height: 48pt; fill: none; stroke: {EMBER};
  stroke-width: 6; stroke-linecap: round; stroke-linejoin: round; }}
.zone--end {{ align-items: center; justify-content: center; text-align: center; }}
.page--end .heading {{ color: {WHITE}; }}
.zone--end .t, .zone--bottom .t {{ align-self: stretch; }}
.qr-box {{ width: {QR}pt; height: {QR}pt; margin: {GAP}pt 0 40pt; background: {WHITE}; border-radius: 12pt; padding: 0; flex: none; }}
.qr-box svg {{ display: block; width: 100%; height: 100%; }}
.url {{ color: {EMBER}; }}
.page--end .zone--bottom {{ text-align: center; }}
"""
