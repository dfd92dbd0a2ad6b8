"""Bad content stops the build with one line naming file, entry and field; never a traceback."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, mkdocs_build


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


def fails_with(project: Path, *expected: str) -> str:
    result = mkdocs_build(project / "mkdocs.yml", project / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    errors = [line for line in output.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1, output
    for text in expected:
        assert text in errors[0], errors[0]
    return errors[0]


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


def test_argument_numbers_not_exactly_one_to_seven(project):
    (project / "docs/arguments/7-convaincre.md").unlink()
    fails_with(project, "docs/arguments", "1 to 7")


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


def test_claim_with_a_word_wider_than_a_carousel_page(project):
    word = "Hyperpersonnalisationalgorithmiqueautomatiséeintégrale"
    change(project / ARG2, lambda d: d.update(claim=f"{word} : {d['claim']}"[:160]))
    fails_with(project, f"Bad content: {ARG2}: front matter: claim: too long for a carousel page",
               f"« {word}", "is wider than the page at")


def test_character_missing_from_the_carousel_font(project):
    change(project / ARG2, lambda d: d["takeaways"].__setitem__(0, "→ " + d["takeaways"][0][:80]))
    fails_with(project, ARG2, "takeaways[0]", "« → » is not in the carousel's font")
