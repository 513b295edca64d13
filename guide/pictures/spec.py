"""A picture's spec (shots/NAME.yml): read, checked (SpecError names the file and the field), laid out. A drawing
refers to its targets by name, so a new capture with the same names needs no other change."""
from __future__ import annotations

import datetime
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

MAX_WIDTH = 960  # published pixels
MAX_BYTES = 100_000
PHONE_COLUMN = 340  # CSS px of the narrowest text column the picture is shown in
MARKER_PHONE_PX = 21  # marker diameter as seen in that column
MARKER_MIN = 32  # marker diameter in published pixels, at least
GAP = 6  # between a marker and its target
SIDES = ("left", "right", "inside-left")
KINDS = ("drawing", "screenshot")
ORIGINALS = "originals"  # beside the specs; git-ignored


class SpecError(Exception):
    def __init__(self, path: Path | str, field: str, message: str) -> None:
        super().__init__(f"{path}: {field}: {message}")


@dataclass(frozen=True)
class Box:
    x0: int
    y0: int
    x1: int
    y1: int

    def moved(self, dx: int, dy: int) -> Box:
        return Box(self.x0 + dx, self.y0 + dy, self.x1 + dx, self.y1 + dy)

    def scaled(self, s: float) -> Box:
        """Scaled, rounded outward so a scaled redaction still covers every pixel it covered."""
        return Box(math.floor(self.x0 * s), math.floor(self.y0 * s), math.ceil(self.x1 * s), math.ceil(self.y1 * s))

    def grown(self, d: int) -> Box:
        return Box(self.x0 - d, self.y0 - d, self.x1 + d, self.y1 + d)

    def inside(self, w: int, h: int) -> bool:
        return 0 <= self.x0 < self.x1 <= w and 0 <= self.y0 < self.y1 <= h

    def overlaps(self, o: Box) -> bool:
        return self.x0 < o.x1 and o.x0 < self.x1 and self.y0 < o.y1 and o.y0 < self.y1


@dataclass(frozen=True)
class Run:  # a run of text the captured page draws, in raw pixels
    text: str
    box: Box


@dataclass(frozen=True)
class Marker:
    number: int
    target: str
    side: str
    at: tuple[int, int] | None = None  # a screenshot's marker: its centre, in the picture's pixels


@dataclass(frozen=True)
class Spec:
    name: str  # the published file is docs/images/NAME.png
    path: Path
    raw: str  # shots/raw/RAW.png and shots/raw/RAW.boxes.json
    page: str  # what capture.py opens: a file under shots/ or a URL
    viewport: tuple[int, int]
    targets: dict[str, str]  # name -> CSS selector
    crop: dict[str, str]  # edge ("box", "left", "top", "right", "bottom") -> target
    margin: tuple[int, int, int, int]  # top, right, bottom, left, in raw pixels
    width: int | None  # scale the crop to this many pixels wide
    highlights: tuple[str, ...]
    markers: tuple[Marker, ...]
    redactions: tuple[str, ...]
    kind: str = "drawing"
    taken: str | None = None  # a screenshot: the day it was taken (YYYY-MM-DD)
    original: str | None = None  # a screenshot: its file in shots/originals/
    redact_boxes: tuple[Box, ...] = ()  # a screenshot: black-outs in the picture's pixels
    shows: tuple[str, ...] = ()  # a screenshot: the labels of includes/ui-labels.yml that OCR reads in it
    fingerprint: str | None = None  # a screenshot: which original its marks were made on (intake.fingerprint)

    @property
    def original_path(self) -> Path:
        return self.path.parent / ORIGINALS / (self.original or f"{self.name}.png")

    @property
    def raw_png(self) -> Path:
        return self.path.parent / "raw" / f"{self.raw}.png"

    @property
    def raw_boxes(self) -> Path:
        return self.path.parent / "raw" / f"{self.raw}.boxes.json"


@dataclass(frozen=True)
class Layout:  # in raw pixels (crop, raw_redactions) and published pixels (the rest)
    crop: Box
    size: tuple[int, int]
    raw_redactions: tuple[Box, ...]
    redactions: tuple[Box, ...]
    highlights: tuple[Box, ...]
    markers: tuple[tuple[Box, int], ...]
    diameter: int


def _need(cond: bool, path: Path, field: str, message: str) -> None:
    if not cond:
        raise SpecError(path, field, message)


def _target(value: Any, path: Path, field: str, targets: dict[str, str]) -> str:
    _need(isinstance(value, str), path, field, f"expected a target name, got {value!r}")
    _need(value in targets, path, field, f"unknown target {value!r} (known: {', '.join(sorted(targets))})")
    return value


def _ints(value: Any, n: int) -> bool:
    return isinstance(value, list) and len(value) == n and all(isinstance(v, int) and v >= 0 for v in value)


def _known(data: dict, known: set[str], path: Path, kind: str = "") -> None:
    for key in data:
        _need(key in known, path, str(key), f"unknown field{kind} (expected one of: {', '.join(sorted(known))})")


def parse_screenshot(data: dict, path: Path) -> Spec:
    _known(data, {"kind", "taken", "original", "fingerprint", "width", "redact", "markers", "shows"}, path,
           " for a screenshot")
    taken, original, width = data.get("taken"), data.get("original"), data.get("width")
    _need(isinstance(taken, datetime.date), path, "taken",
          f"expected the day the screenshot was taken, written like 2026-12-06, got {taken!r}")
    _need(isinstance(original, str) and original.strip() and not {"/", "\\"} & set(original), path, "original",
          f"expected the file name of the screenshot in shots/{ORIGINALS}/, got {original!r}")
    _need(isinstance(width, int) and 0 < width <= MAX_WIDTH, path, "width",
          f"expected the picture's width in pixels, at most {MAX_WIDTH}, got {width!r}")
    redact = data.get("redact") or []
    for i, b in enumerate(redact):
        _need(_ints(b, 4) and b[0] < b[2] and b[1] < b[3], path, f"redact[{i}]",
              f"expected [left, top, right, bottom] in pixels, got {b!r} (mark it again with make mark-picture)")
    markers = []
    _need(isinstance(data.get("markers"), list) and data["markers"], path, "markers",
          "expected a list of [x, y] (numbered 1, 2, ... in order)")
    for i, item in enumerate(data["markers"]):
        _need(_ints(item, 2), path, f"markers[{i}]", f"expected [x, y] in pixels, got {item!r}")
        markers.append(Marker(i + 1, "", "centre", tuple(item)))
    shows = data.get("shows") or []
    _need(isinstance(shows, list) and all(isinstance(s, str) for s in shows), path, "shows",
          "expected a list of labels")
    fingerprint = data.get("fingerprint")
    _need(fingerprint is None or isinstance(fingerprint, str), path, "fingerprint",
          "expected the text make mark-picture wrote (save the markings again)")
    return Spec(path.stem, path, path.stem, "", (width, 0), {}, {}, (0, 0, 0, 0), width, (), tuple(markers), (),
                "screenshot", taken.isoformat(), original, tuple(Box(*b) for b in redact), tuple(shows), fingerprint)


def parse_spec(data: Any, path: Path) -> Spec:
    """Check a spec's structure and names; no files are read."""
    _need(isinstance(data, dict), path, "(top)", "expected a mapping")
    kind = data.get("kind", "drawing")
    _need(kind in KINDS, path, "kind", f"expected one of {KINDS}, got {kind!r}")
    if kind == "screenshot":
        return parse_screenshot(data, path)
    _known(data, {"kind", "raw", "capture", "crop", "width", "highlight", "markers", "redact"}, path)
    cap = data.get("capture")
    _need(isinstance(cap, dict), path, "capture", "expected a mapping with page, viewport, targets")
    _need(isinstance(cap.get("page"), str), path, "capture.page", "expected a file under shots/ or a URL")
    vp = cap.get("viewport")
    _need(isinstance(vp, list) and len(vp) == 2 and all(isinstance(v, int) and v > 0 for v in vp),
          path, "capture.viewport", f"expected [width, height], got {vp!r}")
    targets = cap.get("targets")
    _need(isinstance(targets, dict) and targets and all(isinstance(v, str) for v in targets.values()),
          path, "capture.targets", "expected a mapping of target name -> CSS selector")
    targets = {str(k): v for k, v in targets.items()}

    crop_data = data.get("crop", {})
    _need(isinstance(crop_data, dict), path, "crop", "expected a mapping")
    crop: dict[str, str] = {}
    for edge, value in crop_data.items():
        if edge != "margin":
            _need(edge in ("box", "left", "top", "right", "bottom"), path, f"crop.{edge}", "unknown crop field")
            crop[edge] = _target(value, path, f"crop.{edge}", targets)
    margin = crop_data.get("margin", 0)
    margin = [margin] * 4 if isinstance(margin, int) else margin
    _need(isinstance(margin, list) and len(margin) == 4 and all(isinstance(v, int) for v in margin), path,
          "crop.margin", f"expected an integer or [top, right, bottom, left], got {crop_data.get('margin')!r}")

    width = data.get("width")
    _need(width is None or (isinstance(width, int) and width > 0), path, "width", f"expected pixels, got {width!r}")

    highlights = tuple(_target(v, path, f"highlight[{i}].target", targets)
                       for i, v in enumerate(data.get("highlight", []) or []))
    markers = []
    _need(isinstance(data.get("markers"), list) and data["markers"], path, "markers",
          "expected a list (numbered 1, 2, ... in order)")
    for i, item in enumerate(data["markers"]):
        item = {"target": item} if isinstance(item, str) else item
        _need(isinstance(item, dict), path, f"markers[{i}]", "expected a target name or {target, side}")
        side = item.get("side", "left")
        _need(side in SIDES, path, f"markers[{i}].side", f"expected one of {SIDES}, got {side!r}")
        markers.append(Marker(i + 1, _target(item.get("target"), path, f"markers[{i}].target", targets), side))

    redactions = tuple(_target(v, path, f"redact[{i}]", targets) for i, v in enumerate(data.get("redact", []) or []))
    raw = data.get("raw", path.stem)
    _need(isinstance(raw, str) and raw, path, "raw", "expected the name of a capture in raw/")
    return Spec(path.stem, path, raw, cap["page"], (vp[0], vp[1]), targets, crop, tuple(margin), width,
                highlights, tuple(markers), redactions)


def shown(path: Path) -> Path:
    """Relative to the working directory when inside it, as a maintainer types it."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def load_spec(path: Path) -> Spec:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SpecError(path, "(file)", "no such spec") from None
    except yaml.YAMLError as exc:
        raise SpecError(path, "(yaml)", str(exc).replace("\n", " ")) from None
    return parse_spec(data, path)


def _box(value: Any, path: Path, field: str, message: str) -> Box:
    _need(isinstance(value, list) and len(value) == 4, path, field, message)
    return Box(*(int(v) for v in value))


def load_boxes(spec: Spec) -> tuple[tuple[int, int], dict[str, Box], list[Run]]:
    """The raw capture's size, element boxes and text runs; every target the spec names must be there."""
    path = spec.raw_boxes
    _need(spec.raw_png.is_file(), spec.path, "raw", f"missing raw capture {spec.raw_png} (run `make capture`)")
    _need(path.is_file(), spec.path, "raw", f"missing element boxes {path} (run `make capture`)")
    data = json.loads(path.read_text(encoding="utf-8"))
    size = data.get("size")
    _need(isinstance(size, list) and len(size) == 2, path, "size", "expected [width, height]")
    boxes = {name: _box(b, path, f"targets.{name}", "expected [x0, y0, x1, y1]")
             for name, b in (data.get("targets") or {}).items()}
    for name in spec.targets:
        _need(name in boxes, path, f"targets.{name}", f"target of {spec.path} not in the capture (re-capture)")
    texts = data.get("texts")
    _need(isinstance(texts, list), path, "texts", "missing the page's text runs (re-capture with `make capture`)")
    runs = []
    for i, item in enumerate(texts):
        message = "expected {text, box: [x0, y0, x1, y1]}"
        _need(isinstance(item, dict) and isinstance(item.get("text"), str), path, f"texts[{i}]", message)
        runs.append(Run(item["text"], _box(item.get("box"), path, f"texts[{i}]", message)))
    return (int(size[0]), int(size[1])), boxes, runs


def marker_diameter(width: int) -> int:
    """Large enough to read when the picture is shrunk to the phone column."""
    return max(MARKER_MIN, math.ceil(MARKER_PHONE_PX * width / PHONE_COLUMN))


def _marker_box(t: Box, side: str, d: int) -> Box:
    cx, cy = (t.x0 + t.x1) // 2, (t.y0 + t.y1) // 2
    x = {"left": t.x0 - GAP - d, "right": t.x1 + GAP, "inside-left": t.x0 + GAP}.get(side, cx - d // 2)
    return Box(x, cy - d // 2, x + d, cy - d // 2 + d)


def layout(spec: Spec, raw_size: tuple[int, int], boxes: dict[str, Box]) -> Layout:
    main = boxes[spec.crop["box"]] if "box" in spec.crop else Box(0, 0, raw_size[0], raw_size[1])
    edge = {k: getattr(boxes[v], {"left": "x0", "top": "y0", "right": "x1", "bottom": "y1"}[k])
            for k, v in spec.crop.items() if k != "box"}
    top, right, bottom, left = spec.margin
    crop = Box(max(edge.get("left", main.x0) - left, 0), max(edge.get("top", main.y0) - top, 0),
               min(edge.get("right", main.x1) + right, raw_size[0]), min(edge.get("bottom", main.y1) + bottom, raw_size[1]))
    _need(crop.x1 > crop.x0 and crop.y1 > crop.y0, spec.path, "crop", "the crop is empty")
    scale = spec.width / (crop.x1 - crop.x0) if spec.width else 1.0
    size = (round((crop.x1 - crop.x0) * scale), round((crop.y1 - crop.y0) * scale))

    def out(name: str) -> Box:
        return boxes[name].moved(-crop.x0, -crop.y0).scaled(scale)

    red = tuple(out(n) for n in spec.redactions)
    for i, b in enumerate(red):
        _need(b.overlaps(Box(0, 0, *size)), spec.path, f"redact[{i}]", f"{spec.redactions[i]!r} is outside the crop")
    d = marker_diameter(size[0])
    placed = [(_marker_box(out(m.target), m.side, d), m, f"at {m.side} of {m.target!r}") for m in spec.markers]
    return Layout(crop, size, tuple(boxes[n] for n in spec.redactions), red,
                  tuple(out(t).grown(4) for t in spec.highlights),
                  _checked_markers(spec, placed, red, size), d)


def _checked_markers(spec: Spec, placed: list[tuple[Box, Marker, str]], red: tuple[Box, ...],
                     size: tuple[int, int]) -> tuple[tuple[Box, int, str], ...]:
    markers: list[tuple[Box, int, str]] = []
    for i, (b, m, where) in enumerate(placed):
        _need(b.inside(*size), spec.path, f"markers[{i}]",
              f"marker {m.number} {where} is outside the picture {size[0]}x{size[1]} ({b})")
        for j, r in enumerate(red):
            _need(not b.overlaps(r), spec.path, f"markers[{i}]", f"marker {m.number} covers redact[{j}]")
        for other, n in markers:
            _need(not b.overlaps(other), spec.path, f"markers[{i}]", f"marker {m.number} covers marker {n}")
        markers.append((b, m.number))
    return tuple(markers)


def screenshot_layout(spec: Spec, size: tuple[int, int]) -> Layout:
    """A screenshot is published whole at its own size: black-outs and markers are in its pixels already."""
    w, h = size
    for i, b in enumerate(spec.redact_boxes):
        _need(b.inside(w, h), spec.path, f"redact[{i}]", f"{[b.x0, b.y0, b.x1, b.y1]} is outside the picture {w}x{h}")
    d = marker_diameter(w)
    placed = [(_marker_box(Box(*m.at, *m.at), m.side, d), m, f"at {list(m.at)}") for m in spec.markers]
    markers = _checked_markers(spec, placed, spec.redact_boxes, size)
    return Layout(Box(0, 0, w, h), size, spec.redact_boxes, spec.redact_boxes, (), markers, d)


def drawn_text(shots: Path) -> str:
    """The screen text the pictures show, one run a line: a label found here is in use even if no page bolds it."""
    out = []
    for path in sorted(shots.glob("*.yml")):
        try:
            spec = load_spec(path)
        except SpecError:
            continue  # reported by annotate.py, naming the field
        if spec.kind == "screenshot":
            out += spec.shows
        elif spec.raw_boxes.is_file():
            runs = json.loads(spec.raw_boxes.read_text(encoding="utf-8")).get("texts") or []
            out += [run["text"] for run in runs if isinstance(run, dict) and isinstance(run.get("text"), str)]
    return "\n".join(out)
