"""The content model: every piece of content an author writes, read and validated once.

`load(root)` reads the argument pages' front matter, the YAML data in docs/data/ and the deck
files in slides/decks/, checks them, and returns one immutable `Content`. Pages, decks and
tests use that object; nothing else parses a content file. Any problem raises `ContentError`,
whose message is one line naming the file, the entry, the field and what was expected.

This module knows nothing of MkDocs or Material, so a move to another generator keeps it.
"""

from __future__ import annotations

import re
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


class Image(Entry):
    title: Text
    text: Text


class KeyFigure(Entry):
    value: Text
    label: Text
    origin: Text


class Notes(Entry):
    """Speaker notes, one per kind of slide an argument section can show."""

    intro: Text
    claim: Text
    image: Text
    comparison: Text
    question: Text
    takeaways: Text
    summary: Text


class Exercise(Entry):
    title: Text
    situation: Text
    instructions: Text
    listen_for: Annotated[list[Text], Field(min_length=2, max_length=5)]
    closing: Text


class QuizItem(Entry):
    question: Text
    choices: Annotated[list[Text], Field(min_length=2, max_length=5)]
    answer: Annotated[int, Field(ge=0)]
    explanation: Text

    @model_validator(mode="after")
    def _answer_is_a_choice(self):
        if self.answer >= len(self.choices):
            raise ValueError(f"answer {self.answer} is not a choice index (0 to {len(self.choices) - 1})")
        return self


class Argument(Entry):
    number: Annotated[int, Field(ge=1, le=7)]
    slug: Id
    title: Text
    short_title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=30)]
    claim: Annotated[str, StringConstraints(strip_whitespace=True, min_length=50, max_length=160)]
    promise: Text
    reality: Text
    image: Image
    key_figure: KeyFigure | None = None
    takeaways: Annotated[list[Text], Field(min_length=3, max_length=3)]
    question: Text
    talking_points: Annotated[list[Text], Field(min_length=2, max_length=5)]
    bullets: Annotated[list[Text], Field(min_length=1, max_length=4)]
    notes: Notes
    objectives: Annotated[list[Text], Field(min_length=2, max_length=4)]
    exercise: Exercise
    quiz: Annotated[list[QuizItem], Field(min_length=3)]
    body: str = ""

    @property
    def path(self) -> str:
        """Source path under docs/, which fixes the published address."""
        return f"arguments/{self.number}-{self.slug}.md"

    @property
    def url(self) -> str:
        """Address relative to the site root: arguments/<n>-<slug>/."""
        return f"arguments/{self.number}-{self.slug}/"


class Row(Entry):
    criterion: Text
    left: Text
    right: Text


class Comparison(Entry):
    id: Id
    title: Text
    summary: Text
    arguments: list[int]
    criterion: Text
    left: Text
    right: Text
    rows: Annotated[list[Row], Field(min_length=1)]


class Term(Entry):
    term: Text
    id: Id
    forms: Annotated[list[Text], Field(min_length=1)]
    definition: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
    argument: int


class FigureBase(Entry):
    id: Id
    argument: Annotated[int, Field(ge=0)]  # 0: the home page's opener
    title: Text
    description: Text
    caption: Text


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
    "argument", "previous", "next", "all-arguments", "present", "key-figure-origin", "deck-audience", "deck-duration", "deck-sections", "deck-open", "deck-pdf", "deck-pdf-notes",
    "site-kicker", "card-credit", "share", "share-linkedin", "share-copy", "share-copied", "share-url", "share-post", "share-cite",
    "cite-after", "cite-at", "not-found-title", "not-found-text", "not-found-home",
    "quiz-show", "quiz-answer", "plan-part", "plan-objective", "plan-minutes", "plan-time", "plan-total",
    "handout-title", "handout-lead", "handout-qr", "handout-glossary", "handout-pdf", "bundle-zip",
    "exercise-situation", "exercise-instructions", "exercise-listen", "exercise-closing", "objectives-after",
)


SlideKind = Literal["title", "claim", "image", "figure", "comparison", "question", "takeaways", "summary"]
Minutes = Annotated[int | float, Field(gt=0, le=240)]


class DeckSection(Entry):
    """One part of a deck. `argument` parts draw everything from the argument they name."""

    kind: Literal["title", "agenda", "opener", "argument", "conclusion", "discussion", "credits"]
    minutes: Minutes
    number: int | None = None
    slides: Annotated[list[SlideKind], Field(min_length=1)] | None = None
    table: Id | None = None


class Deck(Entry):
    id: Id
    title: Text
    subtitle: Text
    audience: Text
    argument_slides: Annotated[list[SlideKind], Field(min_length=1)]
    sections: Annotated[list[DeckSection], Field(min_length=1)]

    @property
    def minutes(self) -> float:
        return sum(s.minutes for s in self.sections)

    def slides_for(self, section: DeckSection) -> list[str]:
        return list(section.slides or self.argument_slides)


class Talk(Entry):
    """The words of a deck's shared slides (not the arguments'): in docs/data/talk.yml."""

    class Part(Entry):
        title: Text
        points: list[Text] = []
        notes: Text
        objective: Text

    title: Part
    agenda: Part
    opener: Part
    conclusion: Part
    discussion: Part
    credits: Part
    beliefs_title: Text
    qr_caption: Text


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

    def comparisons_for(self, number: int) -> list[Comparison]:
        return [c for c in self.comparisons if number in c.arguments]

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
        raise ContentError(rel, entry, _field_path(loc) or "(entry)", _explain(err)) from None


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
    data, body, _line = read_page(path, root)
    if data is None:
        raise ContentError(rel, "front matter", "", "expected the file to start with YAML front matter between --- lines")
    if isinstance(data, dict):
        data = {**data, "body": body.strip()}
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
    if numbers != list(range(1, 8)):
        raise ContentError(str(ARGUMENTS), "", "number", f"expected arguments numbered exactly 1 to 7, got {numbers}")


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
    for i, section in enumerate(deck.sections):
        entry = f"sections[{i}] ({section.kind})"
        if section.kind == "argument":
            if section.number is None or not 1 <= section.number <= len(content.arguments):
                raise ContentError(rel, entry, "number", f"expected an argument number from 1 to {len(content.arguments)}, got {section.number!r}")
            if section.table is not None and section.table not in tables:
                raise ContentError(rel, entry, "table", f"unknown comparison table « {section.table} » (known: {', '.join(sorted(tables))})")
        else:
            extra = [k for k in ("number", "slides", "table") if getattr(section, k) is not None]
            if extra:
                raise ContentError(rel, entry, extra[0], f"only an « argument » section takes « {extra[0]} »")
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
    )
    content = replace(content, figures=tuple(read_figures(root, content)))
    _check_references(content)
    decks = tuple(read_deck(p, root, content) for p in sorted((root / DECKS).glob("*.yml")))
    return replace(content, decks=decks)
