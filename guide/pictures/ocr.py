"""Read a picture with Debian's tesseract: lines of text, personal data among them, whether a label is readable.
OCR is imperfect: a label counts with one character in six misread; personal data errs on finding too much."""
from __future__ import annotations

import contextlib
import hashlib
import io
import itertools
import json
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import astuple, dataclass
from pathlib import Path

from PIL import Image, ImageChops, ImageFilter

from guide.pictures.draw import MARKER, REDACT
from guide.pictures.spec import Box

TESSERACT = "tesseract"
SURE = 70  # tesseract's confidence (0-100) in a word; its readings of Chinese glyphs as capitals score far lower
SCALES = (1, 2)  # small screen text reads better at twice the size, some pictures only at their own
GROUP_GAP = 0.6  # a gap between words wider than this share of the text's height sets a label apart
CACHE = ".cache/check-pictures"  # readings by the picture's hash (git-ignored, like all of .cache/)


class OcrUnavailable(Exception):
    """tesseract is not installed (make test and make shots install it)."""


@dataclass(frozen=True)
class Word:  # one word tesseract read (a Chinese word may be one character), in the picture's pixels
    text: str
    box: Box
    sure: bool = True  # tesseract is confident of it


def _span(boxes: Iterable[Box]) -> Box:
    boxes = list(boxes)
    return Box(min(b.x0 for b in boxes), min(b.y0 for b in boxes), max(b.x1 for b in boxes), max(b.y1 for b in boxes))


@dataclass(frozen=True)
class Line:
    text: str  # its words joined by single spaces
    box: Box
    words: tuple[Word, ...]  # with their boxes

    def groups(self) -> list[Line]:
        """The line cut where a gap is wider than GROUP_GAP of the text's height: a label's characters stand close,
        a label and the field beside it apart."""
        out: list[list[Word]] = [[self.words[0]]]
        for prev, word in itertools.pairwise(self.words):
            h = max(prev.box.y1 - prev.box.y0, word.box.y1 - word.box.y0)
            if word.box.x0 - prev.box.x1 > GROUP_GAP * h:
                out.append([word])
            else:
                out[-1].append(word)
        return [Line(" ".join(w.text for w in group), _span(w.box for w in group), tuple(group)) for group in out]


def available() -> bool:
    return shutil.which(TESSERACT) is not None


def _tsv(path: Path, psm: int) -> str:
    if not available():
        raise OcrUnavailable("tesseract is not installed: run `make test` once (it installs tesseract-ocr)")
    proc = subprocess.run([TESSERACT, str(path), "-", "-l", "chi_sim+eng", "--psm", str(psm), "tsv"],
                          capture_output=True, text=True, check=False,
                          env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"})
    if proc.returncode != 0:
        raise OcrUnavailable(f"tesseract could not read {path}: {proc.stderr.strip()[:200]}")
    return proc.stdout


def _without_marks(img: Image.Image) -> Image.Image:
    """Black-outs and marker discs turned white, else tesseract reads a label and the box beside it as one blot. Only
    areas at least 7 pixels across count, so the edge of a letter of a similar grey stays."""
    rgb = img.convert("RGB")
    for colour in (REDACT, MARKER):
        diff = ImageChops.difference(rgb, Image.new("RGB", rgb.size, colour)).convert("L")
        mask = diff.point(lambda v: 255 if v <= 10 else 0)
        mask = mask.filter(ImageFilter.MinFilter(7)).filter(ImageFilter.MaxFilter(9))
        rgb.paste((255, 255, 255), mask=mask)
    return rgb


def _rows(lines: list[Line]) -> list[Line]:
    """Lines on one row about a character apart, joined: sparse mode splits a label (短信 | 验证码) or a number."""
    out: list[Line] = []
    for line in sorted(lines, key=lambda ln: (ln.box.y0, ln.box.x0)):
        h = line.box.y1 - line.box.y0
        for i, prev in enumerate(out):
            ph = prev.box.y1 - prev.box.y0
            same_row = abs((prev.box.y0 + prev.box.y1) - (line.box.y0 + line.box.y1)) <= max(h, ph) // 2 + 1
            if same_row and 0 <= line.box.x0 - prev.box.x1 <= max(h, ph) * 1.2:
                out[i] = Line(f"{prev.text} {line.text}", _span([prev.box, line.box]), prev.words + line.words)
                break
        else:
            out.append(line)
    return out


def _read_at(img: Image.Image, scale: int, psm: int, dy: int = 0) -> list[Line]:  # dy: img's top in the picture
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.png"
        _without_marks(img).resize((img.width * scale, img.height * scale), Image.Resampling.LANCZOS).save(path)
        rows = _tsv(path, psm).splitlines()[1:]
    words: dict[tuple[str, ...], list[Word]] = {}
    for row in rows:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        x, y, w, h = (int(v) // scale for v in cols[6:10])
        word = Word(cols[11].strip(), Box(x, y + dy, x + max(w, 1), y + dy + max(h, 1)), float(cols[10]) >= SURE)
        words.setdefault(tuple(cols[1:5]), []).append(word)
    lines = [sorted(items, key=lambda w: w.box.x0) for items in words.values()]
    return _rows([Line(" ".join(w.text for w in ws), _span(w.box for w in ws), tuple(ws)) for ws in lines])


def read_lines(picture: Image.Image) -> list[Line]:
    """The lines of text in a picture, read at each of SCALES (tesseract misreads differently at each size). psm 11,
    sparse text, suits screens: the default segmentation often takes a mostly empty screen for one picture."""
    return [line for scale in SCALES for line in _read_at(picture, scale, 11)]


def read_band(picture: Image.Image, y0: int, y1: int) -> list[Line]:
    """One row read as a single line (psm 7): finds what the sparse reading misses, such as text on a button."""
    dy = max(0, y0)
    return _read_at(picture.crop((0, dy, picture.width, min(picture.height, y1))), 2, 7, dy)


@dataclass(frozen=True)
class Cache:
    """Readings kept by the hash of the picture's bytes (ten pictures take half a minute to read)."""

    folder: Path

    def _kept(self, png: bytes, suffix: str, read: Callable[[Image.Image], list[Line]]) -> list[Line]:
        path = self.folder / f"{hashlib.sha256(png).hexdigest()}{suffix}.json"
        with contextlib.suppress(FileNotFoundError, ValueError, KeyError, TypeError):  # none yet, or damaged: read
            return [Line(text, Box(*box), tuple(Word(t, Box(*b), sure) for t, b, sure in words))
                    for text, box, words in json.loads(path.read_text(encoding="utf-8"))]
        lines = read(Image.open(io.BytesIO(png)))
        path.parent.mkdir(parents=True, exist_ok=True)
        part = path.with_suffix(".tmp")
        part.write_text(json.dumps([astuple(line) for line in lines], ensure_ascii=False), encoding="utf-8")
        part.replace(path)
        return lines

    def lines(self, png: bytes) -> list[Line]:
        return self._kept(png, "", read_lines)

    def band(self, png: bytes, y0: int, y1: int) -> list[Line]:
        return self._kept(png, f"-band-{y0}-{y1}", lambda img: read_band(img, y0, y1))


PUNCT = re.compile(r"[\s.,:;!?'\"`()\[\]{}<>《》〈〉（）【】、，。：；！？“”‘’/\\|*_\-–—…·•]+")


def squeeze(text: str) -> str:
    """Text without spaces and punctuation, lower-case: what OCR gets right even when it misreads the rest."""
    return PUNCT.sub("", text).lower()


def _distance(a: str, b: str) -> int:
    """The fewest edits (insert, delete, change a character) that turn a into b."""
    prev = list(range(len(b) + 1))
    for i, ch in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, h in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ch != h))
        prev = cur
    return prev[-1]


def find_label(lines: Sequence[Line], label: str) -> Line | None:
    """The word group (Line.groups) that reads as the label and nothing more, or None: 密码 is not in 密码确认."""
    want = squeeze(label)
    found = [(d, group) for line in lines for group in line.groups()
             if want and (d := _distance(want, squeeze(group.text))) <= len(want) // 6]
    return min(found, key=lambda item: item[0], default=(0, None))[1]


def on_row(lines: Sequence[Line], y: int, diameter: int) -> list[Line]:
    half = diameter // 2
    return [line for line in lines if line.box.y0 - half <= y <= line.box.y1 + half]


# Personal data as it appears on a screen. Digits may be grouped by spaces or hyphens ("138 0013 8000").
DIGIT_RUN = re.compile(r"(?<![\w])\+?\d(?:[ \-]?\d){6,}(?!\d)")
PASSPORT = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{1,2} ?\d(?:[ \-]?\d){5,}(?!\d)")
EMAIL = re.compile(r"[\w.+\-]+ ?@ ?[\w\-]+(?: ?\. ?[\w\-]+)+")
VOWEL = re.compile(r"[AEIOUY]")
LATIN_NAME = re.compile(r"(?<![A-Za-z])[A-Z]{2,}(?:[ ,]+[A-Z]{2,})+(?![A-Za-z])")  # SURNAME GIVENNAME
DATE = re.compile(r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$")  # a date on the screen, not a number to hide
ALLOWED_DOMAIN = "chsi.com.cn"


@dataclass(frozen=True)
class Finding:
    what: str
    text: str
    box: Box

    def masked(self) -> str:
        """Enough of the text to find it on the picture, not enough to read it back out of a log."""
        return f"“{self.text[:3]}…” ({len(self.text)} characters)"


def personal_data(lines: Iterable[Line], quoted_digits: Iterable[str] = (), quoted_words: Iterable[str] = ()) -> list[Finding]:
    """Phone- or passport-like numbers, e-mails not CHSI's, SURNAME GIVENNAME names; not what the guide quotes."""
    digits_ok = [d for d in quoted_digits if d]
    words_ok = {w.upper() for w in quoted_words}
    def quoted(m: re.Match[str]) -> bool:
        return any(re.sub(r"\D", "", m.group(0)) in d for d in digits_ok)

    found = []
    for line in lines:
        found += [Finding("an e-mail address", m.group(0), line.box) for m in EMAIL.finditer(line.text)
                  if not m.group(0).replace(" ", "").lower().endswith(("@" + ALLOWED_DOMAIN, "." + ALLOWED_DOMAIN))]
        found += [Finding("a passport-like number", m.group(0), line.box)
                  for m in PASSPORT.finditer(line.text) if not quoted(m)]
        found += [Finding("a phone-like number", m.group(0), line.box)
                  for m in DIGIT_RUN.finditer(line.text) if not DATE.match(m.group(0).strip()) and not quoted(m)]
        for m in LATIN_NAME.finditer(" ".join(w.text for w in line.words if w.sure)):  # confident words only
            words = [w for w in re.split(r"[ ,]+", m.group(0)) if w]
            # Every part of a name has a vowel (LI MING, WANG XIAOMING); OCR's reading of Chinese glyphs as
            # capitals ("SR OER") mostly has not.
            if all(VOWEL.search(w) for w in words) and not all(w in words_ok for w in words):
                found.append(Finding("a Latin name", m.group(0), line.box))
    return found
