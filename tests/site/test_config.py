"""digest.yaml: defaults without a file, every mistake reported at once with its key and a hint."""
from __future__ import annotations

from pathlib import Path

import pytest

from digest.config import SiteConfig, load_config
from digest.errors import ConfigError


def test_no_config_file_gives_defaults(tmp_path: Path) -> None:
    assert load_config(tmp_path) == SiteConfig()


def test_values_are_read_and_base_url_gains_its_slash(tmp_path: Path) -> None:
    (tmp_path / "digest.yaml").write_text(
        "title: Harbour\nbase_url: https://news.example.org/digest\ntimezone: Asia/Baku\n"
        "items_per_page: 5\nindexes: [sources, people]\n")
    config = load_config(tmp_path)
    assert (config.title, config.base_url, config.timezone) == ("Harbour", "https://news.example.org/digest/", "Asia/Baku")
    assert config.items_per_page == 5 and config.indexes == ("sources", "people")
    assert config.url("stories/a/index.html") == "https://news.example.org/digest/stories/a/"


def test_every_error_is_reported_together_with_key_and_hint(tmp_path: Path) -> None:
    (tmp_path / "digest.yaml").write_text(
        "title: 3\nbase_url: news.example.org\ntimezone: Mars/Olympus\nitems_per_page: zero\n"
        "indexes: [sources, tags]\ncolour: blue\n")
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    lines = str(caught.value).splitlines()
    assert len(lines) == 6
    text = str(caught.value)
    assert "'base_url' cannot be 'news.example.org'; expected the address the site is published at" in text
    assert "'timezone' cannot be 'Mars/Olympus'; expected an IANA time zone" in text
    assert "'items_per_page' cannot be 'zero'; expected a whole number from 1 to 1000" in text
    assert "'indexes' cannot be ['sources', 'tags']; expected a list drawn from: archive, events" in text
    assert "unknown key 'colour'" in text and "'title' cannot be 3" in text
    assert all(line.startswith(str(tmp_path / "digest.yaml")) for line in lines)


def test_yes_is_not_a_number_of_items(tmp_path: Path) -> None:
    (tmp_path / "digest.yaml").write_text("items_per_page: yes\n")
    with pytest.raises(ConfigError, match="items_per_page"):
        load_config(tmp_path)


def test_yaml_aliases_in_the_config_are_refused_naming_the_file(tmp_path: Path) -> None:
    from tests.site.test_markdown import alias_bomb
    (tmp_path / "digest.yaml").write_text(alias_bomb("title"))
    with pytest.raises(ConfigError, match=rf"^{tmp_path / 'digest.yaml'}: not valid YAML: aliases \(\*a0\) are not allowed(.|\n)*line 2"):
        load_config(tmp_path)
