"""Author text, written out: escaping and French typography, in one place.

The content model holds plain text. Its one piece of markup is emphasis: `*words*` (emphasis) and
`**words**` (strong), each around words (not inside one: `5*3*2` stays as typed). Every writer
goes through this module, so a typed `<`, `&` or `"` shows as typed everywhere:

    plain(text)        what a reader reads: the emphasis marks dropped. For <title>, meta tags,
                       JSON-LD, card images and anything else that holds no markup.
    esc(text)          plain text with French spacing, escaped for HTML: a text node or an
                       attribute value (aria-label, og:title, data-label…).
    html_inline(text)  HTML for one run of text, emphasis as <em>/<strong>.
    html_block(text)   the same, one <p> per paragraph (paragraphs are separated by a blank line).
    md(text)           Markdown source that Python-Markdown renders as html_inline(text): every
                       ASCII punctuation mark becomes a character reference, so no Markdown,
                       HTML, attribute list, macro or smart symbol can come out of it.
    md_block(text)     the same, paragraph by paragraph.

French typography, on text only, never on tags, attributes, entities or code:

    french(text)       for one plain string.
    typeset(html)      over the text nodes of an HTML page or fragment. Runs of text joined by
                       inline tags (a link, emphasis, a glossary mark) are read as one line, so a
                       colon right after a link still gets its no-break space; nothing in
                       <script>, <style>, <pre>, <code>, <kbd>, <samp>, <svg>, <textarea> changes.
                       Entities are decoded before the rules run, so « &amp; » never becomes
                       « &amp ; ».

Durations for people: duration_fr(seconds), « 2 min 30 », « 1 h 05 ».

Authors type ordinary spaces; readers get the no-break spaces French typography wants.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Iterator

NNBSP = "\u202f"  # narrow no-break space: before ; ! ? % and inside « »; thousands separator
NBSP = "\u00a0"  # no-break space: before : and €, between a number and its unit (20 h 30, 2 min)

# ---------------------------------------------------------------------------------------------
# Plain text and emphasis

EMPHASIS = re.compile(r"(?<![\w*])(\*\*?)(?=[^\s*])([^*]*?[^\s*])\1(?![\w*])")
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f]*\n\s*")
HTML_SPACE = re.compile(r"[ \t\n\r\f]+")  # what a browser collapses into one space
WHITESPACE = " \t\n\r\f"  # HTML's (not Python's: a no-break space stays)


def plain(text: str) -> str:
    """The text a reader reads: `*a*` and `**a**` give `a`."""
    return EMPHASIS.sub(r"\2", text)


def esc(text: str) -> str:
    """Plain text, French spacing, escaped for an HTML text node or a double-quoted attribute."""
    return html.escape(french(plain(text)), quote=True)


def _emphasis(text: str, write: Callable[[str], str]) -> str:
    out, last = [], 0
    for match in EMPHASIS.finditer(text):
        tag = "strong" if len(match.group(1)) == 2 else "em"
        out += [write(text[last:match.start()]), f"<{tag}>", write(match.group(2)), f"</{tag}>"]
        last = match.end()
    out.append(write(text[last:]))
    return "".join(out)


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a text: separated by a blank line, never empty."""
    return [p.strip(WHITESPACE) for p in PARAGRAPH_BREAK.split(text) if p.strip(WHITESPACE)]


def html_inline(text: str) -> str:
    """One run of text as HTML: escaped, emphasis as <em> and <strong>."""
    return _emphasis(text, lambda part: html.escape(part, quote=True))


def html_block(text: str) -> str:
    """Text as HTML paragraphs."""
    return "\n".join(f"<p>{html_inline(p)}</p>" for p in paragraphs(text))


# ASCII marks Markdown (and the site's extensions) could read, and the spaces it would trim (no-break…)
# (and a letter after a digit: « 1st » would become an ordinal with <sup>)
MD_SPECIAL = re.compile(r"[!#&()*+\-./:<=>?\[\\\]^_`{|}~]|[^\S \t\n\r\f]|(?<=\d)[nrst]")


def _md_chars(text: str) -> str:
    return MD_SPECIAL.sub(lambda m: f"&#{ord(m.group())};", text)


def md(text: str) -> str:
    """One line of Markdown source that shows exactly the text (and its emphasis).

    Whitespace runs become one space (as a browser shows them), so the text never starts a
    Markdown block, and every ASCII mark Markdown could read is a character reference."""
    return _emphasis(HTML_SPACE.sub(" ", text).strip(" "), _md_chars)


def md_block(text: str) -> str:
    """Markdown source for a text of several paragraphs."""
    return "\n\n".join(md(p) for p in paragraphs(text))


# ---------------------------------------------------------------------------------------------
# French spacing

GAP = "[ \t\n\r\f\u00a0\u202f]*"  # HTML whitespace and the no-break spaces: what may stand in a gap
GAP1 = "[ \t\n\r\f\u00a0\u202f]+"

# Each rule finds gaps (named groups g, g2) and says which space goes there.
RULES: list[tuple[re.Pattern, str]] = [  # in order of precedence: the first to claim a gap has it
    (re.compile(rf"«(?P<g>{GAP})"), NNBSP),
    (re.compile(rf"(?P<g>{GAP})»"), NNBSP),
    (re.compile(rf"(?<=\S)(?P<g>{GAP})(?<![;!?])[;!?]+(?=\s|\Z|[»)\]\"”’'.,…])"), NNBSP),
    (re.compile(rf"(?<=\S)(?P<g>{GAP1}):(?=\s|\Z|[»)\]])"), NBSP),
    (re.compile(rf"(?<=\d)(?P<g>{GAP1})%"), NNBSP),
    (re.compile(rf"(?<=\d)(?P<g>{GAP1})[kKM]?€"), NBSP),
    (re.compile(rf"(?<=\d)(?P<g>{GAP1})(?:h|min|s)\b"), NBSP),  # 20 h, 8 min, 30 s
    (re.compile(rf"(?<=\d)(?:{GAP})(?:h|min)(?P<g>{GAP1})(?=\d{{2}}(?!\d))"), NBSP),  # 20 h 30, 2 min 30
    # a number that names its noun stays with it: niveau 2, partie 5, argument 7
    (re.compile(rf"\b(?:[Nn]iveau|[Pp]arties?|[Aa]rguments?|[Qq]uestions?|[Éé]tapes?)(?P<g>{GAP1})(?=\d)"), NBSP),
    (re.compile(rf"(?<![\w.])[A-Z]\.(?P<g>{GAP1})(?=[A-Z][a-zà-ÿ])"), NBSP),  # an initial stays with the name: W. Chan Kim
]
ENTITY_LIKE = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")  # typed as text: shown as typed
THOUSANDS = re.compile(rf"(?<![\d.,])\d{{1,3}}(?:{GAP1}\d{{3}})+(?!\d)")
THOUSANDS_GAP = re.compile(GAP1)

Edit = tuple[int, int, str]  # replace text[start:end] (spaces only) by one space character


def _edits(text: str) -> list[Edit]:
    """The gaps French spacing changes in text, in order, never two on the same place."""
    found: list[Edit] = []
    for pattern, space in RULES:
        for match in pattern.finditer(text):
            found.append((match.start("g"), match.end("g"), space))
    for match in THOUSANDS.finditer(text):
        for gap in THOUSANDS_GAP.finditer(match.group()):
            found.append((match.start() + gap.start(), match.start() + gap.end(), NNBSP))
    typed = {m.end() - 1 for m in ENTITY_LIKE.finditer(text)} if "&" in text else set()
    kept: list[Edit] = []
    for start, end, space in found:
        if end in typed and start == end:  # « &amp; » typed as text keeps its semicolon where it is
            continue  # the first rule to claim a place wins
        if all(end < s or start > e for s, e, _ in kept):
            kept.append((start, end, space))
    return sorted(k for k in kept if text[k[0]:k[1]] != k[2])


def french(text: str) -> str:
    """French spacing for one plain string (no tags, no entities)."""
    out, last = [], 0
    for start, end, space in _edits(text):
        out += [text[last:start], space]
        last = end
    out.append(text[last:])
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# HTML: tokens and text runs

TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<[!?][^>]*>?"
    r"|</?[a-zA-Z][^\s/>]*(?:[^>\"']|\"[^\"]*\"|'[^']*')*>",
    re.DOTALL,
)
TAG_NAME = re.compile(r"</?([a-zA-Z][^\s/>]*)")
RAW_TEXT = {"script", "style", "textarea", "title", "xmp", "noembed", "noframes"}  # no tags inside
SKIP = {"script", "style", "textarea", "pre", "code", "kbd", "samp", "var", "svg", "math", "template"}
INLINE = {"a", "abbr", "b", "bdi", "bdo", "cite", "data", "del", "dfn", "em", "font", "i", "ins", "mark", "q",
          "s", "small", "span", "strong", "sub", "sup", "time", "u", "wbr"}
OPAQUE = {"code", "kbd", "samp", "var", "svg", "math", "img", "input"}  # shown inline, not prose
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
OBJECT = "\ufffc"


def tokens(markup: str) -> Iterator[tuple[str, str]]:
    """("tag", …) and ("text", …) pieces; the inside of <script>, <title>… is one text piece."""
    pos = 0
    while pos < len(markup):
        match = TOKEN.search(markup, pos)
        if not match:
            yield "text", markup[pos:]
            return
        if match.start() > pos:
            yield "text", markup[pos:match.start()]
        tag = match.group()
        yield "tag", tag
        pos = match.end()
        name = TAG_NAME.match(tag)
        if name and not tag.startswith("</") and name.group(1).lower() in RAW_TEXT and not tag.endswith("/>"):
            close = re.compile(rf"</{name.group(1)}[\s/>]", re.IGNORECASE).search(markup, pos)
            end = close.start() if close else len(markup)
            if end > pos:
                yield "text", markup[pos:end]
            pos = end


def _encode(text: str) -> str:
    return html.escape(text, quote=False).replace('"', "&quot;")


def typeset(markup: str) -> str:
    """French spacing over the text of an HTML document or fragment (see the module's notes)."""
    pieces: list[str] = []
    line: list[tuple[int | None, str]] = []  # (index in pieces, decoded text); None: something opaque
    skip: list[str] = []

    def flush() -> None:
        if any(i is not None for i, _ in line):
            _apply(line, pieces)
        line.clear()

    for kind, piece in tokens(markup):
        if kind == "text":
            if skip:
                pieces.append(piece)
            else:
                line.append((len(pieces), html.unescape(piece)))
                pieces.append(piece)
            continue
        pieces.append(piece)
        name_match = TAG_NAME.match(piece)
        if not name_match:
            continue  # comment, doctype, processing instruction
        name, closing = name_match.group(1).lower(), piece.startswith("</")
        if skip:
            if closing and name == skip[-1]:
                skip.pop()
            elif not closing and name == skip[-1] and not piece.endswith("/>"):
                skip.append(name)  # <svg> inside <svg>
            continue
        if name in INLINE:
            continue
        if name in OPAQUE and not closing:
            line.append((None, OBJECT))
        elif name not in OPAQUE:
            flush()
        if name in SKIP and not closing and name not in VOID and not piece.endswith("/>"):
            skip.append(name)
    flush()
    return "".join(pieces)


def _apply(line: list[tuple[int | None, str]], pieces: list[str]) -> None:
    """Apply the French spacing of a line of text runs back to the runs it came from."""
    joined = "".join(text for _, text in line)
    edits = _edits(joined)
    if not edits:
        return
    bounds, pos = [], 0
    for index, text in line:
        bounds.append((pos, pos + len(text), index, text))
        pos += len(text)
    changes: dict[int, list[tuple[int, int, str]]] = {}
    for start, end, space in edits:
        owner = next((b for b in bounds if b[2] is not None and b[0] <= start < b[1]), None)
        if owner is None:  # an empty gap at the end of a run, before something opaque or the end
            owner = next(b for b in reversed(bounds) if b[2] is not None and b[0] < start <= b[1])
        for b_start, b_end, index, _ in bounds:
            if index is None:
                continue
            lo, hi = max(start, b_start), min(end, b_end)
            insert = space if (b_start, index) == (owner[0], owner[2]) else ""
            if lo < hi or insert:
                at = lo - b_start if lo < hi else start - b_start
                changes.setdefault(index, []).append((at, (hi - lo) if lo < hi else 0, insert))
    for b_start, b_end, index, text in bounds:
        if index is None or index not in changes:
            continue
        out, last = [], 0
        for at, length, insert in sorted(changes[index]):
            out += [text[last:at], insert]
            last = at + length
        out.append(text[last:])
        pieces[index] = _encode("".join(out))


def strip_tags(markup: str) -> str:
    """The text of an HTML fragment, tags dropped and entities decoded, like Jinja's `striptags`
    but collapsing only the spaces a browser collapses: no-break spaces stay."""
    text = "".join(html.unescape(piece) for kind, piece in tokens(str(markup)) if kind == "text")
    return HTML_SPACE.sub(" ", text).strip(" ")


def walk_text(markup: str, transform: Callable[[str, list[str]], str]) -> str:
    """Apply transform(text, open_tags) to every text run outside skipped elements (raw HTML in, out)."""
    out: list[str] = []
    stack: list[str] = []
    skip = 0
    for kind, piece in tokens(markup):
        if kind == "text":
            out.append(piece if skip or (stack and stack[-1] in RAW_TEXT) else transform(piece, stack))
            continue
        out.append(piece)
        m = TAG_NAME.match(piece)
        if not m:
            continue
        name = m.group(1).lower()
        if piece.startswith("</"):
            if name in stack:
                while stack and stack.pop() != name:
                    pass
                if name in SKIP:
                    skip = max(0, skip - 1)
        elif name not in VOID and not piece.endswith("/>"):
            stack.append(name)
            if name in SKIP:
                skip += 1
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# Durations and clock times


def _whole_seconds(seconds: float) -> int:
    value = round(seconds)
    if value < 0:
        raise ValueError(f"expected a duration of zero or more seconds, got {seconds!r}")
    return value


def duration_fr(seconds: float) -> str:
    """A duration as a French reader writes it, with no-break spaces (it never splits).

    0 → « 0 min » (a plan's start), 45 → « 45 s », 480 → « 8 min », 150 → « 2 min 30 », 3900 → « 1 h 05 »,
    3600 → « 1 h », 3930 → « 1 h 05 min 30 s ». Seconds are rounded to the nearest whole second."""
    total = _whole_seconds(seconds)
    if total == 0:
        return f"0{NBSP}min"
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    if h:
        if s:
            return f"{h}{NBSP}h{NBSP}{m:02d}{NBSP}min{NBSP}{s}{NBSP}s"
        return f"{h}{NBSP}h{NBSP}{m:02d}" if m else f"{h}{NBSP}h"
    if m:
        return f"{m}{NBSP}min{NBSP}{s:02d}" if s else f"{m}{NBSP}min"
    return f"{s}{NBSP}s"


# ---------------------------------------------------------------------------------------------
# Glossary marks

NO_MARK_INSIDE = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "dfn", "abbr", "button", "label", "summary",
                  "title", "table", "figcaption", "nav", "dt", "section", "q"}  # q: the article's own words


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
                f"<strong>{esc(term.term)}</strong>{NBSP}: {esc(term.definition)}</span></span>"
            )

        def transform(text: str, stack: list[str]) -> str:
            if NO_MARK_INSIDE.intersection(stack):
                return text
            return self.pattern.sub(replace, text)

        return walk_text(markup, transform)
