"""Escaping: no text from a dump becomes markup or template code, on any page kind, in the feeds,
in the JSON-LD or in what the search index reads; the CSP lets pages load only the site's files."""
from __future__ import annotations

import gzip
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest

from digest.build import BuildOptions, build
from digest.records import Corpus, RelatedItem
from tests.hardening.conftest import article, tree, write_site
from tests.hardening.scan import dangers, scan
from tests.site import handmade

PAYLOAD = ('<script>alert(1)</script><img src=x onerror=alert(2)>{{ 7*7 }}{% raw %}'
           '<a href="javascript:alert(3)">x</a></script><!--')
HEADLINE = f"{PAYLOAD} Floods close the road"
# A credit line's outlet becomes a search filter, which Pagefind's UI inserts as HTML.
SOURCE = f'Trend <meta http-equiv="refresh" content="0;url=https://example.org/">{PAYLOAD}'
ATOM = "{http://www.w3.org/2005/Atom}"


def hostile_dump() -> str:
    text = article(HEADLINE, extra=f"Residents wrote {PAYLOAD} on the wall.")
    return text.replace("By Ann Lee\n", "By Ann Lee\n\nNov. 20, 2019 5:52 AM EST\n\nSee javascript:alert(4) {{ config }}\n")


def hostile_source_dump() -> str:
    """A story whose only outlet is a hostile "Source:" line (no agency in its dateline)."""
    text = article("Ferries resume after the storm", extra="Ferries sail again.").replace(" (AP)", "")
    return text.replace("Most read", f"Source: {SOURCE}\n\nMost read")


@pytest.fixture(scope="module")
def loaded_site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The real build over a hostile dump and two ordinary ones."""
    site = write_site(tmp_path_factory.mktemp("hostile") / "site", {
        "hostile.txt": hostile_dump(), "plain.txt": article("Ferries resume", extra="Ferries sail."),
        "source.txt": hostile_source_dump()})
    report = build(BuildOptions(site_dir=site))
    assert report.problems == () and report.stories == 3
    return tree(site / "build")


def evil(text: str) -> str:
    return f"{PAYLOAD} {text}"


def hostile_corpus() -> Corpus:
    """Every text field a page shows, hostile: stories, copies, related items, events, people, places, topics."""
    data = handmade.corpus()
    stories = tuple(replace(
        s, record=replace(s.record, headline=evil(s.record.headline), source=evil(s.record.source or "x"),
                          body=tuple(evil(p) for p in s.record.body),
                          related=tuple(RelatedItem(evil(r.title), evil(r.summary or "")) for r in s.record.related)),
        copies=tuple(replace(c, headline=evil(c.headline)) for c in s.copies),
        outlets=tuple(evil(o) for o in s.outlets), places=tuple(evil(p) for p in s.places),
        topics=tuple(evil(t) for t in s.topics)) for s in data.stories)
    events = tuple(replace(e, title=evil(e.title), places=tuple(evil(p) for p in e.places)) for e in data.events)
    people = tuple(replace(p, name=evil(p.name), roles=tuple(evil(r) for r in p.roles)) for p in data.people)
    return Corpus(stories=stories, events=events, people=people)


@pytest.fixture(scope="module")
def every_kind(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    return handmade.build_handmade(tmp_path_factory.mktemp("kinds") / "out", data=hostile_corpus())


def pages(files: dict[str, bytes]) -> dict[str, str]:
    return {path: data.decode() for path, data in files.items() if path.endswith(".html") and "pagefind" not in path}


@pytest.mark.parametrize("fixture", ["loaded_site", "every_kind"])
def test_no_page_runs_dump_text(fixture: str, request: pytest.FixtureRequest) -> None:
    for path, html in pages(request.getfixturevalue(fixture)).items():
        assert dangers(scan(html)) == [], path


def test_dump_text_shows_as_text_on_every_page_kind(every_kind: dict[str, bytes]) -> None:
    html = pages(every_kind)
    showing = {path for path, page in html.items() if PAYLOAD in scan(page).plain}
    kinds = {p if p.count("/") < 2 else p.split("/")[0] + "/*" for p in showing}
    assert kinds >= {"index.html", "stories/*", "events/index.html", "events/*", "2025/*",
                     "places/index.html", "places/*", "topics/index.html", "topics/*", "people/index.html",
                     "people/*", "sources/index.html", "sources/*"}, sorted(kinds)
    for path in showing:
        assert "{{ 7*7 }}{% raw %}" in scan(html[path]).plain  # template syntax stays text, never runs


def test_the_loaded_story_shows_headline_and_body_as_written(loaded_site: dict[str, bytes]) -> None:
    [story] = [p for p, html in pages(loaded_site).items() if p.startswith("stories/") and "Residents" in html]
    text = scan(pages(loaded_site)[story]).plain
    assert HEADLINE in text and f"Residents wrote {PAYLOAD} on the wall." in text
    for path in ("index.html", "2019/11/20/index.html", "sources/associated-press/index.html"):
        assert HEADLINE in scan(pages(loaded_site)[path]).plain, path


@pytest.mark.parametrize("fixture", ["loaded_site", "every_kind"])
def test_json_ld_holds_the_headline_and_cannot_close_its_script(fixture: str, request: pytest.FixtureRequest) -> None:
    found = 0
    for path, html in pages(request.getfixturevalue(fixture)).items():
        for attributes, text in scan(html).scripts:
            if attributes.get("type") == "application/ld+json":
                data = json.loads(text)
                assert "</" not in text and "<!--" not in text
                if data["headline"].startswith(PAYLOAD[:100]):
                    found += 1
                    assert PAYLOAD in data["articleBody"]
    assert found >= 1


def feed_items(files: dict[str, bytes]) -> list[tuple[str, str]]:
    """(title, content HTML) of every item of every feed, as a reader parses them."""
    items = []
    for path, data in files.items():
        if path.endswith("atom.xml"):
            items += [(e.findtext(f"{ATOM}title"), e.findtext(f"{ATOM}content"))
                      for e in ET.fromstring(data).iter(f"{ATOM}entry")]
        elif path.endswith("rss.xml"):
            items += [(i.findtext("title"), i.findtext("description")) for i in ET.fromstring(data).iter("item")]
        elif path.endswith("feed.json"):
            items += [(i["title"], i["content_html"]) for i in json.loads(data)["items"]]
    return items


@pytest.mark.parametrize("fixture", ["loaded_site", "every_kind"])
def test_feeds_carry_dump_text_as_text(fixture: str, request: pytest.FixtureRequest) -> None:
    items = feed_items(request.getfixturevalue(fixture))
    hostile = [(title, content) for title, content in items if title.startswith(PAYLOAD)]
    assert len(hostile) >= 3  # in Atom, RSS and JSON Feed at least
    for title, content in items:
        assert dangers(scan(content)) == [], title
    assert all(PAYLOAD in scan(content).plain for _, content in hostile)


def test_the_search_index_reads_dump_text_as_text(loaded_site: dict[str, bytes]) -> None:
    """Pagefind indexes the pages' text: the payload is there as characters (its UI escapes them
    when it shows an excerpt), and the result title is the headline."""
    fragments = [json.loads(gzip.decompress(data).removeprefix(b"pagefind_dcd"))
                 for path, data in loaded_site.items() if path.startswith("pagefind/") and "/fragment/" in path]
    if not fragments:
        pytest.skip("no search index: the Pagefind binary is missing")
    [fragment] = [f for f in fragments if "Residents" in f["content"]]
    assert fragment["meta"]["title"] == HEADLINE
    assert f"Residents wrote {PAYLOAD} on the wall." in fragment["content"]


def test_search_filters_are_html_that_shows_the_dump_text(loaded_site: dict[str, bytes]) -> None:
    """Pagefind's UI inserts filter values as HTML: each must be markup whose text is the value."""
    fragments = [json.loads(gzip.decompress(data).removeprefix(b"pagefind_dcd"))
                 for path, data in loaded_site.items() if path.startswith("pagefind/") and "/fragment/" in path]
    if not fragments:
        pytest.skip("no search index: the Pagefind binary is missing")
    values = [value for f in fragments for values in f["filters"].values() for value in values]
    assert all(scan(value).tags == [] for value in values), values
    assert SOURCE in [scan(value).plain for value in values]


CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


@pytest.mark.parametrize("fixture", ["loaded_site", "every_kind"])
def test_every_page_lets_only_the_sites_own_files_load(fixture: str, request: pytest.FixtureRequest) -> None:
    for path, html in pages(request.getfixturevalue(fixture)).items():
        [policy] = CSP.findall(html)
        head = html[: html.index("</head>")]
        assert head.index(policy) < min(head.find(t) % len(head) for t in ("<link", "<script", "<style")), path
        directives = dict((d.split()[0], d.split()[1:]) for d in policy.split(";") if d.strip())
        assert directives.pop("default-src") == ["'self'"]
        assert directives.pop("object-src") == ["'none'"] and directives.pop("base-uri") == ["'none'"]
        script = directives.pop("script-src")
        assert script == (["'self'", "'wasm-unsafe-eval'"] if path == "search/index.html" else ["'self'"]), path
        assert directives.pop("img-src") == ["'self'", "data:"]
        for name, sources in directives.items():
            assert sources == ["'self'"], (path, name)
        for tag, attributes in scan(html).tags:
            for name in ("src", "href"):
                if tag in ("script", "link", "img") and name in attributes and tag != "link" or \
                        (tag == "link" and attributes.get("rel") in ("stylesheet", "icon")):
                    value = attributes.get(name, "")
                    assert not re.match(r"[a-z]+:|//", value, re.I), (path, tag, value)
