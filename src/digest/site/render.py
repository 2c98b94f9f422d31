"""Pages to bytes through Jinja2: the site's templates first, then the default theme.

An override can extend the template it replaces as "!default/<name>".
"""
from __future__ import annotations

import html
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from digest.config import SiteConfig
from digest.corpus.people import index_letter
from digest.errors import TemplateError
from digest.runtime.cluster import cluster_map
from digest.runtime.forked import forked_map
from digest.site.archive import month_name, month_of
from digest.site.kinds import Page
from digest.site.lookups import Answers, Recorded, Recorder, recorded
from digest.site.meta import json_ld, robots, sitemap
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


def as_ui_html(value: str) -> str:
    """A filter value as Pagefind's UI needs it. Its UI inserts filter values as HTML (result titles
    and meta as text), and Pagefind decodes a filter's entities twice, the attribute's and once more:
    escaped twice here and once by the template for the attribute, the UI is handed the value
    escaped once, and a source named "<meta http-equiv=refresh ...>" shows as text."""
    return html.escape(html.escape(value))


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


@dataclass(frozen=True, slots=True)
class RenderedPage:
    path: str
    html: bytes
    lookups: Recorded | None  # what its template looked up beyond the page; None if that cannot be written down


@dataclass(frozen=True)
class RenderJob:
    """What a cluster's worker renders pages from: sent to each worker once."""

    templates: TemplateSources
    plan: SitePlan
    config: SiteConfig
    answers: Answers


Renderer = tuple[jinja2.Environment, SitePlan, SiteConfig, Recorder]  # what one process renders with


def renderer_of(job: RenderJob) -> Renderer:
    """On a cluster's worker: the environment compiled and the recorder made once a job."""
    return job.templates.environment(), job.plan, job.config, Recorder(job.answers, roots(job.plan))


def render_at(renderer: Renderer, index: int) -> RenderedPage:
    env, plan, config, recorder = renderer
    page = plan.pages[index]
    html = render_page(env, page, plan, config, recorder)
    return RenderedPage(page.path, html, recorded(recorder.seen))


def render_site(plan: SitePlan, config: SiteConfig, answers: Answers, todo: Sequence[int],
                templates: Path | None, workers: int = 1, cluster: Any = None) -> Iterator[RenderedPage]:
    """The pages at `todo` (indices into plan.pages), in order, with what each looked up (see
    digest.site.lookups): on forked workers that share the plan and the compiled templates on a
    large site, or with a Dask `cluster` (a client) there, from the sources of the site's
    `templates` folder and the theme."""
    if cluster is not None:
        job = RenderJob(TemplateSources.of(templates), plan, config, answers)
        return cluster_map(cluster, job, renderer_of, render_at, todo)
    renderer = (make_environment(templates), plan, config, Recorder(answers, roots(plan)))
    return forked_map(render_at, renderer, todo, workers)


def site_files(plan: SitePlan, config: SiteConfig) -> dict[str, bytes]:
    """What every build writes besides the pages: the sitemap and robots.txt."""
    return {"sitemap.xml": sitemap(plan.pages, config), "robots.txt": robots(config)}
