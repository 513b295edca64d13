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
from dataclasses import dataclass
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
CHALLENGE = (b"<html><head><meta charset=utf-8></head><body><script>var x='c'+'d';document.cookie='__jsl_clearance_s="
             b"1234|0';location.href=location.pathname+location.search</script></body></html>")
BROWSER_WORDS = ("Chrome/", "Firefox/", "Safari/")

# Client-side redirects: 200 pages whose <meta http-equiv="refresh"> sends the browser on. Paths of the case
# server, not entries of CASES, so the benchmark's recorded table keeps its 30 cases.
REFRESH_PAGES = {
    "/refresh": ("0;url=/ok", "此页面已迁移。"),
    "/refresh-gone": ("0; URL='/gone'", "此页面已迁移。"),
    "/refresh-chain": ("0;url=/refresh-moved", "此页面已迁移。"),
    "/refresh-loop-a": ("0;url=/refresh-loop-b", "此页面已迁移。"),
    "/refresh-loop-b": ("0;url=/refresh-loop-a", "此页面已迁移。"),
    "/refresh-later": ("1800;url=/gone", "<p>登录后 30 分钟无操作将自动退出。</p>" * 20),
    "/refresh-self": ("5", "<p>每 5 秒刷新一次的页面。</p>" * 20),
}


def to(location: str) -> dict[str, str]:
    return {"Location": location}


# path -> (status, body, headers) of the answers that never change
ANSWERS: dict[str, tuple[int, bytes, dict[str, str]]] = {
    "/ok": (200, OK_PAGE, {}),
    "/404.html": (200, OK_PAGE, {}),
    "/faq": (200, FAQ_PAGE, {}),
    "/gone": (404, b"<h1>404 Not Found</h1>", {}),
    "/removed": (410, b"Gone", {}),
    "/soft-404": (200, SOFT_404, {}),
    "/soft-404-en": (200, b"<html><head><title>Page Not Found</title></head><body><p>Sorry.</p></body></html>", {}),
    "/old-news": (302, b"", to("/404.html")),
    "/moved": (301, b"", to("/ok")),
    "/moved-308": (308, b"", to("/ok")),
    "/login": (302, b"", to("/ok")),
    "/temp": (307, b"", to("/ok")),
    "/chain/1": (301, b"", to("/chain/2")), "/chain/2": (302, b"", to("/chain/3")),
    "/chain/3": (302, b"", to("/chain/4")), "/chain/4": (200, OK_PAGE, {}),
    "/refresh-moved": (301, b"", to("/ok")),
    "/loop-a": (302, b"", to("/loop-b")),
    "/loop-b": (302, b"", to("/loop-a")),
    "/forbidden": (403, b"<html><title>403 Forbidden</title><body>Forbidden</body></html>", {}),
    "/challenge": (412, CHALLENGE, {}),
    "/challenge-200": (200, (b"<html><head></head><body><script>document.cookie='verify='+(7*6)+';path=/';"
                             b"window.location.reload();</script></body></html>"), {}),
    "/robot-999": (999, b"Request denied", {}),
    "/busy": (429, b"Too many requests", {"Retry-After": "1"}),
    **{path: (200, (f'<!doctype html><html><head><meta charset=utf-8><meta http-equiv="refresh" content="{content}">'
                    f"<title>学信网</title></head><body>{body}</body></html>").encode(), {})
       for path, (content, body) in REFRESH_PAGES.items()},
}


@dataclass
class Hit:
    at: float
    method: str
    path: str
    headers: dict[str, str]


def _bomb(size: int = 64 * 2**20) -> bytes:
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"\0" * 2**20
    return b"".join(z.compress(block) for _ in range(size // len(block))) + z.flush()


class CaseHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    log: list[Hit]
    slow_seconds: float = 5.0
    answers: dict[str, tuple[int, bytes, dict[str, str]]] = ANSWERS
    bomb: bytes = b""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _send(self, code: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(code)
        for name, value in {"Content-Type": "text/html; charset=utf-8", "Content-Length": str(len(body)),
                            **(headers or {})}.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
            self.wfile.flush()

    def do_GET(self) -> None:
        self.log.append(Hit(time.monotonic(), self.command, self.path,
                                  {k.lower(): v for k, v in self.headers.items()}))
        try:
            self._route(self.path.split("?")[0], self.headers.get("User-Agent", ""))
        except OSError:  # resets, broken pipes and refused certificates are the point of these servers
            self.close_connection = True

    do_HEAD = do_GET

    def _route(self, p: str, ua: str) -> None:
        if p in self.answers:
            return self._send(*self.answers[p])
        if p.startswith("/page"):
            return self._send(200, OK_PAGE)
        if p == "/ua-gated":
            if ua.startswith("Mozilla/5.0") and any(w in ua for w in BROWSER_WORDS):
                return self._send(200, OK_PAGE)
            return self._send(403, b"<html><body>Access denied</body></html>")
        if p.startswith("/hop/"):
            return self._send(302, b"", to(f"/hop/{int(p.rsplit('/', 1)[1]) + 1}"))
        if p == "/busy-once":  # every other request is refused
            if sum(h.path == p for h in self.log) % 2 == 1:
                return self._send(*self.answers["/busy"])
            return self._send(200, OK_PAGE)
        if p == "/form.pdf":
            if self.command == "HEAD":
                return self._send(405, b"", {"Allow": "GET"})
            return self._send(200, b"%PDF-1.4\n%fixture\n", {"Content-Type": "application/pdf"})
        if p == "/slow":
            time.sleep(self.slow_seconds)
            return self._send(200, OK_PAGE)
        if p == "/bomb":
            return self._send(200, self.bomb, {"Content-Encoding": "gzip"})
        if p == "/reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
            return None
        if p == "/drip":  # promises 100 KB, sends a byte every 0.1 s for 30 s
            self._send(200, b"", {"Content-Type": "text/html", "Content-Length": "100000"})
            for _ in range(300 if self.command != "HEAD" else 0):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(0.1)
            self.close_connection = True
            return None
        if p == "/huge":
            size, sent = 100 * 2**20, 0
            self._send(200, b"", {"Content-Length": str(size)})
            chunk = b"<p>" + "很长的页面。".encode() * 2000 + b"</p>\n"
            while self.command != "HEAD" and sent < size:
                sent += self.wfile.write(chunk[: size - sent])
            return None
        return self._send(404, b"not a case")


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # resets, closed sockets and refused certificates are the point of these servers


def serve(address: str, log: list[Hit], tls: ssl.SSLContext | None = None, port: int = 0, **answers: object
          ) -> QuietServer:
    """A case server on address:port in a thread, logging each request to `log`; `answers` override the handler's
    attributes (answers=, bomb=, slow_seconds=)."""
    server = QuietServer((address, port), type("Handler", (CaseHandler,), {"log": log, **answers}))
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return server


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


def stop(*servers: QuietServer | None) -> None:
    for server in filter(None, servers):
        server.shutdown()
        server.server_close()


@dataclass
class CaseServers:
    main: QuietServer
    log: list[Hit]
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
        stop(self.main, self.tls)


def start_cases(workdir: Path, *, slow_seconds: float = 5.0, port: int = 0) -> CaseServers:
    log: list[Hit] = []
    main = serve("127.0.0.1", log, port=port, bomb=_bomb(), slow_seconds=slow_seconds)
    context = self_signed_context(workdir)
    tls = serve("127.0.0.1", [], context) if context else None
    return CaseServers(main=main, log=log, refused_port=free_port(), tls=tls)


@dataclass
class Hosts:
    servers: list[QuietServer]
    logs: list[list[Hit]]

    def urls(self, pages: int) -> list[str]:
        return [f"http://{s.server_address[0]}:{s.server_port}/page{n}" for s in self.servers for n in range(pages)]

    def close(self) -> None:
        stop(*self.servers)


def start_hosts(count: int, first: int = 10) -> Hosts:
    """`count` servers on 127.0.0.<first>, 127.0.0.<first+1>...: each a separate host answering /pageN with 200."""
    logs: list[list[Hit]] = [[] for _ in range(count)]
    return Hosts([serve(f"127.0.0.{first + i}", log) for i, log in enumerate(logs)], logs)
