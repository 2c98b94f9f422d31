"""`digest serve` as a user runs it: a real server process on a free loopback port.

Every server is started through `serving()`, which always stops it (SIGTERM, then kill) within
bounded time. Waits poll with a generous bound: they say "eventually", not "how fast" (the
latency is measured by benchmarks/serve_reload.py).
"""
from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from digest.serve.server import resolve_request
from tests.conftest import run_digest

BOUND = 20.0  # seconds any wait may take before the test fails
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
NEW_DUMP = """Lighthouse keepers return to Cabo Verde island

PRAIA, Cape Verde, May 2 (Reuters) - Keepers returned to the island's old lighthouse on May 2, 2025, after its lamp was restored.

"The light will guide fishing boats home again from tonight," said Ana Lopes, the harbour master.
"""


def wait_until(condition: Callable[[], object], what: str, bound: float = BOUND) -> object:
    deadline = time.monotonic() + bound
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    pytest.fail(f"gave up after {bound} s waiting for {what}")


def page_holding(server: "Server", text: str) -> Callable[[], str | None]:
    def check() -> str | None:
        page = server.get("/")[1]
        return page if text in page else None
    return check


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    stdout: Path
    stderr: Path

    def get(self, raw_path: str) -> tuple[int, str]:
        """GET the path exactly as given (no client-side normalising of '..')."""
        parts = urlsplit(self.url)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        try:
            connection.request("GET", raw_path)
            response = connection.getresponse()
            return response.status, response.read().decode("utf-8", "replace")
        finally:
            connection.close()


@contextmanager
def serving(site: Path, *flags: str) -> Iterator[Server]:
    stdout, stderr = site.parent / "serve.out", site.parent / "serve.err"
    with stdout.open("w") as out, stderr.open("w") as err:
        process = subprocess.Popen([sys.executable, "-m", "digest", "serve", str(site), "--port", "0", *flags],
                                   stdout=out, stderr=err, stdin=subprocess.DEVNULL)
    server = Server("", process, stdout, stderr)
    try:
        found = wait_until(lambda: process.poll() is not None or re.search(r" at (http://\S+/) ", stdout.read_text()),
                           "the server's address")
        assert process.poll() is None, f"serve exited: {stderr.read_text()}"
        server.url = found.group(1)
        yield server
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    assert run_digest("init", str(site), "-q").returncode == 0
    return site


def test_serve_answers_on_loopback_and_injects_reload_only_when_serving(site: Path) -> None:
    with serving(site) as server:
        assert urlsplit(server.url).hostname == "127.0.0.1"
        status, page = server.get("/")
        assert status == 200 and "digest-live-reload" in page
        assert "digest-live-reload" not in (site / "build" / "index.html").read_text()
        story = next((site / "build" / "stories").iterdir()).name
        assert server.get(f"/stories/{story}")[0] == 301
        assert server.get(f"/stories/{story}/")[0] == 200
        assert server.get("/static/style.css")[0] == 200
        assert server.get("/no-such-page.html")[0] == 404
    assert server.process.returncode == 0 and "stopped" in server.stdout.read_text()


def test_a_missing_page_gets_the_sites_own_404_page_with_status_404_at_any_depth(site: Path) -> None:
    config = site / "digest.yaml"
    config.write_text(re.sub(r"(?m)^base_url:.*$", "", config.read_text()) + "base_url: https://example.org/news/\n")
    with serving(site) as server:
        status, page = server.get("/stories/a-removed-story/")
        assert status == 404 and "Page not found" in page and "digest-live-reload" in page
        assert 'href="/news/static/style.css"' in page  # root-relative under base_url's path
        assert server.get("/news/static/style.css")[0] == 200  # which serve answers too
        assert server.get("/news/")[0] == 200


@pytest.mark.parametrize("raw", ["/../digest.yaml", "/%2e%2e/digest.yaml", "/%2E%2E%2Fdigest.yaml",
                                 "/stories/..%2f..%2fdigest.yaml", "/static/%2e%2e/%2e%2e/digest.yaml",
                                 "/..%5cdigest.yaml", "/%00"])
def test_requests_outside_the_output_are_refused(site: Path, raw: str) -> None:
    (site / "digest.yaml").write_text((site / "digest.yaml").read_text() + "# secret-marker\n")
    with serving(site) as server:
        status, body = server.get(raw)
    assert status == 403 and "secret-marker" not in body


def test_resolve_request_stays_in_root(tmp_path: Path) -> None:
    root = (tmp_path / "out").resolve()
    root.mkdir()
    (tmp_path / "secret").write_text("x")
    (root / "link").symlink_to(tmp_path / "secret")
    assert resolve_request(root, "/a/b.html") == root / "a" / "b.html"
    assert resolve_request(root, "/") == root
    for path in ("/../secret", "/%2e%2e/secret", "/a/%2E%2E/%2e%2e/secret", "/link", "/x%5c..%5csecret"):
        assert resolve_request(root, path) is None, path


def test_a_changed_dump_shows_on_the_page(site: Path) -> None:
    with serving(site) as server:
        assert "Lighthouse keepers" not in server.get("/")[1]
        (site / "content" / "new.txt").write_text(NEW_DUMP)
        wait_until(lambda: "Lighthouse keepers" in server.get("/")[1], "the new story on the index")
        (site / "content" / "new.txt").write_text(NEW_DUMP.replace("Lighthouse keepers", "Ferry crews"))
        wait_until(lambda: "Ferry crews" in server.get("/")[1], "the edited headline")
        assert "Lighthouse keepers" not in server.get("/")[1]


def test_events_announce_each_rebuild(site: Path) -> None:
    with serving(site) as server:
        parts = urlsplit(server.url)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=BOUND)
        connection.request("GET", "/__digest__/events")
        stream = connection.getresponse()
        assert stream.getheader("Content-Type") == "text/event-stream"
        first = stream.readline().decode()
        assert first.startswith("data: ") and stream.readline() == b"\n"
        (site / "content" / "new.txt").write_text(NEW_DUMP)
        line = stream.readline().decode()
        while line.startswith(":") or line == "\n":  # keepalives
            line = stream.readline().decode()
        assert line.startswith("data: ") and line != first
        connection.close()


def test_broken_template_and_dump_are_shown_and_the_server_lives_on(site: Path) -> None:
    with serving(site) as server:
        # saved whole, as editors do: a half-written (empty) template would build a blank site first
        draft = site.parent / "base.html"
        draft.write_text("<html><body>\n{% if %}\n</body></html>\n")
        os.replace(draft, site / "templates" / "base.html")
        page = wait_until(page_holding(server, "digest-problems"), "the error panel")
        assert "base.html:2" in page and "the last build failed" in page
        assert "<section class=\"event\"" in page, "the previous site is still served"
        wait_until(lambda: "base.html:2" in server.stderr.read_text(), "the error in the terminal")
        (site / "templates" / "base.html").unlink()
        wait_until(lambda: "digest-problems" not in server.get("/")[1], "the panel to go once fixed")
        (site / "content" / "empty.txt").write_bytes(b"")
        page = wait_until(page_holding(server, "digest-problems"), "the skipped dump")
        assert "empty.txt: the file is empty" in page
        assert server.process.poll() is None


def test_port_in_use_is_a_plain_error(site: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "digest", "serve", str(site), "--port", str(port)],
                                capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and f"port {port}" in result.stderr and "Traceback" not in result.stderr


def test_serve_refuses_an_output_folder_it_does_not_own(site: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("my notes")
    result = subprocess.run([sys.executable, "-m", "digest", "serve", str(site), "--port", "0", "-o", str(mine)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "mine" in result.stderr and "serving" not in result.stdout
    assert [p.name for p in mine.iterdir()] == ["notes.txt"]


def test_browser_reloads_by_itself(site: Path, tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing; .ci/run installs it")
        pytest.skip(f"{CHROMIUM} is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    with serving(site) as server, sync_api.sync_playwright() as playwright:
        # a persistent context is how Playwright takes a fresh --user-data-dir
        browser = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page()
            page.goto(server.url)
            page.wait_for_function("() => document.readyState === 'complete'")
            page.evaluate("window.notReloaded = true")  # a reload forgets it
            (site / "content" / "new.txt").write_text(NEW_DUMP)
            page.wait_for_function("() => !window.notReloaded && document.body.innerText.includes('Lighthouse keepers')",
                                   timeout=BOUND * 1000)
        finally:
            browser.close()


def raw_request(server: Server, request: bytes) -> bytes:
    parts = urlsplit(server.url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as client:
        client.sendall(request)
        return client.recv(200)


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "", None])
def test_requests_for_another_host_name_are_refused(site: Path, host: str | None) -> None:
    """A page on another site can point its own name at 127.0.0.1 (DNS rebinding) and read this one."""
    header = b"" if host is None else b"Host: " + host.encode() + b"\r\n"
    with serving(site) as server:
        answer = raw_request(server, b"GET / HTTP/1.1\r\n" + header + b"Connection: close\r\n\r\n")
    assert answer.startswith((b"HTTP/1.0 403", b"HTTP/1.1 403", b"HTTP/1.0 400", b"HTTP/1.1 400")), answer


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "LOCALHOST", "[::1]"])
def test_requests_for_this_machine_by_its_loopback_names_are_served(site: Path, host: str) -> None:
    with serving(site) as server:
        port = urlsplit(server.url).port
        for name in (host, f"{host}:{port}"):
            answer = raw_request(server, f"GET / HTTP/1.1\r\nHost: {name}\r\nConnection: close\r\n\r\n".encode())
            assert answer.startswith(b"HTTP/1.0 200"), (name, answer)


def test_two_hundred_tabs_all_get_their_event_stream(site: Path) -> None:
    with serving(site) as server:
        parts = urlsplit(server.url)
        request = f"GET /__digest__/events HTTP/1.1\r\nHost: 127.0.0.1:{parts.port}\r\n\r\n".encode()
        clients = [socket.socket() for _ in range(200)]
        try:
            for client in clients:
                client.setblocking(False)
                client.connect_ex((parts.hostname, parts.port))
            deadline, waiting = time.monotonic() + 10, set(clients)
            sent: set[socket.socket] = set()
            while waiting and time.monotonic() < deadline:
                for client in list(waiting):
                    try:
                        if client not in sent:
                            client.send(request)
                            sent.add(client)
                        if b"data: " in client.recv(4096):
                            waiting.discard(client)
                    except (BlockingIOError, InterruptedError):
                        pass
                time.sleep(0.01)
            assert not waiting, f"{len(waiting)} of 200 event streams did not open in 10 s"
        finally:
            for client in clients:
                client.close()


def test_a_tab_closed_mid_page_leaves_no_traceback(site: Path) -> None:
    (site / "static" / "big.bin").write_bytes(os.urandom(8_000_000))
    with serving(site) as server:
        parts = urlsplit(server.url)
        for _ in range(5):
            client = socket.create_connection((parts.hostname, parts.port), timeout=10)
            client.sendall(f"GET /static/big.bin HTTP/1.1\r\nHost: 127.0.0.1:{parts.port}\r\n\r\n".encode())
            client.recv(100)
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\1\0\0\0\0\0\0\0")  # reset, as a closed tab
            client.close()
        assert server.get("/")[0] == 200
        time.sleep(0.5)
    assert "Traceback" not in server.stderr.read_text() and "Broken" not in server.stderr.read_text()
