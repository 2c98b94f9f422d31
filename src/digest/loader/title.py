"""The page's title line: the headline without its site suffix, and the site it names.

Browsers save the HTML <title> as the dump's first line: "Headline - Reuters", "Headline | Hosted",
"Headline : CityAM", "Headline | UK News | Sky News". The last short part is the publisher; short
parts before it are site sections ("UK News") and go too. Some sites put their name first
("Kestrel Daily | Headline"): a short title-case first part before a long one.
"""
from __future__ import annotations

from dataclasses import dataclass

from digest.loader.patterns import Patterns


@dataclass(frozen=True, slots=True)
class Title:
    headline: str
    publisher: str | None
    site_first: bool = False  # the site's name stood before the headline: the page must confirm it


def _split_last(text: str, patterns: Patterns) -> tuple[str, str] | None:
    """(rest, last part) at the right-most separator, when the last part is short enough for a site."""
    best = max(((text.rfind(sep), sep) for sep in patterns.title_separators), default=(-1, ""))
    at, sep = best
    if at <= 0:
        return None
    rest, last = text[:at].strip(), text[at + len(sep) :].strip()
    if not rest or not last or len(last.split()) > patterns.max_site_words or not _looks_like_name(last):
        return None
    return rest, last


MIN_HEADLINE_WORDS = 4  # with the site's name first, what follows must read as a headline


def _split_first(text: str, patterns: Patterns) -> tuple[str, str] | None:
    """(site, rest) at the left-most separator: "Kestrel Daily | Mine reopening brings 600 jobs"."""
    found = [(at, sep) for sep in patterns.title_separators if (at := text.find(sep)) > 0]
    if not found:
        return None
    at, sep = min(found)
    first, rest = text[:at].strip(), text[at + len(sep) :].strip()
    if len(first.split()) > patterns.max_site_words or not _is_title_case(first):
        return None
    return (first, rest) if len(rest.split()) >= MIN_HEADLINE_WORDS else None


def without_section(title: Title, patterns: Patterns) -> str | None:
    """The headline without a longer last part ("... — Russian Politics & Diplomacy"): a section
    only if the page prints the headline without it, which the caller checks."""
    split = _split_last(title.headline, patterns)
    return split[0] if split and len(split[0].split()) >= MIN_HEADLINE_WORDS else None


MAX_LABEL_WORDS = 2  # "Opinion", "Live updates", "Book review"


def without_label(title: Title, patterns: Patterns) -> str | None:
    """The headline without a short label before it ("Opinion | Four-day school weeks ..."): a label
    only if the page prints the headline without it, which the caller checks."""
    found = [(at, sep) for sep in patterns.title_separators if (at := title.headline.find(sep)) > 0]
    if not found:
        return None
    at, sep = min(found)
    label, rest = title.headline[:at].strip(), title.headline[at + len(sep) :].strip()
    if len(label.split()) > MAX_LABEL_WORDS or not label[:1].isupper() or len(rest.split()) < MIN_HEADLINE_WORDS:
        return None
    return rest


def parse_title(text: str, patterns: Patterns) -> Title:
    split = _split_last(text, patterns)
    if split is None:
        first = _split_first(text, patterns)
        return Title(first[1], first[0], site_first=True) if first else Title(text, None)
    headline, publisher = split
    # A second short part is a section of the site ("UK News"), when the headline stays long.
    section = _split_last(headline, patterns)
    if section and len(section[0].split()) >= 4 and len(section[1].split()) <= 2 and _is_title_case(section[1]):
        headline = section[0]
    return Title(headline, publisher)


def _capital(first: str) -> bool:
    """A word's first character as a name's: a capital, a digit, or a letter of a script without
    case (Devanagari, Arabic), where no capital can tell a name from a phrase."""
    return first.isupper() or first.isdigit() or (first.isalpha() and not first.islower())


def _looks_like_name(text: str) -> bool:
    """Site names are capitalised ("RT World News", "The Jerusalem post"); "what happens next" is not."""
    words = text.split()
    capitals = sum(1 for word in words if _capital(word[:1]))
    return _capital(words[0][:1]) and 2 * capitals >= len(words)


def _is_title_case(text: str) -> bool:
    return all(not word[:1].islower() for word in text.split())
