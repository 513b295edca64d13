"""Check that the fonts the PDFs name are installed, before anything is rendered: without a CJK font WeasyPrint
draws every Chinese character as an empty box and reports nothing."""
from __future__ import annotations

import ctypes.util
import re
import subprocess
from pathlib import Path

# (family, the Debian package that installs it, what for). Chinese text must be the Simplified Chinese face by
# name: a default pick can be the Japanese one (other glyph shapes).
NEEDED = (("Noto Sans CJK SC", "fonts-noto-cjk", "Chinese text"), ("DejaVu Sans", "fonts-dejavu-core", "English text"))
# CSS's generic families: fontconfig picks a face for them, so they name no installed family.
GENERIC = {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "ui-sans-serif", "ui-serif",
           "inherit", "initial", "unset"}
FONT_FAMILY = re.compile(r"font-family\s*:\s*([^;}]+)")


def fc_list_has(family: str) -> bool:
    """True when fontconfig knows a face of exactly this family (fc-match would silently substitute another)."""
    try:
        out = subprocess.run(["fc-list", f":family={family}", "family"], capture_output=True, text=True, check=False)
    except FileNotFoundError:
        return False
    return any(family in line.split(",") for line in out.stdout.splitlines())


def describe_missing(missing: list[tuple[str, str, str]], *, have_fc_list: bool = True) -> list[str]:
    lines = [f"font missing: {family} (for {why}); install the Debian package {package}"
             for family, package, why in missing]
    wanted = {package for _family, package, _why in missing}
    if not have_fc_list:
        lines.append("fc-list is not installed, so no font can be found: install the Debian package fontconfig")
        wanted.add("fontconfig")
    lines.append(f"no PDF written: run  sudo apt-get install {' '.join(sorted(wanted))}  (or scripts/setup.sh test "
                 "as root)")
    return lines


def has_harfbuzz_subset() -> bool:
    """Without libharfbuzz-subset0 WeasyPrint subsets fonts in Python, several times slower (same output)."""
    return ctypes.util.find_library("harfbuzz-subset") is not None


def stylesheet_families(css: Path, shown_as: str) -> list[tuple[str, str]]:
    """(where, family) for every family a stylesheet names in a font-family declaration (generic ones left out)."""
    named = []
    for number, line in enumerate(css.read_text(encoding="utf-8").splitlines(), 1):
        for match in FONT_FAMILY.finditer(line):
            for part in match.group(1).split(","):
                family = part.strip().strip("'\"").strip()
                if family and family.lower() not in GENERIC and not family.startswith("var("):
                    named.append((f"{shown_as}:{number}", family))
    return named


class FallbackFont(Exception):
    """A PDF was set in a face its stylesheets do not name: a named family is missing or misspelt."""
