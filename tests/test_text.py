"""French typography and glossary marks over rendered HTML."""

from types import SimpleNamespace

from macros.text import NBSP, NNBSP, GlossaryMarker, typeset


def test_spaces_before_double_punctuation_and_inside_guillemets():
    assert typeset("<p>Vraiment ? Oui ; « facile » : 80 % et 10 K€, 75 000 connexions !</p>") == (
        f"<p>Vraiment{NNBSP}? Oui{NNBSP}; «{NNBSP}facile{NNBSP}»{NBSP}: 80{NNBSP}% et 10{NBSP}K€, "
        f"75{NNBSP}000 connexions{NNBSP}!</p>"
    )


def test_code_urls_and_attributes_are_left_alone():
    html = '<p title="a : b"><a href="https://x.org/?a=1;b=2">lien</a> <code>a : b ?</code></p>'
    assert typeset(html) == html


def test_glossary_marks_first_use_only_and_not_in_headings_or_links():
    term = SimpleNamespace(term="lead", id="lead", forms=["lead", "leads"], definition="Une <entreprise> prête.")
    marker = GlossaryMarker([term])
    out = marker.mark("<h2>Le lead</h2><p>Des leads et un lead.</p><p><a href='#'>lead</a></p>", "../glossaire/")
    assert out.count('class="gl"') == 1
    assert '<h2>Le lead</h2>' in out
    assert 'href="../glossaire/#lead"' in out and "&lt;entreprise&gt;" in out
