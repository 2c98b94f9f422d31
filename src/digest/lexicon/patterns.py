"""patterns.yaml and pycountry, compiled once into the lookups the corpus steps use."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import pycountry

from digest.lexicon.names import NameIndex, name_index
from digest.lexicon.text import fold
from digest.yamltext import data_yaml

DEMONYM_SUFFIXES = ("i", "n", "an", "ian", "ese")


@dataclass(frozen=True, eq=False)
class CorpusPatterns:
    title_words: frozenset[str]
    courtesy_words: frozenset[str]
    stopwords: frozenset[str]
    countries: dict[str, str]  # folded name, alias or adjective -> display name of the country
    country_index: NameIndex  # the same, for finding them in text
    untelling: frozenset[str]  # stopwords and country words: no story's telling words


def _country_names(display: dict[str, str]) -> dict[str, str]:
    """Names and adjectives ("Azerbaijan", "Azerbaijani", "Chinese") of every country pycountry knows.

    Adjectives from the name less its last vowel come first: "Nigerian" is Nigeria's, not Niger's.
    """
    names: dict[str, str] = {}
    shown_names = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        shown = display.get(country.name) or getattr(country, "common_name", None) or country.name
        shown_names.append(shown)
        for form in (country.name, shown):
            names.setdefault(fold(form), shown)
    for shown in shown_names:
        base = shown.split(",")[0]
        if base[-1] in "aeoy":
            for suffix in ("",) * (base[-1] == "y") + DEMONYM_SUFFIXES:
                names.setdefault(fold(base[:-1] + suffix), shown)
    for shown in shown_names:
        for suffix in DEMONYM_SUFFIXES:
            names.setdefault(fold(shown.split(",")[0] + suffix), shown)
    return names


@cache
def patterns() -> CorpusPatterns:
    data = data_yaml(resources.files("digest.lexicon").joinpath("patterns.yaml").read_text("utf-8"))
    display = data["country_display"]
    countries = _country_names(display)
    for alias, name in data["country_aliases"].items():
        countries[fold(alias).rstrip(".")] = display.get(name) or countries.get(fold(name), name)
    stopwords = frozenset(fold(data["stopwords"]).split())
    return CorpusPatterns(
        title_words=frozenset(fold(data["title_words"]).split()) | frozenset(fold(data["courtesy_words"]).split()),
        courtesy_words=frozenset(fold(data["courtesy_words"]).split()),
        stopwords=stopwords,
        countries=countries,
        country_index=name_index(countries),
        untelling=stopwords | countries.keys(),
    )
