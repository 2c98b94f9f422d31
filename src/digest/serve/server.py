"""A local HTTP server for the built site: files under the output folder only, HTML with the
live-reload snippet, and an event stream that tells tabs when a rebuild is done."""
from __future__ import annotations

import errno
import ipaddress
import mimetypes
import socket
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from digest.errors import DigestError
from digest.serve.inject import ASSETS, EVENTS_PATH, inject, message_page
from digest.serve.state import LiveState
from digest.site.routes import NOT_FOUND

KEEPALIVE_SECONDS = 15.0  # an event-stream comment this often lets a closed tab's thread notice and end
# Connections waiting to be accepted: each open tab holds one for its event stream, and a reload
# of many tabs at once (or a page's dozens of files) must not find the queue full (the default is 5).
QUEUE = 256
WILDCARDS = ("0.0.0.0", "::", "")  # --bind addresses that listen on every interface


def _host_name(header: str | None) -> str | None:
    """The name in a Host header, without its port, lower case; None when there is none."""
    if not header:
        return None
    name = header.strip().lower()
    if name.startswith("["):  # an IPv6 literal: [::1]:8000
        return name[1:].partition("]")[0]
    return name.rpartition(":")[0] if name.count(":") == 1 else name


def host_allowed(header: str | None, bind: str) -> bool:
    """A page of another site can give its own name the address 127.0.0.1 (DNS rebinding) and then
    read this server as its own: only this machine's loopback names and the bound address are
    answered, unless serve listens on every interface (--bind 0.0.0.0), which says otherwise."""
    if bind in WILDCARDS:
        return True
    name = _host_name(header)
    if name is None:
        return False
    name = name.rstrip(".")
    if name == "localhost" or name.endswith(".localhost") or name == bind.lower():
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def resolve_request(root: Path, url_path: str) -> Path | None:
    """The file a URL path names inside root, or None when it would leave root.

    The path is decoded first, so `%2e%2e` is `..`; any `..`, backslash or NUL is refused outright,
    and the resolved path must still lie in root, which also stops symlinks that point out."""
    parts = unquote(url_path, errors="strict").split("/")
    if any(part in (".", "..") or "\\" in part or "\x00" in part for part in parts):
        return None
    target = root.joinpath(*(part for part in parts if part)).resolve()
    return target if target == root or target.is_relative_to(root) else None


class LiveServer(ThreadingHTTPServer):
    """A thread a connection, so open event streams never hold up a page."""

    daemon_threads = True  # a tab's open event stream must not keep the process alive on Ctrl-C
    request_queue_size = QUEUE

    def __init__(self, address: tuple[str, int], root: Path, state: LiveState, log: bool, mount: str = "/") -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.root, self.state, self.log, self.bind = root, state, log, address[0]
        self.mount = mount  # base_url's path ("/digest/"): the site answers there as well as at the root
        super().__init__(address, Handler)

    def handle_error(self, request: object, client_address: object) -> None:
        """A tab closed or reloaded while its page was sent is no error: quiet, as any other is not."""
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)


class Handler(BaseHTTPRequestHandler):
    server: LiveServer
    server_version = "digest-serve"

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def log_message(self, format: str, *args: object) -> None:
        if self.server.log:
            sys.stderr.write(f"{self.address_string()} {format % args}\n")

    def _respond(self, send_body: bool) -> None:
        if not host_allowed(self.headers.get("Host"), self.server.bind):
            return self._send(403, b"403 forbidden: this server answers to localhost only (see --bind)\n",
                              "text/plain; charset=utf-8", send_body)
        url_path = urlsplit(self.path).path
        if self.server.mount != "/" and url_path.startswith(self.server.mount):
            # where base_url has a path, the 404 page's root-relative links start with it
            url_path = "/" + url_path[len(self.server.mount):]
        if url_path == EVENTS_PATH:
            return self._stream_events()
        if url_path in ASSETS:
            return self._send(200, *ASSETS[url_path], send_body)
        try:
            target = resolve_request(self.server.root, url_path)
        except UnicodeDecodeError:
            target = None
        if target is None:
            return self._send(403, b"403 forbidden: outside the site\n", "text/plain; charset=utf-8", send_body)
        if target.is_dir() and not url_path.endswith("/"):
            return self._redirect(url_path + "/")
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            return self._not_found(url_path, send_body)
        self._send_file(target, send_body)

    def _not_found(self, url_path: str, send_body: bool) -> None:
        """The site's own 404 page, as a host serves it, with the 404 status; a note where the site has none."""
        page = self.server.root / NOT_FOUND
        if page.is_file():
            return self._send_file(page, send_body, status=404)
        title = "Nothing built yet" if not self.server.root.is_dir() else f"Not found: {url_path}"
        self._send(404, message_page(title, self.server.state.snapshot), "text/html; charset=utf-8", send_body)

    def _send_file(self, target: Path, send_body: bool, status: int = 200) -> None:
        try:
            data = target.read_bytes()
        except OSError:  # swapped out by a rebuild between the check and the read
            return self._send(503, b"503 rebuilding, try again\n", "text/plain; charset=utf-8", send_body)
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if kind == "text/html":
            data, kind = inject(data, self.server.state.snapshot), "text/html; charset=utf-8"
        self._send(status, data, kind, send_body)

    def _send(self, status: int, data: bytes, kind: str, send_body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")  # a reload must show the new build
        self.end_headers()
        if send_body:
            self.wfile.write(data)

    def _redirect(self, location: str) -> None:
        self.send_response(301)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _stream_events(self) -> None:
        """Server-sent events: the current build's version now, then each new one."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        state, seen = self.server.state, None
        try:
            while not state.closed:
                snapshot = state.wait_for_change(seen, KEEPALIVE_SECONDS)
                message = ": keepalive\n\n" if snapshot.version == seen else f"data: {snapshot.version}\n\n"
                self.wfile.write(message.encode("utf-8"))
                self.wfile.flush()
                seen = snapshot.version
        except (BrokenPipeError, ConnectionResetError):
            pass  # the tab was closed or reloaded


def start_server(bind: str, port: int, root: Path, state: LiveState, log: bool, mount: str = "/") -> LiveServer:
    try:
        return LiveServer((bind, port), root, state, log, mount)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise DigestError(f"port {port} on {bind} is in use; try --port {port + 1}, or --port 0 for any free port") from None
        raise DigestError(f"cannot listen on {bind}:{port}: {error.strerror or error}") from None
