"""Citing the site (issue 13): Highwire and Dublin Core tags, the « Citer » block, BibTeX and RIS files.

The files are read back with maintained parsers (bibtexparser, rispy), as a reference manager would.
"""

from __future__ import annotations

import re

import bibtexparser
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware
from bs4 import BeautifulSoup

from macros import citation
from macros.text import french
from test_sharing import SITE_URL, pages, plain

CITABLE_PAGES = ("", "conclusion/")  # besides the arguments: the pages that adapt the article


def soup(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def metas(page: BeautifulSoup, name: str) -> list[str]:
    return [m["content"] for m in page.find_all("meta", attrs={"name": name})]


def words(text: str) -> str:
    """Text as compared: no-break spaces as spaces, runs of white space as one."""
    return " ".join(plain(text).split())


def test_citation_tags_on_every_citable_page_and_only_there(site, content):
    citable = {*CITABLE_PAGES, *(a.url for a in content.arguments)}
    seen = set()
    for path in pages(site):
        url = path.parent.relative_to(site).as_posix()
        url = "" if url == "." else url + "/"
        page = soup(path)
        tags = [m["name"] for m in page.find_all("meta", attrs={"name": re.compile(r"^(citation_|DC\.)")})]
        if url not in citable:
            assert not tags, (url, tags)
            continue
        seen.add(url)
        canonical = page.find("link", rel="canonical")["href"]
        title = content.site.label("cite-site") if url == "" else page.title.get_text().split(" - ")[0]
        assert metas(page, "citation_author") == ["Drillon, François"], url  # one tag per author, the article's
        assert [words(t) for t in metas(page, "citation_title")] == [words(title)], url
        assert metas(page, "citation_publication_date") == [content.site.published.replace("-", "/")]
        assert metas(page, "citation_language") == ["fr"]
        assert metas(page, "citation_publisher") == [content.site.label("cite-site")]
        assert metas(page, "citation_public_url") == [canonical] == [SITE_URL + url]
        assert [words(t) for t in metas(page, "DC.title")] == [words(title)]
        assert metas(page, "DC.creator") == ["Drillon, François"]
        assert metas(page, "DC.date") == [content.site.published]
        assert metas(page, "DC.language") == ["fr"]
    assert seen == citable


def test_argument_titles_in_tags_are_the_pages_own(site, content):
    for a in content.arguments:
        page = soup(site / a.url / "index.html")
        assert words(metas(page, "citation_title")[0]) == words(a.title)


def bib(site, name: str):
    text = (site / citation.FILES / f"{name}.bib").read_text(encoding="utf-8")
    library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    assert not library.failed_blocks, name
    assert len(library.entries) == 1, name
    return library.entries[0]


def ris(site, name: str) -> dict:
    raw = (site / citation.FILES / f"{name}.ris").read_bytes()
    assert raw.endswith(b"ER  - \r\n")
    records = rispy.loads(raw.decode("utf-8"))
    assert len(records) == 1, name
    return records[0]


def test_bibtex_files_parse_and_match_the_model(site, content):
    keys = set()
    expected = [(citation.file_name(a), a.title, SITE_URL + a.url) for a in content.arguments]
    expected.append((citation.file_name(None), content.site.label("cite-site"), SITE_URL))
    for name, title, url in expected:
        entry = bib(site, name)
        fields = {f.key: f.value for f in entry.fields}
        assert entry.entry_type == "online"
        assert fields["author"] == "Drillon, François"
        assert words(fields["title"]) == words(title)
        assert fields["url"] == url
        assert fields["date"] == content.site.published and fields["year"] == content.site.published[:4]
        assert fields["langid"] == "french"
        assert content.site.article_title in fields["titleaddon"]
        assert fields["organization"] == content.site.label("cite-site")
        keys.add(entry.key)
    assert len(keys) == len(expected)


def test_bibtex_escapes_what_latex_would_read_as_commands(content):
    ref = citation.Reference("essai", "50 % & 10 $ #1 _x_ {a}", "https://example.org/", "2026-01-01", "2026-01-01")
    entry = bibtexparser.parse_string(citation.bibtex(content, ref), append_middleware=[LatexDecodingMiddleware()]).entries[0]
    assert entry.fields_dict["title"].value == "50 % & 10 $ #1 _x_ {a}"


def test_ris_files_parse_and_match_the_model(site, content):
    for a in content.arguments:
        record = ris(site, citation.file_name(a))
        assert record["type_of_reference"] == "ELEC"
        assert record["authors"] == ["Drillon, François"]
        assert words(record["title"]) == words(french(a.title))
        assert record["secondary_title"] == record["publisher"] == content.site.label("cite-site")
        assert record["urls"] == [SITE_URL + a.url]
        assert record["language"] == "fr"
        assert record["year"] == content.site.published[:4]
        assert record["date"] == content.site.published.replace("-", "/") + "/"
        assert content.site.article_title in words(record["notes"][0])
    whole = ris(site, citation.file_name(None))
    assert whole["title"] == content.site.label("cite-site") and whole["urls"] == [SITE_URL]


def test_cite_block_gives_iso_690_apa_7_and_the_files(site, content):
    years = {content.site.published[:4]}
    for a in content.arguments:
        page = soup(site / a.url / "index.html")
        block = page.select_one(".share__cite .cite")
        url = SITE_URL + a.url
        iso = words(block.select_one(".cite__iso").get_text())
        assert iso.startswith(f"DRILLON, François. {words(a.title)}. In : ")
        assert "[en ligne]" in iso and "[consulté le " in iso
        assert iso.endswith(f"Disponible à l’adresse : {url}")
        assert block.select_one(".cite__iso time.cite__today")
        apa = words(block.select_one(".cite__apa").get_text())
        assert re.match(r"Drillon, F\. \(\d{4}, \d{1,2}(er)? \w+\)\. ", apa), apa
        assert words(a.title) in apa and apa.endswith(url)
        assert words(block.select_one(".cite__apa i").get_text()) == words(a.title)
        # no date is given to the article: every year quoted is the page's (published or changed)
        modified = page.find("meta", attrs={"property": "article:modified_time"})["content"]
        assert set(re.findall(r"\b20\d\d\b", iso + apa)) <= years | {modified[:4]}
        links = {link["href"] for link in block.select(".cite__files a[download]")}
        name = citation.file_name(a)
        assert links == {f"../../citer/{name}.bib", f"../../citer/{name}.ris"}
        for link in links:
            assert (site / a.url / link).resolve().is_file()
    source = soup(site / "source" / "index.html").select_one(".cite")
    assert {a["href"] for a in source.select("a[download]")} == {"../citer/mythe-prospection-facile.bib",
                                                                  "../citer/mythe-prospection-facile.ris"}
    assert words(source.select_one(".cite__iso").get_text()).endswith(f"Disponible à l’adresse : {SITE_URL}")
