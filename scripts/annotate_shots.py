"""Render the published screenshots from shots/: crop, highlight, numbered markers, solid redactions.

    scripts/annotate_shots.py                 # every shots/*.yml -> docs/images/NAME.png
    scripts/annotate_shots.py --check         # exit 1 if a committed picture differs from its sources
    scripts/annotate_shots.py --legends       # exit 1 if a page's legend does not match its picture's markers

The same sources give byte-identical files. Exit 0 fine, 1 a check failed (budget, drift, legend), 2 bad spec,
missing capture or bad usage; each problem is one line naming the file and the field.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image
from shot_draw import encode_png, render
from shot_spec import MAX_BYTES, MAX_WIDTH, Layout, Run, Spec, SpecError, layout, load_boxes, load_spec, shown
from shot_text import quoted_labels, text_problems

ROOT = Path(__file__).resolve().parent.parent
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
    """Read the raw capture of one spec and render its published PNG bytes (raises SpecError on bad input)."""
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
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images", help="where the pictures go")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a picture would change")
    parser.add_argument("--legends", action="store_true", help="only check the legends in --docs pages")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="pages to check with --legends")
    args = parser.parse_args(argv)
    paths = args.specs or [shown(p) for p in sorted((ROOT / "shots").glob("*.yml"))]
    if not paths:
        print("annotate_shots: no specs given and none in shots/", file=sys.stderr)
        return 2
    try:
        specs = [load_spec(p) for p in paths]
        if args.legends:
            problems = check_legends(args.docs, specs)
            for line in problems:
                print(line)
            print(f"{len(problems)} legend problem(s) in {args.docs}")
            return 1 if problems else 0
        rendered = [render_spec(s) for s in specs]
    except SpecError as exc:
        print(exc, file=sys.stderr)
        return 2
    quoted = quoted_labels()
    problems = [p for r in rendered for p in budget_problems(r) + text_problems(r.spec, r.runs, r.layout, quoted)]
    for r in rendered:
        target = args.out / r.filename
        if any(p.startswith(f"{r.spec.path}:") for p in problems):
            continue
        same = target.is_file() and target.read_bytes() == r.png
        if args.check and not same:
            problems.append(f"{target}: (file): differs from what {r.spec.path} renders (run `make shots`)")
        elif not args.check and not same:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(r.png)
            print(f"wrote {target} ({r.layout.size[0]}x{r.layout.size[1]}, {len(r.png)} bytes)")
    for line in problems:
        print(line)
    print(f"{len(rendered)} picture(s), {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
