"""The guide as Debian's nginx serves it with exactly the configuration in deploy/, at the root and under a sub-path,
run as the current user from a temporary prefix on a free port of 127.0.0.1."""
from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urljoin, urlsplit

import httpx
import pytest
from browser import page_paths, search_from_not_found
from conftest import PUBLISHED_URL, build_site
from fixture_site import site_files
from html_facts import read_page

from guide.deploy import headers_snippet, nginx_conf, serve_nginx
from guide.outputs.security_headers import parse_headers_file

ROOT = Path(__file__).resolve().parent.parent

SUB_PATH = "/guide/"
SUB_ADDRESS = f"{PUBLISHED_URL.rstrip('/')}{SUB_PATH}"
# What must be compressed: every text type the build writes (by file name), and what only the browser reads.
TEXT_SUFFIXES = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}
GZIP_MIN_LENGTH = 256  # nginx-guide.conf: smaller bodies gain nothing from compression
LONG = "public, max-age=31536000, immutable"
# A content hash in a file name, as Material writes it (main.57a0d79d.min.css): the only files that may be cached long.
HASHED_NAME = re.compile(r"\.[0-9a-f]{8}\.min\.(css|js)$")
# Files the build writes that are not for readers.
INTERNAL = re.compile(r"(^|/)_headers$|\.map$")


class Served(NamedTuple):
    base: str  # http://127.0.0.1:PORT/ or http://127.0.0.1:PORT/guide/
    path: str  # / or /guide/
    site: Path
    headers: dict[str, str]  # the security headers of that build (site/_headers)


def _security_headers(site: Path) -> dict[str, str]:
    headers = parse_headers_file((site / "_headers").read_text(encoding="utf-8"))
    return {name.lower(): value for name, value in headers.items()}


@pytest.fixture(scope="module")
def sub_path_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built for a public address with a path (SUB_ADDRESS), in a web root's folder of that name."""
    return build_site(tmp_path_factory.mktemp("www") / SUB_PATH.strip("/"), site_url=SUB_ADDRESS)


@pytest.fixture(scope="module", params=["root", "sub-path"])
def served(request: pytest.FixtureRequest, published_site: Path,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """Builds for a public address, as production serves them: only those have a sitemap and QR codes."""
    tmp = tmp_path_factory.mktemp(f"nginx-{request.param}")
    port = nginx_conf.free_port()
    if request.param == "root":
        # The committed deploy/nginx-security-headers.conf, as it is: a root build's policy.
        site, web_root, guide_path, snippet = published_site, published_site, "/", None
    else:
        site = request.getfixturevalue("sub_path_site")
        web_root, guide_path = site.parent, SUB_PATH
        snippet = headers_snippet.nginx_snippet(site)  # its 404 script names the sub-path: its own hashes
    prefix = tmp / "prefix"
    main = nginx_conf.prepare(prefix, nginx_conf.local_values("127.0.0.1", port, guide_path, web_root),
                              headers_snippet=snippet)
    with nginx_conf.start(main, prefix, [("127.0.0.1", port)]):
        yield Served(f"http://127.0.0.1:{port}{guide_path}", guide_path, site, _security_headers(site))


def _assert_security_headers(response: httpx.Response, expected: dict[str, str]) -> None:
    got = {name: response.headers.get(name) for name in expected}
    assert got == expected, response.url
    assert "strict-transport-security" not in response.headers  # HSTS only over HTTPS


def test_every_file_compressed_and_cached_by_its_kind_and_none_not_for_readers(served: Served) -> None:
    kinds_compressed, long_cached, internal = set(), [], []
    for rel in site_files(served.site):
        if INTERNAL.search(rel):
            response = httpx.get(served.base + rel)
            assert response.status_code == 404 and "not-found" in response.text, rel  # the guide's own page, not nginx's
            internal.append(rel)
            continue
        body = (served.site / rel).read_bytes()
        url = served.base + rel
        zipped = httpx.get(url, headers={"Accept-Encoding": "gzip"})
        plain = httpx.get(url, headers={"Accept-Encoding": "identity"})
        assert (zipped.status_code, plain.status_code) == (200, 200), rel
        assert zipped.content == body and plain.content == body, rel  # httpx undoes the gzip
        assert "content-encoding" not in plain.headers, rel
        if rel.endswith(".html"):
            assert zipped.headers["content-type"] == "text/html; charset=utf-8", rel
            assert zipped.headers.get("etag") and zipped.headers.get("last-modified"), rel  # so no-cache revalidates
        suffix = Path(rel).suffix
        if suffix in TEXT_SUFFIXES and len(body) >= GZIP_MIN_LENGTH:
            assert zipped.headers.get("content-encoding") == "gzip", rel
            assert "Accept-Encoding" in zipped.headers.get("vary", "") and "Accept-Encoding" in plain.headers.get("vary", ""), rel
            kinds_compressed.add(suffix)
        else:
            assert "content-encoding" not in zipped.headers, rel  # PNG, PDF, .gz: compressed already
        cache = zipped.headers["cache-control"]
        if HASHED_NAME.search(rel):
            assert cache == LONG, rel
            long_cached.append(rel)
        else:
            # Not fingerprinted: an update must be seen at the next view, so the browser revalidates every time.
            assert cache == "no-cache", rel
            again = httpx.get(url, headers={"Accept-Encoding": "gzip", "If-None-Match": zipped.headers["etag"]})
            assert again.status_code == 304, rel  # unchanged: revalidated without sending the file again
        _assert_security_headers(zipped, served.headers)
    assert {".html", ".css", ".js", ".json", ".svg", ".xml"} <= kinds_compressed
    # Material's bundles, which every page loads, are among the long-cached files.
    loaded = {urlsplit(urljoin(served.base, r)).path for r in read_page(served.site / "index.html").resources}
    assert any(p.endswith(".min.css") and HASHED_NAME.search(p) for p in loaded)
    assert any(p.endswith(".min.js") and HASHED_NAME.search(p) for p in loaded)
    assert any("/workers/search." in f for f in long_cached)
    assert "_headers" in internal and any(rel.endswith(".map") for rel in internal)


@pytest.mark.parametrize(("path", "lang"), [
    ("no-such-page/", "zh"), ("en/no-such-page/", "en"), ("en/register/no-such-anchor-page", "en"),
    ("assets/no-such-file.css", "zh"),
])
def test_a_missing_address_gets_its_languages_not_found_page(served: Served, path: str, lang: str) -> None:
    response = httpx.get(served.base + path)
    assert response.status_code == 404
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    _assert_security_headers(response, served.headers)
    html = response.text
    assert re.search(r'<html lang="([\w-]+)"', html).group(1) == lang
    first = re.search(r'<section class="not-found__part" lang="([\w-]+)">\s*<h1', html)
    assert first and first.group(1).startswith(lang)
    switcher = {m.group(2): m.group(1) for m in re.finditer(
        r'<a href="([^"]*)" hreflang="([\w-]+)" class="md-select__link"', html)}
    assert switcher == {"zh": served.path, "en": served.path + "en/"}
    config = re.search(r'"base": "([^"]*)"', html).group(1)
    assert config == (served.path + "en/" if lang == "en" else served.path)  # that language's search index


def test_addresses_without_their_slash_redirect_within_the_site(served: Served) -> None:
    for folder in ("en", "register", "en/register"):
        response = httpx.get(served.base + folder)
        assert response.status_code == 301, folder
        # absolute_redirect off: no scheme or host, so a proxy that ends HTTPS in front keeps working.
        assert response.headers["location"] == f"{served.path}{folder}/", folder


# --- The bare address: one language decided by the server ---------------------------------------------------------

ENGLISH_FIRST = "en-US,en;q=0.9,zh-CN;q=0.8"
CHINESE_FIRST = "zh-CN,zh;q=0.9,en;q=0.8"


@pytest.mark.parametrize(("accept_language", "cookie", "english"), [
    (ENGLISH_FIRST, None, True),
    (CHINESE_FIRST, None, False),
    ("fr-FR,fr;q=0.9", None, True),                 # neither language: the guide's other readers read English
    ("fr-FR, zh-TW;q=0.8, en;q=0.5", None, False),  # Chinese before English, after a third language
    ("de, en-GB;q=0.7, zh;q=0.5", None, True),
    (None, None, False),                             # a search engine's robot: the default language
    (ENGLISH_FIRST, "zh", False),                    # switched back to Chinese in the switcher: that choice wins
    (CHINESE_FIRST, "en", True),
    (ENGLISH_FIRST, "fr", True),                     # a cookie the guide never writes is ignored
])
def test_the_bare_address_answers_in_the_readers_language(served: Served, accept_language: str | None,
                                                          cookie: str | None, english: bool) -> None:
    headers = {"Accept-Language": accept_language} if accept_language else {}
    if cookie:
        headers["Cookie"] = f"other=1; chsi_guide_lang={cookie}"
    response = httpx.get(served.base, headers=headers)
    if english:
        assert response.status_code == 302
        assert response.headers["location"] == served.path + "en/"  # before any byte of the Chinese page
        assert response.headers["cache-control"] == "no-cache"
    else:
        assert response.status_code == 200
        assert re.search(r'<html lang="([\w-]+)"', response.text).group(1) == "zh"
    # Caches between reader and host keep one answer per language and choice.
    assert "Accept-Language, Cookie" in response.headers.get_list("vary")


def test_only_the_bare_address_is_redirected(served: Served) -> None:
    headers = {"Accept-Language": ENGLISH_FIRST}
    # The query string (the QR code's, a campaign's) goes along.
    redirected = httpx.get(served.base + "?from=qr", headers=headers)
    assert redirected.status_code == 302
    assert redirected.headers["location"] == served.path + "en/?from=qr"
    # A Chinese page asked for by its own address stays, even for an English browser; only the bare address varies.
    for path in ("index.html", "register/", "en/"):
        response = httpx.get(served.base + path, headers=headers)
        assert response.status_code == 200, path
        assert "Accept-Language" not in ",".join(response.headers.get_list("vary")), path


# --- Chromium -----------------------------------------------------------------------------------------------------

RECORD = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
"""


@pytest.fixture()
def page(new_page):
    page = new_page("en-US", viewport={"width": 1280, "height": 800})
    page.context.add_init_script(RECORD)
    page.errors = []
    page.on("console", lambda m: m.type == "error" and page.errors.append((m.text, m.location.get("url", ""))))
    page.on("pageerror", lambda e: page.errors.append((str(e), "")))
    return page


def _problems(page, missing_page: str | None = None) -> list[str]:
    # A page-not-found page is itself answered with 404, which Chromium logs: that one line is expected.
    errors = [text for text, where in page.errors
              if not (missing_page and where == missing_page and "status of 404" in text)]
    return page.evaluate("window.__csp") + errors


@pytest.mark.browser
def test_chromium_meets_no_csp_violation_or_console_error(served: Served, page) -> None:
    found = {}
    for path in page_paths(served.site):
        page.errors.clear()
        page.goto(served.base + path, wait_until="load")
        page.wait_for_timeout(100)  # let Material's bundle finish its start-up work
        if problems := _problems(page):
            found[path] = problems
    assert found == {}


@pytest.mark.browser
@pytest.mark.parametrize("path", ["no-such-page/", "en/no-such-page/"])
def test_the_not_found_page_searches_its_language(served: Served, page, path: str) -> None:
    url = served.base + path
    assert page.goto(url).status == 404
    lang = page.locator("html").get_attribute("lang")
    # What to search for: the page's own link to the troubleshooting page in its language (that page's title).
    target, found = search_from_not_found(page, lang)
    english = [href.startswith(served.base + "en/") for href in found]
    assert target in found and (all(english) if lang == "en" else not any(english)), found
    assert _problems(page, missing_page=url) == []


@pytest.mark.browser
def test_chromium_in_english_reaches_english_in_one_page_load_and_keeps_a_switch_back(served: Served, page) -> None:
    # The page fixture's browser asks for English: nothing of the Chinese page is downloaded before the redirect.
    answers, documents = [], []
    page.on("response", lambda r: answers.append((r.url, r.status)))
    page.on("request", lambda r: r.resource_type == "document" and documents.append(r.url))
    page.goto(served.base, wait_until="networkidle")
    assert page.url == served.base + "en/"
    assert answers[:2] == [(served.base, 302), (served.base + "en/", 200)], answers
    assert documents == [served.base, served.base + "en/"], answers
    assert len(answers) <= 10, answers  # the page budget, the redirect included
    page.locator(".md-select a[hreflang='zh']").first.dispatch_event("click")
    page.wait_for_url(served.base)
    answers.clear()
    page.goto(served.base, wait_until="load")
    assert page.url == served.base and answers[0] == (served.base, 200), answers
    assert page.locator("html").get_attribute("lang") == "zh"
    assert _problems(page) == []


# --- the commented HTTPS block, switched on --------------------------------------------------------------------------

def test_https_sends_hsts_speaks_http2_and_port_80_redirects(built_site: Path, tmp_path: Path) -> None:
    cert, key, prefix = tmp_path / "cert.pem", tmp_path / "key.pem", tmp_path / "prefix"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True)
    http_port, https_port = nginx_conf.free_port(), nginx_conf.free_port()
    values = nginx_conf.local_values("127.0.0.1", http_port, "/", built_site, LISTEN_TLS=f"127.0.0.1:{https_port}",
                                     TLS_CERTIFICATE=str(cert), TLS_KEY=str(key))
    main = nginx_conf.prepare(prefix, values, https=True)
    https_base = f"https://127.0.0.1:{https_port}/"
    expected = _security_headers(built_site)
    bundle = next(r for r in read_page(built_site / "index.html").resources if HASHED_NAME.search(r))
    with nginx_conf.start(main, prefix, [("127.0.0.1", http_port), ("127.0.0.1", https_port)]):
        redirect = httpx.get(f"http://127.0.0.1:{http_port}/en/register/?x=1")
        assert redirect.status_code == 301
        assert redirect.headers["location"] == "https://127.0.0.1/en/register/?x=1"
        with httpx.Client(verify=ssl.create_default_context(cafile=str(cert))) as client:
            for path in ("", "en/", "assets/stylesheets/guide.css", urlsplit(urljoin(https_base, bundle)).path[1:],
                         "en/no-such-page/"):
                response = client.get(https_base + path)
                assert response.status_code == (404 if "no-such" in path else 200), path
                assert response.headers["strict-transport-security"] == "max-age=31536000", path
                assert {n: response.headers.get(n) for n in expected} == expected, path
        context = ssl.create_default_context(cafile=str(cert))
        context.set_alpn_protocols(["h2", "http/1.1"])
        with (socket.create_connection(("127.0.0.1", https_port), timeout=5) as raw,
              context.wrap_socket(raw, server_hostname="127.0.0.1") as tls):
            assert tls.selected_alpn_protocol() == "h2"


# --- make serve-nginx --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])  # Ctrl+C, or a kill from another terminal
def test_serve_nginx_serves_a_sub_path_build_at_its_path_as_it_is_until_stopped(
        sub_path_site: Path, built_site: Path, tmp_path: Path, stop: int) -> None:
    # make serve-nginx after SITE_URL=... make build: the build is served at its path, not rebuilt as a preview.
    site = tmp_path / "site"
    shutil.copytree(sub_path_site, site)
    before = {p: p.stat().st_mtime_ns for p in site.rglob("*")}
    port = nginx_conf.free_port()
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    proc = subprocess.Popen([sys.executable, "-m", "guide.deploy.serve_nginx", "--port", str(port), "--site", str(site),
                             "--build"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    lines: list[str] = []

    def read() -> None:  # what it prints up to its 'open ADDRESS' line
        for line in proc.stdout:
            lines.append(line.rstrip("\n"))
            if line.startswith("serve_nginx: open "):
                return  # nginx's access log follows: left in the pipe

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(30)
    if not (lines and lines[-1].startswith("serve_nginx: open ")):
        proc.kill()
        pytest.fail("serve_nginx printed no address to open within 30 s:\n" + "\n".join(lines)
                    + proc.communicate(timeout=10)[1])
    try:
        base = f"http://127.0.0.1:{port}{SUB_PATH}"
        assert lines[0].startswith(f"serve_nginx: site/ holds the build for {SUB_ADDRESS} (made ")
        assert "not rebuilt" in lines[0]
        assert f"(the build for {SUB_ADDRESS})" in lines[1]
        assert lines[-1] == f"serve_nginx: open {base} (Ctrl+C stops)"
        prefix = Path(re.search(r"filled in at (\S+)/conf\)", lines[1]).group(1))
        assert (prefix / "conf" / "chsi-guide" / "nginx-guide.conf").read_text() == (
            ROOT / "deploy" / "nginx-guide.conf").read_text()
        for path, lang in (("", "zh"), ("en/", "en")):
            response = httpx.get(base + path)
            assert response.status_code == 200, path
            assert re.search(r'<html lang="([\w-]+)"', response.text).group(1).startswith(lang), path
        missing = httpx.get(base + "en/no-such-page/")
        assert missing.status_code == 404 and '<html lang="en"' in missing.text
        # Its own build's policy: the 404 page's script names the sub-path, so a root build's policy would block it.
        policy = missing.headers["content-security-policy"]
        assert policy == _security_headers(site)["content-security-policy"], "not the sub-path build's own policy"
        assert policy != _security_headers(built_site)["content-security-policy"]
        assert httpx.get(f"http://127.0.0.1:{port}/en/").status_code == 404  # the site is not at the root
    finally:
        proc.send_signal(stop)
        try:
            code = proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            raise
    assert code == 0
    assert not prefix.exists()  # the temporary prefix is gone
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"http://127.0.0.1:{port}/")
    assert {p: p.stat().st_mtime_ns for p in site.rglob("*")} == before


@pytest.mark.parametrize(("canonical", "site_url", "builds"), [
    (SUB_ADDRESS, "", False),                        # SITE_URL=... make build, then make serve-nginx
    (SUB_ADDRESS, SUB_ADDRESS.rstrip("/"), False),   # the same address again
    (SUB_ADDRESS, "https://other.example.edu/", True),  # another address asked for
    (None, "", True),                                # a preview: built again, as before
    ("http://127.0.0.1:8000/guide/", "", True),      # this computer's address is a preview too
    ("missing", "", True),                           # nothing built yet
])
def test_serve_nginx_rebuilds_only_what_is_no_build_for_the_address_asked(tmp_path: Path, canonical: str | None,
                                                                          site_url: str, builds: bool) -> None:
    site = tmp_path / "site"
    if canonical != "missing":  # just what serve_nginx reads of a build: the home page's canonical link and _headers
        site.mkdir()
        link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
        (site / "index.html").write_text(f"<html><head>{link}</head></html>", encoding="utf-8")
        (site / "_headers").write_text("/*\n", encoding="utf-8")
    build_first, why = serve_nginx.plan(site, site_url)
    assert build_first is builds
    if canonical != "missing":  # what the serving line calls the build
        assert serve_nginx.what_is_served(site).startswith("the build for" if canonical == SUB_ADDRESS else "a preview")
    if builds and site_url:
        assert f"building for SITE_URL={site_url}" in why
    if canonical == SUB_ADDRESS and builds:
        assert f"was built for {SUB_ADDRESS}" in why  # it says which build it replaces


def test_serve_nginx_serves_nothing_without_a_build_or_when_its_build_fails(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert serve_nginx.main(["--site", str(tmp_path)]) == 2
    assert "run `make build` first" in capsys.readouterr().err
    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.setattr(serve_nginx, "build_site", lambda site, site_url: 1)
    assert serve_nginx.main(["--site", str(tmp_path / "site"), "--port", str(nginx_conf.free_port()), "--build"]) == 1
    out, err = capsys.readouterr()
    assert out.startswith("serve_nginx: site/ holds no build for a public address: building a preview first")
    assert "the build failed" in err and "nothing is served" in err


# --- a site built for a sub-path never links outside it ------------------------------------------------------------

ROOT_ABSOLUTE = re.compile(r"""<(\w+)\b[^>]*?\s(?:href|src|action)="(/(?!/)[^"]*)"[^>]*>""")


def test_no_link_leaves_the_sub_path_and_only_404_and_the_switcher_are_root_absolute(sub_path_site: Path) -> None:
    # (file, tag) for every href, src or action that starts with a single '/'
    found = [(page.relative_to(sub_path_site).as_posix(), match[0]) for page in sorted(sub_path_site.rglob("*.html"))
             for match in ROOT_ABSOLUTE.finditer(page.read_text(encoding="utf-8"))]
    assert [(page, tag) for page, tag in found if f'="{SUB_PATH}' not in tag] == []
    # Each language's 404.html is served at any depth, so Material writes its links absolute on purpose;
    # mkdocs-static-i18n writes the home pages' language links absolute too (with the sub-path). Every other link
    # is relative.
    assert [(page, tag) for page, tag in found if Path(page).name != "404.html" and "md-select__link" not in tag] == []
    assert {page for page, _ in found if Path(page).name == "404.html"} == {"404.html", "en/404.html"}
