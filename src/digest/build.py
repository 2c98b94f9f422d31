"""The pipeline: read dumps -> load -> corpus -> plan pages -> render -> write.

Only the first step and the last touch the disk; everything between is a pure function.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from digest.config import SiteConfig, load_config
from digest.executor import make_executor
from digest.parse import parse_dumps
from digest.corpus import build_corpus
from digest.errors import DumpError
from digest.records import Corpus, StoryRecord
from digest.incremental import Manifest, Previous, fingerprint, manifest_file, page_keys, site_key, story_digests, write_manifest
from digest.inputs import read_inputs
from digest.site.feeds import FEED_ITEMS, FEED_KINDS, Feed, feed_files
from digest.site.markdown import MarkdownPage
from digest.site.plan import SitePlan, plan_site
from digest.site.render import make_environment, render_site, site_files
from digest.site.routes import Routes
from digest.site.search import SEARCH_FOLDER, SearchIndex, pagefind_binary, write_search_index
from digest.site.write import StagedSite, staged_site

CACHE_DIR = Path(".digest-cache")  # inside the site: parsed records and what each output was built from


@dataclass(frozen=True)
class BuildOptions:
    site_dir: Path = Path(".")
    output: Path | None = None  # default: the config's output_dir inside the site
    clean: bool = False  # delete the previous output before writing, rather than swapping it out
    # told (stage, done, total) as long stages advance, so a command line can draw a progress bar
    progress: Callable[[str, int, int], None] | None = field(default=None, compare=False)
    workers: int | None = None  # processes that parse and render; default one per core
    scheduler: str | None = None  # a Dask scheduler's address: parse on that cluster instead


@dataclass(frozen=True)
class BuildReport:
    dumps: int
    stories: int
    pages: int
    problems: tuple[DumpError, ...]
    output: Path
    warnings: tuple[str, ...] = ()  # the site is complete but lacks something, e.g. search
    events: int = 0
    rendered: int = 0  # pages rendered by this build; the others were unchanged since the last one


def report_data(report: BuildReport) -> dict:
    return {"dumps": report.dumps, "stories": report.stories, "pages": report.pages, "events": report.events,
            "warnings": list(report.warnings), "problems": [[p.path, p.reason, p.line] for p in report.problems]}


def report_of(data: dict, output: Path) -> BuildReport:
    return BuildReport(data["dumps"], data["stories"], data["pages"], tuple(DumpError(*p) for p in data["problems"]),
                       output, tuple(data["warnings"]), data["events"])


def read_records(dumps: list[tuple[str, bytes]], site_dir: Path, options: BuildOptions) -> tuple[list[StoryRecord], list[DumpError]]:
    """Parsed records: from the cache where the dump and the loader are unchanged, else parsed by workers."""
    cache_file = site_dir / CACHE_DIR / "records.sqlite"
    if options.clean:
        cache_file.unlink(missing_ok=True)
    with make_executor(options.workers, options.scheduler) as (executor, workers):
        return parse_dumps(dumps, cache_file, executor, workers, options.progress)


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


def make_site(corpus: Corpus, config: SiteConfig, documents: tuple[MarkdownPage, ...], templates: Path,
              theme: list[bytes], previous: Previous, stage: StagedSite, workers: int = 1) -> SiteOutcome:
    """Write the site's generated files into `stage`. Pages and feeds whose key is the previous
    build's are linked from its output instead of rendered; so are unchanged search shards."""
    plan = plan_site(corpus, config, documents)
    digests = story_digests(corpus)
    key = site_key(plan, config, theme)
    keys = page_keys(plan, digests, key)
    reuse = {path for path, page_key in keys.items() if previous.reusable(path, page_key)}
    for path in sorted(reuse):
        stage.link(path, previous.output / path)
    render_site(make_environment(templates), plan, config, stage.write, reuse, workers)
    feeds = feed_keys(plan, digests, key)
    write_feeds(plan, config, feeds, previous, stage)
    for path, data in site_files(plan, config).items():
        stage.write(path, data)
    stories = [(page.path, page.story.day) for page in plan.pages if page.kind == "story" and page.story]
    search = write_search_index(stories, keys, stage.root, stage.write, partial(reuse_shard, previous, stage),
                                pagefind_binary(), workers)
    return SiteOutcome(plan, {**keys, **feeds}, search, len(plan.pages) - len(reuse))


def build(options: BuildOptions) -> BuildReport:
    site_dir = options.site_dir
    config = load_config(site_dir)
    output = options.output or site_dir / config.output_dir
    inputs = read_inputs(site_dir, config)
    previous = Previous.of(output, manifest_file(site_dir / CACHE_DIR, output), clean=options.clean)
    if previous.built_from(inputs.key):
        return report_of(previous.manifest.report, output)  # nothing changed since this output was built
    records, load_problems = read_records(inputs.dumps, site_dir, options)
    corpus = build_corpus(records)
    workers = options.workers or os.cpu_count() or 1
    with staged_site(output) as stage:
        site = make_site(corpus, config, inputs.documents, inputs.templates, inputs.theme, previous, stage, workers)
        for path, data in inputs.static.items():
            stage.write(path, data)
        stage.commit(inputs.key, clean=options.clean)
    problems = tuple(inputs.problems) + tuple(load_problems)
    warnings = (site.search.warning,) if site.search.warning else ()
    report = BuildReport(len(inputs.dumps) + len(inputs.problems), len(corpus.stories), len(site.plan.pages), problems,
                         output, warnings, events=len(corpus.events), rendered=site.rendered)
    write_manifest(previous.manifest_path, Manifest(inputs.key, site.keys, site.search.keys, report_data(report)))
    return report
