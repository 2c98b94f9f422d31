"""People: the speakers of every quote, one person however the pages name them.

"Xi", "President Xi", "Chinese President Xi Jinping" and "Xi Jinping" are one person: titles and
country adjectives are stripped off the front (and kept as roles), and a one-word name resolves to
the full name that holds it, preferring the same story, else the only such name in the corpus.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from slugify import slugify

from digest.lexicon.patterns import patterns
from digest.lexicon.text import fold
from digest.loader.names import is_given_name, name_kind
from digest.records import Person, Quote, SaidIn

# After a surname, not the surname: "Martin Luther King Jr." sorts under K
_SUFFIX = re.compile(r"^(?:Jr|Sr|II|III|IV|V|PhD|MD)\.?,?$")


@dataclass(frozen=True, slots=True)
class Said:
    """A quote as found: the speaker as printed, where and when."""

    quote: Quote
    story_id: str
    date: str | None


@lru_cache(maxsize=1 << 16)  # a speaker is quoted again and again across the archive
def split_title(speaker: str) -> tuple[str, str | None]:
    """("Chinese President Xi Jinping") -> ("Xi Jinping", "Chinese President").

    The title is the leading run of title words and country adjectives up to its last title word,
    so "Jordan Henderson" keeps his first name: a country word alone is no title.
    """
    p = patterns()
    words = speaker.replace(",", " ").split()
    cut = 0
    for i, word in enumerate(words[:-1]):
        folded = fold(word)
        if folded in p.title_words:
            cut = i + 1
        elif folded not in p.countries:
            break
    return " ".join(words[cut:]), " ".join(words[:cut]) or None


@lru_cache(maxsize=1 << 12)
def _role(title: str | None) -> str | None:
    """A title that is only a courtesy ("Mr.", "Dr.") is no role."""
    return None if not title or all(fold(w) in patterns().courtesy_words for w in title.split()) else title


def _resolver(cores_by_story: dict[str, set[str]]) -> dict[tuple[str, str], str]:
    """(story id, core name) -> the full name it stands for."""
    full = {core for cores in cores_by_story.values() for core in cores if len(core.split()) > 1}
    holders: dict[str, set[str]] = defaultdict(set)
    for name in full:
        for token in name.split():
            holders[fold(token)].add(name)
    resolved = {}
    for story, cores in cores_by_story.items():
        for core in cores:
            if len(core.split()) > 1:
                continue
            local = sorted(holders[fold(core)] & cores)
            anywhere = sorted(holders[fold(core)])
            if len(local) == 1:
                resolved[(story, core)] = local[0]
            elif not local and len(anywhere) == 1:
                resolved[(story, core)] = anywhere[0]
    return resolved


def build_people(said: list[Said]) -> tuple[Person, ...]:
    """People sorted by id, each with every quote in date order."""
    return build_speakers(said)[0]


def build_speakers(said: list[Said]) -> tuple[tuple[Person, ...], tuple[Person, ...]]:
    """The people and the organisations quoted, each sorted by id, each with every quote in date
    order. A place, a group or a word quoted is neither ("Brussels", "Officials")."""
    countries = patterns().countries
    split = [(s, *split_title(s.quote.speaker)) for s in said if s.quote.speaker]
    split = [(s, core, title) for s, core, title in split if fold(core) not in countries  # "China said" is no person
             and not core[:1].islower()]  # nor "a spokesman for Disney": described, not named
    cores: dict[str, set[str]] = defaultdict(set)
    for s, core, _ in split:
        cores[s.story_id].add(core)
    resolved = _resolver(cores)
    groups: dict[str, list[tuple[Said, str, str | None]]] = defaultdict(list)
    for s, core, title in split:
        groups[resolved.get((s.story_id, core), core)].append((s, core, title))
    # People only: "Tottenham", "Minnesota Wild", "Brussels", "Officials" quoted are no one's page
    people = [_person(name, members) for name, members in groups.items() if is_person(name)]
    # an organisation quoted ("NASA", "Big Machine") has a page of its own kind, never among people
    bodies = [_person(name, members) for name, members in groups.items() if is_organisation(name)]
    return (tuple(sorted(people, key=lambda person: person.id)),
            tuple(sorted(bodies, key=lambda body: body.id)))


@lru_cache(maxsize=1 << 14)
def is_person(name: str) -> bool:
    """A person's name by the loader's name evidence (given names, places, common words); a single
    common word that no full name in the archive explains ("Twitter") is not."""
    # one word makes a page only as a known given name ("Madonna"): an unexplained "Roscosmos" or
    # "Huseynov" may be an agency or a surname whose full name the archive never printed
    return name_kind(name) == "person" and (" " in name or is_given_name(name))


@lru_cache(maxsize=1 << 14)
def is_organisation(name: str) -> bool:
    """An organisation's name by the same evidence: "NASA", "Dick Clark Productions"; not a name that
    ends in a person's ("Kraft Food Susan Davison": a role run on before her name)."""
    words = name.split()
    if any(is_given_name(words[i]) and is_person(" ".join(words[i:])) for i in range(1, len(words) - 1)):
        return False
    return not is_person(name) and name_kind(name) == "organisation"


def surname(name: str) -> str:
    """The word a person is filed under: the last of the name, less a suffix ("King" for
    "Martin Luther King Jr."); a one-word name is its own."""
    words = name.replace(",", " ").split()
    while len(words) > 1 and _SUFFIX.match(words[-1]):
        words.pop()
    return words[-1] if words else name


def surname_key(name: str) -> tuple[str, str]:
    """People in index order: by surname, then by the whole name."""
    return fold(surname(name)), fold(name)


def index_letter(name: str) -> str:
    """The A-Z letter a person is filed under; "#" for a name in another script or starting with a digit."""
    first = fold(surname(name))[:1].upper()
    return first if "A" <= first <= "Z" else "#"


def _person(name: str, members: list[tuple[Said, str, str | None]]) -> Person:
    roles = Counter(r for s, _, title in members for r in (_role(s.quote.role), _role(title)) if r)
    aliases = sorted({s.quote.speaker for s, _, _ in members} - {name})
    quotes = sorted((SaidIn(s.quote, s.story_id, s.date) for s, _, _ in members),
                    key=lambda q: (q.date or "", q.story_id, q.quote.paragraph, q.quote.text))
    return Person(id=slugify(name) or "unnamed", name=name,
                  roles=tuple(sorted(roles, key=lambda r: (-roles[r], r))), aliases=tuple(aliases), quotes=tuple(quotes))
