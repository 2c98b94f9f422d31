"""Search answers the query, in Debian's chromium over a site of many date shards: a rare surname
held by one story in one shard finds that story alone, though every other shard holds a shorter
word it begins with (Pagefind, left alone, matches "berglund" with "berg" there); the search box is
the masthead's, filled from ?q=; dates filter by year and month, and no filter value counts zero."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.synth import generate
from digest.build import BuildOptions, build
from digest.output import search
from digest.output.search import pagefind_binary
from tests.site.tools import served

RARE = "Berglund"  # begins with "Berg", a surname of many synthetic stories in every shard
BODY = re.compile(r"<title>(.*?)</title>.*?data-pagefind-body[^>]*>(.*)</main>", re.DOTALL)


def folded(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).casefold()


def indexed_text(site: Path, url: str) -> str:
    """What Pagefind reads of a story page: its title and marked body, without tags."""
    found = BODY.search((site / url.lstrip("/")).read_text(encoding="utf-8"))
    assert found, url
    return folded(re.sub(r"<[^>]+>", " ", f"{found.group(1)} {found.group(2)}"))


def holds_word_starting(text: str, start: str) -> bool:
    return any(word.startswith(start) for word in re.split(r"\W+", text))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if pagefind_binary() is None:
        pytest.skip("pagefind binary not installed")
    root = tmp_path_factory.mktemp("answers") / "site"
    dumps = generate(root / "content", 80, seed=11)
    rare = dumps[40]
    rare.write_text(rare.read_text().replace(" said", f", said the lawyer Mr {RARE},", 1))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "SHARD_STORIES", 8)
        build(BuildOptions(site_dir=root, workers=1))
    return root / "build"


@pytest.fixture(scope="module")
def base(site: Path) -> Iterator[str]:
    with served(site) as url:
        yield url


def settled(tab) -> list[str]:
    """The URLs of every result once the page has answered (all pages of results shown)."""
    tab.locator("#search:not([aria-busy])").wait_for(timeout=30000)
    while tab.locator("#search-more").is_visible():
        count = tab.locator(".search-title").count()
        tab.click("#search-more")
        tab.locator(".search-title").nth(count).wait_for(timeout=30000)
    titles = tab.locator(".search-title")
    expected = re.match(r"(\d+) stor", tab.locator("#search-note").inner_text())
    if expected:
        titles.nth(int(expected.group(1)) - 1).wait_for(timeout=30000)
    return [titles.nth(i).get_attribute("href") for i in range(titles.count())]


def test_the_site_has_the_trap(site: Path, browser, base: str) -> None:
    """Pagefind's own merged search, without the page's check, finds stories that lack the word."""
    shards = (site / "pagefind" / "shards.json").read_text()
    assert shards.count("/") >= 5, "the test needs several shards"
    context = browser.new_context(bypass_csp=True)  # the check runs a script of its own
    page = context.new_page()
    page.goto(f"{base}search/index.html")
    page.locator("#search:not([aria-busy])").wait_for(timeout=30000)
    urls = page.evaluate("""async (query) => {
        const shards = await (await fetch("../pagefind/shards.json")).json();
        const pf = await import(new URL("../pagefind/" + shards.bundles[0] + "pagefind.js", location.href).pathname);
        const found = await pf.search(query);
        return Promise.all(found.results.map(async r => (await r.data()).url));
    }""", RARE.lower())
    context.close()
    lacking = [u for u in urls if not holds_word_starting(indexed_text(site, u), RARE.lower())]
    assert len(lacking) > 3, urls


def test_typing_a_rare_surname_finds_only_the_story_that_holds_it(site: Path, tab, base: str) -> None:
    holding = {f"/{p.relative_to(site).as_posix()}" for p in (site / "stories").glob("*/index.html")
               if holds_word_starting(indexed_text(site, f"/{p.relative_to(site).as_posix()}"), RARE.lower())}
    assert len(holding) == 1
    tab.goto(f"{base}index.html")
    tab.type("#search-q", RARE.lower(), delay=60)  # on another page: the box leads to the search page
    tab.press("#search-q", "Enter")
    tab.wait_for_url("**/search/index.html?q=*")
    assert set(settled(tab)) == holding
    field = tab.locator("#search-q")
    for typed in (RARE.lower()[:6], RARE.lower()):  # as one types on the search page itself
        field.fill("")
        field.type(typed, delay=60)
        found = settled(tab)
        assert found, typed
        assert all(holds_word_starting(indexed_text(site, url), typed) for url in found), (typed, found)
    assert tab.url.endswith(f"?q={RARE.lower()}")


def test_every_result_of_a_common_word_and_a_rare_one_holds_both(site: Path, tab, base: str) -> None:
    tab.goto(f"{base}search/index.html?q=lawyer+{RARE}")
    found = settled(tab)
    assert len(found) == 1 and all(holds_word_starting(indexed_text(site, u), "lawyer") for u in found)
    tab.goto(f"{base}search/index.html?q={RARE}zz")  # a word no story holds finds nothing
    assert settled(tab) == [] and "No story holds" in tab.locator("#search-note").inner_text()


def test_one_search_box_filled_from_the_address(tab, base: str) -> None:
    tab.goto(f"{base}search/index.html?q=harbour")
    settled(tab)
    assert tab.locator("input[type=search]").count() == 1
    assert tab.input_value("#search-q") == "harbour"


def test_dates_filter_by_year_and_month_and_no_value_counts_zero(site: Path, tab, base: str) -> None:
    tab.goto(f"{base}search/index.html?q=minister")
    everything = settled(tab)
    tab.click("#search-refine summary")
    tab.locator("#search-filters legend", has_text="Date").wait_for(timeout=30000)
    labels = [" ".join(t.split()) for t in tab.locator(".search-filter").all_inner_texts()]
    assert labels and not [label for label in labels if label.endswith("(0)")], labels
    years = tab.locator(".search-filter:not(.search-filter-month)").filter(has_text=re.compile(r"^\s*\d{4} \(\d+\)"))
    months = tab.locator(".search-filter-month")
    assert years.count() >= 1 and months.count() >= 2
    days = len({tab.locator(".meta").nth(i).inner_text() for i in range(tab.locator(".meta").count())})
    assert tab.locator("input[name=date]").count() == years.count() + months.count() < days  # not a box a day
    month = months.first
    month_name, count = re.match(r"\s*(\w+) \((\d+)\)", month.inner_text()).groups()
    month.locator("input").check()
    tab.locator("#search-note", has_text=re.compile(rf"^{count} stor")).wait_for(timeout=30000)
    narrowed = settled(tab)
    assert len(narrowed) == int(count) < len(everything)
    dates = {tab.locator(f".search-title[href='{u}']").locator("xpath=../..").locator(".meta").inner_text() for u in narrowed}
    assert all(month_name in d for d in dates), dates


def test_pagefind_runtime_loads_once_and_its_ui_never(site: Path, tab, base: str) -> None:
    requested: list[str] = []
    tab.on("request", lambda r: requested.append(r.url))
    tab.goto(f"{base}search/index.html?q=minister")
    settled(tab)
    runtime = [u for u in requested if re.search(r"pagefind(-worker)?\.js$|\.pagefind$", u)]
    assert len(runtime) == len(set(runtime)) and len({u.rsplit("/", 2)[1] for u in runtime}) == 1, runtime
    assert not [u for u in requested if "-ui." in u]
    shipped = [p.name for p in (site / "pagefind").rglob("*") if re.fullmatch(r"pagefind(-worker)?\.js|wasm\..*", p.name)]
    assert sorted(shipped) == ["pagefind-worker.js", "pagefind.js", "wasm.en.pagefind", "wasm.unknown.pagefind"]
