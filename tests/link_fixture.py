"""Local servers that misbehave in every way the checker must judge: shared by the tests and the benchmark.

Each case is a path on one server (127.0.0.1) with the verdict a correct checker gives; `start_hosts` starts many
plain servers on 127.0.0.x addresses, each a separate host, for the timing benchmark.
"""
from __future__ import annotations

import socket
import ssl
import struct
import subprocess
import threading
import time
import zlib
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# Link checker settings for tests against these servers: no pause between requests, short timeouts, no retries,
# and a history threshold of 2 (pyproject.toml [tool.check-links] has the real ones).
FAST_SETTINGS = """
[tool.check-links]
min_interval = 0.0
connect_timeout = 1.0
read_timeout = 0.5
request_deadline = 1.5
url_deadline = 5.0
retries = 0
backoff = 0.05
history_threshold = 2
"""


@dataclass(frozen=True)
class Case:
    name: str
    path: str
    expected: str
    what: str


CASES: tuple[Case, ...] = (
    Case("ok", "/ok", "ok", "a normal page"),
    Case("mentions-not-found", "/faq", "ok", "a long normal page that quotes 页面不存在 in its text"),
    Case("not-found", "/gone", "broken", "404"),
    Case("gone", "/removed", "broken", "410"),
    Case("soft-404-zh", "/soft-404", "broken", "200 page saying 您访问的页面不存在"),
    Case("soft-404-en", "/soft-404-en", "broken", "200 page titled Page Not Found"),
    Case("soft-404-redirect", "/old-news", "broken", "302 to /404.html answering 200"),
    Case("moved-301", "/moved", "redirect", "301 to a working page"),
    Case("moved-308", "/moved-308", "redirect", "308 to a working page"),
    Case("login-302", "/login", "ok", "302 to a working page (a login redirect)"),
    Case("temp-307", "/temp", "ok", "307 to a working page"),
    Case("chain", "/chain/1", "redirect", "301, 302, 302 then 200"),
    Case("loop", "/loop-a", "broken", "302 loop between two pages"),
    Case("too-many", "/hop/0", "broken", "an endless chain of 302s"),
    Case("forbidden", "/forbidden", "blocked", "403 to everyone"),
    Case("ua-gated", "/ua-gated", "ok", "403 unless the User-Agent looks like a browser"),
    Case("challenge-412", "/challenge", "blocked", "412 with a JavaScript challenge"),
    Case("challenge-200", "/challenge-200", "blocked", "200 JavaScript challenge that sets a cookie and reloads"),
    Case("robot-999", "/robot-999", "blocked", "999, LinkedIn-style refusal"),
    Case("rate-limited", "/busy", "blocked", "429 with Retry-After: 1, always"),
    Case("rate-then-ok", "/busy-once", "ok", "429 with Retry-After: 1, then 200"),
    Case("head-refused", "/form.pdf", "ok", "HEAD answers 405, GET 200 application/pdf"),
    Case("slow", "/slow", "unreachable", "answers only after the deadline"),
    Case("drip", "/drip", "unreachable", "sends its body one byte at a time, past the deadline"),
    Case("huge", "/huge", "ok", "a 100 MB page"),
    Case("gzip-bomb", "/bomb", "ok", "64 MB of zeros gzip-compressed to 64 KB"),
    Case("reset", "/reset", "unreachable", "resets the connection"),
)
# Cases whose URL is not a path on the case server (see CaseServers.url).
EXTRA_CASES: tuple[Case, ...] = (
    Case("no-such-host", "http://no-such-host.invalid/", "broken", "a name that does not resolve"),
    Case("refused", "refused", "unreachable", "nothing listens on the port"),
    Case("bad-tls", "tls", "unreachable", "HTTPS with a self-signed certificate"),
)

OK_PAGE = ("<!doctype html><html lang=zh><head><meta charset=utf-8><title>学信网注册指南</title></head><body>"
           "<h1>注册学信网账号</h1>" + "<p>按下面的步骤在学信网注册账号，然后核验身份。</p>" * 40 + "</body></html>").encode()
FAQ_PAGE = ("<!doctype html><html><head><meta charset=utf-8><title>常见问题</title></head><body><h1>常见问题</h1>"
            + "<p>如果学信网提示“页面不存在”，请检查网址是否完整，或者稍后再试。Page not found errors go away.</p>" * 20
            + "</body></html>").encode()
SOFT_404 = ("<html><head><meta charset=utf-8><title>提示信息</title></head><body><div class=err>"
            "<p>抱歉，您访问的页面不存在或已被删除。</p><a href=/>返回首页</a></div></body></html>").encode()
SOFT_404_EN = b"<html><head><title>Page Not Found</title></head><body><p>Sorry.</p></body></html>"
CHALLENGE = (b"<html><head><meta charset=utf-8></head><body><script>var x='c'+'d';document.cookie='__jsl_clearance_s="
             b"1234|0';location.href=location.pathname+location.search</script></body></html>")
CHALLENGE_200 = (b"<html><head></head><body><script>document.cookie='verify='+(7*6)+';path=/';"
                 b"window.location.reload();</script></body></html>")
BROWSER_WORDS = ("Chrome/", "Firefox/", "Safari/")

# Client-side redirects (tests/test_check_links.py): 200 pages whose <meta http-equiv="refresh"> sends the browser
# on. Paths of the case server, not entries of CASES, so the benchmark's recorded table keeps its 30 cases.
REFRESH_PAGES = {
    "/refresh": ("0;url=/ok", "此页面已迁移。"),
    "/refresh-gone": ("0; URL='/gone'", "此页面已迁移。"),
    "/refresh-chain": ("0;url=/refresh-moved", "此页面已迁移。"),
    "/refresh-loop-a": ("0;url=/refresh-loop-b", "此页面已迁移。"),
    "/refresh-loop-b": ("0;url=/refresh-loop-a", "此页面已迁移。"),
    "/refresh-later": ("1800;url=/gone", "<p>登录后 30 分钟无操作将自动退出。</p>" * 20),
    "/refresh-self": ("5", "<p>每 5 秒刷新一次的页面。</p>" * 20),
}


def refresh_page(content: str, body: str) -> bytes:
    return (f'<!doctype html><html><head><meta charset=utf-8><meta http-equiv="refresh" content="{content}">'
            f"<title>学信网</title></head><body>{body}</body></html>").encode()


@dataclass
class Hit:
    at: float
    method: str
    path: str
    headers: dict[str, str]


@dataclass
class ServerState:
    log: list[Hit] = field(default_factory=list)
    counters: dict[str, int] = field(default_factory=dict)
    slow_seconds: float = 5.0
    active: int = 0
    most_active: int = 0          # the most requests this server was answering at one time
    lock: threading.Lock = field(default_factory=threading.Lock)

    def enter(self, hit: Hit) -> None:
        with self.lock:
            self.log.append(hit)
            self.active += 1
            self.most_active = max(self.most_active, self.active)

    def leave(self) -> None:
        with self.lock:
            self.active -= 1

    def count(self, key: str) -> int:
        with self.lock:
            self.counters[key] = self.counters.get(key, 0) + 1
            return self.counters[key]

    def reset(self) -> None:
        with self.lock:
            self.log.clear()
            self.counters.clear()
            self.most_active = 0


def _bomb(size: int = 64 * 2**20) -> bytes:
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"\0" * 2**20
    return b"".join(z.compress(block) for _ in range(size // len(block))) + z.flush()


class CaseHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    state: ServerState
    bomb: bytes = b""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _send(self, code: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8",
              headers: tuple[tuple[str, str], ...] = ()) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        ua = self.headers.get("User-Agent", "")
        self.state.enter(Hit(time.monotonic(), self.command, self.path, {k.lower(): v for k, v in self.headers.items()}))
        p = self.path.split("?")[0]
        try:
            self._route(p, ua)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, ssl.SSLError, OSError):
            self.close_connection = True
        finally:
            self.state.leave()

    def _route(self, p: str, ua: str) -> None:
        if p in {"/ok", "/404.html"} or p.startswith("/page"):
            return self._send(200, OK_PAGE)
        if p == "/faq":
            return self._send(200, FAQ_PAGE)
        if p in REFRESH_PAGES:
            return self._send(200, refresh_page(*REFRESH_PAGES[p]))
        if p == "/refresh-moved":
            return self._send(301, headers=(("Location", "/ok"),))
        if p == "/gone":
            return self._send(404, b"<h1>404 Not Found</h1>")
        if p == "/removed":
            return self._send(410, b"Gone")
        if p == "/soft-404":
            return self._send(200, SOFT_404)
        if p == "/soft-404-en":
            return self._send(200, SOFT_404_EN)
        if p == "/old-news":
            return self._send(302, headers=(("Location", "/404.html"),))
        if p in {"/moved", "/moved-308", "/login", "/temp"}:
            code = {"/moved": 301, "/moved-308": 308, "/login": 302, "/temp": 307}[p]
            return self._send(code, headers=(("Location", "/ok"),))
        if p.startswith("/chain/"):
            step = int(p.rsplit("/", 1)[1])
            if step >= 4:
                return self._send(200, OK_PAGE)
            return self._send(301 if step == 1 else 302, headers=(("Location", f"/chain/{step + 1}"),))
        if p in {"/loop-a", "/loop-b"}:
            return self._send(302, headers=(("Location", "/loop-b" if p == "/loop-a" else "/loop-a"),))
        if p.startswith("/hop/"):
            return self._send(302, headers=(("Location", f"/hop/{int(p.rsplit('/', 1)[1]) + 1}"),))
        if p == "/forbidden":
            return self._send(403, b"<html><title>403 Forbidden</title><body>Forbidden</body></html>")
        if p == "/ua-gated":
            if ua.startswith("Mozilla/5.0") and any(w in ua for w in BROWSER_WORDS):
                return self._send(200, OK_PAGE)
            return self._send(403, b"<html><body>Access denied</body></html>")
        if p == "/challenge":
            return self._send(412, CHALLENGE)
        if p == "/challenge-200":
            return self._send(200, CHALLENGE_200)
        if p == "/robot-999":
            return self._send(999, b"Request denied")
        if p == "/busy":
            return self._send(429, b"Too many requests", headers=(("Retry-After", "1"),))
        if p == "/busy-once":
            if self.state.count("busy-once") % 2 == 1:
                return self._send(429, b"Too many requests", headers=(("Retry-After", "1"),))
            return self._send(200, OK_PAGE)
        if p == "/form.pdf":
            if self.command == "HEAD":
                return self._send(405, headers=(("Allow", "GET"),))
            return self._send(200, b"%PDF-1.4\n%fixture\n", ctype="application/pdf")
        if p == "/slow":
            time.sleep(self.state.slow_seconds)
            return self._send(200, OK_PAGE)
        if p == "/drip":
            return self._drip()
        if p == "/huge":
            return self._huge()
        if p == "/bomb":
            return self._send(200, self.bomb, headers=(("Content-Encoding", "gzip"),))
        if p == "/reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
            return None
        return self._send(404, b"not a case")

    def _drip(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        self.wfile.flush()
        if self.command == "HEAD":
            return
        for _ in range(300):
            self.wfile.write(b" ")
            self.wfile.flush()
            time.sleep(0.1)
        self.close_connection = True

    def _huge(self) -> None:
        size = 100 * 2**20
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(size))
        self.end_headers()
        if self.command == "HEAD":
            return
        chunk = b"<p>" + "很长的页面。".encode() * 2000 + b"</p>\n"
        sent = 0
        while sent < size:
            part = chunk[: size - sent]
            self.wfile.write(part)
            sent += len(part)


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # resets, closed sockets and refused certificates are the point of these servers


def _serve(address: str, handler: type[BaseHTTPRequestHandler], tls: ssl.SSLContext | None = None,
           port: int = 0) -> QuietServer:
    server = QuietServer((address, port), handler)
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return server


def _handler(state: ServerState, bomb: bytes = b"") -> type[CaseHandler]:
    return type("Handler", (CaseHandler,), {"state": state, "bomb": bomb})


def self_signed_context(directory: Path) -> ssl.SSLContext | None:
    """A server context with a fresh self-signed certificate (made by openssl), or None without openssl."""
    key, cert = directory / "key.pem", directory / "cert.pem"
    try:
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out",
                        str(cert), "-days", "2", "-subj", "/CN=127.0.0.1"], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context


def free_port(address: str = "127.0.0.1") -> int:
    """A port nothing listens on (bound, then closed)."""
    with socket.socket() as s:
        s.bind((address, 0))
        return s.getsockname()[1]


@dataclass
class CaseServers:
    main: QuietServer
    state: ServerState
    refused_port: int
    tls: QuietServer | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.main.server_port}"

    def url(self, case: Case) -> str | None:
        if case.path.startswith("http"):
            return case.path
        if case.path == "refused":
            return f"http://127.0.0.1:{self.refused_port}/"
        if case.path == "tls":
            return f"https://127.0.0.1:{self.tls.server_port}/ok" if self.tls else None
        return self.base + case.path

    def close(self) -> None:
        for server in (self.main, self.tls):
            if server is not None:
                server.shutdown()
                server.server_close()


def start_cases(workdir: Path, *, slow_seconds: float = 5.0, port: int = 0) -> CaseServers:
    state = ServerState(slow_seconds=slow_seconds)
    main = _serve("127.0.0.1", _handler(state, _bomb()), port=port)
    context = self_signed_context(workdir)
    tls = _serve("127.0.0.1", _handler(ServerState()), context) if context else None
    return CaseServers(main=main, state=state, refused_port=free_port(), tls=tls)


@dataclass
class Hosts:
    servers: list[QuietServer]
    states: list[ServerState]

    def urls(self, pages: int) -> list[str]:
        return [f"http://{s.server_address[0]}:{s.server_port}/page{n}" for s in self.servers for n in range(pages)]

    def close(self) -> None:
        for s in self.servers:
            s.shutdown()
            s.server_close()


def start_hosts(count: int, first: int = 10) -> Hosts:
    """`count` servers on 127.0.0.<first>, 127.0.0.<first+1>...: each a separate host answering /pageN with 200."""
    states = [ServerState() for _ in range(count)]
    servers = [_serve(f"127.0.0.{first + i}", _handler(state)) for i, state in enumerate(states)]
    return Hosts(servers, states)
