"""The trainer kit: session plan, objectives, exercises, quizzes, handout and offline bundle."""

from __future__ import annotations

import re
import zipfile

import pypdf
from bs4 import BeautifulSoup

from test_site import soup, squash, text


def seconds(cell: str) -> int:
    """« 1 h 25 », « 8 min », « 1 min 30 s », « 30 s » in seconds."""
    cell = cell.strip()
    if match := re.fullmatch(r"(\d+) h (\d+)", cell):
        return (int(match.group(1)) * 60 + int(match.group(2))) * 60
    match = re.fullmatch(r"(?:(\d+) min)? ?(?:(\d+) s)?", cell)
    return int(match.group(1) or 0) * 60 + int(match.group(2) or 0)


def test_session_plan_totals_equal_the_deck(site, content):
    page = soup(site, "formation/")
    for deck in content.decks:
        table = page.select_one(f'table[data-deck="{deck.id}"]')
        rows = table.select("tbody tr")
        assert len(rows) == len(deck.sections)
        assert sum(seconds(text(r.select("td")[2])) for r in rows) == round(deck.minutes * 60)
        assert float(table.select_one("tfoot td[data-total]")["data-total"]) == deck.minutes
        last = text(rows[-1].select("td")[3]).split("→")[1].strip()
        total = round(deck.minutes * 60)
        assert last == f"{total // 3600}:{total % 3600 // 60:02d}" + (f":{total % 60:02d}" if total % 60 else "")


def test_every_argument_has_objectives_exercise_and_quiz(site, content):
    plan, exercises = soup(site, "formation/"), soup(site, "formation/exercices/")
    for a in content.arguments:
        assert len(a.objectives) >= 2 and a.exercise.listen_for and len(a.quiz) >= 3
        assert plan.find(id=f"objectifs-{a.number}") is not None
        block = exercises.find(id=f"exercice-{a.number}")
        assert block is not None and squash(a.exercise.title) in text(block)
        quiz = soup(site, a.url).select("ol.quiz > li")
        assert len(quiz) == len(a.quiz)
        for item, q in zip(quiz, a.quiz):
            answer = item.select_one("details.quiz__answer")
            assert answer is not None and answer.select_one("summary")
            assert squash(q.choices[q.answer]) in text(answer) and squash(q.explanation)[:40] in text(answer)


def test_facilitation_guide(site):
    page = soup(site, "formation/guide/")
    for anchor in ("minitel", "ia", "adapter"):
        assert page.find(id=anchor) is not None


def test_handout_is_a4_with_every_claim_and_table(pdfs, content):
    reader = pypdf.PdfReader(pdfs / "formation" / "support-participant.pdf")
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    words = squash(" ".join(p.extract_text() or "" for p in reader.pages))
    flat = re.sub(r"\s+", "", words)
    for a in content.arguments:
        assert re.sub(r"\s+", "", squash(a.claim))[:50] in flat, a.number
    for c in content.comparisons:
        if c.arguments:
            assert re.sub(r"\s+", "", squash(c.title)) in flat, c.id
    starts = [i for i, p in enumerate(reader.pages) if re.match(r"\s*ARGUMENT \d / 7", p.extract_text() or "")]
    assert starts == list(range(starts[0], starts[0] + 7))  # one page per argument, none spilling over


def test_offline_bundle_holds_decks_pdfs_and_handout(pdfs, content):
    with zipfile.ZipFile(pdfs / "formation" / "kit-hors-ligne.zip") as zf:
        names = set(zf.namelist())
    root = "prospection-facile/"
    assert root + "index.html" in names and root + "formation/support-participant.pdf" in names
    for deck in content.decks:
        for name in ("index.html", f"{deck.id}.pdf", f"{deck.id}-notes.pdf"):
            assert f"{root}slides/{deck.id}/{name}" in names
    assert root + "slides/assets/LICENSE-reveal.js.txt" in names


def test_pages_print_cleanly(site):
    css = (site / "assets" / "site.css").read_text(encoding="utf-8")
    print_rules = css[css.index("@media print"):]
    assert ".md-sidebar" in print_rules and 'a[href^="http"]::after' in print_rules
