"""The built site, read as a reader's browser and a search engine would get it."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

PAGES = ["", "conclusion/", "comparaisons/", "glossaire/", "presenter/", "source/"]


def soup(site: Path, url: str, tips: bool = False) -> BeautifulSoup:
    """A built page; glossary tooltips removed unless asked for, as a reader sees the text."""
    page = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")
    for node in page.select(".headerlink" if tips else ".headerlink, .gl__tip"):
        node.decompose()
    return page


def text(node) -> str:
    return re.sub(r"\s+", " ", node.get_text()).replace("\u202f", " ").replace("\u00a0", " ").strip()


def squash(value: str) -> str:
    """Author text as it reads once rendered: Markdown marks and spacing differences gone."""
    value = re.sub(r"[*_`]", "", value)
    return re.sub(r"\s+", " ", value.replace("\u202f", " ").replace("\u00a0", " ")).strip()


def test_every_page_exists(site, content):
    for url in PAGES + [a.url for a in content.arguments]:
        assert (site / url / "index.html").is_file(), url


def test_argument_pages_have_every_section_in_order(site, content):
    sections = content.site.sections
    for a in content.arguments:
        page = soup(site, a.url)
        assert text(page.find("h1")) == squash(a.title)
        ids = [h2["id"] for h2 in page.select("article h2[id]")]
        expected = [sections[k].id for k in ("claim", "promise", "reality", "image")]
        expected += [sections["comparison"].id] if content.comparisons_for(a.number) else []
        expected += [sections["key_figure"].id] if a.key_figure else []
        expected += [sections[k].id for k in ("takeaways", "question", "quiz")] + ["partager"]
        assert ids == expected, a.url
        body = text(page.select_one("article"))
        for value in (a.claim, a.question, a.image.title, *a.takeaways):
            assert squash(value) in body, (a.url, value)
        for para in (a.promise, a.reality, a.image.text):
            first = squash(para.split("\n\n")[0])[:60]
            assert first in body, (a.url, first)
        if a.key_figure:
            assert squash(a.key_figure.value) in body


def test_previous_next_between_arguments(site, content):
    for a in content.arguments:
        pager = soup(site, a.url).select_one("nav.arg-pager")
        hrefs = [link["href"] for link in pager.select("a")]
        if a.number > 1:
            assert f"../{a.number - 1}-{content.argument(a.number - 1).slug}/" in hrefs
        if a.number < 7:
            assert f"../{a.number + 1}-{content.argument(a.number + 1).slug}/" in hrefs


def table_cells(table) -> list[list[str]]:
    return [[text(c) for c in row.find_all(["th", "td"])] for row in table.select("tbody tr")]


def data_cells(comparison) -> list[list[str]]:
    return [[squash(r.criterion), squash(r.left), squash(r.right)] for r in comparison.rows]


def test_comparison_page_tables_equal_their_data(site, content):
    page = soup(site, "comparaisons/")
    for c in content.comparisons:
        table = page.select_one(f'table[data-table="{c.id}"]')
        assert table is not None, c.id
        assert table_cells(table) == data_cells(c)
        assert [text(th) for th in table.select("thead th")] == [squash(c.criterion), squash(c.left), squash(c.right)]


def test_argument_pages_show_the_tables_that_serve_them(site, content):
    for a in content.arguments:
        page = soup(site, a.url)
        for c in content.comparisons_for(a.number):
            assert table_cells(page.select_one(f'table[data-table="{c.id}"]')) == data_cells(c)


def test_home_has_minitel_table_and_seven_cards(site, content):
    page = soup(site, "")
    assert "75 000" in text(page)
    assert len(table_cells(page.select_one('table[data-table="minitel"]'))) == 5
    cards = page.select("ol.arg-cards > li")
    assert len(cards) == 7
    for card, a in zip(cards, content.arguments):
        assert card.select_one("a")["href"] == a.url
        assert squash(a.claim) in text(card)


def test_glossary_page_lists_every_term(site, content):
    page = soup(site, "glossaire/")
    for t in content.glossary:
        assert text(page.select_one(f"dt#{t.id}")) == t.term


def test_glossary_marks_on_pages(site, content):
    for url in [""] + [a.url for a in content.arguments]:
        marks = soup(site, url, tips=True).select(".gl")
        assert marks, url
        for mark in marks:
            link, tip = mark.select_one("a.gl__term"), mark.select_one('[role="tooltip"]')
            assert link["aria-describedby"] == tip["id"]
            assert "glossaire/#" in link["href"]
            assert tip.has_attr("data-search-exclude")


def test_french_typography_in_pages(site, content):
    page = (site / content.argument(2).url / "index.html").read_text(encoding="utf-8")
    body = BeautifulSoup(page, "lxml").select_one("article").get_text()
    assert not re.search(r"\w [;!?]", body), "ordinary space before ; ! ?"
    assert not re.search(r"« | »", body), "ordinary space inside guillemets"


def test_search_index_is_french_and_complete(site, content):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["fr"]
    docs = " ".join(d["text"] + " " + d["title"] for d in index["docs"])
    docs = docs.replace("\u202f", " ").replace("\u00a0", " ")
    for a in content.arguments:
        assert squash(a.title) in docs
    for c in content.comparisons:
        assert squash(c.rows[-1].right)[:40] in docs
    for t in content.glossary:
        assert squash(t.definition)[:40] in docs
    locations = {d["location"].split("#")[0] for d in index["docs"]}
    pages = {str(p.parent.relative_to(site)) + "/" for p in site.rglob("index.html")} - {"./"} | {""}
    pages = {p for p in pages if not p.startswith("slides/") and not re.fullmatch(r"\d+/|formation/support/", p)}
    assert {a.url for a in content.arguments} <= locations
    assert pages == locations, pages ^ locations  # every page, and only pages


def test_pages_block_on_one_stylesheet_of_ours_and_no_script(site, content):
    """Render-blocking: Material's stylesheets and one of ours; every script deferred."""
    for url in PAGES + [a.url for a in content.arguments] + ["404.html"]:
        page = BeautifulSoup((site / url / ("" if url.endswith(".html") else "index.html")).read_text(encoding="utf-8"), "lxml")
        ours = [link["href"] for link in page.select('link[rel="stylesheet"]') if "/stylesheets/" not in link["href"]]
        assert [h.rsplit("/", 1)[-1] for h in ours] == ["site.css"], (url, ours)
        blocking = [s["src"] for s in page.select("script[src]") if not s.has_attr("defer")]
        assert not blocking, (url, blocking)
    css = (site / "assets" / "site.css").read_text(encoding="utf-8")
    assert css.startswith((site / "assets" / "figures.css").read_text(encoding="utf-8"))  # the handout links it alone


def test_search_on_demand_finds_material_worker(site):
    """The on-demand worker loads Material's worker by name, from its own folder, and that worker
    loads lunr's French stemmer from ../lunr: the folder layout it relies on."""
    page = (site / "index.html").read_text(encoding="utf-8")
    config = json.loads(BeautifulSoup(page, "lxml").select_one("#__config").string)
    worker = site / config["search"]
    assert worker.is_file() and worker.name.startswith("search."), config["search"]
    assert (worker.parent / "search-on-demand.js").is_file()
    assert (worker.parent.parent / "lunr" / "min" / "lunr.fr.min.js").is_file()
    assert "search-on-demand.js#" in page


OTHER_HOST = re.compile(r"""(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import\s+["']?(?:https?:)?//""", re.I)


def test_no_built_file_loads_from_another_host(site):
    """Scripts, styles, fonts, images, iframes: all from the site itself."""
    offenders = []
    for path in site.rglob("*"):
        if path.suffix not in {".html", ".css"}:
            continue
        for match in OTHER_HOST.finditer(path.read_text(encoding="utf-8", errors="replace")):
            if path.suffix == ".html":
                tag = path.read_text(encoding="utf-8")[max(0, match.start() - 200): match.end()]
                if re.search(r"<a\s[^<]*$", tag) or re.search(r'<link[^>]*rel="canonical"[^<]*$', tag):
                    continue  # a plain link the reader may follow is not a request
            offenders.append(f"{path.relative_to(site)}: {match.group(0)}")
    assert not offenders, offenders
    for js in site.rglob("*.js"):
        source = js.read_text(encoding="utf-8", errors="replace")
        assert "fonts.googleapis" not in source and "googletagmanager" not in source, js


def test_no_data_files_published(site):
    assert not (site / "data").exists()


def test_each_argument_page_shows_where_it_comes_from(site, content):
    for a in content.arguments:
        line = soup(site, a.url, tips=True).select_one("h1 ~ p.arg-source")
        assert line is not None, a.number
        quoted = line.select_one("q")
        assert squash(quoted.get_text()) == squash(a.source.heading), a.number
        assert not quoted.select(".gl"), a.number  # the article's words carry no glossary mark
        assert f"partie {a.number}" in text(line)


def test_glossary_page_is_in_french_alphabetical_order(site, content):
    """Accents do not count in a dictionary: « prédictif » comes before « processus d'achat »."""
    shown = [text(dt) for dt in soup(site, "glossaire/").select("dl.glossary > dt")]
    assert shown == [t.term for t in content.glossary_in_order]
    assert len(shown) == len(content.glossary)
    assert shown.index("prédictif") < shown.index("processus d’achat") < shown.index("prospection")


def test_every_glossary_term_is_used_on_the_site(site, content):
    """The glossary defines the words the site uses: a term no page marks is dead weight."""
    marked = set()
    for page in site.rglob("index.html"):
        if page.parent.name not in ("glossaire", "citer"):
            marked |= {a["href"].rsplit("#", 1)[1] for a in soup(site, str(page.parent.relative_to(site)), tips=True)
                       .select("a.gl__term")}
    assert {t.id for t in content.glossary} - marked == set()
