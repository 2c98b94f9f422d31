"""Pages to bytes through Jinja2: the site's templates first, then the default theme.

An override can extend the template it replaces as "!default/<name>".
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Collection, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import jinja2
from markupsafe import Markup

from digest.config import SiteConfig
from digest.corpus.people import index_letter
from digest.errors import TemplateError
from digest.output.search import as_ui_html
from digest.site.archive import month_name, month_of
from digest.site.lookups import Answers, Recorded, Recorder, recorded
from digest.site.meta import json_ld, robots, sitemap
from digest.site.pages import Page
from digest.site.plan import SitePlan
from digest.site.routes import NOT_FOUND, relative, rooted
from digest.site.taxonomy import human_date
from digest.site.theme import theme_dir


def make_environment(site_templates: Path | None) -> jinja2.Environment:
    site = jinja2.FileSystemLoader(str(site_templates)) if site_templates is not None and site_templates.is_dir() else None
    return _environment(site, jinja2.FileSystemLoader(str(theme_dir() / "templates")))


@dataclass(frozen=True)
class TemplateSources:
    """Every template a site can use, as text: what a Dask worker on another machine renders with."""

    site: dict[str, str]  # name -> source, of the site's own templates folder
    theme: dict[str, str]  # of the default theme

    @classmethod
    def of(cls, site_templates: Path | None) -> "TemplateSources":
        def read(folder: Path) -> dict[str, str]:
            loader = jinja2.FileSystemLoader(str(folder))  # read as the build's own environment reads them
            return {name: loader.get_source(jinja2.Environment(), name)[0] for name in loader.list_templates()}
        site = read(site_templates) if site_templates is not None and site_templates.is_dir() else {}
        return cls(site, read(theme_dir() / "templates"))

    def environment(self) -> jinja2.Environment:
        """The same environment as make_environment's, its loaders reading these sources."""
        return _environment(jinja2.DictLoader(self.site) if self.site else None, jinja2.DictLoader(self.theme))


def _environment(site: jinja2.BaseLoader | None, theme: jinja2.BaseLoader) -> jinja2.Environment:
    """The site's templates first, then the theme's, which an override extends as "!default/<name>"."""
    loaders = ([site] if site is not None else []) + [theme, jinja2.PrefixLoader({"!default": theme})]
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=jinja2.select_autoescape(["html", "xml"]),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["human_date"] = human_date
    env.filters["search_filter"] = as_ui_html
    env.filters["month_name"] = month_name
    env.filters["month_of"] = month_of
    env.filters["index_letter"] = index_letter  # the People index's A-Z
    return env


def roots(plan: SitePlan) -> dict[str, Any]:
    """What a template may look up beyond its page."""
    return {"plan": plan, "routes": plan.routes, "catalog": plan.catalog}


def render_page(env: jinja2.Environment, page: Page, plan: SitePlan, config: SiteConfig,
                recorder: Recorder | None = None) -> bytes:
    """The page's HTML; with a recorder, what the template looked up beyond the page is noted in it."""
    shared = recorder.start() if recorder is not None else roots(plan)
    try:
        template = env.get_template(page.template)
        html = template.render(
            page=page, site=config, **shared,
            # the 404 page is served at every missing address, at any depth: its links start at the root
            link=partial(rooted, config.base_url) if page.path == NOT_FOUND else partial(relative, page.path),
            json_ld=lambda view: Markup(json_ld(view, config)),
        )
    except jinja2.TemplateSyntaxError as error:
        raise TemplateError(f"{error.filename or error.name}:{error.lineno}: {error.message}") from None
    except jinja2.TemplateError as error:
        raise TemplateError(f"template {page.template} (page {page.path}): {error}") from None
    return html.encode("utf-8")


FORK_BELOW = 300  # fewer pages than this render faster here than workers can start
Note = TypeVar("Note")  # what `write` tells of a page it wrote: small, it travels back from a worker


def render_site(env: jinja2.Environment, plan: SitePlan, config: SiteConfig, answers: Answers,
                write: Callable[[str, bytes], Note], skip: Collection[str] = (), workers: int = 1,
                progress: Callable[[int, int], None] | None = None, cluster: Any = None,
                templates: Path | None = None) -> dict[str, tuple[Recorded | None, Note]]:
    """Render every page except those in `skip` (unchanged since the previous build) and hand each to
    `write` where it was rendered, in a worker process on a large site: pages never travel between
    processes or wait in memory, and writing them is spread over the cores too. With a Dask
    `cluster` (a client), the pages are rendered there from the sources of `env`'s templates (the
    site's `templates` folder and the theme) and written here. Returns, per page, what it looked up
    (see digest.site.lookups) and what `write` noted of it."""
    todo = [i for i, page in enumerate(plan.pages) if page.path not in skip]
    done: dict[str, tuple[Recorded | None, Note]] = {}
    same: dict[str, str] = {}  # thousands of pages ask the same questions: keep one copy of each
    rendered = (render_pages(env, plan, config, answers, write, todo, workers) if cluster is None
                else render_on_cluster(cluster, RenderJob(TemplateSources.of(templates), plan, config, answers), write, todo))
    for i, (found, note) in zip(todo, rendered):
        done[plan.pages[i].path] = (tuple(tuple(same.setdefault(t, t) for t in part) for part in found) if found else None,
                                    note)
        if progress and (len(done) % 100 == 0 or len(done) == len(todo)):
            progress(len(done), len(todo))
    return done  # type: ignore[return-value]


def site_files(plan: SitePlan, config: SiteConfig) -> dict[str, bytes]:
    """What every build writes besides the pages: the sitemap and robots.txt."""
    return {"sitemap.xml": sitemap(plan.pages, config), "robots.txt": robots(config)}


Written = tuple[Recorded | None, Any]  # a page's lookups and what `write` noted of it
_SHARED: tuple | None = None  # what forked workers render from: (env, plan, config, recorder, write)


def _render_and_write(env: jinja2.Environment, page: Page, plan: SitePlan, config: SiteConfig, recorder: Recorder,
                      write: Callable[[str, bytes], Any]) -> Written:
    html = render_page(env, page, plan, config, recorder)
    return recorded(recorder.seen), write(page.path, html)


@dataclass(frozen=True)
class RenderJob:
    """What a cluster's worker renders pages from: sent to each worker once."""

    templates: TemplateSources
    plan: SitePlan
    config: SiteConfig
    answers: Answers


CLUSTER_CHUNK = 100  # pages a cluster task renders: enough to outweigh the task's own cost

_job: tuple[RenderJob, jinja2.Environment, Recorder] | None = None  # on a worker: the job it renders


def render_on_cluster(cluster: Any, job: RenderJob, write: Callable[[str, bytes], Any], todo: list[int]) -> Iterator[Written]:
    """Render the pages at `todo` on a Dask cluster, in order; each comes back as HTML and is
    written here, since the workers may be other machines."""
    shared = cluster.scatter(job, broadcast=True, hash=False)  # no key from the whole plan's contents
    tasks = [cluster.submit(_render_remote, shared, todo[i : i + CLUSTER_CHUNK], pure=False)
             for i in range(0, len(todo), CLUSTER_CHUNK)]
    for task in tasks:
        for path, html, found in task.result():
            yield found, write(path, html)


def _render_remote(job: RenderJob, indices: list[int]) -> list[tuple[str, bytes, Recorded | None]]:
    """On a worker: the environment is compiled and the recorder made once per job, not per task."""
    global _job
    if _job is None or _job[0] is not job:
        _job = (job, job.templates.environment(), Recorder(job.answers, roots(job.plan)))
    _, env, recorder = _job
    out = []
    for i in indices:
        page = job.plan.pages[i]
        html = render_page(env, page, job.plan, job.config, recorder)
        out.append((page.path, html, recorded(recorder.seen)))
    return out


def _render_chunk(indices: list[int]) -> list[Written]:
    env, plan, config, recorder, write = _SHARED  # type: ignore[misc]
    return [_render_and_write(env, plan.pages[i], plan, config, recorder, write) for i in indices]


def render_pages(env: jinja2.Environment, plan: SitePlan, config: SiteConfig, answers: Answers,
                 write: Callable[[str, bytes], Any], todo: list[int], workers: int) -> Iterator[Written]:
    """Render and write the pages at `todo`, in order, spread over forked processes on a large site.
    Forked workers share the plan, the compiled templates and `write` with this process instead of
    receiving them pickled."""
    global _SHARED
    recorder = Recorder(answers, roots(plan))
    if workers <= 1 or len(todo) < FORK_BELOW or "fork" not in multiprocessing.get_all_start_methods():
        yield from (_render_and_write(env, plan.pages[i], plan, config, recorder, write) for i in todo)
        return
    _SHARED = (env, plan, config, recorder, write)
    try:
        size = max(1, min(50, len(todo) // (workers * 4)))
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            for chunk in pool.map(_render_chunk, [todo[i : i + size] for i in range(0, len(todo), size)]):
                yield from chunk
    finally:
        _SHARED = None
