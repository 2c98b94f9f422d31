"""Lists kept newest first get fixed pages: counted from the oldest, so an older page keeps its
stories, and its address stays a true link, as newer stories arrive."""
from __future__ import annotations

from digest.site.pages import paginate_fixed
from digest.site.routes import paged

LANDING = "sources/x/index.html"


def pages_of(count: int, per_page: int = 3) -> list:
    newest_first = list(range(count, 0, -1))  # item n arrived n-th
    return paginate_fixed(newest_first, per_page, lambda number: paged("sources/x", number))


def test_the_first_page_holds_the_newest_and_older_pages_count_from_the_oldest() -> None:
    pages = pages_of(10)
    assert [(items, path) for items, path, _ in pages] == [
        ((10, 9, 8, 7), LANDING), ((6, 5, 4), "sources/x/page/2/index.html"), ((3, 2, 1), "sources/x/page/1/index.html")]
    landing, middle, oldest = (pager for *_, pager in pages)
    assert (landing.previous, landing.next) == (None, "sources/x/page/2/index.html")
    assert (middle.previous, middle.next) == (LANDING, "sources/x/page/1/index.html")
    assert (oldest.previous, oldest.next) == ("sources/x/page/2/index.html", None)
    assert {pager.count for pager in (landing, middle, oldest)} == {None}  # a growing count would change every page


def test_a_short_list_is_one_page() -> None:
    assert [(items, path) for items, path, _ in pages_of(5)] == [((5, 4, 3, 2, 1), LANDING)]
    assert [(items, path) for items, path, _ in pages_of(0)] == [((), LANDING)]


def test_a_newer_item_changes_the_first_page_and_at_most_two_more() -> None:
    for count in range(0, 40):
        before = {path: (items, pager) for items, path, pager in pages_of(count)}
        after = pages_of(count + 1)
        assert [item for items, _, _ in after for item in items] == list(range(count + 1, 0, -1))
        assert all(len(items) == 3 for items, path, _ in after if path != LANDING)
        changed = {path for items, path, pager in after if before.get(path) != (items, pager)}
        assert LANDING in changed and len(changed) <= 3  # the first page, a new page, the one below it
