"""Link previews, card images, stable addresses and the share block (issue: sharing on LinkedIn)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlparse

import extruct
import pytest
from bs4 import BeautifulSoup
from PIL import Image

from conftest import ROOT
from macros import cards, sharing
from macros.text import french
from macros.render import page_url

SITE_URL = "https://executive-selling.github.io/mythe-prospection-facile/"


def pages(site: Path) -> list[Path]:
    """Every built page: not the 404, the short links, the decks or the printable handout."""
    return sorted(p for p in site.rglob("index.html")
                  if p.relative_to(site).parts[0] not in {"slides", *map(str, range(1, 8))}
                  and p.relative_to(site).parts[:2] != ("formation", "support"))


def head(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def meta(page: BeautifulSoup, key: str) -> str | None:
    tag = page.find("meta", attrs={"property": key}) or page.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def test_every_page_has_the_whole_meta_set(site, content):
    titles = set()
    arguments = {a.url for a in content.arguments}
    for path in pages(site):
        url = path.parent.relative_to(site).as_posix()
        url = "" if url == "." else url + "/"
        page = head(path)
        title = page.title.get_text()
        assert title not in titles, title
        titles.add(title)
        description = meta(page, "description")
        assert description and 50 <= len(description) <= 160, (url, description)
        canonical = page.find("link", rel="canonical")["href"]
        assert canonical == SITE_URL + url
        assert meta(page, "og:url") == canonical
        assert meta(page, "og:type") == ("article" if url in arguments else "website")
        assert meta(page, "og:locale") == "fr_FR"
        assert meta(page, "og:site_name") and meta(page, "og:title") and meta(page, "og:description")
        image = meta(page, "og:image")
        assert image.startswith(SITE_URL + "assets/cards/") and image.endswith(".png")
        assert (site / image.removeprefix(SITE_URL)).is_file()
        assert (meta(page, "og:image:width"), meta(page, "og:image:height"), meta(page, "og:image:type")) == ("1200", "627", "image/png")
        assert meta(page, "og:image:alt")
        assert meta(page, "twitter:card") == "summary_large_image"
        if url in arguments:
            assert meta(page, "article:author") == content.site.author.name
            assert meta(page, "description").replace("\u202f", " ").replace("\u00a0", " ") == \
                content.argument_at(f"arguments/{url.split('/')[1]}.md").claim


def test_meta_read_by_an_independent_parser(site, content):
    """extruct (Scrapinghub's metadata extractor) reads the same Open Graph and JSON-LD."""
    a = content.argument(3)
    html = (site / a.url / "index.html").read_text(encoding="utf-8")
    data = extruct.extract(html, base_url=SITE_URL + a.url, syntaxes=["opengraph", "json-ld"], uniform=True)
    og = data["opengraph"][0]
    assert og["og:url"] == SITE_URL + a.url
    assert og["og:image"] == SITE_URL + "assets/cards/argument-3.png"
    assert plain(og["og:title"]) == a.title
    article = data["json-ld"][0]
    assert article["@type"] == "Article"


def test_json_ld(site, content):
    for a in content.arguments:
        page = head(site / a.url / "index.html")
        data = json.loads(page.find("script", type="application/ld+json").string)
        assert data["@type"] == "Article" and data["inLanguage"] == "fr"
        assert plain(data["headline"]) == a.title
        assert data["author"] == {"@type": "Person", "name": content.site.author.name}
        assert data["publisher"]["@type"] == "Organization"
        assert data["image"][0].startswith(SITE_URL)
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["datePublished"])
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["dateModified"])
    home = json.loads(head(site / "index.html").find("script", type="application/ld+json").string)
    assert home["@type"] == "ItemList"
    assert [i["url"] for i in home["itemListElement"]] == [SITE_URL + a.url for a in content.arguments]


def test_cards_are_linkedin_sized_and_small(site):
    found = sorted((site / "assets" / "cards").glob("*.png"))
    assert len(found) == len(pages(site))
    for path in found:
        with Image.open(path) as image:
            assert image.size == (1200, 627) and image.format == "PNG"
        assert path.stat().st_size < 300_000


def test_cards_are_deterministic(site, content):
    """Drawn again without the cache, every card has the same bytes as the built one."""
    from mkdocs.utils.meta import get_data

    from macros.text import french

    for doc in sorted((ROOT / "docs").rglob("*.md")):
        src = doc.relative_to(ROOT / "docs").as_posix()
        argument = content.argument_at(src)
        title = argument.title if argument else get_data(doc.read_text(encoding="utf-8"))[1]["title"]
        url = page_url(src)
        card = sharing.card_for(content, url, french(title))
        assert cards.draw(card, ROOT) == (site / card.path).read_bytes(), card.path


def test_share_block(site, content):
    for a in content.arguments:
        page = head(site / a.url / "index.html")
        block = page.select_one("section.share")
        url = SITE_URL + a.url
        linkedin = block.select_one('a[href^="https://www.linkedin.com/sharing/share-offsite/"]')
        assert parse_qs(urlparse(linkedin["href"]).query)["url"] == [url]
        assert block.select_one("input.share__url")["value"] == url
        assert block.select_one("button.share__copy")["data-copy"] == url
        post = block.select_one("textarea.share__post").get_text()
        assert len(post) <= sharing.POST_MAX and post.startswith(french(a.claim)) and post.endswith(url)
        assert french(content.site.label("share-post-document")) in post  # the post presents the attached carousel
        carousel = block.select_one("a.share__carousel[download]")
        assert carousel.get_text() == "Télécharger le carrousel LinkedIn (PDF)" == content.site.label("carousel-pdf")
        assert carousel["href"] == f"../../carrousels/argument-{a.number}-{a.slug}.pdf"
        cite = plain(block.select_one(".share__cite .cite__iso").get_text())
        assert "DRILLON, François" in cite and url in cite and a.title in cite
        assert not page.select('script[src*="linkedin"], iframe')


def test_short_links_lead_to_their_argument(site, content):
    for a in content.arguments:
        page = head(site / str(a.number) / "index.html")
        refresh = page.find("meta", attrs={"http-equiv": "refresh"})["content"]
        target = refresh.split("url=", 1)[1]
        assert urljoin(f"{SITE_URL}{a.number}/", target) == SITE_URL + a.url
        assert page.find("link", rel="canonical")["href"] == SITE_URL + a.url


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def published() -> list[str]:
    lines = (Path(__file__).parent / "published_urls.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


@pytest.mark.parametrize("address", published())
def test_published_addresses_are_still_served(site, address):
    path, _, anchor = address.partition("#")
    target = site / path.lstrip("/")
    if path.endswith("/"):
        target = target / "index.html"
    assert target.is_file(), address
    if anchor and not anchor.startswith("/"):
        assert head(target).find(id=anchor) is not None, address
    if anchor.startswith("/"):  # a slide, #/<id>
        assert head(target).find("section", id=anchor[1:]) is not None, address


def test_sitemap_robots_and_404(site, content):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for a in content.arguments:
        assert f"<loc>{SITE_URL}{a.url}</loc>" in sitemap
    assert sitemap.count("<lastmod>") == len(pages(site))
    assert f"Sitemap: {SITE_URL}sitemap.xml" in (site / "robots.txt").read_text(encoding="utf-8")
    missing = head(site / "404.html")
    assert missing.html["lang"] == "fr"
    assert missing.find("h1").get_text() == content.site.label("not-found-title")
    assert len(missing.select("ol.not-found__list a")) == 7
