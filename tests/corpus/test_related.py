from digest.corpus import build_corpus
from digest.corpus.related import merge_items
from digest.records import RelatedItem
from tests.corpus.factory import record

STORM = ("A winter storm closed three ports along the northern coast on Tuesday, stranding ferries and cargo ships.",)


def test_a_related_item_naming_a_story_in_the_corpus_links_to_it():
    item = RelatedItem("Storm closes ports - Daily Courier", None)
    bank = record("a.txt", related=(item, RelatedItem("Something we never saved", None)))
    storm = record("b.txt", headline="Storm closes ports | Metro Wire", body=STORM)
    corpus = build_corpus([bank, storm])
    by_path = {s.record.path: s for s in corpus.stories}
    assert by_path["a.txt"].related_story == (by_path["b.txt"].id, None)


def test_an_item_listed_by_many_pages_is_one_item_corpus_wide():
    items = merge_items([RelatedItem("Storm closes ports", None, ("News",)),
                         RelatedItem("Storm Closes Ports", "Three ports shut.", ("Popular",), ("Most read",))])
    assert len(items) == 1
    assert items[0].labels == ("News", "Popular") and items[0].summary == "Three ports shut."


def test_a_story_page_lists_each_related_title_once_with_any_link_found() -> None:
    from digest.corpus.related import shown
    from digest.records import RelatedItem

    items = (RelatedItem("Floods close the coast road - Daily Planet", None), RelatedItem("Bridge reopens", None),
             RelatedItem("Floods close the coast road", "A summary"))
    assert shown(items, (None, None, "s2")) == ((items[0], "s2"), (items[1], None))
