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
