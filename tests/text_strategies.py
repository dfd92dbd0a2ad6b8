"""Hypothesis strategies for author text: any Unicode the content model accepts, plus the snippets
most likely to break a writer (markup, entities, Markdown, Jinja, French punctuation, numbers).

What is left out, and why: the characters the model refuses (macros/model.py NOT_TEXT: controls
other than tab and line feed, lone surrogates, noncharacters; a reader could not see them and HTML
rejects them). The build-level tests also leave out what a field's own limits refuse (an empty text,
a claim under 50 characters…): they fit each value to its field instead, see test_any_text.py.
"""

from __future__ import annotations

from hypothesis import strategies as st

from macros.model import NOT_TEXT

TRICKY = [
    "<", ">", "&", '"', "'", "&amp;", "&lt;b&gt;", "&#60;", "&#x3C;", "&nbsp;", "&copy", "R&D", "<b>gras</b>",
    "<script>alert(1)</script>", "</p>", "</title>", "<!--", "-->", "]]>", "<![CDATA[", "\\", "`code`", "```",
    "{{ x }}", "{{", "}}", "{%", "%}", "{#", "#}", "{: .x }", "{ #id }", "[lien](http://x.org)", "![i](x.png)",
    "# ", "## ", "> ", "- ", "* ", "+ ", "1. ", "---", "===", "| a | b |", "*", "**", "_", "__", "~~", "^", "==",
    "(c)", "(tm)", "1/2", "+/-", "-->", "<--", "=/=", "c/o", "1st", "++ctrl+alt++", "!!! note", "??? x", ": def",
    "*[HTML]: x", "    ", "\t", "\n", "\n\n", " ", "\u00a0", "\u202f", "\u2028", "\u2029", "\u200b", "\ufeff",
    " : ", " ; ", " ! ", " ? ", ":", ";", "!", "?", "?!", "« ", " »", "«", "»", "“", "”", "’", "…",
    "20 h 30", "9 h 05", "2 min 30", "8 min", "45 s", "75 000", "1 000 000", "80 %", "10 k€", "10 K€", "0:02:30",
    "%", "€", "k€", "h", "min", "s", "0", "7", "12", "345", "https://x.org/?a=1;b=2", "mailto:a@b.fr", "a@b.fr",
    "\u0301", "\U0001f600", "ﬁ", "İ", "ß", "\u05d0", "\u0627", "\u4e2d",
]

CHARACTERS = st.characters(codec="utf-8").filter(lambda c: not NOT_TEXT.match(c))
PIECES = st.one_of(st.text(CHARACTERS, max_size=6), st.sampled_from(TRICKY))


def texts(max_pieces: int = 8) -> st.SearchStrategy[str]:
    """Author text: arbitrary Unicode the model accepts, mixed with the tricky snippets above."""
    return st.lists(PIECES, max_size=max_pieces).map("".join)
