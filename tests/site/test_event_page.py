"""The event page: the earliest report's headline, one line from its lead, a dated timeline of
outlets, and the people and places its reports share."""
from __future__ import annotations

import re
from dataclasses import replace

from tests.site.handmade import build_handmade, corpus

PAGE = "events/luiz-i-bridge-closed-for-repairs/index.html"
SUMMARY = "Porto closed the Luiz I bridge to traffic on Monday for three weeks of repairs."


def _page(tmp_path, summary: str | None = SUMMARY) -> str:
    data = corpus()
    data = replace(data, events=tuple(replace(e, summary=summary) for e in data.events))
    return build_handmade(tmp_path / "site", data=data)[PAGE].decode("utf-8")


def test_the_event_page_opens_on_its_title_and_one_line_summary(tmp_path):
    html = _page(tmp_path)
    assert re.search(r"<h1>Luiz I bridge closed for repairs</h1>\s*<p class=\"summary\">" + re.escape(SUMMARY), html)


def test_each_report_in_the_timeline_shows_its_date_and_outlet_before_its_headline(tmp_path):
    html = _page(tmp_path)
    timeline = html[html.index('<ol class="timeline">'):html.index("</ol>")]
    items = timeline.split("<li>")[1:]
    assert len(items) >= 2  # the first page of the timeline
    for item in items:
        assert item.index("<time") < item.index("<h3>") and 'class="source"' in item[:item.index("<h3>")]


def test_without_a_summary_the_page_shows_no_empty_line(tmp_path):
    assert 'class="summary"' not in _page(tmp_path, summary=None)


def test_the_people_and_places_the_reports_share_are_listed(tmp_path):
    html = _page(tmp_path)
    assert "People in these reports:" in html and "Ana Costa" in html and "Places:" in html and "Porto" in html
