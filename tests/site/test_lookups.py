"""Lookups: what a template reads beyond its page decides whether the page can be reused."""
from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import jinja2
import pytest

from benchmarks.synth import generate
from digest.build import BuildOptions, build
from digest.incremental.keys import fingerprint, story_digests
from digest.site.lookups import Answers, Recorder, ask_again, decode_path, encode_path
from tests.conftest import tree
from tests.site.handmade import corpus


def answers_for(data) -> Answers:
    digests = story_digests(data)
    return Answers(digests, lambda value: fingerprint(value, digests, ""))


def recording(data, catalog: dict) -> Recorder:
    return Recorder(answers_for(data), {"catalog": catalog})


def render(source: str, recorder: Recorder) -> str:
    return jinja2.Environment(undefined=jinja2.StrictUndefined).from_string(source).render(recorder.start())


def noted(recorder: Recorder) -> dict:
    return {decode_path(text): answer for text, answer in recorder.seen.items()}


def test_a_lookup_is_noted_with_its_answer_and_asked_again_the_same() -> None:
    data = corpus()
    events = {"events": {e.id: e for e in data.events}}
    recorder = recording(data, events)
    assert render("{{ catalog['events']['e-bridge'].title }}", recorder) == "Luiz I bridge closed for repairs"
    lookup = ("catalog", ("item", "events"), ("item", "e-bridge"), ("attr", "title"))
    assert lookup in noted(recorder)
    assert decode_path(encode_path(lookup)) == lookup
    assert ask_again(lookup, {"catalog": events}, answers_for(data)) == noted(recorder)[lookup]


def test_each_page_notes_its_own_lookups_though_answers_are_remembered() -> None:
    """One recorder serves every page: a second page that asks less notes less, and a page
    asking what an earlier one asked notes the same answer."""
    data = corpus()
    events = {"events": {e.id: e for e in data.events}}
    recorder = recording(data, events)
    render("{{ catalog['events']['e-bridge'].title }} {{ catalog['events'] | length }}", recorder)
    first = noted(recorder)
    render("{{ catalog['events']['e-bridge'].title }}", recorder)
    assert noted(recorder) == {path: answer for path, answer in first.items() if path[-1] != ("len",)}
    assert len(first) == 4


def test_a_record_is_followed_field_by_field_not_digested_whole() -> None:
    """A page showing an event's title does not change when the event gains a story."""
    data = corpus()
    [event] = data.events
    recorder = recording(data, {"e": event})
    render("{{ catalog['e'].title }}", recorder)
    grown = {"e": replace(event, story_ids=event.story_ids + ("s-fest",))}
    renamed = {"e": replace(event, title="Bridge works")}
    for lookup, answer in noted(recorder).items():
        assert ask_again(lookup, {"catalog": grown}, answers_for(data)) == answer
    assert any(ask_again(lookup, {"catalog": renamed}, answers_for(data)) != answer for lookup, answer in noted(recorder).items())


def test_a_missing_entry_is_noted_too() -> None:
    """`x in catalog` and a failed lookup are answers: if the entry appears later, the page changes."""
    recorder = recording(corpus(), {})
    assert render("{{ 'e-new' in catalog }}", recorder) == "False"
    [(lookup, answer)] = noted(recorder).items()
    assert ask_again(lookup, {"catalog": {"e-new": 1}}, answers_for(corpus())) != answer
    for _ in range(2):  # a remembered failure fails again, and is noted again, on the next page
        assert render("{{ catalog['e-new'] is defined }}", recorder) == "False"
        assert set(noted(recorder)) == {("catalog", ("item", "e-new")), ("catalog", ("attr", "e-new"))}


@pytest.fixture
def site(tmp_path: Path, root: Path) -> Path:
    site = tmp_path / "site"
    shutil.copytree(root / "content", site / "content")
    generate(site / "content" / "synth", 12, seed=5)
    return site


def test_a_sites_own_template_is_tracked_like_the_default_theme(site: Path, tmp_path: Path) -> None:
    """A footer that counts the archive's stories reads the whole catalogue: adding a dump must
    change every page, though no page's own data changed."""
    (site / "templates").mkdir()
    (site / "templates" / "base.html").write_text(
        '{% extends "!default/base.html" %}{% block footer %}<p>{{ catalog.stories | length }} stories</p>{% endblock %}\n')
    build(BuildOptions(site_dir=site, workers=1))
    generate(site / "content" / "more", 1, seed=77)
    again = build(BuildOptions(site_dir=site, workers=1))
    build(BuildOptions(site_dir=site, output=tmp_path / "clean", clean=True, workers=1))
    assert tree(site / "build") == tree(tmp_path / "clean")
    assert again.rendered == again.pages


def test_a_new_dump_rerenders_the_pages_that_show_it_not_the_archive(site: Path, tmp_path: Path) -> None:
    build(BuildOptions(site_dir=site, workers=1))
    generate(site / "content" / "more", 1, seed=77)
    again = build(BuildOptions(site_dir=site, workers=1))
    build(BuildOptions(site_dir=site, output=tmp_path / "clean", clean=True, workers=1))
    assert tree(site / "build") == tree(tmp_path / "clean")
    assert again.rendered < again.pages / 2


def test_a_record_through_the_catalogue_equals_the_same_record_on_the_page() -> None:
    """A theme comparing `catalog.events[id]` with `page.event` sees one event, either way round,
    and a set of both holds one."""
    data = corpus()
    [event] = data.events
    recorder = recording(data, {"events": {event.id: event}})
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    source = ("{{ catalog.events[id] == event }} {{ event == catalog.events[id] }} {{ catalog.events[id] != event }} "
              "{{ catalog.events[id] == catalog.events[id] }} {{ [catalog.events[id], event] | unique | list | length }}")
    assert env.from_string(source).render(**recorder.start(), id=event.id, event=event) == "True True False True 1"
    other = replace(event, title="Another event")
    assert env.from_string("{{ catalog.events[id] == other }}").render(**recorder.start(), id=event.id, other=other) == "False"


def test_comparing_a_record_reads_all_of_it() -> None:
    """Equality depends on every field: a page that compares an event changes when the event gains a story."""
    data = corpus()
    [event] = data.events
    recorder = recording(data, {"e": event})
    render("{{ catalog['e'] == catalog['e'] }}", recorder)
    grown = {"e": replace(event, story_ids=event.story_ids + ("s-fest",))}
    assert any(ask_again(lookup, {"catalog": grown}, answers_for(data)) != answer for lookup, answer in noted(recorder).items())
    for lookup, answer in noted(recorder).items():
        assert ask_again(lookup, {"catalog": {"e": event}}, answers_for(data)) == answer


def test_a_site_template_comparing_catalogue_and_page_events(site: Path, tmp_path: Path) -> None:
    (site / "templates").mkdir()
    (site / "templates" / "event.html").write_text(
        '{% extends "!default/event.html" %}{% block content %}{{ super() }}'
        '<p class="same">{{ catalog.events[page.event.id] == page.event }}</p>{% endblock %}\n')
    build(BuildOptions(site_dir=site, workers=1))
    pages = sorted((site / "build" / "events").rglob("index.html"))
    shown = [p.read_text() for p in pages if '<article class="event-page">' in p.read_text()]
    assert shown and all('<p class="same">True</p>' in html for html in shown)
    generate(site / "content" / "more", 1, seed=77)
    build(BuildOptions(site_dir=site, workers=1))
    build(BuildOptions(site_dir=site, output=tmp_path / "clean", clean=True, workers=1))
    assert tree(site / "build") == tree(tmp_path / "clean")
