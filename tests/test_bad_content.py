"""Bad content stops the build with one line naming file, entry and field; never a traceback."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

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
    text = (project / ARG3).read_text(encoding="utf-8")
    (project / ARG3).write_text(re.sub(r"\nquestion: .*", "", text, count=1), encoding="utf-8")
    fails_with(project, ARG3, "front matter", "question", "missing")


def test_wrong_type(project):
    edit(project / ARG3, "number: 3", 'number: "trois"')
    fails_with(project, ARG3, "number", "whole number")


def test_unknown_argument_number_in_a_table(project):
    edit(project / COMPARISONS, "arguments: [6]", "arguments: [9]")
    fails_with(project, COMPARISONS, "petrole", "arguments")


def test_duplicate_id(project):
    edit(project / COMPARISONS, "id: saumon", "id: petrole")
    fails_with(project, COMPARISONS, "id", "duplicate « petrole »")


def test_row_with_a_missing_cell(project):
    text = (project / COMPARISONS).read_text(encoding="utf-8")
    (project / COMPARISONS).write_text(re.sub(r"\n      right: .*", "", text, count=1), encoding="utf-8")
    fails_with(project, COMPARISONS, "minitel", "rows[0].right", "missing")


def test_empty_table(project):
    text = (project / COMPARISONS).read_text(encoding="utf-8")
    head, _, tail = text.partition("- id: petrole")
    body = re.sub(r"  rows:\n(    .*\n|\s*\n)*", "  rows: []\n", tail, count=1)
    (project / COMPARISONS).write_text(head + "- id: petrole" + body, encoding="utf-8")
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
    edit(project / COMPARISONS, "id: petrole\n", "id: petrole\n")
    text = (project / COMPARISONS).read_text(encoding="utf-8")
    text = re.sub(r"(- id: petrole\n  title: )(.*)", r'\1"<script>alert(1)</script> Pétrole"', text, count=1)
    (project / COMPARISONS).write_text(text, encoding="utf-8")
    edit(project / ARG3, "takeaways:\n  - \"", "takeaways:\n  - \"<script>alert(2)</script> ")
    result = mkdocs_build(project / "mkdocs.yml", project / "out")
    assert result.returncode == 0, result.stderr
    built = [p.read_text(encoding="utf-8") for p in (project / "out").rglob("*.html")]
    assert not any("<script>alert" in html for html in built)
    assert any("&lt;script&gt;alert(1)" in html or "&lt;script>alert(1)" in html for html in built)
    assert any("&lt;script&gt;alert(2)" in html or "&lt;script>alert(2)" in html for html in built)


# -- decks ----------------------------------------------------------------------------------

DECK = "slides/decks/formation.yml"


def test_deck_unknown_argument(project):
    edit(project / DECK, "number: 7,", "number: 12,")
    fails_with(project, DECK, "sections[", "number", "12")


def test_deck_unknown_table(project):
    edit(project / DECK, "{kind: argument, number: 6, minutes: 7}", "{kind: argument, number: 6, minutes: 7, table: baleine}")
    fails_with(project, DECK, "table", "baleine")


def test_deck_unknown_section_kind(project):
    edit(project / DECK, "{kind: discussion,", "{kind: debat,")
    fails_with(project, DECK, "kind", "debat")


@pytest.mark.parametrize("minutes", ["0", "-3", "dix"])
def test_deck_minutes_not_a_positive_number(project, minutes):
    edit(project / DECK, "{kind: conclusion, minutes: 5}", f"{{kind: conclusion, minutes: {minutes}}}")
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
    edit(project / FIGURES, "  below: le matching prend la vente\n", "")
    fails_with(project, FIGURES, "panier-moyen", "below", "missing")


def test_figure_threshold_outside_its_scale(project):
    edit(project / FIGURES, "  threshold: 10\n", "  threshold: 5000\n")
    fails_with(project, FIGURES, "panier-moyen", "threshold between")


# -- carousels (issue 13): measured with the real font, never cut ----------------------------

ARG2 = "docs/arguments/2-ocean-rouge.md"


def test_title_too_long_for_a_carousel_page(project):
    title = "Bienvenue dans l’océan rouge"
    long_title = ", ".join([title] * 7)
    edit(project / ARG2, f'title: "{title}"', f'title: "{long_title}"')
    line = fails_with(project, f"Bad content: {ARG2}: front matter: title: too long for a carousel page (")
    assert re.search(r"\(\d+ lines at \d+ pt, room for \d+\)", line), line


def test_claim_with_a_word_wider_than_a_carousel_page(project):
    edit(project / ARG2, "claim: \"Vos concurrents reçoivent les mêmes leads que vous",
         "claim: \"Hyperpersonnalisationalgorithmiqueautomatiséeintégrale")
    fails_with(project, f"Bad content: {ARG2}: front matter: claim: too long for a carousel page",
               "« Hyperpersonnalisationalgorithmiqueautomatiséeintégrale", "is wider than the page at")


def test_character_missing_from_the_carousel_font(project):
    edit(project / ARG2, "takeaways:\n  - \"Un lead", "takeaways:\n  - \"→ Un lead")
    fails_with(project, ARG2, "takeaways[0]", "« → » is not in the carousel's font")


def test_promise_line_is_one_short_sentence(project):
    text = (project / ARG2).read_text(encoding="utf-8")
    line = re.search(r'^promise_line: "(.*)"$', text, re.M).group(1)
    edit(project / ARG2, f'promise_line: "{line}"', f'promise_line: "{line} {line}"')
    fails_with(project, ARG2, "promise_line", "at most 150 characters")


def test_reality_line_is_required(project):
    text = (project / ARG2).read_text(encoding="utf-8")
    (project / ARG2).write_text(re.sub(r"\nreality_line: .*", "", text, count=1), encoding="utf-8")
    fails_with(project, ARG2, "reality_line", "missing")
