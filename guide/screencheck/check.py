"""Check that the CHSI pages the guide describes still show the labels it quotes for them (make screens).

Verdicts ok, drift, unknown, blocked, unreachable (records/screen-check.md). Exit 0 when nothing drifted, 1 on
drift, 2 on wrong usage or a crash.
"""
from __future__ import annotations

import argparse
import re
import sys
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

ROOT = Path(__file__).resolve().parents[2]

try:  # the site's packages (mkdocs, yaml) and httpx from the test group: without them, exit 2 with the fix
    from guide.linkcheck import classify, fetch, mdsource
    from guide.linkcheck.config import ConfigError, Settings, load_settings
    from guide.linkcheck.model import BLOCKED, BROKEN, OK, UNREACHABLE, cell, markdown_counts
    from guide.sources import screens, ui_labels
    from guide.sources.errors import SourceError
except ImportError as exc:  # pragma: no cover - only on a half-installed .venv; Python would exit 1, meaning drift
    print(f"make screens: {exc}: run `make screens`, which sets up the test group's packages", file=sys.stderr)
    raise SystemExit(2) from None

DRIFT = "drift"
UNKNOWN = "unknown"
VERDICTS = (OK, DRIFT, UNKNOWN, BLOCKED, UNREACHABLE)

# What a browser does not show: script and style source, <noscript> (scripts run in a browser), templates, the title.
HIDDEN = frozenset({"script", "style", "noscript", "template", "title"})
# Elements that start a new line or box: text on either side of one never reads as one word.
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "button", "caption", "dd", "details", "dialog", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head",
    "header", "hr", "html", "iframe", "img", "input", "legend", "li", "main", "nav", "ol", "optgroup",
    "option", "p", "pre", "section", "select", "summary", "table", "tbody", "td", "textarea", "tfoot", "th", "thead",
    "tr", "ul",
})
BREAK = "\x00"  # stands for a block boundary in the text; never part of a label
BUTTON_INPUTS = frozenset({"submit", "button", "reset"})
TEXT_INPUTS = frozenset({"text", "search", "tel", "url", "email", "password", "number", ""})
# An application shell: little text of its own, scripts to draw the rest, often an empty element they mount on.
SHELL_TEXT = 200
MOUNT_POINT = re.compile(
    r"<(div|main|section|app-root)\b[^>]*\bid\s*=\s*[\"']?(app|root|__nuxt|__next|main-app)\b[\"']?[^>]*>\s*</\1\s*>",
    re.IGNORECASE)


class UsageError(Exception):
    """A wrong argument (exit 2)."""


# --- what a browser shows ------------------------------------------------------------------------------------------

class Visible(HTMLParser):
    """The text a browser shows of html (comments, scripts and styles left out; inline markup joins words), with
    block boundaries, and what tells an application shell."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden: list[str] = []
        self.scripts = 0
        try:
            self.feed(html)
            self.close()
        except Exception:  # noqa: BLE001, S110 - a body cut at the byte limit may end anywhere: keep what was read
            pass
        self.text = re.sub(f"{BREAK}+", BREAK, re.sub(r"\s+", "", "".join(self.parts)))  # BREAK between blocks
        self.size = len(self.text.replace(BREAK, ""))
        self.empty_mount = bool(MOUNT_POINT.search(html))
        self.shell = self.scripts > 0 and (self.size < SHELL_TEXT or self.empty_mount)

    def shows(self, label: str) -> bool:
        return re.sub(r"\s+", "", label) in self.text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.scripts += tag == "script"
        if tag in HIDDEN:
            self.hidden.append(tag)  # a self-closed one is popped at once: HTMLParser ends it too
        if self.hidden:
            return
        if tag in BLOCKS:
            self.parts.append(BREAK)
        values = {k.lower(): v or "" for k, v in attrs}
        kind = values.get("type", "").strip().lower()
        shown = values.get("value", "") if tag == "input" and kind in BUTTON_INPUTS | TEXT_INPUTS else ""
        if tag == "textarea" or tag == "input" and kind in TEXT_INPUTS:
            shown = shown or values.get("placeholder", "")
        if shown:
            self.parts += [shown, BREAK]

    def handle_endtag(self, tag: str) -> None:
        if self.hidden:
            if tag in self.hidden:
                while self.hidden.pop() != tag:
                    pass
        elif tag in BLOCKS:
            self.parts.append(BREAK)

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data.replace(BREAK, ""))


# --- where the guide quotes a label ----------------------------------------------------------------------------------

def guide_quotes(root: Path) -> dict[str, list[str]]:
    """Label -> the docs/ lines that quote it as **label** (code and HTML comments left out), as file:line."""
    found: dict[str, list[str]] = {}
    for path in sorted((root / "docs").rglob("*.md")):
        where = path.relative_to(root).as_posix()
        for number, line in mdsource.code_free_lines(path.read_text(encoding="utf-8")):
            for label in dict.fromkeys(m.group("label") for m in ui_labels.BOLD.finditer(line)):
                found.setdefault(label, []).append(f"{where}:{number}")
    return found


# --- --map ---------------------------------------------------------------------------------------------------------

def map_targets(values: list[str], urls: list[str]) -> dict[str, str]:
    """Where each address is read from: PREFIX=REPLACEMENT reads an address starting with PREFIX (the longest that
    fits) from REPLACEMENT plus the rest. A prefix may hold '=' (a query string): the split is the one whose prefix
    starts one of the addresses, the longest such; a map that fits no address is a mistake."""
    maps: list[tuple[str, str]] = []
    for value in values:
        splits = [(value[:i], value[i + 1:]) for i, char in enumerate(value) if char == "="]
        fitting = [(prefix, repl) for prefix, repl in splits if prefix and any(u.startswith(prefix) for u in urls)]
        if not fitting:
            if not splits:
                raise UsageError(f"--map {value!r}: write PREFIX=REPLACEMENT")
            raise UsageError(f"--map {value!r}: no address of includes/screens.yml starts with "
                             f"{splits[0][0]!r} (the addresses: {', '.join(urls)})")
        maps.append(max(fitting, key=lambda pair: len(pair[0])))
    targets = {}
    for url in urls:
        prefix, repl = max([m for m in maps if url.startswith(m[0])], key=lambda m: len(m[0]), default=("", ""))
        targets[url] = repl + url[len(prefix):]
    return targets


# --- verdicts -------------------------------------------------------------------------------------------------------

@dataclass
class ScreenResult:
    url: str                    # the guide's address (includes/facts.yml)
    link: str
    verdict: str
    missing: list[tuple[str, list[str]]] = field(default_factory=list)   # (label, where the guide quotes it)
    detail: str = ""


def judge_page(screen: screens.Screen, html: str, quotes: dict[str, list[str]], *, truncated: bool = False,
               note: str = "") -> ScreenResult:
    """ok, drift or unknown for a page that was read."""
    seen = Visible(html)
    present = [label for label in screen.labels if seen.shows(label)]
    missing = [label for label in screen.labels if label not in present]
    result = ScreenResult(screen.url, screen.link, OK)
    if not missing:
        result.detail = f"every label present: {', '.join(present)}"
    elif seen.shell:
        result.verdict = UNKNOWN
        mount = ", an empty mount point" if seen.empty_mount else ""
        result.detail = (f"an application shell ({seen.size} characters of text{mount}, {seen.scripts} scripts): "
                         f"its content is drawn by JavaScript, which this check does not run; look for "
                         f"{', '.join(missing)} in a browser")
    elif truncated:
        result.verdict = UNKNOWN
        result.detail = (f"{', '.join(missing)} not in the part read (the page is longer than the byte limit): "
                         f"not called drift")
    else:
        result.verdict = DRIFT
        result.missing = [(label, quotes.get(label, [])) for label in missing]
        result.detail = f"{len(missing)} of {len(screen.labels)} labels missing: {', '.join(missing)}"
    if note:
        result.detail = f"{note}; {result.detail}"
    return result


def judge_fetched(screen: screens.Screen, got: fetch.Fetched, quotes: dict[str, list[str]]) -> ScreenResult:
    """The verdict on a fetched page: the link checker's verdict first, then the labels."""
    result, answer = got
    if result.verdict in (BLOCKED, UNREACHABLE, BROKEN):
        why = f"the address is broken ({result.detail})" if result.verdict == BROKEN else result.detail
        return ScreenResult(screen.url, screen.link, BLOCKED if result.verdict == BLOCKED else UNREACHABLE,
                            detail=f"{why}: the labels could not be looked for")
    if answer is None or not answer.body or not fetch.is_html(answer.headers):
        kind = answer.headers.get("content-type", "no content type") if answer else "no answer"
        return ScreenResult(screen.url, screen.link, UNKNOWN, detail=f"no HTML page to read ({kind})")
    html = classify.decode_body(answer.body, answer.headers.get("content-type"))
    note = result.detail  # where a redirect led (a 302 to a login page explains missing labels), or nothing
    return judge_page(screen, html, quotes, truncated=answer.truncated, note=note)


def check(pages: list[screens.Screen], targets: dict[str, str], settings: Settings,
          quotes: dict[str, list[str]]) -> list[ScreenResult]:
    fetched = fetch.run_fetch(sorted({t for t in targets.values() if fetch.WEB.match(t)}), settings)
    results: list[ScreenResult] = []
    for screen in pages:
        target = targets[screen.url]
        if fetch.WEB.match(target):
            result = judge_fetched(screen, fetched[target], quotes)
        else:  # a saved copy: a path, or a file: URL
            path = Path(url2pathname(urlsplit(target).path) if target.lower().startswith("file:") else target)
            try:
                body = path.read_bytes()
            except OSError as err:
                result = ScreenResult(screen.url, screen.link, UNREACHABLE,
                                      detail=f"cannot read the file: {err.strerror or err}")
            else:
                result = judge_page(screen, classify.decode_body(body, None), quotes)
        if target != screen.url:
            result.detail += f" (read from {target})"
        results.append(result)
    return results


# --- reports and command line --------------------------------------------------------------------------------------

def render(results: list[ScreenResult], fmt: str) -> str:
    counts = {v: sum(r.verdict == v for r in results) for v in VERDICTS}
    if fmt == "markdown":
        out = markdown_counts("Screen check", VERDICTS, counts)
        out += ["| verdict | page | missing label: where the guide quotes it | detail |", "|---|---|---|---|"]
        for r in results:
            missing = "<br>".join(f"{label}: {', '.join(at) or 'quoted nowhere in docs/'}" for label, at in r.missing)
            out.append(f"| {r.verdict} | {cell(r.url)} | {cell(missing)} | {cell(r.detail)} |")
        return "\n".join(out) + "\n"
    lines = []
    for r in results:
        lines.append(f"{r.verdict:<11} {r.url} [{r.link}] | {r.detail}")
        lines += [f"            missing {label}: " + (f"the guide quotes it at {', '.join(at)}" if at
                                                      else "quoted nowhere in docs/") for label, at in r.missing]
    lines.append(f"screens: {len(results)} pages: " + ", ".join(f"{counts[v]} {v}" for v in VERDICTS))
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m guide.screencheck", description=__doc__.split("\n\n")[0])
    parser.add_argument("--format", choices=("text", "markdown"), default="text")
    parser.add_argument("--map", action="append", default=[], metavar="PREFIX=REPLACEMENT",
                        help="read addresses starting with PREFIX from REPLACEMENT instead (a local server's URL, "
                             "or a file path for a saved copy); repeatable")
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="project directory holding includes/ and docs/ (default: this project)")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return 0 if exc.code == 0 else 2
    try:
        pages = screens.load_screens(args.root)
        targets = map_targets(args.map, [page.url for page in pages])
        results = check(pages, targets, load_settings(ROOT / "pyproject.toml"), guide_quotes(args.root))
        report = render(results, args.format)
    except (UsageError, SourceError, ConfigError) as exc:
        print(f"make screens: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - a crash must exit 2, never 1, which means drift
        traceback.print_exc()
        print(f"make screens: crashed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(report)
    return 1 if any(r.verdict == DRIFT for r in results) else 0

