"""make capture: each spec's page in Debian's headless Chromium -> shots/raw/NAME.png and the boxes of its targets.
Exit 1 a target was not found, 2 a bad spec or usage, no Chromium or no page: one line on stderr, never a traceback."""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from guide.pictures.spec import Spec, SpecError, load_spec, shown
from guide.pictures.text import TEXTS_JS

CHROMIUM = "/usr/bin/chromium"  # Debian's; never a downloaded browser
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--no-first-run"]

# Runs in the page: the box of the first element each selector matches, in page pixels, rounded outward.
BOXES_JS = """(targets) => {
  const out = {};
  for (const [name, sel] of Object.entries(targets)) {
    const el = document.querySelector(sel);
    if (!el) { out[name] = null; continue; }
    const r = el.getBoundingClientRect();
    out[name] = [Math.floor(r.left + scrollX), Math.floor(r.top + scrollY),
                 Math.ceil(r.right + scrollX), Math.ceil(r.bottom + scrollY)];
  }
  return out;
}"""


class CaptureError(Exception):  # the browser could not start or a page could not be opened (exit 2): its line
    pass


def first_line(exc: BaseException) -> str:
    """Playwright's messages go on with a call log: the first line says what failed."""
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def page_url(spec: Spec) -> str:
    if "://" in spec.page:
        return spec.page
    return (spec.path.parent / spec.page).resolve().as_uri()


def capture(specs: Sequence[Spec]) -> list[str]:
    from playwright.sync_api import Error as PlaywrightError  # imported here: annotating needs no browser
    from playwright.sync_api import sync_playwright

    problems: list[str] = []
    with sync_playwright() as pw:
        try:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        except PlaywrightError as exc:
            raise CaptureError(f"make capture: cannot start Chromium ({CHROMIUM}): {first_line(exc)}") from None
        try:
            for spec in specs:
                url = page_url(spec)
                page = browser.new_page(viewport={"width": spec.viewport[0], "height": spec.viewport[1]},
                                        device_scale_factor=1, locale="zh-CN")
                try:
                    page.goto(url, wait_until="networkidle")
                except PlaywrightError as exc:
                    raise CaptureError(f"make capture: {spec.path}: cannot open {url}: {first_line(exc)}") from None
                page.evaluate("document.fonts.ready")
                found = page.evaluate(BOXES_JS, spec.targets)
                missing = [f"{spec.path}: capture.targets.{name}: {spec.targets[name]!r} matches nothing at {url}"
                           for name, box in found.items() if box is None]
                problems += missing
                if not missing:
                    png = page.screenshot(full_page=True, animations="disabled", caret="hide")
                    size = page.evaluate("[document.documentElement.scrollWidth,"
                                         " document.documentElement.scrollHeight]")
                    spec.raw_png.parent.mkdir(parents=True, exist_ok=True)
                    spec.raw_png.write_bytes(png)
                    # texts: every run of text the page shows, for the check that a drawing shows only quoted labels
                    doc = {"page": spec.page, "viewport": list(spec.viewport), "size": size,
                           "targets": dict(sorted(found.items())), "texts": page.evaluate(TEXTS_JS) or []}
                    spec.raw_boxes.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
                    print(f"captured {spec.raw_png} ({len(found)} targets)")
                page.close()
        finally:
            browser.close()
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Capture raw screenshots and element boxes with headless Chromium.")
    parser.add_argument("specs", nargs="*", type=Path, help="spec files (default: shots/*.yml)")
    args = parser.parse_args(argv)
    paths = args.specs or [shown(p) for p in sorted((Path.cwd() / "shots").glob("*.yml"))]  # the project make runs in
    try:
        specs = [load_spec(p) for p in paths]
        problems = capture(specs)
    except (SpecError, CaptureError) as exc:
        print(exc, file=sys.stderr)
        return 2
    for line in problems:
        print(line, file=sys.stderr)
    print(f"{len(specs) - len({p.split(':')[0] for p in problems})} of {len(specs)} captured")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
