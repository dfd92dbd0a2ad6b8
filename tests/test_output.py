"""Every built file, checked as a crawler would: valid HTML, one h1, French, links and anchors that resolve."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlparse

import html5lib
from bs4 import BeautifulSoup


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_parses_without_errors(site):
    problems = {}
    for path in html_files(site):
        parser = html5lib.HTMLParser(strict=False)
        parser.parse(path.read_bytes())
        errors = [e for e in parser.errors if e[1] != "unexpected-end-of-file"]
        if errors:
            problems[str(path.relative_to(site))] = errors[:3]
    assert not problems, problems


def test_one_h1_french_and_unique_ids(site):
    for path in html_files(site):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        rel = path.relative_to(site).as_posix()
        assert page.html.get("lang") == "fr", rel
        if not re.fullmatch(r"\d/index\.html", rel):  # short links hold a link, not a page
            assert len(page.find_all("h1")) == 1, rel
        dupes = [i for i, n in Counter(t["id"] for t in page.find_all(id=True)).items() if n > 1]
        assert not dupes, (rel, dupes)


def ids(path: Path, cache: dict) -> set[str]:
    if path not in cache:
        cache[path] = {t["id"] for t in BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").find_all(id=True)}
    return cache[path]


def test_every_internal_link_and_anchor_resolves(pdfs):
    """Beyond mkdocs' own validation: raw HTML, generated pages and decks too."""
    from mkdocs.config import load_config

    base = urlparse(load_config(str(Path(__file__).parent.parent / "mkdocs.yml")).site_url).path  # e.g. /repo/
    site, broken, cache = pdfs, [], {}  # the site with its PDFs and offline kit (`make pdf`)
    for path in html_files(site):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for tag in page.find_all(["a", "link", "script", "img", "source"]):
            ref = tag.get("href") or tag.get("src")
            if not ref or ref.startswith(("mailto:", "data:", "javascript:")) or urlparse(ref).scheme:
                continue
            if tag.name == "link" and tag.get("rel") == ["canonical"]:
                continue
            url = urlparse(ref)
            if url.path.startswith("/"):  # the 404 page links from the site's root path
                target = (site / unquote(url.path).removeprefix(base)).resolve()
            else:
                target = (path.parent / unquote(url.path)).resolve() if url.path else path
            if target.is_dir() or url.path.endswith("/"):
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{path.relative_to(site)} → {ref}")
                continue
            anchor = url.fragment
            if anchor and target.suffix == ".html":
                wanted = anchor[1:] if anchor.startswith("/") else anchor  # reveal.js: #/<slide id>
                if wanted and wanted not in ids(target, cache):
                    broken.append(f"{path.relative_to(site)} → {ref} (no #{wanted})")
    assert not broken, broken
