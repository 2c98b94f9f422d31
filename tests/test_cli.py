"""The command line as a user runs it."""
from __future__ import annotations

import json
import re
import subprocess
import sys
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


def test_every_command_has_help_with_examples_and_exit_codes() -> None:
    for command in ("init", "serve", "check", "build", "inspect"):
        result = run_digest(command, "--help")
        assert result.returncode == 0, command
        assert f"digest {command}" in result.stdout.split("examples:")[1], command
        assert "exit codes:" in result.stdout, command


def test_python_m_digest_is_the_digest_command() -> None:
    script = Path(sys.executable).parent / "digest"  # the entry point installed beside this Python
    by_script = subprocess.run([str(script), "--help"], capture_output=True, text=True, timeout=60)
    assert by_script.returncode == 0 and by_script.stdout == run_digest("--help").stdout


def test_build_prints_one_summary_line_and_no_progress_off_a_terminal(root: Path, tmp_path: Path) -> None:
    result = run_digest("build", str(root), "--output", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("2 dumps -> 2 stories, ") and lines[0].endswith(" s")
    assert result.stderr == ""


def test_timings_say_where_the_build_spent_its_time(root: Path, tmp_path: Path) -> None:
    """Each stage once, in the order the build runs them, and a total that is their sum."""
    out = str(tmp_path / "out")
    result = run_digest("build", str(root), "--output", out, "--timings")
    assert result.returncode == 0, result.stderr
    rows = [re.match(r"  (.+?)\s+(\d+\.\d\d) s$", line) for line in result.stdout.splitlines()[2:]]
    stages = [row.group(1) for row in rows if row]
    assert stages == ["reading inputs", "loading the stages, Markdown pages", "reading dumps", "grouping stories", "planning pages", "rendering pages",
                      "search index, feeds, sitemap", "swapping the site in", "writing build details", "total"]
    seconds = [float(row.group(2)) for row in rows if row]
    assert abs(sum(seconds[:-1]) - seconds[-1]) <= 0.01 * len(seconds)
    again = run_digest("build", str(root), "--output", out, "--timings")  # nothing to do: one stage
    assert [line.split()[0] for line in again.stdout.splitlines()[2:]] == ["reading", "total"]


def test_quiet_build_prints_only_problems(root: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "content" / "good.txt").write_bytes(next((root / "content").glob("000_*.txt")).read_bytes())
    (site / "content" / "empty.txt").write_bytes(b"")
    for flags in (["-q"], []):
        result = run_digest(*flags, "build", str(site))
        assert result.returncode == 0
        assert "empty.txt: the file is empty" in result.stderr
    assert run_digest("build", str(site), "-q").stdout == ""
    assert result.stdout.strip().endswith("; 1 dump skipped, see above")


def test_bad_config_names_file_and_line_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "digest.yaml").write_text("title: fine\ndescription: [unclosed\n")
    result = run_digest("build", str(tmp_path))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "digest.yaml" in result.stderr and "line 2" in result.stderr
    debug = run_digest("build", str(tmp_path), "--debug")
    assert "Traceback" in debug.stderr


def test_build_of_a_missing_folder_is_a_plain_error(tmp_path: Path) -> None:
    result = run_digest("build", str(tmp_path / "nope"))
    assert result.returncode == 2 and result.stderr.startswith(f"digest: {tmp_path / 'nope'}: no such folder")
    assert not (tmp_path / "nope").exists()


def test_inspect_explain_shows_each_line_with_its_label_and_why(root: Path) -> None:
    """A user sees why a line was dropped: the related list under the article is "other", with the
    rules' reading ("tail") and the features that decided it; the body lines are the record's."""
    path = next((root / "content").glob("000_*.txt"))
    result = run_digest("inspect", "--explain", str(path))
    assert result.returncode == 0, result.stderr
    rows = [line.split(None, 4) for line in result.stdout.splitlines()[2:] if line.strip()]
    labels = {row[4].split("  [")[0]: row[1] for row in rows}
    assert labels["Azerbaijan and China sign Comprehensive Strategic Partnership"] == "headline"
    related = next(row for row in rows if row[4].startswith("Related articles"))
    assert (related[1], related[3]) == ("other", "tail") and "furniture" in related[4]
    record = json.loads(run_digest("inspect", "--json", str(path)).stdout)
    assert sum(row[1] == "body" for row in rows) == len(record["body"])
