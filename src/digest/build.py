"""The pipeline: read dumps -> load -> corpus -> plan pages -> render -> write.

Only the first step and the last touch the disk; everything between is a pure function.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from digest.config import SiteConfig, load_config
from digest.executor import make_executor
from digest.parse import parse_dumps
from digest.corpus import build_corpus
from digest.errors import DumpError
from digest.records import Corpus, StoryRecord
from digest.incremental import Manifest, Previous, digest_of, manifest_file, page_keys, site_key, story_digests, write_manifest
from digest.inputs import read_inputs
from digest.site.markdown import MarkdownPage
from digest.site.plan import SitePlan, plan_site
from digest.site.render import make_environment, render_site
from digest.site.search import SEARCH_FOLDER, is_indexed, pagefind_binary, search_index
from digest.site.write import remove_output, write_site

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
class SiteFiles:
    files: dict[str, bytes]  # pages, feeds, search index
    plan: SitePlan
    warning: str | None
    page_keys: dict[str, str]
    search_key: str  # "" when no index was built
    reused: int = 0  # pages taken from the previous output instead of rendered


def make_site(corpus: Corpus, config: SiteConfig, documents: tuple[MarkdownPage, ...], templates: Path,
              theme: list[bytes] | None = None, previous: Previous | None = None, workers: int = 1) -> SiteFiles:
    """The site's generated files from a corpus. Pages whose key is the previous build's are taken
    from its output; so is the search index when the pages it indexes are the same."""
    plan = plan_site(corpus, config, documents)
    keys = page_keys(plan, story_digests(corpus), site_key(plan, config, theme or []))
    old = previous.manifest if previous else Manifest()
    reuse = {path: data for path, key in keys.items()
             if old.pages.get(path) == key and previous and (data := previous.file(path)) is not None}
    rendered = render_site(make_environment(templates), plan, config, reuse, workers)
    search_key = digest_of(part for path in sorted(rendered) if is_indexed(path, rendered[path])
                           for part in (path.encode(), rendered[path]))
    index = previous.folder(SEARCH_FOLDER) if previous and old.search and search_key == old.search else {}
    warning = None
    if not index:
        index, warning = search_index(rendered, pagefind_binary())
    return SiteFiles({**rendered, **index}, plan, warning, keys, search_key if index else "", len(reuse))


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
    site = make_site(corpus, config, inputs.documents, inputs.templates, inputs.theme, previous, workers)
    if options.clean:
        remove_output(output)
    write_site(output, {**inputs.static, **site.files}, build_key=inputs.key)
    problems = tuple(inputs.problems) + tuple(load_problems)
    report = BuildReport(len(inputs.dumps) + len(inputs.problems), len(corpus.stories), len(site.plan.pages), problems,
                         output, (site.warning,) if site.warning else (), events=len(corpus.events),
                         rendered=len(site.plan.pages) - site.reused)
    write_manifest(previous.manifest_path, Manifest(inputs.key, site.page_keys, site.search_key, report_data(report)))
    return report
