"""make dist: one archive a university's IT can deploy, refused without a real address, served by nginx as unpacked.
Its build is the plain MkDocs build here: the PDF export has tests of its own and takes half a minute."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import httpx
import pytest
from conftest import build_site

ROOT = Path(__file__).resolve().parent.parent

from guide.deploy import dist as make_dist
from guide.deploy import nginx_conf

SITE_URL = "https://guide.example.edu/chsi-guide/"


@pytest.mark.parametrize("address", ["", "http://127.0.0.1:8000/", "http://localhost/guide/", "http://[::1]/",
                                     "guide.example.edu/chsi-guide/", "https://guide.example.edu/?x=1"])
def test_it_refuses_an_address_readers_cannot_reach(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                                                    tmp_path: Path, address: str) -> None:
    monkeypatch.setenv("SITE_URL", address)  # "" reads as an unset SITE_URL does
    monkeypatch.setattr(make_dist, "ROOT", tmp_path)  # the project whose dist/ it would write
    assert make_dist.main([]) == 2
    err = capsys.readouterr().err
    assert err.startswith("dist: ") and "SITE_URL=https://" in err and "make dist" in err
    assert list(tmp_path.iterdir()) == []  # nothing built, nothing written


def test_a_failed_build_leaves_no_archive(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="the build failed"):
        make_dist.make_dist(SITE_URL, tmp_path, build=lambda site, url: 1)
    assert list(tmp_path.iterdir()) == []


def test_the_archive_is_built_as_make_build_builds_for_its_address(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # So it holds what make build writes for a public address, the e-mail kit included (tests/test_build_site.py).
    ran = []
    monkeypatch.setattr(make_dist.subprocess, "run", lambda command, **kw: ran.append((command, kw["env"]))
                        or subprocess.CompletedProcess(command, 0))
    assert make_dist.build_site(tmp_path / "site", SITE_URL) == 0
    [(command, env)] = ran
    assert command == [sys.executable, "-m", "guide.outputs.build", "--site-dir", str(tmp_path / "site")]
    assert env["SITE_URL"] == SITE_URL


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    out = tmp_path_factory.mktemp("dist")

    def build(site: Path, site_url: str) -> int:
        build_site(site, site_url=site_url)
        return 0

    archive = make_dist.make_dist(SITE_URL, out, build=build)
    assert archive.parent == out and archive.name.startswith("chsi-guide-guide.example.edu-")
    assert [p.name for p in out.iterdir()] == [archive.name]  # no work folder left behind
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        assert all(m.uid == 0 and m.mode & 0o004 for m in tar.getmembers())  # readable by the web server's user
        # The safe "data" filter exists from Python 3.11.4 on; Debian 12's 3.11.2 lacks it (and this archive is ours).
        safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
        tar.extractall(out / "x", **safe)
    return out / "x" / make_dist.TOP, names


def test_the_archive_holds_the_site_its_configuration_and_install(unpacked: tuple[Path, list[str]]) -> None:
    top, names = unpacked
    assert {n.split("/")[0] for n in names} == {make_dist.TOP}
    site = top / "www" / "chsi-guide"
    for needed in ("INSTALL.txt", "nginx/chsi-guide-server.conf", "nginx/chsi-guide/nginx-guide.conf",
                   "nginx/chsi-guide/nginx-security-headers.conf", "www/chsi-guide/index.html",
                   "www/chsi-guide/en/index.html", "www/chsi-guide/404.html", "www/chsi-guide/en/404.html"):
        assert (top / needed).is_file(), needed
    assert not [n for n in names if n.endswith((".map", "/_headers"))]
    assert (top / "nginx/chsi-guide/nginx-guide.conf").read_text() == (ROOT / "deploy/nginx-guide.conf").read_text()
    # The pages are built for the dist's address, not for this machine.
    assert f'<link rel="canonical" href="{SITE_URL}">' in (site / "index.html").read_text(encoding="utf-8")
    server = (top / "nginx/chsi-guide-server.conf").read_text()
    assert "server_name guide.example.edu;" in server and "location /chsi-guide/en/ {" in server
    assert f"root {make_dist.WEB_ROOT};" in server
    install = (top / "INSTALL.txt").read_text(encoding="utf-8")
    assert not re.search(r"@[A-Z_]+@", install + server)
    assert SITE_URL in install and "include chsi-guide/nginx-guide.conf;" in install and "ICP" in install
    assert len(install.splitlines()) <= 70  # one page


def test_the_unpacked_archive_is_served_by_nginx_as_install_says(unpacked: tuple[Path, list[str]],
                                                                 tmp_path: Path) -> None:
    top, _ = unpacked
    # As INSTALL says, with this machine's folders and a free port in place of /srv and port 80.
    prefix, port = tmp_path / "prefix", nginx_conf.free_port()
    conf = prefix / "conf"
    shutil.copytree(top / "nginx" / "chsi-guide", conf / "chsi-guide")
    server = (top / "nginx" / "chsi-guide-server.conf").read_text()
    server = server.replace("listen 80;", f"listen 127.0.0.1:{port};", 1)
    server = server.replace(f"root {make_dist.WEB_ROOT};", f"root {top / 'www'};", 1)
    (conf / "chsi-guide-server.conf").write_text(server)
    (prefix / "temp").mkdir()
    (conf / "nginx.conf").write_text(nginx_conf.main_conf(prefix, conf / "chsi-guide-server.conf"))
    with nginx_conf.start(conf / "nginx.conf", prefix, [("127.0.0.1", port)]):
        base = f"http://127.0.0.1:{port}/chsi-guide/"
        home = httpx.get(base, headers={"Accept-Encoding": "gzip"})
        assert home.status_code == 200 and home.headers["content-encoding"] == "gzip"
        policy = re.search(r'Content-Security-Policy "([^"]*)"', (conf / "chsi-guide/nginx-security-headers.conf").read_text())
        assert home.headers["content-security-policy"] == policy.group(1)
        missing = httpx.get(base + "en/no-such-page/")
        assert missing.status_code == 404 and '<html lang="en"' in missing.text
