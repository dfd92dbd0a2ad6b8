"""One pass over rendered HTML text: French typography and glossary marks.

Only text between tags is touched, never a tag, an attribute, a URL, or the inside of
<code>, <pre>, <script>, <style>, <kbd> or <svg>. Authors type ordinary spaces; readers get
the no-break spaces French typography wants.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable

NNBSP = "\u202f"  # narrow no-break space: before ; ! ? % and inside « »; thousands separator
NBSP = "\u00a0"  # no-break space: before : and €

TOKEN = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
TAG_NAME = re.compile(r"^</?\s*([a-zA-Z][a-zA-Z0-9-]*)")
RAW = {"code", "pre", "script", "style", "kbd", "svg", "textarea", "samp", "var", "math"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

RULES = [
    (re.compile(r"[ \u00a0\u202f]*([;!?])(?=\s|$|<|[»)\]])"), NNBSP + r"\1"),
    (re.compile(r"(?<=\S)[ \u00a0\u202f]+(:)(?=\s|$)"), NBSP + r"\1"),
    (re.compile(r"«[ \u00a0\u202f]*"), "«" + NNBSP),
    (re.compile(r"[ \u00a0\u202f]*»"), NNBSP + "»"),
    (re.compile(r"(?<=\d)[ \u00a0]+(?=%)"), NNBSP),
    (re.compile(r"(?<=\d)[ \u00a0\u202f]+(?=(?:K|M|k)?€)"), NBSP),
    (re.compile(r"(?<=\d) (?=\d{3}\b)"), NNBSP),
]


def french(text: str) -> str:
    """French spacing for one run of plain text (no tags in it)."""
    for pattern, repl in RULES:
        text = pattern.sub(repl, text)
    return text


def walk_text(markup: str, transform: Callable[[str, list[str]], str]) -> str:
    """Apply transform(text, open_tags) to every text run outside raw elements."""
    out: list[str] = []
    stack: list[str] = []
    raw_depth = 0
    for piece in TOKEN.split(markup):
        if not piece:
            continue
        if piece.startswith("<"):
            out.append(piece)
            m = TAG_NAME.match(piece)
            if not m or piece.startswith("<!--"):
                continue
            name = m.group(1).lower()
            if piece.startswith("</"):
                if name in stack:
                    while stack and stack.pop() != name:
                        pass
                if name in RAW:
                    raw_depth = max(0, raw_depth - 1)
            elif name not in VOID and not piece.endswith("/>"):
                stack.append(name)
                if name in RAW:
                    raw_depth += 1
        else:
            out.append(piece if raw_depth else transform(piece, stack))
    return "".join(out)


def typeset(markup: str) -> str:
    """French typography over the text of an HTML fragment."""
    return walk_text(markup, lambda text, _stack: french(text))


# ---------------------------------------------------------------------------------------------
# Glossary marks

NO_MARK_INSIDE = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "dfn", "abbr", "button", "label", "summary",
                  "title", "table", "figcaption", "nav", "dt", "section"}


class GlossaryMarker:
    """Marks the first use of each glossary term in a page with its definition.

    The mark is a link to the glossary entry (so it works without JavaScript and is reachable
    with the keyboard), described by a tooltip that shows on hover and on focus.
    """

    def __init__(self, terms: Iterable):
        self.terms = {}
        forms: list[str] = []
        for term in terms:
            for form in term.forms:
                self.terms[form.lower()] = term
                forms.append(form)
        forms.sort(key=len, reverse=True)
        self.pattern = re.compile(
            r"(?<![\w’'-])(" + "|".join(re.escape(html.escape(f, quote=False)) for f in forms) + r")(?![\w-])",
            re.IGNORECASE,
        )

    def mark(self, markup: str, glossary_url: str, skip: Iterable[str] = ()) -> str:
        """Mark the first occurrence of each term not listed in skip, linking to glossary_url."""
        seen = set(skip)
        counter = iter(range(1, 10_000))

        def replace(match: re.Match) -> str:
            term = self.terms[html.unescape(match.group(1)).lower()]
            if term.id in seen:
                return match.group(0)
            seen.add(term.id)
            tip = f"gl-{term.id}-{next(counter)}"
            return (
                f'<span class="gl"><a class="gl__term" href="{glossary_url}#{term.id}" '
                f'aria-describedby="{tip}">{match.group(1)}</a>'
                f'<span class="gl__tip" role="tooltip" id="{tip}" data-search-exclude>'
                f"<strong>{html.escape(term.term)}</strong> : {html.escape(term.definition)}</span></span>"
            )

        def transform(text: str, stack: list[str]) -> str:
            if NO_MARK_INSIDE.intersection(stack):
                return text
            return self.pattern.sub(replace, text)

        return walk_text(markup, transform)
