"""An original screenshot brought in upright, without metadata, scaled, as a fresh RGB image: nothing of the file
can follow the image data."""
from __future__ import annotations

import hashlib
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from guide.pictures.spec import MAX_WIDTH, ORIGINALS, SpecError

FORMATS = ("PNG", "JPEG")
SUFFIXES = (".png", ".jpg", ".jpeg")


class OriginalMissing(SpecError):
    """A screenshot's original is not on this machine (a fresh clone never has it): its published picture is kept."""


def find_original(shots: Path, name: str) -> Path | None:
    """shots/originals/NAME.png, .jpg or .jpeg (any case), if it is there."""
    return next((p for p in sorted((shots / ORIGINALS).glob("*")) if p.stem == name and p.suffix.lower() in SUFFIXES),
                None)


def open_original(path: Path, where: Path | str, width: int | None = None) -> Image.Image:
    """The original, upright, RGB, no metadata, scaled to width (default: its own, at most MAX_WIDTH)."""
    try:
        with Image.open(path) as img:
            if img.format not in FORMATS:
                raise SpecError(where, "original", f"{path} is a {img.format} picture: save it as PNG or JPEG")
            img.load()
            upright = ImageOps.exif_transpose(img)
    except FileNotFoundError:
        raise OriginalMissing(where, "original", f"{path} is not on this machine: put the screenshot there") from None
    except (UnidentifiedImageError, OSError) as exc:
        raise SpecError(where, "original", f"{path} cannot be read as a picture ({exc}): save it again as PNG or"
                        " JPEG") from None
    rgba = upright.convert("RGBA")  # an opaque picture's pixels stay as they are; a transparent one's are on white
    clean = Image.new("RGB", rgba.size, (255, 255, 255))  # a new image: no EXIF, ICC profile, text or anything else
    clean.paste(rgba, mask=rgba.getchannel("A"))
    target = width or min(clean.width, MAX_WIDTH)
    if clean.width != target:
        height = max(1, round(clean.height * target / clean.width))
        clean = clean.resize((target, height), Image.Resampling.LANCZOS)
    return clean


def fingerprint(path: Path) -> str:
    """Tells a new original from the one the marks were made on; nothing of the picture can be read back from it."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
