"""A story page lists the other stories of its event nearest it in the timeline, not the whole event:
a long-running event would list thousands on each of its thousands of pages."""
from __future__ import annotations

from digest.records import Event, Story
from digest.site.views import COVERAGE, Catalog, StoryView
from tests.corpus.factory import record


def catalog_of(size: int) -> Catalog:
    ids = [f"s{n:02d}" for n in range(size)]
    stories = {i: StoryView(Story(i, record(f"{i}.txt"), event="e"), f"stories/{i}/index.html", None) for i in ids}
    event = Event("e", "A long story", None, None, tuple(ids))
    return Catalog(stories=stories, events={"e": event}, people={}, speakers={}, terms={})


def shown(catalog: Catalog, story_id: str) -> list[str]:
    return [view.story.id for view in catalog.coverage(story_id).stories]


def test_a_small_event_is_listed_whole_but_the_story_itself() -> None:
    catalog = catalog_of(4)
    assert shown(catalog, "s01") == ["s00", "s02", "s03"]
    assert not catalog.coverage("s01").more


def test_a_large_event_gives_the_nearest_stories_in_timeline_order() -> None:
    catalog = catalog_of(30)
    assert shown(catalog, "s15") == [f"s{n:02d}" for n in range(11, 20) if n != 15]
    assert shown(catalog, "s00") == [f"s{n:02d}" for n in range(1, COVERAGE + 1)]
    assert shown(catalog, "s29") == [f"s{n:02d}" for n in range(29 - COVERAGE, 29)]
    assert all(catalog.coverage(f"s{n:02d}").more for n in range(30))
    assert all(len(shown(catalog, f"s{n:02d}")) == COVERAGE for n in range(30))


def test_a_story_outside_any_event_has_no_coverage() -> None:
    catalog = catalog_of(3)
    lone = StoryView(Story("x", record("x.txt")), "stories/x/index.html", None)
    catalog.stories["x"] = lone
    assert catalog.coverage("x").stories == () and not catalog.coverage("x").more
