"""Any text in any text field of the content goes through a whole build and comes out as typed.

Hypothesis writes the same generated text into every text field of one entry at once (an
argument's front matter, a comparison table, a glossary term), in a temporary copy of the project,
and builds the site and the decks. Then, in every HTML file written (pages, navigation, <title>,
meta tags, JSON-LD, decks, speaker notes, handout, short links):

- the build succeeded;
- each field's text is there, whole, in one text node or one attribute value: no element was made
  of it and no entity broken, and it reads exactly as typed once French spacing is applied
  (french(), tested on its own in test_text.py);
- the typography fault counter (tests/typography_faults.py) finds nothing, wherever the text landed.

Each field's text is framed by markers (⟪bc⟫…⟪/bc⟫, one per field and paragraph) to find it. Excluded from
generation, with `assume`: texts that pair emphasis marks (`*a*`: they make <em>, by design, tested
in test_text.py), texts holding a glossary form (they get a glossary mark, by design), and blank
lines inside a paragraph (they separate paragraphs, by design: every field gets two paragraphs).
What a field's limits refuse (an empty text, a claim under 50 characters, a short title over 30)
is fitted instead: the model itself says what is wrong (pydantic), and the text is cut or padded.
A build takes a few seconds, so few examples run (derandomized: the same ones on every run).
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import pytest
import yaml
from hypothesis import HealthCheck, assume, example, given, settings
from pydantic import ValidationError

from conftest import ROOT, mkdocs_build
from macros.model import Argument, Comparison, Term, load
from macros.text import PARAGRAPH_BREAK, GlossaryMarker, french, plain
from text_strategies import texts
from typography_faults import faults

BUILDS = settings(max_examples=5, deadline=None, derandomize=True,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
LETTERS = "bcdfgjklmnpqrtvwxz"  # marker ids: two consonants, so each field's words differ (no h, no s: units)
SPACE = re.compile(r"[ \t\n\r\f]+")
NASTY = 'R&D <b>gras</b> &amp; "q" : x ; y « z » {{ x }} {% y %} [a](b) # h `c` 1/2 (c) 20 h 30 75 000 80 % 10 k€ ?!'
SKIP_KEYS = {"id", "slug", "kind", "forms", "items_from", "body"}


def collapse(text: str) -> str:
    return SPACE.sub(" ", text).strip(" ")


def marker(i: int) -> str:
    return LETTERS[i // len(LETTERS)] + LETTERS[i % len(LETTERS)]


@dataclass
class Field:
    path: tuple
    cores: list[str]
    ids: list[str]

    @property
    def value(self) -> str:
        return "\n\n".join(f"⟪{i}⟫{core}⟪/{i}⟫" for i, core in zip(self.ids, self.cores))

    def expected(self) -> dict[str, str]:
        """Each paragraph's text as a reader reads it, by marker."""
        shown = french(plain(self.value))
        return {i: collapse(re.search(rf"⟪{i}⟫(.*?)⟪/{i}⟫", shown, re.DOTALL).group(1)) for i in self.ids}


@dataclass(frozen=True)
class Source:
    name: str
    file: str
    model: type
    required: tuple  # fields that must show on some page and in some deck

    def load(self, project: Path):
        path = project / self.file
        if self.model is Argument:
            _, head, body = path.read_text(encoding="utf-8").split("---\n", 2)
            return yaml.safe_load(head), body
        return yaml.safe_load(path.read_text(encoding="utf-8")), None

    def entry(self, data, content):
        if self.model is Argument:
            return data
        if self.model is Comparison:  # a table shown with an argument, not drawn as a figure's items
            drawn = {getattr(f, "items_from", None) for f in content.figures}
            return next(e for e in data if e["arguments"] and e["id"] not in drawn)
        return data[0]

    def save(self, project: Path, data, body) -> None:
        dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        text = f"---\n{dumped}---\n{body}" if self.model is Argument else dumped
        (project / self.file).write_text(text, encoding="utf-8")


ARG3 = "docs/arguments/3-donnee-fraiche.md"
SOURCES = [
    Source("argument", ARG3, Argument, (("title",), ("claim",))),
    Source("comparison", "docs/data/comparisons.yml", Comparison, (("title",), ("rows", 0, "left"))),
    Source("glossary", "docs/data/glossary.yml", Term, ()),
]


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("anytext")
    for name in ("docs", "slides", "macros", "overrides"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "node_modules").symlink_to(ROOT / "node_modules")
    return root


@pytest.fixture(scope="module")
def glossary_forms():
    return GlossaryMarker(load(ROOT).glossary).pattern


def leaves(data, path=()):
    """Paths of every text in an entry, except identifiers and kinds."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key not in SKIP_KEYS:
                yield from leaves(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from leaves(value, (*path, i))
    elif isinstance(data, str):
        yield path


def get(data, path):
    for key in path:
        data = data[key]
    return data


def put(data, path, value) -> None:
    get(data, path[:-1])[path[-1]] = value


def fit(model, entry: dict, fields: dict[tuple, Field], original: dict) -> None:
    """Cut or pad each text until the model accepts the entry; give back any field (or sub-entry) it
    refuses for another reason than its length (an identifier's pattern, an objective's verb…)."""
    for _ in range(10):
        try:
            model.model_validate({**entry, "body": ""} if model is Argument else entry)
            return
        except ValidationError as error:
            for err in error.errors():
                path = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith(("function", "int"))))
                if not path:  # a rule across fields: give back the field it names and any text it quotes
                    message = err["msg"].removeprefix("Value error, ")
                    named = [p for p in fields if p[0] == message.split(":")[0] or fields[p].value in message]
                    assert named, message
                    for inner in named:
                        del fields[inner]
                        put(entry, inner, original[inner])
                    continue
                field = fields.get(path)
                if field is None:  # a rule on a whole sub-entry (an objective's verb…): give it back as it was
                    for inner in [p for p in fields if path and p[:len(path)] == path]:
                        del fields[inner]
                        put(entry, inner, original[inner])
                    continue
                ctx = err.get("ctx") or {}
                if err["type"] == "string_too_long":
                    field.cores, field.ids = field.cores[:1], field.ids[:1]
                    room = ctx["max_length"] - len(field.value) + len(field.cores[0])
                    field.cores[0] = field.cores[0][:max(0, room)]
                elif err["type"] == "string_too_short":
                    missing = ctx["min_length"] - len(field.value.strip())  # padded with short words: a
                    field.cores[-1] += (" xx" * missing)[:missing + 1]  # carousel refuses one wider than its page
                else:
                    del fields[path]
                    put(entry, path, original[path])
                    continue
                for same in [p for p, f in fields.items() if f is field]:
                    put(entry, same, field.value)
    raise AssertionError("could not fit the generated text to the model")


def shown_strings(site: Path):
    """(file, string) for every text node, attribute value and JSON-LD string of every HTML file."""
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        root = lxml.html.document_fromstring(path.read_text(encoding="utf-8"))
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            if el.tag == "script" and el.get("type") == "application/ld+json":
                yield from ((rel, s) for s in json_strings(json.loads(el.text)))
            elif el.tag not in ("script", "style") and el.text:
                yield rel, el.text
            if el.tail:
                yield rel, el.tail
            yield from ((rel, v) for v in el.attrib.values())


def json_strings(data):
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from json_strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from json_strings(value)


@pytest.mark.parametrize("source", SOURCES, ids=[s.name for s in SOURCES])
@BUILDS
@given(first=texts(6), second=texts(6))
@example(first=NASTY, second="<script>alert(1)</script> &lt;b&gt; \"’' : !")
def test_any_text_is_shown_as_typed_everywhere(project, glossary_forms, source, first, second):
    for part in (first, second):
        assume(not PARAGRAPH_BREAK.search(part) and not glossary_forms.search(plain(part)))
    shutil.rmtree(project / "docs", ignore_errors=True)
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("__pycache__"))
    content = load(ROOT)
    data, body = source.load(project)
    entry = source.entry(data, content)
    fields: dict[tuple, Field] = {}
    original = {}
    by_value: dict[str, Field] = {}  # texts equal before stay equal (a slide's rows name row criteria)
    for n, path in enumerate(leaves(entry)):
        original[path] = get(entry, path)
        fields[path] = by_value.setdefault(original[path], Field(path, [first, second], [marker(2 * n), marker(2 * n + 1)]))
        put(entry, path, fields[path].value)
    fit(source.model, entry, fields, original)
    for field in fields.values():
        assume(plain(field.value) == field.value)  # no emphasis pairs, even across the two paragraphs
    source.save(project, data, body)

    result = mkdocs_build(project / "mkdocs.yml", project / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    expected = {i: text for field in fields.values() for i, text in field.expected().items()}
    seen: dict[str, set[str]] = {}
    for rel, string in shown_strings(project / "out"):
        for found in re.finditer(r"⟪(\w\w)⟫", string):
            i = found.group(1)
            end = string.find(f"⟪/{i}⟫", found.end())
            assert end >= 0, (rel, i, "split: an element was made of the text", string)
            assert collapse(string[found.end():end]) == expected[i], (rel, i)
            seen.setdefault(i, set()).add(rel)
    for path in source.required:
        files = seen.get(fields[path].ids[0], set())
        assert any(not f.startswith("slides/") for f in files), (path, "on no page")
        assert any(f.startswith("slides/") for f in files), (path, "in no deck")
    assert len(seen) >= len(expected) // 2, "most fields show somewhere"
    skip = ("entity shown as text", "time in English notation (0:02:30)")  # shown as typed, when typed so
    assert not [f for f in faults(project / "out") if f.rule not in skip]
