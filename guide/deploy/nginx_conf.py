#!/usr/bin/env python3
"""Fill in deploy/nginx-server.conf for one address, and run Debian's nginx with it as the current user, in a
minimal nginx.conf inside a prefix folder, so that nothing needs installing (make serve-nginx, make dist, the tests).
"""
from __future__ import annotations

import getpass
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from guide.outputs.built_site import guide_path

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
SERVER_TEMPLATE = DEPLOY / "nginx-server.conf"
# The files that nginx-server.conf includes, from nginx's configuration folder (/etc/nginx/chsi-guide/ on Debian).
INCLUDED = ("nginx-guide.conf", "nginx-security-headers.conf")
INCLUDE_DIR = "chsi-guide"
NGINX = "/usr/sbin/nginx"
MIME_TYPES = "/etc/nginx/mime.types"
_TOKEN = re.compile(r"@([A-Z_]+)@")
_BLOCK = r"^#BEGIN-{0}\n(.*?)^#END-{0}\n"


class ConfError(ValueError):
    """A value that cannot go into the configuration (said in words a deployer can act on)."""


def render_server(template: str, values: dict[str, str], *, https: bool = False) -> str:
    """The server block with every @NAME@ filled in; with https, the HTTPS block in place of the HTTP one."""
    if https:
        plain = re.compile(_BLOCK.format("HTTP"), re.DOTALL | re.MULTILINE)
        secure = re.compile(_BLOCK.format("HTTPS"), re.DOTALL | re.MULTILINE)
        match = secure.search(template)
        if not plain.search(template) or not match:
            raise ConfError(f"{SERVER_TEMPLATE.name}: the #BEGIN-/#END- markers of the HTTP and HTTPS blocks are gone")
        enabled = "\n".join(line[2:] if line.startswith("# ") else line.lstrip("#") for line in
                            match.group(1).splitlines()) + "\n"
        template = secure.sub(lambda _: enabled, plain.sub("", template))
    missing = sorted({name for name in _TOKEN.findall(template) if name not in values})
    if missing:
        raise ConfError(f"{SERVER_TEMPLATE.name}: no value for {', '.join(missing)}")
    for name, value in values.items():
        if re.search(r"[\s;{}\"']", value):
            raise ConfError(f"{name} '{value}' has a space, quote, brace or semicolon: nginx would misread it")
    return fill(template, values)


def fill(template: str, values: dict[str, str]) -> str:
    return _TOKEN.sub(lambda m: values[m.group(1)], template)


def address_values(site_url: str, web_root: str) -> dict[str, str]:
    """What a real server needs, from SITE_URL: its host, its path, the standard ports and certificate places."""
    host = urlsplit(site_url).hostname  # dist.published_address has made sure there is one
    return {"GUIDE_PATH": guide_path(site_url), "WEB_ROOT": web_root, "SERVER_NAME": host, "LISTEN": "80",
            "LISTEN_TLS": "443", "TLS_CERTIFICATE": f"/etc/ssl/certs/{host}.crt",
            "TLS_KEY": f"/etc/ssl/private/{host}.key"}


def main_conf(prefix: Path, server_conf: Path, *, access_log: str = "off") -> str:
    """A minimal nginx.conf around the server block: everything in the prefix, no root needed."""
    temp = prefix / "temp"
    # Started by root, nginx would run its workers as `nobody`, who cannot read a private temporary folder.
    user = f"user {getpass.getuser()};\n" if os.geteuid() == 0 else ""
    return (
        f"{user}worker_processes 1;\npid {prefix / 'nginx.pid'};\ndaemon off;\n"
        "events { worker_connections 256; }\n"
        "http {\n"
        f"    include {MIME_TYPES};\n    default_type application/octet-stream;\n"
        f"    access_log {access_log};\n    sendfile on;\n"
        + "".join(f"    {kind}_temp_path {temp / kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        + f"    include {server_conf.name};\n"
        "}\n"
    )


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def local_values(host: str, port: int, guide_path: str, web_root: Path | str, **more: str) -> dict[str, str]:
    """The server block's values on this machine: HTTP on host:port (HTTPS only when `more` gives its port and files)."""
    return {"GUIDE_PATH": guide_path, "WEB_ROOT": str(web_root), "SERVER_NAME": host, "LISTEN": f"{host}:{port}",
            "LISTEN_TLS": "-", "TLS_CERTIFICATE": "-", "TLS_KEY": "-", **more}


def write_conf(conf_dir: Path, values: dict[str, str], *, https: bool = False,
               headers_snippet: str | None = None) -> Path:
    """The filled server block beside the files it includes, with the served build's security headers if given (a
    sub-path build hashes its own 404 script)."""
    include_dir = conf_dir / INCLUDE_DIR
    include_dir.mkdir(parents=True, exist_ok=True)
    for name in INCLUDED:
        shutil.copyfile(DEPLOY / name, include_dir / name)
    if headers_snippet is not None:
        (include_dir / "nginx-security-headers.conf").write_text(headers_snippet, encoding="utf-8")
    server = conf_dir / "chsi-guide-server.conf"
    server.write_text(render_server(SERVER_TEMPLATE.read_text(encoding="utf-8"), values, https=https), encoding="utf-8")
    return server


def prepare(prefix: Path, values: dict[str, str], *, https: bool = False, headers_snippet: str | None = None,
            access_log: str = "off") -> Path:
    """Write prefix/conf/ (nginx.conf around the filled server block) and prefix/temp/; return nginx.conf."""
    (prefix / "temp").mkdir(parents=True, exist_ok=True)
    server = write_conf(prefix / "conf", values, https=https, headers_snippet=headers_snippet)
    main = server.with_name("nginx.conf")
    main.write_text(main_conf(prefix, server, access_log=access_log), encoding="utf-8")
    return main


@contextmanager
def start(main: Path, prefix: Path, ports: Sequence[tuple[str, int]], *, stderr=None) -> Iterator[subprocess.Popen]:
    """nginx in the foreground (daemon off), answering on every port, until the with-block ends."""
    if not Path(NGINX).exists():
        raise ConfError(f"{NGINX} is missing: run `make test` (it installs Debian's nginx) or apt-get install nginx")
    # nginx -t first: a configuration nginx refuses is said in nginx's own words.
    proc = subprocess.run([NGINX, "-t", "-q", "-p", str(prefix), "-c", str(main), "-e", "stderr"],
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise ConfError(f"nginx refuses the configuration:\n{proc.stderr.strip()}")
    # Without a terminal to write to, the error log goes to a file in the prefix: a pipe nobody reads would fill
    # up and stall nginx.
    error_log = prefix / "error.log"
    with open(error_log, "ab") as log:
        process = subprocess.Popen([NGINX, "-p", str(prefix), "-c", str(main), "-e", "stderr"],
                                   stderr=stderr if stderr is not None else log)
    try:
        deadline = time.monotonic() + 10
        for host, port in ports:
            while True:
                if process.poll() is not None:
                    err = error_log.read_text(errors="replace").strip() if stderr is None else "see above"
                    raise ConfError(f"nginx stopped at start (exit {process.returncode}): {err}")
                try:
                    socket.create_connection((host, port), timeout=0.5).close()
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise ConfError(f"nginx did not answer on {host}:{port} within 10 s") from None
                    time.sleep(0.05)
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGQUIT)  # graceful: finish the requests in flight
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
