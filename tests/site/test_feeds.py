"""The three feed formats, for the site, a source and an event, read with feedparser as readers do."""
from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import feedparser
import pytest

from digest.site.feeds import _moment
from tests.site.handmade import build_handmade

FEEDS = ("atom.xml", "rss.xml", "feed.json")
BASE = "https://news.example.org/digest/"


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    return build_handmade(tmp_path_factory.mktemp("feeds") / "out")


def read_json_feed(data: bytes) -> feedparser.FeedParserDict:
    """feedparser from PyPI reads XML feeds only, so JSON Feed 1.1's required fields are checked here
    and the feed handed back in feedparser's shape, for the same assertions."""
    feed = json.loads(data)
    assert feed["version"] == "https://jsonfeed.org/version/1.1" and feed["title"] and isinstance(feed["items"], list)
    for item in feed["items"]:
        assert item["id"] and ("content_html" in item or "content_text" in item)
        datetime.fromisoformat(item["date_published"])  # RFC 3339
    entries = [feedparser.FeedParserDict(title=i["title"], link=i["url"], content=[{"value": i["content_html"]}])
               for i in feed["items"]]
    return feedparser.FeedParserDict(feed=feedparser.FeedParserDict(title=feed["title"], link=feed["home_page_url"]),
                                     bozo=False, entries=entries)


def parse(data: bytes, name: str) -> feedparser.FeedParserDict:
    return read_json_feed(data) if name.endswith(".json") else feedparser.parse(data)


@pytest.mark.parametrize("name", FEEDS)
def test_site_feed_is_valid_with_full_content_and_absolute_links(files: dict[str, bytes], name: str) -> None:
    feed = parse(files[name], name)
    assert not feed.bozo, getattr(feed, "bozo_exception", None)
    assert feed.feed.title == "Harbour Gazette" and feed.feed.link == BASE
    assert len(feed.entries) == 5
    closing = next(e for e in feed.entries if e.title == "Porto closes Luiz I bridge for cable repairs")
    assert closing.link == BASE + "stories/porto-closes-luiz-i-bridge-for-cable-repairs/"
    body = closing.content[0]["value"] if "content" in closing else closing.description
    assert "worn cables" in body and "asked for patience" in body  # every paragraph, not a summary
    assert "<q>The bridge will reopen before the summer festival</q>" in body


@pytest.mark.parametrize("name", FEEDS)
def test_source_and_event_feeds_hold_only_their_stories(files: dict[str, bytes], name: str) -> None:
    source = parse(files[f"sources/coastal-daily/{name}"], name)
    assert not source.bozo and {e.title for e in source.entries} == {
        "Ferries double their crossings while the bridge is shut", "Sardine festival draws record crowds",
        "Porto closes Luiz I bridge for cable repairs"}  # the last one syndicated: Coastal Daily carried it too
    event = parse(files[f"events/luiz-i-bridge-closed-for-repairs/{name}"], name)
    assert not event.bozo and len(event.entries) == 3


def test_feed_dates_come_from_stories_in_the_site_timezone(files: dict[str, bytes]) -> None:
    atom = feedparser.parse(files["atom.xml"])
    assert atom.feed.updated == "2025-06-14T00:00:00+01:00"  # Europe/Lisbon in summer
    rss = feedparser.parse(files["rss.xml"])
    assert rss.entries[-1].published == "Mon, 02 Jun 2025 00:00:00 +0100"


def test_a_feed_dates_an_impossible_day_by_its_fallback() -> None:
    """Records come from the cache too: a day the loader no longer gives must not stop the build."""
    zone = ZoneInfo("Europe/Paris")
    assert _moment("2025-04-31", "2025-04-30", zone) == datetime(2025, 4, 30, tzinfo=zone)
