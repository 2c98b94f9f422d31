from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from the current output, for review")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


def in_ci(environ: dict[str, str] | None = None) -> bool:
    """CI=true (or 1, yes), as CI services set it; CI=false or unset is a developer's machine."""
    value = (os.environ if environ is None else environ).get("CI", "")
    return value.strip().lower() not in ("", "0", "false", "no")


MISSING_SHARED = "is not beside this checkout: the eval gate and the tests on real pages did not run"


def shared_data(folder: Path, ci: bool) -> Path:
    """The shared data folder; missing, the tests that need it fail in CI, which always has it, and
    skip elsewhere, saying so at the end of the run (see pytest_terminal_summary)."""
    if not folder.is_dir():
        if ci:
            pytest.fail(f"{folder} is missing: CI must run the eval gate on it", pytrace=False)
        pytest.skip(f"{folder} {MISSING_SHARED}")
    return folder


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared beside the checkout: the real-page corpus, its truth and the scorer."""
    return shared_data(SHARED, in_ci())


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    """A skip for missing data is easy to miss among a few dots: say it in words."""
    skipped = [r for r in terminalreporter.stats.get("skipped", []) if MISSING_SHARED in str(getattr(r, "longrepr", ""))]
    if skipped:
        terminalreporter.write_line(f"{len(skipped)} tests skipped: {SHARED} {MISSING_SHARED} (CI=true makes this a failure)",
                                    yellow=True, bold=True)


def run_digest(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The real command, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "digest", *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def tree(folder: Path) -> dict[str, bytes]:
    """Every file below a folder, by its relative path: what two builds are compared by."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
