"""The pipeline: read dumps -> load -> corpus -> plan pages -> render -> write.

Only the first step and the last touch the disk; everything between is a pure function.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from digest.config import SiteConfig, load_config
from digest.corpus import build_corpus
from digest.errors import DigestError, DumpError
from digest.inputs import content_files, read_page_text
from digest.loader import load_dump
from digest.records import Corpus, StoryRecord
from digest.site.markdown import MarkdownPage, parse_pages
from digest.site.plan import SitePlan, plan_site
from digest.site.render import make_environment, render_site, theme_dir
from digest.site.search import pagefind_binary, search_index
from digest.site.write import remove_output, write_site

DUMP_SUFFIXES = (".txt",)
PAGE_SUFFIXES = (".md",)


@dataclass(frozen=True)
class BuildOptions:
    site_dir: Path = Path(".")
    output: Path | None = None  # default: the config's output_dir inside the site
    clean: bool = False  # delete the previous output before writing, rather than swapping it out
    # told (stage, done, total) as long stages advance, so a command line can draw a progress bar
    progress: Callable[[str, int, int], None] | None = field(default=None, compare=False)
    # dump -> record; `digest serve` passes a caching one so a rebuild reloads only changed dumps
    load: Callable[[str, bytes], StoryRecord] = field(default=load_dump, compare=False)


@dataclass(frozen=True)
class BuildReport:
    dumps: int
    stories: int
    pages: int
    problems: tuple[DumpError, ...]
    output: Path
    warnings: tuple[str, ...] = ()  # the site is complete but lacks something, e.g. search
    events: int = 0


def read_dumps(content_dir: Path) -> tuple[list[tuple[str, bytes]], list[DumpError]]:
    """Every dump under content/, in path order so builds do not depend on the file system."""
    found = []
    if not content_dir.is_dir():
        return [], [DumpError(str(content_dir), "no content folder: put your dumps (.txt files) there")]
    paths, problems = content_files(content_dir, DUMP_SUFFIXES)
    for path in paths:
        try:
            found.append((str(path), path.read_bytes()))
        except OSError as error:
            problems.append(DumpError(str(path), f"cannot be read: {error.strerror or error}"))
    return found, problems


def read_markdown(content_dir: Path) -> tuple[MarkdownPage, ...]:
    """The site's own pages (content/*.md), which the author wrote and digest renders as they are."""
    files, refused = content_files(content_dir, PAGE_SUFFIXES)
    if refused:  # the author's own page, like a template: an error to fix, not a page to drop
        raise DigestError(str(refused[0]))
    return parse_pages([(str(path), read_page_text(path)) for path in files])


def read_static(site_static: Path) -> dict[str, bytes]:
    """The theme's assets, then the site's own, which win name by name."""
    files: dict[str, bytes] = {}
    for root in (theme_dir() / "static", site_static):
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                if path.is_file() and not path.name.startswith("."):
                    files["static/" + path.relative_to(root).as_posix()] = path.read_bytes()
    return files


def load_records(dumps: list[tuple[str, bytes]], progress=None, load=load_dump) -> tuple[list[StoryRecord], list[DumpError]]:
    records, problems = [], []
    for done, (path, data) in enumerate(dumps, 1):
        try:
            records.append(load(path, data))
        except DumpError as error:
            problems.append(error)
        if progress:
            progress("reading dumps", done, len(dumps))
    return records, problems


def make_site(corpus: Corpus, config: SiteConfig, documents: tuple[MarkdownPage, ...],
              templates: Path) -> tuple[dict[str, bytes], SitePlan, str | None]:
    """The site's generated files (pages, feeds, search index) from a corpus; pure but for Pagefind."""
    plan = plan_site(corpus, config, documents)
    rendered = render_site(make_environment(templates), plan, config)
    index, warning = search_index(rendered, pagefind_binary())
    return {**rendered, **index}, plan, warning


def build(options: BuildOptions) -> BuildReport:
    site_dir = options.site_dir
    config = load_config(site_dir)
    dumps, read_problems = read_dumps(site_dir / config.content_dir)
    documents = read_markdown(site_dir / config.content_dir)
    static = read_static(site_dir / config.static_dir)
    records, load_problems = load_records(dumps, options.progress, options.load)
    corpus = build_corpus(records)
    files, plan, warning = make_site(corpus, config, documents, site_dir / config.templates_dir)
    output = options.output or site_dir / config.output_dir
    if options.clean:
        remove_output(output)
    write_site(output, {**static, **files})
    problems = tuple(read_problems + load_problems)
    return BuildReport(len(dumps) + len(read_problems), len(corpus.stories), len(plan.pages), problems, output,
                       (warning,) if warning else (), events=len(corpus.events))
