"""A built site served on loopback as a real host serves it, and the Chromium that reads it.

Shared by ``make bench`` (search costs measured in a browser) and the tests
(tests/quality/serving.py and tests/support/browser.py take them from here).
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import os
import threading
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def chromium_executable() -> str | None:
    """Debian's chromium (CI), CHROMIUM_PATH, or None for Playwright's own browser."""
    configured = os.environ.get("CHROMIUM_PATH")
    if configured:
        return configured
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    return None

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, with no line logged per request."""

    def log_message(self, *args) -> None:
        pass


class CompressingHandler(QuietHandler):
    """Static files, gzip-compressed for clients that accept it; quiet."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # the standard redirect to the slash URL
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class HeadersFileHandler(CompressingHandler):
    """As CompressingHandler, and every response carries the headers the site's ``_headers`` file gives
    every path ('/*'), as Netlify or Cloudflare Pages would send them: the policy as an HTTP header."""

    def end_headers(self) -> None:
        for name, value in _site_headers(self.directory):
            self.send_header(name, value)
        super().end_headers()


@functools.cache
def _site_headers(directory: str) -> tuple[tuple[str, str], ...]:
    lines = (Path(directory) / "_headers").read_text(encoding="utf-8").splitlines()
    start = lines.index("/*") + 1
    found = []
    for line in lines[start:]:
        if not line.startswith("  "):
            break
        name, _, value = line.strip().partition(": ")
        found.append((name, value))
    return tuple(found)


@contextlib.contextmanager
def serve_site(folder: Path, handler_class: type[QuietHandler] = CompressingHandler):
    """Yield the base URL (``http://127.0.0.1:PORT/``) of ``folder`` served until the block ends."""
    handler = functools.partial(handler_class, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
