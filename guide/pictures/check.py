"""make check's pictures: no original screenshot in git (once committed, a student's data stays in its history) and
no personal data OCR reads in a tracked or published picture; and each picture as `make shots` judges it."""
from __future__ import annotations

import re
import subprocess
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from guide.pictures import ocr as shot_ocr
from guide.pictures import text as shot_text

ORIGINALS = "shots/originals/"
KEEP = ORIGINALS + ".gitignore"  # keeps the folder in a clone; git takes nothing else from it
PICTURE = re.compile(r"\.(png|jpe?g|gif|webp|bmp|tiff?|heic|avif)$", re.IGNORECASE)


class NotARepository(Exception):
    pass


def git_files(root: Path, *args: str) -> list[str]:
    proc = subprocess.run(["git", "-C", str(root), "ls-files", "-z", *args], capture_output=True, check=False)
    if proc.returncode != 0:
        raise NotARepository(f"{root} is not a git repository ({proc.stderr.decode(errors='replace').strip()}): run "
                             "make check in the guide's clone")
    return sorted(p for p in proc.stdout.decode("utf-8", errors="replace").split("\0") if p)


def tracking_problems(root: Path) -> list[str]:
    """Files git tracks or has staged that must stay on this machine."""
    originals = [f"{path}: an original screenshot is in git: run `git rm --cached {path}` before you commit (if it "
                 "was already committed, its data is in the history: tell a developer)"
                 for path in git_files(root) if path.startswith(ORIGINALS) and path != KEEP]
    return originals + [f"{path}: .gitignore keeps this file out of the repository, but git tracks it: run `git rm "
                        f"--cached {path}`" for path in git_files(root, "--cached", "--ignored", "--exclude-standard")
                        if not path.startswith(ORIGINALS) or path == KEEP]


def ocr_problems(root: Path, paths: Sequence[str]) -> list[str]:
    digits, words = shot_text.guide_quotes(root)
    cache = shot_ocr.Cache(root / shot_ocr.CACHE)  # the check itself runs every time: a quote changed applies at once

    def one(path: str) -> list[str]:
        lines = cache.lines((root / path).read_bytes())
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
    """What `make shots` reports, with each published picture that differs from its spec and each page's legends."""
    from guide.pictures import annotate
    from guide.pictures.spec import SpecError, load_spec, shown

    problems: list[str] = []
    notes: list[str] = []
    specs = []
    docs, out = shown(root / "docs"), shown(root / "docs" / "images")
    for path in sorted((root / "shots").glob("*.yml")):
        try:
            specs.append(load_spec(shown(path)))  # a spec that loads counts for the legends even if it cannot render
            _, _, found, noted = annotate.judge(specs[-1:], out, docs, shot_ocr.Cache(root / shot_ocr.CACHE), True, root)
        except SpecError as exc:
            problems.append(f"{exc} (then run `make shots`)")
            continue
        problems += found
        notes += noted
    if specs and docs.is_dir():
        problems += annotate.check_legends(docs, specs)
    for picture in sorted(out.glob("*.png")) if specs and out.is_dir() else []:  # a project that makes pictures
        if not (root / "shots" / f"{picture.stem}.yml").is_file():
            problems.append(f"{picture}: (file): no spec shots/{picture.stem}.yml makes this picture: delete it, or "
                            "bring it in with `make mark-picture` (a screenshot) or a spec (a drawing)")
    return problems, notes
