"""YAML as digest reads the user's files (digest.yaml, a page's front matter): safe types only, and
no aliases. An alias repeats a node by reference; a few hundred bytes of aliases of aliases (an
"alias bomb") expand to billions of values once anything walks them, and neither file needs one.
And YAML as digest reads its own data files (patterns, outlets), fast."""
from __future__ import annotations

from typing import Any

import yaml


class _NoAliasLoader(yaml.SafeLoader):
    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, f"aliases (*{event.anchor}) are not allowed; "
                                              "write the value out", event.start_mark)
        return super().compose_node(parent, index)


def data_yaml(text: str) -> Any:
    """One of digest's own data files, read by libyaml where PyYAML was built with it: the same data
    as yaml.safe_load, several times faster (patterns.yaml alone took a quarter second in pure
    Python, and every build that parses a dump reads it)."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 (a safe loader)


def load_yaml(text: str) -> Any:
    """The text's data, or yaml.YAMLError (with the place of the fault) for bad YAML or an alias."""
    return yaml.load(text, Loader=_NoAliasLoader)  # noqa: S506 (a SafeLoader)
