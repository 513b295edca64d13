"""make mark-picture NAME=...: black out and number a screenshot in a browser page served on 127.0.0.1 only (nothing
leaves this machine); a save is whole or nothing, and nothing while OCR reads personal data in the result."""
from __future__ import annotations

import argparse
import contextlib
import datetime
import itertools
import json
import os
import secrets
import sys
import tempfile
import threading
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import yaml
from PIL import Image, ImageDraw, ImageOps

from guide.pictures import annotate as annotate_shots
from guide.pictures import ocr as shot_ocr
from guide.pictures import truth as shot_truth
from guide.pictures.draw import REDACT, encode_png
from guide.pictures.intake import find_original, fingerprint, open_original
from guide.pictures.spec import MAX_WIDTH, Box, Spec, SpecError, load_spec, marker_diameter, parse_spec
from guide.pictures.text import guide_quotes
from guide.sources import ui_labels

PAGE = Path(__file__).with_name("mark.html")
MARKED = "# Marked with `make mark-picture NAME="  # the first line of the comment block the page writes
HEADER = "X-Mark-Picture"  # a header a web page elsewhere cannot send here without the browser asking first


class Refused(Exception):  # save refused, nothing written: the message says why and what to do
    pass


class Marking:
    """One screenshot being marked; the spec is read again on every request, so a reload shows the last save."""

    def __init__(self, root: Path, name: str) -> None:
        self.root, self.name = root, name
        self.spec_path = root / "shots" / f"{name}.yml"
        self.picture_path = root / "docs" / "images" / f"{name}.png"
        self.original = find_original(root / "shots", name)
        if self.original is None:
            raise SpecError(root / "shots" / "originals", "(file)",
                            f"no {name}.png or {name}.jpg here: save the screenshot there first")
        self.fingerprint = fingerprint(self.original)
        self.image = open_original(self.original, self.original, self._width())
        self.token = secrets.token_urlsafe(16)
        self.cache = shot_ocr.Cache(root / shot_ocr.CACHE)

    def previous(self) -> tuple[Spec | None, bool]:
        """The spec as saved last, and whether its marks were made on this original."""
        prev = load_spec(self.spec_path) if self.spec_path.is_file() else None
        if prev is None or prev.kind != "screenshot":
            return None, False
        return prev, prev.fingerprint == self.fingerprint if prev.fingerprint else prev.original == self.original.name

    def _width(self) -> int | None:
        """The width saved last, else the page's, else None: the upright original's own, at most MAX_WIDTH (a phone
        stores a photo sideways with a note to turn it, so the stored width is the wrong one)."""
        prev = self.previous()[0]
        if prev and prev.width:
            return prev.width
        for use in shot_truth.uses(self.root / "docs", f"{self.name}.png"):
            if use.attrs.get("width", "").isdigit():
                return min(int(use.attrs["width"]), MAX_WIDTH)
        return None

    def taken(self) -> str:
        prev, same = self.previous()
        if prev and same and prev.taken:
            return prev.taken
        with Image.open(self.original) as img:
            exif = img.getexif()
            stamp = exif.get_ifd(0x8769).get(0x9003) or exif.get(0x0132)  # DateTimeOriginal, DateTime
        if isinstance(stamp, str) and len(stamp) >= 10:
            return stamp[:10].replace(":", "-")
        return datetime.date.fromtimestamp(self.original.stat().st_mtime).isoformat()

    def state(self) -> dict[str, Any]:
        """What the page starts from: marks made on another original are only offered (`earlier`)."""
        prev, same = self.previous()
        empty = {"redact": [], "markers": [], "shows": [], "nothing_personal": False}
        marks = {"redact": [[b.x0, b.y0, b.x1, b.y1] for b in prev.redact_boxes], "shows": list(prev.shows),
                 "markers": [list(m.at) for m in prev.markers], "nothing_personal": not prev.redact_boxes} if prev else empty
        return {"name": self.name, "width": self.image.width, "height": self.image.height,
                "diameter": marker_diameter(self.image.width), "taken": self.taken(),
                "original": self.original.name, "labels": list(ui_labels.load_labels(self.root / ui_labels.TABLE_FILE)),
                **(marks if same else empty), "earlier": marks if prev and not same else None}

    def spec_from(self, marks: dict[str, Any], shows: Sequence[str] = ()) -> tuple[Spec, str]:
        """The spec and its YAML, keeping the office's own comment lines above the block written here."""
        old = self.spec_path.read_text(encoding="utf-8").splitlines() if self.spec_path.is_file() else []
        head = list(itertools.takewhile(lambda ln: ln.startswith("#") and not ln.startswith(MARKED), old))
        head = head or [f"# {self.name}: a screenshot of CHSI."]
        body = [
            f"{MARKED}{self.name}`: black-outs are [left, top, right, bottom] and",
            "# markers [x, y] (numbered in this order), in the published picture's pixels. The original is",
            f"# shots/originals/{self.original.name}, which git never tracks; fingerprint tells it from another.",
            "kind: screenshot",
            f"taken: {marks['taken']}",
            f"original: {self.original.name}",
            f"fingerprint: {json.dumps(self.fingerprint)}",
            f"width: {self.image.width}",
            "redact:" + ("" if marks["redact"] else " []"),
            *[f"  - {json.dumps([int(v) for v in b])}" for b in marks["redact"]],
            "markers:",
            *[f"  - {json.dumps([int(v) for v in m])}" for m in marks["markers"]],
            "shows:" + ("" if shows else " []"),
            *[f"  - {json.dumps(label, ensure_ascii=False)}" for label in shows],
        ]
        text = "\n".join(head + body) + "\n"
        return parse_spec(yaml.safe_load(text), self.spec_path), text

    def full_size(self, marks: dict[str, Any]) -> Image.Image:
        """The original at its own size, black-outs filled: OCR reads small print (非常强) there that it misses scaled."""
        with Image.open(self.original) as img:
            width = ImageOps.exif_transpose(img).width
        full = open_original(self.original, self.original, width)
        scale = full.width / self.image.width
        draw = ImageDraw.Draw(full)
        for b in marks["redact"]:
            box = Box(*(int(v) for v in b)).scaled(scale)
            draw.rectangle((box.x0, box.y0, box.x1, box.y1), fill=REDACT)
        return full

    def save(self, marks: dict[str, Any]) -> dict[str, Any]:
        """Write the spec and the picture, each whole (a temporary file read by OCR as `make check` reads it, then
        renamed), or nothing; say what the pages still need."""
        if not marks["redact"] and not marks["nothing_personal"]:
            raise Refused("There is no black-out. Drag a box over everything personal (name, passport and phone "
                          "numbers, e-mail, account name, codes, the status bar); if the screenshot shows nothing "
                          "personal at all, tick “Nothing personal is shown”. Nothing was saved.")
        png = annotate_shots.render_spec(self.spec_from(marks)[0]).png
        read = self.cache.lines(png) + shot_ocr.read_lines(self.full_size(marks))
        shows = [label for label in ui_labels.load_labels(self.root / ui_labels.TABLE_FILE)
                 if label in marks["shows"] or shot_ocr.find_label(read, label)]
        spec, text = self.spec_from(marks, shows)
        temps = [_beside(self.picture_path, png)]
        try:
            found = shot_ocr.personal_data(self.cache.lines(temps[0].read_bytes()), *guide_quotes(self.root))
            if found:
                raise Refused("OCR still reads personal data in the result: " + "; ".join(
                    f"{f.what}, {f.masked()}, at left {f.box.x0}, top {f.box.y0}" for f in found)
                    + ". Black it out and save again. Nothing was saved.")
            temps.append(_beside(self.spec_path, text.encode("utf-8")))
            os.replace(temps[1], self.spec_path)
            os.replace(temps[0], self.picture_path)
        finally:
            for tmp in temps:
                tmp.unlink(missing_ok=True)
        problems, notes = annotate_shots.truth_judgement(spec, png, self.root / "docs", self.cache, self.root)
        return {"wrote": [str(self.spec_path.relative_to(self.root)), str(self.picture_path.relative_to(self.root))],
                "problems": problems, "notes": notes, "shows": shows}


def _beside(path: Path, data: bytes) -> Path:
    """A temporary file beside path holding data, for os.replace."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


def _marks(body: bytes) -> dict[str, Any]:
    data = json.loads(body or b"{}")
    if not isinstance(data, dict):
        raise TypeError("expected an object")
    taken = str(data.get("taken", ""))
    datetime.date.fromisoformat(taken)  # the date field gives YYYY-MM-DD; anything else is refused
    shows = [s for s in data.get("shows") or [] if isinstance(s, str)]
    return {"taken": taken, "redact": list(data.get("redact") or []), "markers": list(data.get("markers") or []),
            "shows": shows, "nothing_personal": data.get("nothing_personal") is True}


def start(marking: Marking, port: int = 0) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # quiet: the terminal shows the address and errors only
            pass

        def _send(self, code: int, body: bytes, kind: str) -> None:
            self.send_response(code)
            self.send_header("Content-Type", kind)
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _json(self, code: int, data: Any) -> None:
            self._send(code, json.dumps(data, ensure_ascii=False).encode("utf-8"), "application/json")

        def _local(self) -> bool:
            host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
            return host in ("127.0.0.1", "localhost")

        def do_GET(self) -> None:  # the name http.server calls
            path = self.path.split("?", 1)[0]
            if not self._local():
                self._send(403, b"only on this machine", "text/plain")
            elif path == "/":
                page = PAGE.read_text(encoding="utf-8").replace("{{TOKEN}}", marking.token)
                self._send(200, page.encode("utf-8"), "text/html; charset=utf-8")
            elif path == "/picture.png":
                self._send(200, encode_png(marking.image), "image/png")
            elif path == "/published.png" and marking.picture_path.is_file():
                self._send(200, marking.picture_path.read_bytes(), "image/png")
            elif path == "/state":
                try:
                    self._json(200, marking.state())
                except SpecError as exc:  # the spec was edited by hand into something it cannot read
                    self._json(400, {"error": f"{exc}: correct it, or delete it to start again, then reload"})
            else:
                self._send(404, b"not found", "text/plain")

        def do_POST(self) -> None:
            if not self._local() or self.headers.get(HEADER) != marking.token:
                self._send(403, b"only from the marking page", "text/plain")
                return
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            try:
                marks = _marks(body)
                if self.path == "/preview":
                    self._send(200, annotate_shots.render_spec(marking.spec_from(marks)[0]).png, "image/png")
                elif self.path == "/save":
                    self._json(200, marking.save(marks))
                else:
                    self._send(404, b"not found", "text/plain")
            except SpecError as exc:
                self._json(400, {"error": str(exc).split(": ", 1)[-1]})
            except Refused as exc:
                self._json(400, {"error": str(exc)})
            except (ValueError, TypeError) as exc:
                self._json(400, {"error": f"the page sent something unexpected ({exc}): reload it"})
            except shot_ocr.OcrUnavailable as exc:
                self._json(500, {"error": str(exc)})

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Mark black-outs and numbered markers on a screenshot, in a browser.")
    parser.add_argument("name", help="the picture's name: shots/originals/NAME.png becomes docs/images/NAME.png")
    parser.add_argument("--port", type=int, default=8010, help="port on 127.0.0.1 (default 8010; 0: any free one)")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        marking = Marking(args.root, args.name)
    except SpecError as exc:
        print(f"make mark-picture: {exc}", file=sys.stderr)
        return 2
    try:
        server, url = start(marking, args.port)
    except OSError as exc:
        print(f"make mark-picture: cannot listen on 127.0.0.1:{args.port} ({exc.strerror}): try --port 0", file=sys.stderr)
        return 2
    print(f"Open {url} in your browser to mark {marking.original}. Press Ctrl+C here when you are done.", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        threading.Event().wait()
    server.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
