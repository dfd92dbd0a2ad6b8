"""MkDocs hooks: validate content first, add decks and sharing files, polish every page's HTML.

Titles and descriptions reach Material escaped (it prints them as HTML in the navigation, the
footer, the header and <title>), and French typography runs last, over each whole page, so
nothing inserted after the Markdown (tooltips, quiz, share block, navigation, table of contents)
escapes it.
"""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from macros import MACROS
from macros import cards, carousel, citation, sharing
from macros.model import ContentError, check_text, read_page
from macros.site import content_for, modified_dates
from macros.text import GlossaryMarker, esc, strip_tags, typeset

GLOSSARY_PAGE = "glossaire.md"
DESCRIPTION = (50, 160)
# Pages load one stylesheet of ours (mkdocs.yml: extra_css): the published site.css is figures.css
# (also linked on its own by the handout, and part of the decks' stylesheet) followed by docs/assets/site.css.
STYLESHEET, STYLESHEET_PARTS = "assets/site.css", ("assets/figures.css", "assets/site.css")


def _root(config) -> Path:
    return Path(config.config_file_path).parent


@event_priority(100)  # before any plugin: bad content stops the build before anything is written
def on_config(config):
    content_for(_root(config))
    return config


CALL = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
SIMPLE_CALL = re.compile(r"^\s*([A-Za-z_]\w*)\s*\((.*)\)\s*$", re.DOTALL)


JINJA_LEFT = re.compile(r"\{\{|\{%|\}\}|%\}")


def check_macros(markdown: str, src: str, content, offset: int = 0) -> None:
    """Every {{ … }} must be a call of a known macro with literal arguments that work; no other Jinja."""
    rest = CALL.sub(lambda m: " " * len(m.group()), markdown)
    stray = JINJA_LEFT.search(rest)
    if stray:
        line = offset + markdown.count("\n", 0, stray.start()) + 1
        raise PluginError(f"Bad macro: docs/{src}:{line}: « {stray.group()} » outside a {{{{ name(arguments) }}}} call "
                          f"(a page takes macro calls only)")
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


def page_text(file, content, root: Path) -> tuple[str, str]:
    """A page's title and description: an argument's from the model, others' from front matter.
    Its body's macros are checked here, before mkdocs-macros renders anything."""
    argument = content.argument_at(file.src_uri)
    if argument:  # the model has read it already
        check_macros(argument.body, file.src_uri, content, argument.body_line - 1)
        return argument.title, argument.claim
    try:
        meta, body, body_line = read_page(Path(file.abs_src_path), root)
    except ContentError as error:
        raise PluginError(f"Bad content: {error}") from None
    check_macros(body, file.src_uri, content, body_line - 1)
    where = f"Bad content: docs/{file.src_uri}: front matter"
    if not isinstance(meta, dict):
        raise PluginError(f"{where}: expected a mapping of fields between --- lines (with title and description)")
    try:
        check_text(meta, f"docs/{file.src_uri}", "front matter")
    except ContentError as error:
        raise PluginError(f"Bad content: {error}") from None
    title, description = meta.get("title"), meta.get("description")
    if not isinstance(title, str) or not title.strip():
        raise PluginError(f"{where}: title: missing (required)")
    if not isinstance(description, str) or not DESCRIPTION[0] <= len(description) <= DESCRIPTION[1]:
        got = f"got {len(description)}" if isinstance(description, str) else "missing"
        raise PluginError(f"{where}: description: expected {DESCRIPTION[0]} to {DESCRIPTION[1]} characters, {got}")
    return title, description


def one_stylesheet(files) -> None:
    """The site's stylesheets as one file: one render-blocking request instead of two."""
    parts = [files.get_file_from_path(path) for path in STYLESHEET_PARTS]
    css = "\n".join(part.content_string for part in parts)
    files.get_file_from_path(STYLESHEET).content_string = css


def on_files(files, config):
    """Check every page before anything renders; add the decks, cards, short links and robots.txt."""
    from slides.build import add_decks

    one_stylesheet(files)
    root, content = _root(config), content_for(_root(config))
    site_url = config.site_url
    for file in files.documentation_pages():
        title, _description = page_text(file, content, root)
        card = sharing.card_for(content, file.url, title)
        files.append(File.generated(config, card.path, content=cards.render(card, root)))
    for argument in content.arguments:
        files.append(File.generated(config, f"{argument.number}/index.html",
                                    content=sharing.short_link(content, argument, site_url)))
    files.append(File.generated(config, "robots.txt", content=sharing.robots(site_url)))
    for path, text in citation.files(content, site_url, modified_dates(root)).items():
        files.append(File.generated(config, path, content=text))
    try:  # a text too long for a carousel page stops the build here, before `make pdf` prints them
        carousel.layout(content, root, site_url, glyphs=False)  # any character builds; the PDF step checks them
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


_plain: dict[str, tuple[str, str, str]] = {}  # page source → title, description and front-matter title as typed


def on_page_content(html, page, config, files):
    """Glossary marks; titles and description escaped for Material; typography (for the search index)."""
    content = content_for(_root(config))
    argument = content.argument_at(page.file.src_uri)
    if not isinstance(page.title, Markup):  # once per page
        title = argument.title if argument else str(page.title or "")
        _plain[page.file.src_uri] = (title, str(page.meta.get("description") or ""), str(page.meta.get("title") or title))
        page.title = Markup(esc(title))
        if "title" in page.meta:
            page.meta["title"] = Markup(esc(argument.title if argument else str(page.meta["title"])))
        if page.meta.get("description"):
            page.meta["description"] = Markup(esc(page.meta["description"]))
    _typeset_toc(page.toc)
    if page.file.src_uri != GLOSSARY_PAGE:
        glossary_url = "../" * page.url.count("/") + "glossaire/"  # page.url is "" or ends with "/"
        html = _marker(content).mark(html, glossary_url)
    return typeset(html)


def _typeset_toc(items) -> None:
    """Table of contents titles: Material also prints them, tags stripped, in aria-label attributes."""
    for item in items:
        item.title = typeset(item.title)
        _typeset_toc(item.children)


def on_page_context(context, page, config, nav):
    """Link-preview tags and JSON-LD for the page's <head> (overrides/main.html prints them)."""
    content = content_for(_root(config))
    title, description, own_title = _plain[page.file.src_uri]
    argument = content.argument_at(page.file.src_uri)
    cited = argument is not None or page.meta.get("citation") is True  # pages that adapt the article
    info = sharing.PageInfo(page.url, title, description, argument, page.meta["modified"],
                            citation_title=own_title if cited else "")
    context["social_tags"], context["json_ld"] = sharing.head(content, info, config.site_url)
    return context


def on_env(env, config, files):
    """Material strips tags from titles for some attributes (`striptags`): keep their no-break spaces.
    Our own templates print content text with `esc`."""
    env.filters["striptags"] = strip_tags
    env.filters["esc"] = esc  # content text in our templates (overrides/404.html)
    return env


@event_priority(-100)  # after every other plugin: the page as it will be written
def on_post_page(output, page, config):
    """French typography over the whole page: content, navigation, table of contents, <title>."""
    return typeset(output)


def on_post_template(output_content, template_name, config):
    """The same for pages made from a template alone (404.html)."""
    return typeset(output_content) if template_name.endswith(".html") else output_content


def on_template_context(context, template_name, config):
    """The 404 page's words come from docs/data/site.yml like every other label."""
    if template_name == "404.html":
        content = content_for(_root(config))
        context["site_text"] = content.site
        context["arguments"] = content.arguments
    return context
