"""Page keys: a page's key moves whenever something it shows changes, including what it shows
through values many pages share (a term, a person, an event), and never with object identity."""
from __future__ import annotations

import copy
from dataclasses import replace

from digest.config import SiteConfig
from digest.incremental.keys import Fingerprints, global_key, page_keys, story_digests
from digest.records import Corpus, Quote, SaidIn
from digest.site.kinds import StoryPage, TermPage
from digest.site.plan import plan_site
from digest.site.taxonomy import Term
from tests.site.handmade import CONFIG, corpus


def keys_of(data: Corpus, config: SiteConfig = CONFIG) -> dict[str, str]:
    plan = plan_site(data, config)
    return page_keys(plan, story_digests(data), global_key(config, []))


def moved(before: dict[str, str], after: dict[str, str]) -> set[str]:
    return {path for path in before.keys() & after.keys() if before[path] != after[path]}


def test_equal_plans_made_apart_give_equal_keys() -> None:
    assert keys_of(corpus()) == keys_of(copy.deepcopy(corpus()))


def test_a_story_edit_moves_every_page_that_lists_it_and_no_other() -> None:
    data = corpus()
    festival = next(s for s in data.stories if s.id == "s-fest")
    edited = replace(festival, record=replace(festival.record, body=("Crowds filled the riverside again.",)))
    before = keys_of(data)
    after = keys_of(replace(data, stories=tuple(edited if s.id == "s-fest" else s for s in data.stories)))
    changed = moved(before, after)
    plan = plan_site(data, CONFIG)
    listing = {p.path for p in plan.pages
               if any(v.story.id == "s-fest" for v in (*getattr(p, "stories", ()), *([p.story] if isinstance(p, StoryPage) else [])))}
    assert listing and changed == listing


def test_a_persons_quote_moves_their_page_though_it_is_on_no_other() -> None:
    data = corpus()
    mayor = data.people[0]
    said = mayor.quotes[0]
    louder = replace(mayor, quotes=(replace(said, quote=replace(said.quote, text="The bridge will reopen in May")),))
    changed = moved(keys_of(data), keys_of(replace(data, people=(louder, *data.people[1:]))))
    plan = plan_site(data, CONFIG)
    person_pages = {p.path for p in plan.pages if isinstance(p, TermPage) and p.person is not None and p.person.id == mayor.id}
    assert person_pages and person_pages <= changed


def test_a_shared_value_is_keyed_by_value_on_every_page_that_refers_to_it() -> None:
    prints = Fingerprints({})
    term = Term("sources", "Harbour Wire", "Harbour Wire", ("s-1", "s-2"))
    longer = replace(term, story_ids=("s-1", "s-2", "s-3"))
    first = prints.key((1, term), "salt")
    assert prints.key((1, term), "salt") == first == prints.key((1, copy.deepcopy(term)), "salt")
    assert prints.key((1, longer), "salt") != first  # remembered by identity, so a new value is new
    assert prints.key((2, term), "salt") != first
    assert prints.key((1, (term,)), "salt") != first


def test_nested_records_are_keyed_by_every_field() -> None:
    quote = Quote("Every cable was inspected twice", "Rui Lima", None, "direct", 0)
    said = SaidIn(quote, "s-open", "2025-06-14")
    other = SaidIn(replace(quote, role="chief engineer"), "s-open", "2025-06-14")
    prints = Fingerprints({})
    assert prints.key((said,), "") != prints.key((other,), "")


def test_a_story_digests_the_same_parsed_afresh_or_read_from_the_cache(tmp_path, root) -> None:
    from digest.incremental.record_cache import RecordCache, record_key
    from digest.parse import parse_dump
    from digest.records import Story

    fresh = {}
    for path in sorted((root / "content").glob("*.txt")):
        fresh[record_key(str(path), path.read_bytes())] = parse_dump(str(path), path.read_bytes())
    cache = RecordCache(tmp_path / "records.sqlite")
    cache.put_many(fresh, keep=set(fresh))
    cached = cache.get_many(sorted(fresh))
    as_stories = lambda parsed: Corpus(tuple(Story(key, parsed[key].record) for key in sorted(parsed)))  # noqa: E731
    assert cached == fresh
    assert story_digests(as_stories(cached)) == story_digests(as_stories(fresh))


def test_value_bytes_follow_the_value_not_which_strings_are_one_object() -> None:
    from digest.serial import value_bytes
    from tests.corpus.factory import record

    text = "The bridge will reopen before the summer festival, the mayor said on Monday."
    twin = text[:20] + text[20:]  # equal, but another object
    assert twin == text and twin is not text
    shared, apart = record("a.txt", body=(text, text)), record("a.txt", body=(text, twin))
    assert value_bytes(shared) == value_bytes(apart)
    assert value_bytes(shared) != value_bytes(record("a.txt", body=(text, text + " More.")))
