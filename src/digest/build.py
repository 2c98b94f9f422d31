"""The pipeline: read inputs -> load (cached) -> corpus -> plan -> decide what to reuse -> render
-> write -> index search -> swap -> remember.

Each step is one call with typed values in and out, made from here; the stages never call back up.
Reading the inputs and writing the site touch the disk (the record cache and the previous build's
manifest too); the loader, the corpus stage, the plan and rendering are pure functions.
"""
from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from digest.config import SiteConfig, load_config, refuse_overlap
from digest.errors import DumpError
from digest.incremental.manifest import (
    Manifest,
    Previous,
    encode_details,
    inputs_key,
    manifest_file,
    write_manifest,
    write_output_files,
)
from digest.incremental.memory import BuildMemory
from digest.incremental.stamps import read_stamps, write_stamps
from digest.inputs import Inputs, Stamp, as_given, read_inputs
from digest.output.lock import output_lock
from digest.output.search import (
    MISSING,
    PagefindError,
    SearchIndex,
    bundles,
    indexed_digest,
    link_shards,
    pagefind_binary,
    plan_search,
    start_indexing,
)
from digest.output.staging import LOCK_WAIT_SECONDS, StagedSite, staged_site

if TYPE_CHECKING:  # the stages load only when a build has work (see _build)
    from digest.records import Corpus
    from digest.site.lookups import Recorded
    from digest.site.markdown import MarkdownPage
    from digest.site.plan import SitePlan
    from digest.site.render import RenderedPage

Progress = Callable[[str, int, int], None]  # (stage, done, total), for a progress bar
CACHE_DIR = Path(".digest-cache")  # inside the site: parsed records and what each output was built from


@dataclass(frozen=True)
class BuildOptions:
    site_dir: Path = Path(".")
    output: Path | None = None  # default: the config's output_dir inside the site
    clean: bool = False  # parse and render everything again: no cached record, no page of the previous output
    # told (stage, done, total) as long stages advance, so a command line can draw a progress bar
    progress: Callable[[str, int, int], None] | None = field(default=None, compare=False)
    workers: int | None = None  # processes that parse and render; default one per core
    scheduler: str | None = None  # a Dask scheduler's address: parse on that cluster instead
    wait: float = LOCK_WAIT_SECONDS  # for another build writing the same output, then refuse
    waiting: Callable[[str], None] | None = field(default=None, compare=False)  # told once when a build waits
    memory: BuildMemory | None = field(default=None, compare=False)  # kept from build to build by `digest serve`


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
    timings: tuple[tuple[str, float], ...] = ()  # (stage, wall seconds), in order: where the time went


class Stopwatch:
    """Wall time by stage: `lap(name)` ends the stage named, which began where the last one ended."""

    def __init__(self) -> None:
        self.laps: list[tuple[str, float]] = []
        self._since = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps.append((name, now - self._since))
        self._since = now


def report_data(report: BuildReport) -> dict:
    return {"dumps": report.dumps, "stories": report.stories, "pages": report.pages, "events": report.events,
            "warnings": list(report.warnings), "problems": [[p.path, p.reason, p.line] for p in report.problems]}


def report_of(data: dict, output: Path) -> BuildReport:
    return BuildReport(data["dumps"], data["stories"], data["pages"], tuple(DumpError(*p) for p in data["problems"]),
                       output, tuple(data["warnings"]), data["events"])


def build(options: BuildOptions) -> BuildReport:
    """One build at a time into an output: a second waits for the first (digest.output.lock)."""
    watch = Stopwatch()
    config = load_config(options.site_dir)
    output = options.output or options.site_dir / config.output_dir
    refuse_overlap(options.site_dir / config.content_dir, output)
    if not _parent_made(output):  # nothing can be written there: the writer says why, in one line
        return _build(options, config, output, watch)
    with output_lock(output.resolve(), options.wait, options.waiting):
        return _build(options, config, output, watch)


def _parent_made(output: Path) -> bool:
    """The folder the output, its staging folders and its lock lie in."""
    try:
        output.resolve().parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return True


def _build(options: BuildOptions, config: SiteConfig, output: Path, watch: Stopwatch) -> BuildReport:
    """read inputs -> (nothing changed? done) -> load (cached) -> corpus -> make the site (plan, reuse,
    render, write, index) -> swap it in -> remember what it was made of."""
    site_dir, memory = options.site_dir, options.memory
    known = {} if options.clean else read_stamps(site_dir / CACHE_DIR)
    inputs = read_inputs(site_dir, config, known)
    key = inputs_key(inputs, site_dir, config)
    previous = Previous.of(output, manifest_file(site_dir / CACHE_DIR, output), options.clean,
                           memory.manifest if memory else None)
    watch.lap("reading inputs")
    if previous.built_from(key):  # nothing changed since this output was built
        _keep_stamps(site_dir, inputs, known)
        return replace(_as_given(report_of(previous.report, output), site_dir), timings=tuple(watch.laps))
    # The stages load only now: a rebuild with nothing to do should not spend a third of a second importing them.
    from digest.corpus import build_corpus
    from digest.parse import load_records
    from digest.runtime.executors import cluster_client
    from digest.site.markdown import parse_pages
    documents = parse_pages(inputs.markdown)
    workers = options.workers or os.cpu_count() or 1
    watch.lap("loading the stages, Markdown pages")
    # The records, the corpus and the plan live to the end of the build and hold no cycles: each is
    # moved out of the collector's sight as it is made, so it is not walked again and again while
    # the rest of the build allocates (half a second at 10,000 dumps).
    try:
        # Staged first, so the previous site is mirrored into it (on the second core) while the
        # records are read and the corpus and the plan are made.
        with cluster_client(options.scheduler) as cluster, staged_site(output, mirror=bool(previous.inputs)) as stage:
            loaded = load_records(inputs.dumps, site_dir / CACHE_DIR / "records.sqlite", options.clean, options.workers,
                                  cluster, options.progress, memory.records if memory else None)
            dumps = len(inputs.dumps) + len(inputs.problems)
            gc.freeze()
            watch.lap("reading dumps")
            corpus = build_corpus([p.record for p in loaded.records], features=[p.features for p in loaded.records],
                                  forked=workers > 1)
            gc.freeze()
            watch.lap("grouping stories")
            site = make_site(corpus, config, documents, inputs.templates, inputs.theme, previous, stage, workers,
                             cluster, options.progress, watch.lap, key)
            for path, data in inputs.static.items():
                stage.write(path, data)
            stage.commit(key)
            watch.lap("swapping the site in")
    finally:
        gc.unfreeze()  # `digest serve` builds again in this process
    problems = tuple(inputs.problems) + tuple(loaded.problems) + inputs.static_refused
    warnings = tuple(warning for warning in (stage.warning, site.search.warning, *loaded.warnings) if warning)
    report = BuildReport(dumps, len(corpus.stories), len(site.plan.pages), problems,
                         output, warnings, events=len(corpus.events), rendered=site.rendered)
    try:
        write_output_files(previous.manifest_path, output)
        written = write_manifest(previous.manifest_path, replace(site.manifest, report=report_data(report)), site.details)
    except OSError as error:  # the cache's disk is full or read-only: the site is in place all the same
        written = None
        if not loaded.warnings:  # one warning for the one cause
            report = replace(report, warnings=report.warnings + (_details_unsaved(previous.manifest_path, error),))
    if memory is not None:
        memory.records, memory.manifest = loaded.by_key, written
    _keep_stamps(site_dir, inputs, known)
    watch.lap("writing build details")
    return replace(_as_given(report, site_dir), timings=tuple(watch.laps))


@dataclass(frozen=True)
class SiteOutcome:
    plan: SitePlan
    manifest: Manifest  # what the site was made of, for the next build (its report filled in by the build)
    details: bytes | None  # the manifest's details, encoded while Pagefind ran; None if Pagefind failed
    search: SearchIndex
    rendered: int  # pages rendered by this build; the others were kept from the previous site


def make_site(corpus: Corpus, config: SiteConfig, documents: tuple[MarkdownPage, ...], templates: Path,
              theme: list[bytes], previous: Previous, stage: StagedSite, workers: int = 1, cluster: Any = None,
              progress: Progress | None = None, lap: Callable[[str], None] = lambda stage: None,
              key: str = "") -> SiteOutcome:
    """plan -> decide what to keep from the previous site -> render the rest -> write -> index search.
    Everything is written into `stage` here, by this process; nothing is swapped in yet."""
    from digest.incremental.keys import story_digests
    from digest.incremental.reuse import decide_reuse, reusable_shards
    from digest.runtime.forked import Forked
    from digest.site.feeds import FEED_KINDS, feed_files
    from digest.site.kinds import StoryPage
    from digest.site.plan import plan_site
    from digest.site.render import render_site, site_files
    from digest.site.routes import Routes
    digesting = Forked(partial(story_digests, corpus), enabled=workers > 1)  # beside the plan, on two cores
    plan = plan_site(corpus, config, documents)
    present = stage.mirrored()
    reuse = decide_reuse(plan, digesting.result(), config, theme, previous.manifest, present, workers)
    for path in sorted(reuse.pages | reuse.feeds):
        stage.keep(path)
    lap("planning pages")
    todo = [i for i, page in enumerate(plan.pages) if page.path not in reuse.pages]
    stories = [(page.path, page.story.day) for page in plan.pages if isinstance(page, StoryPage)]
    lookups, indexed = write_pages(stage, render_site(plan, config, reuse.answers, todo, templates, workers, cluster),
                                   {path for path, _ in stories}, len(todo), progress)
    old = previous.manifest
    for path, _ in stories:  # kept: what search reads of it, as the previous build noted or read again
        if path not in indexed:
            indexed[path] = old.indexed.get(path) or indexed_digest(stage.path(path).read_bytes())
    lap("rendering pages")
    search_plan = plan_search(stories, indexed)
    binary = pagefind_binary()
    kept_shards = reusable_shards(search_plan, old, present) if binary else {}
    for path in sorted(path for files in kept_shards.values() for path in files):
        stage.keep(path)
    said = reuse.said | {lookup: answer for found in lookups.values() for lookup, answer in zip(*found)}
    noted = reuse.lookups | {path: found[0] for path, found in lookups.items()}
    # Pagefind runs in its own processes: the feeds, the sitemap and the build's details are made meanwhile.
    with ThreadPoolExecutor(max(1, workers)) as pool:
        linked = link_shards(search_plan, set(search_plan.keys) - set(kept_shards), stage.root) if binary else []
        started = start_indexing(linked, stage.root, binary, pool) if binary else []
        fresh_feeds = [feed for feed in plan.feeds if Routes.feed(feed.folder, FEED_KINDS[0]) not in reuse.feeds]
        for path, data in {**feed_files(fresh_feeds, config), **site_files(plan, config)}.items():
            stage.write(path, data)
        planned = Manifest(key, reuse.keys, search_plan.keys if binary else {}, {}, noted, said, indexed)
        details = encode_details(planned)
        search = SearchIndex(search_plan.keys, len(linked)) if binary else SearchIndex({}, 0, MISSING)
        try:
            for files in bundles(search_plan, started, progress) if binary else ():
                for path, data in files.items():
                    stage.write(path, data)  # a full disk here is the build's error, not search's
        except PagefindError as error:
            search = SearchIndex({}, 0, f"search index not built: {error}")
    lap("search index, feeds, sitemap")
    # The details encoded meanwhile vouch for the shards as planned: not if Pagefind failed.
    return SiteOutcome(plan, replace(planned, search=search.keys), details if search.keys == planned.search else None,
                       search, len(plan.pages) - len(reuse.pages))


def write_pages(stage: StagedSite, pages: Iterable[RenderedPage], stories: set[str], total: int,
                progress: Progress | None = None) -> tuple[dict[str, Recorded], dict[str, str]]:
    """Write each rendered page into the stage; returns what each looked up (those whose lookups
    can be written down) and, for story pages, a digest of what search reads of it."""
    lookups: dict[str, Recorded] = {}
    indexed: dict[str, str] = {}
    same: dict[str, str] = {}  # thousands of pages ask the same questions: keep one copy of each
    for done, page in enumerate(pages, 1):
        stage.write(page.path, page.html)
        if page.lookups is not None:
            lookups[page.path] = tuple(tuple(same.setdefault(t, t) for t in part) for part in page.lookups)  # type: ignore[assignment]
        if page.path in stories:
            indexed[page.path] = indexed_digest(page.html)
        if progress and (done % 100 == 0 or done == total):
            progress("rendering pages", done, total)
    return lookups, indexed


def _keep_stamps(site_dir: Path, inputs: Inputs, known: dict[str, Stamp]) -> None:
    """The dumps' stamps, if they changed, for the next build to read only the dumps that changed.
    Not kept, every dump is read again: slower, never wrong."""
    if inputs.stamps == known:
        return
    try:
        write_stamps(site_dir / CACHE_DIR, inputs.stamps)
    except OSError:
        pass


def _details_unsaved(manifest: Path, error: OSError) -> str:
    return (f"{manifest.parent}: the build's details could not be saved ({error.strerror or error}); "
            "the site is whole, and the next build renders every page again")


def _as_given(report: BuildReport, site_dir: Path) -> BuildReport:
    """The build names dumps inside the site; the user reads them from where the build started."""
    problems = tuple(DumpError(as_given(p.path, site_dir), p.reason, p.line) for p in report.problems)
    return replace(report, problems=problems)
