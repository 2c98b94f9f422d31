"""Every page kind, built from a hand-made corpus that has events, people, places and topics."""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from digest.config import SiteConfig
from digest.site.kinds import EventPage
from tests.site.handmade import CONFIG, build_handmade, corpus, without_extras


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("handmade") / "out"
    return {path: data.decode() for path, data in build_handmade(out).items() if not path.startswith("pagefind/")}


def main(html: str) -> str:
    return html[html.index("<main"):html.index("</main>")]


def test_home_is_the_recent_days_with_their_events_first_then_each_days_stories(files: dict[str, str]) -> None:
    home = main(files["index.html"])
    days = ["2025-06-14", "2025-06-13", "2025-06-03"]  # the three most recent days that have stories
    assert '<time datetime="2025-06-03">3 June 2025</time> to <time datetime="2025-06-14">14 June 2025</time>' in home
    event = home.index("Luiz I bridge closed for repairs")
    assert event < home.index("Ferries double") < home.index('id="day-2025-06-14"')
    assert "Reported by Coastal Daily, Harbour Wire" in home  # the event's outlets
    assert "Porto closes Luiz I bridge" not in home  # the event's story of 2 June: before these days
    assert home.count("Bridge reopens after twelve days") == 1  # in its event, not again under its day
    assert [d for d in days if f'id="day-{d}"' in home] == days
    assert home.index("Sardine festival draws record crowds") < home.index("A different story that happens")
    for day in days:  # a link to each of those days
        assert f'href="{day.replace("-", "/")}/index.html">All ' in home


def test_home_without_events_lists_the_recent_days_stories(tmp_path: Path) -> None:
    files = build_handmade(tmp_path / "out", data=without_extras(corpus()))
    home = main(files["index.html"].decode())
    assert "events/" not in home
    assert home.count('<article class="card">') == 4  # 14 June's two, 13 June's one, 3 June's one
    assert not [p for p in files if p.startswith(("events/", "people/", "topics/"))], "empty indexes are not built"


def test_home_days_is_a_setting(tmp_path: Path) -> None:
    files = build_handmade(tmp_path / "out", data=without_extras(corpus()), config=replace(CONFIG, home_days=1))
    home = main(files["index.html"].decode())
    assert home.count('<article class="card">') == 2 and 'id="day-2025-06-13"' not in home


def test_story_page_links_related_coverage_people_and_alternates(files: dict[str, str]) -> None:
    page = main(files["stories/porto-closes-luiz-i-bridge-for-cable-repairs/index.html"])
    assert '<li><a href="../bridge-reopens-after-twelve-days-of-repairs/index.html">' in page  # related_story
    coverage = page[page.index("Other coverage"):page.index('id="related-heading"')]
    assert "Ferries double their crossings" in coverage and "Porto closes" not in coverage
    assert '<a href="../../people/ana-costa/index.html">Ana Costa</a>, <span class="role">mayor of Porto</span>' in page
    assert '<q class="quote">The bridge will reopen before the summer festival</q>' in page
    assert 'Also carried by <a href="../../sources/coastal-daily/index.html">Coastal Daily</a>' in page
    assert "Also saved as “Porto shuts bridge” (Coastal Daily)" in page
    assert 'Part of <a href="../../events/luiz-i-bridge-closed-for-repairs/index.html">' in page


def test_story_page_has_canonical_opengraph_and_news_article(files: dict[str, str]) -> None:
    html = files["stories/bridge-reopens-after-twelve-days-of-repairs/index.html"]
    url = "https://news.example.org/digest/stories/bridge-reopens-after-twelve-days-of-repairs/"
    assert f'<link rel="canonical" href="{url}">' in html
    assert f'<meta property="og:url" content="{url}">' in html
    assert '"@type": "NewsArticle"' in html and '"datePublished": "2025-06-14"' in html


def test_event_page_is_a_paginated_timeline_across_outlets(files: dict[str, str]) -> None:
    first = main(files["events/luiz-i-bridge-closed-for-repairs/index.html"])
    second = main(files["events/luiz-i-bridge-closed-for-repairs/page/2/index.html"])
    assert first.index("Porto closes") < first.index("Ferries double") and "Bridge reopens" in second
    assert "Harbour Wire" in first and "Coastal Daily" in first
    # a timeline reads oldest first: its pages go to later stories, numbered from the first
    assert 'href="page/2/index.html">Later</a>' in first and 'href="../../index.html">Earlier</a>' in second
    assert "<span>Page 2</span>" in second and " of " not in second[second.index('class="pager"'):]
    assert '<a href="../../people/rui-lima/index.html">Rui Lima</a>' in first


def test_person_page_shows_who_said_what_with_story_and_date(files: dict[str, str]) -> None:
    page = main(files["people/rui-lima/index.html"])
    assert "<blockquote><p>Every cable was inspected twice</p></blockquote>" in page
    assert '<figcaption>Rui Lima, chief engineer, <time datetime="2025-06-14">14 June 2025</time></figcaption>' in page
    assert 'href="../../stories/bridge-reopens-after-twelve-days-of-repairs/index.html"' in page


def test_place_topic_source_and_day_pages_list_their_stories(files: dict[str, str]) -> None:
    assert "Ferries double" in files["places/vila-nova-de-gaia/index.html"]
    assert "Sardine festival" in files["topics/culture/index.html"]
    assert "Bridge reopens" in files["sources/harbour-wire/index.html"]
    day = main(files["2025/06/13/index.html"])
    assert "<h1><time datetime=\"2025-06-13\">13 June 2025</time></h1>" in day and day.count('class="card"') == 1
    cards = day[day.index('class="story-list"'):]
    assert 'datetime="2025-06-13"' not in cards and "Harbour Wire" in cards  # the day is the page's; the outlet is not
    source = main(files["sources/harbour-wire/index.html"])
    assert 'class="source"' not in source and 'datetime="2025-06-14"' in source


def test_indexes_follow_the_config(tmp_path: Path) -> None:
    config = SiteConfig(title="T", base_url="https://x.example/", indexes=("sources",))
    files = build_handmade(tmp_path / "out", config=config)
    assert "sources/index.html" in files
    assert not [p for p in files if re.match(r"(people|places|topics|events|archive|\d{4})/", p)]
    linked = {t for d in files.values() for t in re.findall(rb'href="([^"]+)"', d)}
    assert not [t for t in linked if re.search(rb"(^|/)(people|places|topics|events|archive|\d{4})/", t)]


def test_markdown_page_is_rendered_and_linked_from_every_page(files: dict[str, str]) -> None:
    about = files["about-this-digest/index.html"]
    assert "<h1>About this digest</h1>" in about and "We gather <strong>harbour</strong> news." in about
    assert '<meta name="description" content="Who makes it.">' in about
    assert '<a href="../about-this-digest/index.html">About this digest</a>' in files["sources/index.html"]


def test_every_page_has_search_box_csp_and_no_external_requests(files: dict[str, str]) -> None:
    for path, html in files.items():
        if not path.endswith(".html"):
            continue
        assert 'role="search"' in html, path
        csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
        assert "default-src 'self'" in csp and "'unsafe-inline'" not in csp, path
        assert ("'wasm-unsafe-eval'" in csp) == (path == "search/index.html"), path
        for target in re.findall(r'(?:src|href)="(https?:[^"]+)"', html):
            assert target.startswith(CONFIG.base_url), f"{path}: external request {target}"
        assert "<script>" not in html and "style=" not in html, f"{path}: inline script or style"


def test_sitemap_and_robots_use_absolute_urls(files: dict[str, str]) -> None:
    assert "<loc>https://news.example.org/digest/people/ana-costa/</loc>" in files["sitemap.xml"]
    assert "page/2" not in files["sitemap.xml"] and "404" not in files["sitemap.xml"]
    assert "Sitemap: https://news.example.org/digest/sitemap.xml" in files["robots.txt"]
    assert "Page not found" in files["404.html"]


def test_home_leaves_out_stories_without_a_full_date(tmp_path: Path) -> None:
    data = corpus()
    yearless = replace(data.stories[0], record=replace(data.stories[0].record, date="--06-20",
                                                       dateline=None, headline="Yearless harbour story"))
    files = build_handmade(tmp_path / "out", data=replace(data, stories=(*data.stories[1:], yearless)))
    home = main(files["index.html"].decode())
    assert "14 June 2025" in home and "Yearless harbour story" not in home  # else it would stay there for good


def test_every_internal_link_of_every_page_kind_resolves(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_handmade(out)
    checked = 0
    for page in out.rglob("*.html"):
        if "pagefind" in page.parts:
            continue
        html = page.read_text()
        for target in re.findall(r'(?:href|src|action)="([^"]*)"', html):
            if re.match(r"[a-z]+:", target):
                assert target.startswith(CONFIG.base_url), f"{page}: off-site link {target}"
                continue
            path, _, fragment = target.partition("#")
            if path.startswith("/"):  # the 404 page's links start at base_url's path
                assert path.startswith(urlsplit(CONFIG.base_url).path), f"{page}: link outside the site {target}"
                rest = path[len(urlsplit(CONFIG.base_url).path):]
                path = str(out / (rest + "index.html" if rest == "" or rest.endswith("/") else rest))
            resolved = (page.parent / path.split("?")[0]).resolve() if path else page
            assert resolved.is_file(), f"{page.relative_to(out)}: broken link {target}"
            if fragment:
                assert f'id="{fragment}"' in resolved.read_text(), f"{page.relative_to(out)}: no anchor {target}"
            checked += 1
    assert checked > 500


def test_an_event_of_one_story_gets_no_page_and_no_link() -> None:
    from dataclasses import replace

    from digest.records import Event
    from digest.site.plan import plan_site
    from tests.site.handmade import CONFIG, corpus

    data = corpus()
    lone = next(s for s in data.stories if s.event is None)
    single = Event("e-lone", lone.record.headline, lone.record.date, lone.record.date, (lone.id,))
    data = replace(data, events=data.events + (single,),
                   stories=tuple(replace(s, event="e-lone") if s.id == lone.id else s for s in data.stories))
    plan = plan_site(data, CONFIG)
    assert "e-lone" not in plan.catalog.events and "e-bridge" in plan.catalog.events
    assert plan.catalog.stories[lone.id].story.event is None
    assert not [p for p in plan.pages if isinstance(p, EventPage) and p.event.id == "e-lone"]


def test_home_lists_a_page_of_an_events_stories_then_links_its_timeline(tmp_path: Path) -> None:
    files = build_handmade(tmp_path / "out", config=replace(CONFIG, items_per_page=1))
    event = main(files["index.html"].decode()).split('class="event"')[1].split("</section>")[0]
    assert event.count("<li>") == 1 and "All 2 stories of these days in the timeline" in event
