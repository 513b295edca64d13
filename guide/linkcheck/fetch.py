"""The polite HTTP client: one request in flight per host, a minimum interval, retries, bounded reads."""
from __future__ import annotations

import asyncio
import random
import socket
import ssl
import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from . import classify
from .config import Settings
from .model import BLOCKED, BROKEN, OK, REDIRECT, UNREACHABLE, Result

HTML_TYPES = ("text/html", "application/xhtml+xml")
# Bodies worth reading: a 2xx page may be a soft 404 or a challenge; 202, 403, 429 and 503 may be challenges.
READ_BODY_FOR = frozenset({202, 403, 412, 429, 503})


class HostGates:
    """At most one request per host at a time, and a pause of the host's interval after each one."""

    def __init__(self, interval_for: Callable[[str], float], clock: Callable[[], float] = time.monotonic) -> None:
        self._interval_for = interval_for
        self._clock = clock
        self._locks: dict[str, asyncio.Lock] = {}
        self._ready_at: dict[str, float] = {}

    def defer(self, host: str, seconds: float) -> None:
        """No request to host before `seconds` from now (backoff, Retry-After)."""
        self._ready_at[host] = max(self._ready_at.get(host, 0.0), self._clock() + seconds)

    async def run(self, host: str, action: Callable[[], object]) -> object:
        lock = self._locks.setdefault(host, asyncio.Lock())
        async with lock:
            wait = self._ready_at.get(host, 0.0) - self._clock()
            if wait > 0:
                await asyncio.sleep(wait)
            try:
                return await action()  # type: ignore[misc]
            finally:
                self.defer(host, self._interval_for(host))


class BoundedDecoder:
    """Decompresses a body while counting output bytes, so a gzip bomb never costs more than `limit` bytes."""

    def __init__(self, encoding: str, limit: int) -> None:
        encoding = encoding.strip().lower()
        self.limit = limit
        self.size = 0
        self.usable = True
        self._raw_deflate_tried = False
        if encoding in {"", "identity"}:
            self._z: zlib._Decompress | None = None
        elif encoding in {"gzip", "x-gzip"}:
            self._z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._z = zlib.decompressobj(zlib.MAX_WBITS)
        else:
            self._z, self.usable = None, False  # br, zstd, stacked encodings: we asked for none of them

    @property
    def full(self) -> bool:
        return self.size >= self.limit

    def feed(self, chunk: bytes) -> bytes:
        if not self.usable or self.full:
            return b""
        if self._z is None:
            out = chunk[: self.limit - self.size]
            self.size += len(out)
            return out
        parts: list[bytes] = []
        data = chunk
        while data and not self.full:
            try:
                out = self._z.decompress(data, self.limit - self.size)
            except zlib.error:
                if self._raw_deflate_tried or self.size:
                    self.usable = False
                    break
                self._raw_deflate_tried = True  # some servers send raw deflate without the zlib header
                self._z = zlib.decompressobj(-zlib.MAX_WBITS)
                continue
            self.size += len(out)
            parts.append(out)
            data = self._z.unconsumed_tail
            if not out and not data:
                break
        return b"".join(parts)


@dataclass
class Answer:
    url: str
    status: int
    headers: dict[str, str]
    body: bytes = b""
    truncated: bool = False


@dataclass
class Failure:
    verdict: str
    detail: str
    retry: bool


@dataclass
class Fetched:
    """The verdict on one URL and the last answer it came from (with the body read), for checks that read pages."""

    result: Result
    answer: Answer | None = None    # None when no final answer came (a transport failure, a loop, a deadline)


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


def wants_body(method: str, status: int, headers: dict[str, str]) -> bool:
    if method != "GET" or status in classify.REDIRECTS:
        return False
    if not (200 <= status < 300 or status in READ_BODY_FOR):
        return False
    ctype = headers.get("content-type", "").lower()
    return not ctype or ctype.startswith(HTML_TYPES) or ctype.startswith("text/plain")


def is_html(headers: dict[str, str]) -> bool:
    ctype = headers.get("content-type", "").lower()
    return not ctype or ctype.startswith(HTML_TYPES)


def strip_fragment(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


@dataclass
class Checker:
    """Checks remote URLs with one shared client; many hosts in parallel, each host one request at a time."""

    settings: Settings
    client: httpx.AsyncClient
    gates: HostGates
    rng: random.Random = field(default_factory=random.Random)

    def _headers(self, method: str) -> dict[str, str]:
        return {
            "User-Agent": self.settings.user_agent,
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "Accept-Language": self.settings.accept_language,
            "Accept-Encoding": "gzip, deflate",
        }

    async def _exchange(self, method: str, url: str, cookies: httpx.Cookies) -> Answer:
        async def action() -> Answer:
            async with asyncio.timeout(self.settings.request_deadline):
                request = self.client.build_request(method, url, headers=self._headers(method), cookies=cookies)
                response = await self.client.send(request, stream=True)
                try:
                    cookies.extract_cookies(response)
                    headers = {k.lower(): v for k, v in response.headers.items()}
                    answer = Answer(url=url, status=response.status_code, headers=headers)
                    if wants_body(method, answer.status, headers):
                        await self._read_body(response, answer)
                    return answer
                finally:
                    await response.aclose()

        return await self.gates.run(host_of(url), action)  # type: ignore[return-value]

    async def _read_body(self, response: httpx.Response, answer: Answer) -> None:
        limit = self.settings.max_bytes
        decoder = BoundedDecoder(answer.headers.get("content-encoding", ""), limit)
        raw = 0
        parts: list[bytes] = []
        async for chunk in response.aiter_raw():
            raw += len(chunk)
            parts.append(decoder.feed(chunk))
            if decoder.full or raw >= limit or not decoder.usable:
                answer.truncated = True
                break
        answer.body = b"".join(parts)

    def _backoff(self, attempt: int) -> float:
        delay = self.settings.backoff * (2**attempt) * self.rng.uniform(0.5, 1.5)
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
                self.gates.defer(host, self._backoff(attempt))
                continue
            if answer.status not in classify.RETRYABLE or last:
                return answer
            wait = classify.retry_after_seconds(answer.headers.get("retry-after"), time.time())
            if wait is not None and wait > self.settings.retry_after_cap:
                answer.headers["x-check-links-note"] = (
                    f"Retry-After {wait:.0f} s is longer than the cap of {self.settings.retry_after_cap:.0f} s")
                return answer
            self.gates.defer(host, wait if wait is not None else self._backoff(attempt))
        raise AssertionError("unreachable code")  # pragma: no cover

    async def check(self, url: str) -> Result:
        return (await self.fetch(url)).result

    async def fetch(self, url: str) -> Fetched:
        """The verdict on url, with the page it ended on: the same requests as check(), the body kept."""
        try:
            async with asyncio.timeout(self.settings.url_deadline):
                return await self._follow(url)
        except TimeoutError:
            return Fetched(Result(url, UNREACHABLE,
                                  detail=f"no verdict within the deadline of {self.settings.url_deadline:g} s"))

    async def _follow(self, url: str) -> Fetched:
        scheme = urlsplit(url).scheme.lower()
        if scheme not in {"http", "https"} or not host_of(url):
            return Fetched(Result(url, BROKEN, detail="not an http(s) URL with a host"))
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
                return Fetched(Result(url, BROKEN, status=hops[-1][0], final_url=current,
                                      detail=f"redirect loop: {loop}"))
            seen.add(key)
            method = "HEAD" if use_head else "GET"
            got = await self._attempt(method, current, cookies)
            if use_head and (isinstance(got, Failure) and got.detail.startswith("connection ")
                             and "refused" not in got.detail
                             or isinstance(got, Answer) and got.status >= 400 and got.status != 429):
                use_head = False  # HEAD refused (405, 501, 403, a dropped connection...): ask again with GET
                seen.discard(key)
                continue
            if isinstance(got, Failure):
                return Fetched(Result(url, got.verdict, final_url=None, detail=self._via(hops, got.detail)))
            if got.status in classify.REDIRECTS:
                location = got.headers.get("location")
                if not location:
                    return Fetched(Result(url, BROKEN, status=got.status, final_url=current,
                                          detail=f"{got.status} without a Location header"), got)
                if len(hops) >= self.settings.max_redirects:
                    return Fetched(Result(url, BROKEN, status=got.status, final_url=current,
                                          detail=f"more than {self.settings.max_redirects} redirects"), got)
                hops.append((got.status, current))
                current = strip_fragment(urljoin(current, location.strip()))
                continue
            if use_head and 200 <= got.status < 300 and is_html(got.headers):
                use_head = False  # a page: read it, it may be a soft 404 or a challenge
                seen.discard(key)
                continue
            page = self._page(got)
            target = self._refresh_target(got, page, current)
            if target is not None:
                # A 200 page whose <meta http-equiv="refresh"> sends the browser elsewhere at once: the reader
                # ends up there, so that page decides the verdict, as a Location header would.
                if len(hops) >= self.settings.max_redirects:
                    return Fetched(Result(url, BROKEN, status=got.status, final_url=current,
                                          detail=f"more than {self.settings.max_redirects} redirects"), got)
                hops.append((got.status, current))
                refreshed = True
                current = strip_fragment(target)
                continue
            return Fetched(self._judge(url, got, hops, page, refreshed=refreshed), got)

    @staticmethod
    def _page(got: Answer) -> classify.Page | None:
        if not got.body:
            return None
        return classify.parse_page(classify.decode_body(got.body, got.headers.get("content-type")))

    @staticmethod
    def _refresh_target(got: Answer, page: classify.Page | None, current: str) -> str | None:
        """Where a 2xx page's meta refresh leads, unless the page is a challenge (which reloads itself)."""
        if page is None or not page.refresh or not 200 <= got.status < 300 or not is_html(got.headers):
            return None
        if classify.challenge_reason(got.status, got.headers, page):
            return None
        return classify.refresh_target(page.refresh, current)

    @staticmethod
    def _via(hops: list[tuple[int, str]], detail: str) -> str:
        if not hops:
            return detail
        return f"{detail} (after {len(hops)} redirect{'s' if len(hops) > 1 else ''})"

    def _judge(self, url: str, got: Answer, hops: list[tuple[int, str]], page: classify.Page | None, *,
               refreshed: bool = False) -> Result:
        status = got.status
        verdict = classify.verdict_for_status(status)
        result = Result(url, verdict, status=status, final_url=got.url, bytes_read=len(got.body))
        challenge = classify.challenge_reason(status, got.headers, page)
        if status == 412 or challenge:
            result.verdict = BLOCKED
            result.detail = challenge or "412 Precondition Failed: a robot challenge"
        elif verdict == OK:
            soft = classify.soft_404_reason(page, got.url, bool(hops)) if page else None
            if soft:
                result.verdict, result.detail = BROKEN, soft
            elif any(code in classify.PERMANENT for code, _ in hops):
                result.verdict = REDIRECT
                result.status = next(code for code, _ in hops if code in classify.PERMANENT)
                result.detail = f"moved permanently: update the link to {got.url}"
            elif refreshed:
                result.verdict = REDIRECT
                result.detail = f'client-side redirect (<meta http-equiv="refresh">): update the link to {got.url}'
            elif hops:
                result.detail = f"{hops[0][0]} to {got.url}"
        else:
            reason = httpx.codes.get_reason_phrase(status) or "HTTP error"
            note = got.headers.get("x-check-links-note")
            result.detail = f"{status} {reason}" + (f": {note}" if note else "")
            if status == 429:
                result.detail += f" (still refused after {self.settings.retries + 1} tries)"
        if got.truncated:
            result.detail = (result.detail + "; " if result.detail else "") + f"read the first {len(got.body)} bytes"
        result.detail = self._via(hops, result.detail) if result.verdict not in (OK, REDIRECT) else result.detail
        return result


def plan_hosts(urls: Iterable[str]) -> dict[str, list[str]]:
    """URLs grouped by host, in first-seen order: one worker per host keeps one request in flight there."""
    groups: dict[str, list[str]] = {}
    for url in urls:
        groups.setdefault(host_of(url), []).append(url)
    return groups


async def check_remote(urls: list[str], settings: Settings, *, rng: random.Random | None = None,
                       verify: bool | ssl.SSLContext = True) -> dict[str, Result]:
    fetched = await fetch_remote(urls, settings, rng=rng, verify=verify)
    return {u: f.result for u, f in fetched.items()}


async def fetch_remote(urls: list[str], settings: Settings, *, rng: random.Random | None = None,
                       verify: bool | ssl.SSLContext = True) -> dict[str, Fetched]:
    """Like check_remote, with the answer each verdict came from (its body read up to max_bytes)."""
    timeout = httpx.Timeout(connect=settings.connect_timeout, read=settings.read_timeout,
                            write=settings.read_timeout, pool=None)
    limits = httpx.Limits(max_connections=max(settings.max_hosts * 2, 10), max_keepalive_connections=settings.max_hosts)
    results: dict[str, Fetched] = {}
    sem = asyncio.Semaphore(settings.max_hosts)
    async with httpx.AsyncClient(timeout=timeout, limits=limits, verify=verify, follow_redirects=False) as client:
        checker = Checker(settings, client, HostGates(settings.interval_for), rng or random.Random())

        async def worker(host_urls: list[str]) -> None:
            async with sem:
                for u in host_urls:
                    results[u] = await checker.fetch(u)

        await asyncio.gather(*(worker(group) for group in plan_hosts(urls).values()))
    return {u: results[u] for u in urls}


def run_remote(urls: list[str], settings: Settings, **kwargs: object) -> dict[str, Result]:
    if not urls:
        return {}
    return asyncio.run(check_remote(urls, settings, **kwargs))  # type: ignore[arg-type]


def run_fetch(urls: list[str], settings: Settings, **kwargs: object) -> dict[str, Fetched]:
    """run_remote, keeping the answer (and body) of each URL: for checks that read the pages themselves."""
    if not urls:
        return {}
    return asyncio.run(fetch_remote(urls, settings, **kwargs))  # type: ignore[arg-type]


__all__ = ["OK", "BoundedDecoder", "Checker", "Fetched", "HostGates", "check_remote", "describe_error",
           "fetch_remote", "run_fetch", "run_remote"]
