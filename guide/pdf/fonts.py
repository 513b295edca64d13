"""Check that the fonts the PDFs name are installed, before anything is rendered.

Without a CJK font WeasyPrint draws every Chinese character as an empty box and reports nothing, so the export
asks fontconfig first and stops with the Debian package to install.
"""
from __future__ import annotations

import ctypes.util
import re
import shutil
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

FontLookup = Callable[[str], bool]


@dataclass(frozen=True)
class FontNeed:
    family: str
    package: str  # the Debian package that installs it
    why: str


# Chinese text must be the Simplified Chinese face by name: a default pick can be the Japanese one (other glyph shapes).
CJK_SC = FontNeed("Noto Sans CJK SC", "fonts-noto-cjk", "Chinese text")
LATIN = FontNeed("DejaVu Sans", "fonts-dejavu-core", "English text")
NEEDED = (CJK_SC, LATIN)


def fc_list_has(family: str) -> bool:
    """True when fontconfig knows a face of exactly this family (fc-match would silently substitute another)."""
    try:
        out = subprocess.run(["fc-list", f":family={family}", "family"], capture_output=True, text=True, check=False)
    except FileNotFoundError:
        return False
    return any(family in line.split(",") for line in out.stdout.splitlines())


def fc_list_installed() -> bool:
    return shutil.which("fc-list") is not None


def missing_fonts(needs: Iterable[FontNeed], lookup: FontLookup = fc_list_has) -> list[FontNeed]:
    return [need for need in needs if not lookup(need.family)]


def describe_missing(missing: list[FontNeed], *, have_fc_list: bool = True) -> list[str]:
    lines = [f"font missing: {m.family} (for {m.why}); install the Debian package {m.package}" for m in missing]
    wanted = {m.package for m in missing}
    if not have_fc_list:
        lines.append("fc-list is not installed, so no font can be found: install the Debian package fontconfig")
        wanted.add("fontconfig")
    packages = " ".join(sorted(wanted))
    lines.append(f"no PDF written: run  sudo apt-get install {packages}  (or scripts/setup.sh test as root)")
    return lines


def has_harfbuzz_subset() -> bool:
    """Without libharfbuzz-subset0 WeasyPrint subsets fonts in Python, several times slower (same output)."""
    return ctypes.util.find_library("harfbuzz-subset") is not None


# CSS's generic families: fontconfig picks a face for them, so they name no installed family.
GENERIC = {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "ui-sans-serif", "ui-serif",
           "inherit", "initial", "unset"}
FONT_FAMILY = re.compile(r"font-family\s*:\s*([^;}]+)")


@dataclass(frozen=True)
class NamedFamily:
    where: str  # "docs/assets/stylesheets/pdf.css:46"
    family: str


def stylesheet_families(css: Path, shown_as: str) -> list[NamedFamily]:
    """Every family a stylesheet names in a font-family declaration, with its line (generic families left out)."""
    named = []
    for number, line in enumerate(css.read_text(encoding="utf-8").splitlines(), 1):
        for match in FONT_FAMILY.finditer(line):
            for part in match.group(1).split(","):
                family = part.strip().strip("'\"").strip()
                if family and family.lower() not in GENERIC and not family.startswith("var("):
                    named.append(NamedFamily(f"{shown_as}:{number}", family))
    return named


def uninstalled(named: Iterable[NamedFamily], lookup: FontLookup = fc_list_has) -> list[str]:
    """One line per family a stylesheet names that fontconfig does not know (WeasyPrint would silently substitute)."""
    return [f"{n.where}: font-family '{n.family}' is not installed, so WeasyPrint would set the text in another "
            f"face: correct the name (fc-list : family lists the installed ones) or install its package"
            for n in named if not lookup(n.family)]


class FallbackFont(Exception):
    """A PDF was set in a face its stylesheets do not name: a named family is missing or misspelt."""
