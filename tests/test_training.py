"""The trainer kit: session plan, objectives, exercises, quizzes, handout and offline bundle."""

from __future__ import annotations

import re
import unicodedata
import zipfile

import pypdf

from test_site import soup, squash, text


def test_every_argument_has_objectives_exercise_and_quiz(site, content):
    plan, exercises = soup(site, "formation/"), soup(site, "formation/exercices/")
    for a in content.arguments:
        assert 1 <= len(a.objectives) <= 2 and a.exercise.listen_for and len(a.quiz) >= 3
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


def test_handout_is_a4_from_the_opener_to_the_conclusion(pdfs, content):
    reader = pypdf.PdfReader(pdfs / "formation" / "support-participant.pdf")
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    pages = [unicodedata.normalize("NFKC", p.extract_text() or "") for p in reader.pages]  # no ﬀ ligatures
    flat = re.sub(r"\s+", "", squash(" ".join(pages)))

    def found(value: str, length: int = 50) -> bool:
        return re.sub(r"\s+", "", squash(value))[:length] in flat

    for a in content.arguments:
        assert found(a.claim), a.number
        assert found(a.exercise.title, 30) and found(a.exercise.situation, 60), a.number
    for c in content.comparisons:
        assert found(c.title), c.id
    starts = [i for i, p in enumerate(pages) if re.match(r"\s*ARGUMENT \d / 7", p)]
    assert starts == list(range(starts[0], starts[0] + 7))  # one page per argument, none spilling over
    # the Minitel story and the thesis open it, the conclusion closes it (before the glossary)
    talk = content.talk
    opener = next(i for i, p in enumerate(pages) if squash(talk.opener.title).upper() in squash(p).upper())
    assert opener < starts[0] and found(talk.opener.text) and found(talk.thesis.text)
    closing = next(i for i, p in enumerate(pages) if found_in(talk.conclusion.text, p))
    glossary = next(i for i, p in enumerate(pages) if p.lstrip().startswith(content.site.label("handout-glossary")))
    assert starts[-1] < closing < glossary


def found_in(value: str, page: str) -> bool:
    return re.sub(r"\s+", "", squash(value))[:50] in re.sub(r"\s+", "", squash(page))


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
