"""Pure rules that turn what a server answered into a verdict: status codes, soft 404s, challenge pages."""
from __future__ import annotations

import email.utils
import re
from dataclasses import replace
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from .model import BLOCKED, BROKEN, OK, UNREACHABLE, Result

PERMANENT = frozenset({301, 308})
REDIRECTS = PERMANENT | {302, 303, 307}
GONE = frozenset({404, 410})
RETRYABLE = frozenset({429, 500, 502, 503, 504})


def verdict_for_status(status: int) -> str:
    """The verdict a final (non-redirect) status gives before the body is looked at."""
    if 200 <= status < 300:
        return OK
    if status in GONE:
        return BROKEN
    # Any other 4xx (401 a login, 451 a legal block, 400, 405...) proves the server is there: never call it broken.
    # 999 is LinkedIn-style robot refusal.
    if 400 <= status < 500 or status == 999:
        return BLOCKED
    return UNREACHABLE


def retry_after_seconds(value: str | None, now: float) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date); None when absent or unreadable."""
    value = (value or "").strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - now)


class Page(HTMLParser):
    """What the classifier reads of an HTML body: its title, h1 and h2 headings, visible text (whitespace
    collapsed), inline script source, and the content of the first <meta http-equiv="refresh"> outside <noscript>."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: dict[str, list[str]] = {"title": [], "headings": [], "text": [], "script": []}
        self._refresh: str | None = None
        self._stack: list[str] = []
        try:
            self.feed(html)
            self.close()
        except Exception:  # noqa: BLE001, S110 - a body cut at the byte limit may end anywhere: keep what was read
            pass
        self.title = " ".join("".join(self.parts["title"]).split())
        self.headings = tuple(" ".join(h.split()) for h in self.parts["headings"] if h.strip())
        self.text = " ".join(" ".join(self.parts["text"]).split())
        self.scripts = "\n".join(self.parts["script"])
        self.refresh = self._refresh or ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta" and self._refresh is None and "noscript" not in self._stack:
            values = {k.lower(): (v or "") for k, v in attrs}
            if values.get("http-equiv", "").strip().lower() == "refresh":
                self._refresh = values.get("content", "")
        if tag in {"title", "h1", "h2", "script", "style", "noscript"}:
            self._stack.append(tag)
            if tag in {"h1", "h2"}:
                self.parts["headings"].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._stack:
            while self._stack and self._stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        where = self._stack[-1] if self._stack else ""
        if where in {"title", "script"}:
            self.parts[where].append(data)
        elif where not in {"style", "noscript"}:
            if where in {"h1", "h2"}:  # its start tag opened a heading
                self.parts["headings"][-1] += data
            self.parts["text"].append(data)


# A refresh that fires within this many seconds is a client-side redirect: the reader lands on the other page.
# A longer one is a page that moves on later (a session timeout to a login page, a slide show): judged as it is.
REFRESH_FOLLOW_SECONDS = 10
_REFRESH = re.compile(r"^\s*(\d+)(?:\.[\d.]*)?(?:\s*[;,]\s*|\s+)?(?:url\s*=\s*)?(?P<url>.*)$", re.IGNORECASE | re.DOTALL)


def refresh_target(content: str, base_url: str) -> str | None:
    """Where `<meta http-equiv="refresh" content="0;url=...">` sends the browser from base_url; None for a reload
    of the page itself (no URL, or its own address) and for a refresh later than REFRESH_FOLLOW_SECONDS."""
    found = _REFRESH.match(content or "")
    if not found or int(found.group(1)) > REFRESH_FOLLOW_SECONDS:
        return None
    target = (found.group("url") or "").strip()
    if len(target) >= 2 and target[0] == target[-1] and target[0] in "\"'":
        target = target[1:-1].strip()
    if not target:
        return None
    resolved = urljoin(base_url, target)
    if urlsplit(resolved).scheme.lower() not in {"http", "https"} or resolved.split("#")[0] == base_url.split("#")[0]:
        return None
    return resolved


_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)


def decode_body(body: bytes, content_type: str | None) -> str:
    """Text of a body: the charset of Content-Type, else of a <meta>, else UTF-8, else GB18030."""
    candidates: list[str] = []
    if content_type and "charset=" in content_type.lower():
        candidates.append(content_type.lower().split("charset=")[1].split(";")[0].strip(" \"'"))
    if found := _CHARSET.search(body[:4096]):
        candidates.append(found.group(1).decode("ascii").lower())
    candidates += ["utf-8", "gb18030"]
    for name in candidates:
        try:
            return body.decode("gb18030" if name in {"gb2312", "gbk"} else name)
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode("utf-8", errors="replace")


# Words of a "not found" page, in Chinese and English.
_NOT_FOUND = re.compile(
    r"页面不存在|网页不存在|页面未找到|找不到(该|此|您要的|你要的)?(页面|网页)|(页面|网页)找不到|访问的(页面|网页|资源)不存在"
    r"|页面(已)?(被)?删除|页面走丢|页面丢失|页面(已)?失效|无法找到(该|此)?(页面|网页)|资源不存在"
    r"|page (was )?not found|page (does not|doesn't|no longer) exists?|page (could not|cannot|can't) be found"
    r"|not found|\b404\b",
    re.IGNORECASE,
)
_ERROR_PATH = re.compile(r"(^|/)(404|40x|not[-_]?found|error|errors?page)(\.[a-z]+)?/?$", re.IGNORECASE)
_QUOTES = "“‘「『\"'《"
SHORT_PAGE = 600  # characters of visible text: an error page says little, a real page says more


def soft_404_reason(page: Page, final_url: str, redirected: bool) -> str | None:
    """Why a 2xx page is really a "not found" page, or None for a normal page."""
    if _NOT_FOUND.search(page.title):
        return f"soft 404: the title says {page.title[:80]!r}"
    if page.headings and _NOT_FOUND.search(page.headings[0]) and len(page.text) < 4 * SHORT_PAGE:
        return f"soft 404: the heading says {page.headings[0][:80]!r}"
    if len(page.text) <= SHORT_PAGE:
        for found in _NOT_FOUND.finditer(page.text):
            if found.start() and page.text[found.start() - 1] in _QUOTES:
                continue  # “页面不存在” in quotes is a page talking about the message, not showing it
            if found.group(0) != "404" or re.search(r"错误|error", page.text, re.IGNORECASE):
                return f"soft 404: the page says {found.group(0)!r}"
    path = final_url.split("?")[0].split("#")[0]
    if redirected and _ERROR_PATH.search(path.rstrip("/").rsplit("/", 1)[-1] or ""):
        return f"soft 404: redirected to an error page {final_url}"
    return None


# Names that only web application firewalls and bot shields put in a page (Cloudflare, Aliyun, Jiasule, WZWS, Yunsuo).
_WAF_TOKEN = re.compile(
    r"__jsl_clearance|acw_sc__v2|acw_tc|_cf_chl|cf-chl|cf_chl_opt|challenge-platform|wzws_|WZWS_CONFIRM|yunsuo_session"
    r"|__tst_status|_waf_bd8ce2ce37|safeline|EO_Bot",
    re.IGNORECASE,
)
# Phrases of a challenge page: trusted only on a page with little else on it (a real page may have a <noscript> hint).
_CHALLENGE_WORDS = re.compile(
    r"just a moment|checking (if the site connection is secure|your browser)|enable javascript and cookies"
    r"|please (enable|turn on) javascript|verify (you are|that you are) (a )?human|are you a robot|captcha"
    r"|安全验证|人机验证|滑动验证|请(开启|启用|打开)\s*javascript|浏览器安全检查|正在(进行)?安全检测|访问验证",
    re.IGNORECASE,
)
_COOKIE_AND_RELOAD = re.compile(r"document\.cookie\s*=.*?(location\.(reload|href|replace)|window\.location)", re.IGNORECASE | re.DOTALL)


def challenge_reason(headers: dict[str, str], page: Page | None) -> str | None:
    """Why an answer is a robot challenge rather than the page, or None."""
    if headers.get("cf-mitigated", "").lower() == "challenge":
        return "challenge page (cf-mitigated header)"
    if page is None:
        return None
    if token := _WAF_TOKEN.search(page.scripts + " " + page.text):
        return f"challenge page ({token.group(0)})"
    short = len(page.text) <= 400
    words = _CHALLENGE_WORDS.search(page.title + " " + page.text)
    if words and short:
        return f"challenge page ({words.group(0)!r})"
    if short and _COOKIE_AND_RELOAD.search(page.scripts):
        return "challenge page (a script sets a cookie and reloads)"
    return None


NO_NAME = "the host name does not resolve"
NAME_LOOKUP_FAILED = "name lookup failed"


def allow_for_a_dns_outage(results: dict[str, Result]) -> dict[str, Result]:
    """When no host name at all resolved in a run, blame the resolver, not the links: a name really gone fails while
    other hosts resolve. Such a run learnt nothing: its links are unreachable and `resolver_down` (no history)."""
    if not results or not all(r.detail.startswith(NO_NAME if r.verdict == BROKEN else NAME_LOOKUP_FAILED)
                              and r.verdict in (BROKEN, UNREACHABLE) for r in results.values()):
        return results
    return {
        url: replace(r, verdict=UNREACHABLE, resolver_down=True,
                     detail=f"{r.detail}; no host name resolved in this run: DNS looks down")
        for url, r in results.items()
    }
