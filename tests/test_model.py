"""The content model as the project ships it."""

from macros.model import SECTION_ORDER


def test_seven_arguments_numbered_in_order(content):
    assert [a.number for a in content.arguments] == [1, 2, 3, 4, 5, 6, 7]
    assert len({a.slug for a in content.arguments}) == 7


def test_every_argument_is_complete(content):
    for a in content.arguments:
        assert len(a.takeaways) == 3
        assert a.question.rstrip().endswith("?"), a.number
        assert 50 <= len(a.claim) <= 160


def test_comparison_tables_required_by_the_brief(content):
    ids = {c.id for c in content.comparisons}
    assert {"minitel", "petrole", "saumon", "commodite-valeur"} <= ids
    assert len(content.comparison("minitel").rows) == 5
    assert 6 in content.comparison("petrole").arguments
    assert 3 in content.comparison("saumon").arguments
    assert 4 in content.comparison("commodite-valeur").arguments
    assert any("10 k€" in cell for r in content.comparison("commodite-valeur").rows for cell in (r.left, r.right, r.criterion))


def test_glossary_covers_the_key_terms(content):
    terms = {t.term.lower() for t in content.glossary}
    for expected in ("lead", "océan rouge", "smart data", "qualification", "matching", "commodité",
                     "panier moyen", "ia de niveau 2", "signaux faibles"):
        assert expected in terms


def test_site_text_has_every_section_heading(content):
    assert set(content.site.sections) == set(SECTION_ORDER)


def test_decks_are_defined(content):
    decks = {d.id: d for d in content.decks}
    assert {d: decks[d].minutes for d in decks} == {"formation": 210, "module": 90, "conference": 15}
    for deck in decks.values():
        assert [s.number for s in deck.sections if s.kind == "argument"] == [1, 2, 3, 4, 5, 6, 7], deck.id
