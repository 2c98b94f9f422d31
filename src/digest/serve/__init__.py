"""`digest serve`: build, serve the output on loopback, rebuild on change, reload open tabs.

A failed rebuild never stops the server: the previous output stays (the writer swaps folders
atomically) and the error is shown in the terminal and in every served page until it is fixed.
"""
from __future__ import annotations

import ipaddress
import signal
import sys
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from digest.build import BuildOptions, build
from digest.config import load_config, refuse_overlap
from digest.errors import DigestError, OutputError, shown
from digest.incremental.memory import BuildMemory
from digest.serve.server import LiveServer, start_server
from digest.serve.state import LiveState
from digest.serve.watch import SiteWatcher
from digest.summary import summary_line


@dataclass(frozen=True)
class ServeOptions:
    site_dir: Path = Path(".")
    output: Path | None = None
    port: int = 8000
    bind: str = "127.0.0.1"
    quiet: bool = False
    verbose: bool = False


class Rebuilder:
    """Runs one build at a time and publishes its outcome to the open tabs."""

    def __init__(self, options: BuildOptions, state: LiveState, quiet: bool) -> None:
        # Records come from the build's own cache, so a rebuild parses only the changed dumps. One
        # process: forking workers from a process that runs server threads is not safe.
        self.options, self.state, self.quiet = replace(options, workers=1, waiting=_say), state, quiet
        self._lock = threading.Lock()
        self.last_error: DigestError | None = None

    def __call__(self, changed: list[str] | None = None) -> None:
        with self._lock:
            if changed and not self.quiet:
                names = [shown(_relative(path, self.options.site_dir)) for path in changed]
                print(f"changed: {', '.join(names[:3])}{' …' if len(names) > 3 else ''}", flush=True)
            started = time.monotonic()
            try:
                report = build(self.options)
            except DigestError as error:
                self.last_error = error
                print(f"digest: build failed, still serving the previous site: {shown(str(error), lines=True)}",
                      file=sys.stderr, flush=True)
                self.state.publish(True, (str(error),))
                return
            except Exception as error:  # a bug must not take the server down with it
                print(f"digest: internal error while building: {type(error).__name__}: {shown(str(error), lines=True)}",
                      file=sys.stderr, flush=True)
                self.state.publish(True, (f"internal error: {type(error).__name__}: {error}",))
                return
            self.last_error = None
            for problem in report.problems:
                print(f"skipped {problem}", file=sys.stderr, flush=True)
            if not self.quiet:
                print(summary_line(report, time.monotonic() - started), flush=True)
            self.state.publish(False, tuple(str(problem) for problem in report.problems))


def _say(message: str) -> None:
    """A `digest build` beside serve holds the output: the rebuild waits for it, and says so."""
    print(f"digest: {message}", file=sys.stderr, flush=True)


def _relative(path: str, site_dir: Path) -> str:
    try:
        return str(Path(path).relative_to(site_dir.resolve()))
    except ValueError:
        return path


def _stop_on_sigterm() -> None:
    """SIGTERM (from a service manager or a test) ends serve the way Ctrl-C does: cleanly."""
    def handler(signum: int, frame: object) -> None:
        raise KeyboardInterrupt
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, handler)


def _is_loopback(bind: str) -> bool:
    try:
        return ipaddress.ip_address(bind).is_loopback
    except ValueError:
        return bind == "localhost"


def _first_build_and_listen(options: ServeOptions, output: Path, state: LiveState, rebuild: Rebuilder,
                            watcher: SiteWatcher) -> LiveServer:
    if not watcher.wait_ready():
        print("digest: the file watcher is slow to start; changes may be missed until it does", file=sys.stderr)
    rebuild()
    if isinstance(rebuild.last_error, OutputError):
        raise rebuild.last_error  # never serve a folder digest does not own
    mount = urlsplit(load_config(options.site_dir).base_url).path or "/"
    return start_server(options.bind, options.port, output, state, log=options.verbose, mount=mount)


def serve(options: ServeOptions) -> int:
    if not options.site_dir.is_dir():
        raise DigestError(f"{options.site_dir}: no such folder (create a site with: digest init {options.site_dir})")
    config = load_config(options.site_dir)
    output = (options.output or options.site_dir / config.output_dir).resolve()
    refuse_overlap(options.site_dir / config.content_dir, output)
    state = LiveState()
    rebuild = Rebuilder(BuildOptions(site_dir=options.site_dir, output=output, memory=BuildMemory()), state, options.quiet)
    watcher = SiteWatcher(options.site_dir, config, output, rebuild)
    watcher.start()  # before the first build, so a save during it is not lost
    try:
        server = _first_build_and_listen(options, output, state, rebuild, watcher)
    except BaseException:
        watcher.close()
        raise
    host, port = server.server_address[:2]
    address = f"[{host}]" if ":" in host else host
    print(f"serving {shown(str(output))} at http://{address}:{port}/ (Ctrl-C to stop)", flush=True)
    if not _is_loopback(options.bind):
        print(f"digest: listening on {options.bind}: other machines that can reach this one can read the site",
              file=sys.stderr, flush=True)
    _stop_on_sigterm()
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        state.close()
        server.server_close()
        watcher.close()
    if not options.quiet:
        print("stopped", flush=True)
    return 0
