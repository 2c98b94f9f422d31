"""Markdown pages (content/*.md with YAML front matter) to static pages, through python-markdown.

The page's author wrote the Markdown, so its HTML is trusted; the front matter is checked and a
mistake names the file and the line.
"""
from __future__ import annotations

from dataclasses import dataclass

import markdown
import yaml

from digest.errors import DigestError
from digest.site.routes import RESERVED, slug_of
from digest.yamltext import load_yaml

FENCE = "---"
KNOWN = {"title", "slug", "description", "order"}


class ContentError(DigestError):
    """A Markdown page the site's author wrote is wrong; names the file and the line."""


@dataclass(frozen=True, slots=True)
class MarkdownPage:
    source: str  # the file it came from, for errors
    slug: str
    title: str
    description: str
    order: int  # place in the footer's list of pages
    html: str


def split_front_matter(path: str, text: str) -> tuple[dict, str, int]:
    """(front matter, body, line the body starts on). The front matter is required: it holds the title."""
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != FENCE:
        raise ContentError(f"{path}:1: a Markdown page starts with front matter between '---' lines (title: ...)")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == FENCE)
    except StopIteration:
        raise ContentError(f"{path}:1: the front matter is not closed by a '---' line") from None
    try:
        meta = load_yaml("\n".join(lines[1:end])) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        raise ContentError(f"{path}:{line}: front matter is not valid YAML: {getattr(error, 'problem', error)}") from None
    if not isinstance(meta, dict):
        raise ContentError(f"{path}:2: front matter must be 'key: value' lines")
    return meta, "\n".join(lines[end + 1:]), end + 2


def parse_page(path: str, text: str) -> MarkdownPage:
    meta, body, _ = split_front_matter(path, text)
    problems = [f"unknown key '{k}' (known: {', '.join(sorted(KNOWN))})" for k in sorted(meta) if k not in KNOWN]
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.append("'title' is required: the page's heading, e.g. title: About this site")
    if not isinstance(meta.get("order", 0), int):
        problems.append("'order' must be a whole number")
    if problems:
        raise ContentError("\n".join(f"{path}: {p}" for p in problems))
    slug = slug_of(str(meta.get("slug") or title), "page")
    if slug in RESERVED or slug.isdigit():
        raise ContentError(f"{path}: the slug '{slug}' is used by digest's own pages; set another with slug: ...")
    html = markdown.markdown(body, extensions=["extra", "sane_lists"], output_format="html")
    return MarkdownPage(path, slug, title.strip(), str(meta.get("description") or ""), meta.get("order", 0), html)


def parse_pages(files: list[tuple[str, str]]) -> tuple[MarkdownPage, ...]:
    pages = sorted((parse_page(path, text) for path, text in files), key=lambda p: (p.order, p.title, p.slug))
    seen: dict[str, str] = {}
    for page in pages:
        if page.slug in seen:
            raise ContentError(f"{page.source}: slug '{page.slug}' is taken by {seen[page.slug]}; set slug: ...")
        seen[page.slug] = page.source
    return tuple(pages)
