"""Write a corpus's site into a staged folder: pages and feeds rendered, or linked from the previous
site where their key says they are the same, then the search index shard by shard."""
from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

from digest import __version__
from digest.config import SiteConfig
from digest.incremental.keys import fingerprint, page_keys, story_digests
from digest.incremental.manifest import Previous, digest_of
from digest.output.search import (
    SEARCH_FOLDER,
    SearchIndex,
    indexed_digest,
    pagefind_binary,
    prepare_search_index,
)
from digest.output.staging import StagedSite
from digest.records import Corpus
from digest.runtime.executors import Forked
from digest.site.feeds import FEED_ITEMS, FEED_KINDS, Feed, feed_files
from digest.site.lookups import Answers, ask_again, decode_path
from digest.site.markdown import MarkdownPage
from digest.site.plan import SitePlan, plan_site
from digest.site.render import make_environment, render_site, roots, site_files
from digest.site.routes import Routes

Progress = Callable[[str, int, int], None]  # (stage, done, total), for a progress bar


@dataclass(frozen=True)
class SiteOutcome:
    plan: SitePlan
    keys: dict[str, str]  # each page and feed file -> the key it was made from
    search: SearchIndex
    rendered: int  # pages rendered by this build; the others were linked from the previous site
    lookups: dict[str, tuple[str, ...]]  # what each page looked up, for the next build
    answers: dict[str, str]  # and what each lookup answered
    indexed: dict[str, str]  # story page -> digest of what search reads of it


def feed_keys(plan: SitePlan, digests: dict[str, str], key: str) -> dict[str, str]:
    """A feed is made of its newest stories and the site's settings; its three files share its key."""
    keys = {}
    for feed in plan.feeds:
        shown = Feed(feed.folder, feed.title, feed.page, feed.stories[:FEED_ITEMS])
        feed_key = fingerprint(shown, digests, key)
        keys.update({Routes.feed(feed.folder, kind): feed_key for kind in FEED_KINDS})
    return keys


def write_feeds(plan: SitePlan, config: SiteConfig, keys: dict[str, str], previous: Previous, stage: StagedSite) -> None:
    present = stage.mirrored()
    for feed in plan.feeds:
        paths = [Routes.feed(feed.folder, kind) for kind in FEED_KINDS]
        if all(previous.manifest.pages.get(path) == keys[path] and path in present for path in paths):
            for path in paths:
                stage.keep(path)
        else:
            for path, data in feed_files([feed], config).items():
                stage.write(path, data)


def shard_files(present: set[str]) -> dict[str, list[str]]:
    """The previous site's search bundles: shard name -> its files."""
    bundles: dict[str, list[str]] = {}
    for path in present:
        if path.startswith(f"{SEARCH_FOLDER}/") and path.count("/") > 1:
            bundles.setdefault(path.split("/", 2)[1], []).append(path)
    return bundles


def reuse_shard(previous: Previous, stage: StagedSite, bundles: dict[str, list[str]], name: str, key: str) -> bool:
    """Keep a search shard's bundle from the previous site if it was built from the same pages."""
    files = bundles.get(name, []) if previous.manifest.search.get(name) == key else []
    for path in files:
        stage.keep(path)
    return bool(files)


def global_key(config: SiteConfig, theme: list[bytes]) -> str:
    """What every page is made with: digest's version, the settings and every template."""
    return digest_of([__version__.encode(), repr(config).encode("utf-8", "surrogatepass"), *theme])


def changed_lookups(roots: dict[str, Any], answers: Answers, before: dict[str, str]) -> set[str]:
    """The previous build's lookups that answer differently now. Each distinct lookup is asked
    once, here; a page then needs only a set test against its own (in C: a page asks dozens)."""
    return {lookup for lookup, answer in before.items() if ask_again(decode_path(lookup), roots, answers) != answer}


def keep_unchanged(candidates: list[str], stage: StagedSite) -> set[str]:
    """Keep the candidates from the previous site; those gone from it (removed by hand) are rendered."""
    present = stage.mirrored()
    kept = {path for path in candidates if path in present}
    for path in kept:
        stage.keep(path)
    return kept


def make_site(corpus: Corpus, config: SiteConfig, documents: tuple[MarkdownPage, ...], templates: Path,
              theme: list[bytes], previous: Previous, stage: StagedSite, workers: int = 1,
              progress: Progress | None = None, lap: Callable[[str], None] = lambda stage: None,
              meanwhile: Callable[[SiteOutcome], object] = lambda planned: None, cluster: Any = None) -> SiteOutcome:
    """Write the site's generated files into `stage`. A page whose own data has the previous build's
    key, and whose lookups get the same answers, is linked from the previous site instead of
    rendered; so are feeds with the previous key and unchanged search shards. `meanwhile` is
    called with the outcome as planned (its search index as it will be if Pagefind succeeds)
    while Pagefind runs, for work that needs it (the build encodes its details). With a Dask
    `cluster` (a client), the pages are rendered there."""
    # On two cores where there are: the story digests beside the plan, the earlier lookups and the
    # feed keys beside the page keys (each of them a few tenths of a second at 10,000 dumps).
    digesting = Forked(partial(story_digests, corpus), enabled=workers > 1)
    plan = plan_site(corpus, config, documents)
    old = previous.manifest
    digests = digesting.result()
    key = global_key(config, theme)
    answers = Answers(digests, partial(fingerprint, digests=digests, salt=""))
    asking = Forked(lambda: (changed_lookups(roots(plan), answers, old.answers) if old.answers else set(),
                             feed_keys(plan, digests, key)), enabled=workers > 1)
    keys = page_keys(plan, digests, key)
    changed, feeds = asking.result()
    candidates = [path for path, page_key in keys.items() if old.pages.get(path) == page_key and path in old.lookups
                  and changed.isdisjoint(old.lookups[path])]
    reuse = keep_unchanged(candidates, stage)
    lap("planning pages")
    stories = [(page.path, page.story.day) for page in plan.pages if page.kind == "story" and page.story]
    story_pages = {path for path, _ in stories}
    indexed = {path: old.indexed[path] for path in story_pages & reuse if path in old.indexed}

    def write_and_note(path: str, html: bytes) -> str | None:  # what search will read of it, while it is at hand
        stage.write(path, html)
        return indexed_digest(html) if path in story_pages else None

    counting = (lambda done, total: progress("rendering pages", done, total)) if progress else None
    fresh = render_site(make_environment(templates), plan, config, answers, write_and_note, reuse, workers, counting,
                        cluster, templates)
    stage.written_elsewhere(fresh)
    indexed |= {path: note for path, (_, note) in fresh.items() if note is not None}
    for path, _ in stories:
        if path not in indexed:  # linked, but the previous manifest had no note of it: read it
            indexed[path] = indexed_digest(stage.path(path).read_bytes())
    lap("rendering pages")
    # Pagefind runs in its own processes: the feeds, the sitemap and the bookkeeping are made meanwhile.
    with ThreadPoolExecutor(1) as background:
        planned, index = prepare_search_index(stories, indexed, stage.root,
                                              partial(reuse_shard, previous, stage, shard_files(stage.mirrored())),
                                              pagefind_binary())
        searching = background.submit(index, stage.write, workers, progress)
        write_feeds(plan, config, feeds, previous, stage)
        for path, data in site_files(plan, config).items():
            stage.write(path, data)
        lookups = {path: old.lookups[path] for path in reuse} | {path: found[0] for path, (found, _) in fresh.items() if found}
        said = {lookup: old.answers[lookup] for path in reuse for lookup in old.lookups[path]}
        said |= {lookup: answer for found, _ in fresh.values() if found for lookup, answer in zip(*found)}
        outcome = SiteOutcome(plan, {**keys, **feeds}, planned, len(plan.pages) - len(reuse), lookups, said, indexed)
        meanwhile(outcome)
        search = searching.result()
    lap("search index, feeds, sitemap")
    return replace(outcome, search=search)
