"""A made-up screenshot of the registration form: the drawn page with sample personal data typed in (a test fixture,
tests/data/shots/sample-data/register.html), shot by Debian's Chromium at twice the pixels, as a laptop with a
high-density screen or a phone would, and cropped to the form: what the office would save in shots/originals/."""
import shutil
import tempfile
from pathlib import Path

from fixture_site import SITE

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "data" / "shots" / "sample-data" / "register.html"
CHROMIUM = "/usr/bin/chromium"
ROWS = ["row-phone", "row-sms", "row-password", "row-confirm", "row-name", "row-idtype", "row-idnumber", "row-email",
        "consent", "submit"]  # one per step of the register page, in order
PERSONAL = ["phone", "sms", "name", "idnumber"]
SMALL_PRINT = ["非常强"]  # the password meter's green print, which OCR does not read: the office ticks it


def shoot_register_form(out: Path) -> dict[str, list[int]]:
    """Write the screenshot to `out` (2x pixels); return the boxes of the rows and fields in CSS pixels relative to
    the form, which are the published picture's pixels once it is scaled to the form's CSS width."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(SITE / "shots" / "pages" / "chsi.css", Path(tmp) / "chsi.css")
        shutil.copy(SAMPLE, Path(tmp) / "register.html")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1000, "height": 1200}, device_scale_factor=2, locale="zh-CN")
            page.goto((Path(tmp) / "register.html").as_uri())
            page.evaluate("document.fonts.ready")
            form = page.locator("#form")
            out.parent.mkdir(parents=True, exist_ok=True)
            form.screenshot(path=str(out))
            origin = form.bounding_box()
            boxes = {}
            for name in ROWS + PERSONAL:
                b = page.locator(f"#{name}").bounding_box()
                boxes[name] = [round(b["x"] - origin["x"]), round(b["y"] - origin["y"]),
                               round(b["x"] + b["width"] - origin["x"]), round(b["y"] + b["height"] - origin["y"])]
            browser.close()
    return boxes


def office_marks(boxes: dict[str, list[int]], diameter: int, taken: str) -> dict:
    """What the office would mark: the personal fields blacked out, a marker at the start of each step's row (left of
    the button for the last), and the small print OCR misses ticked as shown."""
    markers = []
    for name in ROWS:
        x0, y0, _, y1 = boxes[name]
        x = x0 - 6 - diameter // 2 if name == "submit" else x0 + 6 + diameter // 2
        markers.append([x, (y0 + y1) // 2])
    redact = [[x0 - 2, y0 - 2, x1 + 2, y1 + 2] for x0, y0, x1, y1 in (boxes[n] for n in PERSONAL)]
    return {"taken": taken, "redact": redact, "markers": markers, "shows": SMALL_PRINT}
