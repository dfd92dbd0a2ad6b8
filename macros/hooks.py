"""MkDocs hooks: validate content first, add the decks to the build, polish every page's HTML."""

from __future__ import annotations

import ast
import inspect
import posixpath
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils.meta import get_data

from macros import MACROS
from macros.site import content_for
from macros.text import GlossaryMarker, french, typeset

GLOSSARY_PAGE = "glossaire.md"


def _root(config) -> Path:
    return Path(config.config_file_path).parent


@event_priority(100)  # before any plugin: bad content stops the build before anything is written
def on_config(config):
    content_for(_root(config))
    return config


def on_files(files, config):
    """Check every page's macro calls before anything is rendered, then add the decks."""
    from slides.build import add_decks

    content = content_for(_root(config))
    for file in files.documentation_pages():
        raw = file.content_string
        body, _meta = get_data(raw)
        offset = raw.count("\n", 0, raw.find(body)) if body.strip() else 0
        check_macros(body, file.src_uri, content, offset)
    return add_decks(files, config, content)


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


def on_page_markdown(markdown, page, config, files):
    content = content_for(_root(config))
    argument = content.argument_at(page.file.src_uri)
    if argument is not None:
        page.meta["description"] = argument.claim
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
        glossary_url = posixpath.relpath("glossaire/", posixpath.dirname(page.url.rstrip("/") + "/x") or ".")
        html = _marker(content).mark(html, glossary_url.rstrip("/") + "/")
    return html
