"""Bad content stops the build with one line naming file, entry and field; never a traceback.

Each case runs `mkdocs build --strict` twice, at once: as is and with `-q`; both must print that
one ERROR line. Files saved by a Windows editor (byte-order mark, CRLF line ends) and tabs inside
a text are accepted: the last tests here check that such files build and show as typed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, mkdocs_build
from macros import carousel
from macros.model import ContentError, load


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the project's sources, to break."""
    for name in ("docs", "slides", "macros", "overrides"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def change(path: Path, mutate) -> None:
    """Edit a content file as data (YAML, or an argument page's front matter), whatever its layout."""
    text = path.read_text(encoding="utf-8")
    front = path.suffix == ".md"
    head, body = (text.split("---\n", 2)[1:] if front else (text, ""))
    data = yaml.safe_load(head)
    mutate(data)
    dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(f"---\n{dumped}---\n{body}" if front else dumped, encoding="utf-8")


def entry(items: list, key: str, value) -> dict:
    return next(item for item in items if item.get(key) == value)


def _builds(project: Path) -> list[tuple[str, str, int]]:
    """`mkdocs build --strict`, as is and with -q, run side by side: (mode, output, exit code)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    runs = {
        mode: subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", *flags, "-f", str(project / "mkdocs.yml"),
                                "-d", str(project / f"out{mode}")], cwd=project, env=env, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        for mode, flags in (("", []), ("-q", ["-q"]))
    }
    return [(mode, run.communicate()[0], run.returncode) for mode, run in runs.items()]


def fails_with(project: Path, *expected: str) -> str:
    lines = []
    for mode, output, code in _builds(project):
        assert code != 0, (mode, output)
        assert "Traceback" not in output, (mode, output)
        errors = [line for line in output.splitlines() if line.startswith("ERROR")]
        assert len(errors) == 1, (mode, output)
        for text in expected:
            assert text in errors[0], (mode, errors[0])
        lines.append(errors[0])
    assert lines[0] == lines[1], lines
    return lines[0]


def builds(project: Path) -> Path:
    result = mkdocs_build(project / "mkdocs.yml", project / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "out"


def front_matter(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    _, head, body = text.split("---\n", 2)
    return yaml.safe_load(head), body


def write_front_matter(path: Path, data: dict, body: str = "") -> None:
    path.write_text("---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n" + body, encoding="utf-8")


COMPARISONS = "docs/data/comparisons.yml"
GLOSSARY = "docs/data/glossary.yml"
ARG3 = "docs/arguments/3-donnee-fraiche.md"


def test_yaml_syntax_error_names_its_line(project):
    path = project / GLOSSARY
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[5] = lines[5] + ' "unclosed'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    line = fails_with(project, GLOSSARY, "YAML syntax error")
    assert re.search(rf"{GLOSSARY}:\d+", line)


def test_missing_required_field(project):
    change(project / ARG3, lambda d: d.pop("question"))
    fails_with(project, ARG3, "front matter", "question", "missing")


def test_wrong_type(project):
    edit(project / ARG3, "number: 3", 'number: "trois"')
    fails_with(project, ARG3, "number", "whole number")


def test_unknown_argument_number_in_a_table(project):
    change(project / COMPARISONS, lambda d: entry(d, "id", "petrole").update(arguments=[9]))
    fails_with(project, COMPARISONS, "petrole", "arguments")


def test_duplicate_id(project):
    edit(project / COMPARISONS, "id: saumon", "id: petrole")
    fails_with(project, COMPARISONS, "id", "duplicate « petrole »")


def test_row_with_a_missing_cell(project):
    change(project / COMPARISONS, lambda d: d[0]["rows"][0].pop("right"))
    fails_with(project, COMPARISONS, "minitel", "rows[0].right", "missing")


def test_empty_table(project):
    change(project / COMPARISONS, lambda d: entry(d, "id", "petrole").update(rows=[], slide_rows=None))
    fails_with(project, COMPARISONS, "petrole", "rows")


def test_unknown_macro_in_a_page(project):
    with (project / "docs/glossaire.md").open("a", encoding="utf-8") as f:
        f.write("\n{{ tableau('minitel') }}\n")
    fails_with(project, "docs/glossaire.md:", "unknown macro « tableau »")


def test_unknown_table_id_in_a_page(project):
    with (project / "docs/comparaisons.md").open("a", encoding="utf-8") as f:
        f.write('\n{{ comparison("baleine") }}\n')
    fails_with(project, "docs/comparaisons.md:", "baleine")


def test_argument_numbers_leave_no_gap(project):
    (project / ARG3).unlink()
    fails_with(project, "docs/arguments", "without gaps", "[1, 2, 4, 5, 6, 7]")


def test_file_name_must_match_number_and_slug(project):
    edit(project / ARG3, "slug: donnee-fraiche", "slug: donnees")
    fails_with(project, ARG3, "3-donnees.md")


def test_script_in_data_is_shown_as_text(project):
    change(project / COMPARISONS, lambda d: entry(d, "id", "petrole").update(title="<script>alert(1)</script> Pétrole"))
    change(project / ARG3, lambda d: d["takeaways"].__setitem__(0, "<script>alert(2)</script> " + d["takeaways"][0][:50]))
    result = mkdocs_build(project / "mkdocs.yml", project / "out")
    assert result.returncode == 0, result.stderr
    built = [p.read_text(encoding="utf-8") for p in (project / "out").rglob("*.html")]
    assert not any("<script>alert" in html for html in built)
    assert any("&lt;script&gt;alert(1)" in html or "&lt;script>alert(1)" in html for html in built)
    assert any("&lt;script&gt;alert(2)" in html or "&lt;script>alert(2)" in html for html in built)


# -- decks ----------------------------------------------------------------------------------

DECK = "slides/decks/formation.yml"


def test_deck_unknown_argument(project):
    change(project / DECK, lambda d: entry(d["sections"], "number", 7).update(number=12))
    fails_with(project, DECK, "sections[", "number", "12")


def test_deck_unknown_table(project):
    change(project / DECK, lambda d: entry(d["sections"], "number", 6).update(table="baleine"))
    fails_with(project, DECK, "table", "baleine")


def test_deck_unknown_section_kind(project):
    edit(project / DECK, "{kind: discussion,", "{kind: debat,")
    fails_with(project, DECK, "kind", "debat")


@pytest.mark.parametrize("minutes", ["0", "-3", "dix"])
def test_deck_minutes_not_a_positive_number(project, minutes):
    change(project / DECK, lambda d: entry(d["sections"], "kind", "conclusion").update(minutes=yaml.safe_load(minutes)))
    fails_with(project, DECK, "minutes")


def test_deck_yaml_error(project):
    edit(project / DECK, "sections:\n", "sections:\n  - {kind: title, minutes: 2\n")
    fails_with(project, DECK, "YAML syntax error")


# -- figures --------------------------------------------------------------------------------

FIGURES = "docs/data/figures.yml"


def test_figure_unknown_kind(project):
    edit(project / FIGURES, "kind: sequence", "kind: camembert")
    fails_with(project, FIGURES, "convaincre", "kind", "camembert")


def test_figure_value_out_of_range(project):
    edit(project / FIGURES, "  value: 80\n", "  value: 180\n")
    fails_with(project, FIGURES, "lead-80", "value", "less than 100")


def test_figure_missing_label(project):
    change(project / FIGURES, lambda d: entry(d, "id", "panier-moyen").pop("below"))
    fails_with(project, FIGURES, "panier-moyen", "below", "missing")


def test_figure_threshold_outside_its_scale(project):
    edit(project / FIGURES, "  threshold: 10\n", "  threshold: 5000\n")
    fails_with(project, FIGURES, "panier-moyen", "threshold between")


# -- formats, objectives, provenance (the rules that keep a session runnable and the voice honest) --


def test_deck_parts_that_do_not_add_up(project):
    change(project / DECK, lambda d: entry(d["sections"], "kind", "pause").update(minutes=20))
    fails_with(project, DECK, "duration", "add up to 215", "expected 210")


def test_exercise_part_with_its_own_minutes(project):
    change(project / DECK, lambda d: entry(d["sections"], "kind", "exercise").update(minutes=12))
    fails_with(project, DECK, "(exercise)", "minutes", "from the exercise")


def test_objective_that_nothing_checks(project):
    def orphan(d):
        kept, dropped = d["objectives"][0]["id"], d["objectives"][-1]["id"]
        d["objectives"][-1] = {"id": "orpheline", "text": "Citer les trois sources de la donnée qualifiée"}
        for q in d["quiz"]:
            q["checks"] = kept if q["checks"] == dropped else q["checks"]
        d["exercise"]["checks"] = [kept if c == dropped else c for c in d["exercise"]["checks"]]
    change(project / ARG3, orphan)
    fails_with(project, ARG3, "objectives", "orpheline", "checked by no quiz item")


def test_objective_that_cannot_be_observed(project):
    change(project / ARG3, lambda d: d["objectives"][0].update(text="Comprendre la valeur d’une donnée fraîche"))
    fails_with(project, ARG3, "objectives[0]", "observable verb", "comprendre")


def test_table_note_that_does_not_name_its_columns(project):
    change(project / COMPARISONS, lambda d: entry(d, "id", "petrole").update(reading="Lisez le tableau ligne par ligne."))
    fails_with(project, COMPARISONS, "petrole", "reading", "name the column")


def test_table_too_long_for_a_slide(project):
    change(project / COMPARISONS, lambda d: entry(d, "id", "minitel").pop("slide_rows"))
    fails_with(project, COMPARISONS, "minitel", "slide_rows", "at most 4")


def test_an_article_heading_as_a_title_is_quoted(project):
    def unquote(d):
        d["title"] = d["source"]["heading"]
    change(project / "docs/arguments/6-sourcer.md", unquote)
    fails_with(project, "6-sourcer.md", "title", "quoted")


def test_a_quoted_heading_is_a_quotation_not_a_copy(project):
    change(project / ARG3, lambda d: d["source"].update(heading="La valeur n’est pas tant dans l’algorithme que dans la data"))
    fails_with(project, ARG3, "source.heading", "at most 7 words")


def test_handout_paragraph_missing(project):
    change(project / "docs/data/talk.yml", lambda d: d["conclusion"].pop("text"))
    fails_with(project, "docs/data/talk.yml", "conclusion", "text", "handout")


# -- carousels (issue 13): measured with the real font, never cut ----------------------------

ARG2 = "docs/arguments/2-ocean-rouge.md"


def test_title_too_long_for_a_carousel_page(project):
    """The model counts characters (at most 90); the carousel measures them: wide capitals no longer fit."""
    change(project / ARG2, lambda d: d.update(title=("MÉMORANDUM : " + "WWW MMM " * 10)[:88].strip()))
    line = fails_with(project, f"Bad content: {ARG2}: front matter: title: too long for a carousel page (")
    assert re.search(r"\(\d+ lines at \d+ pt, room for \d+\)", line), line


def test_a_word_wider_than_a_carousel_page_is_broken_never_cut(project):
    word = "Hyperpersonnalisationalgorithmiqueautomatiséeintégrale"
    change(project / ARG2, lambda d: d.update(claim=f"{word} : {d['claim']}"[:160]))
    builds(project)
    made = {c.name: c for c in carousel.layout(load(project), project, "https://example.org/")}
    claims = [t for c in made.values() for p in c.pages for t in p.main if t.source.field == "claim" and word[:8] in t.lines[0]]
    assert claims
    for claim in claims:  # the word runs over two lines or more, every letter kept
        assert word not in claim.lines and word in "".join(claim.lines), claim.lines


def test_character_missing_from_the_carousel_font(project):
    """Any character builds the site; the carousel, printed with Inter, refuses one it cannot draw."""
    change(project / ARG2, lambda d: d["takeaways"].__setitem__(0, "→ " + d["takeaways"][0][:80]))
    builds(project)
    with pytest.raises(ContentError, match=r"takeaways\[0\]: the character « → » is not in the carousel's font"):
        carousel.layout(load(project), project, "https://example.org/")


# -- files as editors save them, and files that are not what they should be -------------------

TALK = "docs/data/talk.yml"
SITE = "docs/data/site.yml"
PAGE = "docs/source.md"
BOM = "\ufeff"


def windows(path: Path) -> None:
    """Saved by a Windows editor: a byte-order mark and CRLF line ends."""
    text = path.read_text(encoding="utf-8")
    path.write_bytes((BOM + text).replace("\n", "\r\n").encode("utf-8"))


def test_bom_and_crlf_files_build_and_read_as_typed(project, content):
    for rel in (ARG3, GLOSSARY, DECK, PAGE):
        windows(project / rel)
    out = builds(project)
    page = (out / content.argument(3).url / "index.html").read_text(encoding="utf-8")
    assert "\r" not in page and BOM not in page
    assert f"<h1" in page and content.argument(3).short_title.split()[0] in page
    glossary = (out / "glossaire" / "index.html").read_text(encoding="utf-8")
    assert all(t.id in glossary for t in content.glossary)
    assert (out / "source" / "index.html").is_file() and (out / "slides" / "formation" / "index.html").is_file()


def test_old_mac_line_ends_build(project):
    path = project / COMPARISONS
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r"))
    builds(project)


def test_a_tab_inside_a_text_is_fine(project):
    change(project / ARG3, lambda d: d.update(question="Une\tquestion\tà tabulations ?"))
    out = builds(project)
    page = (out / "arguments/3-donnee-fraiche/index.html").read_text(encoding="utf-8")
    assert re.search(r"Une\squestion\sà tabulations\u202f\?", page)  # a browser shows a tab as a space


def test_a_tab_that_indents_yaml(project):
    path = project / GLOSSARY
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\n  id:", "\n\tid:", 1), encoding="utf-8")
    line = fails_with(project, GLOSSARY, "YAML syntax error", "a tab")
    assert re.search(rf"{GLOSSARY}:\d+:", line)


@pytest.mark.parametrize("path, text, expected", [
    (GLOSSARY, "", "the file is empty"),
    (GLOSSARY, "# bientôt\n", "expected a non-empty list"),
    (ARG3, "\n", "the file is empty"),
    ("slides/decks/formation.yml", "", "the file is empty"),
], ids=["empty data file", "data file with only a comment", "empty argument file", "empty deck file"])
def test_an_empty_file(project, path, text, expected):
    (project / path).write_text(text, encoding="utf-8")
    fails_with(project, path, expected)


def test_missing_data_file(project):
    (project / TALK).unlink()
    fails_with(project, TALK, "file missing")


def test_missing_site_file(project):
    (project / SITE).unlink()
    fails_with(project, SITE, "file missing")


@pytest.mark.parametrize("rel", [ARG3, GLOSSARY, PAGE])
def test_file_not_in_utf8(project, rel):
    path = project / rel
    text = path.read_text(encoding="utf-8") + "\nsummary_extra: « é »\n" if rel == GLOSSARY else path.read_text(encoding="utf-8")
    path.write_bytes(text.encode("cp1252", errors="replace"))
    line = fails_with(project, rel, "not UTF-8 text (byte 0x")
    assert re.search(rf"{re.escape(rel)}:\d+: not UTF-8", line), line


def test_a_5_mb_field(project):
    change(project / ARG3, lambda d: d["notes"].update(claim="a" * 5_000_000))
    fails_with(project, ARG3, "front matter", "notes.claim", "expected at most 10000 characters, got 5000000")


def test_a_control_character(project):
    path = project / COMPARISONS
    change(path, lambda d: d[1].update(summary="Deux\x07sons"))
    fails_with(project, COMPARISONS, "entry 2", "summary", "character U+0007 (a control character) at position 5")


def test_a_noncharacter(project):
    change(project / GLOSSARY, lambda d: d[0].update(definition="\ufffe " + d[0]["definition"]))  # YAML: "\uFFFE"
    fails_with(project, GLOSSARY, "entry 1", "definition", "U+FFFE (a noncharacter) at position 1")


def test_half_a_surrogate_pair(project):
    change(project / GLOSSARY, lambda d: d[0].update(definition="\ud83d " + d[0]["definition"]))  # YAML: "\uD83D"
    line = fails_with(project, GLOSSARY, "YAML syntax error", "invalid Unicode character escape")
    assert re.search(rf"{GLOSSARY}:\d+:", line)


# -- fields, entries, keys -------------------------------------------------------------------


def test_unknown_key_in_front_matter(project):
    change(project / ARG3, lambda d: d.update(couleur="bleu"))
    fails_with(project, ARG3, "front matter", "couleur", "unknown field")


def test_unknown_key_in_a_deck_section(project):
    change(project / DECK, lambda d: d["sections"][0].update(duree=3))
    fails_with(project, DECK, "sections[0].duree", "unknown field")


def test_a_number_where_a_text_is_expected(project):
    change(project / ARG3, lambda d: d.update(title=1984))
    fails_with(project, ARG3, "title", "expected a text, got int 1984 (put it in quotes)")


def test_a_text_where_a_list_is_expected(project):
    change(project / ARG3, lambda d: d.update(takeaways="Une seule idée"))
    fails_with(project, ARG3, "takeaways", "expected a list")


def test_an_empty_value(project):
    change(project / ARG3, lambda d: d.update(question=None))  # « question: » with nothing after
    fails_with(project, ARG3, "question", "got nothing (an empty value)")


def test_a_key_given_twice(project):
    path = project / ARG3
    data, _ = front_matter(path)
    path.write_text(path.read_text(encoding="utf-8").replace("---\n", f"---\nquestion: {data['question']!r}\n", 1),
                    encoding="utf-8")
    line = fails_with(project, ARG3, "question", "duplicate key (already on line 2)")
    assert re.search(rf"{ARG3}:\d+:", line)


def test_a_key_given_twice_in_data(project):
    path = project / GLOSSARY
    path.write_text(path.read_text(encoding="utf-8").replace("\n  argument:", "\n  argument: 1\n  argument:", 1),
                    encoding="utf-8")
    fails_with(project, GLOSSARY, "argument", "duplicate key")


def test_duplicate_glossary_id(project):
    change(project / GLOSSARY, lambda d: d[1].update(id=d[0]["id"]))
    fails_with(project, GLOSSARY, "entry 2", "id", "duplicate")


def test_duplicate_argument_number(project):
    data, body = front_matter(project / ARG3)
    data["slug"] = "copie"
    write_front_matter(project / "docs/arguments/3-copie.md", data, body)
    fails_with(project, "docs/arguments/3-", "front matter", "number", "duplicate 3 (already used by docs/arguments/3-")


def test_duplicate_figure_for_an_argument(project):
    change(project / FIGURES, lambda d: d[2].update(argument=d[1]["argument"]))
    fails_with(project, FIGURES, "argument", "expected exactly one figure")


def test_front_matter_never_closed(project):
    path = project / ARG3
    text = path.read_text(encoding="utf-8")
    path.write_text("---\n" + text.split("---\n", 2)[1] + text.split("---\n", 2)[2], encoding="utf-8")
    fails_with(project, ARG3, "front matter", "between --- lines")


def test_front_matter_that_is_a_list(project):
    write_front_matter(project / ARG3, ["un", "deux"])  # type: ignore[arg-type]
    fails_with(project, ARG3, "front matter", "expected a mapping of fields, got list")


def test_page_front_matter_yaml_error(project):
    edit(project / PAGE, 'title: "Source et crédits"', 'title: "Source et crédits')
    line = fails_with(project, PAGE, "YAML syntax error")
    assert re.search(rf"{PAGE}:\d+:", line)


def test_page_without_front_matter(project):
    path = project / PAGE
    path.write_text(path.read_text(encoding="utf-8").split("---\n", 2)[2], encoding="utf-8")
    fails_with(project, PAGE, "front matter", "title and description")


def test_missing_label(project):
    change(project / SITE, lambda d: d["labels"].pop("quiz-show"))
    fails_with(project, SITE, "labels", "quiz-show", "missing")


def test_quiz_answer_not_a_choice(project):
    change(project / ARG3, lambda d: d["quiz"][0].update(answer=7))
    fails_with(project, ARG3, "quiz[0]", "answer 7 is not a choice index")


def test_short_title_too_long(project):
    change(project / ARG3, lambda d: d.update(short_title="x" * 31))
    fails_with(project, ARG3, "short_title", "expected at most 30 characters, got 31")


def test_claim_too_short(project):
    change(project / ARG3, lambda d: d.update(claim="Trop court."))
    fails_with(project, ARG3, "claim", "expected at least 50 characters, got 11")


def test_deck_id_is_not_its_file_name(project):
    change(project / DECK, lambda d: d.update(id="atelier"))
    fails_with(project, DECK, "id", "expected « formation » (the file name)")


def test_glossary_term_for_an_unknown_argument(project):
    change(project / GLOSSARY, lambda d: d[0].update(argument=12))
    fails_with(project, GLOSSARY, "entry 1", "argument", "unknown argument 12")


# -- macros in page bodies -------------------------------------------------------------------


def test_unknown_macro_in_an_argument_body(project):
    with (project / ARG3).open("a", encoding="utf-8") as f:
        f.write("\nUn peu de prose.\n\n{{ tableau('minitel') }}\n")
    line = fails_with(project, f"{ARG3}:", "unknown macro « tableau »")
    number = (project / ARG3).read_text(encoding="utf-8").splitlines().index("{{ tableau('minitel') }}") + 1
    assert f"{ARG3}:{number}:" in line


def test_bad_macro_argument_in_an_argument_body(project):
    with (project / ARG3).open("a", encoding="utf-8") as f:
        f.write('\n{{ comparison("baleine") }}\n')
    fails_with(project, f"{ARG3}:", "baleine")


@pytest.mark.parametrize("jinja", ["{% if vrai %}oui{% endif %}", "{{ comparison('minitel')", "fin }}"])
def test_jinja_other_than_a_macro_call(project, jinja):
    with (project / PAGE).open("a", encoding="utf-8") as f:
        f.write(f"\n{jinja}\n")
    fails_with(project, f"{PAGE}:", "outside a {{ name(arguments) }} call")


def test_figure_label_too_long_for_its_side_of_the_scale(project):
    """A label that would run into the axis stops the build instead of being drawn over it."""
    edit(project / FIGURES, "  below: poste menacé\n",
         "  below: le poste du vendeur de commodités est menacé par le « matching »\n")
    fails_with(project, FIGURES, "panier-moyen", "below", "too long for its side of the scale")
