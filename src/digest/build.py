"""The pipeline: read dumps -> load -> corpus -> plan pages -> render -> write.

Only the first step and the last touch the disk; everything between is a pure function.
"""
from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from digest.config import SiteConfig, load_config, refuse_overlap
from digest.errors import DumpError
from digest.incremental.manifest import (
    Manifest,
    Previous,
    encode_details,
    manifest_file,
    write_manifest,
    write_output_files,
)
from digest.inputs import as_given, read_inputs
from digest.output.lock import output_lock
from digest.output.staging import LOCK_WAIT_SECONDS, staged_site
from digest.records import Parsed

if TYPE_CHECKING:  # loaded only when a build has work (see build)
    from digest.site.make import SiteOutcome

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


def read_records(dumps: list[tuple[str, bytes]], site_dir: Path, options: BuildOptions,
                 cluster: Any = None) -> tuple[list[Parsed], list[DumpError], list[str]]:
    """Parsed records: from the cache where the dump and the parser are unchanged, else parsed by
    workers (on the Dask cluster, given a client of one: digest.runtime.executors.cluster_client); with the
    dumps that are none, and a warning if the cache could not be used."""
    from digest.parse import forget_recent, parse_dumps
    from digest.runtime.executors import make_executor
    cache_file = site_dir / CACHE_DIR / "records.sqlite"
    if options.clean:
        forget_recent(cache_file)
        try:
            cache_file.unlink(missing_ok=True)
        except OSError:
            pass  # a cache that cannot be removed cannot be used either: parse_dumps says so
    warnings: list[str] = []
    with make_executor(options.workers, cluster) as (executor, workers):
        parsed, problems = parse_dumps(dumps, cache_file, executor, workers, options.progress, warnings.append)
    return parsed, problems, warnings


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
    site_dir = options.site_dir
    inputs = read_inputs(site_dir, config)
    previous = Previous.of(output, manifest_file(site_dir / CACHE_DIR, output), clean=options.clean)
    watch.lap("reading inputs")
    if previous.built_from(inputs.key):  # nothing changed since this output was built
        return replace(_as_given(report_of(previous.report, output), site_dir), timings=tuple(watch.laps))
    # The corpus stage and the renderer load only now: a rebuild with nothing to do should not
    # spend a third of a second importing them.
    from digest.corpus import build_corpus
    from digest.runtime.executors import cluster_client
    from digest.site.make import make_site
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
            parsed, load_problems, cache_warnings = read_records(inputs.dumps, site_dir, options, cluster)
            gc.freeze()
            watch.lap("reading dumps")
            corpus = build_corpus([p.record for p in parsed], features=[p.features for p in parsed], forked=workers > 1)
            gc.freeze()
            watch.lap("grouping stories")
            # The build's details are encoded while Pagefind runs; written once the site is swapped in.
            encoded: list[tuple[SiteOutcome, bytes]] = []
            site = make_site(corpus, config, documents, inputs.templates, inputs.theme, previous, stage, workers,
                             options.progress, watch.lap,
                             lambda planned: encoded.append((planned, encode_details(_manifest(inputs.key, planned)))),
                             cluster)
            for path, data in inputs.static.items():
                stage.write(path, data)
            stage.commit(inputs.key)
            watch.lap("swapping the site in")
    finally:
        gc.unfreeze()  # `digest serve` builds again in this process
    problems = tuple(inputs.problems) + tuple(load_problems) + inputs.static_refused
    warnings = tuple(warning for warning in (stage.warning, site.search.warning, *cache_warnings) if warning)
    report = BuildReport(len(inputs.dumps) + len(inputs.problems), len(corpus.stories), len(site.plan.pages), problems,
                         output, warnings, events=len(corpus.events), rendered=site.rendered)
    # Encoded while Pagefind ran, the details hold if the index came out as planned (Pagefind did not fail).
    details = next((data for planned, data in encoded if planned.search is site.search), None)
    try:
        write_output_files(previous.manifest_path, output)
        write_manifest(previous.manifest_path, _manifest(inputs.key, site, report_data(report)), details)
    except OSError as error:  # the cache's disk is full or read-only: the site is in place all the same
        if not cache_warnings:  # one warning for the one cause
            report = replace(report, warnings=report.warnings + (_details_unsaved(previous.manifest_path, error),))
    watch.lap("writing build details")
    return replace(_as_given(report, site_dir), timings=tuple(watch.laps))


def _details_unsaved(manifest: Path, error: OSError) -> str:
    return (f"{manifest.parent}: the build's details could not be saved ({error.strerror or error}); "
            "the site is whole, and the next build renders every page again")


def _manifest(key: str, site: SiteOutcome, report: dict | None = None) -> Manifest:
    return Manifest(key, site.keys, site.search.keys, report or {}, site.lookups, site.answers, site.indexed)


def _as_given(report: BuildReport, site_dir: Path) -> BuildReport:
    """The build names dumps inside the site; the user reads them from where the build started."""
    problems = tuple(DumpError(as_given(p.path, site_dir), p.reason, p.line) for p in report.problems)
    return replace(report, problems=problems)
