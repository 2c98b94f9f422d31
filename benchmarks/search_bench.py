"""Search benchmark: what the search page finds for some queries on a built site, in Debian's chromium.

    python benchmarks/search_bench.py SITE/build assange sondland    # a site already built
    python benchmarks/search_bench.py --synthetic 2000 assange       # 2,000 synthetic dumps, one holding the word

For each query it prints, for Pagefind's plain merged search over the date shards (what the page
showed before it checked shards), and for the search page as built: how many stories were found and
how many of them do not hold every word of the query (no word of the story's indexed text begins
with it, nor has its stem if snowballstemmer is installed); and the seconds by the page's clock from
asking for the search page with ?q= to its first result (median of three loads, each in a fresh
browser context, its cache cold). Timings on a shared machine are noisy.
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
from synth import generate  # noqa: E402

from tests.site.tools import CHROMIUM, CHROMIUM_ARGS, served  # noqa: E402

BODY = re.compile(r"<title>(.*?)</title>.*?data-pagefind-body[^>]*>(.*)</main>", re.DOTALL)
NOTHING = re.compile(r"No story|unavailable")  # what the page says when it has no first result
# When the first result (or the word that there is none) is drawn, by the page's clock.
FIRST_RESULT = """new MutationObserver(function (changes, observer) {
    var note = document.getElementById("search-note");
    if (document.querySelector(".search-title") || (note && /No story|unavailable/.test(note.textContent))) {
        window.firstResult = performance.now();
        observer.disconnect();
    }
}).observe(document, {childList: true, subtree: true, characterData: true});"""


def folded(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).casefold()


def query_words(query: str) -> list[str]:
    return [w for w in re.split(r"\s+", re.sub(r"[^\w\s]", "", folded(query))) if w]


def stemmer():
    """Pagefind's stemmer (Snowball's English) if snowballstemmer is installed: "housing" holds "house"."""
    try:
        import snowballstemmer
    except ImportError:
        return lambda word: word
    return snowballstemmer.stemmer("english").stemWord


STEM = stemmer()


def holds(text: str, words: list[str]) -> bool:
    """Every word begins a word of the text, or its stem begins the stem of one."""
    tokens = set(re.split(r"\W+", folded(text))) | {re.sub(r"[^\w]", "", t) for t in folded(text).split()}
    stems = {STEM(t) for t in tokens}
    return all(any(t.startswith(w) for t in tokens) or any(s.startswith(STEM(w)) for s in stems) for w in words)


def page_text(site: Path, url: str) -> str:
    html = (site / url.lstrip("/")).read_text(encoding="utf-8")
    found = BODY.search(html)
    return re.sub(r"<[^>]+>", " ", f"{found.group(1)} {found.group(2)}") if found else html


def merged_search(browser, base: str, query: str) -> list[str]:
    """Pagefind's own merged search over every shard: the URLs it finds."""
    tab = browser.new_context(bypass_csp=True).new_page()
    tab.goto(f"{base}search/index.html")
    tab.locator("#search:not([aria-busy])").wait_for(timeout=60000)
    # the page has set Pagefind up: a plain search over it is the merged search of every shard
    urls = tab.evaluate("""async (query) => {
        const shards = await (await fetch("../pagefind/shards.json")).json();
        const pf = await import(new URL("../pagefind/" + shards.bundles[0] + "pagefind.js", location.href).pathname);
        const found = await pf.search(query);
        return Promise.all(found.results.map(async r => (await r.data()).url));
    }""", query)
    tab.context.close()
    return urls


def page_search(browser, base: str, query: str) -> tuple[list[str], float]:
    """The search page's results for ?q=query, and the seconds to its first result."""
    context = browser.new_context(bypass_csp=True)  # to read the page's clock
    tab = context.new_page()
    tab.add_init_script(FIRST_RESULT)
    tab.goto(f"{base}search/index.html?q={query}")
    tab.locator(".search-title").or_(tab.locator("#search-note", has_text=NOTHING)).first.wait_for(timeout=60000)
    seconds = tab.evaluate("window.firstResult") / 1000  # since the page was asked for
    tab.locator("#search:not([aria-busy])").wait_for(timeout=60000)
    while tab.locator("#search-more").is_visible():
        before = tab.locator(".search-title").count()
        tab.click("#search-more")
        tab.locator(".search-title").nth(before).wait_for(timeout=60000)
    urls = [tab.locator(".search-title").nth(i).get_attribute("href") for i in range(tab.locator(".search-title").count())]
    context.close()
    return urls, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", nargs="?", type=Path, help="a built site (its output folder)")
    parser.add_argument("queries", nargs="*", default=["assange"])
    parser.add_argument("--synthetic", type=int, help="build this many synthetic dumps, one holding the first query")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright
    if args.synthetic:
        if args.site is not None:
            args.queries.insert(0, str(args.site))
        work = Path(tempfile.mkdtemp(prefix="search-bench."))
        dumps = generate(work / "content", args.synthetic)
        rare = dumps[len(dumps) // 3]
        rare.write_text(rare.read_text().replace(" said", f", said the lawyer {args.queries[0].title()},", 1))
        from digest.build import BuildOptions, build
        build(BuildOptions(site_dir=work, quiet=True))
        args.site = work / "build"
    with served(args.site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        print(f"{'query':<20} {'merged':>7} {'lacking':>8} {'page':>6} {'lacking':>8} {'first result (s)':>17}")
        for query in args.queries:
            words = query_words(query)
            merged = merged_search(browser, base, query)
            runs = [page_search(browser, base, query) for _ in range(3)]
            page = runs[0][0]
            lacking = [sum(not holds(page_text(args.site, u), words) for u in urls) for urls in (merged, page)]
            print(f"{query:<20} {len(merged):>7} {lacking[0]:>8} {len(page):>6} {lacking[1]:>8} "
                  f"{statistics.median(s for _, s in runs):>17.2f}")
        browser.close()


if __name__ == "__main__":
    main()
