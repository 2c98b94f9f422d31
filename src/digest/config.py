"""The site config (digest.yaml): a declared schema, validated once, every error reported together."""
from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

import yaml

from digest.errors import ConfigError

CONFIG_FILE = "digest.yaml"


@dataclass(frozen=True)
class SiteConfig:
    title: str = "News digest"
    description: str = "Stories gathered from the news, as a static site."
    base_url: str = ""
    language: str = "en"
    content_dir: str = "content"
    templates_dir: str = "templates"
    static_dir: str = "static"
    output_dir: str = "build"


def _check(data: dict, path: Path) -> list[str]:
    known = {f.name: f for f in fields(SiteConfig)}
    errors = []
    for key, value in data.items():
        if key not in known:
            errors.append(f"{path}: unknown key '{key}' (known keys: {', '.join(sorted(known))})")
        elif not isinstance(value, str):
            errors.append(f"{path}: '{key}' must be text, got {type(value).__name__} {value!r}")
    return errors


def load_config(site_dir: Path) -> SiteConfig:
    path = site_dir / CONFIG_FILE
    if not path.exists():
        return SiteConfig()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not valid YAML: {error}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected 'key: value' lines at the top level")
    errors = _check(data, path)
    if errors:
        raise ConfigError("\n".join(errors))
    return SiteConfig(**data)
