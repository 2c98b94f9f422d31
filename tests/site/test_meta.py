"""NewsArticle JSON-LD stays inside its script block whatever the dump says."""
from __future__ import annotations

import json
from dataclasses import replace

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
    story = next(page for page in plan.pages if page.story)
    assert urls[f"https://news.example.org/a&b/{story.path.removesuffix('index.html')}"] == story.story.day
    assert ET.fromstring(sitemap((), CONFIG)).tag == f"{{{SITEMAP_NS}}}urlset"  # an empty site: still a sitemap


def test_sitemap_drops_characters_xml_forbids() -> None:
    import xml.etree.ElementTree as ET

    from digest.site.meta import sitemap
    from digest.site.plan import plan_site

    config = replace(CONFIG, base_url="https://news.example.org/\uffffa\ufffe/")
    root = ET.fromstring(sitemap(plan_site(corpus(), config).pages, config))  # raises on what XML forbids
    assert all(url.startswith("https://news.example.org/a/") for url in (u[0].text for u in root))
