"""The tests on ../shared cannot pass silently: missing data fails them in CI and is reported elsewhere."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, in_ci, shared_data


@pytest.mark.parametrize(("value", "ci"), [("true", True), ("1", True), ("yes", True), ("", False), ("false", False), ("0", False)])
def test_ci_is_read_as_ci_services_set_it(value: str, ci: bool) -> None:
    assert in_ci({"CI": value}) is ci
    assert in_ci({}) is False


def test_missing_shared_data_fails_in_ci_and_skips_elsewhere(tmp_path: Path) -> None:
    with pytest.raises(pytest.fail.Exception, match="missing"):
        shared_data(tmp_path / "absent", ci=True)
    with pytest.raises(pytest.skip.Exception, match="eval gate"):
        shared_data(tmp_path / "absent", ci=False)
    assert shared_data(tmp_path, ci=True) == tmp_path


def test_a_run_without_shared_data_says_what_it_skipped(tmp_path: Path) -> None:
    """A copy of the eval gate in a checkout with nothing beside it: the run ends with a line in words."""
    checkout = tmp_path / "checkout"
    (checkout / "tests" / "loader").mkdir(parents=True)
    for name in ("tests/__init__.py", "tests/conftest.py", "tests/loader/__init__.py", "tests/loader/test_eval_gate.py",
                 "tests/loader/floors.yaml"):
        (checkout / name).write_bytes((ROOT / name).read_bytes())
    env = {"PATH": "/usr/bin:/bin", "CI": "false"}
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/loader/test_eval_gate.py"],
                         cwd=checkout, capture_output=True, text=True, timeout=120, env=env, check=False)
    assert run.returncode == 0 and re.search(r"^\d+ tests skipped: .* the eval gate", run.stdout, re.MULTILINE), run.stdout
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/loader/test_eval_gate.py"],
                         cwd=checkout, capture_output=True, text=True, timeout=120, env={**env, "CI": "true"}, check=False)
    assert run.returncode != 0 and "is missing" in run.stdout, run.stdout
