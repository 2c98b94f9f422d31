"""An incremental build is byte for byte the clean build of the same input, whatever was edited."""
from __future__ import annotations

import os
import pickle
import random
import re
import shutil
from pathlib import Path

import pytest

from benchmarks.synth import generate
from digest.build import BuildOptions, build
from tests.conftest import tree


@pytest.fixture
def site(tmp_path: Path, root: Path) -> Path:
    site = tmp_path / "site"
    shutil.copytree(root / "content", site / "content")
    shutil.copy(root / "digest.yaml", site / "digest.yaml")
    generate(site / "content" / "synth", 24, seed=11)
    return site


def edit_paragraph(rng: random.Random, site: Path) -> None:
    dump = rng.choice(sorted((site / "content").rglob("*.txt")))
    lines = dump.read_text(encoding="utf-8").split("\n")
    long = [i for i, line in enumerate(lines) if len(line.split()) > 15]
    i = rng.choice(long)
    lines[i] = lines[i].replace(" the ", " the newly revised ", 1) if " the " in lines[i] else lines[i] + " More follows."
    dump.write_text("\n".join(lines), encoding="utf-8")


def edit_headline(rng: random.Random, site: Path) -> None:
    dump = rng.choice(sorted((site / "content" / "synth").glob("*.txt")))
    dump.write_text(dump.read_text(encoding="utf-8").replace("partners agree", "partners finally agree", 1), encoding="utf-8")


def add_dump(rng: random.Random, site: Path) -> None:
    generate(site / "content" / f"new{rng.randrange(10**6)}", 2, seed=rng.randrange(1000))


def copy_dump(rng: random.Random, site: Path) -> None:
    dump = rng.choice(sorted((site / "content").rglob("*.txt")))
    shutil.copy(dump, dump.with_name(f"copy-{rng.randrange(10**6)}.txt"))


def delete_dump(rng: random.Random, site: Path) -> None:
    rng.choice(sorted((site / "content" / "synth").glob("*.txt"))).unlink()


def edit_template(rng: random.Random, site: Path) -> None:
    (site / "templates").mkdir(exist_ok=True)
    (site / "templates" / "base.html").write_text(
        '{% extends "!default/base.html" %}{% block footer %}<p>Edition ' + str(rng.randrange(100)) + "</p>{% endblock %}\n")


def edit_config(rng: random.Random, site: Path) -> None:
    (site / "digest.yaml").write_text(f"title: Harbour digest {rng.randrange(100)}\nitems_per_page: {rng.choice([2, 3, 20])}\n")


EDITS = [edit_paragraph, edit_paragraph, edit_headline, add_dump, copy_dump, delete_dump, edit_template, edit_config]


@pytest.mark.parametrize("seed", [1, 2])
def test_incremental_builds_equal_clean_builds(site: Path, tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    build(BuildOptions(site_dir=site, workers=1))
    reused_some = False
    for step in range(6):
        edit = rng.choice(EDITS)
        edit(rng, site)
        incremental = build(BuildOptions(site_dir=site, workers=1))
        clean = build(BuildOptions(site_dir=site, output=tmp_path / "clean", clean=True, workers=1))
        assert tree(site / "build") == tree(tmp_path / "clean"), f"step {step}: {edit.__name__}"
        reused_some |= incremental.rendered < clean.rendered
    assert reused_some, "no build reused a page: the test did not exercise incremental rendering"


def test_no_change_rebuild_reports_the_same_and_writes_nothing(site: Path) -> None:
    (site / "content" / "empty.txt").write_bytes(b"")
    first = build(BuildOptions(site_dir=site, workers=1))
    marker = (site / "build" / ".digest-build").stat().st_mtime_ns
    again = build(BuildOptions(site_dir=site, workers=1))
    assert (again.dumps, again.stories, again.pages, again.events) == (first.dumps, first.stories, first.pages, first.events)
    assert [str(p) for p in again.problems] == [str(p) for p in first.problems]
    assert again.rendered == 0
    assert (site / "build" / ".digest-build").stat().st_mtime_ns == marker


def test_output_changed_by_hand_is_not_trusted(site: Path) -> None:
    build(BuildOptions(site_dir=site, workers=1))
    (site / "build" / ".digest-build").write_text("This folder is written by `digest build`.\nbuild edited\n")
    rebuilt = build(BuildOptions(site_dir=site, workers=1))
    assert rebuilt.rendered == rebuilt.pages


def test_an_edit_renders_few_pages_and_the_progress_bar_counts_only_those(site: Path) -> None:
    build(BuildOptions(site_dir=site, workers=1))
    edit_paragraph(random.Random(4), site)
    told: list[tuple[str, int, int]] = []
    report = build(BuildOptions(site_dir=site, workers=1, progress=lambda *step: told.append(step)))
    assert 0 < report.rendered < report.pages / 2
    assert ("rendering pages", report.rendered, report.rendered) in told
    assert not [step for step in told if step[0] == "rendering pages" and step[2] != report.rendered]


def test_a_build_started_from_another_folder_reuses_the_work(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`digest build site` and `cd site && digest build` are one site: neither parses nor renders
    it all again after the other, and a skipped dump is named so it can be opened from where the
    build was started."""
    (site / "content" / "broken.txt").write_bytes(b"\x00\x01 not a page")
    first = build(BuildOptions(site_dir=site, workers=1))
    monkeypatch.chdir(site)
    assert build(BuildOptions(site_dir=Path("."), workers=1)).rendered == 0
    edit_paragraph(random.Random(4), site)
    again = build(BuildOptions(site_dir=Path("."), workers=1))
    assert 0 < again.rendered < again.pages / 2
    assert [p.path for p in first.problems] == [str(site / "content" / "broken.txt")]
    assert [p.path for p in again.problems] == [str(Path("content") / "broken.txt")]


def test_unchanged_pages_are_shared_with_the_previous_site_not_copied(site: Path) -> None:
    """Linking is how an edit avoids rewriting the archive (each file keeps its inode); the previous
    site's files are never written in place, so sharing them cannot change that site."""
    build(BuildOptions(site_dir=site, workers=1))
    stories = site / "build" / "stories"
    inodes = {p: p.stat().st_ino for p in stories.rglob("index.html")}
    dump = sorted((site / "content" / "synth").glob("*.txt"))[0]
    dump.write_text(dump.read_text(encoding="utf-8").replace(" the ", " the newly revised ", 1), encoding="utf-8")
    build(BuildOptions(site_dir=site, workers=1))
    kept = [p for p, inode in inodes.items() if p.exists() and p.stat().st_ino == inode]
    assert len(inodes) - 3 <= len(kept) < len(inodes)  # the edited story and the few that show it are new files


def test_a_rebuild_never_writes_into_the_site_it_replaces(site: Path, tmp_path: Path) -> None:
    """The new site starts as links to the previous one's files; what changes is replaced, never
    written into, so the site being served until the swap (seen here through second names of
    its files) stays exactly as it was, however many pages the rebuild changes."""
    build(BuildOptions(site_dir=site, workers=1))
    before = tree(site / "build")
    seen = tmp_path / "seen"
    for path in before:
        (seen / path).parent.mkdir(parents=True, exist_ok=True)
        os.link(site / "build" / path, seen / path)
    edit_paragraph(random.Random(4), site)
    (site / "digest.yaml").write_text("title: Another title\n")  # every page changes
    build(BuildOptions(site_dir=site, workers=1))
    assert tree(seen) == before
    assert tree(site / "build") != before


def test_a_removed_story_leaves_no_file_or_empty_folder(site: Path) -> None:
    build(BuildOptions(site_dir=site, workers=1))
    folders = {p for p in (site / "build" / "stories").iterdir()}
    for dump in sorted((site / "content" / "synth").glob("*.txt"))[:3]:
        dump.unlink()
    report = build(BuildOptions(site_dir=site, workers=1))
    left = {p for p in (site / "build" / "stories").iterdir()}
    assert left < folders and len(left) == report.stories
    assert all((folder / "index.html").is_file() for folder in left)
    assert not [p for p in (site / "build").rglob("*") if p.is_dir() and not any(p.iterdir())]


def listed_stories(page: Path) -> list[str]:
    html = page.read_text(encoding="utf-8")
    return re.findall(r'href="[./]*(stories/[^"]+)"', html[html.index("<main"):html.index("</main>")])


def test_newer_stories_leave_the_older_pages_of_a_list_as_they_were(site: Path, tmp_path: Path) -> None:
    """How archives grow: dumps dated after the rest join the first page of each list; an older
    page keeps its stories, so a link to it stays true and a rebuild need not render it (numbered
    from the newest, every page of a list would shift by one story)."""
    (site / "digest.yaml").write_text("title: Harbour digest\nitems_per_page: 2\n")
    build(BuildOptions(site_dir=site, workers=1))
    older = {p: listed_stories(p) for p in (site / "build").glob("*/*/page/*/index.html")}
    generate(site / "content" / "newer", 3, seed=3, years=(2031,))
    build(BuildOptions(site_dir=site, workers=1))
    assert len(older) > 10
    assert {p: listed_stories(p) for p in older} == older
    build(BuildOptions(site_dir=site, output=tmp_path / "clean", clean=True, workers=1))
    assert tree(site / "build") == tree(tmp_path / "clean")


@pytest.mark.parametrize("damage", [b"not a pickle", pickle.dumps(Path("a class, not a plain value")), b""])
def test_damaged_build_details_are_not_trusted(site: Path, tmp_path: Path, damage: bytes) -> None:
    """The previous build's page details are ours to read, never to believe: a damaged or foreign
    file means every page is made again."""
    build(BuildOptions(site_dir=site, workers=1))
    [details] = (site / ".digest-cache").glob("output-*.pages.pickle")
    details.write_bytes(damage)
    edit_paragraph(random.Random(8), site)
    again = build(BuildOptions(site_dir=site, workers=1))
    assert again.rendered == again.pages
    build(BuildOptions(site_dir=site, output=tmp_path / "clean", clean=True, workers=1))
    assert tree(site / "build") == tree(tmp_path / "clean")


def test_a_previous_site_that_cannot_be_mirrored_is_rendered_afresh(site: Path, tmp_path: Path, monkeypatch) -> None:
    """The mirror fails part way (a full disk, say): what it linked is cleared away, every page is
    rendered, the site equals a clean build and the report says why it took longer."""
    from digest.output import mirror
    build(BuildOptions(site_dir=site, workers=1))
    failing = tmp_path / "failing_mirror.py"
    failing.write_text("import os, sys\nos.link(os.path.join(sys.argv[1], 'index.html'), os.path.join(sys.argv[2], 'index.html'))\n"
                       "os.mkdir(os.path.join(sys.argv[2], 'stories'))\nsys.exit('No space left on device')\n")
    monkeypatch.setattr(mirror, "SCRIPT", str(failing))
    edit_paragraph(random.Random(4), site)
    report = build(BuildOptions(site_dir=site, workers=1))
    assert report.rendered == report.pages
    assert any("previous site could not be reused" in warning for warning in report.warnings)
    build(BuildOptions(site_dir=site, output=tmp_path / "clean", clean=True, workers=1))
    assert tree(site / "build") == tree(tmp_path / "clean")
