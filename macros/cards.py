"""Card images for link previews (LinkedIn, Open Graph): 1200×627 PNG, drawn with Pillow.

Offline and deterministic: the font comes from the pinned npm package @fontsource/inter, the
drawing depends only on the text, and PNG output carries no timestamp, so the same content gives
the same bytes. Each card is cached under .cache/cards/ by a hash of everything that draws it.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 627
FONTS = Path("node_modules/@fontsource/inter/files")
BOLD, BLACK, REGULAR = "inter-latin-700-normal.woff", "inter-latin-800-normal.woff", "inter-latin-400-normal.woff"
NAVY, NAVY_DARK, EMBER, SAND, WHITE = "#1f3a5f", "#10233d", "#e07a3f", "#f6efe6", "#ffffff"
VERSION = "3"  # bump when the drawing below changes, to refresh the cache


@dataclass(frozen=True)
class Card:
    name: str  # file name without extension, e.g. "argument-2"
    title: str
    kicker: str  # e.g. "Argument 2 / 7", or the site name's short form
    number: int | None  # an argument's number, drawn big
    site: str

    @property
    def path(self) -> str:
        return f"assets/cards/{self.name}.png"

    @property
    def alt(self) -> str:
        return f"{self.kicker} : {self.title} ({self.site})" if self.number else f"{self.title} ({self.site})"


@lru_cache(maxsize=64)
def _font(root: Path, name: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(root / FONTS / name), size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    lines: list[str] = []
    for word in re.split(r"[ \t\n\r\f]+", text.strip(" \t\n\r\f")):  # never at a no-break space
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def _fit(draw, text: str, root: Path, width: int, max_lines: int, sizes=(76, 68, 60, 54, 48)):
    """The largest title size whose wrapped lines fit the box."""
    for size in sizes:
        font = _font(root, BLACK, size)
        lines = _wrap(draw, text, font, width)
        if len(lines) <= max_lines:
            return font, lines, size
    font = _font(root, BLACK, sizes[-1])
    lines = _wrap(draw, text, font, width)
    return font, lines[: max_lines - 1] + [" ".join(lines[max_lines - 1 :])], sizes[-1]


def _one_line(text: str) -> str:
    """Any space but the no-break ones becomes a plain space: line and paragraph separators
    (U+2028, U+2029) make the text layout fail, and a card draws its own line breaks."""
    return re.sub(r"[^\S\u00a0\u202f]+", " ", text)


def draw(card: Card, root: Path) -> bytes:
    card = Card(card.name, _one_line(card.title), _one_line(card.kicker), card.number, _one_line(card.site))
    image = Image.new("RGB", (WIDTH, HEIGHT), NAVY_DARK)
    d = ImageDraw.Draw(image)
    d.rectangle((0, HEIGHT - 14, WIDTH, HEIGHT), fill=EMBER)
    left = 72
    if card.number is not None:
        # The argument's number in a large disc: the first thing a phone thumbnail shows.
        d.ellipse((left, 150, left + 250, 400), fill=EMBER)
        num = _font(root, BLACK, 170)
        d.text((left + 125, 275), str(card.number), font=num, fill=NAVY_DARK, anchor="mm")
        left = 380
    width = WIDTH - left - 72
    d.text((left, 88), card.kicker.upper(), font=_font(root, BOLD, 30), fill=EMBER)
    sizes = (76, 68, 60, 54, 48) if card.number is not None else (104, 92, 80, 70, 60, 54)
    font, lines, size = _fit(d, card.title, root, width, max_lines=4 if card.number is not None else 3, sizes=sizes)
    y = 150
    for line in lines:
        d.text((left, y), line, font=font, fill=WHITE)
        y += int(size * 1.15)
    d.text((72, HEIGHT - 86), card.site, font=_font(root, BOLD, 32), fill=SAND)
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=1)  # fast; a card stays far under 300 KB
    return out.getvalue()


def render(card: Card, root: Path) -> bytes:
    """The card's PNG bytes, from the cache when nothing that draws it has changed."""
    fonts = tuple((root / FONTS / f).stat().st_size for f in (BOLD, BLACK))
    key = hashlib.sha256(repr((VERSION, fonts, card.title, card.kicker, card.number, card.site)).encode()).hexdigest()[:20]
    cached = root / ".cache" / "cards" / f"{card.name}-{key}.png"
    if cached.is_file():
        return cached.read_bytes()
    data = draw(card, root)
    cached.parent.mkdir(parents=True, exist_ok=True)
    for stale in cached.parent.glob(f"{card.name}-*.png"):
        stale.unlink()
    cached.write_bytes(data)
    return data
