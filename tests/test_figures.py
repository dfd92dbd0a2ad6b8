"""Figures: drawn from data, accessible, self-contained, on every page, slide and handout that needs them."""

from __future__ import annotations

import re

from lxml import etree

from macros.text import french
from test_site import squash

SVG = re.compile(r"<svg class=\"fig .*?</svg>", re.DOTALL)
NS = {"s": "http://www.w3.org/2000/svg"}


def expected_text(fig, content) -> list[str]:
    """Every string the figure must show, from its data alone."""
    kind = fig.kind
    if kind == "counter":
        items = [r.criterion for r in content.comparison(fig.items_from).rows]
        return [fig.value, fig.label, *map(str, range(1, len(items) + 1)), *items]
    if kind == "proportion":
        return [f"{fig.value:g} %", fig.filled, f"{100 - fig.value:g} %", fig.empty, fig.note]
    if kind == "crowd":
        return [fig.visible_label, fig.rivals_label, fig.hidden_label, fig.verdict]
    if kind == "versus":
        return [t for side in (fig.left, fig.right) for t in (side.title, side.tag, *side.items)]
    if kind == "scale":
        return [*fig.tick_labels, fig.below, fig.above, f"{fig.threshold:g} {fig.unit}"]
    if kind == "sequence":
        return [t for i, step in enumerate(fig.steps, 1) for t in (str(i), step)] + [fig.goal]
    raise AssertionError(kind)


def svgs(path) -> dict[str, etree._Element]:
    out = {}
    for raw in SVG.findall(path.read_text(encoding="utf-8")):
        svg = etree.fromstring(raw.encode())  # parses as XML, or raises
        out[svg.get("data-figure")] = svg
    return out


def shown_text(svg) -> list[str]:
    return [squash(" ".join(t.itertext())) for t in svg.iterfind("s:text", NS)]


def check(svg, fig, content) -> None:
    assert svg.get("role") == "img"
    title_id, desc_id = svg.get("aria-labelledby").split()
    assert squash(svg.find(f"s:title[@id='{title_id}']", NS).text) == fig.title
    assert squash(svg.find(f"s:desc[@id='{desc_id}']", NS).text) == squash(fig.description)
    assert sorted(shown_text(svg)) == sorted(squash(french(t)) for t in expected_text(fig, content))
    for node in svg.iter():
        for attr, value in node.attrib.items():
            assert not re.match(r"\s*(https?:)?//", value) or attr == "xmlns", (attr, value)


def test_every_argument_page_and_the_home_page_has_its_figure(site, content):
    for number, url in [(0, "")] + [(a.number, a.url) for a in content.arguments]:
        fig = content.figure_for(number)
        found = svgs(site / url / "index.html")
        assert fig.id in found, url
        check(found[fig.id], fig, content)


def test_every_deck_argument_section_has_its_figure(site, content):
    for deck in content.decks:
        found = svgs(site / "slides" / deck.id / "index.html")
        for section in deck.sections:
            if section.kind == "argument":
                fig = content.figure_for(section.number)
                assert fig.id in found, (deck.id, section.number)
                check(found[fig.id], fig, content)


def test_handout_html_has_every_argument_figure(site, content):
    found = svgs(site / "formation" / "support" / "index.html")
    for a in content.arguments:
        check(found[content.figure_for(a.number).id], content.figure_for(a.number), content)
