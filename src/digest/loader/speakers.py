"""Who is speaking: name phrases split into name and role, short names resolved to full ones."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from digest.loader.patterns import MONTHS, UPPER, Patterns

PRONOUNS = {"he", "she", "they", "it", "He", "She", "They", "It"}
_AGE_ANAPHOR = re.compile(r"^[Tt]he \d{1,3}-year-old$")
_NOT_ROLE_START = re.compile(r"^(?:who|which|that|adding|according|as|in|at|on|when|while|after|before)\b")
_APPOSITIVE = re.compile(r"^, ([^,.;“”\"]{3,80})[,.;]")
_SENTENCE_BREAK = re.compile(r"\s(?<=[.!?]\s)\s*(?=[A-Z“\"])")  # starts with \s: the engine skips to spaces
_DESCRIBED = re.compile(r"(?:the|[Aa]n?) |The (?![A-Z])")  # "the doctor", "a spokesman": not "The Hague"
_POSSESSIVE = ("'s", "’s")
_TIME_WORDS = frozenset(MONTHS) | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                   "today", "yesterday", "tomorrow"}
_SENTENCE_STOP = re.compile(r"(?<=[a-z])\.$")  # not the dot of "U.S."
_EMPLOYER_ROLE = re.compile(r" ((?:[a-z][\w-]* ){1,3})(?=[A-Z])")  # " analyst " between employer and name


@cache
def name_pattern(patterns: Patterns) -> re.Pattern[str]:
    return re.compile(patterns.name_phrase)


@cache
def full_name_pattern(patterns: Patterns) -> re.Pattern[str]:
    return re.compile(patterns.full_name_phrase)


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    role: str | None


@lru_cache(maxsize=4096)  # pages repeat their names and sentence-initial words
def split_name(phrase: str, patterns: Patterns) -> Speaker | None:
    """"Council of Europe Secretary General Alain Berset" -> Alain Berset, role the rest;
    "The Prime Minister of the Netherlands, Dick Schoof" -> Dick Schoof, role the first part."""
    person = _name_of_place(phrase, patterns)
    if person:
        return person
    parts = [p.strip() for p in phrase.strip(" ,").split(",") if p.strip()]
    for i in reversed(range(len(parts))):
        tokens = [t[:-2] if t.endswith(_POSSESSIVE) else t for t in parts[i].split()]
        cut = len(tokens)
        while cut > 0 and tokens[cut - 1] not in patterns.role_words and (
                tokens[cut - 1][0].isupper() or _inside_name(tokens, cut - 1, patterns)):
            cut -= 1
        name_tokens = tokens[cut:]
        while name_tokens and name_tokens[0] in patterns.sentence_openers:
            name_tokens = name_tokens[1:]  # "But Derek Hollis, who ...": the name starts after "But"
        if name_tokens and all(t not in patterns.role_words for t in name_tokens):
            role_parts = [" ".join(tokens[:cut])] + [p for j, p in enumerate(parts) if j != i]
            role = ", ".join(r for r in role_parts if r) or None
            return Speaker(" ".join(name_tokens), role)
    return None


def _inside_name(tokens: list[str], i: int, patterns: Patterns) -> bool:
    """A particle between parts of a name ("bin" in "Hessa bin Rashid", "der" in "von der Leyen")."""
    if tokens[i] not in patterns.name_particles or i == 0 or i + 1 == len(tokens):
        return False
    before = tokens[i - 1]
    return (before[0].isupper() and before not in patterns.role_words) or before in patterns.name_particles


def _name_of_place(phrase: str, patterns: Patterns) -> Speaker | None:
    """"Rosaly Lopes of NASA's Jet Propulsion Laboratory": the name, then where the person works."""
    name, of, rest = phrase.partition(" of ")
    tokens = name.split()
    if not of or len(tokens) < 2:
        return None
    if not any(t in patterns.role_words for t in tokens):
        return Speaker(name, "of " + rest) if all(t[:1].isupper() for t in tokens) else None
    # "Republican Sen. Laura Mendez of Kansas": a title before the name, where they are from after it
    person = split_name(name, patterns) if tokens[-1] not in patterns.role_words else None
    if person and name.endswith(person.name):
        return Speaker(person.name, f"{person.role} of {rest}" if person.role else f"of {rest}")
    return None


def role_after(text: str, patterns: Patterns) -> str | None:
    """An appositive after the name: ", President of the Republic of Moldova," -> that role."""
    m = _APPOSITIVE.match(text)
    if not m or _NOT_ROLE_START.match(m.group(1)):
        return None
    first = m.group(1).split()[0]
    return m.group(1) if first in patterns.role_words or first.islower() else None


PREPOSITIONS = frozenset("of on in at to for with from by about between into over under against among".split())
SUBJECT_REACH = 8  # a sentence's subject stands among its first words: "Then, last week, Taylor Swift posted"
ANTECEDENT_PARAGRAPHS = 2


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_BREAK.split(text) if s]


def learn_names(paragraphs: tuple[str, ...], patterns: Patterns) -> list[Speaker]:
    names: dict[str, Speaker] = {}
    for text in paragraphs:
        for phrase in _full_name_phrases(text, patterns):
            speaker = split_name(phrase, patterns)
            if speaker and " " in speaker.name and speaker.name not in names:
                names[speaker.name] = speaker
    return list(names.values())


# Where a phrase of two or more name words may start: a capital, its word, then a capital or a
# joiner ("Bank of England"). It starts with a character class, so the regular-expression engine
# skips to each capital in C; the full pattern is tried only there.
# The look-behind after the capital turns a capital inside a word away at once, so each word is read
# once from its start and a run of capitals without spaces stays linear.
_TWO_WORDS = re.compile(rf"[{UPPER}](?<![\w'’.-][{UPPER}])[\w'’.-]* (?:[{UPPER}]|(?:of|for|de|the|del|da|van|von|der|al|bin|la|le) )")


def _full_name_phrases(text: str, patterns: Patterns) -> list[str]:
    """What full_name_pattern().finditer(text) finds, faster."""
    pattern, found, pos = full_name_pattern(patterns), [], 0
    while candidate := _TWO_WORDS.search(text, pos):
        m = pattern.match(text, candidate.start())
        if m:
            found.append(m.group(0))
            pos = m.end()
        else:
            pos = candidate.start() + 1
    return found


@dataclass
class SpeakerBook:
    """The people a document names, so "Huseynov" and "he" resolve to "Ilyas Huseynov".

    A pronoun resolves to the last speaker named in its paragraph, else to the subject of the
    sentences before it, else to the speaker or subject of the paragraph before (a chain)."""

    patterns: Patterns
    paragraphs: tuple[str, ...] = ()
    last: Speaker | None = None  # the last speaker resolved in the current paragraph
    current: int = 0
    speakers: dict[int, Speaker] = field(default_factory=dict)  # paragraph -> its last quote's speaker
    _full_names: list[Speaker] | None = None
    _text: str | None = None  # the document, joined: read on the first one-word name to check

    @property
    def full_names(self) -> list[Speaker]:
        """Every full name the document prints, in order; read on the first short name to resolve
        (most paragraphs, and many documents, need none)."""
        if self._full_names is None:
            self._full_names = learn_names(self.paragraphs, self.patterns)
        return self._full_names

    def begin(self, paragraph: int) -> None:
        self.current, self.last = paragraph, None

    def attributed(self, paragraph: int, speaker: Speaker | None) -> None:
        if speaker:
            self.speakers[paragraph] = speaker

    def _known(self, phrase: str) -> Speaker | None:
        speaker = split_name(phrase, self.patterns)
        if speaker is None:
            return None
        tokens = speaker.name.split()
        if len(tokens) >= 2:
            return self._fuller(tokens) or speaker
        return self._fuller(tokens)

    def subject(self, sentence: str) -> Speaker | None:
        """The named subject of a sentence: a known name among its first words, not after a preposition."""
        for m in name_pattern(self.patterns).finditer(sentence):
            before = sentence[: m.start()].split()
            if len(before) >= SUBJECT_REACH:
                return None
            previous = [w.lower().strip(",") for w in before[-2:] if w.lower() != "the"]
            if previous and previous[-1] in PREPOSITIONS:
                continue
            employer = _EMPLOYER_ROLE.match(sentence, m.end())
            if employer and all(w in self.patterns.role_words for w in employer.group(1).split()):
                continue  # "Northpass partner Elena Brandt": the employer, then the person
            speaker = self._known(m.group(0))
            if speaker:
                return speaker
        return None

    def antecedent(self, upto: int | None) -> Speaker | None:
        if self.last:
            return self.last
        text = self.paragraphs[self.current] if self.current < len(self.paragraphs) else ""
        for sentence in reversed(_sentences(text[:upto] if upto is not None else "")):
            if found := self.subject(sentence):
                return found
        for j in range(self.current - 1, max(-1, self.current - 1 - ANTECEDENT_PARAGRAPHS), -1):
            if j in self.speakers:
                return self.speakers[j]
            for sentence in reversed(_sentences(self.paragraphs[j])):
                if found := self.subject(sentence):
                    return found
        return None

    def _introduced(self, phrase: str, upto: int | None) -> str | None:
        """Where "the spokesperson" refers back to a fuller description ("A Cornwall Council
        spokesperson said ..."), the nearest one in its paragraph or the two before it."""
        words = phrase.split()
        if words[0] not in ("the", "The") or len(words) != 2:
            return None
        introduction = re.compile(rf"\b[Aa]n? (?:[\w'’&-]+ ){{1,3}}{re.escape(words[1])}\b")
        current = self.paragraphs[self.current] if self.current < len(self.paragraphs) else ""
        texts = [current[:upto] if upto is not None else current]
        texts += [self.paragraphs[j] for j in range(self.current - 1, max(-1, self.current - 1 - ANTECEDENT_PARAGRAPHS), -1)]
        for text in texts:
            found = list(introduction.finditer(text))
            if found:
                return found[-1].group()[0].lower() + found[-1].group()[1:]
        return None

    def resolve(self, phrase: str, role: str | None = None, upto: int | None = None) -> Speaker | None:
        phrase = phrase.strip()
        if phrase in PRONOUNS or _AGE_ANAPHOR.match(phrase):
            return self.antecedent(upto)
        if _DESCRIBED.match(phrase):
            phrase = _SENTENCE_STOP.sub("", phrase)  # "... for the Ministry of Defence." ends the sentence
            described = self._introduced(phrase, upto) or phrase[0].lower() + phrase[1:]
            speaker = Speaker(described, role)  # "the doctor": described, not named
            self.last = speaker
            return speaker
        speaker = split_name(phrase, self.patterns)
        if speaker is None:
            return None
        role = speaker.role or role
        speaker = Speaker(speaker.name, role)
        known = self._fuller(speaker.name.split())
        if known:
            roles = [r for r in (role, known.role) if r]
            speaker = Speaker(known.name, max(roles, key=len) if roles else None)
        elif self._no_name(speaker.name):
            return None
        self.last = speaker
        return speaker

    def _no_name(self, name: str) -> bool:
        """A time ("October", "Sunday") or a common word capitalised to open its sentence
        ("Officials said ...": the document prints "officials" in lower case too) names nobody."""
        words = name.split()
        if all(w.casefold() in _TIME_WORDS for w in words):
            return True
        if len(words) != 1:
            return False
        if self._text is None:
            self._text = "\n".join(self.paragraphs)
        return re.search(rf"\b{re.escape(words[0].casefold())}\b", self._text) is not None  # case kept: lower only

    def _fuller(self, tokens: list[str]) -> Speaker | None:
        """The full name a short one stands for: one word, a known name's first or last ("Aliyev");
        more, a known name's last words ("Al Tayer" for Mattar Al Tayer, "bin Salman")."""
        if len(tokens) == 1:
            return next((k for k in self.full_names if tokens[0] in (k.name.split()[0], k.name.split()[-1])), None)
        tail = " " + " ".join(tokens)
        return next((k for k in self.full_names if k.name.endswith(tail)), None)
