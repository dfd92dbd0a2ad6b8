"""Formats that add up, notes that hold in their time: the three decks read from the model and from the build.

- conférence 15 min, module 90 min (opener, the seven arguments in short, two or three exercises with
  their debriefs, conclusion), half day 3 h 30 (everything, a 15-minute break, the quiz at the end);
- every part's minutes add up to the format's length; an exercise's duration, wherever it is printed,
  is its scheduled time; no note asks for more time than its slide has, or takes longer to say;
- each slide has notes of its own, and a format's notes never speak of a slide it does not show.
"""

from __future__ import annotations

import re
from collections import Counter

from bs4 import BeautifulSoup

from macros.model import fold
from test_site import soup, squash, text

WORDS_PER_SECOND = 2.5  # 150 words a minute: a trainer who speaks, not one who reads
NUMBERS = {"une": 1, "un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
           "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20, "trente": 30, "quarante": 40,
           "quarante-cinq": 45, "soixante": 60, "quatre-vingt-dix": 90}
DURATION = re.compile(r"\b(\d+|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + r")"
                      r"(?:[\s\u00a0\u202f]+(?:et[\s\u00a0\u202f]+)?(demie?))?[\s\u00a0\u202f]+"
                      r"(heures?|h|minutes?|min|secondes?|s)\b(?:[\s\u00a0\u202f]+et[\s\u00a0\u202f]+demie)?",
                      re.IGNORECASE)
UNIT = {"h": 3600, "heure": 3600, "heures": 3600, "min": 60, "minute": 60, "minutes": 60, "s": 1, "seconde": 1,
        "secondes": 1}


COMPACT = re.compile(r"\b(\d+)[\s\u00a0\u202f]*(h|min)[\s\u00a0\u202f]*(\d\d)\b")


def durations(text: str) -> list[int]:
    """Every duration a French text mentions, in seconds: « une minute et demie » → 90, « 1 h 05 » → 3900."""
    out = []
    for m in COMPACT.finditer(text):
        big, small = int(m.group(1)), int(m.group(3))
        out.append(big * 3600 + small * 60 if m.group(2) == "h" else big * 60 + small)
    text = COMPACT.sub(" ", text)
    for m in DURATION.finditer(text):
        count = int(m.group(1)) if m.group(1).isdigit() else NUMBERS[m.group(1).lower()]
        unit = UNIT[m.group(3).lower()]
        half = bool(m.group(2)) or m.group(0).lower().endswith("et demie")
        out.append(round((count + 0.5 * half) * unit))
    return out


def test_the_duration_reader():
    assert durations("Laissez une minute et demie, puis deux minutes en binômes, 30 s de silence.") == [90, 120, 30]
    assert durations("une heure et demie") == [5400] and durations("dix min") == [600]
    assert durations("1 min 30 puis 3 h 30 et 45 s") == [90, 12600, 45]
    assert durations("Le sonar montre le banc") == []


def deck_html(site, deck_id: str) -> BeautifulSoup:
    return BeautifulSoup((site / "slides" / deck_id / "index.html").read_text(encoding="utf-8"), "lxml")


def slides(site, deck_id: str) -> list:
    return deck_html(site, deck_id).select(".slides > section")


# -- formats --------------------------------------------------------------------------------


def kinds(content, deck_id: str) -> list[str]:
    return [p.kind for p in content.parts(content.deck(deck_id))]


def test_three_formats_of_the_right_length(content):
    assert {d.id: d.duration for d in content.decks} == {"conference": 15, "module": 90, "formation": 210}
    for deck in content.decks:
        assert sum(p.minutes for p in content.parts(deck)) == deck.duration, deck.id


def test_the_conference_has_no_exercise(content):
    assert "exercise" not in kinds(content, "conference")
    assert kinds(content, "conference").count("argument") == 7


def test_the_module_plays_two_or_three_exercises_with_their_debriefs(content):
    parts = content.parts(content.deck("module"))
    assert [p.kind for p in parts].count("argument") == 7
    assert 2 <= [p.kind for p in parts].count("exercise") <= 3
    for before, after in zip(parts, parts[1:]):
        if before.kind == "exercise":
            assert after.kind == "debrief" and after.number == before.number
    assert {"opener", "thesis", "conclusion"} <= {p.kind for p in parts}


def test_the_half_day_has_everything_a_break_and_the_quiz_at_the_end(content):
    parts = content.parts(content.deck("formation"))
    assert sorted(p.number for p in parts if p.kind == "argument") == list(range(1, 8))
    assert sorted(p.number for p in parts if p.kind == "exercise") == list(range(1, 8))
    assert sorted(p.number for p in parts if p.kind == "debrief") == list(range(1, 8))
    assert [p.minutes for p in parts if p.kind == "pause"] == [15]
    order = [p.kind for p in parts]
    assert order.index("quiz") > max(i for i, k in enumerate(order) if k in ("argument", "exercise", "debrief"))
    pause = order.index("pause")
    assert 0.3 < sum(p.minutes for p in parts[:pause]) / 210 < 0.7  # the break falls near the middle


# -- durations as printed --------------------------------------------------------------------


def test_an_exercise_lasts_what_its_texts_say(content, site):
    page = soup(site, "formation/exercices/")
    for a in content.arguments:
        e = a.exercise
        own = " ".join([e.situation, *e.steps, e.debrief.prompt, *e.listen_for, e.closing])
        assert set(durations(own)) <= {e.minutes * 60, e.debrief.minutes * 60}, (a.number, durations(own))
        printed = page.select_one(f"#exercice-{a.number} ~ p.exercise-time")
        assert printed is not None and (int(printed["data-minutes"]), int(printed["data-debrief"])) == (e.minutes, e.debrief.minutes)
        assert durations(text(printed)) == [e.minutes * 60, e.debrief.minutes * 60], text(printed)
    for deck in content.decks:
        for section in slides(site, deck.id):
            if section.get("class", [""])[0] in ("s-exercise", "s-debrief", "s-pause"):
                seconds = int(section["data-timing"])
                assert durations(squash(section.select_one(".meta").get_text()))[-1] == seconds, section["id"]
                assert int(section.select_one(".countdown")["data-seconds"]) == seconds


def test_the_session_plans_match_the_decks(content, site):
    page = soup(site, "formation/")
    for deck in content.decks:
        table = page.select_one(f'table[data-deck="{deck.id}"]')
        assert table is not None, deck.id
        rows = table.select("tbody tr")
        parts = content.parts(deck)
        assert [r["data-kind"] for r in rows] == [p.kind for p in parts]
        assert [float(r.select("td")[2]["data-minutes"]) for r in rows] == [p.minutes for p in parts]
        assert sum(durations(text(r.select("td")[2]))[0] for r in rows) == deck.duration * 60
        assert durations(text(table.select_one("tfoot td[data-total]"))) == [deck.duration * 60]
        assert not re.search(r"\d:\d\d", text(table)), "times are written the French way (« 2 min 30 », « 1 h 05 »)"


# -- notes ----------------------------------------------------------------------------------


def notes_of(section) -> str:
    return squash(section.select_one("aside.notes").get_text(" "))


def test_each_slide_has_notes_of_its_own(content, site):
    for deck in content.decks:
        counts = Counter(notes_of(s) for s in slides(site, deck.id))
        shared = {n[:60]: c for n, c in counts.items() if c > 1}
        assert not shared, (deck.id, shared)


def test_no_note_asks_for_more_time_than_its_slide_has(content, site):
    for deck in content.decks:
        for section in slides(site, deck.id):
            seconds = int(section["data-timing"])
            asked = durations(notes_of(section))
            assert all(d <= seconds for d in asked), (deck.id, section["id"], seconds, asked)


def test_notes_can_be_said_in_their_slide_time(content, site):
    for deck in content.decks:
        for section in slides(site, deck.id):
            if section.get("class", [""])[0] in ("s-exercise", "s-debrief", "s-pause"):
                continue  # the room works; the trainer reads the situation, then listens
            words = len(notes_of(section).split())
            assert words <= WORDS_PER_SECOND * int(section["data-timing"]), (deck.id, section["id"], words)


def test_a_format_never_speaks_of_a_slide_it_does_not_show(content, site):
    for deck in content.decks:
        shown = set(deck.argument_slides)
        played = {p.number for p in content.parts(deck) if p.kind == "exercise"}
        for section in slides(site, deck.id):
            m = re.fullmatch(r"argument-(\d+)(-.*)?", section["id"])
            if not m:
                continue
            a = content.argument(int(m.group(1)))
            said = fold(notes_of(section))
            if "image" not in shown:
                assert fold(a.image.title) not in said, (deck.id, section["id"], a.image.title)
            if "comparison" not in shown:
                assert not re.search(r"\btableau", said), (deck.id, section["id"])
            if "question" not in shown:
                assert "question au groupe" not in said, (deck.id, section["id"])
            if a.number not in played:
                assert not re.search(r"\bexercice", said), (deck.id, section["id"])


def test_table_notes_say_how_to_read_their_columns(content, site):
    for deck in content.decks:
        for table in deck_html(site, deck.id).select("table[data-table]"):
            data = content.comparison(table["data-table"])
            said = fold(notes_of(table.find_parent("section")))
            assert fold(data.left) in said and fold(data.right) in said, (deck.id, data.id)
            assert len(table.select("tbody tr")) <= 4


# -- objectives -------------------------------------------------------------------------------


def test_every_objective_is_checked_and_shown_with_its_check(content, site):
    page = soup(site, "formation/")
    table = page.select_one("table.objectives")
    rows = table.select("tbody tr")
    assert len(rows) == sum(len(a.objectives) for a in content.arguments)
    assert all(len(a.objectives) <= 2 for a in content.arguments)
    for row in rows:
        assert row.select("td")[2].select("a"), text(row)
    for a in content.arguments:
        for o in a.objectives:
            assert a.checks_of(o.id), (a.number, o.id)
            assert page.find(string=re.compile(re.escape(o.text[:30]))) or squash(o.text)[:30] in text(table)
