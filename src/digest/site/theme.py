"""Where the default theme ships: templates and static files inside the package."""
from __future__ import annotations

from importlib import resources
from pathlib import Path


def theme_dir() -> Path:
    return Path(str(resources.files("digest").joinpath("themes/default")))
