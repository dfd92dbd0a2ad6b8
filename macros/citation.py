"""How to cite a page: Highwire and Dublin Core tags, ISO 690 and APA 7 references, BibTeX and RIS files.

One decision runs through all of them (README, « Citer »): the ideas are François Drillon's, so he
is the author; the words are the site's, so the site is the publisher and the title is the page's
own; every reference says it is an adaptation of his article. The article's own date is unknown
to us and never invented: the dates are the page's (publication on this site, last change).

Pure functions of the content model; the hooks add the files to the build, the share block and
the `site_citation` macro print the references.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from .model import Argument, Content
from .text import french

FILES = "citer"  # folder of the .bib and .ris files in the site
STYLES = ("ISO 690", "APA 7")  # the norms' own names, the same in every language: not content
SITE_FILE = "mythe-prospection-facile"  # name of the whole site's files


@dataclass(frozen=True)
class Reference:
    """One citable work: a page of the site, or the whole site."""

    key: str  # BibTeX key and file name
    title: str  # the page's own title (the site's name for the whole site)
    url: str  # absolute
    published: str  # ISO date of publication on this site
    modified: str  # ISO date of the last change
    whole_site: bool = False


def file_name(argument: Argument | None) -> str:
    return f"argument-{argument.number}-{argument.slug}" if argument else SITE_FILE


def for_argument(content: Content, argument: Argument, url: str, modified: str) -> Reference:
    return Reference(file_name(argument), argument.title, url, content.site.published, modified)


def for_site(content: Content, url: str, modified: str) -> Reference:
    """The whole site. Its name, not the home page's title: that title is the article's own."""
    return Reference(file_name(None), content.site.label("cite-site"), url, content.site.published, modified, True)


def site_reference(content: Content, site_url: str, modified: dict[str, str]) -> Reference:
    """The whole site, at its address, last changed with its most recently changed page."""
    from .sharing import absolute

    return for_site(content, absolute(site_url, ""), max([content.site.published, *modified.values()]))


def for_page(content: Content, title: str, url: str, is_home: bool, modified: str) -> Reference:
    """A citable page that is not an argument (the home page stands for the whole site)."""
    if is_home:
        return for_site(content, url, modified)
    return Reference("", title, url, content.site.published, modified)


# ---------------------------------------------------------------------------------------------
# Names and dates


def _names(content: Content) -> tuple[str, str]:
    given, _, family = content.site.author.name.rpartition(" ")
    return given, family


def _initials(given: str) -> str:
    """« François » → « F. », « Jean-Pierre » → « J.-P. » (APA)."""
    return " ".join("-".join(f"{part[0]}." for part in word.split("-") if part) for word in given.split())


def _french_date(iso: str) -> str:
    from .sharing import french_date

    return french_date(iso)


def _source(content: Content) -> str:
    """« Adaptation pédagogique de l'article « … » de François Drillon (Executive Selling) »."""
    site = content.site
    return (f"{site.label('cite-adaptation')} « {site.article_title} » de {site.author.name} "
            f"({site.author.organization})")


# ---------------------------------------------------------------------------------------------
# Head tags


def meta_tags(content: Content, ref: Reference) -> list[tuple[str, str, str]]:
    """Highwire Press tags (Zotero, Google Scholar), then Dublin Core as a fallback."""
    given, family = _names(content)
    creator = f"{family}, {given}"
    publisher = content.site.label("cite-site")
    return [
        ("name", "citation_title", french(ref.title)),
        ("name", "citation_author", creator),
        ("name", "citation_publication_date", ref.published.replace("-", "/")),
        ("name", "citation_language", "fr"),
        ("name", "citation_publisher", publisher),
        ("name", "citation_public_url", ref.url),
        ("name", "DC.title", french(ref.title)),
        ("name", "DC.creator", creator),
        ("name", "DC.date", ref.published),
        ("name", "DC.language", "fr"),
        ("name", "DC.publisher", publisher),
        ("name", "DC.identifier", ref.url),
        ("name", "DC.source", french(f"{content.site.author.name}, « {content.site.article_title} », "
                                     f"{content.site.author.organization}")),
    ]


# ---------------------------------------------------------------------------------------------
# References to copy (HTML: italics where the norms want them)


def _dates(ref: Reference) -> str:
    text = _french_date(ref.published)
    if ref.modified > ref.published:
        text += f", mis à jour le {_french_date(ref.modified)}"
    return text


def iso690(content: Content, ref: Reference) -> str:
    """NF ISO 690 (2021), French: creator, title, host [en ligne], date [consulté le …], address.

    The date consulted is the reader's: the page's script writes today's date into <time>;
    without script the reader sees what to write there.
    """
    e = html.escape
    given, family = _names(content)
    site = content.site.label("cite-site")
    if ref.whole_site:
        head = f"<i>{e(site)}</i> [en ligne]."
    else:
        head = f"{e(ref.title)}. In : <i>{e(site)}</i> [en ligne]."
    today = f'<time class="cite__today">{e(content.site.label("cite-today"))}</time>'
    return (f"{e(family.upper())}, {e(given)}. {head} {e(_source(content))}. {e(_dates(ref))} "
            f"[consulté le {today}]. {e(content.site.label('cite-at'))} : {e(ref.url)}")


def apa7(content: Content, ref: Reference) -> str:
    """APA 7, French: Author, I. (year, day month). <i>Title</i> [description]. Site. URL.

    The date is the last update, as APA asks; the description says what the page is.
    """
    e = html.escape
    given, family = _names(content)
    day = _french_date(ref.modified)
    d, month, year = day.split(" ")
    what = f"{content.site.label('cite-adaptation')} « {content.site.article_title} »"
    site = "" if ref.whole_site else f" {e(content.site.label('cite-site'))}."
    return (f"{e(family)}, {e(_initials(given))} ({year}, {d} {month}). <i>{e(ref.title)}</i> [{e(what)}].{site} "
            f"{e(ref.url)}")


# ---------------------------------------------------------------------------------------------
# Files for reference managers

_TEX = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_", "{": r"\{",
        "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def _tex(text: str) -> str:
    """A BibTeX value: LaTeX's special characters escaped, plain spaces (babel-french spaces itself)."""
    text = " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())
    return "".join(_TEX.get(c, c) for c in text)


def bibtex(content: Content, ref: Reference) -> str:
    """A biblatex @online entry (UTF-8; classic BibTeX styles read it as @misc)."""
    given, family = _names(content)
    fields = {
        "author": f"{family}, {given}",
        "title": ref.title,
        "titleaddon": _source(content),
        "organization": content.site.label("cite-site"),
        "date": ref.published,
        "year": ref.published[:4],
        "langid": "french",
        "note": f"Mis à jour le {_french_date(ref.modified)}" if ref.modified > ref.published else "",
    }
    lines = [f"  {name} = {{{_tex(value)}}}," for name, value in fields.items() if value]
    lines.append(f"  url = {{{ref.url}}},")
    return f"@online{{drillon-{ref.key},\n" + "\n".join(lines) + "\n}\n"


def ris(content: Content, ref: Reference) -> str:
    """An RIS record (type ELEC, a web page), UTF-8, CRLF line ends as the format asks."""
    given, family = _names(content)
    site = content.site.label("cite-site")
    note = _source(content) + "."
    if ref.modified > ref.published:
        note += f" Mis à jour le {_french_date(ref.modified)}."
    y, m, d = ref.published.split("-")
    tags = [("TY", "ELEC"), ("AU", f"{family}, {given}"), ("TI", ref.title)]
    if not ref.whole_site:
        tags.append(("T2", site))
    tags += [("PB", site), ("PY", y), ("DA", f"{y}/{m}/{d}/"), ("UR", ref.url), ("LA", "fr"), ("N1", note), ("ER", "")]
    return "".join(f"{tag}  - {french(value)}\r\n" for tag, value in tags)


def files(content: Content, site_url: str, modified: dict[str, str]) -> dict[str, str]:
    """Every .bib and .ris file, by path in the site: one per argument, one for the whole site."""
    from .sharing import absolute

    published = content.site.published
    refs = [for_argument(content, a, absolute(site_url, a.url), modified.get(a.path, published)) for a in content.arguments]
    refs.append(site_reference(content, site_url, modified))
    out = {}
    for ref in refs:
        out[f"{FILES}/{ref.key}.bib"] = bibtex(content, ref)
        out[f"{FILES}/{ref.key}.ris"] = ris(content, ref)
    return out


# ---------------------------------------------------------------------------------------------
# The « Citer » block


def block(content: Content, ref: Reference, to_root: str) -> str:
    """ISO 690 and APA 7 references, then the .bib and .ris files (`to_root`: the page's way to the site root)."""
    label = content.site.label
    e = html.escape
    base = f"{to_root}{FILES}/{ref.key}"
    return (
        f'<div class="cite">'
        f'<p class="cite__label">{STYLES[0]}</p><p class="cite__iso">{iso690(content, ref)}</p>'
        f'<p class="cite__label">{STYLES[1]}</p><p class="cite__apa">{apa7(content, ref)}</p>'
        f'<p class="cite__files">{e(label("cite-files"))} : <a href="{e(base)}.bib" download>{e(label("cite-bibtex"))}</a>, '
        f'<a href="{e(base)}.ris" download>{e(label("cite-ris"))}</a></p></div>'
    )
