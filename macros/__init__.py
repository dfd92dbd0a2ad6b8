"""mkdocs-macros entry point: the macros an author may call in a page, and the argument pages.

Each macro is a small typed function of the content model and the calling page. MACROS is the
whole catalogue: the hooks check every `{{ … }}` in a page against it before rendering, so an
unknown macro or a bad argument stops the build with one line naming the file and the line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from . import citation, figures, render, sharing
from .model import Content
from .site import content_for, modified_dates


def comparison(content: Content, page: str, table_id: str, level: int = 2) -> str:
    """A comparison table from docs/data/comparisons.yml, with its heading."""
    return render.comparison(content.comparison(table_id), level)


def argument_cards(content: Content, page: str) -> str:
    """The seven arguments as cards: number, title, claim, link."""
    return render.argument_cards(content, page)


def glossary(content: Content, page: str) -> str:
    """Every term of docs/data/glossary.yml, with its definition and argument."""
    return render.glossary(content, page)


def decks(content: Content, page: str) -> str:
    """The decks of slides/decks/, with their links and PDFs, for the « Présenter » page."""
    return render.deck_list(content, page)


def figure(content: Content, page: str, figure_id: str) -> str:
    """A figure from docs/data/figures.yml, drawn as SVG, with its caption."""
    found = next((f for f in content.figures if f.id == figure_id), None)
    if found is None:
        raise KeyError(f"unknown figure « {figure_id} » (known: {', '.join(f.id for f in content.figures)})")
    return figures.figure(found, content)


def session_plan(content: Content, page: str, deck_id: str = "formation") -> str:
    """The session plan of a deck: parts, objectives, minutes, times."""
    return render.session_plan(content, deck_id, page)


def objectives(content: Content, page: str) -> str:
    """The learning objectives of every argument."""
    return render.objectives(content, page)


def exercises(content: Content, page: str) -> str:
    """The group exercise of every argument, with guidance for the trainer."""
    return render.exercises(content, page)


_site: dict[str, str] = {"url": ""}  # site_url, set by define_env: a reference needs the absolute address


def site_citation(content: Content, page: str) -> str:
    """How to cite the whole site: ISO 690 and APA 7 references, its BibTeX and RIS files."""
    ref = citation.site_reference(content, _site["url"] or "http://127.0.0.1:8000/", modified_dates(content.root))
    return citation.block(content, ref, "../" * render.page_url(page).count("/"))


MACROS: dict[str, Callable[..., str]] = {
    f.__name__: f for f in (comparison, figure, argument_cards, glossary, decks, session_plan, objectives, exercises,
                            site_citation)
}


def _root(env) -> Path:
    return Path(env.conf["config_file_path"]).parent


def define_env(env) -> None:
    _site["url"] = env.conf["site_url"] or ""
    for name, function in MACROS.items():
        def macro(*args, _f=function, **kwargs) -> str:
            return _f(content_for(_root(env)), env.page.file.src_uri, *args, **kwargs)

        macro.__doc__ = function.__doc__
        env.macro(macro, name)


_titles: dict[int, str] = {}


def on_pre_page_macros(env) -> None:
    """A page's title is text, not a template: mkdocs-macros would run a title holding « {{ » or
    « {% » as Jinja, so the title sits out the rendering (on_post_page_macros puts it back)."""
    _titles[id(env.page)] = env.page.title
    env.page.title = ""


def on_post_page_macros(env) -> None:
    """An argument page is made from its front matter; its Markdown body, if any, comes last."""
    env.page.title = _titles.pop(id(env.page))
    content = content_for(_root(env))
    argument = content.argument_at(env.page.file.src_uri)
    if argument is not None:
        modified = modified_dates(_root(env)).get(argument.path, content.site.published)
        share = sharing.share_block(content, argument, env.conf["site_url"], modified)
        env.markdown = render.argument_page(content, argument, env.markdown, share)
