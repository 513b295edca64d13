"""Render the published screenshots from shots/: crop, highlight, numbered markers, solid redactions.

    make shots                                        # every shots/*.yml -> docs/images/NAME.png
    python -m guide.pictures.annotate --check         # exit 1 if a committed picture differs from its sources
    python -m guide.pictures.annotate --legends       # exit 1 if a page's legend does not match its picture's markers

The same sources give byte-identical files. A screenshot (kind: screenshot) is rendered from its original in
shots/originals/; where the original is not (a fresh clone), its committed picture is kept and checked against its
spec instead: size, solid black-outs, markers. Every picture is also checked against the pages that show it: the
caption and alt text its kind calls for, its size; and a screenshot against its steps, by OCR (truth.py).
Exit 0 fine, 1 a check failed (budget, drift, legend, caption, a label OCR cannot read), 2 bad spec, missing capture
or bad usage; each problem is one line naming the file and the field.
"""
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
from guide.pictures.intake import OriginalMissing, screenshot_original
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

ROOT = Path(__file__).resolve().parents[2]
CACHE = ".cache/check-pictures"  # OCR readings by the picture's hash, shared with check.py (make check)
IMAGE_RE = re.compile(r"!\[[^\]]*\]\((?:\.\./)*images/([\w.-]+\.png)\)")
ITEM_RE = re.compile(r"^(\d+)\.\s+\S")


@dataclass(frozen=True)
class Rendered:
    spec: Spec
    layout: Layout
    png: bytes
    runs: tuple[Run, ...] = ()

    @property
    def filename(self) -> str:
        return f"{self.spec.name}.png"


def render_spec(spec: Spec) -> Rendered:
    """Read the raw capture (a drawing) or the original (a screenshot) of one spec and render its published PNG
    bytes (raises SpecError on bad input, OriginalMissing when a screenshot's original is not here)."""
    if spec.kind == "screenshot":
        original = screenshot_original(spec)
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
        out.append(f"{r.spec.path}: (output) bytes: {r.filename} is {len(r.png)} bytes, over {MAX_BYTES}")
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
        for b in dict.fromkeys(bad):
            problems.append(f"{path}: (file): the black-out {[b.x0, b.y0, b.x1, b.y1]} of {spec.path} is not one "
                            "solid fill: run `make shots` with the original")
        for number in marker_problems(img, lay):
            problems.append(f"{path}: (file): marker {number} of {spec.path} is not drawn: run `make shots` with "
                            "the original")
    return problems


def truth_problems(spec: Spec, png: bytes, docs: Path, cache: shot_ocr.Cache | None = None) -> list[str]:
    """What the pages say about the picture (caption, alt text, size), and for a screenshot what OCR reads in it."""
    return truth_judgement(spec, png, docs, cache).problems


def truth_judgement(spec: Spec, png: bytes, docs: Path, cache: shot_ocr.Cache | None = None,
                    root: Path | None = None) -> shot_truth.Judgement:
    """truth_problems, with the notes of labels that rest on the office's tick; OCR readings kept in `cache`."""
    cache = cache or shot_ocr.Cache(None)
    includes = (root or ROOT) / "includes"
    includes = includes if includes.is_dir() else ROOT / "includes"  # a scratch project without includes/
    with Image.open(io.BytesIO(png)) as img:
        img.load()
        size = img.size
    places = shot_truth.uses(docs, f"{spec.name}.png")
    problems = shot_truth.page_problems(spec, size, places, shot_truth.load_kinds(includes / "picture-kinds.yml"))
    if spec.kind != "screenshot":
        return shot_truth.Judgement(problems, [])
    lay = screenshot_layout(spec, size)
    found = shot_truth.judge_screenshot(spec, cache.lines(png), places,
                                        shot_truth.load_labels(includes / "ui-labels.yml"), lay.diameter,
                                        lambda y0, y1: cache.band(png, y0, y1))
    return shot_truth.Judgement(problems + found.problems, found.notes)


def personal_data_problems(root: Path, cache: shot_ocr.Cache, rendered: Sequence[Rendered]) -> list[str]:
    """A screenshot rendered from its original is read for personal data, as `make check` reads committed pictures,
    before it may be written: a black-out that misses something keeps it out of docs/images/."""
    digits, words = guide_quotes(root)
    return [f"{r.spec.path}: redact: OCR reads {f.what}, {f.masked()}, at {f.box.x0},{f.box.y0}-{f.box.x1},{f.box.y1}"
            f" of the rendered picture: black it out (make mark-picture NAME={r.spec.name}); nothing was written"
            for r in rendered for f in shot_ocr.personal_data(cache.lines(r.png), digits, words)]


@dataclass
class Report:
    """What `make shots` finds: the pictures rendered from their sources, those kept (a screenshot without its
    original here), the problems (each one line naming the file) and the notes (not problems)."""

    rendered: list[Rendered]
    kept: list[Spec]
    problems: list[str]
    notes: list[str]


def judge(specs: Sequence[Spec], out: Path, docs: Path, cache: shot_ocr.Cache, check: bool,
          root: Path = ROOT) -> Report:
    """Render every spec and judge it as `make shots` does: budgets, a drawing's text, caption, alt text and size in
    the pages, a screenshot's labels and markers by OCR, a kept screenshot against its spec; with check, also every
    published picture that differs from what its sources render. Legends are checked_legends'. Raises SpecError
    (bad spec, missing capture) and OcrUnavailable."""
    rendered, kept = [], []
    for s in specs:
        try:
            rendered.append(render_spec(s))
        except OriginalMissing:
            kept.append(s)
    quoted = quoted_labels(root / "includes" / "ui-labels.yml")
    problems = [p for r in rendered for p in budget_problems(r)]
    problems += [p for r in rendered if r.spec.kind == "drawing" for p in text_problems(r.spec, r.runs, r.layout, quoted)]
    problems += personal_data_problems(root, cache, [r for r in rendered if r.spec.kind == "screenshot"])
    notes: list[str] = []
    for r in rendered:
        found = truth_judgement(r.spec, r.png, docs, cache, root)
        problems += found.problems
        notes += found.notes
    for s in kept:
        target = out / f"{s.name}.png"
        missing = committed_problems(s, target)
        problems += missing
        if not missing:
            found = truth_judgement(s, target.read_bytes(), docs, cache, root)
            problems += found.problems
            notes += found.notes
    if check:
        for r in rendered:
            target = out / r.filename
            if not (target.is_file() and target.read_bytes() == r.png):
                problems.append(f"{target}: (file): differs from what {r.spec.path} renders (run `make shots`)")
    return Report(rendered, kept, problems, notes)


def marker_counts(specs: Sequence[Spec]) -> dict[str, int]:
    return {f"{s.name}.png": len(s.markers) for s in specs}


def legend_problems(text: str, page: str, counts: dict[str, int]) -> list[str]:
    """Each picture must be followed (after blank lines and at most one caption line) by an ordered list numbered
    1, 2, ... with one item per marker."""
    lines = text.splitlines()
    problems = []
    for i, line in enumerate(lines):
        for name in dict.fromkeys(IMAGE_RE.findall(line)):
            where = f"{page}:{i + 1}"
            if name not in counts:
                problems.append(f"{where}: image: {name} has no spec in shots/")
                continue
            j, captions = i + 1, 0
            while j < len(lines) and not ITEM_RE.match(lines[j].strip()):
                if lines[j].strip():
                    captions += 1
                    if captions > 1:
                        break
                j += 1
            numbers: list[int] = []
            indent = len(lines[j]) - len(lines[j].lstrip()) if j < len(lines) else 0
            while j < len(lines):  # items at the first item's indent; deeper lines and blank lines belong to it
                stripped = lines[j].strip()
                cur = len(lines[j]) - len(lines[j].lstrip())
                m = ITEM_RE.match(stripped)
                if m and cur == indent:
                    numbers.append(int(m.group(1)))
                elif stripped and cur <= indent:
                    break
                j += 1
            want = counts[name]
            if not numbers:
                problems.append(f"{where}: legend: no ordered list after {name} ({want} markers)")
            elif numbers != list(range(1, want + 1)):
                problems.append(f"{where}: legend: {name} has markers 1-{want}, the legend is numbered"
                                f" {', '.join(map(str, numbers))}")
    return problems


def check_legends(docs: Path, specs: Sequence[Spec]) -> list[str]:
    counts = marker_counts(specs)
    problems = []
    for md in sorted(docs.glob("*.md")):
        problems += legend_problems(md.read_text(encoding="utf-8"), str(md), counts)
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render annotated screenshots from shots/ into docs/images/.")
    parser.add_argument("specs", nargs="*", type=Path, help="spec files (default: shots/*.yml)")
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="the project: its includes/ and shots/ (default: the working folder, where make runs)")
    parser.add_argument("--out", type=Path, help="where the pictures go (default: ROOT/docs/images)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a picture would change")
    parser.add_argument("--legends", action="store_true", help="only check the legends in --docs pages")
    parser.add_argument("--docs", type=Path, help="pages to check with --legends (default: ROOT/docs)")
    args = parser.parse_args(argv)
    root = args.root
    args.out = args.out or root / "docs" / "images"
    args.docs = args.docs or root / "docs"
    paths = args.specs or [shown(p) for p in sorted((root / "shots").glob("*.yml"))]
    if not paths:
        print("make shots: no specs given and none in shots/", file=sys.stderr)
        return 2
    try:
        specs = [load_spec(p) for p in paths]
        if args.legends:
            problems = check_legends(args.docs, specs)
            for line in problems:
                print(line)
            print(f"{len(problems)} legend problem(s) in {args.docs}")
            return 1 if problems else 0
    except SpecError as exc:
        print(exc, file=sys.stderr)
        return 2
    try:
        report = judge(specs, args.out, args.docs, shot_ocr.Cache(root / CACHE), args.check, root)
    except SpecError as exc:
        print(exc, file=sys.stderr)
        return 2
    except shot_ocr.OcrUnavailable as exc:
        print(f"make shots: {exc}", file=sys.stderr)
        return 2
    rendered, kept, problems = report.rendered, report.kept, report.problems
    for s in kept:
        print(f"kept {args.out / f'{s.name}.png'}: its original {s.original_path} is not on this machine")
    for r in rendered:
        target = args.out / r.filename
        if args.check or any(p.startswith(f"{r.spec.path}:") for p in problems):
            continue
        if not (target.is_file() and target.read_bytes() == r.png):
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(r.png)
            print(f"wrote {target} ({r.layout.size[0]}x{r.layout.size[1]}, {len(r.png)} bytes)")
    for line in report.notes:
        print(line)
    for line in problems:
        print(line)
    print(f"{len(rendered) + len(kept)} picture(s), {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
