"""Write a corpus's site into a staged folder: pages and feeds rendered, or linked from the previous
site where their key says they are the same, then the search index shard by shard."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from digest.config import SiteConfig
from digest.incremental import fingerprint, page_keys, site_key, story_digests
from digest.manifest import Previous
from digest.records import Corpus
from digest.site.feeds import FEED_ITEMS, FEED_KINDS, Feed, feed_files
from digest.site.markdown import MarkdownPage
from digest.site.plan import SitePlan, plan_site
from digest.site.render import make_environment, render_site, site_files
from digest.site.routes import Routes
from digest.site.search import SEARCH_FOLDER, SearchIndex, pagefind_binary, write_search_index
from digest.site.write import StagedSite

Progress = Callable[[str, int, int], None]  # (stage, done, total), for a progress bar


@dataclass(frozen=True)
class SiteOutcome:
    plan: SitePlan
    keys: dict[str, str]  # each page and feed file -> the key it was made from
    search: SearchIndex
    rendered: int  # pages rendered by this build; the others were linked from the previous site


def feed_keys(plan: SitePlan, digests: dict[str, str], key: str) -> dict[str, str]:
    """A feed is made of its newest stories and the site's settings; its three files share its key."""
    keys = {}
    for feed in plan.feeds:
        shown = Feed(feed.folder, feed.title, feed.page, feed.stories[:FEED_ITEMS])
        feed_key = fingerprint(shown, digests, key)
        keys.update({Routes.feed(feed.folder, kind): feed_key for kind in FEED_KINDS})
    return keys


def write_feeds(plan: SitePlan, config: SiteConfig, keys: dict[str, str], previous: Previous, stage: StagedSite) -> None:
    for feed in plan.feeds:
        paths = [Routes.feed(feed.folder, kind) for kind in FEED_KINDS]
        if all(previous.reusable(path, keys[path]) for path in paths):
            for path in paths:
                stage.link(path, previous.output / path)
        else:
            for path, data in feed_files([feed], config).items():
                stage.write(path, data)


def reuse_shard(previous: Previous, stage: StagedSite, name: str, key: str) -> bool:
    """Link a search shard's bundle from the previous site if it was built from the same pages."""
    files = previous.files_under(f"{SEARCH_FOLDER}/{name}") if previous.manifest.search.get(name) == key else []
    for path in files:
        stage.link(path, previous.output / path)
    return bool(files)


def advancing(write: Callable[[str, bytes], None], progress: Progress | None, stage: str,
              total: int) -> Callable[[str, bytes], None]:
    """`write`, telling `progress` how many of `total` files it has written."""
    if progress is None:
        return write
    done = 0

    def write_and_count(path: str, data: bytes) -> None:
        nonlocal done
        write(path, data)
        done += 1
        if done == total or done % 100 == 0:
            progress(stage, done, total)

    return write_and_count


def make_site(corpus: Corpus, config: SiteConfig, documents: tuple[MarkdownPage, ...], templates: Path,
              theme: list[bytes], previous: Previous, stage: StagedSite, workers: int = 1,
              progress: Progress | None = None) -> SiteOutcome:
    """Write the site's generated files into `stage`. Pages and feeds whose key is the previous
    build's are linked from its output instead of rendered; so are unchanged search shards."""
    plan = plan_site(corpus, config, documents)
    digests = story_digests(corpus)
    key = site_key(plan, config, theme)
    keys = page_keys(plan, digests, key)
    reuse = {path for path, page_key in keys.items() if previous.reusable(path, page_key)}
    for path in sorted(reuse):
        stage.link(path, previous.output / path)
    write_page = advancing(stage.write, progress, "rendering pages", len(plan.pages) - len(reuse))
    render_site(make_environment(templates), plan, config, write_page, reuse, workers)
    feeds = feed_keys(plan, digests, key)
    write_feeds(plan, config, feeds, previous, stage)
    for path, data in site_files(plan, config).items():
        stage.write(path, data)
    stories = [(page.path, page.story.day) for page in plan.pages if page.kind == "story" and page.story]
    search = write_search_index(stories, keys, stage.root, stage.write, partial(reuse_shard, previous, stage),
                                pagefind_binary(), workers, progress)
    return SiteOutcome(plan, {**keys, **feeds}, search, len(plan.pages) - len(reuse))
