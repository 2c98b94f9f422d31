"""Outlets: who carried a story, by the name readers know it by.

Pages name their outlet many ways: a masthead ("NYP Holdings" in the copyright line), a title's
suffix ("New York Post"), an address ("nypost.com"), in odd case ("The Jerusalem post"). One table
(outlets.yaml) maps every known form to the outlet's name; a name not in it is kept as the page
gives it, cleaned. What is never an outlet (a date, a section or show name, a lone masthead word) is
no name at all, so the next candidate (the page's publisher, the dateline's agency) is taken.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from digest.lexicon.text import fold, headline_tail
from digest.records import StoryRecord
from digest.yamltext import data_yaml

_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?")
# "Feb. 1, 2016", "October 25, 2019", "25 October": a date, or a name run on into one
_DATE = re.compile(rf"\b{_MONTH} \d{{1,2}}\b|\b\d{{1,2}} {_MONTH}|\b(?:19|20)\d\d\b|^\d")
# a separator left at an end of the name ("痞客邦 PIXNET ::", ":: Site"), set off by a space
_EDGES = re.compile(r"^[:|·•»«–—-]+\s+|\s+[:|·•»«–—-]+$")
_BREADCRUMB = re.compile(r" (?:/|>|›|») ")  # "Culture / Next": a page's trail of sections


@dataclass(frozen=True, slots=True)
class OutletTable:
    names: dict[str, str]  # folded form, name or domain -> the outlet's name
    not_outlets: frozenset[str]  # folded
    lone_words: frozenset[str]  # folded


def _key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).casefold().replace("’", "'").split())


@cache
def table() -> OutletTable:
    data = data_yaml(resources.files("digest.lexicon").joinpath("outlets.yaml").read_text(encoding="utf-8"))
    names: dict[str, str] = {}
    for outlet in data["outlets"]:
        for form in (outlet["name"], *outlet.get("forms", ()), *outlet.get("domains", ())):
            names.setdefault(_key(form), outlet["name"])
    return OutletTable(names, frozenset(map(_key, data["not_outlets"])), frozenset(map(_key, data["lone_masthead_words"])))


def _clean(name: str) -> str:
    name = _EDGES.sub("", " ".join(unicodedata.normalize("NFKC", name).split()))
    return name[4:] if name.casefold().startswith("www.") else name


def _known(name: str, known: OutletTable) -> str | None:
    key = _key(name)
    return known.names.get(key) or known.names.get(key.rstrip("."))


def _without_section(name: str, known: OutletTable) -> str | None:
    """"CNN Politics", "RT World News": a known outlet with a section's name after it."""
    words = name.split()
    for cut in range(len(words) - 1, 0, -1):
        if _key(" ".join(words[cut:])) in known.not_outlets and (outlet := _known(" ".join(words[:cut]), known)):
            return outlet
    return None


def outlet_name(raw: str | None) -> str | None:
    """The outlet's name for a name a page gives, or None when that name is no outlet's."""
    if not raw:
        return None
    known = table()
    name = _clean(raw)
    if not name:
        return None
    outlet = _known(name, known) or _without_section(name, known)
    if outlet:
        return outlet
    key = _key(name)
    if key in known.not_outlets or key.rstrip(".") in known.not_outlets or key in known.lone_words \
            or _DATE.search(name) or _BREADCRUMB.search(name) or not any(ch.isalpha() for ch in name):
        return None
    return name[:-1] if _SENTENCE_DOT.search(name) else name


_SENTENCE_DOT = re.compile(r"\b[A-Za-z][a-z]{3,}\.$")  # "The Atlantic." ends a sentence; "Inc.", "City A.M." keep theirs


def known_outlet(name: str | None) -> str | None:
    """The outlet's name when the table knows this one ("The Associated Press"), else None: for
    telling an outlet from a person in a byline, where an unknown name is a person's."""
    if not name:
        return None
    known = table()
    cleaned = _clean(name)
    return _known(cleaned, known) or _without_section(cleaned, known)


def outlet(record: StoryRecord) -> str | None:
    agency = record.dateline.agency.strip("() ") if record.dateline and record.dateline.agency else None
    tail = None if record.headline_inferred else headline_tail(record.headline)
    for candidate in (record.source, agency, record.publisher, tail):
        if name := outlet_name(candidate):
            return name
    return None


def outlets(records: Iterable[StoryRecord]) -> tuple[str, ...]:
    """Each outlet once (compared without case), in the order of the records given."""
    seen: dict[str, str] = {}
    for record in records:
        name = outlet(record)
        if name:
            seen.setdefault(fold(name), name)
    return tuple(seen.values())
