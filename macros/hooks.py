"""MkDocs hooks: validate content first, add decks and sharing files, polish every page's HTML."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils.meta import get_data

from macros import MACROS
from macros import cards, carousel, citation, sharing
from macros.model import ContentError
from macros.site import content_for, modified_dates
from macros.text import GlossaryMarker, french, typeset

GLOSSARY_PAGE = "glossaire.md"
DESCRIPTION = (50, 160)


def _root(config) -> Path:
    return Path(config.config_file_path).parent


@event_priority(100)  # before any plugin: bad content stops the build before anything is written
def on_config(config):
    content_for(_root(config))
    return config


CALL = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
SIMPLE_CALL = re.compile(r"^\s*([A-Za-z_]\w*)\s*\((.*)\)\s*$", re.DOTALL)


def check_macros(markdown: str, src: str, content, offset: int = 0) -> None:
    """Every {{ … }} must be a call of a known macro with literal arguments that work."""
    for match in CALL.finditer(markdown):
        line = offset + markdown.count("\n", 0, match.start()) + 1
        where = f"Bad macro: docs/{src}:{line}"
        call = SIMPLE_CALL.match(match.group(1))
        if not call:
            raise PluginError(f"{where}: expected {{{{ name(arguments) }}}}, got « {match.group(0).strip()} »")
        name, arglist = call.groups()
        if name not in MACROS:
            raise PluginError(f"{where}: unknown macro « {name} » (known: {', '.join(sorted(MACROS))})")
        try:
            node = ast.parse(f"f({arglist})", mode="eval").body
            args = [ast.literal_eval(a) for a in node.args]
            kwargs = {k.arg: ast.literal_eval(k.value) for k in node.keywords}
            inspect.signature(MACROS[name]).bind(content, src, *args, **kwargs)
            MACROS[name](content, src, *args, **kwargs)
        except (SyntaxError, ValueError) as e:
            raise PluginError(f"{where}: « {name} » takes literal arguments ({e})") from None
        except (TypeError, KeyError) as e:
            raise PluginError(f"{where}: « {name} »: {str(e).strip(chr(34))}") from None


def page_text(file, content) -> tuple[str, str]:
    """A page's title and description: an argument's from the model, others' from front matter."""
    argument = content.argument_at(file.src_uri)
    if argument:
        return argument.title, argument.claim
    raw = file.content_string
    body, meta = get_data(raw)
    offset = raw.count("\n", 0, raw.find(body)) if body.strip() else 0
    check_macros(body, file.src_uri, content, offset)
    title, description = meta.get("title"), meta.get("description")
    where = f"Bad content: docs/{file.src_uri}: front matter"
    if not isinstance(title, str) or not title.strip():
        raise PluginError(f"{where}: title: missing (required)")
    if not isinstance(description, str) or not DESCRIPTION[0] <= len(description) <= DESCRIPTION[1]:
        got = f"got {len(description)}" if isinstance(description, str) else "missing"
        raise PluginError(f"{where}: description: expected {DESCRIPTION[0]} to {DESCRIPTION[1]} characters, {got}")
    return title, description


def on_files(files, config):
    """Check every page before anything renders; add the decks, cards, short links and robots.txt."""
    from slides.build import add_decks

    root, content = _root(config), content_for(_root(config))
    site_url = config.site_url
    for file in files.documentation_pages():
        title, _description = page_text(file, content)
        card = sharing.card_for(content, file.url, french(title))
        files.append(File.generated(config, card.path, content=cards.render(card, root)))
    for argument in content.arguments:
        files.append(File.generated(config, f"{argument.number}/index.html",
                                    content=sharing.short_link(content, argument, site_url)))
    files.append(File.generated(config, "robots.txt", content=sharing.robots(site_url)))
    for path, text in citation.files(content, site_url, modified_dates(root)).items():
        files.append(File.generated(config, path, content=text))
    try:  # a text too long for a carousel page stops the build here, before `make pdf` prints them
        carousel.layout(content, root, site_url)
    except ContentError as error:
        raise PluginError(f"Bad content: {error}") from None
    return add_decks(files, config, content)


def on_page_markdown(markdown, page, config, files):
    content = content_for(_root(config))
    argument = content.argument_at(page.file.src_uri)
    if argument is not None:
        page.meta["description"] = argument.claim
    page.meta["modified"] = modified_dates(_root(config)).get(page.file.src_uri, content.site.published)
    page.update_date = page.meta["modified"]  # the sitemap's lastmod
    return markdown


_markers: dict[int, GlossaryMarker] = {}


def _marker(content) -> GlossaryMarker:
    """One compiled glossary pattern per loaded content, not one per page."""
    if id(content) not in _markers:
        _markers.clear()
        _markers[id(content)] = GlossaryMarker(content.glossary)
    return _markers[id(content)]


def on_page_content(html, page, config, files):
    content = content_for(_root(config))
    page.title = french(page.title) if page.title else page.title
    if page.meta.get("description"):
        page.meta["description"] = french(page.meta["description"])
    html = typeset(html)
    if page.file.src_uri != GLOSSARY_PAGE:
        glossary_url = "../" * page.url.count("/") + "glossaire/"  # page.url is "" or ends with "/"
        html = _marker(content).mark(html, glossary_url)
    return html


def on_page_context(context, page, config, nav):
    """Link-preview tags and JSON-LD for the page's <head> (overrides/main.html prints them)."""
    content = content_for(_root(config))
    argument = content.argument_at(page.file.src_uri)
    cited = argument is not None or page.meta.get("citation") is True  # pages that adapt the article
    info = sharing.PageInfo(page.url, page.title, page.meta["description"], argument, page.meta["modified"],
                            citation_title=french(argument.title if argument else page.meta.get("title", "")) if cited else "")
    context["social_tags"], context["json_ld"] = sharing.head(content, info, config.site_url)
    return context


def on_template_context(context, template_name, config):
    """The 404 page's words come from docs/data/site.yml like every other label."""
    if template_name == "404.html":
        content = content_for(_root(config))
        context["site_text"] = content.site
        context["arguments"] = content.arguments
    return context
