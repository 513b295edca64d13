"""Keep every Chinese UI label glossed the same way everywhere, and mark its language.

CHSI's screens are Chinese only, so English pages quote each label exactly, in bold, followed by its English
gloss from includes/ui-labels.yml: `Select **立即注册** (Register now).` This hook:

* fails the build (file:line) when an English page bolds Chinese text that is not in the table, glosses it
  differently, or has Chinese text outside a bold label (screen readers would read it with an English voice);
* adds `lang="zh-Hans"` to each label on English pages, so that it is pronounced and rendered as Chinese;
* replaces `<!-- ui-labels-table -->` on the glossary pages with the table, in the page's language;
* gives content tabs the same id in both languages: a tab titled with a label (`=== "方式 3"`) gets the slug of
  its gloss (`#method-3`), as does the English tab (`=== "Method 3"`), so a link to a tab works in both.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

TABLE_FILE = Path("includes/ui-labels.yml")
GLOSSARY_MARKER = "<!-- ui-labels-table -->"
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
# A bold run, an optional attribute list the author wrote, and an optional bracketed gloss after it.
BOLD = re.compile(r"\*\*(?P<label>[^*\n]+?)\*\*(?P<attrs>\{[^}\n]*\})?(?P<gloss> \((?P<text>[^()\n]*(?:\([^()\n]*\)[^()\n]*)*)\))?")
FENCE = re.compile(r"^\s*(```|~~~)")
CODE_SPAN = re.compile(r"`[^`\n]+`")
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)

_labels: dict[str, str] = {}


def load_labels(path: Path) -> dict[str, str]:
    """Read the label table; a malformed table stops the build with the file and line."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PluginError(f"{path}: missing (the table of Chinese UI labels and their English glosses)") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise PluginError(f"{where}: not valid YAML: {getattr(err, 'problem', err)}") from None
    if not isinstance(data, dict) or not data:
        raise PluginError(f"{path}: expected a mapping of Chinese label -> English gloss")
    lines = path.read_text(encoding="utf-8").splitlines()
    for label, gloss in data.items():
        if not isinstance(label, str) or not isinstance(gloss, str) or not gloss.strip():
            line = next((i for i, text in enumerate(lines, 1) if text.startswith(f"{label}:")), 0)
            raise PluginError(f"{path}:{line}: label {label!r} needs a one-line English gloss")
        if not CJK.search(label):
            raise PluginError(f"{path}: label {label!r} has no Chinese characters: glosses are for Chinese labels")
    return data


def front_matter_lines(source: str) -> int:
    """How many lines MkDocs strips from the top of a page: the front matter and the blank lines after it."""
    match = re.match(r"---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*\n\n*", source, re.DOTALL)
    return match.group(0).count("\n") if match else 0


def check_english(markdown: str, labels: dict[str, str], src: str, first_line: int) -> tuple[str, list[str]]:
    """Return the page with `lang` added to each label, and the problems found (one line each)."""
    problems: list[str] = []
    out: list[str] = []
    in_fence = False
    for number, line in enumerate(markdown.split("\n"), first_line):
        if FENCE.match(line):
            in_fence = not in_fence
        if in_fence or FENCE.match(line):
            out.append(line)
            continue

        def fix(match: re.Match[str], number: int = number) -> str:
            label = match.group("label")
            if not CJK.search(label):
                return match.group(0)
            where = f"{src}:{number}"
            if label not in labels:
                problems.append(f"{where}: unknown UI label **{label}**: add it to {TABLE_FILE} with its English gloss")
                return match.group(0)
            gloss = labels[label]
            if match.group("gloss") is None:
                problems.append(f"{where}: UI label **{label}** needs its gloss right after it: ' ({gloss})'")
            elif match.group("text") != gloss:
                problems.append(
                    f"{where}: UI label **{label}** is glossed '({match.group('text')})' "
                    f"but {TABLE_FILE} says '({gloss})'"
                )
            attrs = match.group("attrs") or "{ lang=zh-Hans }"
            return f"**{label}**{attrs}{match.group('gloss') or ''}"

        fixed = BOLD.sub(fix, line)
        rest = COMMENT.sub("", CODE_SPAN.sub("", BOLD.sub("", line)))
        # Link reference definitions come from includes/links.md, appended later; pages hold none.
        stray = CJK.findall(rest)
        if stray:
            problems.append(
                f"{src}:{number}: Chinese text outside a bold UI label ({''.join(stray)[:20]}): "
                f"write it as **label** (gloss) from {TABLE_FILE}, or in English"
            )
        out.append(fixed)
    return "\n".join(out), problems


def glossary_table(labels: dict[str, str], locale: str) -> str:
    if locale == "en":
        rows = ["| On screen | Meaning |", "| --- | --- |"]
        rows += [f"| **{label}**{{ lang=zh-Hans }} | {gloss} |" for label, gloss in labels.items()]
    else:
        rows = ["| 界面文字 | 英文含义 |", "| --- | --- |"]
        rows += [f"| **{label}** | {gloss} |" for label, gloss in labels.items()]
    return "\n".join(rows)


def page_locale(src_uri: str) -> str:
    match = re.search(r"\.([a-z]{2})\.md$", src_uri)
    return match.group(1) if match else "zh"


def tab_slug(labels: dict[str, str]):
    """A slugify function for pymdownx.tabbed that slugs a Chinese label by its English gloss."""

    def slugify(text: str, sep: str) -> str:
        title = re.sub(r"<[^>]+>", "", text).strip()
        words = labels.get(title, title)
        return re.sub(r"[^a-z0-9]+", sep, words.lower()).strip(sep)

    return slugify


def on_config(config):
    global _labels
    _labels = load_labels(Path(config.config_file_path).parent / TABLE_FILE)
    tabbed = config.mdx_configs.setdefault("pymdownx.tabbed", {})
    tabbed["slugify"] = tab_slug(_labels)
    tabbed["combine_header_slug"] = False
    return config


def on_page_markdown(markdown, page, config, files):
    src = f"docs/{page.file.src_uri}"
    locale = page_locale(page.file.src_uri)
    if locale == "en":
        raw = Path(page.file.abs_src_path).read_text(encoding="utf-8")
        markdown, problems = check_english(markdown, _labels, src, front_matter_lines(raw) + 1)
        if problems:
            raise PluginError("UI labels in English pages:\n" + "\n".join(problems))
    # The generated table is added after the check: its rows carry the gloss in a column, not in brackets.
    return markdown.replace(GLOSSARY_MARKER, glossary_table(_labels, locale))
