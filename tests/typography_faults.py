"""Counts French typography faults in built HTML, as a reader sees it: text and visible attributes.

Used by tests/test_typography.py (which wants zero) and runnable on its own to measure a build:

    .venv/bin/python tests/typography_faults.py site/          # one line per page, then the total
    .venv/bin/python tests/typography_faults.py site/ -v       # and every fault with its context

A fault is a place where the text breaks a rule a French reader expects: a plain (breakable) space
or no space before ; ! ? : and », after «, inside « 20 h 30 », « 75 000 », « 80 % », « 10 k€ »,
« 2 min 30 »; an HTML entity that shows as text (« &amp ; », « &amp; »); a time in English notation
(« 0:02:30 »). Text in <script>, <style>, <code>, <pre>, <kbd> and <samp> is not prose and is skipped.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import lxml.html

SPACE = r"[ \t\n\r\f]"  # a space the browser may break (HTML whitespace)
RULES: dict[str, re.Pattern] = {
    "plain space before ; ! ?": re.compile(rf"(?<=\S){SPACE}+[;!?]+(?=\s|$|[»)\]])"),
    "no space before ; ! ?": re.compile(r"(?<=[\w»)\]…])[;!?]+(?=\s|$|[»)\]])"),
    "plain space before :": re.compile(rf"(?<=\S){SPACE}+:(?=\s|$)"),
    "« not followed by a no-break space": re.compile(r"«(?![\u202f\u00a0])"),
    "» not preceded by a no-break space": re.compile(r"(?<![\u202f\u00a0])»"),
    "breakable space in a number (75 000)": re.compile(rf"(?<![\d.,])\d{{1,3}}{SPACE}\d{{3}}(?!\d)"),
    "breakable space before % or €": re.compile(rf"\d{SPACE}+(?:%|[kKM]?€)"),
    "breakable space in a time (20 h 30, 2 min 30)": re.compile(
        rf"\d{SPACE}+(?:h|min|s)\b|\b(?:h|min){SPACE}+\d{{2}}\b(?!\s*(?:%|€|\d))"),
    "entity shown as text": re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+)[ \u00a0\u202f]*;"),
    "time in English notation (0:02:30)": re.compile(r"(?<![\w:/])\d{1,2}:\d{2}(?::\d{2})?(?![\w:])"),
}
ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);")
NOT_PROSE = {"script", "style", "code", "pre", "kbd", "samp", "template"}
BLOCK = {"address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "div", "dl", "dt",
         "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html",
         "input", "label", "li", "main", "nav", "ol", "option", "p", "section", "select", "summary", "table", "tbody",
         "td", "textarea", "tfoot", "th", "thead", "title", "tr", "ul", "svg", "text", "tspan", "button", "img"}
READ_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder", "data-label")
READ_META = {"description", "og:title", "og:description", "og:image:alt", "twitter:title", "twitter:description",
             "twitter:image:alt"}


@dataclass(frozen=True)
class Fault:
    page: str
    rule: str
    context: str
    where: str  # a CSS-like hint: the element holding the text, or the attribute


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def texts(root) -> list[tuple[str, str]]:
    """(where, text) for each run of prose as a reader sees it: inline elements joined, blocks apart."""
    out: list[tuple[str, str]] = []
    buffer: list[str] = []
    where = ["html"]

    def flush():
        text = "".join(buffer)
        if text.strip():
            out.append((where[0], text))
        buffer.clear()

    def walk(el, holder):
        name = _local(el.tag)
        if not name:  # comment or processing instruction
            if el.tail:
                buffer.append(el.tail)
            return
        if name in NOT_PROSE:
            buffer.append("\ufffc")  # something visible but not prose stands there
        else:
            block = name in BLOCK
            if block:
                flush()
                where[0] = _describe(el)
            if el.text:
                buffer.append(el.text)
            for child in el:
                walk(child, holder)
            if block:
                flush()
                where[0] = holder
        if el.tail:
            buffer.append(el.tail)

    walk(root, "html")
    flush()
    for el in root.iter():
        name = _local(el.tag)
        if not name:
            continue
        for attribute in READ_ATTRIBUTES:
            value = el.get(attribute)
            if value:
                out.append((f"{name}[{attribute}]", value))
        if name == "meta" and (el.get("property") or el.get("name")) in READ_META and el.get("content"):
            out.append((f"meta[{el.get('property') or el.get('name')}]", el.get("content")))
    return out


def _describe(el) -> str:
    name = _local(el.tag)
    classes = (el.get("class") or "").split()
    return name + "".join(f".{c}" for c in classes[:2])


def faults_in(html: str, page: str = "") -> list[Fault]:
    root = lxml.html.document_fromstring(html)
    found = []
    for where, text in texts(root):
        for rule, pattern in RULES.items():
            if rule != "entity shown as text":  # an entity's own semicolon is not punctuation
                text = ENTITY.sub(lambda m: m.group()[:-1] + "\ufffd", text)
            for match in pattern.finditer(text):
                start, end = max(0, match.start() - 25), match.end() + 25
                found.append(Fault(page, rule, text[start:end].replace("\n", " "), where))
    return found


def faults(site: Path) -> list[Fault]:
    """Every fault of every HTML file under site."""
    found: list[Fault] = []
    for path in sorted(site.rglob("*.html")):
        found += faults_in(path.read_text(encoding="utf-8"), path.relative_to(site).as_posix())
    return found


def report(site: Path, verbose: bool = False) -> str:
    found = faults(site)
    pages = sorted({p.relative_to(site).as_posix() for p in site.rglob("*.html")})
    per_page = Counter(f.page for f in found)
    lines = [f"{per_page[p]:5d}  {p}" for p in pages if per_page[p]]
    lines += [f"{n:5d}  ({rule})" for rule, n in Counter(f.rule for f in found).most_common()]
    lines.append(f"{len(found):5d}  faults on {len(per_page)} of {len(pages)} HTML files")
    if verbose:
        lines += [f"{f.page}: {f.rule}: {f.where}: …{f.context}…" for f in found]
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(Path(sys.argv[1]), "-v" in sys.argv))
