"""No original screenshot and no readable personal data in anything the repository holds.

    make check                         # runs this check among the others
    python -m guide.pictures.check     # alone: every picture git tracks (or has staged), and docs/images/
    python -m guide.pictures.check --no-ocr   # only the quick part: no original, nothing git ignores, is tracked

An original screenshot (shots/originals/) shows a student's data in full; once committed it stays in git history,
which no later commit removes. So the check fails when any file there is tracked or staged, when any tracked file is
one that .gitignore says to keep out, and when OCR reads a phone- or passport-like number, an e-mail address other
than CHSI's, or a Latin name in SURNAME GIVENNAME form in a tracked picture or a published one, except the numbers and
words the guide itself quotes (includes/facts.yml, includes/ui-labels.yml). OCR readings are kept in
.cache/check-pictures/ by the picture's hash, so a second run reads only pictures that changed. Each problem is one line naming the file
and, for OCR, the box (x0,y0-x1,y1 in the picture's pixels). Exit 0 clean, 1 problems found, 2 misuse (no git).
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from guide.pictures import ocr as shot_ocr
from guide.pictures import text as shot_text

# OCR readings by the hash of the picture's bytes (git-ignored, like all of .cache/).
CACHE = ".cache/check-pictures"
ORIGINALS = "shots/originals/"
KEEP = ORIGINALS + ".gitignore"  # keeps the folder in a clone; git takes nothing else from it
PICTURE = re.compile(r"\.(png|jpe?g|gif|webp|bmp|tiff?|heic|avif)$", re.IGNORECASE)


class NotARepository(Exception):
    pass


def git_files(root: Path, *args: str) -> list[str]:
    proc = subprocess.run(["git", "-C", str(root), "ls-files", "-z", *args], capture_output=True, check=False)
    if proc.returncode != 0:
        raise NotARepository(proc.stderr.decode(errors="replace").strip() or "git ls-files failed")
    return sorted(p for p in proc.stdout.decode("utf-8", errors="replace").split("\0") if p)


def tracking_problems(root: Path) -> list[str]:
    """Files git tracks or has staged that must stay on this machine."""
    problems = []
    for path in git_files(root):
        if path.startswith(ORIGINALS) and path != KEEP:
            problems.append(f"{path}: an original screenshot is in git: run `git rm --cached {path}` before you "
                            "commit (if it was already committed, its data is in the history: tell a developer)")
    for path in git_files(root, "--cached", "--ignored", "--exclude-standard"):
        if not path.startswith(ORIGINALS) or path == KEEP:
            problems.append(f"{path}: .gitignore keeps this file out of the repository, but git tracks it: "
                            f"run `git rm --cached {path}`")
    return problems


def read_lines_cached(root: Path, picture: Path) -> list[shot_ocr.Line]:
    """What OCR reads in a picture, kept in .cache/check-pictures/ under the hash of the picture's bytes (ocr.Cache).
    The check itself runs on every call, so a change to the numbers and words the guide quotes applies at once."""
    return cache(root).lines(picture.read_bytes())


def cache(root: Path) -> shot_ocr.Cache:
    return shot_ocr.Cache(root / CACHE)


def ocr_problems(root: Path, paths: Sequence[str]) -> list[str]:
    digits, words = shot_text.guide_quotes(root)

    def one(path: str) -> list[str]:
        lines = read_lines_cached(root, root / path)
        return [f"{path}: (box {f.box.x0},{f.box.y0}-{f.box.x1},{f.box.y1}): OCR reads {f.what}, {f.masked()}: "
                "black it out (`make mark-picture NAME=...`), or if this is an original, move it to "
                f"{ORIGINALS} and `git rm --cached {path}`"
                for f in shot_ocr.personal_data(lines, digits, words)]

    with ThreadPoolExecutor(max_workers=2) as pool:
        return [p for found in pool.map(one, paths) for p in found]


def pictures(root: Path) -> list[str]:
    """Every picture git tracks or has staged, and every published picture (also before it is added)."""
    tracked = [p for p in git_files(root) if PICTURE.search(p) and (root / p).is_file()]
    published = [p.relative_to(root).as_posix() for p in sorted((root / "docs" / "images").glob("*"))
                 if PICTURE.search(p.name)]
    return sorted(set(tracked) | set(published))


def shots_findings(root: Path) -> tuple[list[str], list[str]]:
    """What `make shots` would report for shots/*.yml, judged as it judges (annotate.judge, with the same OCR cache),
    and whether each published picture is what its sources render; with the page legends. Problems and notes."""
    from guide.pictures import annotate
    from guide.pictures.spec import SpecError, load_spec, shown

    problems: list[str] = []
    notes: list[str] = []
    specs = []
    for path in sorted((root / "shots").glob("*.yml")):
        try:
            specs.append(load_spec(shown(path)))
        except SpecError as exc:
            problems.append(f"{exc} (then run `make shots`)")
    docs, out = shown(root / "docs"), shown(root / "docs" / "images")
    for spec in specs:
        try:
            report = annotate.judge([spec], out, docs, cache(root), check=True, root=root)
        except SpecError as exc:
            problems.append(f"{exc} (then run `make shots`)")
            continue
        problems += report.problems
        notes += report.notes
    if specs and docs.is_dir():
        problems += annotate.check_legends(docs, specs)
    named = {spec.name for spec in specs}
    for picture in sorted(out.glob("*.png")) if specs and out.is_dir() else []:  # a project that makes pictures
        if picture.stem not in named and not (root / "shots" / f"{picture.stem}.yml").is_file():
            problems.append(f"{picture}: (file): no spec shots/{picture.stem}.yml makes this picture: delete it, or "
                            "bring it in with `make mark-picture` (a screenshot) or a spec (a drawing)")
    return problems, notes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Fail if an original screenshot or readable personal data is in "
                                                 "the repository.")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the repository (default: the working folder)")
    parser.add_argument("--no-ocr", action="store_true", help="only check what git tracks, without reading pictures")
    args = parser.parse_args(argv)
    try:
        problems = tracking_problems(args.root)
        checked = pictures(args.root)
        notes: list[str] = []
        if not args.no_ocr:
            problems += ocr_problems(args.root, [p for p in checked if not p.startswith(ORIGINALS)])
            found, notes = shots_findings(args.root)
            problems += found
    except NotARepository as exc:
        print(f"pictures: {args.root} is not a git repository ({exc})", file=sys.stderr)
        return 2
    except shot_ocr.OcrUnavailable as exc:
        print(f"pictures: {exc}", file=sys.stderr)
        return 2
    for line in notes + problems:
        print(line)
    read = "tracking only" if args.no_ocr else "read by OCR, and judged against their specs and pages as `make shots` does"
    print(f"pictures: {len(checked)} checked ({read}), {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
