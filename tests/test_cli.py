"""The command line as a user runs it."""
from __future__ import annotations

import json
from pathlib import Path

from digest import __version__
from tests.conftest import run_digest


def test_version() -> None:
    result = run_digest("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"digest {__version__}"


def test_inspect_json_prints_one_record_a_line(root: Path) -> None:
    files = sorted(str(p) for p in (root / "content").glob("*.txt"))
    result = run_digest("inspect", "--json", *files)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["path"] for r in records] == files
    for record in records:
        assert {"path", "headline", "headline_inferred", "dateline", "date", "source", "photo_credit", "body", "quotes", "related"} <= set(record)
        for quote in record["quotes"]:
            assert set(quote) == {"text", "speaker", "role", "kind", "paragraph"}
    assert records[1]["dateline"]["place"] == "BAKU, Azerbaijan"


def test_inspect_readable_names_fields(root: Path) -> None:
    path = next((root / "content").glob("004_*.txt"))
    result = run_digest("inspect", str(path))
    assert "headline:" in result.stdout and "(inferred)" in result.stdout and "Agshin Karimov" in result.stdout


def test_inspect_reports_unreadable_file_and_goes_on(root: Path, tmp_path: Path) -> None:
    good = next((root / "content").glob("000_*.txt"))
    result = run_digest("inspect", "--json", str(tmp_path / "missing.txt"), str(good))
    assert result.returncode == 1
    assert "missing.txt: cannot be read" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stdout.splitlines()) == 1


def test_output_error_is_one_plain_line(tmp_path: Path, root: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run_digest("build", str(root), "--output", str(blocker))
    assert result.returncode == 2
    assert result.stderr.startswith("digest: ") and "Traceback" not in result.stderr
