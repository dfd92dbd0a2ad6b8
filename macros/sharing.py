"""What makes a link travel: head tags, JSON-LD, card images, share block, short links, robots.

Pure functions of the content model and a page's address; the hooks call them. Every absolute
URL is built from site_url. Text goes out as readers see it (macros/text.py): plain, French
spacing, escaped by whoever writes it (the template for meta tags, `esc` here, JSON with `<`, `>`
and `&` as \\u escapes so nothing in it can close its <script>).
"""

from __future__ import annotations

import html
import json
import subprocess
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from urllib.parse import quote, urljoin

from . import citation as cite
from .cards import Card
from .model import Argument, Content
from .text import esc, french, plain


def fr(text: str) -> str:
    """Plain text with French spacing, for a value that something else escapes (tags, JSON, images)."""
    return french(plain(text))

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")
LINKEDIN_SHARE = "https://www.linkedin.com/sharing/share-offsite/?url="
POST_MAX = 400  # the claim, the document's mention and the address; LinkedIn allows far more
CAROUSELS = "carrousels"  # folder of the carousel PDFs in the site (printed by `make pdf`)


@dataclass(frozen=True)
class PageInfo:
    """What sharing needs to know of one page."""

    url: str  # relative to the site root, e.g. "arguments/2-ocean-rouge/"
    title: str
    description: str
    argument: Argument | None
    modified: str  # ISO date
    citation_title: str = ""  # the page's own title when it is offered for citation (README, « Citer »)


def absolute(site_url: str, url: str) -> str:
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", url)


def card_for(content: Content, url: str, title: str) -> Card:
    url = "" if url in (".", "./") else url
    argument = next((a for a in content.arguments if a.url == url), None)
    site = content.site.article_title
    if argument:
        return Card(f"argument-{argument.number}", fr(argument.title),
                    fr(f"{content.site.label('argument')} {argument.number} / {len(content.arguments)}"), argument.number,
                    fr(site))
    name = url.strip("/").replace("/", "-") or "accueil"
    if not url:  # the home card names the site in its title: credit the author instead
        site = content.site.label("card-credit")
    return Card(name, fr(title), fr(content.site.label("site-kicker")), None, fr(site))


def french_date(iso: str) -> str:
    d = date.fromisoformat(iso)
    return f"{d.day}{'er' if d.day == 1 else ''} {MONTHS[d.month - 1]} {d.year}"


def git_dates(root: Path) -> dict[str, str]:
    """Last commit date of each file under docs/, from one `git log` (empty outside a git clone)."""
    try:
        out = subprocess.run(["git", "log", "--format=%x00%cs", "--name-only", "--", "docs"], cwd=root,
                             capture_output=True, text=True, timeout=30, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[str, str] = {}
    for block in out.split("\x00")[1:]:
        day, *names = block.strip().splitlines()
        for name in names:
            dates.setdefault(name.removeprefix("docs/"), day)
    return dates


def head(content: Content, page: PageInfo, site_url: str) -> tuple[list[tuple[str, str, str]], str]:
    """The meta tags (attribute, key, value) and the JSON-LD of a page, values as readers read them."""
    page = replace(page, title=fr(page.title), description=fr(page.description))
    url = absolute(site_url, page.url)
    card = card_for(content, page.url, page.title)
    image = absolute(site_url, card.path)
    site = content.site
    kind = "article" if page.argument else "website"
    tags = [
        ("property", "og:type", kind),
        ("property", "og:site_name", fr(site.article_title)),
        ("property", "og:locale", "fr_FR"),
        ("property", "og:title", page.title),
        ("property", "og:description", page.description),
        ("property", "og:url", url),
        ("property", "og:image", image),
        ("property", "og:image:type", "image/png"),
        ("property", "og:image:width", "1200"),
        ("property", "og:image:height", "627"),
        ("property", "og:image:alt", fr(card.alt)),
        ("name", "twitter:card", "summary_large_image"),
        ("name", "twitter:title", page.title),
        ("name", "twitter:description", page.description),
        ("name", "twitter:image", image),
        ("name", "twitter:image:alt", fr(card.alt)),
    ]
    author = {"@type": "Person", "name": fr(site.author.name)}
    publisher = {"@type": "Organization", "name": fr(site.author.organization)}
    if page.argument:
        tags += [("property", "article:author", fr(site.author.name)),
                 ("property", "article:published_time", site.published),
                 ("property", "article:modified_time", page.modified)]
        data = {
            "@context": "https://schema.org", "@type": "Article", "headline": page.title,
            "description": page.description, "image": [image], "url": url, "mainEntityOfPage": url,
            "author": author, "publisher": publisher, "inLanguage": "fr",
            "datePublished": site.published, "dateModified": page.modified,
            "isBasedOn": {"@type": "Article", "name": fr(site.article_title), "author": author},
        }
    elif page.url == "":
        data = {
            "@context": "https://schema.org", "@type": "ItemList", "name": fr(site.label("all-arguments")),
            "url": url, "inLanguage": "fr", "numberOfItems": len(content.arguments),
            "itemListElement": [
                {"@type": "ListItem", "position": a.number, "name": fr(a.title), "url": absolute(site_url, a.url)}
                for a in content.arguments
            ],
        }
    else:
        data = {"@context": "https://schema.org", "@type": "WebPage", "name": page.title, "url": url,
                "description": page.description, "inLanguage": "fr", "isPartOf": {"@type": "WebSite",
                "name": fr(site.article_title), "url": absolute(site_url, "")}}
    if page.citation_title:
        tags += cite.meta_tags(content, cite.for_page(content, page.citation_title, url, page.url == "", page.modified))
    return tags, json_for_script(data)


def json_for_script(data) -> str:
    """JSON to print inside <script>: no <, > or & in it, so no text can end or comment out the script."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def post_text(argument: Argument, url: str, document: str = "") -> str:
    """The claim, the sentence that presents the attached carousel, then the address."""
    claim = fr(argument.claim)
    middle = f"\n\n{fr(document)}\n\n" if document else " "
    text = f"{claim}{middle}{url}"
    if len(text) > POST_MAX:  # claims are at most 160 characters, so only a very long URL gets here
        text = f"{claim[: POST_MAX - len(text) + len(claim) - 1].rstrip()}…{middle}{url}"
    return text


def carousel_path(argument: Argument | None) -> str:
    """The carousel PDF of an argument (None: the whole series), relative to the site root."""
    return f"{CAROUSELS}/{cite.file_name(argument)}.pdf"


def share_block(content: Content, argument: Argument, site_url: str, modified: str) -> str:
    """Share without third-party script: a plain LinkedIn link, the URL to copy, a post, a citation."""
    url = absolute(site_url, argument.url)
    label = content.site.label
    e = html.escape  # for URLs and text already made plain and French (post_text)
    n = argument.number
    to_root = "../" * argument.url.count("/")
    return (
        f'<section class="share" aria-labelledby="partager" data-search-exclude>\n'
        f'<h2 id="partager">{esc(label("share"))}</h2>\n'
        f'<p class="share__actions"><a class="md-button md-button--primary" href="{LINKEDIN_SHARE}{quote(url, safe="")}" '
        f'rel="noopener">{esc(label("share-linkedin"))}</a> '
        f'<button type="button" class="md-button share__copy" data-copy="{e(url)}" data-done="{esc(label("share-copied"))}" hidden>'
        f'{esc(label("share-copy"))}</button> '
        f'<a class="md-button share__carousel" href="{e(to_root + carousel_path(argument))}" download>{esc(label("carousel-pdf"))}</a></p>\n'
        f'<p class="share__field"><label for="share-url-{n}">{esc(label("share-url"))}</label>'
        f'<input id="share-url-{n}" class="share__url" type="text" readonly value="{e(url)}"></p>\n'
        f'<p class="share__field"><label for="share-post-{n}">{esc(label("share-post"))}</label>'
        f'<textarea id="share-post-{n}" class="share__post" readonly rows="7">{e(post_text(argument, url, label("share-post-document")))}</textarea></p>\n'
        f'<details class="share__cite"><summary>{esc(label("share-cite"))}</summary>'
        f'{cite.block(content, cite.for_argument(content, argument, url, modified), to_root)}</details>\n'
        f"</section>\n"
    )


def short_link(content: Content, argument: Argument, site_url: str) -> str:
    """A static redirect page: /<n>/ leads to the argument, canonical to it."""
    target = f"../{argument.url}"
    title = f"{content.site.label('argument')} {argument.number} : {argument.title}"
    e = html.escape
    return (
        f'<!doctype html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{esc(title)}</title>\n"
        f'<link rel="canonical" href="{e(absolute(site_url, argument.url))}">\n'
        f'<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="refresh" content="0; url={e(target)}">\n</head>\n<body>\n'
        f'<p><a href="{e(target)}">{esc(argument.title)}</a></p>\n</body>\n</html>\n'
    )


def robots(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\nSitemap: {absolute(site_url, 'sitemap.xml')}\n"
