"""The deck builder: reveal.js decks rendered at build time from the content model.

A deck file (slides/decks/<id>.yml) lists its sections; each section becomes slides whose every
word comes from the content model (argument front matter, comparisons, docs/data/talk.yml).
`add_decks` hands the decks and the reveal.js files to MkDocs as generated files, so
`mkdocs build` writes them with the site, `mkdocs serve` rebuilds them live, and page links
to them are checked like any other link.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urljoin

import segno
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from macros import figures
from macros.model import Argument, Comparison, Content, Deck, DeckSection
from macros.text import esc, french, html_block, html_inline, plain, typeset

HERE = Path(__file__).parent
REVEAL = Path("node_modules/reveal.js")
# What a deck loads from the reveal.js package, and where it goes in the site.
REVEAL_FILES = {
    "dist/reveal.js": "slides/assets/reveal.js",
    "dist/reveal.css": "slides/assets/reveal.css",
    "dist/reset.css": "slides/assets/reset.css",
    "dist/plugin/notes.js": "slides/assets/notes.js",
    "LICENSE": "slides/assets/LICENSE-reveal.js.txt",
}
THEME_FILES = {"theme/deck.css": "slides/assets/deck.css", "theme/deck.js": "slides/assets/deck.js",
               "theme/handout.css": "slides/assets/handout.css"}
HANDOUT = "formation/support/index.html"  # printed to formation/support-participant.pdf by `make pdf`
ROWS_PER_SLIDE = 3


@dataclass
class Slide:
    id: str
    kind: str
    notes: str
    title: str = ""
    kicker: str = ""
    body: Markup = Markup("")
    points: list[Markup] = field(default_factory=list)
    fragments: bool = False
    table: Comparison | None = None
    rows: list = field(default_factory=list)
    qr: Markup | None = None
    qr_url: str = ""
    seconds: int = 0
    css: str = ""


def inline(text: str) -> Markup:
    """Author text as one run of HTML (macros/text.py: escaped, emphasis kept), French typography applied."""
    return Markup(typeset(html_inline(text)))


def block(text: str) -> Markup:
    """Author text as HTML paragraphs."""
    return Markup(typeset(html_block(text)))


@lru_cache(maxsize=64)
def qr_svg(url: str, label: str) -> Markup:
    """A QR code as inline SVG, made offline; its accessible name says where it leads."""
    # A fixed mask skips segno's search over all eight (a quarter of the build's deck time); the
    # browser test decodes every code.
    svg = segno.make(url, error="m", mask=2).svg_inline(scale=6, border=2, dark="#10233d", light="#ffffff", omitsize=True,
                                                 svgclass="qr")
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{esc(f"{label} : {url}")}" ', 1))


def chunks(rows: list, size: int) -> list[list]:
    """Rows split into balanced slides of at most `size` rows (5 → 3 + 2)."""
    count = math.ceil(len(rows) / size)
    step = math.ceil(len(rows) / count)
    return [rows[i : i + step] for i in range(0, len(rows), step)]


class DeckBuilder:
    def __init__(self, content: Content, site_url: str):
        self.content = content
        self.site_url = site_url if site_url.endswith("/") else site_url + "/"
        self.talk = content.talk

    def page_url(self, path: str) -> str:
        return urljoin(self.site_url, path)

    # -- sections ------------------------------------------------------------------------

    def section(self, deck: Deck, section: DeckSection) -> list[Slide]:
        make = getattr(self, f"section_{section.kind}")
        slides = make(deck, section)
        total = round(section.minutes * 60)  # shared out exactly, so the speaker view's pacing adds up
        for i, slide in enumerate(slides):
            slide.seconds = total // len(slides) + (i < total % len(slides))
        return slides

    def part(self, key: str, kind: str, fragments: bool = False, **extra) -> Slide:
        part = getattr(self.talk, key)
        fields = {"id": key, "title": part.title, "notes": part.notes, "points": [inline(p) for p in part.points], **extra}
        return Slide(kind=kind, fragments=fragments, **fields)

    def section_title(self, deck: Deck, section: DeckSection) -> list[Slide]:
        slide = self.part("title", "cover")
        slide.title, slide.kicker = deck.title, deck.subtitle
        return [slide]

    def section_agenda(self, deck: Deck, section: DeckSection) -> list[Slide]:
        slide = self.part("agenda", "agenda")
        slide.rows = [self.content.argument(s.number) for s in deck.sections if s.kind == "argument"]
        return [slide]

    def section_opener(self, deck: Deck, section: DeckSection) -> list[Slide]:
        fig = self.content.figure_for(0)  # the opener's figure names the table of beliefs it draws
        table = self.content.comparison(fig.items_from)
        story = self.part("opener", "points")
        drawn = self.part("opener", "figure", id="opener-figure", points=[], body=Markup(figures.figure(fig, self.content)))
        beliefs = self.part("opener", "points", fragments=True, id="opener-beliefs")
        beliefs.title, beliefs.points = self.talk.beliefs_title, [inline(r.criterion) for r in table.rows]
        return [story, drawn, beliefs, *self.table_slides(table, "opener", self.talk.opener.notes)]

    def section_conclusion(self, deck: Deck, section: DeckSection) -> list[Slide]:
        return [self.part("conclusion", "points", qr_url=self.page_url("conclusion/"))]

    def section_discussion(self, deck: Deck, section: DeckSection) -> list[Slide]:
        return [self.part("discussion", "points", fragments=True)]

    def section_credits(self, deck: Deck, section: DeckSection) -> list[Slide]:
        return [self.part("credits", "points", qr_url=self.site_url)]

    def section_argument(self, deck: Deck, section: DeckSection) -> list[Slide]:
        argument = self.content.argument(section.number)
        base = f"argument-{argument.number}"
        kicker = f"{self.content.site.label('argument')} {argument.number} · {argument.short_title}"
        slides: list[Slide] = []
        for kind in deck.slides_for(section):
            sid = f"{base}-{kind}"
            if kind == "title":
                slides.append(Slide(id=sid, kind="section", notes=argument.notes.intro, kicker=kicker.split(" · ")[0],
                                    title=argument.title))
            elif kind == "claim":
                slides.append(Slide(id=sid, kind="claim", notes=argument.notes.claim, kicker=kicker,
                                    title=self.content.site.sections["claim"].heading, body=inline(argument.claim),
                                    rows=[argument.key_figure] if argument.key_figure else []))
            elif kind == "image":
                slides.append(Slide(id=sid, kind="text", notes=argument.notes.image, kicker=kicker,
                                    title=argument.image.title, body=block(argument.image.text)))
            elif kind == "figure":
                fig = self.content.figure_for(argument.number)
                slides.append(Slide(id=sid, kind="figure", notes=argument.notes.image, kicker=kicker,
                                    title=fig.title, body=Markup(figures.figure(fig, self.content))))
            elif kind == "comparison":
                tables = [self.content.comparison(section.table)] if section.table else self.content.comparisons_for(argument.number)
                for table in tables:
                    slides += self.table_slides(table, f"{base}-{table.id}", argument.notes.comparison, kicker)
            elif kind == "question":
                slides.append(Slide(id=sid, kind="question", notes=argument.notes.question, kicker=kicker,
                                    title=self.content.site.sections["question"].heading, body=inline(argument.question),
                                    points=[inline(p) for p in argument.talking_points], fragments=True))
            elif kind == "takeaways":
                slides.append(Slide(id=sid, kind="points", notes=argument.notes.takeaways, kicker=kicker,
                                    title=self.content.site.sections["takeaways"].heading,
                                    points=[inline(t) for t in argument.takeaways]))
            elif kind == "summary":
                slides.append(Slide(id=sid, kind="summary", notes=argument.notes.summary, kicker=kicker,
                                    title=argument.title, body=inline(argument.claim),
                                    points=[inline(b) for b in argument.bullets]))
            else:  # the model's SlideKind lists every kind handled above
                raise ValueError(f"slide kind « {kind} » has no layout")
        if slides:
            slides[0].id = base
            slides[-1].qr_url = self.page_url(argument.url)
        return slides

    def table_slides(self, table: Comparison, base: str, notes: str, kicker: str = "") -> list[Slide]:
        parts = chunks(list(table.rows), ROWS_PER_SLIDE)
        return [
            Slide(id=f"{base}-table-{i}" if i > 1 else f"{base}-table", kind="table", notes=notes, kicker=kicker,
                  title=table.title + (f" ({i}/{len(parts)})" if len(parts) > 1 else ""), table=table, rows=rows)
            for i, rows in enumerate(parts, 1)
        ]

    # -- the deck ------------------------------------------------------------------------

    def slides(self, deck: Deck) -> list[list[Slide]]:
        sections = [self.section(deck, s) for s in deck.sections]
        seen: set[str] = set()
        for slides in sections:
            for slide in slides:
                while slide.id in seen:  # a section used twice in one deck keeps unique anchors
                    slide.id += "-bis"
                seen.add(slide.id)
                if slide.qr_url:
                    slide.qr = qr_svg(slide.qr_url, self.talk.qr_caption)
        return sections

    def render(self, deck: Deck) -> str:
        sections = self.slides(deck)
        return typeset(template().render(
            deck=deck, sections=sections, site_url=self.site_url, talk=self.talk,
            total_seconds=round(deck.minutes * 60), typeset=typeset,
            author=self.content.site.author, article=self.content.site.article_title,
        ))


ADDRESS = re.compile(r"(?:[a-z][a-z0-9+.-]*:|\.{0,2}/|#)\S*")


def _as_read(value):
    """Every text a template prints is plain text with French spacing (autoescape then escapes it);
    addresses and markup already made (Markup) are printed as they are."""
    if isinstance(value, str) and not isinstance(value, Markup) and not ADDRESS.fullmatch(value):
        return french(plain(value))
    return value


@lru_cache(maxsize=2)
def template(name: str = "deck.html.j2"):
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_as_read,
    )
    env.filters["fr"] = lambda text: Markup(esc(text))  # plain, French spacing, escaped: text or attribute
    return env.get_template(name)


def deck_files(content: Content, site_url: str) -> dict[str, str]:
    """Every deck's index.html, by its path in the site."""
    builder = DeckBuilder(content, site_url)
    return {f"slides/{deck.id}/index.html": builder.render(deck) for deck in content.decks}


def handout_html(content: Content, site_url: str) -> str:
    """The participants' handout: the seven claims, their tables and takeaways, the glossary."""
    site_url = site_url if site_url.endswith("/") else site_url + "/"
    return typeset(template("handout.html.j2").render(
        figures={a.number: Markup(figures.figure(content.figure_for(a.number), content)) for a in content.arguments},
        site=content.site, site_url=site_url, arguments=content.arguments,
        tables={a.number: content.comparisons_for(a.number) for a in content.arguments},
        glossary=sorted(content.glossary, key=lambda t: t.term.lower()),
        qr=qr_svg(site_url, content.site.label("handout-qr")),
    ))


def asset_files(root: Path) -> dict[str, Path]:
    """reveal.js (from the pinned npm package) and the project's deck theme, by path in the site."""
    files = {dest: root / REVEAL / src for src, dest in REVEAL_FILES.items()}
    files.update({dest: HERE / src for src, dest in THEME_FILES.items()})
    missing = [str(p) for p in files.values() if not p.is_file()]
    if missing:
        from mkdocs.exceptions import PluginError

        raise PluginError(f"Missing deck asset {missing[0]}: run `make setup` (npm ci installs reveal.js)")
    return files


def add_decks(files, config, content: Content):
    """Add the decks and their assets to the files MkDocs builds."""
    from mkdocs.structure.files import File

    root = Path(config.config_file_path).parent
    site_url = config.site_url or "http://127.0.0.1:8000/"
    for path, html in deck_files(content, site_url).items():
        files.append(File.generated(config, path, content=html))
    files.append(File.generated(config, HANDOUT, content=handout_html(content, site_url)))
    for path, source in asset_files(root).items():
        files.append(File.generated(config, path, abs_src_path=str(source)))
    return files
