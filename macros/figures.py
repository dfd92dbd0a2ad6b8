"""Figures drawn from docs/data/figures.yml as accessible, self-contained SVG.

One renderer per kind, each a small function of the figure's data. Text stays real text (search,
selection, translation tools); colours are CSS classes (`fig__ink`, `fig__accent`, …) that the
site, the deck and the handout style from their own palettes, so light and dark modes both work.
The viewBox is 400 units wide with text of 15 units or more: legible at 375 px, and large on a
projector. Nothing refers to another host.
"""

from __future__ import annotations

import math
from .model import DATA, Content, ContentError

from .text import HTML_SPACE, esc, french, plain

WIDTH = 400


def wrap(text: str, size: float, width: float, bold: bool = False) -> list[str]:
    """Greedy line breaks for a text of font size `size` in `width` units (average glyph ≈ 0.55 em, bold
    ≈ 0.68 em: the widest system sans a projector laptop may have, DejaVu Sans, as Chromium draws it).

    Lines break at ordinary spaces only: « 20 h 30 » and « 75 000 » stay whole."""
    per_line = max(4, int(width / (size * (0.68 if bold else 0.55))))
    lines: list[str] = []
    for word in HTML_SPACE.split(french(plain(text)).strip(" \t\n\r\f")):
        if lines and len(lines[-1]) + 1 + len(word) <= per_line:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def text(x: float, y: float, value: str, size: float = 16, cls: str = "fig__ink", anchor: str = "start",
         weight: int = 400, width: float | None = None, leading: float = 1.25) -> tuple[str, float]:
    """A <text> (wrapped into <tspan>s when `width` is given) and the y just below it."""
    lines = wrap(value, size, width, weight >= 700) if width else [value]
    spans = "".join(
        f'<tspan x="{x:g}" dy="{0 if i == 0 else size * leading:g}">{esc(line)}</tspan>' for i, line in enumerate(lines)
    )
    bold = f' font-weight="{weight}"' if weight != 400 else ""
    svg = f'<text class="{cls}" x="{x:g}" y="{y:g}" font-size="{size:g}" text-anchor="{anchor}"{bold}>{spans}</text>'
    return svg, y + size * leading * (len(lines) - 1) + size * 0.5


def counter(fig, content: Content) -> tuple[str, float]:
    items = [r.criterion for r in content.comparison(fig.items_from).rows]
    parts, _ = text(WIDTH / 2, 62, fig.value, 60, "fig__accent", "middle", 800)
    label, _ = text(WIDTH / 2, 92, fig.label, 17, "fig__muted", "middle")
    parts += label
    y = 134
    for i, item in enumerate(items, 1):
        parts += f'<circle class="fig__primary" cx="38" cy="{y - 5:g}" r="13"/>'
        parts += f'<text class="fig__on-primary" x="38" y="{y:g}" font-size="15" text-anchor="middle" font-weight="700">{i}</text>'
        line, y_end = text(62, y, item, 17, width=320)
        parts += line
        y = y_end + 24
    return parts, y - 10


def proportion(fig, content: Content) -> tuple[str, float]:
    x0, bar_w, y, h = 20, WIDTH - 40, 70, 46
    filled = bar_w * fig.value / 100
    parts, _ = text(x0, 44, f"{fig.value:g} %", 36, "fig__accent", weight=800)
    parts += f'<rect class="fig__primary" x="{x0}" y="{y}" width="{filled:g}" height="{h}" rx="6"/>'
    parts += (f'<rect class="fig__empty" x="{x0 + filled:g}" y="{y}" width="{bar_w - filled:g}" height="{h}" rx="6" '
              f'stroke-dasharray="6 4"/>')
    rest = f"{100 - fig.value:g} %"
    below, y1 = text(x0, y + h + 26, fig.filled, 16, width=filled - 10)
    right, _ = text(x0 + bar_w, y + h + 26, rest, 16, "fig__muted", "end", 700)
    right2, _ = text(x0 + bar_w, y + h + 46, fig.empty, 15, "fig__muted", "end")
    note, y2 = text(WIDTH / 2, max(y1, y + h + 46) + 36, fig.note, 18, "fig__accent", "middle", 700, width=WIDTH - 40)
    return parts + below + right + right2 + note, y2 + 8


def ring(cx: float, cy: float, count: int, radius: float, start: float = 0) -> list[tuple[float, float]]:
    return [(cx + radius * math.cos(start + 2 * math.pi * i / count), cy + radius * math.sin(start + 2 * math.pi * i / count))
            for i in range(count)]


def crowd(fig, content: Content) -> tuple[str, float]:
    parts = ""
    cx, cy = 100, 110
    buyers = ring(cx, cy, fig.visible, 18, -math.pi / 2) if fig.visible > 1 else [(cx, cy)]
    rivals = ring(cx, cy, fig.rivals, 56, 0.2)
    for x, y in rivals:
        parts += f'<path class="fig__accent-fill" d="M{x:.1f} {y - 9:.1f} L{x + 8:.1f} {y + 6:.1f} L{x - 8:.1f} {y + 6:.1f} Z"/>'
    for x, y in buyers:
        parts += f'<circle class="fig__primary" cx="{x:.1f}" cy="{y:.1f}" r="10"/>'
    # the buyers under the radar: a loose grid, no one around them
    cols = 5
    for i in range(fig.hidden):
        x = 232 + (i % cols) * 34 + (8 if (i // cols) % 2 else 0)
        y = 60 + (i // cols) * 38
        parts += f'<circle class="fig__hollow" cx="{x:g}" cy="{y:g}" r="10"/>'
    rows = math.ceil(fig.hidden / cols)
    left1, y1 = text(cx, 196, f"{fig.visible_label}", 16, "fig__ink", "middle", 700, width=180)
    left2, y2 = text(cx, y1 + 20, fig.rivals_label, 15, "fig__accent", "middle", width=180)
    right, y3 = text(306, max(196, 60 + rows * 38 + 8), fig.hidden_label, 16, "fig__ink", "middle", 700, width=170)
    verdict, y4 = text(WIDTH / 2, max(y2, y3) + 34, fig.verdict, 18, "fig__accent", "middle", 800, width=WIDTH - 40)
    divider = f'<line class="fig__rule" x1="200" y1="24" x2="200" y2="{max(y2, y3):g}"/>'
    return parts + divider + left1 + left2 + right + verdict, y4 + 6


def versus(fig, content: Content) -> tuple[str, float]:
    parts, bottoms = "", []
    title_lines = max(len(wrap(side.title, 18, 184, bold=True)) for side in (fig.left, fig.right))
    for i, side in enumerate((fig.left, fig.right)):
        x = 12 + i * 200
        head, _ = text(x + 88, 34, side.title, 18, "fig__primary-text", "middle", 800, width=184)
        y = 34 + 18 * 1.25 * (title_lines - 1) + 9  # both tags on one line, whatever each title's length
        tag_w = min(170, len(side.tag) * 8.5 + 24)
        tag = (f'<rect class="{"fig__tag-left" if i == 0 else "fig__tag-right"}" x="{x + 88 - tag_w / 2:g}" y="{y + 8:g}" '
               f'width="{tag_w:g}" height="26" rx="13"/>')
        tag_text, _ = text(x + 88, y + 26, side.tag, 15, "fig__on-tag", "middle", 700)
        body = ""
        yy = y + 66
        for item in side.items:
            line, yy = text(x + 18, yy, item, 16, width=150)
            body += f'<circle class="fig__accent-fill" cx="{x + 6:g}" cy="{yy - 14 - 16 * 1.25 * (len(wrap(item, 16, 150)) - 1):g}" r="4"/>'
            body += line
            yy += 26
        parts += head + tag + tag_text + body
        bottoms.append(yy)
    parts += f'<line class="fig__rule" x1="200" y1="16" x2="200" y2="{max(bottoms) - 20:g}"/>'
    return parts, max(bottoms) - 8


SCALE_X0, SCALE_X1, SCALE_LINES = 24, WIDTH - 24, 3  # a zone holds three lines above the axis


def _scale_at(fig, v: float) -> float:
    lo, hi = math.log10(fig.ticks[0]), math.log10(fig.ticks[-1])
    return SCALE_X0 + (math.log10(v) - lo) / (hi - lo) * (SCALE_X1 - SCALE_X0)


def scale_zones(fig) -> dict[str, float]:
    """The width each label of a scale has, either side of its threshold."""
    t = _scale_at(fig, fig.threshold)
    return {"below": t - SCALE_X0 - 8, "above": SCALE_X1 - t - 8}


def check(content: Content) -> None:
    """What only the drawing can tell, once per build: a scale label that would run into the axis."""
    for i, fig in enumerate(content.figures):
        for name, width in (scale_zones(fig).items() if fig.kind == "scale" else ()):
            if len(wrap(getattr(fig, name), 16, width, bold=True)) > SCALE_LINES:
                raise ContentError(str(DATA / "figures.yml"), f"entry {i + 1} (« {fig.id} »)", name,
                                   f"too long for its side of the scale (more than three lines of about "
                                   f"{int(width / (16 * 0.68))} characters): shorten it")


def scale(fig, content: Content) -> tuple[str, float]:
    x0, x1, axis_y = SCALE_X0, SCALE_X1, 120

    def at(v: float) -> float:
        return _scale_at(fig, v)

    t = at(fig.threshold)
    parts = (f'<rect class="fig__zone-below" x="{x0}" y="40" width="{t - x0:g}" height="{axis_y - 40}"/>'
             f'<rect class="fig__zone-above" x="{t:g}" y="40" width="{x1 - t:g}" height="{axis_y - 40}"/>'
             f'<line class="fig__axis" x1="{x0}" y1="{axis_y}" x2="{x1}" y2="{axis_y}"/>')
    for value, label in zip(fig.ticks, fig.tick_labels):
        x = at(value)
        parts += f'<line class="fig__axis" x1="{x:g}" y1="{axis_y}" x2="{x:g}" y2="{axis_y + 8}"/>'
        anchor = "start" if value == fig.ticks[0] else "end" if value == fig.ticks[-1] else "middle"
        parts += text(x, axis_y + 28, label, 15, "fig__muted", anchor)[0]
    parts += f'<line class="fig__threshold" x1="{t:g}" y1="24" x2="{t:g}" y2="{axis_y + 8}"/>'
    zones = scale_zones(fig)  # check() has made sure each label fits its zone
    below, y1 = text((x0 + t) / 2, 70, fig.below, 16, "fig__ink", "middle", 700, width=zones["below"])
    above, y2 = text((t + x1) / 2, 70, fig.above, 16, "fig__ink", "middle", 700, width=zones["above"])
    mark = f"{fig.threshold:g} {fig.unit}"
    mark_svg, _ = text(t, 18, mark, 17, "fig__accent", "middle", 800)
    return parts + below + above + mark_svg, axis_y + 44


def sequence(fig, content: Content) -> tuple[str, float]:
    parts, y = "", 34
    for i, step in enumerate(fig.steps, 1):
        x = 60 + (i - 1) * (WIDTH - 180) / max(1, len(fig.steps) - 1)
        parts += f'<circle class="fig__primary" cx="{x:g}" cy="{y:g}" r="16"/>'
        parts += f'<text class="fig__on-primary" x="{x:g}" y="{y + 5:g}" font-size="15" text-anchor="middle" font-weight="700">{i}</text>'
        parts += text(x + 26, y + 6, step, 17, "fig__ink", weight=700)[0]
        if i < len(fig.steps):
            nx = 60 + i * (WIDTH - 180) / max(1, len(fig.steps) - 1)
            parts += f'<path class="fig__arrow" d="M{x:g} {y + 18:g} C {x:g} {y + 34:g}, {nx:g} {y + 22:g}, {nx:g} {y + 36:g}"/>'
        y += 52
    goal_w = len(fig.goal) * 10 + 40
    parts += (f'<rect class="fig__accent-fill" x="{WIDTH - 20 - goal_w:g}" y="{y - 20:g}" width="{goal_w:g}" height="34" rx="17"/>'
              + text(WIDTH - 20 - goal_w / 2, y + 2, fig.goal, 17, "fig__on-tag", "middle", 800)[0])
    return parts, y + 24


RENDERERS = {"counter": counter, "proportion": proportion, "crowd": crowd, "versus": versus, "scale": scale,
             "sequence": sequence}


def svg(fig, content: Content) -> str:
    """The figure as inline SVG with its accessible name (title) and description."""
    body, height = RENDERERS[fig.kind](fig, content)
    t, d = f"fig-{fig.id}-t", f"fig-{fig.id}-d"
    return (
        f'<svg class="fig fig--{fig.kind}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {math.ceil(height)}" '
        f'role="img" aria-labelledby="{t} {d}" data-figure="{fig.id}">'
        f'<title id="{t}">{esc(fig.title)}</title><desc id="{d}">{esc(fig.description)}</desc>{body}</svg>'
    )


def figure(fig, content: Content) -> str:
    """The SVG in a <figure> with its caption."""
    return (f'<figure class="pf-figure" id="figure-{fig.id}">{svg(fig, content)}'
            f"<figcaption>{esc(fig.caption)}</figcaption></figure>")
