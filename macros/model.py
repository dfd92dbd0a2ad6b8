"""The content model: every piece of content an author writes, read and validated once.

`load(root)` reads the argument pages' front matter, the YAML data in docs/data/ and the deck
files in slides/decks/, checks them, and returns one immutable `Content`. Pages, decks and
tests use that object; nothing else parses a content file. Any problem raises `ContentError`,
whose message is one line naming the file, the entry, the field and what was expected.

This module knows nothing of MkDocs or Material, so a move to another generator keeps it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

# ---------------------------------------------------------------------------------------------
# Errors


class ContentError(Exception):
    """Bad content: one line, naming the file, the entry, the field and what was expected."""

    def __init__(self, file: str, entry: str, field: str, expected: str, line: int | None = None):
        where = f"{file}:{line}" if line else file
        parts = [where, entry, field, expected]
        super().__init__(": ".join(p for p in parts if p))
        self.file, self.entry, self.field, self.expected, self.line = file, entry, field, expected, line


# ---------------------------------------------------------------------------------------------
# Typed entries

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


def Short(limit: int, floor: int = 1):
    """A text of at most `limit` characters: what a slide, a card or a carousel page can hold."""
    return Annotated[str, StringConstraints(strip_whitespace=True, min_length=floor, max_length=limit)]


# Verbs a trainer can observe: an objective starts with one of them (« Reconnaître… » cannot be seen).
OBSERVABLE_VERBS = (
    "identifier", "distinguer", "formuler", "expliquer", "reformuler", "repérer", "classer", "comparer",
    "justifier", "argumenter", "construire", "rédiger", "évaluer", "choisir", "citer", "décrire", "estimer",
    "lister", "préparer", "hiérarchiser", "cartographier", "qualifier", "illustrer", "relier", "nommer",
    "situer", "proposer", "définir", "calculer", "reconstituer", "répondre",
)
CUT = "[…]"


def fold(text: str) -> str:
    """Lowercase, one kind of apostrophe, one kind of space: for comparing texts."""
    return " ".join(text.lower().replace("’", "'").split())


def collation_key(text: str) -> tuple[str, str]:
    """Dictionary order for French: letters without their accents first, then the accented form."""
    bare = "".join(c for c in unicodedata.normalize("NFD", text.casefold()) if not unicodedata.combining(c))
    return bare.replace("œ", "oe").replace("æ", "ae"), text.casefold()


def words_of(text: str) -> list[str]:
    return re.findall(r"[0-9a-zà-öø-ÿœæ]+", text.lower().replace("’", "'"))


class Source(Entry):
    """Where an argument comes from: the article's heading for its part, quoted.

    Quoted exactly as the article writes it; a long heading is cut with « […] », and each quoted
    stretch stays short (a quotation, not a copied sentence)."""

    heading: Text

    @model_validator(mode="after")
    def _short_quotation(self):
        for stretch in self.heading.split(CUT):
            if len(words_of(stretch)) > 7:
                raise ValueError(f"heading: expected at most 7 words between cuts « {CUT} », got « {stretch.strip()} »")
        return self


class Image(Entry):
    title: Short(60)
    text: Text  # the page's prose
    line: Short(110)  # the slide's one line; the story itself goes to the notes


class KeyFigure(Entry):
    value: Short(12)
    label: Short(80)
    origin: Text


class Notes(Entry):
    """Speaker notes of an argument's own slides (figures and tables carry theirs in their data)."""

    intro: Text
    claim: Text
    image: Text
    question: Text
    takeaways: Text


class Objective(Entry):
    id: Id
    text: Short(150)

    @model_validator(mode="after")
    def _observable(self):
        verb = self.text.split()[0].lower().strip(",:")
        if verb not in OBSERVABLE_VERBS:
            raise ValueError(f"text: expected to start with an observable verb ({', '.join(OBSERVABLE_VERBS[:6])}…), got « {verb} »")
        return self


class Debrief(Entry):
    minutes: Annotated[int, Field(ge=2, le=30)]
    prompt: Short(120)


class Exercise(Entry):
    title: Short(70)
    situation: Text  # read aloud by the trainer, printed in the handout
    steps: Annotated[list[Short(90)], Field(min_length=1, max_length=3)]  # with the group line: 4 lines at most
    group: Annotated[int, Field(ge=1, le=6)]  # people per group: 1 alone, 2 in pairs
    minutes: Annotated[int, Field(ge=3, le=45)]
    debrief: Debrief
    listen_for: Annotated[list[Text], Field(min_length=2, max_length=4)]
    closing: Text
    checks: Annotated[list[Id], Field(min_length=1)]  # the objectives it lets the trainer observe


class QuizItem(Entry):
    question: Short(150)
    choices: Annotated[list[Short(90)], Field(min_length=3, max_length=4)]
    answer: Annotated[int, Field(ge=0)]
    explanation: Text
    checks: Id  # the objective this item checks

    @model_validator(mode="after")
    def _answer_is_a_choice(self):
        if self.answer >= len(self.choices):
            raise ValueError(f"answer {self.answer} is not a choice index (0 to {len(self.choices) - 1})")
        return self


def _quoted(text: str) -> bool:
    return text.startswith("«") and text.endswith("»")


class Argument(Entry):
    number: Annotated[int, Field(ge=1)]
    slug: Id
    title: Short(90)
    short_title: Short(30)
    source: Source
    claim: Short(160, 50)
    promise: Text
    promise_line: Short(150, 20)
    reality: Text
    reality_line: Short(150, 20)
    image: Image
    key_figure: KeyFigure | None = None
    takeaways: Annotated[list[Short(90)], Field(min_length=3, max_length=3)]
    question: Short(130)
    talking_points: Annotated[list[Short(50)], Field(min_length=2, max_length=3)]
    notes: Notes
    objectives: Annotated[list[Objective], Field(min_length=1, max_length=2)]
    exercise: Exercise
    quiz: Annotated[list[QuizItem], Field(min_length=3)]
    body: str = ""  # the page's Markdown after the front matter (its macros are checked before rendering)
    body_line: int = 1  # the line of the file it starts on, for error messages

    @model_validator(mode="after")
    def _coherent(self):
        if words_of(self.title) == words_of(self.source.heading) and not _quoted(self.title):
            raise ValueError("title: the article's heading used as a title is quoted: « … »")
        ids = [o.id for o in self.objectives]
        if len(set(ids)) != len(ids):
            raise ValueError(f"objectives: duplicate id among {ids}")
        checked = set(self.exercise.checks) | {q.checks for q in self.quiz}
        unknown = sorted(checked - set(ids))
        if unknown:
            raise ValueError(f"checks: unknown objective « {unknown[0]} » (known: {', '.join(ids)})")
        unchecked = [i for i in ids if i not in checked]
        if unchecked:
            raise ValueError(f"objectives: « {unchecked[0]} » is checked by no quiz item and not by the exercise")
        return self

    @property
    def path(self) -> str:
        """Source path under docs/, which fixes the published address."""
        return f"arguments/{self.number}-{self.slug}.md"

    @property
    def url(self) -> str:
        """Address relative to the site root: arguments/<n>-<slug>/."""
        return f"arguments/{self.number}-{self.slug}/"

    def checks_of(self, objective_id: str) -> list[str]:
        """What checks an objective: « quiz-<i> » (1-based) and « exercise »."""
        found = [f"quiz-{i}" for i, q in enumerate(self.quiz, 1) if q.checks == objective_id]
        return found + (["exercise"] if objective_id in self.exercise.checks else [])


class Row(Entry):
    criterion: Text
    left: Text
    right: Text


ROWS_PER_SLIDE = 4  # a table on a slide: at most four rows, read from the back of the room


class Comparison(Entry):
    id: Id
    title: Short(90)
    summary: Text
    arguments: list[int]
    criterion: Short(40)
    left: Short(60)
    right: Short(60)
    rows: Annotated[list[Row], Field(min_length=1)]
    reading: Text  # the trainer's note: how to read the table, naming its columns
    slide_rows: Annotated[list[Text], Field(min_length=1, max_length=ROWS_PER_SLIDE)] | None = None

    @model_validator(mode="after")
    def _slide_rows(self):
        criteria = [r.criterion for r in self.rows]
        if self.slide_rows is None and len(criteria) > ROWS_PER_SLIDE:
            raise ValueError(f"slide_rows: missing (required: the table has {len(criteria)} rows, a slide shows at most {ROWS_PER_SLIDE})")
        for name in self.slide_rows or ():
            if name not in criteria:
                raise ValueError(f"slide_rows: « {name} » is not a row criterion (known: {', '.join(criteria)})")
        for label in (self.left, self.right):
            if fold(label) not in fold(self.reading):
                raise ValueError(f"reading: expected the note to name the column « {label} »")
        return self

    @property
    def shown_rows(self) -> list[Row]:
        """The rows a slide shows, in the table's order."""
        return [r for r in self.rows if self.slide_rows is None or r.criterion in self.slide_rows]


class Term(Entry):
    term: Text
    id: Id
    forms: Annotated[list[Text], Field(min_length=1)]
    definition: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
    argument: int
    origin: Text | None = None  # who coined a borrowed term (« océan rouge »: W. Chan Kim et Renée Mauborgne)


class FigureBase(Entry):
    id: Id
    argument: Annotated[int, Field(ge=0)]  # 0: the home page's opener
    title: Text
    description: Text
    caption: Text
    notes: Text  # the figure slide's speaker notes: what the figure shows and how to read it


class CounterFigure(FigureBase):
    kind: Literal["counter"]
    value: Text
    label: Text
    items_from: Id  # a comparison table whose criteria are the items


class ProportionFigure(FigureBase):
    kind: Literal["proportion"]
    value: Annotated[int | float, Field(gt=0, lt=100)]
    filled: Text
    empty: Text
    note: Text


class CrowdFigure(FigureBase):
    kind: Literal["crowd"]
    visible: Annotated[int, Field(ge=1, le=8)]
    rivals: Annotated[int, Field(ge=1, le=16)]
    hidden: Annotated[int, Field(ge=1, le=24)]
    visible_label: Text
    rivals_label: Text
    hidden_label: Text
    verdict: Text


class Side(Entry):
    title: Text
    tag: Text
    items: Annotated[list[Text], Field(min_length=1, max_length=4)]


class VersusFigure(FigureBase):
    kind: Literal["versus"]
    left: Side
    right: Side


class ScaleFigure(FigureBase):
    kind: Literal["scale"]
    unit: Text
    ticks: Annotated[list[Annotated[int | float, Field(gt=0)]], Field(min_length=2, max_length=6)]
    tick_labels: list[Text]
    threshold: Annotated[int | float, Field(gt=0)]
    below: Text
    above: Text

    @model_validator(mode="after")
    def _coherent(self):
        if len(self.tick_labels) != len(self.ticks):
            raise ValueError(f"expected one tick label per tick ({len(self.ticks)}), got {len(self.tick_labels)}")
        if list(self.ticks) != sorted(set(self.ticks)):
            raise ValueError("expected ticks in increasing order")
        if not self.ticks[0] < self.threshold < self.ticks[-1]:
            raise ValueError(f"expected the threshold between {self.ticks[0]} and {self.ticks[-1]}, got {self.threshold}")
        return self


class SequenceFigure(FigureBase):
    kind: Literal["sequence"]
    steps: Annotated[list[Text], Field(min_length=2, max_length=6)]
    goal: Text


Figure = Annotated[CounterFigure | ProportionFigure | CrowdFigure | VersusFigure | ScaleFigure | SequenceFigure,
                   Field(discriminator="kind")]


class FigureEntry(Entry):
    """Wraps one figure so that its kind picks the model (and an unknown kind says so)."""

    figure: Figure


class Section(Entry):
    id: Id
    heading: Text


class Number(Entry):
    value: Short(20)  # as written: « 75 000 », « 80 % », « 20 h 30 »
    where: Text  # the article's figures: where it stands; illustrations: where we use it
    what: Text


class Article(Entry):
    """The numbers of the content: the article's figures, each listed once, and our illustrations.

    Every number written with digits in any text of the site or the decks is one of these (a test
    holds it): a figure of the article, or a number the adaptation made up and marks as an example."""

    figures: Annotated[list[Number], Field(min_length=1)]
    illustrations: list[Number] = []

    def digits(self) -> set[str]:
        return {d for n in (*self.figures, *self.illustrations) for d in numbers_in(n.value)}


# a percentage is its own number: « 20 ans » does not license « 20 % »
NUMBER = re.compile(r"\d+(?:[ \u00a0\u202f]\d{3})*(?:,\d+)?(?:[ \u00a0\u202f]?%)?")


def numbers_in(text: str) -> list[str]:
    """The numbers written with digits in a text, spaces removed: « 75 000 » → « 75000 », « 80 % » → « 80% »."""
    return [re.sub(r"\s", "", m.group(0)) for m in NUMBER.finditer(text)]


class Author(Entry):
    name: Text
    organization: Text
    role: Text


class SiteText(Entry):
    """Words of the site that are not an argument: headings, labels, credits."""

    article_title: Text
    author: Author
    published: Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$")]
    sections: dict[
        Literal["claim", "promise", "reality", "image", "comparison", "key_figure", "takeaways", "question", "quiz"],
        Section,
    ]
    labels: dict[Id, Text]

    def label(self, key: str) -> str:
        return self.labels[key]


SECTION_ORDER = ("claim", "promise", "reality", "image", "comparison", "key_figure", "takeaways", "question", "quiz")
LABELS = (
    "argument", "previous", "next", "all-arguments", "present", "key-figure-origin", "deck-audience", "deck-duration", "deck-sections", "deck-open", "deck-pdf", "deck-pdf-notes", "deck-pptx",
    "site-kicker", "card-credit", "share", "share-linkedin", "share-copy", "share-copied", "share-url", "share-post", "share-cite",
    "cite-at", "not-found-title", "not-found-text", "not-found-home",
    "quiz-show", "quiz-answer", "plan-part", "plan-objective", "plan-minutes", "plan-time", "plan-total",
    "handout-title", "handout-lead", "handout-qr", "handout-glossary", "handout-pdf", "bundle-zip",
    "handout-exercises", "handout-conclusion",
    "cite-site", "cite-adaptation", "cite-files", "cite-bibtex", "cite-ris", "cite-today",
    "carousel-pdf", "carousel-question", "carousel-more", "carousel-series-more", "carousel-credit", "share-post-document",
    "exercise-situation", "exercise-instructions", "exercise-listen", "exercise-closing", "objectives-after",
    "source-part", "plan-checked-by", "plan-quiz-item", "plan-quiz-items", "plan-exercise", "exercise-debrief",
    "plan-kind-talk", "plan-kind-exercise", "plan-kind-debrief", "plan-kind-pause", "plan-kind-quiz",
)


SlideKind = Literal["title", "claim", "image", "figure", "comparison", "question", "takeaways"]
OpenerSlide = Literal["figure", "beliefs", "table"]
Minutes = Annotated[int | float, Field(gt=0, le=240)]


class DeckSection(Entry):
    """One entry of a deck file. `argument` and `exercise` entries draw everything from their argument."""

    kind: Literal["title", "agenda", "opener", "thesis", "argument", "exercise", "pause", "quiz", "conclusion",
                  "discussion", "credits"]
    minutes: Minutes | None = None
    number: int | None = None
    table: Id | None = None  # argument: show this table instead of the argument's own
    slides: Annotated[list[OpenerSlide], Field(min_length=1)] | None = None  # opener: which of its slides


class Deck(Entry):
    id: Id
    title: Text
    subtitle: Text
    audience: Text
    duration: Annotated[int, Field(gt=0, le=480)]  # minutes; the parts must add up to it
    argument_slides: Annotated[dict[SlideKind, Minutes], Field(min_length=1)]  # each argument's slides, in order, with their minutes
    sections: Annotated[list[DeckSection], Field(min_length=1)]

    @property
    def minutes(self) -> int:
        return self.duration

    @property
    def argument_minutes(self) -> float:
        return sum(self.argument_slides.values())


@dataclass(frozen=True)
class Part:
    """One timed part of a deck, as the plan lists it: an exercise gives two, its work and its debrief."""

    kind: str
    minutes: float
    section: DeckSection

    @property
    def number(self) -> int | None:
        return self.section.number


class Talk(Entry):
    """The words of a deck's shared slides (not the arguments'): in docs/data/talk.yml."""

    class Part(Entry):
        title: Short(70)
        points: Annotated[list[Short(90)], Field(max_length=4)] = []
        notes: Text
        objective: Text
        text: Text | None = None  # a paragraph for readers: the handout opens and closes with it

    title: Part
    agenda: Part
    opener: Part  # its notes go with the five beliefs; the figure and the table carry their own
    thesis: Part
    pause: Part
    quiz: Part
    exercise: Part  # the notes close every exercise slide (how to launch the countdown)
    debrief: Part  # the objective of every debrief in the plan
    conclusion: Part
    discussion: Part
    credits: Part
    beliefs_title: Short(70)
    qr_caption: Short(40)
    labels: dict[Id, Text]

    def label(self, key: str, **values) -> str:
        return self.labels[key].format(**values) if values else self.labels[key]

    def group(self, size: int) -> str:
        """« Seul », « En binômes », « Groupes de 4 »: how an exercise is done."""
        return self.label(f"group-{size}") if size <= 2 else self.label("group-n", n=size)


TALK_LABELS = ("exercise", "debrief", "group-1", "group-2", "group-n", "countdown", "time-up", "source",
               "quiz-answer", "question", "takeaways")


# ---------------------------------------------------------------------------------------------
# The whole content


@dataclass(frozen=True)
class Content:
    root: Path
    site: SiteText
    arguments: tuple[Argument, ...]
    comparisons: tuple[Comparison, ...]
    glossary: tuple[Term, ...]
    talk: Talk
    article: Article
    figures: tuple[Any, ...] = ()
    decks: tuple[Deck, ...] = field(default=())

    def argument(self, number: int) -> Argument:
        return self.arguments[number - 1]

    def argument_at(self, src_path: str) -> Argument | None:
        """The argument whose page is docs/<src_path>, if any."""
        return self._by_path.get(src_path.replace("\\", "/"))

    def comparison(self, table_id: str) -> Comparison:
        try:
            return self._by_id[table_id]
        except KeyError:
            known = ", ".join(sorted(self._by_id))
            raise KeyError(f"unknown comparison table « {table_id} » (known: {known})") from None

    def figure_for(self, number: int):
        """The figure of an argument (0: the opener); every argument has exactly one."""
        return next(f for f in self.figures if f.argument == number)

    @cached_property
    def glossary_in_order(self) -> tuple[Term, ...]:
        """The glossary in French alphabetical order: accents and case do not count (« prédictif »
        before « processus »)."""
        return tuple(sorted(self.glossary, key=lambda t: collation_key(t.term)))

    def comparisons_for(self, number: int) -> list[Comparison]:
        return [c for c in self.comparisons if number in c.arguments]

    def deck(self, deck_id: str) -> Deck:
        found = next((d for d in self.decks if d.id == deck_id), None)
        if found is None:
            raise KeyError(f"unknown deck « {deck_id} » (known: {', '.join(d.id for d in self.decks)})")
        return found

    def parts(self, deck: Deck) -> list[Part]:
        """The deck's timed parts in order; their minutes add up to the deck's duration."""
        out: list[Part] = []
        for section in deck.sections:
            if section.kind == "argument":
                out.append(Part("argument", deck.argument_minutes, section))
            elif section.kind == "exercise":
                exercise = self.argument(section.number).exercise
                out += [Part("exercise", exercise.minutes, section), Part("debrief", exercise.debrief.minutes, section)]
            else:
                out.append(Part(section.kind, section.minutes, section))
        return out

    @cached_property
    def _by_path(self) -> dict[str, Argument]:
        return {a.path: a for a in self.arguments}

    @cached_property
    def _by_id(self) -> dict[str, Comparison]:
        return {c.id: c for c in self.comparisons}


# ---------------------------------------------------------------------------------------------
# Reading files

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: same rules, faster
DATA = Path("docs/data")
ARGUMENTS = Path("docs/arguments")
DECKS = Path("slides/decks")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)(.*)\Z", re.DOTALL)
ARGUMENT_FILE = re.compile(r"^(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$")
MAX_TEXT = 10_000  # characters in one text field (a page body excepted); the longest today is near 1 200
# Characters no text may hold: controls (tab and line feed aside), lone surrogates, noncharacters.
# HTML and XML reject them, and a reader could not see them.
NOT_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
                      "|[\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U000efffe\U000effff"
                      "\U000ffffe\U000fffff\U0010fffe\U0010ffff]")


class _DuplicateKey(Exception):
    def __init__(self, key: str, line: int, first: int):
        super().__init__(key)
        self.key, self.line, self.first = key, line, first


class _Loader(SAFE_LOADER):  # type: ignore[misc,valid-type]
    """The safe loader, except that a key given twice in one mapping is an error, not a silent overwrite."""

    def construct_mapping(self, node, deep=False):
        seen: dict[str, int] = {}
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                line = key_node.start_mark.line + 1
                if key_node.value in seen:
                    raise _DuplicateKey(key_node.value, line, seen[key_node.value])
                seen[key_node.value] = line
        return super().construct_mapping(node, deep)


def read_text(path: Path, root: Path) -> str:
    """A content file as text: UTF-8, with or without a byte-order mark, any line ends (CRLF too)."""
    rel = _rel(path, root)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ContentError(rel, "", "", "file missing") from None
    except OSError as e:
        raise ContentError(rel, "", "", f"cannot be read ({e.strerror or e})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise ContentError(rel, "", "", f"not UTF-8 text (byte 0x{data[e.start]:02X}): save the file as UTF-8", line) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_yaml(path: Path, root: Path, text: str | None = None, line_offset: int = 0) -> Any:
    rel = _rel(path, root)
    if text is None:
        text = read_text(path, root)
        if not text.strip():
            raise ContentError(rel, "", "", "the file is empty (expected YAML)")
    try:
        return yaml.load(text, Loader=_Loader)
    except _DuplicateKey as e:
        raise ContentError(rel, "", e.key, f"duplicate key (already on line {e.first + line_offset})",
                           e.line + line_offset) from None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 + line_offset if mark else None
        problem = f"{e.problem or e.context}"
        lines = text.split("\n")
        if mark and mark.line < len(lines) and lines[mark.line][mark.column:mark.column + 1] == "\t":
            problem = "a tab where YAML expects spaces (indent with spaces; a tab inside a quoted text is fine)"
        raise ContentError(rel, "", "YAML syntax error", problem, line) from None
    except yaml.YAMLError as e:
        raise ContentError(rel, "", "YAML error", str(e).replace("\n", " ")) from None


def read_page(path: Path, root: Path) -> tuple[Any, str, int]:
    """A Markdown page: its front matter (parsed YAML, None if it has none), its body, and the
    line its body starts on."""
    rel = _rel(path, root)
    text = read_text(path, root)
    if not text.strip():
        raise ContentError(rel, "", "", "the file is empty (expected YAML front matter between --- lines)")
    match = FRONT_MATTER.match(text)
    if not match:
        return None, text, 1
    data = read_yaml(path, root, match.group(1) or "", line_offset=1)
    return data, match.group(2), text.count("\n", 0, match.start(2)) + 1


def _rel(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _field_path(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


EXPECTED = {
    "missing": "missing (required)",
    "extra_forbidden": "unknown field (check its spelling)",
    "string_type": "expected a text",
    "int_type": "expected a whole number",
    "list_type": "expected a list",
    "dict_type": "expected a mapping of fields",
    "model_type": "expected a mapping of fields",
    "string_too_short": "expected a non-empty text",
    "too_short": "expected more items",
    "too_long": "expected fewer items",
}


def _explain(error: dict) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    got = error.get("input")
    if kind == "string_too_short" and ctx.get("min_length", 1) > 1:
        return f"expected at least {ctx['min_length']} characters, got {len(got)}"
    if kind == "string_too_long":
        return f"expected at most {ctx['max_length']} characters, got {len(got)}"
    if kind in ("too_short", "too_long"):
        return error["msg"].replace("List", "expected a list").replace("Value", "expected a value")
    if kind == "string_pattern_mismatch":
        return f"expected lowercase words joined by dashes (like « ocean-rouge »), got « {got} »"
    bounds = {"greater_than_equal": ("at least", "ge"), "less_than_equal": ("at most", "le"),
              "greater_than": ("more than", "gt"), "less_than": ("less than", "lt")}
    if kind in bounds:
        words, key = bounds[kind]
        return f"expected a number {words} {ctx[key]}, got {got!r}"
    if kind == "literal_error":
        return f"{error['msg'].replace('Input', 'expected one of')}, got « {got} »"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind == "string_type" and isinstance(got, (int, float, bool, date)):
        return f"expected a text, {_got(got)} (put it in quotes)"
    if kind in EXPECTED:
        suffix = "" if kind in ("missing", "extra_forbidden") else f", {_got(got)}"
        return EXPECTED[kind] + suffix
    return error["msg"]


def _bad_text(data: Any, loc: tuple = ()) -> tuple[tuple, str] | None:
    """The first text in data that no field may hold (see NOT_TEXT and MAX_TEXT), and why."""
    if isinstance(data, str):
        bad = NOT_TEXT.search(data)
        if bad:
            char = bad.group()
            kind = "a control character" if ord(char) < 0xA0 else ("half of a surrogate pair" if 0xD800 <= ord(char) < 0xE000
                                                                    else "a noncharacter")
            return loc, f"character U+{ord(char):04X} ({kind}) at position {bad.start() + 1}: remove it"
        if len(data) > MAX_TEXT and loc != ("body",):
            return loc, f"expected at most {MAX_TEXT} characters, got {len(data)}"
    elif isinstance(data, dict):
        for key, value in data.items():
            found = _bad_text(value, (*loc, key))
            if found:
                return found
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found = _bad_text(value, (*loc, i))
            if found:
                return found
    return None


def _got(value: Any) -> str:
    if value is None:
        return "got nothing (an empty value)"
    return f"got {type(value).__name__} {value!r}"[:120]


def check_text(data: Any, rel: str, entry: str) -> None:
    """ContentError for the first text in data that no field may hold (a control character, too long)."""
    bad = _bad_text(data)
    if bad:
        raise ContentError(rel, entry, _field_path(bad[0]) or "(entry)", bad[1])


def validate(model: type[Entry], data: Any, rel: str, entry: str) -> Any:
    if not isinstance(data, dict):
        raise ContentError(rel, entry, "", f"expected a mapping of fields, {_got(data)}")
    check_text(data["figure"] if model is FigureEntry else data, rel, entry)
    try:
        return model.model_validate(data)
    except ValidationError as e:
        err = e.errors()[0]
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith(("int", "float", "function"))))
        if model is FigureEntry:  # drop the wrapper and the kind's tag: « value », not « figure.proportion.value »
            loc = loc[2:] if len(loc) > 1 else ("kind",)
        if err["type"] == "union_tag_not_found":
            raise ContentError(rel, entry, "kind", "missing (required: the kind of figure)") from None
        if err["type"] == "union_tag_invalid":
            ctx = err.get("ctx") or {}
            raise ContentError(rel, entry, "kind", f"expected one of {ctx.get('expected_tags')}, got « {ctx.get('tag')} »") from None
        field, message = _field_path(loc), _explain(err)
        named = re.match(r"^([a-z_]+(?:\.[a-z_]+)*): (.*)$", message)
        if err["type"] == "value_error" and named:  # an entry-level check names the field it is about
            field, message = ".".join(filter(None, (field, named.group(1)))), named.group(2)
        raise ContentError(rel, entry, field or "(entry)", message) from None


def _entry_name(i: int, item: Any, key: str = "id") -> str:
    if isinstance(item, dict) and isinstance(item.get(key), str):
        return f"entry {i + 1} (« {item[key]} »)"
    return f"entry {i + 1}"


def read_list(path: Path, root: Path, model: type[Entry], key: str = "id") -> list[Any]:
    rel = _rel(path, root)
    data = read_yaml(path, root)
    if not isinstance(data, list) or not data:
        raise ContentError(rel, "", "", "expected a non-empty list of entries")
    items = [validate(model, item, rel, _entry_name(i, item, key)) for i, item in enumerate(data)]
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        value = getattr(item, key)
        if value in seen:
            raise ContentError(rel, f"entry {i + 1}", key, f"duplicate « {value} » (already used by entry {seen[value] + 1})")
        seen[value] = i
    return items


def read_argument(path: Path, root: Path) -> Argument:
    rel = _rel(path, root)
    data, body, body_line = read_page(path, root)
    if data is None:
        raise ContentError(rel, "front matter", "", "expected the file to start with YAML front matter between --- lines")
    if isinstance(data, dict):
        data = {**data, "body": body, "body_line": body_line}
    argument = validate(Argument, data, rel, "front matter")
    name = ARGUMENT_FILE.match(path.name)
    if not name or (int(name.group(1)), name.group(2)) != (argument.number, argument.slug):
        raise ContentError(rel, "front matter", "number/slug",
                           f"expected the file name to be « {argument.number}-{argument.slug}.md » (it fixes the address)")
    return argument


def _check_arguments(arguments: list[Argument]) -> None:
    seen: dict[int, Argument] = {}
    for a in arguments:
        if a.number in seen:
            raise ContentError(str(ARGUMENTS / Path(a.path).name), "front matter", "number",
                               f"duplicate {a.number} (already used by {ARGUMENTS / Path(seen[a.number].path).name})")
        seen[a.number] = a
    numbers = sorted(a.number for a in arguments)
    if not numbers or numbers != list(range(1, len(numbers) + 1)):
        raise ContentError(str(ARGUMENTS), "", "number", f"expected arguments numbered 1 to N without gaps, got {numbers}")


def _check_references(content: Content) -> None:
    rel = str(DATA / "comparisons.yml")
    for i, table in enumerate(content.comparisons):
        entry = f"entry {i + 1} (« {table.id} »)"
        for n in table.arguments:
            if not 1 <= n <= len(content.arguments):
                raise ContentError(rel, entry, "arguments", f"unknown argument {n} (expected 1 to {len(content.arguments)})")
    for i, term in enumerate(content.glossary):
        if not 1 <= term.argument <= len(content.arguments):
            raise ContentError(str(DATA / "glossary.yml"), f"entry {i + 1} (« {term.id} »)", "argument",
                               f"unknown argument {term.argument} (expected 1 to {len(content.arguments)})")
    sections = content.site.sections
    missing = [key for key in SECTION_ORDER if key not in sections]
    if missing:
        raise ContentError(str(DATA / "site.yml"), "sections", missing[0], "missing (required)")
    absent = [key for key in LABELS if key not in content.site.labels]
    if absent:
        raise ContentError(str(DATA / "site.yml"), "labels", absent[0], "missing (required)")
    absent = [key for key in TALK_LABELS if key not in content.talk.labels]
    if absent:
        raise ContentError(str(DATA / "talk.yml"), "labels", absent[0], "missing (required)")
    for key in ("opener", "thesis", "conclusion"):  # the handout's opening and closing pages
        if getattr(content.talk, key).text is None:
            raise ContentError(str(DATA / "talk.yml"), key, "text", "missing (required: the handout prints it)")


def read_figures(root: Path, content: Content) -> list:
    path = root / DATA / "figures.yml"
    rel = _rel(path, root)
    data = read_yaml(path, root)
    if not isinstance(data, list) or not data:
        raise ContentError(rel, "", "", "expected a non-empty list of figures")
    figures = []
    for i, item in enumerate(data):
        entry = _entry_name(i, item)
        if not isinstance(item, dict):
            raise ContentError(rel, entry, "", f"expected a mapping of fields, got {type(item).__name__}")
        figures.append(validate(FigureEntry, {"figure": item}, rel, entry).figure)
    tables = {c.id for c in content.comparisons}
    seen: set[str] = set()
    for i, fig in enumerate(figures):
        entry = f"entry {i + 1} (« {fig.id} »)"
        if fig.id in seen:
            raise ContentError(rel, entry, "id", f"duplicate « {fig.id} »")
        seen.add(fig.id)
        if fig.argument > len(content.arguments):
            raise ContentError(rel, entry, "argument", f"unknown argument {fig.argument} (expected 0 to {len(content.arguments)})")
        if getattr(fig, "items_from", None) is not None and fig.items_from not in tables:
            raise ContentError(rel, entry, "items_from", f"unknown comparison table « {fig.items_from} »")
    numbers = sorted(f.argument for f in figures)
    for n in range(0, len(content.arguments) + 1):
        if numbers.count(n) != 1:
            what = "the opener (argument 0)" if n == 0 else f"argument {n}"
            raise ContentError(rel, "", "argument", f"expected exactly one figure for {what}, got {numbers.count(n)}")
    return figures


def read_deck(path: Path, root: Path, content: Content) -> Deck:
    rel = _rel(path, root)
    deck = validate(Deck, read_yaml(path, root), rel, f"deck « {path.stem} »")
    if deck.id != path.stem:
        raise ContentError(rel, f"deck « {path.stem} »", "id", f"expected « {path.stem} » (the file name), got « {deck.id} »")
    tables = {c.id for c in content.comparisons}
    count = len(content.arguments)
    for i, section in enumerate(deck.sections):
        entry = f"sections[{i}] ({section.kind})"
        # the deck file gives a part's minutes, but an argument's come from `argument_slides` and an
        # exercise's (and its debrief's) from the exercise itself: a duration is written once
        allowed = {"argument": ("number", "table"), "exercise": ("number",), "opener": ("minutes", "slides")}.get(
            section.kind, ("minutes",))
        extra = [k for k in ("minutes", "number", "table", "slides") if getattr(section, k) is not None and k not in allowed]
        if extra:
            takes = {"table": "an « argument »", "slides": "an « opener »", "number": "an « argument » or « exercise »"}
            why = {"argument": "its minutes come from argument_slides",
                   "exercise": "its minutes come from the exercise (minutes and debrief.minutes)"}.get(
                section.kind, f"only {takes.get(extra[0])} part takes it")
            raise ContentError(rel, entry, extra[0], f"not allowed here ({why})")
        if section.kind in ("argument", "exercise") and (section.number is None or not 1 <= section.number <= count):
            raise ContentError(rel, entry, "number", f"expected an argument number from 1 to {count}, got {section.number!r}")
        if "minutes" in allowed and section.minutes is None:
            raise ContentError(rel, entry, "minutes", "missing (required)")
        if section.table is not None and section.table not in tables:
            raise ContentError(rel, entry, "table", f"unknown comparison table « {section.table} » (known: {', '.join(sorted(tables))})")
    total = sum(part.minutes for part in content.parts(deck))
    if abs(total - deck.duration) > 1e-9:
        raise ContentError(rel, f"deck « {deck.id} »", "duration",
                           f"the parts add up to {total:g} min, expected {deck.duration} (change a part or the duration)")
    return deck


def load(root: Path | str = ".") -> Content:
    """Read and validate all content under root. Raises ContentError on the first problem."""
    root = Path(root).resolve()
    site = validate(SiteText, read_yaml(root / DATA / "site.yml", root), str(DATA / "site.yml"), "")
    paths = sorted((root / ARGUMENTS).glob("*.md"))
    arguments = sorted((read_argument(p, root) for p in paths), key=lambda a: a.number)
    _check_arguments(arguments)
    content = Content(
        root=root,
        site=site,
        arguments=tuple(arguments),
        comparisons=tuple(read_list(root / DATA / "comparisons.yml", root, Comparison)),
        glossary=tuple(read_list(root / DATA / "glossary.yml", root, Term)),
        talk=validate(Talk, read_yaml(root / DATA / "talk.yml", root), str(DATA / "talk.yml"), ""),
        article=validate(Article, read_yaml(root / DATA / "article.yml", root), str(DATA / "article.yml"), ""),
    )
    content = replace(content, figures=tuple(read_figures(root, content)))
    _check_references(content)
    decks = tuple(read_deck(p, root, content) for p in sorted((root / DECKS).glob("*.yml")))
    return replace(content, decks=decks)
