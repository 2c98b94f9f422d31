"""Finding one's way through the archive: years and months, a month's days, a day's neighbours,
letters on alphabetical indexes, one numbering rule, cards that say each thing once, a 404 page
that works at any depth, and the link to the original page."""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from digest.site.archive import months
from digest.site.letters import OTHER, by_letter, initial
from digest.site.pages import paginate, paginate_fixed
from digest.site.routes import paged, rooted
from digest.site.taxonomy import Term
from tests.site.handmade import CONFIG, build_handmade, corpus


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    data = corpus()
    first = next(s for s in data.stories if s.id == "s-close")
    original = "https://harbourwire.example/2025/06/02/porto-closes-luiz-i-bridge"
    undated = replace(data.stories[-1], id="s-undated", event=None, record=replace(
        data.stories[-1].record, path="u/1.txt", headline="Undated notice - harbourwire.example", date=None, dateline=None,
        source=None))
    stories = tuple(replace(s, record=replace(s.record, url=original)) if s is first else s for s in data.stories)
    data = replace(data, stories=(*stories, undated))
    out = tmp_path_factory.mktemp("archive") / "out"
    return {p: d.decode() for p, d in build_handmade(out, data=data).items() if p.endswith(".html")}


def main(html: str) -> str:
    return html[html.index("<main"):html.index("</main>")]


def test_archive_index_lists_years_and_months_with_counts(files: dict[str, str]) -> None:
    archive = main(files["archive/index.html"])
    assert '<h2 id="year-2025">2025</h2>' in archive
    assert '<a href="../2025/06/index.html">June 2025</a> <span class="meta">5 stories, 4 days</span>' in archive


def test_month_page_lists_its_days_newest_first_with_their_headlines(files: dict[str, str]) -> None:
    month = main(files["2025/06/index.html"])
    assert month.index('href="14/index.html"') < month.index('href="13/index.html"') < month.index('href="02/index.html"')
    assert "Porto closes Luiz I bridge for cable repairs" in month


def test_months_count_their_days_and_stories() -> None:
    days = (Term("archive", "2025-07-01", "", ("a",)), Term("archive", "2025-06-30", "", ("b", "c")),
            Term("archive", "2024-12-31", "", ("d",)))
    assert [(m.key, m.name, m.days, m.stories) for m in months(days)] == [
        ("2025-07", "July 2025", ("2025-07-01",), 1), ("2025-06", "June 2025", ("2025-06-30",), 2),
        ("2024-12", "December 2024", ("2024-12-31",), 1)]


def test_day_pages_link_the_previous_and_next_days_and_their_month(files: dict[str, str]) -> None:
    day = main(files["2025/06/13/index.html"])
    assert '<a rel="prev" href="../03/index.html">← 3 June 2025</a>' in day
    assert '<a rel="next" href="../14/index.html">14 June 2025 →</a>' in day
    assert '<a href="../index.html">All of June 2025</a>' in day
    newest, oldest = main(files["2025/06/14/index.html"]), main(files["2025/06/02/index.html"])
    assert 'rel="next"' not in newest.split('class="story-list"')[0] and 'rel="prev"' not in oldest


def test_an_alphabetical_index_that_fits_a_page_jumps_to_its_letters_on_it(files: dict[str, str]) -> None:
    people = main(files["people/index.html"])
    assert '<nav class="letters" aria-label="By letter">' in people
    # people are filed by surname: Rui Lima under L
    assert '<a href="index.html#letter-l">L</a>' in people and '<li id="letter-l"><a href="rui-lima/index.html">' in people
    assert "Newer" not in people and "Older" not in people and "people/letter/" not in " ".join(files)


def test_a_longer_alphabetical_index_has_a_page_a_letter_not_newer_older(tmp_path: Path) -> None:
    files = {p: d.decode() for p, d in build_handmade(tmp_path / "out", config=replace(CONFIG, items_per_page=1)).items()
             if p.endswith(".html")}
    people = main(files["people/index.html"])
    assert "<h1>People: C</h1>" in people and "Ana Costa" in people and "Rui Lima" not in people  # by surname
    assert '<a href="index.html" aria-current="page">C</a>' in people and '<a href="letter/l/index.html">L</a>' in people
    assert "Newer" not in people and "Older" not in people
    assert "Rui Lima" in main(files["people/letter/l/index.html"])


def test_the_letter_comes_from_the_lists_own_sort_key() -> None:
    assert initial(("étienne", "x")) == "E" and initial("zhou") == "Z" and initial(("4chan",)) == OTHER
    people = [("Ana Costa", "costa"), ("Rui Lima", "lima"), ("Zoe Adams", "adams")]
    by_surname = by_letter(people, lambda p: (p[1], p[0]))  # a list sorted by surname jumps by surname
    assert {letter: [p[0] for p in group] for letter, group in by_surname.items()} == {
        "A": ["Zoe Adams"], "C": ["Ana Costa"], "L": ["Rui Lima"]}
    assert list(by_letter(["1984", "beta", "Alpha"], lambda s: s.casefold())) == ["A", "B", OTHER]


def test_one_numbering_rule_pages_count_from_the_oldest_and_never_say_of_how_many() -> None:
    path = lambda n: paged("x", n)
    timeline = paginate(list(range(1, 8)), 3, path)  # oldest first: page 1 is the list's own address
    assert [(items[0], p.number, p.newest_first) for items, _, p in timeline] == [(1, 1, False), (4, 2, False), (7, 3, False)]
    newest_first = paginate_fixed(list(range(9, 0, -1)), 3, path)  # newest first: the address holds the highest
    assert [(items[-1], p.number) for items, _, p in newest_first] == [(7, 3), (4, 2), (1, 1)]
    assert all(p.count is None for *_, p in timeline + newest_first)
    assert all(items[-1] <= 3 * p.number for items, _, p in newest_first)  # page N holds the N-th oldest three


def test_cards_have_no_stray_separator_or_empty_meta_line_or_site_suffix(files: dict[str, str]) -> None:
    for path, html in files.items():
        assert not re.search(r'<p class="meta">\s*·', html), path
        assert not re.search(r'<p class="meta">\s*</p>', html), path
        assert "harbourwire.example</a>" not in html, path
    assert any(">Undated notice</a>" in html for html in files.values())
    story = files["stories/undated-notice-harbourwire-example/index.html"]
    assert "<title>Undated notice · " in story and "<h1>Undated notice</h1>" in story and 'content="Undated notice"' in story


def test_the_404_page_links_from_the_site_root_at_any_depth(files: dict[str, str]) -> None:
    page = files["404.html"]
    assert '<link rel="stylesheet" href="/digest/static/style.css">' in page
    assert '<a href="/digest/">Harbour Gazette</a>' in page
    assert not re.findall(r'(?:href|src|action)="(?!/digest/|#)', page)
    assert rooted("https://example.org/", "stories/a/index.html") == "/stories/a/"
    assert rooted("https://example.org/news/", "static/style.css") == "/news/static/style.css"


def test_story_page_links_to_the_original_where_the_dump_gave_its_address(files: dict[str, str]) -> None:
    with_url = files["stories/porto-closes-luiz-i-bridge-for-cable-repairs/index.html"]
    assert ('<a href="https://harbourwire.example/2025/06/02/porto-closes-luiz-i-bridge" rel="external noopener">'
            "Read at Harbour Wire</a>") in with_url
    assert '"isBasedOn": "https://harbourwire.example/2025/06/02/porto-closes-luiz-i-bridge"' in with_url
    without = files["stories/bridge-reopens-after-twelve-days-of-repairs/index.html"]
    assert "Read at" not in without and "isBasedOn" not in without  # no address: nothing made up


def test_config_rejects_a_home_days_that_is_no_count(tmp_path: Path) -> None:
    from digest.config import load_config
    from digest.errors import ConfigError
    (tmp_path / "digest.yaml").write_text("home_days: 0\n")
    with pytest.raises(ConfigError, match="home_days"):
        load_config(tmp_path)


def test_the_original_is_named_by_its_outlet_only_where_the_address_bears_it_out() -> None:
    from digest.site.views import StoryView
    story = corpus().stories[0]

    def at(url: str, publisher: str | None, source: str | None) -> str | None:
        record = replace(story.record, url=url, publisher=publisher, source=source)
        return StoryView(replace(story, record=record), "x/index.html", None).original_at

    assert at("https://www.sfgate.com/news/a", "SFGate", "AP") == "SFGate"
    assert at("https://www.wired.com/2016/09/a", "Condé Nast", None) == "wired.com"  # the owner, not the outlet
    assert at("https://harbourwire.example/a", None, "Harbour Wire") == "Harbour Wire"


def test_a_sources_page_names_the_outlet_only_of_stories_another_outlet_wrote(files: dict[str, str]) -> None:
    cards = "".join(main(html).split('class="story-list"')[1] for path, html in files.items()
                    if path.startswith("sources/coastal-daily/"))
    assert cards.count('class="source"') == 1 and ">Harbour Wire</a>" in cards  # carried by Coastal Daily too


def test_people_are_filed_under_their_surname_letter() -> None:
    from digest.site.taxonomy import Term, _by_surname

    people = [Term("people", key, name, ("s",)) for key, name in
              [("alex-borstein", "Alex Borstein"), ("xi-jinping", "Xi Jinping"), ("ilham-aliyev", "Ilham Aliyev")]]
    ordered = sorted(people, key=_by_surname)
    assert {letter: [t.name for t in terms] for letter, terms in by_letter(ordered, _by_surname).items()} == {
        "A": ["Ilham Aliyev"], "B": ["Alex Borstein"], "J": ["Xi Jinping"]}
    assert initial((("borstein", "alex borstein"), "alex-borstein")) == "B"  # a nested key's first text
