"""Paths: every output path comes from a slug, so no headline or file name writes outside the output;
links in content/ that lead outside are not followed; two stories never share a file."""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from digest.build import BuildOptions, build
from tests.conftest import run_digest
from tests.hardening.conftest import article, tree, write_site

ODD_NAMES = ["a..txt", "b...txt", "a..b.txt", "dir../x.txt", "with spaces .txt", "café ünï 新闻.txt", "tab\there.txt",
             "new\nline.txt", "\x01bell\x07.txt", "-rf.txt", "sub/../nested.txt"]
HOSTILE_HEADLINES = ["../../etc/passwd", "/etc/shadow", "..", "C:\\Windows\\system.ini", "%2e%2e%2fx",
                     "index.html", "~/.ssh/id_rsa", "\u202egnp.exe"]


def everything_outside(root: Path, keep: Path) -> dict[str, bytes]:
    """Every file under root but the output and digest's own cache (.digest-cache in the site)."""
    cache = keep.parent / ".digest-cache"
    return {k: v for k, v in tree(root).items() if not ((root / k).is_relative_to(keep) or (root / k).is_relative_to(cache))}


def test_hostile_headlines_and_file_names_stay_inside_the_output(tmp_path: Path) -> None:
    dumps = {name: article(f"Story from file {i}", extra=f"File number {i}.") for i, name in enumerate(ODD_NAMES)}
    dumps |= {f"h{i}.txt": article(h, extra=f"Headline number {i}.") for i, h in enumerate(HOSTILE_HEADLINES)}
    os.makedirs(tmp_path / "site" / "content" / "sub")
    site = write_site(tmp_path / "site", dumps)
    (site / "content" / os.fsdecode(b"latin-caf\xe9.txt")).write_text(article("Latin name", extra="Bytes."))
    before = everything_outside(tmp_path, site / "build")

    report = build(BuildOptions(site_dir=site))

    assert report.problems == ()
    assert report.stories == len(dumps) + 1
    assert everything_outside(tmp_path, site / "build") == before  # nothing written (or changed) elsewhere
    for path in (site / "build").rglob("*"):
        assert path.resolve().is_relative_to((site / "build").resolve())
        assert path.relative_to(site / "build").as_posix().isascii(), path
    stories = sorted(p.parent.name for p in (site / "build" / "stories").glob("*/index.html"))
    assert len(stories) == report.stories
    assert "etc-passwd" in stories


def test_a_link_to_a_file_outside_content_is_reported_and_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(article("Secret payroll of the council", extra="Zebrafish4417 is the password."))
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "other.txt").write_text(article("Outside folder", extra="Okapi9001 hides here."))
    site = write_site(tmp_path / "site", {"good.txt": article("Floods close the valley road")})
    (site / "content" / "leak.txt").symlink_to(secret)
    (site / "content" / "relative.txt").symlink_to(Path("..") / ".." / "secret.txt")
    (site / "content" / "folder").symlink_to(tmp_path / "outside", target_is_directory=True)
    (site / "content" / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (site / "content" / "alias.txt").symlink_to("good.txt")  # inside content/: an ordinary copy

    report = build(BuildOptions(site_dir=site))

    reasons = {Path(p.path).name: p.reason for p in report.problems}
    assert set(reasons) == {"leak.txt", "relative.txt", "dangling.txt"}
    assert "outside the content folder: not followed" in reasons["leak.txt"]
    assert "outside the content folder" in reasons["relative.txt"]
    assert "broken link" in reasons["dangling.txt"]
    site_bytes = b"".join(tree(site / "build").values())
    assert b"Zebrafish4417" not in site_bytes and b"Okapi9001" not in site_bytes
    assert report.stories == 1 and report.dumps == 5  # good.txt and its alias: one story, two dumps


def test_two_stories_never_write_the_same_file(tmp_path: Path) -> None:
    """Same headlines get a hash suffix; a headline crafted to equal such a suffixed slug must not
    take the file of the story that holds it."""
    same = {f"same-{i}.txt": article("Floods close the valley road", extra=f"Copy number {i}.") for i in range(3)}
    site = write_site(tmp_path / "site", same)
    first = build(BuildOptions(site_dir=site))
    slugs = sorted(p.parent.name for p in (site / "build" / "stories").glob("*/index.html"))
    assert len(slugs) == first.stories == 3
    hashed = [s for s in slugs if s != "floods-close-the-valley-road"]
    assert len(hashed) == 2
    suffix = hashed[0].rsplit("-", 1)[1]
    write_site(site, {"crafted.txt": article(f"Floods close the valley road {suffix}", extra="A crafted one.")})

    report = build(BuildOptions(site_dir=site))

    pages = list((site / "build" / "stories").glob("*/index.html"))
    assert len(pages) == report.stories == 4
    texts = [p.read_text() for p in pages]
    for marker in ("Copy number 0.", "Copy number 1.", "Copy number 2.", "A crafted one."):
        assert sum(marker in t for t in texts) == 1, marker


@pytest.mark.parametrize("config, args", [
    ("output_dir: content\n", ()),  # the output is the content folder
    ("output_dir: .\n", ()),  # the output holds it
    ("", ("-o", "{site}/content/out")),  # the output is inside it
    ("content_dir: build/dumps\n", ()),  # the content folder is inside the output
])
def test_content_and_output_folders_that_overlap_are_refused(tmp_path: Path, config: str, args: tuple[str, ...]) -> None:
    """A build replaces its output folder whole: one that overlaps the content folder would delete
    the dumps, or read its own files (robots.txt) as dumps."""
    site = write_site(tmp_path / "site", {"good.txt": article("Floods close the valley road")})
    if "build/dumps" in config:  # the dumps moved into a site built before
        assert run_digest("build", str(site)).returncode == 0
        (site / "content").rename(site / "build" / "dumps")
    (site / "digest.yaml").write_text(config)
    before = tree(site)
    for _ in range(2):
        result = run_digest("build", str(site), *(arg.format(site=site) for arg in args))
        assert result.returncode == 2, result.stderr
        assert "overlap" in result.stderr and "Traceback" not in result.stderr
        assert tree(site) == before  # the dumps are untouched; nothing is written


def test_an_output_folder_beside_the_content_folder_is_fine(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", {"good.txt": article("Floods close the valley road")})
    assert run_digest("build", str(site), "-o", str(site / "content-out")).returncode == 0
    assert (site / "content-out" / "index.html").is_file()


def test_a_link_in_static_that_leads_outside_it_is_reported_and_not_published(tmp_path: Path) -> None:
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0:Zebrafish4417:/root:/bin/bash\n")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "key.css").write_text("/* Okapi9001 */\n")
    site = write_site(tmp_path / "site", {"good.txt": article("Floods close the valley road")})
    (site / "static").mkdir()
    (site / "static" / "site.css").write_text("body { color: navy; }\n")
    (site / "static" / "passwd.txt").symlink_to(secret)
    (site / "static" / "folder").symlink_to(tmp_path / "outside", target_is_directory=True)
    (site / "static" / "alias.css").symlink_to("site.css")  # inside static/: an ordinary copy

    report = build(BuildOptions(site_dir=site))

    built = tree(site / "build")
    assert b"Zebrafish4417" not in b"".join(built.values()) and b"Okapi9001" not in b"".join(built.values())
    assert built["static/alias.css"] == built["static/site.css"] == b"body { color: navy; }\n"
    reasons = {Path(p.path).name: p.reason for p in report.problems}
    assert set(reasons) == {"passwd.txt", "folder"} and report.dumps == 1  # reported, not counted as dumps
    assert all("outside the static folder: not followed" in reason for reason in reasons.values())


# What a terminal acts on in a name: escape sequences (clear the screen, set the title), C1's CSI,
# a carriage return, right-to-left overrides; and a name that is not UTF-8.
TERMINAL_NAME = "\x1b[2J\x1b]0;pwned\x07clear\r\x9b1m\u202egnp.txt"
SHOWN_NAME = "\\x1b[2J\\x1b]0;pwned\\x07clear\\r\\x9b1m\\u202egnp.txt"
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def test_file_names_show_escaped_in_console_output(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", {"good.txt": article("Floods close the valley road"), TERMINAL_NAME: b""})
    dump = site / "content" / TERMINAL_NAME
    outputs = {"build": run_digest("build", str(site)).stderr, "check": run_digest("check", str(site)).stdout,
               "inspect": run_digest("inspect", str(dump)).stderr}
    (site / "content" / f"{TERMINAL_NAME}.md").write_text("no front matter\n")
    outputs["page error"] = run_digest("build", str(site)).stderr
    for command, output in outputs.items():
        assert not RAW.search(output), (command, output)
        assert SHOWN_NAME in output, (command, output)
    as_json = run_digest("check", "--json", str(site)).stdout
    assert not RAW.search(as_json) and str(dump) in [f["path"] for f in json.loads(as_json)["findings"]]
