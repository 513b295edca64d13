"""A drawing shows only screen text the office's guide quotes (`source: quoted` in includes/ui-labels.yml); the rest
of a drawn screen is grey blocks."""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from guide.pictures.spec import Layout, Run, Spec
from guide.sources import facts as facts_module
from guide.sources import ui_labels

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

# Runs in the page: every rendered text node with its box in page pixels, merged with the next node when that one
# continues the same line with no gap (so markup inside a word does not split it), in document order.
TEXTS_JS = """() => {
  const runs = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let last = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.replace(/\\s+/g, " ").trim();
    if (!text) continue;
    const style = getComputedStyle(node.parentElement);
    if (style.visibility === "hidden" || style.display === "none") continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0);
    if (!rects.length) continue;
    const box = [Math.min(...rects.map(r => r.left)) + scrollX, Math.min(...rects.map(r => r.top)) + scrollY,
                 Math.max(...rects.map(r => r.right)) + scrollX, Math.max(...rects.map(r => r.bottom)) + scrollY]
                .map((v, i) => i < 2 ? Math.floor(v) : Math.ceil(v));
    const first = rects[0];
    if (last && Math.abs(first.top + scrollY - last.lineTop) < 4 && first.left + scrollX - last.right <= 3) {
      last.text += text;
      last.box = [Math.min(last.box[0], box[0]), Math.min(last.box[1], box[1]),
                  Math.max(last.box[2], box[2]), Math.max(last.box[3], box[3])];
    } else {
      last = {text, box, lineTop: first.top + scrollY};
      runs.push(last);
    }
    const end = rects[rects.length - 1];
    last.right = end.right + scrollX;
    last.lineTop = end.top + scrollY;
  }
  return runs.map(r => ({text: r.text, box: r.box}));
}"""


def quoted_labels(path: Path) -> set[str]:
    return {label for label, entry in ui_labels.load_table(path).items() if entry.source == "quoted"}


def unquoted(text: str, quoted: Iterable[str]) -> str:
    """The Chinese that quoted labels, taken out longest first, leave ('' none); two labels run together (修改密码)
    are an invented item."""
    rest = text
    for label in sorted(quoted, key=len, reverse=True):
        rest = rest.replace(label, "\0")
    if HAN.search(rest):
        return rest.replace("\0", " ").strip()
    if "\0\0" in rest.replace(" ", ""):
        return text
    return ""


def drawn(runs: Sequence[Run], lay: Layout) -> list[Run]:
    """The runs a published picture shows: inside its crop and not under a redaction."""
    return [r for r in runs if r.box.overlaps(lay.crop) and not any(r.box.overlaps(b) for b in lay.raw_redactions)]


def text_problems(spec: Spec, runs: Sequence[Run], lay: Layout, quoted: Iterable[str]) -> list[str]:
    return [f"{spec.path}: (picture): draws “{run.text}”, and “{rest}” is not a label that the office's guide "
            f"quotes (source: quoted in includes/ui-labels.yml): draw a grey block in {spec.page} instead"
            for run in drawn(runs, lay) if (rest := unquoted(run.text, quoted))]


def guide_quotes(root: Path) -> tuple[list[str], list[str]]:
    """The guide's phone numbers' digits and its labels' Latin words: not personal data in a screenshot."""
    digits = []
    if (root / facts_module.FACTS_FILE).is_file():
        for number in facts_module.load_facts(root).hotlines.values():
            digits.append(facts_module.international_digits(number).lstrip("+"))
            digits.append(re.sub(r"\D", "", number))  # 010-... as written in the Chinese mainland
    words: set[str] = {"CHSI"}
    labels = root / ui_labels.TABLE_FILE
    if labels.is_file():
        for label, gloss in ui_labels.load_labels(labels).items():
            words.update(re.findall(r"[A-Za-z]{2,}", f"{label} {gloss}"))
    return digits, sorted(words)
