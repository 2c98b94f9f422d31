"""Broken dumps: each reported once with its path and reason; every good story still built; the
command fails only when asked (--strict)."""
from __future__ import annotations

import os
import random
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from digest import inputs
from digest.build import BuildOptions, build
from digest.loader.text import normalise
from tests.conftest import run_digest
from tests.hardening.conftest import article, tree, write_site

DENIED = "denied.txt"


def broken_dumps() -> dict[str, tuple[bytes, str]]:
    """name -> (bytes, the reason the build must give)."""
    rng = random.Random(9)
    return {
        "empty.txt": (b"", "the file is empty"),
        "blank.txt": (b" \n\n\t\n", "the file is empty"),
        "binary.txt": (bytes(rng.randrange(256) for _ in range(30_000)), "not text"),
        "nul.txt": (b"\x00" * 4_000 + article("Nul bytes ahead").encode(), "not text"),
        "huge.txt": (article("A fifty megabyte page").encode() * 120_000, "too large for a news page"),
        "furniture.txt": (b"Menu\nHome\nNews\nSport\nSubscribe\nSign in\n\nMost read\n", "no article text found"),
        DENIED: (article("A page nobody may read").encode(), "cannot be read: Permission denied"),
    }


def readable_odd_dumps() -> dict[str, bytes]:
    """Odd but readable: each must become a story."""
    line = ("The council said the river rose again overnight, and crews worked on. " * 15_000)[:1_000_000]
    return {
        "truncated.txt": article("Storm cuts power to the coast, café owners say", extra="Power is out.").encode()[:-40] + "é".encode()[:1],
        "cp1252.txt": article("Café owners count the cost of the flood", extra="Cafés shut.").encode("cp1252"),
        "utf16.txt": article("Ferry service resumes after the storm", extra="Ferries sail.").encode("utf-16"),
        "utf16-le.txt": article("Ferry service resumes after the storm", extra="Ferries sail.").encode("utf-16-le"),
        "utf16-be.txt": article("Ferry service resumes after the storm", extra="Ferries sail.").encode("utf-16-be"),
        "stray-nul.txt": article("Schools reopen in the valley", extra="Pupils return.").replace("\n\n", "\n\x00\n").encode(),
        "one-line.txt": line.encode(),
    }


@pytest.fixture
def broken_site(tmp_path: Path, good_dumps: dict[str, str]) -> Path:
    dumps = {**good_dumps, **readable_odd_dumps(), **{name: data for name, (data, _) in broken_dumps().items()}}
    site = write_site(tmp_path / "site", dumps)
    os.mkfifo(site / "content" / "pipe.txt")  # reading a pipe blocks: it must not even be opened
    return site


@pytest.fixture
def deny_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run as root, which reads any file: a permission error is made where reading happens."""
    read_bytes, real_open = Path.read_bytes, open

    def guarded(self: Path) -> bytes:
        if self.name == DENIED:
            raise PermissionError(13, "Permission denied", str(self))
        return read_bytes(self)

    def guarded_open(file, *args, **kwargs):  # how the build reads dumps
        if os.path.basename(file) == DENIED:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(Path, "read_bytes", guarded)
    monkeypatch.setattr(inputs, "open", guarded_open, raising=False)


def test_each_broken_dump_is_reported_once_with_its_reason(broken_site: Path, deny_one: None) -> None:
    report = build(BuildOptions(site_dir=broken_site))
    by_name = {Path(p.path).name: p for p in report.problems}
    assert len(by_name) == len(report.problems), "a dump reported twice"
    expected = {name: reason for name, (_, reason) in broken_dumps().items()} | {"pipe.txt": "not a regular file"}
    assert set(by_name) == set(expected)
    for name, reason in expected.items():
        assert by_name[name].path == str(broken_site / "content" / name)
        assert reason in by_name[name].reason, (name, by_name[name].reason)


def test_every_good_and_odd_but_readable_dump_becomes_a_story(broken_site: Path, deny_one: None) -> None:
    report = build(BuildOptions(site_dir=broken_site))
    # every readable dump is loaded; the odd ones share one body, so the corpus stage makes them one
    # story with the others as alternate sources, whose headlines the story page lists
    assert report.dumps - len(report.problems) == 3 + len(readable_odd_dumps())
    pages = "".join(data.decode() for path, data in tree(broken_site / "build").items()
                    if path.startswith("stories/") and path.endswith(".html"))
    for headline in ("Floods close valley road number 2", "Café owners count the cost of the flood",
                     "Ferry service resumes after the storm", "Schools reopen in the valley"):
        assert headline in pages


def test_the_command_lists_the_skipped_dumps_and_exits_0_unless_strict(broken_site: Path) -> None:
    result = run_digest("build", str(broken_site))
    assert result.returncode == 0, result.stderr
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped ")]
    assert sorted(skipped) == sorted(set(skipped))
    assert {Path(line.split(": ")[0].removeprefix("skipped ")).name for line in skipped} == \
        set(broken_dumps()) - {DENIED} | {"pipe.txt"}
    assert "Traceback" not in result.stderr
    written = tree(broken_site / "build")

    strict = run_digest("build", "--strict", str(broken_site))
    assert strict.returncode == 1 and strict.stderr == result.stderr
    assert tree(broken_site / "build") == written  # the site is still built and written


def test_a_site_without_bad_dumps_passes_strict(tmp_path: Path, good_dumps: dict[str, str]) -> None:
    site = write_site(tmp_path / "site", good_dumps)
    result = run_digest("build", "--strict", str(site))
    assert result.returncode == 0 and result.stderr == ""


def test_a_markdown_page_that_is_not_utf8_is_an_error_naming_file_and_line(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", {"about.md": b"---\ntitle: About\n---\n\nOur caf\xe9.\n"})
    result = run_digest("build", str(site))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"{site / 'content' / 'about.md'}:5: not UTF-8" in result.stderr


def test_mojibake_on_a_megabyte_line_is_repaired_throughout() -> None:
    """A page saved without line breaks is one long line; its mojibake is repaired in stretches."""
    line = "The mayorâ€™s office said it would reopen the road. " * 20_000
    assert normalise(line) == ("The mayor’s office said it would reopen the road. " * 20_000).rstrip()


@pytest.mark.parametrize("date", ["April 31, 2025", "February 29, 2023", "31/02/2025 14:32 GMT"])
def test_an_impossible_date_leaves_its_story_undated_and_the_site_built(tmp_path: Path, date: str) -> None:
    dump = article("Floods close the valley road").replace("By Ann Lee\n", f"By Ann Lee\n\n{date}\n")
    site = write_site(tmp_path / "site", {"odd-date.txt": dump.replace("RIVERTON (AP)", f"RIVERTON, {date.split(',')[0]} (AP)")})
    result = run_digest("build", str(site))
    assert result.returncode == 0 and result.stderr == "", result.stderr
    built = tree(site / "build")
    assert "stories/floods-close-the-valley-road/index.html" in built
    assert not any(path.startswith(("2023/", "2025/")) for path in built)  # filed under no day


def test_characters_xml_forbids_leave_every_feed_and_the_sitemap_well_formed(tmp_path: Path) -> None:
    """U+FFFE and U+FFFF are text to Python and forbidden in XML 1.0: a dump holding them must not
    make a reader reject the site's or its source's Atom and RSS feeds."""
    dump = article("Floods \ufffeclose the \uffffvalley road", extra="Bridges \ufffe\uffff shut.").replace(" (AP)", "")
    dump = dump.replace("Most read", "Source: Valley\uffff Times\n\nMost read")
    dump = dump.replace("By Ann Lee\n", "By Ann Lee\n\nApril 3, 2025\n")  # dated: an undated story is in no feed
    site = write_site(tmp_path / "site", {"odd.txt": dump, "plain.txt": article("Ferries resume", extra="Ferries sail.")})
    assert run_digest("build", str(site)).returncode == 0
    xml = {path: data for path, data in tree(site / "build").items() if path.endswith(".xml")}
    assert {"atom.xml", "rss.xml", "sitemap.xml"} <= set(xml) and len(xml) >= 7  # and each source's feeds
    for path, data in xml.items():
        ET.fromstring(data)  # raises on a character XML forbids
        assert "\ufffe" not in data.decode() and "\uffff" not in data.decode(), path
    assert "Floods close the valley road" in xml["atom.xml"].decode()


@pytest.mark.parametrize("name", ["digest.yaml", "content/about.md"])
def test_a_yaml_alias_bomb_is_refused_at_once_naming_the_file(tmp_path: Path, name: str) -> None:
    from tests.site.test_markdown import alias_bomb
    site = write_site(tmp_path / "site", {"good.txt": article("Floods close the valley road")})
    bomb = alias_bomb("title") if name == "digest.yaml" else f"---\ntitle: About\n{alias_bomb('description')}---\nText.\n"
    (site / name).write_text(bomb)
    result = run_digest("build", str(site))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert str(site / name) in result.stderr and "aliases (*a0) are not allowed" in result.stderr, result.stderr
