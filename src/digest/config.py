"""The site config (digest.yaml): a declared schema, validated once, every error reported together.

Each key is declared once with its type, default, check and a hint telling the user what fits;
load_config reports every wrong key in one error rather than stopping at the first.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Callable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from digest.errors import ConfigError
from digest.yamltext import load_yaml

CONFIG_FILE = "digest.yaml"
INDEXES = ("archive", "events", "sources", "people", "organisations", "places", "topics")


@dataclass(frozen=True)
class SiteConfig:
    title: str = "News digest"
    description: str = "Stories gathered from the news, as a static site."
    base_url: str = "http://localhost:8000/"  # feeds and the sitemap need absolute URLs
    language: str = "en"
    timezone: str = "UTC"
    items_per_page: int = 20
    related_items: int = 5  # at most this many related items on a story page
    home_days: int = 3  # the home page shows the stories of this many most recent days
    indexes: tuple[str, ...] = INDEXES
    content_dir: str = "content"
    templates_dir: str = "templates"
    static_dir: str = "static"
    output_dir: str = "build"

    def url(self, path: str) -> str:
        """An absolute URL for an output path; index.html is dropped as hosts serve it for the folder."""
        if path == "index.html" or path.endswith("/index.html"):
            path = path[: -len("index.html")]
        return self.base_url + path


def _is_url(value: Any) -> bool:
    return isinstance(value, str) and re.fullmatch(r"https?://[^\s/]+(/\S*)?", value) is not None


def _is_zone(value: Any) -> bool:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        return False
    return True


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != ""


# key -> (check, hint). Every SiteConfig field has one entry.
CHECKS: dict[str, tuple[Callable[[Any], bool], str]] = {
    "title": (_is_text, "some text, e.g. title: My news digest"),
    "description": (_is_text, "a sentence of text"),
    "base_url": (_is_url, "the address the site is published at, e.g. https://news.example.org/"),
    "language": (lambda v: isinstance(v, str) and re.fullmatch(r"[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*", v) is not None,
                 "a language tag such as en, fr or pt-BR"),
    "timezone": (_is_zone, "an IANA time zone such as UTC, Europe/Paris or Asia/Baku"),
    "items_per_page": (lambda v: isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 1000,
                       "a whole number from 1 to 1000, e.g. items_per_page: 20"),
    "related_items": (lambda v: isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 100,
                      "a whole number from 0 to 100, e.g. related_items: 5"),
    "home_days": (lambda v: isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 366,
                  "a whole number of days from 1 to 366, e.g. home_days: 3"),
    "indexes": (lambda v: isinstance(v, list) and all(i in INDEXES for i in v),
                f"a list drawn from: {', '.join(INDEXES)}"),
    "content_dir": (_is_text, "a folder name inside the site, e.g. content"),
    "templates_dir": (_is_text, "a folder name inside the site, e.g. templates"),
    "static_dir": (_is_text, "a folder name inside the site, e.g. static"),
    "output_dir": (_is_text, "a folder name or path, e.g. build"),
}


def _check(data: dict, path: Path) -> list[str]:
    errors = []
    for key, value in data.items():
        if key not in CHECKS:
            errors.append(f"{path}: unknown key '{key}'; known keys: {', '.join(CHECKS)}")
            continue
        check, hint = CHECKS[key]
        if not check(value):
            errors.append(f"{path}: '{key}' cannot be {value!r}; expected {hint}")
    return errors


def _normalise(data: dict) -> dict:
    data = dict(data)
    if "base_url" in data and not data["base_url"].endswith("/"):
        data["base_url"] += "/"
    if "indexes" in data:
        data["indexes"] = tuple(data["indexes"])
    return data


def load_config(site_dir: Path) -> SiteConfig:
    path = site_dir / CONFIG_FILE
    if not path.exists():
        return SiteConfig()
    try:
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not valid YAML: {error}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected 'key: value' lines at the top level")
    errors = _check(data, path)
    if errors:
        raise ConfigError("\n".join(errors))
    return SiteConfig(**_normalise(data))


def refuse_overlap(content: Path, output: Path) -> None:
    """A build replaces its output folder whole and reads every dump below the content folder: were
    one inside the other, a build would delete the dumps or read its own robots.txt as one."""
    dumps, site = content.resolve(), output.resolve()
    if dumps == site or dumps.is_relative_to(site) or site.is_relative_to(dumps):
        raise ConfigError(f"the content folder {content} and the output folder {output} overlap: a build replaces "
                          "its output whole and would delete your dumps; set output_dir in digest.yaml or --output "
                          "to a folder outside the content folder (the default is build)")


assert set(CHECKS) == {f.name for f in fields(SiteConfig)}, "every config key needs a check and a hint"
