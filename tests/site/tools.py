"""Where the browser and checkers the site tests use live; .ci/run installs them.

Missing locally, the tests that need them skip; in CI (CI set) a missing tool fails them.
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import in_ci

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / ".ci" / "node" / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def require(ok: bool, what: str) -> None:
    if ok:
        return
    if in_ci():
        pytest.fail(f"{what} is missing; .ci/run installs it")
    pytest.skip(f"{what} is not installed (bash .ci/run installs it)")


def java() -> str | None:
    return shutil.which("java")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class _HostHandler(_QuietHandler):
    """As a real host serves a site published at a path: under that path, and the site's own
    404.html, with status 404, for any address that has no file."""

    mount = "/"

    def translate_path(self, path: str) -> str:
        if self.mount != "/" and path.startswith(self.mount):
            path = "/" + path[len(self.mount):]
        return super().translate_path(path)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None


@contextmanager
def served(folder: Path, mount: str = "/") -> Iterator[str]:
    """A static web server over `folder` on a free local port, answering under `mount` (base_url's
    path) with the site's 404 page for missing files: the base URL of the site."""
    handler = type("Handler", (_HostHandler,), {"mount": mount})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}{mount}"
    finally:
        httpd.shutdown()
        httpd.server_close()
