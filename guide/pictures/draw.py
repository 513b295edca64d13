"""Markers, highlights, solid redactions and PNG bytes. Digits are strokes, not a font, so the same sources give the
same bytes on any machine with the same Pillow, and a marker can hold nothing but a number."""
from __future__ import annotations

import io
import math
from collections.abc import Sequence

from PIL import Image, ImageDraw

from guide.pictures.spec import Box, Layout

Point = tuple[float, float]
MARKER = (194, 65, 12)  # marker fill and highlight outline
REDACT = (73, 80, 87)  # one solid colour, never blur
WHITE = (255, 255, 255)
SUPER = 4  # markers are drawn this many times larger, then reduced (smooth edges)
PALETTE = 96  # colours in the published PNG


def _arc(cx: float, cy: float, rx: float, ry: float, a0: float, a1: float) -> list[Point]:
    """Points along an ellipse; angles in degrees, 0 at 3 o'clock, clockwise (y grows downward)."""
    steps = max(8, int(abs(a1 - a0) / 8))
    return [(cx + rx * math.cos(math.radians(a0 + (a1 - a0) * k / steps)),
             cy + ry * math.sin(math.radians(a0 + (a1 - a0) * k / steps))) for k in range(steps + 1)]


# Each digit: strokes on a 10 x 16 grid.
DIGITS: dict[str, list[list[Point]]] = {
    "0": [_arc(5, 8, 3.8, 6.8, 0, 360)],
    "1": [[(2.2, 4.2), (5.8, 1.2), (5.8, 15)]],
    "2": [_arc(5, 5, 3.9, 3.9, 195, 385) + [(1.2, 15), (9.2, 15)]],
    "3": [_arc(5, 4.6, 3.5, 3.5, 205, 450), _arc(5, 11.4, 3.8, 3.6, 270, 515)],
    "4": [[(7.4, 15), (7.4, 1.2), (1, 11), (9.6, 11)]],
    "5": [[(8.8, 1.2), (2.4, 1.2), (1.9, 7.2)] + _arc(5, 10.6, 4.1, 4.3, 222, 500)],
    "6": [_arc(5, 11, 3.9, 4, 0, 360), _arc(10.6, 11, 9.4, 9.6, 190, 250)],
    "7": [[(1, 1.2), (9, 1.2), (3.8, 15)]],
    "8": [_arc(5, 4.5, 3.3, 3.3, 0, 360), _arc(5, 11.5, 3.9, 3.6, 0, 360)],
    "9": [_arc(5, 5, 3.9, 4, 0, 360), _arc(-0.6, 5, 9.4, 9.6, 10, 70)],
}


def marker_sprite(number: int, diameter: int) -> Image.Image:
    """A filled circle with a white ring and the number in white, RGBA, diameter x diameter."""
    big = diameter * SUPER
    img = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    ring = max(2, big // 18)
    draw.ellipse((0, 0, big - 1, big - 1), fill=WHITE)
    draw.ellipse((ring, ring, big - 1 - ring, big - 1 - ring), fill=MARKER)
    text = str(number)
    unit = min(big * 0.56 / 16, big * 0.7 / (11.5 * len(text) - 1.5))  # 56 % of the circle high, 70 % wide at most
    pitch = 11.5 * unit
    x = (big - (len(text) * pitch - 1.5 * unit)) / 2
    y = (big - 16 * unit) / 2
    stroke = max(2, round(2.3 * unit))
    for ch in text:
        for line in DIGITS[ch]:
            pts = [(x + px * unit, y + py * unit) for px, py in line]
            draw.line(pts, fill=WHITE, width=stroke, joint="curve")
            for px, py in (pts[0], pts[-1]):
                r = stroke / 2
                draw.ellipse((px - r, py - r, px + r, py + r), fill=WHITE)
        x += pitch
    return img.resize((diameter, diameter), Image.Resampling.LANCZOS)


def render(raw: Image.Image, lay: Layout) -> Image.Image:
    """The published picture (palette mode): redact, crop, scale, highlight, redact again, mark."""
    img = raw.convert("RGB")
    draw = ImageDraw.Draw(img)
    for b in lay.raw_redactions:  # first at full resolution, so resampling cannot bring anything back
        draw.rectangle((b.x0, b.y0, b.x1 - 1, b.y1 - 1), fill=REDACT)
    img = img.crop((lay.crop.x0, lay.crop.y0, lay.crop.x1, lay.crop.y1))
    if img.size != lay.size:
        img = img.resize(lay.size, Image.Resampling.LANCZOS)
    draw = ImageDraw.Draw(img)
    for b in lay.highlights:
        draw.rounded_rectangle((b.x0, b.y0, b.x1, b.y1), radius=6, outline=MARKER, width=3)
    for b in lay.redactions:  # again on the final grid: each region is exactly one colour
        draw.rectangle((b.x0, b.y0, b.x1 - 1, b.y1 - 1), fill=REDACT)
    for b, number in lay.markers:
        sprite = marker_sprite(number, lay.diameter)
        img.paste(sprite, (b.x0, b.y0), sprite)
    return img.quantize(colors=PALETTE, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)


def encode_png(img: Image.Image) -> bytes:
    """PNG bytes with only the image chunks: no text, time, EXIF or ICC, nothing after IEND."""
    clean = img.copy()
    clean.info.clear()  # Pillow writes an ICC profile or transparency it finds here
    buf = io.BytesIO()
    clean.save(buf, format="PNG", optimize=True)
    return buf.getvalue()


def png_chunks(data: bytes) -> list[tuple[str, int]]:
    """(type, length) of each chunk; ('<trailing>', n) when n bytes follow IEND."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, out = 8, []
    while pos < len(data):
        length = int.from_bytes(data[pos:pos + 4], "big")
        kind = data[pos + 4:pos + 8].decode("latin-1")
        out.append((kind, length))
        pos += 12 + length
        if kind == "IEND":
            break
    if pos < len(data):
        out.append(("<trailing>", len(data) - pos))
    return out


def single_colour(img: Image.Image, boxes: Sequence[Box]) -> list[Box]:
    rgb = img.convert("RGB")
    return [b for b in boxes if len(rgb.crop((b.x0, b.y0, b.x1, b.y1)).getcolors(1) or []) != 1]


def marker_problems(img: Image.Image, lay: Layout) -> list[int]:
    """The markers a picture does not show: the ring inside the white rim must be the marker's colour."""
    rgb = img.convert("RGB")
    missing = []
    for b, number in lay.markers:
        cx, cy, r = (b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2, (b.x1 - b.x0) / 2 * 0.8
        points = [(round(cx + r * math.cos(math.radians(a))), round(cy + r * math.sin(math.radians(a))))
                  for a in range(0, 360, 15)]
        close = [p for p in points if sum(abs(c - w) for c, w in zip(rgb.getpixel(p), MARKER)) <= 40]
        if len(close) < len(points) * 2 // 3:
            missing.append(number)
    return missing
