"""`digest init` as a user runs it: a new site that builds at once, and never over existing files."""
from __future__ import annotations

from pathlib import Path

from tests.conftest import run_digest


def test_init_then_build_on_a_fresh_folder(tmp_path: Path) -> None:
    site = tmp_path / "my-site"
    result = run_digest("init", str(site))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (site / "content").iterdir()) == sorted(
        p.name for p in (Path(__file__).parent.parent / "content").glob("*.txt"))
    assert (site / "digest.yaml").is_file() and (site / ".gitignore").read_text().count("/build/") == 1
    assert [p.name for p in (site / "templates").iterdir()] == ["README.md"]
    assert "!default/base.html" in (site / "templates" / "README.md").read_text()
    assert (site / "build" / "index.html").is_file(), "init builds at once"
    assert "2 dumps -> 2 stories" in result.stdout

    rebuilt = run_digest("build", cwd=site)
    assert rebuilt.returncode == 0, rebuilt.stderr
    index = (site / "build" / "index.html").read_text()
    stories = sorted((site / "build" / "stories").glob("*/index.html"))
    # the home page has the dated story; the one whose date lacks a year is in no day's digest
    assert len(stories) == 2 and sum(f"stories/{page.parent.name}/" in index for page in stories) == 1


def test_init_in_current_empty_folder(tmp_path: Path) -> None:
    result = run_digest("init", ".", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "content").is_dir() and (tmp_path / "build" / "index.html").is_file()


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    mine = tmp_path / "notes.txt"
    mine.write_text("my notes")
    result = run_digest("init", str(tmp_path))
    assert result.returncode == 2
    assert str(tmp_path) in result.stderr and "not empty" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"] and mine.read_text() == "my notes"


def test_init_refuses_a_file(tmp_path: Path) -> None:
    target = tmp_path / "site"
    target.write_text("x")
    result = run_digest("init", str(target))
    assert result.returncode == 2 and "not a folder" in result.stderr and target.read_text() == "x"


def test_packaged_samples_match_the_repository_samples(root: Path) -> None:
    """The scaffold ships copies of content/; they must not drift apart."""
    packaged = root / "src" / "digest" / "scaffold" / "content"
    assert {p.name: p.read_bytes() for p in packaged.glob("*.txt")} == {
        p.name: p.read_bytes() for p in (root / "content").glob("*.txt")}
