"""A synthetic project COPIES times larger than the real one, for the scale benchmark (make bench).

Usage: python scripts/synthetic.py COPIES OUT_DIR

The real content is read through the model (macros.model.load), never parsed here, and written
back COPIES times under OUT_DIR: copy k of argument n becomes argument 7·(k−1)+n (slug
« <slug>-k » from the second copy on) with its quiz, exercise and notes; each comparison table
and figure gets one copy per copy of its arguments; each deck that names arguments gets one copy
per copy of them (« <id>-k », same length: a format is a session, so more arguments make more
sessions); mkdocs.yml's nav lists every argument. The other data files, the pages and the code
(macros/, slides/, overrides/, scripts/) are copied as they are; the real project is left
untouched. COPIES = 1 gives the real content, its arguments and tables written back by the model.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from macros.model import ARGUMENTS, DATA, DECKS, load  # noqa: E402

CODE = ("macros", "slides", "overrides", "scripts")
# The carousels' kicker (« ARGUMENT 6 / 7 · TROUVER N'EST PAS CONVAINCRE ») has one line: with
# two-digit numbers the longest short titles overflow it, so copies keep their first words only.
COPY_SHORT_TITLE = 15
NAV_ARGUMENT = re.compile(r"^([ \t]*)- (?:[^\n:]+: )?arguments/\d+-[a-z0-9-]+\.md[ \t]*\n", re.MULTILINE)


def dump(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def entry(model) -> dict:
    return model.model_dump(mode="json", exclude_none=True)


class Copies:
    """Numbers and ids of copy k (1-based) of the real content's arguments and tables."""

    def __init__(self, arguments: int):
        self.arguments = arguments

    def number(self, n: int, k: int) -> int:
        return n + (k - 1) * self.arguments if n else n  # 0, the opener, has no copy

    @staticmethod
    def id(value: str, k: int) -> str:
        return value if k == 1 else f"{value}-{k}"


def first_words(text: str, limit: int) -> str:
    words = text.split()
    while len(words) > 1 and len(" ".join(words)) > limit:
        words.pop()
    return " ".join(words)


def arguments(content, copies: Copies, count: int, out: Path) -> list[str]:
    folder = out / ARGUMENTS
    folder.mkdir(parents=True)
    paths = []
    for k in range(1, count + 1):
        for argument in content.arguments:
            data = entry(argument)
            body = data.pop("body", "")
            data["number"], data["slug"] = copies.number(argument.number, k), copies.id(argument.slug, k)
            if k > 1:
                data["short_title"] = first_words(argument.short_title, COPY_SHORT_TITLE)
            path = folder / f"{data['number']}-{data['slug']}.md"
            path.write_text(f"---\n{dump(data)}---\n{body}\n", encoding="utf-8")
            paths.append(path.relative_to(out / "docs").as_posix())
    return paths


def data_files(content, copies: Copies, count: int, out: Path) -> None:
    tables, figures = [], []
    for k in range(1, count + 1):
        for table in content.comparisons:
            data = entry(table)
            data["id"] = copies.id(table.id, k)
            data["arguments"] = [copies.number(n, k) for n in table.arguments]
            tables.append(data)
        for figure in content.figures:
            if k > 1 and figure.argument == 0:
                continue  # one opener
            data = entry(figure)
            if k > 1:
                data["id"], data["argument"] = copies.id(figure.id, k), copies.number(figure.argument, k)
                if "items_from" in data:
                    data["items_from"] = copies.id(data["items_from"], k)
            figures.append(data)
    folder = out / DATA
    shutil.copytree(ROOT / DATA, folder)  # glossary, site words, article figures: not per argument
    for name, data in {"comparisons.yml": tables, "figures.yml": figures}.items():
        (folder / name).write_text(dump(data), encoding="utf-8")


def decks(content, copies: Copies, count: int, out: Path) -> None:
    folder = out / DECKS
    shutil.copytree(ROOT / DECKS, folder)  # copy 1: the real decks
    for deck in content.decks:
        if not any(s.number is not None for s in deck.sections):
            continue
        for k in range(2, count + 1):
            data = entry(deck)
            data["id"] = copies.id(deck.id, k)
            for section in data["sections"]:
                if section.get("number") is not None:
                    section["number"] = copies.number(section["number"], k)
                if section.get("table") is not None:
                    section["table"] = copies.id(section["table"], k)
            (folder / f"{data['id']}.yml").write_text(dump(data), encoding="utf-8")


def config(paths: list[str], out: Path) -> None:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    found = list(NAV_ARGUMENT.finditer(text))
    if not found:
        raise SystemExit("mkdocs.yml: no argument page in the nav (expected lines like « - arguments/1-x.md »)")
    indent = found[0].group(1)
    nav = "".join(f"{indent}- {path}\n" for path in paths)
    text = text[: found[0].start()] + nav + NAV_ARGUMENT.sub("", text[found[0].end():])
    (out / "mkdocs.yml").write_text(text, encoding="utf-8")


def generate(count: int, out: Path) -> Path:
    """Write the project; returns its mkdocs.yml."""
    content = load(ROOT)
    copies = Copies(len(content.arguments))
    out.mkdir(parents=True, exist_ok=True)
    skip = shutil.ignore_patterns("__pycache__", "node_modules")
    shutil.copytree(ROOT / "docs", out / "docs", ignore=lambda d, names: (
        [n for n in names if Path(d, n) in (ROOT / ARGUMENTS, ROOT / DATA)] + list(skip(d, names))))
    for name in CODE:
        shutil.copytree(ROOT / name, out / name, ignore=lambda d, names: (
            [n for n in names if Path(d, n) == ROOT / DECKS] + list(skip(d, names))))
    (out / "node_modules").symlink_to(ROOT / "node_modules")
    paths = arguments(content, copies, count, out)
    data_files(content, copies, count, out)
    decks(content, copies, count, out)
    config(paths, out)
    load(out)  # the model accepts what was written, or says why in one line
    return out / "mkdocs.yml"


if __name__ == "__main__":
    if len(sys.argv) != 3 or not sys.argv[1].isdigit():
        sys.exit(__doc__)
    print(generate(int(sys.argv[1]), Path(sys.argv[2])))
