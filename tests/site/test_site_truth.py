"""Is what the site says true? The site built from ../shared/corpus and the seeds, read page by page
as a reader sees it, against a hand-labelled file (data/site_truth.yaml): the People index lists
people, related items come from the lists the page offers as related, every story names its outlet
exactly and shows its byline.

`python -m tests.site.test_site_truth` builds the site and prints the figures.
"""
from __future__ import annotations

import html
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from digest.config import SiteConfig
from tests.conftest import SHARED, run_digest

TRUTH = Path(__file__).parent / "data" / "site_truth.yaml"
# Targets of the site: the People index is people; bylines the pages print are shown.
PEOPLE_PRECISION_TARGET = 0.98
# Every byline a page prints is shown on its story page.
BYLINES_SHOWN_FLOOR = 1.0


@dataclass
class StoryShown:
    headline: str
    source: str | None
    byline: str | None
    related: list[tuple[str, str | None]]  # title, link (None: plain text)


@dataclass
class SiteReading:
    stories: dict[str, StoryShown] = field(default_factory=dict)  # dump file -> its story page
    unmatched: list[str] = field(default_factory=list)  # story pages no labelled dump names
    people: dict[str, set[str]] = field(default_factory=dict)  # name on the People index -> dump files
    organisations: set[str] = field(default_factory=set)  # names on the Organisations index


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def _story(page: str) -> StoryShown:
    start = page.index('<article class="story">')
    header = page[start:page.index("</header>", start)]
    headline = _text(re.search(r"<h1>(.*?)</h1>", header, re.DOTALL).group(1))
    source = re.search(r'class="source"[^>]*>(.*?)</', header, re.DOTALL)
    byline = re.search(r'<p class="byline">By (.*?)</p>', header, re.DOTALL)
    related = []
    box = re.search(r'<section class="related".*?</section>', page, re.DOTALL)
    for item in re.findall(r"<li>(.*?)</li>", box.group(0), re.DOTALL) if box else ():
        link = re.match(r'\s*<a href="([^"]+)">(.*?)</a>', item, re.DOTALL)
        title = re.match(r'\s*<span class="title">(.*?)</span>', item, re.DOTALL)
        related.append((_text(link.group(2)), link.group(1)) if link else (_text(title.group(1)) if title else _text(item), None))
    return StoryShown(headline, _text(source.group(1)) if source else None, _text(byline.group(1)) if byline else None, related)


def _file_of(headline: str, truth: dict) -> str | None:
    for story in truth["stories"]:
        if headline.startswith(story["headline"]):
            return story["file"]
    return None


def read_site(out: Path, truth: dict) -> SiteReading:
    reading = SiteReading()
    for path in sorted((out / "stories").glob("*/index.html")):
        shown = _story(path.read_text(encoding="utf-8"))
        file = _file_of(shown.headline, truth)
        if file:
            reading.stories[file] = shown
        else:
            reading.unmatched.append(shown.headline)
    for path in sorted((out / "people").glob("*/index.html")):
        page = path.read_text(encoding="utf-8")
        name = _text(re.search(r"<h1>(.*?)</h1>", page, re.DOTALL).group(1))
        headlines = [_text(h) for h in re.findall(r'<h3 id="said-\d+"><a [^>]*>(.*?)</a>', page, re.DOTALL)]
        reading.people[name] = {f for f in (_file_of(h, truth) for h in headlines) if f}
    for path in sorted((out / "organisations").glob("*/index.html")):
        reading.organisations.add(_text(re.search(r"<h1>(.*?)</h1>", path.read_text(encoding="utf-8"), re.DOTALL).group(1)))
    return reading


def build_truth_site(shared: Path, where: Path) -> Path:
    """The corpus's dumps and the seeds as one site, built as a user builds it."""
    content = where / "site" / "content"
    content.mkdir(parents=True)
    for dump in sorted((shared / "corpus" / "dumps").glob("*.txt")):
        shutil.copy(dump, content / dump.name)
    for dump in sorted((shared / "seeds").glob("*.txt")):
        shutil.copy(dump, content / f"seed_{dump.name}")
    (where / "site" / "digest.yaml").write_text("title: Truth\nbase_url: https://truth.example.org/\n", encoding="utf-8")
    result = run_digest("build", str(where / "site"), "--output", str(where / "out"))
    assert result.returncode == 0, result.stderr
    return where / "out"


@dataclass(frozen=True)
class Figures:
    people_listed: int
    people_valid: int
    pairs_listed: int  # (person, story) pairs the person pages show
    pairs_valid: int
    related_shown: int
    related_from_related_lists: int
    related_labelled: int
    sources_exact: int
    stories: int
    bylines_labelled: int
    bylines_shown: int  # of the labelled ones
    bylines_printed: int  # every byline the pages show
    bylines_printed_right: int


def figures(reading: SiteReading, truth: dict) -> Figures:
    people = truth["people"]
    pairs = [(name, f) for name, files in reading.people.items() for f in files]
    related_shown = related_right = labelled = exact = byl = byl_shown = printed = printed_right = 0
    for story in truth["stories"]:
        shown = reading.stories.get(story["file"])
        want = {_fold(t) for t in story["related"]}
        labelled += len(want)
        if shown is None:
            continue
        related_shown += len(shown.related)
        related_right += sum(1 for title, _ in shown.related if _fold(title) in want)
        exact += shown.source == story["source"]
        if story["byline"]:
            byl += 1
            byl_shown += shown.byline == story["byline"]
        if shown.byline:
            printed += 1
            printed_right += shown.byline == story["byline"]
    return Figures(len(reading.people), sum(1 for n in reading.people if n in people),
                   len(pairs), sum(1 for n, f in pairs if f in people.get(n, ())),
                   related_shown, related_right, labelled, exact, len(truth["stories"]),
                   byl, byl_shown, printed, printed_right)


def _fold(title: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", title.replace("’", "'").casefold()).split())


def _share(hit: int, total: int) -> float:
    return hit / total if total else 1.0


@pytest.fixture(scope="module")
def truth() -> dict:
    return yaml.safe_load(TRUTH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def reading(shared: Path, truth: dict, tmp_path_factory: pytest.TempPathFactory) -> SiteReading:
    return read_site(build_truth_site(shared, tmp_path_factory.mktemp("truth")), truth)


def test_every_labelled_dump_has_its_story_page(reading: SiteReading, truth: dict) -> None:
    assert not reading.unmatched
    assert sorted(reading.stories) == sorted(s["file"] for s in truth["stories"])


def test_every_story_names_its_outlet_exactly(reading: SiteReading, truth: dict) -> None:
    wrong = {s["file"]: (reading.stories[s["file"]].source, s["source"]) for s in truth["stories"]
             if reading.stories[s["file"]].source != s["source"]}
    assert not wrong, f"shown, labelled: {wrong}"


def test_every_related_item_comes_from_a_list_the_page_offers_as_related(reading: SiteReading, truth: dict) -> None:
    wrong = {s["file"]: [t for t, _ in reading.stories[s["file"]].related if _fold(t) not in {_fold(x) for x in s["related"]}]
             for s in truth["stories"]}
    assert not {f: titles for f, titles in wrong.items() if titles}


def test_related_items_are_few_and_linked_only_to_pages_that_exist(reading: SiteReading) -> None:
    for file, shown in reading.stories.items():
        assert len(shown.related) <= SiteConfig().related_items, file
        for title, link in shown.related:
            assert link is None or link.endswith("/index.html"), (file, title, link)


def test_the_people_index_lists_people(reading: SiteReading, truth: dict) -> None:
    result = figures(reading, truth)
    precision = _share(result.people_valid, result.people_listed)
    not_people = sorted(n for n in reading.people if n not in truth["people"])
    assert precision >= PEOPLE_PRECISION_TARGET, f"people precision {precision:.3f}; not people: {not_people}"


def test_organisations_quoted_are_kept_as_organisations_apart_from_people(reading: SiteReading, truth: dict) -> None:
    # NASA speaks in the corpus's space story ("NASA said"): an organisation's voice, never a person
    assert "NASA" in reading.organisations
    assert not reading.organisations & set(truth["people"])
    assert not reading.organisations & set(reading.people)


def test_bylines_the_pages_print_are_shown(reading: SiteReading, truth: dict) -> None:
    result = figures(reading, truth)
    missing = {s["file"]: s["byline"] for s in truth["stories"]
               if s["byline"] and reading.stories[s["file"]].byline != s["byline"]}
    assert _share(result.bylines_shown, result.bylines_labelled) >= BYLINES_SHOWN_FLOOR, f"not shown: {missing}"


def test_no_story_credits_a_writer_its_page_does_not_name(reading: SiteReading, truth: dict) -> None:
    # "Get" from "Get short URL" and "First Forecast Weather" from a teaser were credited as writers
    wrong = {s["file"]: reading.stories[s["file"]].byline for s in truth["stories"]
             if reading.stories[s["file"]].byline and reading.stories[s["file"]].byline != s["byline"]}
    assert not wrong


def main() -> None:
    import tempfile

    if not SHARED.is_dir():
        sys.exit(f"{SHARED} is missing")
    truth = yaml.safe_load(TRUTH.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as where:
        reading = read_site(build_truth_site(SHARED, Path(where)), truth)
    f = figures(reading, truth)
    print(f"people precision      {_share(f.people_valid, f.people_listed):.3f}  ({f.people_valid}/{f.people_listed})")
    print(f"  person-story pairs  {_share(f.pairs_valid, f.pairs_listed):.3f}  ({f.pairs_valid}/{f.pairs_listed})")
    print(f"  not people          {sorted(n for n in reading.people if n not in truth['people'])}")
    print(f"related precision     {_share(f.related_from_related_lists, f.related_shown):.3f}  "
          f"({f.related_from_related_lists}/{f.related_shown}); recall {f.related_from_related_lists}/{f.related_labelled}")
    print(f"sources exact         {_share(f.sources_exact, f.stories):.3f}  ({f.sources_exact}/{f.stories})")
    print(f"bylines shown         {_share(f.bylines_shown, f.bylines_labelled):.3f}  ({f.bylines_shown}/{f.bylines_labelled})")
    print(f"bylines printed right {_share(f.bylines_printed_right, f.bylines_printed):.3f}  "
          f"({f.bylines_printed_right}/{f.bylines_printed})")


if __name__ == "__main__":
    main()
