"""Author text written out: escaping, emphasis, French typography and glossary marks, as pure functions.

Property-based (Hypothesis) over any text the content model accepts (tests/text_strategies.py);
tests/test_any_text.py puts such text through a whole build.
"""

from __future__ import annotations

import html
import json
import re
from types import SimpleNamespace

import lxml.html
import markdown
import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config

from conftest import ROOT
from macros.model import MAX_TEXT, NOT_TEXT, ContentError, check_text
from macros.sharing import json_for_script
from macros.text import (NBSP, NNBSP, GlossaryMarker, duration_fr, esc, french, html_block, html_inline,
                         md, md_block, plain, strip_tags, typeset)
from text_strategies import texts
from typography_faults import faults_in

MANY = settings(max_examples=400, deadline=None)
SPACE = re.compile(r"[ \t\n\r\f]+")


def collapse(text: str) -> str:
    """Text as a browser lays it out: runs of HTML whitespace are one space."""
    return SPACE.sub(" ", text).strip(" ")


def parse(fragment: str):
    return lxml.html.fragment_fromstring(fragment, create_parent="div")


def tags(node) -> list[str]:
    return [el.tag for el in node.iter()][1:]


@pytest.fixture(scope="module")
def site_markdown() -> markdown.Markdown:
    """Python-Markdown with the site's extensions, as MkDocs runs it."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)


# -- examples -----------------------------------------------------------------------------------


def test_spaces_before_double_punctuation_and_inside_guillemets():
    assert typeset("<p>Vraiment ? Oui ; « facile » : 80 % et 10 K€, 75 000 connexions !</p>") == (
        f"<p>Vraiment{NNBSP}? Oui{NNBSP}; «{NNBSP}facile{NNBSP}»{NBSP}: 80{NNBSP}% et 10{NBSP}K€, "
        f"75{NNBSP}000 connexions{NNBSP}!</p>"
    )


def test_times_numbers_and_units_never_split():
    assert french("à 20 h 30, 2 min 30, 8 min, 45 s, 1 000 000 €, 10 k€") == (
        f"à 20{NBSP}h{NBSP}30, 2{NBSP}min{NBSP}30, 8{NBSP}min, 45{NBSP}s, 1{NNBSP}000{NNBSP}000{NBSP}€, 10{NBSP}k€"
    )


def test_code_urls_and_attributes_are_left_alone():
    html_ = '<p title="a : b"><a href="https://x.org/?a=1;b=2">lien</a> <code>a : b ?</code></p>'
    assert typeset(html_) == html_
    assert typeset("<pre><code>x ; y</code></pre><script>a ; b</script><style>a:b ; c</style>") == (
        "<pre><code>x ; y</code></pre><script>a ; b</script><style>a:b ; c</style>")


def test_entities_stay_whole():
    assert typeset("<p>R&amp;D ; &lt;b&gt; ; &#58; ?</p>") == f"<p>R&amp;D{NNBSP}; &lt;b&gt;{NNBSP};{NBSP}:{NNBSP}?</p>"
    assert typeset("<p>&amp;amp; x</p>") == "<p>&amp;amp; x</p>"  # « &amp; » typed as text shows as typed


def test_punctuation_after_a_link_a_tooltip_or_emphasis():
    assert typeset('<p><a href="#">lien</a> : suite</p>') == f'<p><a href="#">lien</a>{NBSP}: suite</p>'
    assert typeset("<p><strong>Réponse B</strong> : oui</p>") == f"<p><strong>Réponse B</strong>{NBSP}: oui</p>"
    assert typeset("<p>« <em>mot</em> »</p>") == f"<p>«{NNBSP}<em>mot</em>{NNBSP}»</p>"
    assert typeset("<p>un <code>x</code> : y</p>") == f"<p>un <code>x</code>{NBSP}: y</p>"


def test_title_navigation_and_blocks():
    assert typeset("<title>A : b</title>") == f"<title>A{NBSP}: b</title>"
    assert typeset("<li>a</li><li>: b</li>") == "<li>a</li><li>: b</li>"  # a new block: nothing to join


def test_emphasis_is_the_only_markup():
    assert plain("*moment* et **80 % de chances**, l’*IA*") == "moment et 80 % de chances, l’IA"
    assert html_inline("*a* **b** 5*3*2 <i>") == "<em>a</em> <strong>b</strong> 5*3*2 &lt;i&gt;"
    assert html_block("a\n\n  *b*\n \nc") == "<p>a</p>\n<p><em>b</em></p>\n<p>c</p>"


def test_durations_in_french():
    assert [duration_fr(s) for s in (0, 45, 150, 480, 3600, 3900, 3930, 89.6)] == [
        f"0{NBSP}min", f"45{NBSP}s", f"2{NBSP}min{NBSP}30", f"8{NBSP}min", f"1{NBSP}h", f"1{NBSP}h{NBSP}05",
        f"1{NBSP}h{NBSP}05{NBSP}min{NBSP}30{NBSP}s", f"1{NBSP}min{NBSP}30"]
    with pytest.raises(ValueError):
        duration_fr(-1)


def test_glossary_marks_first_use_only_and_not_in_headings_or_links():
    term = SimpleNamespace(term="lead", id="lead", forms=["lead", "leads"], definition="Une <entreprise> prête.")
    marker = GlossaryMarker([term])
    out = marker.mark("<h2>Le lead</h2><p>Des leads et un lead.</p><p><a href='#'>lead</a></p>", "../glossaire/")
    assert out.count('class="gl"') == 1
    assert '<h2>Le lead</h2>' in out
    assert 'href="../glossaire/#lead"' in out and "&lt;entreprise&gt;" in out


# -- properties ---------------------------------------------------------------------------------


@MANY
@given(texts())
@example("R&D <b>gras</b> &amp; \"q\" : x ; y « z » {{ x }}")
def test_html_inline_shows_the_text_as_typed(text):
    node = parse(f"<p>{html_inline(text)}</p>")
    assert node.text_content() == plain(text)
    assert set(tags(node)) <= {"p", "em", "strong"}


@MANY
@given(texts())
def test_markdown_source_shows_the_text_as_typed(site_markdown, text):
    """md(): whatever the text, Python-Markdown with the site's extensions gives back the text."""
    node = parse(site_markdown.reset().convert(md(text)) or "<p></p>")
    assert collapse(node.text_content()) == collapse(plain(text))
    assert set(tags(node)) <= {"p", "em", "strong"}
    blocks = parse(site_markdown.reset().convert(md_block(text)) or "<p></p>")
    assert set(tags(blocks)) <= {"p", "em", "strong"}
    assert collapse(blocks.text_content()) == collapse(" ".join(plain(p) for p in re.split(r"\n[ \t\r\f]*\n", text)))


@MANY
@given(texts())
def test_esc_is_safe_in_text_and_attributes(text):
    value = esc(text)
    assert not re.search(r"[<>\"]", value)
    node = parse(f'<p title="{value}">{value}</p>')
    assert node[0].get("title") == french(plain(text)) == node[0].text_content()


@MANY
@given(texts())
def test_french_changes_spaces_only_and_is_stable(text):
    out = french(text)
    strip = lambda s: re.sub(r"[\s\u00a0\u202f]", "", s)  # noqa: E731
    assert strip(out) == strip(text)
    assert french(out) == out
    assert collapse(french(collapse(text))) == collapse(out)


@MANY
@given(texts())
@example("a ; b : c ! « d » 80 % 10 k€ 75 000 20 h 30 2 min 30")
def test_french_punctuation_gets_its_no_break_space(text):
    """After french(), the fault counter (written apart, on purpose) finds nothing to say."""
    page = f"<p>{html.escape(french(text))}</p>"
    found = [f for f in faults_in(page) if f.rule not in ("entity shown as text", "time in English notation (0:02:30)")]
    assert not found, found


@MANY
@given(texts(), texts(), texts(), st.sampled_from(["a", "em", "strong", "span", "code"]))
def test_typeset_runs_over_text_nodes_only(before, inside, after, tag):
    """Whatever the text around and inside an inline element, typeset() changes the text as
    french() does, never a tag, an attribute or code; a second pass changes nothing."""
    attr = esc(before + inside)
    fragment = f'<p title="{attr}">{html_inline(before)}<{tag} class="x">{html_inline(inside)}</{tag}>{html_inline(after)}</p>'
    out = typeset(fragment)
    assert typeset(out) == out
    assert re.findall(r"<[^>]*>", out) == re.findall(r"<[^>]*>", fragment)
    node = parse(out)
    if tag == "code":
        assert node.find(".//code").text_content() == plain(inside)
    else:
        assert node.text_content() == french(plain(before) + plain(inside) + plain(after)) or (
            "*" in before + inside + after)  # emphasis may pair across the pieces when they are joined


@MANY
@given(texts())
def test_strip_tags_keeps_no_break_spaces(text):
    assert strip_tags(f"<b>{esc(text)}</b>") == collapse(french(plain(text)))


@MANY
@given(st.dictionaries(st.sampled_from(["name", "headline", "url"]), texts()))
def test_json_ld_cannot_leave_its_script(data):
    out = json_for_script(data)
    assert not re.search(r"[<>&]", out)
    assert json.loads(out) == data


@MANY
@given(texts())
def test_any_text_survives_yaml_and_the_model(text):
    """What an author can type, YAML keeps and the model accepts (up to its length limit)."""
    assert yaml.safe_load(yaml.safe_dump({"title": text}, allow_unicode=True)) == {"title": text}
    check_text({"title": text}, "f.yml", "entry 1")


@given(st.characters(codec="utf-8").filter(lambda c: bool(NOT_TEXT.match(c))), texts())
@settings(max_examples=100, deadline=None)
def test_the_model_refuses_what_no_reader_could_see(bad, text):
    with pytest.raises(ContentError, match=rf"title: character U\+{ord(bad):04X}"):
        check_text({"title": text + bad}, "f.yml", "entry 1")
    with pytest.raises(ContentError, match=f"expected at most {MAX_TEXT} characters"):
        check_text({"items": ["x", "y" * (MAX_TEXT + 1)]}, "f.yml", "entry 1")


@MANY
@given(st.integers(min_value=0, max_value=30 * 3600))
def test_durations_read_back(seconds):
    """No ordinary space (nothing splits), no colon, and the words give back the seconds."""
    for out in (duration_fr(seconds),):
        assert " " not in out and ":" not in out
        units, words = ["h", "min", "s"], out.split(NBSP)
        total, last = 0, -1
        for i, word in enumerate(words):
            if word in units:
                continue
            unit = words[i + 1] if i + 1 < len(words) else units[last + 1]  # « 1 h 05 »: 05 min
            last = units.index(unit)
            total += int(word) * (3600, 60, 1)[last]
        assert total == seconds, out
