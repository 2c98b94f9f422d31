"""NewsArticle JSON-LD stays inside its script block whatever the dump says."""
from __future__ import annotations

import json
from dataclasses import replace

from digest.site.kinds import StoryPage
from digest.site.meta import json_ld
from digest.site.views import story_view
from tests.site.handmade import CONFIG, corpus


def test_json_ld_escapes_script_end_and_stays_valid_json() -> None:
    story = corpus().stories[0]
    story = replace(story, record=replace(story.record, headline="Bridge </script><script>alert(1)</script> & more"))
    text = json_ld(story_view(story, "stories/x/index.html"), CONFIG)
    assert "</script" not in text and "<" not in text
    data = json.loads(text)
    assert data["headline"].startswith("Bridge </script>") and data["@type"] == "NewsArticle"
    assert data["url"] == "https://news.example.org/digest/stories/x/"
    assert data["publisher"]["name"] == "Harbour Wire" and data["datePublished"] == "2025-06-14"


def test_sitemap_is_xml_that_lists_each_list_once_with_its_day_and_escapes_the_address() -> None:
    import xml.etree.ElementTree as ET

    from digest.site.meta import SITEMAP_NS, sitemap
    from digest.site.plan import plan_site

    config = replace(CONFIG, base_url="https://news.example.org/a&b/")
    plan = plan_site(corpus(), config)
    root = ET.fromstring(sitemap(plan.pages, config))
    urls = {u.findtext(f"{{{SITEMAP_NS}}}loc"): u.findtext(f"{{{SITEMAP_NS}}}lastmod") for u in root}
    assert "https://news.example.org/a&b/" in urls and not any("/page/" in url for url in urls)
    story = next(page for page in plan.pages if isinstance(page, StoryPage))
    assert urls[f"https://news.example.org/a&b/{story.path.removesuffix('index.html')}"] == story.story.day
    assert ET.fromstring(sitemap((), CONFIG)).tag == f"{{{SITEMAP_NS}}}urlset"  # an empty site: still a sitemap


def test_sitemap_drops_characters_xml_forbids() -> None:
    import xml.etree.ElementTree as ET

    from digest.site.meta import sitemap
    from digest.site.plan import plan_site

    config = replace(CONFIG, base_url="https://news.example.org/\uffffa\ufffe/")
    root = ET.fromstring(sitemap(plan_site(corpus(), config).pages, config))  # raises on what XML forbids
    assert all(url.startswith("https://news.example.org/a/") for url in (u[0].text for u in root))


def _with_byline(byline: str | None):
    story = corpus().stories[0]
    return story_view(replace(story, record=replace(story.record, byline=byline)), "stories/x/index.html")


def test_the_writers_are_the_authors_and_the_outlet_only_where_no_writer_is_named() -> None:
    """JSON-LD and every feed credit the people of the byline, one each; the outlet is the author
    only of a story whose page names no writer."""
    import xml.etree.ElementTree as ET

    import feedparser

    from digest.site.feeds import Feed, atom, json_feed, rss

    view = _with_byline("JANE ROE and RICK MOE")
    assert json.loads(json_ld(view, CONFIG))["author"] == [{"@type": "Person", "name": "JANE ROE"},
                                                           {"@type": "Person", "name": "RICK MOE"}]
    feed = Feed("", "News", "index.html", (view,))
    entry = feedparser.parse(atom(feed, CONFIG)).entries[0]
    assert [a["name"] for a in entry.authors] == ["JANE ROE", "RICK MOE"]
    creators = ET.fromstring(rss(feed, CONFIG)).iter("{http://purl.org/dc/elements/1.1/}creator")
    assert [c.text for c in creators] == ["JANE ROE", "RICK MOE"]
    assert json.loads(json_feed(feed, CONFIG))["items"][0]["authors"] == [{"name": "JANE ROE"}, {"name": "RICK MOE"}]
    unsigned = _with_byline(None)
    assert json.loads(json_ld(unsigned, CONFIG))["author"] == {"@type": "Organization", "name": "Harbour Wire"}
    assert [a["name"] for a in feedparser.parse(atom(Feed("", "News", "index.html", (unsigned,)), CONFIG)).entries[0].authors] \
        == ["Harbour Wire"]


def test_a_byline_that_names_an_outlet_credits_an_organisation() -> None:
    story = corpus().stories[0]
    view = story_view(replace(story, record=replace(story.record, byline="Jane Roe and The Associated Press")),
                      "stories/x/index.html")
    assert json.loads(json_ld(view, CONFIG))["author"] == [
        {"@type": "Person", "name": "Jane Roe"}, {"@type": "Organization", "name": "Associated Press"}]
