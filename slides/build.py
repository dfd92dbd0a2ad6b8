"""The deck builder: reveal.js decks rendered at build time from the content model.

A deck file (slides/decks/<id>.yml) lists its sections; each section becomes slides whose every
word comes from the content model (argument front matter, comparisons, docs/data/talk.yml).
`add_decks` hands the decks and the reveal.js files to MkDocs as generated files, so
`mkdocs build` writes them with the site, `mkdocs serve` rebuilds them live, and page links
to them are checked like any other link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urljoin

import segno
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from macros import figures
from macros.render import minutes
from macros.model import Comparison, Content, Deck, Part
from macros.text import duration_fr, esc, french, html_block, html_inline, plain, typeset

HERE = Path(__file__).parent
REVEAL = Path("node_modules/reveal.js")
# What a deck loads from the reveal.js package, and where it goes in the site.
REVEAL_FILES = {
    "dist/plugin/notes.js": "slides/assets/notes.js",  # fetched by deck.js once the deck shows
    "LICENSE": "slides/assets/LICENSE-reveal.js.txt",
}
THEME_FILES = {"theme/handout.css": "slides/assets/handout.css"}
# A deck loads one stylesheet and one script, each these files joined in order (paths from the
# project root): every request more delays the first slide on a slow phone (make bench).
BUNDLES = {
    "slides/assets/deck.css": (REVEAL / "dist/reset.css", REVEAL / "dist/reveal.css", Path("docs/assets/figures.css"),
                               Path("slides/theme/deck.css")),
    "slides/assets/deck.js": (REVEAL / "dist/reveal.js", Path("slides/theme/deck.js")),
}
HANDOUT = "formation/support/index.html"  # printed to formation/support-participant.pdf by `make pdf`


@dataclass
class Slide:
    id: str
    kind: str
    notes: Markup
    title: str = ""
    kicker: str = ""
    body: Markup = Markup("")
    points: list[Markup] = field(default_factory=list)
    fragments: bool = False
    table: Comparison | None = None
    rows: list = field(default_factory=list)
    meta: str = ""  # an exercise's group and duration, a debrief's duration
    countdown: int = 0  # seconds: exercise, debrief and break slides carry a countdown
    answer: int = -1  # a quiz slide's right choice, marked by a fragment
    qr: Markup | None = None
    qr_url: str = ""
    seconds: int = 0


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


def share(total: int, count: int) -> list[int]:
    """`total` seconds shared out exactly over `count` slides (the speaker view's pacing adds up)."""
    return [total // count + (i < total % count) for i in range(count)]


class DeckBuilder:
    def __init__(self, content: Content, site_url: str):
        self.content = content
        self.site_url = site_url if site_url.endswith("/") else site_url + "/"
        self.talk = content.talk

    def page_url(self, path: str) -> str:
        return urljoin(self.site_url, path)

    # -- parts ---------------------------------------------------------------------------
    # Each part of the deck (model.Part) gives its slides, each with its own notes and seconds.

    def part_slides(self, deck: Deck, part: Part) -> list[Slide]:
        slides = getattr(self, f"part_{part.kind}")(deck, part)
        if not any(s.seconds for s in slides):
            for slide, seconds in zip(slides, share(round(part.minutes * 60), len(slides))):
                slide.seconds = seconds
        return slides

    def talk_slide(self, key: str, kind: str, fragments: bool = False, **extra) -> Slide:
        part = getattr(self.talk, key)
        fields = {"id": key, "title": part.title, "notes": block(part.notes), "points": [inline(p) for p in part.points],
                  **extra}
        return Slide(kind=kind, fragments=fragments, **fields)

    def part_title(self, deck: Deck, part: Part) -> list[Slide]:
        slide = self.talk_slide("title", "cover")
        slide.title, slide.kicker = deck.title, deck.subtitle
        return [slide]

    def part_agenda(self, deck: Deck, part: Part) -> list[Slide]:
        slide = self.talk_slide("agenda", "agenda")
        slide.rows = [self.content.argument(s.number) for s in deck.sections if s.kind == "argument"]
        return [slide]

    def part_opener(self, deck: Deck, part: Part) -> list[Slide]:
        fig = self.content.figure_for(0)  # the opener's figure names the table of beliefs it draws
        table = self.content.comparison(fig.items_from)
        made = {
            "figure": lambda: self.figure_slide(fig, "opener-figure"),
            "beliefs": lambda: self.talk_slide("opener", "points", fragments=True, id="opener-beliefs",
                                               title=self.talk.beliefs_title,
                                               points=[inline(r.criterion) for r in table.rows]),
            "table": lambda: self.table_slide(table, "opener"),
        }
        return [made[kind]() for kind in part.section.slides or ("figure", "beliefs", "table")]

    def part_thesis(self, deck: Deck, part: Part) -> list[Slide]:
        return [self.talk_slide("thesis", "points")]

    def part_pause(self, deck: Deck, part: Part) -> list[Slide]:
        seconds = round(part.minutes * 60)
        return [self.talk_slide("pause", "pause", countdown=seconds, meta=duration_fr(seconds))]

    def part_quiz(self, deck: Deck, part: Part) -> list[Slide]:
        slides = [self.talk_slide("quiz", "points")]
        for a in self.content.arguments:
            item = a.quiz[0]  # the first item of each argument is the one asked in the room
            slides.append(Slide(id=f"quiz-{a.number}", kind="quiz", notes=block(item.explanation),
                                kicker=f"{self.talk.quiz.title} · {self.content.site.label('argument')} {a.number}",
                                title=item.question, points=[inline(c) for c in item.choices], answer=item.answer))
        return slides

    def part_conclusion(self, deck: Deck, part: Part) -> list[Slide]:
        return [self.talk_slide("conclusion", "points", qr_url=self.page_url("conclusion/"))]

    def part_discussion(self, deck: Deck, part: Part) -> list[Slide]:
        return [self.talk_slide("discussion", "points", fragments=True)]

    def part_credits(self, deck: Deck, part: Part) -> list[Slide]:
        return [self.talk_slide("credits", "points", qr_url=self.site_url)]

    def part_exercise(self, deck: Deck, part: Part) -> list[Slide]:
        a = self.content.argument(part.number)
        e, seconds = a.exercise, round(part.minutes * 60)
        notes = block(e.situation) + block(self.talk.exercise.notes)
        return [Slide(id=f"exercice-{a.number}", kind="exercise", notes=notes, seconds=seconds,
                      kicker=f"{self.talk.label('exercise')} · {self.content.site.label('argument')} {a.number}",
                      title=e.title, points=[inline(s) for s in e.steps], countdown=seconds,
                      meta=f"{self.talk.group(e.group)} · {duration_fr(seconds)}")]

    def part_debrief(self, deck: Deck, part: Part) -> list[Slide]:
        a = self.content.argument(part.number)
        e, seconds = a.exercise, round(part.minutes * 60)
        listen = Markup("<ul>{}</ul>").format(Markup("").join(Markup("<li>{}</li>").format(inline(x)) for x in e.listen_for))
        notes = (block(self.talk.debrief.notes) + block(f"**{self.content.site.label('exercise-listen')}**")
                 + listen + block(e.closing))
        return [Slide(id=f"exercice-{a.number}-mise-en-commun", kind="debrief", notes=notes, seconds=seconds,
                      kicker=f"{self.talk.label('debrief')} · {self.talk.label('exercise')} {a.number}",
                      title=e.title, body=inline(e.debrief.prompt), countdown=seconds, meta=duration_fr(seconds))]

    def part_argument(self, deck: Deck, part: Part) -> list[Slide]:
        a = self.content.argument(part.number)
        site = self.content.site
        base = f"argument-{a.number}"
        kicker = f"{site.label('argument')} {a.number} · {a.short_title}"
        slides: list[Slide] = []
        for kind, mins in deck.argument_slides.items():
            sid, seconds = f"{base}-{kind}", round(mins * 60)
            if kind == "title":
                made = [Slide(id=sid, kind="section", notes=block(a.notes.intro), kicker=f"{site.label('argument')} {a.number}",
                              title=a.title, body=Markup(esc(f"{self.talk.label('source', n=a.number)} : ")) + inline(f"« {a.source.heading} »"))]
            elif kind == "claim":
                made = [Slide(id=sid, kind="claim", notes=block(a.notes.claim), kicker=kicker, title=a.claim)]
            elif kind == "image":
                made = [Slide(id=sid, kind="image", notes=block(a.notes.image), kicker=kicker, title=a.image.title,
                              body=inline(a.image.line))]
            elif kind == "figure":
                made = [self.figure_slide(self.content.figure_for(a.number), sid, kicker)]
            elif kind == "comparison":
                tables = [self.content.comparison(part.section.table)] if part.section.table else self.content.comparisons_for(a.number)
                made = [self.table_slide(t, f"{base}-{t.id}", kicker) for t in tables]
            elif kind == "question":
                made = [Slide(id=sid, kind="question", notes=block(a.notes.question), kicker=kicker,
                              title=self.talk.label("question"), body=inline(a.question),
                              points=[inline(p) for p in a.talking_points], fragments=True)]
            elif kind == "takeaways":
                made = [Slide(id=sid, kind="points", notes=block(a.notes.takeaways), kicker=kicker,
                              title=self.talk.label("takeaways"), points=[inline(t) for t in a.takeaways])]
            else:  # the model's SlideKind lists every kind handled above
                raise ValueError(f"slide kind « {kind} » has no layout")
            for slide, share_ in zip(made, share(seconds, len(made))):
                slide.seconds = share_
            slides += made
        slides[0].id = base
        slides[-1].qr_url = self.page_url(a.url)
        return slides

    def figure_slide(self, fig, sid: str, kicker: str = "") -> Slide:
        return Slide(id=sid, kind="figure", notes=block(fig.notes), kicker=kicker, title=fig.title,
                     body=Markup(figures.svg(fig, self.content)))

    def table_slide(self, table: Comparison, base: str, kicker: str = "") -> Slide:
        return Slide(id=f"{base}-table", kind="table", notes=block(table.reading), kicker=kicker, title=table.title,
                     table=table, rows=table.shown_rows)

    # -- the deck ------------------------------------------------------------------------

    def slides(self, deck: Deck) -> list[list[Slide]]:
        sections = [self.part_slides(deck, p) for p in self.content.parts(deck)]
        seen: set[str] = set()
        for slides in sections:
            for slide in slides:
                while slide.id in seen:  # a part used twice in one deck keeps unique anchors
                    slide.id += "-bis"
                seen.add(slide.id)
                if slide.qr_url:
                    slide.qr = qr_svg(slide.qr_url, self.talk.qr_caption)
        return sections

    def render(self, deck: Deck) -> str:
        sections = self.slides(deck)
        return typeset(template().render(
            deck=deck, sections=sections, talk=self.talk, total_seconds=round(deck.minutes * 60),
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
    return env.get_template(name)


def deck_files(content: Content, site_url: str) -> dict[str, str]:
    """Every deck's index.html, by its path in the site."""
    builder = DeckBuilder(content, site_url)
    return {f"slides/{deck.id}/index.html": builder.render(deck) for deck in content.decks}


def handout_html(content: Content, site_url: str) -> str:
    """The participants' handout: the opener and the thesis, one page per argument, the exercises, the
    conclusion and the glossary."""
    site_url = site_url if site_url.endswith("/") else site_url + "/"
    opener = content.figure_for(0)
    talk = content.talk
    return typeset(template("handout.html.j2").render(
        talk=talk, opener_figure=opener, opener_svg=Markup(figures.figure(opener, content)),
        opener_table=content.comparison(opener.items_from),
        groups={a.number: talk.group(a.exercise.group) for a in content.arguments},
        durations={a.number: f"{minutes(a.exercise.minutes)} · {content.site.label('exercise-debrief')} : "
                             f"{minutes(a.exercise.debrief.minutes)}" for a in content.arguments},
        figures={a.number: Markup(figures.figure(content.figure_for(a.number), content)) for a in content.arguments},
        site=content.site, site_url=site_url, arguments=content.arguments,
        tables={a.number: content.comparisons_for(a.number) for a in content.arguments},
        glossary=content.glossary_in_order,
        qr=qr_svg(site_url, content.site.label("handout-qr")),
    ))


def asset_files(root: Path) -> dict[str, Path]:
    """Files copied as they are (reveal.js's notes plugin and licence, the handout's stylesheet),
    by path in the site; checks that the bundles' parts are there too."""
    files = {dest: root / REVEAL / src for src, dest in REVEAL_FILES.items()}
    files.update({dest: HERE / src for src, dest in THEME_FILES.items()})
    missing = [str(p) for p in [*files.values(), *(root / p for parts in BUNDLES.values() for p in parts)] if not p.is_file()]
    if missing:
        from mkdocs.exceptions import PluginError

        raise PluginError(f"Missing deck asset {missing[0]}: run `make setup` (npm ci installs reveal.js)")
    return files


def check_pptx(content: Content, site_url: str, root: Path) -> None:
    """Every deck element must have a PowerPoint rendering (`make pdf` writes the files): one line if not.
    Whether each text fits its slide is the PDF step's check: any text builds the site."""
    from mkdocs.exceptions import PluginError

    from macros.model import ContentError
    from slides import powerpoint

    try:
        powerpoint.check(content, site_url, root, fit=False)
    except ContentError as error:
        raise PluginError(f"Bad content: {error}") from None


def add_decks(files, config, content: Content):
    """Add the decks and their assets to the files MkDocs builds."""
    from mkdocs.structure.files import File

    root = Path(config.config_file_path).parent
    site_url = config.site_url or "http://127.0.0.1:8000/"
    for path, html in deck_files(content, site_url).items():
        files.append(File.generated(config, path, content=html))
    check_pptx(content, site_url, root)
    files.append(File.generated(config, HANDOUT, content=handout_html(content, site_url)))
    for path, source in asset_files(root).items():
        files.append(File.generated(config, path, abs_src_path=str(source)))
    for path, parts in BUNDLES.items():
        files.append(File.generated(config, path, content=bundle(root, parts)))
    return files


def bundle(root: Path, parts: tuple[Path, ...]) -> str:
    """Files joined in order, each after a comment naming it (reveal.js's: MIT, LICENSE-reveal.js.txt)."""
    return "\n".join(f"/* {part.as_posix()} */\n{(root / part).read_text(encoding='utf-8')}" for part in parts)
