"""The polite HTTP client: one request in flight per host, a pause after each, retries, bounded reads."""
from __future__ import annotations

import asyncio
import contextlib
import random
import re
import socket
import ssl
import time
import zlib
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from . import classify
from .config import Settings
from .model import BLOCKED, BROKEN, OK, REDIRECT, UNREACHABLE, Result

WEB = re.compile(r"^https?://", re.IGNORECASE)  # an address this client fetches
HTML_TYPES = ("text/html", "application/xhtml+xml")
# Bodies worth reading: a 2xx page may be a soft 404 or a challenge; 202, 403, 429 and 503 may be challenges.
READ_BODY_FOR = frozenset({202, 403, 412, 429, 503})
# The encodings asked for (Accept-Encoding: gzip, deflate), as zlib window bits; None: not compressed.
WBITS = {"": None, "identity": None, "gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS,
         "deflate": zlib.MAX_WBITS}


def inflate(raw: bytes, encoding: str, limit: int) -> tuple[bytes, bool]:
    """The body decompressed, never past `limit` bytes (a gzip bomb stops there), and whether it was cut short."""
    encoding = encoding.strip().lower()
    if encoding not in WBITS:
        return b"", True  # br, zstd, stacked encodings: we asked for none of them
    if WBITS[encoding] is None:
        return raw[:limit], len(raw) >= limit
    for wbits in (WBITS[encoding], -zlib.MAX_WBITS):  # some servers send raw deflate without the zlib header
        try:
            out = zlib.decompressobj(wbits).decompress(raw, limit)
        except zlib.error:
            continue
        return out, len(out) >= limit
    return b"", True


@dataclass
class Answer:
    url: str
    status: int
    headers: httpx.Headers
    body: bytes = b""
    truncated: bool = False


@dataclass
class Failure:
    verdict: str
    detail: str
    retry: bool


# The verdict on one URL and the answer it ended on (None after a transport failure, a loop or a deadline).
Fetched = tuple[Result, Answer | None]


def describe_error(exc: BaseException) -> Failure:
    """What a transport error means: a name that does not resolve is broken, the rest unreachable."""
    chain: list[BaseException] = []
    cur: BaseException | None = exc
    while cur is not None and cur not in chain:
        chain.append(cur)
        cur = cur.__cause__ or cur.__context__
    text = " ".join(str(e) for e in chain)
    for e in chain:
        if isinstance(e, socket.gaierror):
            if e.errno in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", -5)):
                return Failure(BROKEN, f"{classify.NO_NAME} ({e.strerror})", retry=False)
            return Failure(UNREACHABLE, f"{classify.NAME_LOOKUP_FAILED} ({e.strerror})", retry=True)
        if isinstance(e, ssl.SSLError) or "CERTIFICATE_VERIFY_FAILED" in text:
            return Failure(UNREACHABLE, f"TLS failure: {e}", retry=False)
    if "Name or service not known" in text or "nodename nor servname" in text:
        return Failure(BROKEN, classify.NO_NAME, retry=False)
    if isinstance(exc, (httpx.TimeoutException, TimeoutError)):
        kind = {httpx.ConnectTimeout: "connect", httpx.ReadTimeout: "read", httpx.WriteTimeout: "write",
                httpx.PoolTimeout: "pool"}.get(type(exc), "request")
        return Failure(UNREACHABLE, f"timeout ({kind})", retry=True)
    if isinstance(exc, (httpx.InvalidURL, httpx.UnsupportedProtocol)):
        return Failure(BROKEN, f"invalid URL: {exc}", retry=False)
    if any(isinstance(e, ConnectionRefusedError) for e in chain) or "refused" in text.lower():
        return Failure(UNREACHABLE, "connection refused", retry=True)
    if any(isinstance(e, ConnectionResetError) for e in chain) or "reset" in text.lower():
        return Failure(UNREACHABLE, "connection reset", retry=True)
    if isinstance(exc, httpx.RemoteProtocolError):
        return Failure(UNREACHABLE, f"connection closed: {exc}", retry=True)
    return Failure(UNREACHABLE, f"{type(exc).__name__}: {exc}".rstrip(": "), retry=True)


def is_html(headers: httpx.Headers) -> bool:
    ctype = headers.get("content-type", "").lower()
    return not ctype or ctype.startswith(HTML_TYPES)


def strip_fragment(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def via(hops: list[tuple[int, str]], detail: str) -> str:
    return f"{detail} (after {len(hops)} redirect{'s' if len(hops) > 1 else ''})" if hops else detail


@dataclass
class Checker:
    """Checks remote URLs with one shared client; many hosts in parallel, each host one request at a time."""

    settings: Settings
    client: httpx.AsyncClient
    locks: dict[str, asyncio.Lock] = field(default_factory=dict)
    ready_at: dict[str, float] = field(default_factory=dict)   # no request to a host before this monotonic time

    def defer(self, host: str, seconds: float) -> None:
        self.ready_at[host] = max(self.ready_at.get(host, 0.0), time.monotonic() + seconds)

    async def _exchange(self, method: str, url: str, cookies: httpx.Cookies) -> Answer:
        """One request when the host's turn comes, its body read when the verdict may depend on it."""
        host = host_of(url)
        async with self.locks.setdefault(host, asyncio.Lock()):
            await asyncio.sleep(max(0.0, self.ready_at.get(host, 0.0) - time.monotonic()))
            try:
                async with asyncio.timeout(self.settings.request_deadline), contextlib.aclosing(
                        await self.client.send(self.client.build_request(method, url, cookies=cookies), stream=True)
                ) as response:
                    cookies.extract_cookies(response)
                    answer = Answer(url, response.status_code, response.headers)
                    ctype = answer.headers.get("content-type", "").lower()
                    if method == "GET" and (200 <= answer.status < 300 or answer.status in READ_BODY_FOR) and (
                            is_html(answer.headers) or ctype.startswith("text/plain")):
                        raw = bytearray()
                        async for chunk in response.aiter_raw():
                            raw += chunk
                            if len(raw) >= self.settings.max_bytes:
                                break
                        answer.body, cut = inflate(bytes(raw), answer.headers.get("content-encoding", ""),
                                                   self.settings.max_bytes)
                        answer.truncated = cut or len(raw) >= self.settings.max_bytes
                    return answer
            finally:
                self.defer(host, self.settings.interval_for(host))

    def _backoff(self, attempt: int) -> float:
        delay = self.settings.backoff * (2**attempt) * random.uniform(0.5, 1.5)
        return min(delay, self.settings.backoff_cap)

    async def _attempt(self, method: str, url: str, cookies: httpx.Cookies) -> Answer | Failure:
        """One request with its retries: timeouts and resets, then 429 and 5xx (honouring Retry-After)."""
        host = host_of(url)
        for attempt in range(self.settings.retries + 1):
            last = attempt == self.settings.retries
            try:
                answer = await self._exchange(method, url, cookies)
            except (httpx.HTTPError, OSError, TimeoutError, ssl.SSLError) as exc:
                failure = describe_error(exc)
                if not failure.retry or last:
                    return failure
                self.defer(host, self._backoff(attempt))
                continue
            if answer.status not in classify.RETRYABLE or last:
                return answer
            wait = classify.retry_after_seconds(answer.headers.get("retry-after"), time.time())
            if wait is not None and wait > self.settings.retry_after_cap:
                answer.headers["x-check-links-note"] = (
                    f"Retry-After {wait:.0f} s is longer than the cap of {self.settings.retry_after_cap:.0f} s")
                return answer
            self.defer(host, wait if wait is not None else self._backoff(attempt))
        raise AssertionError("unreachable code")  # pragma: no cover

    async def follow(self, url: str) -> Fetched:
        if urlsplit(url).scheme.lower() not in {"http", "https"} or not host_of(url):
            return Result(url, BROKEN, detail="not an http(s) URL with a host"), None
        cookies = httpx.Cookies()
        current = strip_fragment(url)
        use_head = urlsplit(current).path.lower().endswith(self.settings.head_suffixes)
        hops: list[tuple[int, str]] = []
        refreshed = False    # a <meta http-equiv="refresh"> page sent the browser on (a client-side redirect)
        seen: set[tuple[str, frozenset[tuple[str, str]]]] = set()
        while True:
            key = (current, frozenset(cookies.items()))
            if key in seen:
                loop = " -> ".join([u for _, u in hops] + [current])
                return Result(url, BROKEN, status=hops[-1][0], final_url=current, detail=f"redirect loop: {loop}"), None
            seen.add(key)
            got = await self._attempt("HEAD" if use_head else "GET", current, cookies)
            # Ask again with GET when HEAD was refused (405, 501, 403, a dropped connection...) or found a page: only
            # its body tells a soft 404 or a challenge.
            if use_head and (isinstance(got, Failure) and got.detail.startswith("connection ")
                             and "refused" not in got.detail
                             or isinstance(got, Answer) and (got.status >= 400 and got.status != 429
                                                             or 200 <= got.status < 300 and is_html(got.headers))):
                use_head = False
                seen.discard(key)
                continue
            if isinstance(got, Failure):
                return Result(url, got.verdict, detail=via(hops, got.detail)), None
            page, target = None, None
            if got.status in classify.REDIRECTS:
                if not (location := got.headers.get("location")):
                    detail = f"{got.status} without a Location header"
                    return Result(url, BROKEN, status=got.status, final_url=current, detail=detail), got
                target = urljoin(current, location.strip())
            elif got.body:
                page = classify.Page(classify.decode_body(got.body, got.headers.get("content-type")))
                # A 2xx page whose <meta http-equiv="refresh"> sends the browser elsewhere at once: the reader ends up
                # there, so that page decides the verdict, as a Location header would. A challenge reloads itself.
                if (page.refresh and 200 <= got.status < 300 and is_html(got.headers)
                        and not classify.challenge_reason(got.headers, page)):
                    target = classify.refresh_target(page.refresh, current)
                    refreshed = refreshed or target is not None
            if target is None:
                return self._judge(url, got, hops, page, refreshed), got
            if len(hops) >= self.settings.max_redirects:
                detail = f"more than {self.settings.max_redirects} redirects"
                return Result(url, BROKEN, status=got.status, final_url=current, detail=detail), got
            hops.append((got.status, current))
            current = strip_fragment(target)

    def _judge(self, url: str, got: Answer, hops: list[tuple[int, str]], page: classify.Page | None,
               refreshed: bool) -> Result:
        status = got.status
        result = Result(url, classify.verdict_for_status(status), status=status, final_url=got.url)
        challenge = classify.challenge_reason(got.headers, page)
        if status == 412 or challenge:
            result.verdict = BLOCKED
            result.detail = challenge or "412 Precondition Failed: a robot challenge"
        elif result.verdict == OK:
            soft = classify.soft_404_reason(page, got.url, bool(hops)) if page else None
            permanent = [code for code, _ in hops if code in classify.PERMANENT]
            if soft:
                result.verdict, result.detail = BROKEN, soft
            elif permanent:
                result.verdict, result.status = REDIRECT, permanent[0]
                result.detail = f"moved permanently: update the link to {got.url}"
            elif refreshed:
                result.verdict = REDIRECT
                result.detail = f'client-side redirect (<meta http-equiv="refresh">): update the link to {got.url}'
            elif hops:
                result.detail = f"{hops[0][0]} to {got.url}"
        else:
            note = got.headers.get("x-check-links-note")
            result.detail = f"{status} {httpx.codes.get_reason_phrase(status) or 'HTTP error'}" + (
                f": {note}" if note else "")
            if status == 429:
                result.detail += f" (still refused after {self.settings.retries + 1} tries)"
        if got.truncated:
            result.detail = (result.detail + "; " if result.detail else "") + f"read the first {len(got.body)} bytes"
        if result.verdict not in (OK, REDIRECT):
            result.detail = via(hops, result.detail)
        return result


async def fetch_all(urls: list[str], settings: Settings) -> dict[str, Fetched]:
    headers = {"User-Agent": settings.user_agent, "Accept-Language": settings.accept_language,
               "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
               "Accept-Encoding": "gzip, deflate"}
    timeout = httpx.Timeout(connect=settings.connect_timeout, read=settings.read_timeout,
                            write=settings.read_timeout, pool=None)
    limits = httpx.Limits(max_connections=max(settings.max_hosts * 2, 10), max_keepalive_connections=settings.max_hosts)
    by_host: dict[str, list[str]] = {}  # one worker per host keeps one request in flight there
    for url in urls:
        by_host.setdefault(host_of(url), []).append(url)
    results: dict[str, Fetched] = {}
    sem = asyncio.Semaphore(settings.max_hosts)
    async with httpx.AsyncClient(headers=headers, timeout=timeout, limits=limits, follow_redirects=False) as client:
        checker = Checker(settings, client)

        async def worker(host_urls: list[str]) -> None:
            async with sem:
                for u in host_urls:
                    try:
                        async with asyncio.timeout(settings.url_deadline):
                            results[u] = await checker.follow(u)
                    except TimeoutError:
                        results[u] = Result(u, UNREACHABLE,
                                            detail=f"no verdict within the deadline of {settings.url_deadline:g} s"), None

        await asyncio.gather(*(worker(group) for group in by_host.values()))
    return {u: results[u] for u in urls}


def run_fetch(urls: list[str], settings: Settings) -> dict[str, Fetched]:
    """Each URL's verdict with the answer it came from (its body read up to max_bytes), for checks that read pages."""
    return asyncio.run(fetch_all(urls, settings)) if urls else {}
