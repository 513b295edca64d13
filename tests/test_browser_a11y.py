"""axe-core (npm, pinned in package.json) on every page of both languages: zero violations.

Every page is checked as a phone shows it (360 x 740, light scheme); the home pages also in the dark scheme at a
desktop width, where the sidebars and the table of contents are on screen. No rule is disabled.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from browser import PAGES, locale_of

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"

RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({id: v.id, help: v.help, impact: v.impact,
                                      nodes: v.nodes.map(n => n.target.join(" "))}));
}"""


def violations(page) -> str:
    """axe's violations on the page, one line each with the first ten elements under it ("" when none)."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make test` (it runs npm ci first)")
    page.add_script_tag(path=str(AXE))
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']}" + "".join(f"\n    {n}" for n in v["nodes"][:10])
                     for v in page.evaluate(RUN_AXE))


@pytest.mark.parametrize("path", PAGES, ids=lambda p: "/" + p)
def test_axe_finds_no_violations_on_a_phone(new_page, root_url, path) -> None:
    page = new_page(locale_of(path))
    page.goto(root_url + path)
    assert violations(page) == "", f"/{path}: axe violations"


@pytest.mark.parametrize("path", ["", "en/"], ids=["zh", "en"])
def test_axe_finds_no_violations_in_the_dark_scheme_on_a_desktop(new_page, root_url, path) -> None:
    page = new_page("en-US" if path else "zh-CN", color_scheme="dark", viewport={"width": 1280, "height": 800})
    page.goto(root_url + path)
    # The palette follows the system: a dark system gets Material's dark scheme.
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    assert violations(page) == "", f"/{path} (dark): axe violations"
