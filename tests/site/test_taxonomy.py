"""One taxonomy abstraction classifies stories by day, source, person, place and topic."""
from __future__ import annotations

from dataclasses import replace

from digest.site.taxonomy import classify, taxonomies
from tests.site.handmade import corpus, without_extras

ALL = ("archive", "sources", "people", "places", "topics")


def terms(data, name):
    [taxonomy] = [t for t in taxonomies(data, ALL) if t.name == name]
    return {term.key: term for term in classify(taxonomy, data.stories)}


def test_sources_include_syndicating_outlets() -> None:
    sources = terms(corpus(), "sources")
    assert set(sources) == {"Harbour Wire", "Coastal Daily"}
    assert "s-close" in sources["Coastal Daily"].story_ids


def test_people_come_from_the_corpus_with_the_stories_that_quote_them() -> None:
    people = terms(corpus(), "people")
    assert {k: (t.name, t.story_ids) for k, t in people.items()} == {
        "ana-costa": ("Ana Costa", ("s-close",)), "rui-lima": ("Rui Lima", ("s-open",))}
    assert terms(without_extras(corpus()), "people") == {}  # no people from the corpus: no pages


def test_places_fall_back_to_the_dateline_and_stories_are_newest_first() -> None:
    places = terms(corpus(), "places")
    assert places["Porto"].story_ids[:2] == ("s-fest", "s-open")  # both 14 June; the id decides
    assert set(terms(without_extras(corpus()), "places")) == {"PORTO, Portugal"}


def test_days_are_ordered_newest_first() -> None:
    data = corpus()
    [archive] = [t for t in taxonomies(data, ALL) if t.name == "archive"]
    assert [t.key for t in classify(archive, data.stories)] == ["2025-06-14", "2025-06-13", "2025-06-03", "2025-06-02"]


def test_only_enabled_taxonomies_are_made() -> None:
    assert [t.name for t in taxonomies(corpus(), ("topics", "sources"))] == ["sources", "topics"]



def test_a_topic_gets_a_page_only_when_two_stories_have_it() -> None:
    data = corpus()
    lone = replace(data, stories=tuple(replace(s, topics=(*s.topics, "Lone topic")) if s.id == "s-fest" else s
                                       for s in data.stories))
    topics = terms(lone, "topics")
    assert "Lone topic" not in topics
    assert {k: len(t.story_ids) for k, t in topics.items()} == {"Transport": 3, "Culture": 2}
    assert len(terms(lone, "people")["ana-costa"].story_ids) == 1  # other taxonomies keep a term of one story
