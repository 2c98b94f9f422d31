"""Pages to bytes through Jinja2: the site's templates first, then the default theme.

An override can extend the template it replaces as "!default/<name>".
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Collection, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

import jinja2
from markupsafe import Markup

from digest.config import SiteConfig
from digest.errors import TemplateError
from digest.site.meta import json_ld, robots, sitemap
from digest.site.pages import Page
from digest.site.plan import SitePlan
from digest.site.lookups import Answers, Recorded, Recorder, Tracked, recorded
from digest.site.routes import relative
from digest.site.theme import theme_dir
from digest.site.taxonomy import human_date

def make_environment(site_templates: Path | None) -> jinja2.Environment:
    theme = jinja2.FileSystemLoader(str(theme_dir() / "templates"))
    loaders: list[jinja2.BaseLoader] = []
    if site_templates is not None and site_templates.is_dir():
        loaders.append(jinja2.FileSystemLoader(str(site_templates)))
    loaders += [theme, jinja2.PrefixLoader({"!default": theme})]
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=jinja2.select_autoescape(["html", "xml"]),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["human_date"] = human_date
    return env


def render_page(env: jinja2.Environment, page: Page, plan: SitePlan, config: SiteConfig,
                recorder: Recorder | None = None) -> bytes:
    """The page's HTML; with a recorder, what the template looked up beyond the page is noted in it."""
    shared: dict = {"plan": plan, "routes": plan.routes, "catalog": plan.catalog}
    if recorder is not None:
        shared = {name: Tracked(value, (name,), recorder) for name, value in shared.items()}
    try:
        template = env.get_template(page.template)
        html = template.render(
            page=page, site=config, **shared,
            link=partial(relative, page.path),
            json_ld=lambda view: Markup(json_ld(view, config)),
        )
    except jinja2.TemplateSyntaxError as error:
        raise TemplateError(f"{error.filename or error.name}:{error.lineno}: {error.message}") from None
    except jinja2.TemplateError as error:
        raise TemplateError(f"template {page.template} (page {page.path}): {error}") from None
    return html.encode("utf-8")


FORK_BELOW = 300  # fewer pages than this render faster here than workers can start


def render_site(env: jinja2.Environment, plan: SitePlan, config: SiteConfig, answers: Answers,
                write: Callable[[str, bytes], None], skip: Collection[str] = (),
                workers: int = 1) -> dict[str, Recorded | None]:
    """Render every page except those in `skip` (unchanged since the previous build) and hand each
    to `write` as it is done, so a large site never waits in memory. Returns what each rendered
    page looked up (see digest.site.lookups)."""
    todo = [i for i, page in enumerate(plan.pages) if page.path not in skip]
    looked_up: dict[str, Recorded | None] = {}
    same: dict[str, str] = {}  # thousands of pages ask the same questions: keep one copy of each
    for i, (html, found) in zip(todo, render_pages(env, plan, config, answers, todo, workers)):
        write(plan.pages[i].path, html)
        looked_up[plan.pages[i].path] = tuple(tuple(same.setdefault(t, t) for t in part) for part in found) if found else None
    return looked_up  # type: ignore[return-value]


def site_files(plan: SitePlan, config: SiteConfig) -> dict[str, bytes]:
    """What every build writes besides the pages: the sitemap and robots.txt."""
    return {"sitemap.xml": sitemap(plan.pages, config), "robots.txt": robots(config)}


Rendered = tuple[bytes, Recorded | None]  # a page's HTML and its lookups
_SHARED: tuple[jinja2.Environment, SitePlan, SiteConfig, Answers] | None = None  # what forked workers render from


def _render_tracked(env: jinja2.Environment, page: Page, plan: SitePlan, config: SiteConfig, answers: Answers) -> Rendered:
    recorder = Recorder(answers)
    return render_page(env, page, plan, config, recorder), recorded(recorder.seen)


def _render_chunk(indices: list[int]) -> list[Rendered]:
    env, plan, config, answers = _SHARED  # type: ignore[misc]
    return [_render_tracked(env, plan.pages[i], plan, config, answers) for i in indices]


def render_pages(env: jinja2.Environment, plan: SitePlan, config: SiteConfig, answers: Answers, todo: list[int],
                 workers: int) -> Iterator[Rendered]:
    """Render the pages at `todo`, in order, spread over forked processes on a large site. Forked
    workers share the plan and the compiled templates with this process instead of receiving them pickled."""
    global _SHARED
    if workers <= 1 or len(todo) < FORK_BELOW or "fork" not in multiprocessing.get_all_start_methods():
        yield from (_render_tracked(env, plan.pages[i], plan, config, answers) for i in todo)
        return
    _SHARED = (env, plan, config, answers)
    try:
        size = max(1, min(50, len(todo) // (workers * 4)))
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            for chunk in pool.map(_render_chunk, [todo[i : i + size] for i in range(0, len(todo), size)]):
                yield from chunk
    finally:
        _SHARED = None
