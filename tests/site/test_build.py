"""Building a site end to end: pages, links, determinism, atomic output, bad input."""
from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest

from digest.build import BuildOptions, build
from digest.errors import OutputError, TemplateError
from tests.conftest import run_digest


@pytest.fixture
def site(tmp_path: Path, root: Path) -> Path:
    """A copy of the sample site, so tests never touch the repository's own files."""
    target = tmp_path / "site"
    target.mkdir()
    shutil.copytree(root / "content", target / "content")
    shutil.copytree(root / "templates", target / "templates")
    shutil.copy(root / "digest.yaml", target / "digest.yaml")
    return target


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_sample_site_has_home_and_a_page_per_story(site: Path) -> None:
    report = build(BuildOptions(site_dir=site))
    files = tree(site / "build")
    assert "index.html" in files and "static/style.css" in files
    story_pages = [p for p in files if p.startswith("stories/") and p.endswith("/index.html")]
    assert len(story_pages) == 2 == report.stories
    home = files["index.html"].decode()
    assert "Azerbaijan and China sign Comprehensive Strategic Partnership" in home
    assert report.problems == ()


def test_every_page_is_html5_with_lang_and_title(site: Path) -> None:
    build(BuildOptions(site_dir=site))
    for path, data in tree(site / "build").items():
        if path.endswith(".html"):
            html = data.decode()
            assert html.startswith("<!DOCTYPE html>\n<html lang=\"en\">"), path
            assert re.search(r"<title>[^<]+</title>", html), path


def test_every_internal_link_resolves_from_disk(site: Path) -> None:
    build(BuildOptions(site_dir=site))
    out = site / "build"
    base_url = "http://localhost:8000/"  # the default: the sample config sets none
    for page in out.rglob("*.html"):
        for target in re.findall(r'(?:href|src|action)="([^"#?]+)', page.read_text()):
            if re.match(r"[a-z]+:", target):
                assert target.startswith(base_url), f"{page}: link off the site {target}"
                continue
            if page.name == "404.html" and page.parent == out:  # served at any depth: links from the root
                assert target.startswith("/"), f"{page}: relative link {target} breaks at depth"
                continue
            assert not target.startswith("/"), f"{page}: absolute link {target} breaks file://"
            assert (page.parent / unquote(target)).resolve().is_file(), f"{page}: broken link {target}"


def test_story_page_shows_fields_and_quotes(site: Path) -> None:
    build(BuildOptions(site_dir=site))
    [page] = (site / "build" / "stories").glob("azerbaijani-president*/index.html")
    html = page.read_text()
    assert '<span class="dateline">BAKU, Azerbaijan, April 23.</span>' in html
    assert "Trend" in html and "Who said what" in html
    assert '<figcaption><a href="../../people/agshin-karimov/index.html">Agshin Karimov</a></figcaption>' in html
    assert '<q class="quote">The range, diversity' in html
    assert '<span class="speaker">— Ilyas Huseynov</span></p>' in html


def test_two_builds_are_byte_identical(site: Path, tmp_path: Path) -> None:
    build(BuildOptions(site_dir=site, output=tmp_path / "a"))
    build(BuildOptions(site_dir=site, output=tmp_path / "b"))
    assert tree(tmp_path / "a") == tree(tmp_path / "b")


def test_failed_build_leaves_previous_output_intact(site: Path) -> None:
    build(BuildOptions(site_dir=site))
    before = tree(site / "build")
    (site / "templates" / "story.html").write_text("{% extends 'base.html' %}{% block content %}{{ nope( }}{% endblock %}")
    with pytest.raises(TemplateError, match="story.html:1"):
        build(BuildOptions(site_dir=site))
    assert tree(site / "build") == before
    assert not [p for p in site.iterdir() if p.name.startswith(".build.")], "staging folder left behind"


def test_refuses_to_replace_a_folder_digest_did_not_write(site: Path) -> None:
    mine = site / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("precious")
    with pytest.raises(OutputError, match="did not write"):
        build(BuildOptions(site_dir=site, output=mine))
    assert (mine / "notes.txt").read_text() == "precious"


def test_dump_text_is_escaped_never_markup(site: Path) -> None:
    (site / "content" / "evil.txt").write_text(
        "<script>alert(1)</script> wins & loses\n\nThe council met on Monday and <b>voted</b> to close the bridge for repairs.\n"
    )
    build(BuildOptions(site_dir=site))
    html = "".join(p.read_text() for p in (site / "build").rglob("*.html"))
    assert "<script>" not in html and "<b>voted</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; wins &amp; loses" in html


def test_bad_dump_is_named_and_the_rest_still_build(site: Path) -> None:
    (site / "content" / "empty.txt").write_bytes(b"")
    result = run_digest("build", str(site))
    assert result.returncode == 0
    assert "empty.txt: the file is empty" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(list((site / "build" / "stories").iterdir())) == 2


def test_exact_duplicate_dump_is_one_story_with_an_alternate_source(site: Path) -> None:
    original = next((site / "content").glob("004_*.txt"))
    (site / "content" / "004_copy.txt").write_bytes(original.read_bytes())
    report = build(BuildOptions(site_dir=site))
    assert (report.dumps, report.stories) == (3, 2)
    [page] = (site / "build" / "stories").glob("azerbaijani-president*/index.html")
    assert "Also saved as" in page.read_text()


def test_clean_removes_previous_output_first(site: Path) -> None:
    build(BuildOptions(site_dir=site))
    (site / "build" / "stale.html").write_text("old")
    build(BuildOptions(site_dir=site, clean=True))
    assert not (site / "build" / "stale.html").exists()


def test_output_folder_is_readable_by_a_web_server(site: Path) -> None:
    build(BuildOptions(site_dir=site))
    assert (site / "build").stat().st_mode & 0o755 == 0o755
