"""Read everything a build is made of, in path order so builds do not depend on the file system.

This and the writer are the only steps that touch the disk; the key of all inputs together tells
a rebuild whether anything changed at all.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from digest import __version__
from digest.cache import loader_version
from digest.config import SiteConfig
from digest.errors import DumpError
from digest.incremental import digest_of
from digest.site.markdown import MarkdownPage, parse_pages
from digest.site.render import theme_dir

DUMP_SUFFIXES = (".txt",)
PAGE_SUFFIXES = (".md",)


@dataclass(frozen=True)
class Inputs:
    dumps: list[tuple[str, bytes]]
    problems: list[DumpError]  # dumps that could not be read at all
    documents: tuple[MarkdownPage, ...]
    static: dict[str, bytes]
    templates: Path  # the site's own templates folder (may not exist)
    theme: list[bytes]  # every template the site can use, site's and theme's, path and bytes
    key: str


def read_dumps(content_dir: Path) -> tuple[list[tuple[str, bytes]], list[DumpError]]:
    found, problems = [], []
    if not content_dir.is_dir():
        return [], [DumpError(str(content_dir), "no content folder: put your dumps (.txt files) there")]
    for path in sorted(content_dir.rglob("*")):
        if path.suffix.lower() not in DUMP_SUFFIXES or path.name.startswith(".") or not path.is_file():
            continue
        try:
            found.append((str(path), path.read_bytes()))
        except OSError as error:
            problems.append(DumpError(str(path), f"cannot be read: {error.strerror or error}"))
    return found, problems


def _markdown_files(content_dir: Path) -> list[tuple[str, str]]:
    if not content_dir.is_dir():
        return []
    files = sorted(p for p in content_dir.rglob("*") if p.suffix.lower() in PAGE_SUFFIXES and p.is_file())
    return [(str(path), path.read_text(encoding="utf-8")) for path in files]


def _files(root: Path) -> list[tuple[str, bytes]]:
    if not root.is_dir():
        return []
    return [(path.relative_to(root).as_posix(), path.read_bytes())
            for path in sorted(root.rglob("*")) if path.is_file() and not path.name.startswith(".")]


def read_static(site_static: Path) -> dict[str, bytes]:
    """The theme's assets, then the site's own, which win name by name."""
    return {f"static/{name}": data for root in (theme_dir() / "static", site_static) for name, data in _files(root)}


def read_inputs(site_dir: Path, config: SiteConfig) -> Inputs:
    content = site_dir / config.content_dir
    dumps, problems = read_dumps(content)
    markdown = _markdown_files(content)
    static = read_static(site_dir / config.static_dir)
    templates = site_dir / config.templates_dir
    theme = [part for root in (templates, theme_dir() / "templates") for name, data in _files(root)
             for part in (name.encode(), data)]
    parts = [__version__.encode(), loader_version().encode(), repr(config).encode(), *theme]
    parts += [part for path, data in dumps for part in (path.encode(), data)]
    parts += [part for path, text in markdown for part in (path.encode(), text.encode())]
    parts += [part for path, data in sorted(static.items()) for part in (path.encode(), data)]
    parts += [str(problem).encode() for problem in problems]
    return Inputs(dumps, problems, parse_pages(markdown), static, templates, theme, digest_of(parts))
