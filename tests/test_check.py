"""`digest check` as a user runs it: exactly the bad dumps are listed, each with its problem."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_digest

GOOD = """Harbour reopens after storm repairs

LISBON, Portugal, March 3 (Reuters) - The city's main harbour reopened on Monday after three weeks of repairs, port officials said on March 3, 2025.

"We are ready to receive ships again, and the work finished ahead of schedule," said Maria Costa, the port director.

Fishing crews returned to the docks before dawn, and the first cargo vessel is due on Wednesday.

Source: Reuters
"""


def variant(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new).replace("Harbour reopens", "Harbour gates reopen")  # not a duplicate of GOOD


# file name -> (content, the one check it must fail)
BAD = {
    "empty.txt": (b"", "empty"),
    "furniture.txt": (b"Share\n\nAdvertisement\n\nSubscribe\n", "no-body"),
    "binary.txt": (bytes([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D]) + bytes((i * 167 + 13) % 256 for i in range(3000)), "unreadable"),
    "no-headline.txt": (variant("Fishing crews", "Trawler crews").split("\n", 2)[2].encode(), "no-headline"),
    "no-date.txt": (variant("March 3 (Reuters) - ", "(Reuters) - ").replace(" on March 3, 2025", "").encode(), "no-date"),
    "copy.txt": (GOOD.encode(), "duplicate"),
    # furniture the loader keeps because it reads like a sentence; check is the second look
    "furniture-left.txt": (variant("Fishing crews", "Cookies help us deliver this story; by reading on you accept our cookie policy.\n\nFishing crews").encode(), "boilerplate"),
    "unattributed.txt": (variant('," said Maria Costa, the port director.', '," the notice on the gate read.').encode(), "quote-speaker"),
    # the loader repairs the mojibake; check still says the file was saved wrongly
    "mojibake.txt": (variant("The city's main", "The cityâ€™s busy main").encode(), "encoding"),
    # 2027 has no 29 February: the date is ignored, and check says so
    "impossible-date.txt": (variant("on March 3, 2025.", "on March 3, 2025, and the lease runs to February 29, 2027.").encode(),
                            "impossible-date"),
}
ERRORS = {"empty", "no-body", "unreadable"}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    content.mkdir()
    (content / "a-good.txt").write_text(GOOD, encoding="utf-8")
    (content / "a-good-cp1252.txt").write_bytes(variant("Fishing crews", "Café owners and fishing crews").encode("cp1252"))
    for name, (data, _) in BAD.items():
        (content / name).write_bytes(data)
    return tmp_path


def test_check_lists_exactly_the_bad_dumps(site: Path) -> None:
    result = run_digest("check", "--json", str(site))
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    found = {(Path(f["path"]).name, f["check"]) for f in report["findings"]}
    assert found == {(name, check) for name, (_, check) in BAD.items()}
    assert report["dumps"] == len(BAD) + 2
    assert report["errors"] == len(ERRORS) and report["warnings"] == len(BAD) - len(ERRORS)
    levels = {f["check"]: f["level"] for f in report["findings"]}
    assert {check for check, level in levels.items() if level == "error"} == ERRORS


def test_check_points_at_the_line(site: Path) -> None:
    report = json.loads(run_digest("check", "--json", str(site)).stdout)
    lines = {f["check"]: f["line"] for f in report["findings"]}
    text = (site / "content" / "furniture-left.txt").read_text().split("\n")
    assert text[lines["boilerplate"] - 1].startswith("Cookies help us")
    assert "We are ready to receive ships" in (site / "content" / "unattributed.txt").read_text().split("\n")[lines["quote-speaker"] - 1]
    assert any(f["message"] == "same article as " + str(site / "content" / "a-good.txt") for f in report["findings"])


def test_check_table_names_each_bad_dump_once_a_problem(site: Path) -> None:
    result = run_digest("check", str(site))
    rows = result.stdout.splitlines()[:-1]
    assert sorted(Path(row.split()[0].split(":")[0]).name for row in rows) == sorted(BAD)
    assert result.stdout.splitlines()[-1] == f"{len(BAD) + 2} dumps checked: 3 errors, 7 warnings in 10 dumps"


def test_warnings_fail_only_with_strict(tmp_path: Path) -> None:
    (tmp_path / "no-date.txt").write_bytes(BAD["no-date.txt"][0])
    (tmp_path / "good.txt").write_text(GOOD)
    assert run_digest("check", str(tmp_path)).returncode == 0
    assert run_digest("check", "--strict", str(tmp_path)).returncode == 1
    assert run_digest("check", str(tmp_path / "good.txt"), "--strict").returncode == 0


def test_check_does_not_build_or_touch_the_dumps(site: Path) -> None:
    before = {p.name: p.read_bytes() for p in (site / "content").iterdir()}
    run_digest("check", str(site))
    assert not (site / "build").exists()
    assert {p.name: p.read_bytes() for p in (site / "content").iterdir()} == before


def test_check_names_a_missing_file(tmp_path: Path) -> None:
    result = run_digest("check", str(tmp_path / "nope.txt"))
    assert result.returncode == 1 and "nope.txt" in result.stdout and "cannot be read" in result.stdout


def test_check_warns_of_a_dateline_on_no_calendar_day(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(variant("March 3 (Reuters)", "April 31 (Reuters)"))
    report = json.loads(run_digest("check", "--json", str(tmp_path)).stdout)
    [finding] = [f for f in report["findings"] if f["check"] == "impossible-date"]
    assert finding["line"] == 3 and "'April 31' is no calendar day" in finding["message"]
