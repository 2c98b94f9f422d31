"""URLs: stable, collision-free, decided in one place."""
from __future__ import annotations

from dataclasses import replace

from digest.records import Corpus
from digest.site.routes import make_routes, paged, relative, story_slugs
from tests.site.handmade import corpus


def test_two_stories_with_one_headline_get_distinct_stable_urls() -> None:
    stories = corpus().stories
    slugs = story_slugs(stories)
    assert len(set(slugs.values())) == len(stories)
    assert slugs["s-twin"] == "sardine-festival-draws-record-crowds"  # filed first, keeps the plain slug
    assert slugs["s-fest"].startswith("sardine-festival-draws-record-crowds-")
    assert story_slugs(tuple(reversed(stories))) == slugs  # order of input does not matter


def test_a_new_story_never_moves_an_existing_url() -> None:
    stories = corpus().stories
    before = story_slugs(stories)
    later = replace(stories[1], id="s-later", record=replace(stories[1].record, date="2025-07-01"))
    after = story_slugs((*stories, later))
    assert all(after[key] == slug for key, slug in before.items())


def test_headline_without_letters_still_gets_a_slug() -> None:
    story = corpus().stories[0]
    odd = replace(story, record=replace(story.record, headline="!!!"))
    assert story_slugs((odd,)) == {odd.id: "story"}


def test_pages_days_and_relative_links() -> None:
    routes = make_routes(Corpus(()), [])
    assert paged("sources/trend") == "sources/trend/index.html"
    assert paged("sources/trend", 1) == "sources/trend/page/1/index.html"
    assert paged("sources/trend", 3) == "sources/trend/page/3/index.html"
    assert routes.term("archive", "2025-06-14") == "2025/06/14/index.html"
    assert relative("stories/a/index.html", "2025/06/14/index.html") == "../../2025/06/14/index.html"
    assert relative("index.html", "static/style.css") == "static/style.css"


def test_relative_links_agree_with_relpath() -> None:
    import posixpath
    import random

    from digest.site.routes import relative

    rng = random.Random(3)
    names = ["stories", "people", "2025", "04", "x"]
    for _ in range(5000):
        here = "/".join(rng.choice(names) for _ in range(rng.randint(0, 4))) + "/index.html"
        there = "/".join(rng.choice(names) for _ in range(rng.randint(0, 4))) + "/" + rng.choice(["index.html", "feed.json"])
        here, there = here.lstrip("/"), there.lstrip("/")
        assert relative(here, there) == posixpath.relpath(there, posixpath.dirname(here) or ".")
