"""The scale benchmark's synthetic content (scripts/synthetic.py) stays valid as the model grows."""

from __future__ import annotations

from macros.model import load
from scripts import synthetic


def test_two_copies_load_as_twice_the_content(tmp_path, content):
    config = synthetic.generate(2, tmp_path / "twice")
    twice = load(config.parent)
    n = len(content.arguments)
    assert [a.number for a in twice.arguments] == list(range(1, 2 * n + 1))
    assert len(twice.comparisons) == 2 * len(content.comparisons)
    assert len(twice.figures) == 2 * len(content.figures) - 1  # one opener
    named = [d for d in content.decks if any(s.number is not None for s in d.sections)]
    assert len(twice.decks) == len(content.decks) + len(named)
    nav = config.read_text(encoding="utf-8")
    assert all(f"- {a.path}\n" in nav for a in twice.arguments)
    assert (twice.argument(n + 1).slug, twice.argument(n + 1).quiz) == (f"{content.argument(1).slug}-2", content.argument(1).quiz)
