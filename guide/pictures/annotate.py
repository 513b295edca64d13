"""make shots: render shots/*.yml into docs/images/ and judge them (exit 1 a problem, 2 a bad spec or usage). A
screenshot whose original is not here (a fresh clone) keeps its committed picture, checked against its spec."""
from __future__ import annotations

import argparse
import io
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from guide.pictures import ocr as shot_ocr
from guide.pictures import truth as shot_truth
from guide.pictures.draw import REDACT, encode_png, marker_problems, png_chunks, render, single_colour
from guide.pictures.intake import OriginalMissing, open_original
from guide.pictures.spec import (
    MAX_BYTES,
    MAX_WIDTH,
    Layout,
    Run,
    Spec,
    SpecError,
    layout,
    load_boxes,
    load_spec,
    screenshot_layout,
    shown,
)
from guide.pictures.text import guide_quotes, quoted_labels, text_problems
from guide.sources import ui_labels

# A picture's one marker named in brackets in the sentence before it: "（图中 1）", "(1 in the drawing)".
ONE_MARKER = re.compile(r"[（(][^()（）]*(?<!\d)1(?!\d)[^()（）]*[)）]")


@dataclass(frozen=True)
class Rendered:
    spec: Spec
    layout: Layout
    png: bytes
    runs: tuple[Run, ...] = ()


def render_spec(spec: Spec) -> Rendered:
    """From its raw capture (a drawing) or its original (a screenshot: OriginalMissing when it is not here)."""
    if spec.kind == "screenshot":
        original = open_original(spec.original_path, spec.path, spec.width)
        lay = screenshot_layout(spec, original.size)
        return Rendered(spec, lay, encode_png(render(original, lay)))
    raw_size, boxes, runs = load_boxes(spec)
    lay = layout(spec, raw_size, boxes)
    with Image.open(spec.raw_png) as raw:
        if raw.size != raw_size:
            raise SpecError(spec.raw_boxes, "size", f"{list(raw_size)} but {spec.raw_png} is {list(raw.size)}")
        return Rendered(spec, lay, encode_png(render(raw, lay)), tuple(runs))


def budget_problems(r: Rendered) -> list[str]:
    out = []
    if r.layout.size[0] > MAX_WIDTH:
        out.append(f"{r.spec.path}: width: the picture is {r.layout.size[0]} px wide, over {MAX_WIDTH}"
                   " (crop narrower or set width)")
    if len(r.png) > MAX_BYTES:
        out.append(f"{r.spec.path}: (output) bytes: {r.spec.name}.png is {len(r.png)} bytes, over {MAX_BYTES}")
    return out


def committed_problems(spec: Spec, path: Path) -> list[str]:
    """A screenshot published without its original here: the committed picture must still be what its spec says."""
    if not path.is_file():
        return [(f"{spec.path}: original: {spec.original_path} is not on this machine and {path} does not exist:"
                 " put the screenshot in shots/originals/ and run `make shots`")]
    data = path.read_bytes()
    if png_chunks(data)[-1][0] != "IEND":
        return [f"{path}: (file): something follows the picture's end (IEND): run `make shots` with the original"]
    with Image.open(io.BytesIO(data)) as img:
        img.load()
        lay = screenshot_layout(spec, img.size)
        problems = []
        if img.width != spec.width:
            problems.append(f"{path}: (file): {img.width} px wide, but {spec.path} says width: {spec.width}")
        bad = single_colour(img, lay.redactions) + [b for b in lay.redactions
                                                     if img.convert("RGB").getpixel((b.x0, b.y0)) != REDACT]
        problems += [f"{path}: (file): the black-out {[b.x0, b.y0, b.x1, b.y1]} of {spec.path} is not one solid "
                     "fill: run `make shots` with the original" for b in dict.fromkeys(bad)]
        problems += [f"{path}: (file): marker {number} of {spec.path} is not drawn: run `make shots` with the original"
                     for number in marker_problems(img, lay)]
    return problems


def truth_judgement(spec: Spec, png: bytes, docs: Path, cache: shot_ocr.Cache,
                    root: Path) -> tuple[list[str], list[str]]:
    """The picture's problems and notes as its pages and (a screenshot) OCR find them."""
    with Image.open(io.BytesIO(png)) as img:
        size = img.size
    places = shot_truth.uses(docs, f"{spec.name}.png")
    problems = shot_truth.page_problems(spec, size, places, shot_truth.load_kinds(root / shot_truth.KINDS_FILE))
    if spec.kind != "screenshot":
        return problems, []
    found, notes = shot_truth.judge_screenshot(spec, cache.lines(png), places,
                                        list(ui_labels.load_labels(root / ui_labels.TABLE_FILE)),
                                        screenshot_layout(spec, size).diameter, lambda y0, y1: cache.band(png, y0, y1))
    return problems + found, notes


def judge(specs: Sequence[Spec], out: Path, docs: Path, cache: shot_ocr.Cache, check: bool,
          root: Path) -> tuple[list[Rendered], list[Spec], list[str], list[str]]:
    """Render and judge every spec as `make shots` does (with check, also a published picture that differs): the
    pictures rendered, those kept (no original here), the problems and the notes."""
    rendered, kept = [], []
    for s in specs:
        try:
            rendered.append(render_spec(s))
        except OriginalMissing:
            kept.append(s)
    quoted = quoted_labels(root / ui_labels.TABLE_FILE)
    problems = [p for r in rendered for p in budget_problems(r)]
    problems += [p for r in rendered if r.spec.kind == "drawing" for p in text_problems(r.spec, r.runs, r.layout, quoted)]
    # A screenshot is read for personal data as `make check` reads committed pictures, before it may be written.
    digits, words = guide_quotes(root)
    problems += [f"{r.spec.path}: redact: OCR reads {f.what}, {f.masked()}, at {f.box.x0},{f.box.y0}-{f.box.x1},"
                 f"{f.box.y1} of the rendered picture: black it out (make mark-picture NAME={r.spec.name}); nothing "
                 "was written" for r in rendered if r.spec.kind == "screenshot"
                 for f in shot_ocr.personal_data(cache.lines(r.png), digits, words)]
    notes: list[str] = []
    for spec, png in [(r.spec, r.png) for r in rendered] + [(s, None) for s in kept]:
        picture = out / f"{spec.name}.png"  # a kept one is judged as committed, if it is what its spec says
        if png is None and (missing := committed_problems(spec, picture)):
            problems += missing
            continue
        found, noted = truth_judgement(spec, png or picture.read_bytes(), docs, cache, root)
        problems += found
        notes += noted
    problems += [f"{target}: (file): differs from what {r.spec.path} renders (run `make shots`)" for r in rendered
                 if check and not ((target := out / f"{r.spec.name}.png").is_file() and target.read_bytes() == r.png)]
    return rendered, kept, problems, notes


def legend_problems(text: str, page: str, counts: dict[str, int]) -> list[str]:
    """After each picture (and its caption) an ordered list, one item per marker; one marker may instead be named
    in brackets in the sentence before it ("(1 in the drawing)"): a one-item list reads as a translation."""
    lines = text.splitlines()
    problems = []
    for i, line in enumerate(lines):
        for name in dict.fromkeys(m.group("file") for m in shot_truth.IMAGE.finditer(line)):
            where = f"{page}:{i + 1}"
            if name not in counts:
                problems.append(f"{where}: image: {name} has no spec in shots/")
                continue
            numbers = [step.number for step in shot_truth.steps_after(lines, i + 1)[1]]
            want = counts[name]
            before = next((ln for ln in reversed(lines[:i]) if ln.strip()), "")
            if not numbers and want == 1 and ONE_MARKER.search(before):
                continue  # one marker, named in the sentence that leads to the picture
            if not numbers:
                problems.append(f"{where}: legend: no ordered list after {name} ({want} markers): after the picture "
                                f"(and its caption) list what each numbered marker shows, 1 to {want}"
                                + (", or name the one marker in brackets in the sentence before it, e.g. "
                                   "(1 in the drawing)" if want == 1 else ""))
            elif numbers != list(range(1, want + 1)):
                problems.append(f"{where}: legend: {name} has markers 1-{want}, the legend is numbered"
                                f" {', '.join(map(str, numbers))}")
    return problems


def check_legends(docs: Path, specs: Sequence[Spec]) -> list[str]:
    counts = {f"{s.name}.png": len(s.markers) for s in specs}
    return [p for md in sorted(docs.glob("*.md")) for p in legend_problems(md.read_text(encoding="utf-8"), str(md), counts)]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render annotated screenshots from shots/ into docs/images/.")
    parser.add_argument("specs", nargs="*", type=Path, help="spec files (default: shots/*.yml)")
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="the project: its includes/ and shots/ (default: the working folder, where make runs)")
    args = parser.parse_args(argv)
    root = args.root
    out = root / "docs" / "images"
    paths = args.specs or [shown(p) for p in sorted((root / "shots").glob("*.yml"))]
    if not paths:
        print("make shots: no specs given and none in shots/", file=sys.stderr)
        return 2
    try:
        specs = [load_spec(p) for p in paths]
        rendered, kept, problems, notes = judge(specs, out, root / "docs", shot_ocr.Cache(root / shot_ocr.CACHE), False,
                                                root)
    except (SpecError, shot_ocr.OcrUnavailable) as exc:  # tesseract's absence is not a spec's: make shots says it
        print(exc if isinstance(exc, SpecError) else f"make shots: {exc}", file=sys.stderr)
        return 2
    for s in kept:
        print(f"kept {out / f'{s.name}.png'}: its original {s.original_path} is not on this machine")
    for r in rendered:
        target = out / f"{r.spec.name}.png"
        if any(p.startswith(f"{r.spec.path}:") for p in problems) or target.is_file() and target.read_bytes() == r.png:
            continue  # a picture with a problem is not written, nor one that is already as rendered
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(r.png)
        print(f"wrote {target} ({r.layout.size[0]}x{r.layout.size[1]}, {len(r.png)} bytes)")
    for line in notes + problems:
        print(line)
    print(f"{len(rendered) + len(kept)} picture(s), {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
