"""What one page costs a phone on its first visit, as Chromium loads it from the server: requests, text and images
(the deterministic part of the guide's speed; Lighthouse's scores vary with the machine's load)."""
from __future__ import annotations

import urllib.request
from dataclasses import dataclass, field
from typing import NamedTuple

KB = 1024
TEXT_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml",
              "application/manifest+json")
PHONE = {"width": 360, "height": 740}
ENGLISH, CHINESE = "en-US", "zh-CN"


class Budget(NamedTuple):
    requests: int = 10
    text_kb: float = 85
    image_kb: float = 300


BUDGET = Budget()


class Visit(NamedTuple):
    path: str     # from the site's address: "" (the bare address), "en/register/"
    locale: str   # the browser's language (its Accept-Language and navigator.languages)

    @property
    def label(self) -> str:
        if self.path == "":
            return f"/ ({'English' if self.locale == ENGLISH else 'Chinese'} browser)"
        return "/" + self.path


class Answer(NamedTuple):
    url: str
    status: int       # 0: the request failed or was cancelled
    content_type: str
    size: int         # body bytes as sent (compressed when compressed)


@dataclass
class Weight:
    visit: Visit
    final_url: str = ""
    answers: list[Answer] = field(default_factory=list)
    blocking: list[str] = field(default_factory=list)  # render-blocking scripts of the guide's own

    @property
    def requests(self) -> int:
        return len(self.answers)

    @property
    def text(self) -> int:
        return sum(a.size for a in self.answers if a.content_type.startswith(TEXT_TYPES))

    @property
    def images(self) -> int:
        return sum(a.size for a in self.answers
                   if a.content_type.startswith("image/") and not a.content_type.startswith("image/svg"))

    def misses(self, budget: Budget = BUDGET) -> list[str]:
        """What this visit spends over its budgets, in words; empty when within every one."""
        found = []
        if self.requests > budget.requests:
            found.append(f"{self.requests} requests, over {budget.requests}: "
                         + ", ".join(a.url.rsplit("/", 2)[-1] or a.url for a in self.answers))
        if self.text > budget.text_kb * KB:
            found.append(f"{self.text / KB:.1f} KB of text (gzip), over {budget.text_kb:g} KB")
        if self.images > budget.image_kb * KB:
            found.append(f"{self.images / KB:.1f} KB of images, over {budget.image_kb:g} KB")
        found += [f"render-blocking script: {url}" for url in self.blocking]
        return found


def visits(paths: list[str]) -> list[Visit]:
    """Each page in its own language's browser; the bare address ('') in a Chinese and in an English browser."""
    found = []
    for path in paths:
        if path == "":
            found += [Visit("", CHINESE), Visit("", ENGLISH)]
        else:
            found.append(Visit(path, ENGLISH if path.startswith("en/") else CHINESE))
    return found


# Scripts of the page that held its first paint back; Material's bundle (at the end of <body>, fingerprinted
# bundle.<hash>.min.js) is Material's, not the guide's.
_BLOCKING = """() => performance.getEntriesByType("resource")
  .filter(e => e.initiatorType === "script" && e.renderBlockingStatus === "blocking")
  .map(e => e.name).filter(name => !/\\/bundle\\.[0-9a-f]{8}\\.min\\.js$/.test(name))"""


def weigh(browser, base: str, visit: Visit) -> Weight:
    """Load base + visit.path in a new phone-sized context (empty caches) of a Playwright Chromium `browser`."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True,
                                  locale=visit.locale)
    weight = Weight(visit)
    page = context.new_page()

    def finished(request) -> None:
        response = request.response()
        weight.answers.append(Answer(request.url, response.status if response else 0,
                                     (response.headers.get("content-type", "") if response else ""),
                                     request.sizes()["responseBodySize"]))

    page.on("requestfinished", finished)
    page.on("requestfailed", lambda request: weight.answers.append(Answer(request.url, 0, "", 0)))
    try:
        page.goto(base + visit.path, wait_until="networkidle")
        page.wait_for_timeout(300)  # late requests (Material's search worker)
        weight.final_url = page.url
        weight.blocking = page.evaluate(_BLOCKING)
    finally:
        context.close()
    weight.answers = [_sized(answer) for answer in weight.answers]
    return weight


def _sized(answer: Answer) -> Answer:
    """Chromium reports no size for what a Web Worker fetched (Material's search worker script): ask the server
    for the same file again, compressed as a browser accepts it, and count what it sends."""
    if answer.size or answer.status != 200:
        return answer
    request = urllib.request.Request(answer.url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return Answer(answer.url, answer.status, answer.content_type, len(response.read()))
