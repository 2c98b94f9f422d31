from dataclasses import replace

from digest.corpus.dedup import collapse
from tests.corpus.factory import WIRE, record


def test_exact_copies_are_one_article_with_the_copy_kept():
    a, b = record("a.txt", source="Wire"), record("b.txt")
    [article] = collapse([b, a])
    assert article.record.path == "a.txt"  # more fields filled: it represents the story
    assert [c.path for c in article.copies] == ["b.txt"]


def test_case_and_punctuation_do_not_make_a_new_article():
    shouted = record("b.txt", body=tuple(p.upper().replace(",", "") for p in WIRE))
    assert len(collapse([record("a.txt"), shouted], threshold=1.0)) == 1


def test_syndicated_copy_with_a_paragraph_cut_and_one_added_is_the_same_article():
    copy = record("b.txt", headline="Central bank lifts rates by half a point | Metro Wire",
                  body=(*WIRE[:3], *WIRE[4:], "Metro Wire contributed to this report."))
    [article] = collapse([record("a.txt"), copy])
    assert {article.record.path, *(c.path for c in article.copies)} == {"a.txt", "b.txt"}


def test_exact_only_keeps_a_syndicated_copy_apart():
    copy = record("b.txt", body=(*WIRE[:3], *WIRE[4:]))
    assert len(collapse([record("a.txt"), copy], threshold=1.0)) == 2


def test_different_stories_stay_apart():
    other = record("b.txt", headline="Storm closes ports", body=(
        "A winter storm closed three ports along the northern coast on Tuesday, stranding ferries and cargo ships.",
        "Harbour masters said the closures could last until Thursday as waves of up to nine metres were forecast."))
    assert len(collapse([record("a.txt"), other])) == 2


def test_ids_come_from_content_not_from_order():
    records = [record("a.txt"), record("b.txt", body=WIRE[:2]), record("c.txt")]
    forward = [(a.id, a.record.path) for a in collapse(records)]
    backward = [(a.id, a.record.path) for a in collapse(list(reversed(records)))]
    assert forward == backward
    renamed = [replace(r, path="x/" + r.path) for r in records]
    assert [a.id for a in collapse(renamed)] == [a for a, _ in forward]


def test_a_dump_given_twice_is_kept_as_its_own_copy():
    a = record("a.txt")
    [article] = collapse([a, a])
    assert article.record is a and article.copies == (a,)


def test_dumps_without_body_words_are_not_one_story():
    empty = ("—", "…")
    assert len(collapse([record("a.txt", body=empty), record("b.txt", body=empty, headline="Other")])) == 2
