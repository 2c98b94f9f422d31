"""Credit lines ("Source: ... Photo: caption (Agency/Photographer)") and who the page credits."""
from __future__ import annotations

import re
from dataclasses import dataclass

from digest.lexicon.outlets import outlet_name
from digest.loader.patterns import Patterns, label_key

_TRAILING_CREDIT = re.compile(r"^(?P<caption>.*?)\s*\((?P<credit>[^()]{2,80})\)\s*\.?$", re.DOTALL)
MAX_CREDIT_WORDS = 6


@dataclass(frozen=True, slots=True)
class Credits:
    source: str | None = None
    photo_credit: str | None = None
    photo_caption: str | None = None


def _segments(line: str, patterns: Patterns) -> list[tuple[str, str]]:
    """"Source: a. Photo: b" -> [("source", "a."), ("photo", "b")]."""
    parts = patterns.credit_split.split(line)
    # split() with one group gives [before, label, value, label, value, ...]
    return [
        (patterns.credit_label[label_key(parts[i])], parts[i + 1].strip())
        for i in range(1, len(parts) - 1, 2)
    ]


def parse_credits(lines: list[str], patterns: Patterns) -> Credits:
    source = credit = caption = None
    for line in lines:
        for field, value in _segments(line, patterns):
            if field == "source" and value and source is None:
                source = patterns.source_suffix.sub("", value.rstrip(". ")).strip() or None
            elif field == "photo" and value and credit is None:
                m = _TRAILING_CREDIT.match(value)
                if m:
                    caption, credit = m.group("caption").strip() or None, m.group("credit").strip()
                elif len(value.split()) <= MAX_CREDIT_WORDS:
                    credit = value.rstrip(".")
                else:
                    caption = value
    return Credits(source, credit, caption)


def publisher_in_text(paragraphs: list[str], patterns: Patterns) -> str | None:
    """The outlet a speaker talked to, as the lead says it: "..., Ilyas Huseynov told Trend."."""
    for paragraph in paragraphs[:2]:
        for pattern in patterns.publisher_phrases:
            m = pattern.search(paragraph)
            if m:
                return m.group("source")
    return None


SOURCE_NOTE_REACH = 12  # the notes stand just under the article, above the page's lists


def source_in_notes(lines: list[str], patterns: Patterns) -> str | None:
    """Whom a carried story came from, as the note under it says ("Provided by University of Exeter")."""
    for line in lines[:SOURCE_NOTE_REACH]:
        for pattern in patterns.source_notes:
            m = pattern.search(line)
            if m:
                return m.group("source")
    return None


def canonical_source(name: str | None, patterns: Patterns) -> str | None:
    """The outlet's name (digest.lexicon.outlets), or None for a name that is no outlet's (a date,
    a section or show)."""
    if not name:
        return None
    return outlet_name(patterns.agencies.get(name.casefold(), name))


_COPYRIGHT = re.compile(r"(?:©|\(c\)|Copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s*)?(?P<name>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,4})")
_NOT_NAME = re.compile(r"\s+(?:All|Limited|Ltd|Inc|LLC|Pty)\b.*$")
# "Cable News Network. A Warner Media Company", "BBC. The BBC is not responsible ...": the owner's name
# ends with its sentence (not at the dot of "U.S.")
_SENTENCE_END = re.compile(r"(?<=\w\w)\. (?=[A-Z])")
_NOT_OWNERS = frozenset(("copyright", "all rights reserved", "ad choices"))  # the line's own words, no owner


def publisher_in_copyright(lines: list[str]) -> str | None:
    """The owner a page's last copyright line names: "© 1996-2015 The Washington Post"."""
    for line in reversed(lines):
        m = _COPYRIGHT.search(line)
        if m:
            name = _SENTENCE_END.split(_NOT_NAME.sub("", m.group("name")), maxsplit=1)[0].rstrip(".")
            if name and not name[0].isdigit() and name.casefold() not in _NOT_OWNERS:
                return name
    return None


MASTHEAD_REACH = 12  # a masthead stands among the page's first lines
MAX_MASTHEAD_WORDS = 5
_MASTHEAD_JOINERS = frozenset(("of", "the", "and", "&"))


def publisher_in_masthead(lines: list[str], patterns: Patterns) -> str | None:
    """A newspaper's name printed at the top of the page ("The Harbour Chronicle"): two to five
    capitalised words, the last one a word such names end in."""
    for line in lines[:MASTHEAD_REACH]:
        if patterns.masthead_domain.fullmatch(line):
            return line  # "Phys.org": the site's address is its name
        words = line.split()
        if not 2 <= len(words) <= MAX_MASTHEAD_WORDS or words[-1] not in patterns.masthead_words:
            continue
        if not all(w[:1].isupper() or w in _MASTHEAD_JOINERS for w in words):
            continue
        key = label_key(line)
        if not (patterns.navigation.fullmatch(line) or key in patterns.item_labels or key in patterns.furniture_labels):
            return line  # "World News", "Breaking News", "Top News": menus and labels, not a name
    return None
