"""What a build takes from the previous site as it is: pages whose key and whose lookups' answers
are unchanged, feeds with the previous key, search shards made from the same pages.

Decided before anything is rendered, from the plan, the previous build's manifest and the files
the previous site holds (mirrored into the stage); rendering then skips what is kept.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

from digest.config import SiteConfig
from digest.incremental.keys import feed_keys, fingerprint, global_key, page_keys
from digest.incremental.manifest import Manifest
from digest.output.search import SEARCH_FOLDER, SearchPlan
from digest.runtime.forked import Forked
from digest.site.feeds import FEED_KINDS
from digest.site.lookups import Answers, ask_again, decode_path
from digest.site.plan import SitePlan
from digest.site.render import roots
from digest.site.routes import Routes


@dataclass(frozen=True)
class Reuse:
    keys: dict[str, str]  # every page and feed file -> the key it is made from, for the next build
    answers: Answers  # how this build digests what a page looks up: the renderer records with it
    pages: frozenset[str]  # pages kept from the previous site
    feeds: frozenset[str]  # feed files kept
    lookups: dict[str, tuple[str, ...]]  # the kept pages' lookups, as the previous build noted them
    said: dict[str, str]  # and their answers


def changed_lookups(plan_roots: dict[str, Any], answers: Answers, before: dict[str, str]) -> set[str]:
    """The previous build's lookups that answer differently now. Each distinct lookup is asked
    once, here; a page then needs only a set test against its own (in C: a page asks dozens)."""
    return {lookup for lookup, answer in before.items() if ask_again(decode_path(lookup), plan_roots, answers) != answer}


def decide_reuse(plan: SitePlan, digests: dict[str, str], config: SiteConfig, theme: list[bytes],
                 before: Manifest, present: set[str], workers: int = 1) -> Reuse:
    """`digests`: each story's (digest.incremental.keys.story_digests); `present`: the previous
    site's files, so a page removed from it by hand is rendered again."""
    key = global_key(config, theme)
    answers = Answers(digests, partial(fingerprint, digests=digests, salt=""))
    # On two cores: the earlier lookups asked again and the feed keys beside the page keys.
    asking = Forked(lambda: (changed_lookups(roots(plan), answers, before.answers) if before.answers else set(),
                             feed_keys(plan, digests, key)), enabled=workers > 1)
    keys = page_keys(plan, digests, key)
    changed, feeds = asking.result()
    pages = frozenset(path for path, page_key in keys.items()
                      if before.pages.get(path) == page_key and path in present and path in before.lookups
                      and changed.isdisjoint(before.lookups[path]))
    kept_feeds: set[str] = set()
    for feed in plan.feeds:
        paths = [Routes.feed(feed.folder, kind) for kind in FEED_KINDS]
        if all(before.pages.get(path) == feeds[path] and path in present for path in paths):
            kept_feeds.update(paths)
    lookups = {path: before.lookups[path] for path in pages}
    said = {lookup: before.answers[lookup] for path in pages for lookup in before.lookups[path]}
    return Reuse({**keys, **feeds}, answers, pages, frozenset(kept_feeds), lookups, said)


def reusable_shards(search: SearchPlan, before: Manifest, present: set[str]) -> dict[str, list[str]]:
    """Search shards with the previous build's key whose bundle the previous site holds: name -> its files."""
    bundles: dict[str, list[str]] = {}
    for path in present:
        if path.startswith(f"{SEARCH_FOLDER}/") and path.count("/") > 1:
            bundles.setdefault(path.split("/", 2)[1], []).append(path)
    return {name: sorted(bundles[name]) for name, key in search.keys.items()
            if before.search.get(name) == key and bundles.get(name)}
