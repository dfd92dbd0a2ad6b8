"""Markdown and HTML made from the content model: tables, cards, glossary, argument pages.

Pure functions of model objects and the source path of the page they go in; no MkDocs here.
Data text goes out through macros/text.py only: `md` and `md_block` where Markdown follows,
`esc` in raw HTML. A `<`, `&` or `"` typed in the content shows as typed.
Links are written as relative Markdown links to source files, so MkDocs checks them.
"""

from __future__ import annotations

import posixpath

from . import figures
from .model import Argument, Comparison, Content
from .text import duration_fr, esc, md, md_block


def link(target: str, page: str) -> str:
    """Relative link from the source file `page` to the source file `target` (both under docs/)."""
    target, _, anchor = target.partition("#")
    rel = posixpath.relpath(target, posixpath.dirname(page) or ".")
    return rel + (f"#{anchor}" if anchor else "")


def page_url(src: str) -> str:
    """The address MkDocs gives a source page (directory URLs): a/b.md → a/b/, a/index.md → a/."""
    stem = src.removesuffix(".md")
    return "" if stem == "index" else (stem.removesuffix("index") if stem.endswith("/index") else stem + "/")


def href(target: str, page: str) -> str:
    """A raw-HTML link to a built file (not a source page), relative to where `page` is served."""
    base = page_url(page)
    rel = posixpath.relpath(target, base.rstrip("/") or ".")
    return rel + ("/" if target.endswith("/") and not rel.endswith("/") else "")


def table_id(table: Comparison) -> str:
    return f"tableau-{table.id}"


def comparison(table: Comparison, level: int = 2, indexed: bool = True) -> str:
    """A heading (a stable anchor) and the table itself, in a box that scrolls on narrow screens.

    `indexed=False` keeps the rows out of the search index where they repeat the « Comparaisons »
    page, which indexes every table: one hit per table instead of two, and lighter pages."""
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in (table.criterion, table.left, table.right))
    rows = "".join(
        f'<tr><th scope="row">{esc(r.criterion)}</th><td data-label="{esc(table.left)}">{esc(r.left)}</td>'
        f'<td data-label="{esc(table.right)}">{esc(r.right)}</td></tr>'
        for r in table.rows
    )
    return (
        f"{'#' * level} {md(table.title)} {{ #{table_id(table)} }}\n\n"
        f'<div class="cmp" role="region" aria-labelledby="{table_id(table)}" tabindex="0"'
        f'{"" if indexed else " data-search-exclude"}>'
        f'<table class="cmp__table" data-table="{esc(table.id)}">'
        f"<caption>{esc(table.summary)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>\n"
    )


def argument_cards(content: Content, page: str) -> str:
    """The map of the seven arguments: number, title, claim, link."""
    items = "\n".join(
        f'<li class="arg-card" markdown="block">\n<span class="arg-card__n" aria-hidden="true">{a.number}</span>\n\n'
        f"[{md(a.title)}]({link(a.path, page)}){{ .arg-card__link }}\n\n{md(a.claim)}\n\n</li>"
        for a in content.arguments
    )
    return f'<ol class="arg-cards" markdown>\n{items}\n</ol>\n'


def glossary(content: Content, page: str) -> str:
    label = content.site.label

    def entry(t) -> str:
        a = content.argument(t.argument)
        origin = f"{md(label('key-figure-origin'))} : {md(t.origin)}. " if t.origin else ""
        return (f'<dt id="{t.id}">{esc(t.term)}</dt>\n<dd markdown>{md(t.definition)} {origin}'
                f"[{md(label('argument'))}\u00a0{t.argument} : {md(a.short_title)}]({link(a.path, page)})</dd>")  # no break before the number

    items = "\n".join(entry(t) for t in content.glossary_in_order)
    return f'<dl class="glossary" markdown>\n{items}\n</dl>\n'


def key_figure(argument: Argument, origin_label: str) -> str:
    fig = argument.key_figure
    assert fig is not None
    return (
        f'<div class="key-figure"><p class="key-figure__value">{esc(fig.value)}</p>'
        f'<p class="key-figure__label">{esc(fig.label)}</p>'
        f'<p class="key-figure__origin">{esc(origin_label)} : {esc(fig.origin)}</p></div>\n'
    )


def argument_page(content: Content, argument: Argument, body: str, share: str = "") -> str:
    """The whole page of an argument, in the fixed order of the model."""
    site = content.site
    page = argument.path
    s = site.sections

    def heading(key: str) -> str:
        return f"## {md(s[key].heading)} {{ #{s[key].id} }}\n\n"

    total = len(content.arguments)
    parts = [
        f'<p class="arg-kicker">{esc(site.label("argument"))} {argument.number} / {total}</p>\n\n',
        f"# {md(argument.title)}\n\n",
        source_line(content, argument),
        heading("claim"), f"{md(argument.claim)}\n{{ .arg-claim }}\n\n",
        heading("promise"), md_block(argument.promise), "\n\n",
        heading("reality"), md_block(argument.reality), "\n\n",
        heading("image"), f"### {md(argument.image.title)}\n\n", md_block(argument.image.text), "\n\n",
        figures.figure(content.figure_for(argument.number), content), "\n\n",
    ]
    tables = content.comparisons_for(argument.number)
    if tables:
        parts += [heading("comparison"), *(comparison(t, level=3, indexed=False) + "\n" for t in tables)]
    if argument.key_figure:
        parts += [heading("key_figure"), key_figure(argument, site.label("key-figure-origin")), "\n"]
    parts += [heading("takeaways"), *(f"{i}. {md(t)}\n" for i, t in enumerate(argument.takeaways, 1)), "\n"]
    parts += [heading("question"), f"{md(argument.question)}\n{{ .arg-question }}\n\n"]
    parts += [heading("quiz"), quiz(content, argument), "\n"]
    if body.strip():
        parts += [body.strip(), "\n\n"]
    parts += [share, "\n", pager(content, argument)]
    return "".join(parts)


def source_line(content: Content, argument: Argument) -> str:
    """Where the argument comes from: the article's part, its heading quoted."""
    label = content.site.label("source-part").format(n=argument.number)
    # <q>: the article's words, which the glossary leaves unmarked; the guillemets are typed, not drawn
    return f'<p class="arg-source">{esc(label)} : «\u202f<q>{esc(argument.source.heading)}</q>\u202f»</p>\n\n'


def pager(content: Content, argument: Argument) -> str:
    """Previous and next argument, and the decks that present it."""
    page = argument.path
    links = []
    if argument.number > 1:
        prev = content.argument(argument.number - 1)
        links.append(f'<li class="arg-pager__prev" markdown>{esc(content.site.label("previous"))}<br>'
                     f"[{prev.number}. {md(prev.title)}]({link(prev.path, page)})</li>")
    if argument.number < len(content.arguments):
        nxt = content.argument(argument.number + 1)
        links.append(f'<li class="arg-pager__next" markdown>{esc(content.site.label("next"))}<br>'
                     f"[{nxt.number}. {md(nxt.title)}]({link(nxt.path, page)})</li>")
    out = f'<nav class="arg-pager" aria-label="{esc(content.site.label("all-arguments"))}" markdown>\n<ul markdown>\n' + "\n".join(links) + "\n</ul>\n</nav>\n"
    decks = [d for d in content.decks if any(s.number == argument.number for s in d.sections)]
    if decks:
        links = " · ".join(
            f"[{md(d.subtitle)}]({link(f'slides/{d.id}/index.html', page)}#/{deck_anchor(argument)})" for d in decks
        )
        out += f'\n{md(content.site.label("present"))} : {links}\n{{ .arg-present }}\n'
    return out


def deck_list(content: Content, page: str) -> str:
    """Each deck: what it is for, how long, where to open it, its PDFs."""
    out = []
    for deck in sorted(content.decks, key=lambda d: -d.minutes):
        base = f"slides/{deck.id}/"
        out.append(
            f"## {md(deck.subtitle)} {{ #{deck.id} }}\n\n"
            f"- {md(content.site.label('deck-audience'))} : {md(deck.audience)}\n"
            f"- {md(content.site.label('deck-duration'))} : {minutes(deck.minutes)}\n"
            f"- {md(content.site.label('deck-sections'))} : {len(deck.sections)}\n\n"
            f"[{md(content.site.label('deck-open'))}]({link(base + 'index.html', page)}){{ .md-button .md-button--primary }}\n"
            f'<a class="md-button" href="{href(base + deck.id + ".pdf", page)}">{esc(content.site.label("deck-pdf"))}</a>\n'
            f'<a class="md-button" href="{href(base + deck.id + "-notes.pdf", page)}">{esc(content.site.label("deck-pdf-notes"))}</a>\n'
            f'<a class="md-button" href="{href(base + deck.id + ".pptx", page)}">{esc(content.site.label("deck-pptx"))}</a>\n'
        )
    out.append(
        f"## {md(content.site.label('handout-title'))} {{ #support }}\n\n"
        f'<a class="md-button" href="{href("formation/support-participant.pdf", page)}">{esc(content.site.label("handout-pdf"))}</a>\n'
        f'<a class="md-button" href="{href("formation/kit-hors-ligne.zip", page)}">{esc(content.site.label("bundle-zip"))}</a>\n'
    )
    return "\n".join(out)


def minutes(value: float) -> str:
    """A duration given in minutes, as a French reader writes it: « 3 h 30 », « 8 min », « 2 min 30 »."""
    return duration_fr(value * 60)


def deck_anchor(argument: Argument) -> str:
    """The id of an argument's first slide in every deck: #/argument-<n>."""
    return f"argument-{argument.number}"


def quiz(content: Content, argument: Argument) -> str:
    """Self-check questions; each answer in a <details> block, which opens without JavaScript."""
    label = content.site.label
    items = []
    for q in argument.quiz:
        letter = "ABCDE"[q.answer]
        choices = "".join(f"<li>{esc(c)}</li>" for c in q.choices)
        items.append(
            f'<li><p class="quiz__q">{esc(q.question)}</p><ol class="quiz__choices" type="A">{choices}</ol>'
            f'<details class="quiz__answer"><summary>{esc(label("quiz-show"))}</summary>'
            f"<p><strong>{esc(label('quiz-answer'))} {letter}</strong> : {esc(q.choices[q.answer])}. "
            f"{esc(q.explanation)}</p></details></li>"
        )
    # Out of the search index: a search would show the answers, and the questions say nothing new.
    return f'<div class="quiz-box" data-search-exclude><ol class="quiz">{"".join(items)}</ol></div>\n'


def part_name(content: Content, part, page: str) -> tuple[str, str]:
    """A plan row's name (a link where there is a page) and its objective, as HTML."""
    label, talk = content.site.label, content.talk
    if part.kind == "argument":
        a = content.argument(part.number)
        return (f'<a href="{href(a.url, page)}">{a.number}. {esc(a.title)}</a>',
                "<ul>" + "".join(f"<li>{esc(o.text)}</li>" for o in a.objectives) + "</ul>")
    if part.kind in ("exercise", "debrief"):
        a = content.argument(part.number)
        link_ = f'<a href="{href("formation/exercices/", page)}#exercice-{a.number}">{esc(a.exercise.title)}</a>'
        if part.kind == "exercise":
            checked = [o.text for o in a.objectives if o.id in a.exercise.checks]
            return (f"{esc(talk.label('exercise'))} {a.number} : {link_}",
                    "<ul>" + "".join(f"<li>{esc(o)}</li>" for o in checked) + "</ul>")
        return f"{esc(talk.label('debrief'))} : {esc(talk.label('exercise').lower())} {a.number}", esc(talk.debrief.objective)
    words = getattr(talk, part.kind)
    return esc(words.title), esc(words.objective)


PLAN_KINDS = {"argument": "plan-kind-talk", "exercise": "plan-kind-exercise", "debrief": "plan-kind-debrief",
              "pause": "plan-kind-pause", "quiz": "plan-kind-quiz"}


def session_plan(content: Content, deck_id: str, page: str) -> str:
    """The deck's parts with their objective, duration and elapsed times; the total is the deck's."""
    deck = content.deck(deck_id)
    label = content.site.label
    rows, start, by_kind = [], 0.0, {}
    for part in content.parts(deck):
        name, objective = part_name(content, part, page)
        end = start + part.minutes
        kind = label(PLAN_KINDS.get(part.kind, "plan-kind-talk"))
        by_kind[kind] = by_kind.get(kind, 0) + part.minutes
        rows.append(f'<tr data-kind="{part.kind}"><td>{name}</td><td data-label="{esc(label("plan-objective"))}">{objective}</td>'
                    f'<td data-label="{esc(label("plan-minutes"))}" data-minutes="{part.minutes:g}">{minutes(part.minutes)}</td>'
                    f'<td data-label="{esc(label("plan-time"))}">{minutes(start)} → {minutes(end)}</td></tr>')
        start = end
    head = "".join(f'<th scope="col">{esc(label(k))}</th>' for k in ("plan-part", "plan-objective", "plan-minutes", "plan-time"))
    split = " · ".join(f"{esc(k)} : {minutes(v)}" for k, v in by_kind.items())
    return (
        f'<div class="cmp" role="region" aria-label="{esc(deck.subtitle)}" tabindex="0">'
        f'<table class="cmp__table plan" data-deck="{esc(deck.id)}" data-search-exclude>'
        f'<caption>{esc(deck.subtitle)} : {esc(deck.audience)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody>"
        f'<tfoot><tr><th scope="row" colspan="2">{esc(label("plan-total"))}</th>'
        f'<td data-total="{deck.minutes:g}">{minutes(deck.minutes)}</td><td>{minutes(0)} → {minutes(deck.minutes)}</td></tr></tfoot>'
        f"</table></div>\n\n"
        f'<p class="plan-split" data-deck="{esc(deck.id)}">{split}</p>\n'
    )


def objectives(content: Content, page: str) -> str:
    """Each objective and what checks it: quiz items on the argument's page, the exercise."""
    label = content.site.label
    head = "".join(f'<th scope="col">{esc(label(k))}</th>' for k in ("argument", "plan-objective", "plan-checked-by"))
    rows = []
    for a in content.arguments:
        for i, o in enumerate(a.objectives):
            items = [int(c.removeprefix("quiz-")) for c in a.checks_of(o.id) if c.startswith("quiz-")]
            checks = []
            if items:
                numbers = ", ".join(map(str, items[:-1])) + (" et " if len(items) > 1 else "") + str(items[-1])
                key = "plan-quiz-items" if len(items) > 1 else "plan-quiz-item"
                checks.append(f'<a href="{href(a.url, page)}#testez-vous">{esc(label(key).format(n=numbers))}</a>')
            if "exercise" in a.checks_of(o.id):
                checks.append(f'<a href="{href("formation/exercices/", page)}#exercice-{a.number}">'
                              f"{esc(label('plan-exercise'))} : {esc(a.exercise.title)}</a>")
            anchor = f' id="objectifs-{a.number}"' if i == 0 else ""  # the published anchor of each argument's objectives
            rows.append(f'<tr{anchor}><td>{a.number}. {esc(a.short_title)}</td>'
                        f'<td data-label="{esc(label("plan-objective"))}">{esc(o.text)}</td>'
                        f'<td data-label="{esc(label("plan-checked-by"))}"><ul>'
                        + "".join(f"<li>{c}</li>" for c in checks) + "</ul></td></tr>")
    return (f'<div class="cmp" role="region" aria-label="{esc(label("objectives-after"))}" tabindex="0">'
            f'<table class="cmp__table objectives"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>\n')


def exercises(content: Content, page: str) -> str:
    """One group exercise per argument: situation, instructions with group and time, the trainer's guidance."""
    label, talk = content.site.label, content.talk
    out = []
    for a in content.arguments:
        e = a.exercise
        group = talk.group(e.group)
        out.append(
            f"## {a.number}. {md(e.title)} {{ #exercice-{a.number} }}\n\n"
            f"[{md(label('argument'))} {a.number} : {md(a.title)}]({link(a.path, page)})\n\n"
            f"### {md(label('exercise-situation'))}\n\n{md(e.situation)}\n\n"
            f"### {md(label('exercise-instructions'))}\n\n" + "".join(f"{i}. {md(x)}\n" for i, x in enumerate(e.steps, 1))
            + f'\n<p class="exercise-time" data-minutes="{e.minutes}" data-debrief="{e.debrief.minutes}">'
            f"{esc(group)} · {minutes(e.minutes)} · {esc(label('exercise-debrief'))} : {minutes(e.debrief.minutes)}</p>\n\n"
            f"{md(e.debrief.prompt)}\n\n"
            f"### {md(label('exercise-listen'))}\n\n" + "".join(f"- {md(x)}\n" for x in e.listen_for)
            + f"\n### {md(label('exercise-closing'))}\n\n{md(e.closing)}\n\n"
        )
    return "".join(out)
