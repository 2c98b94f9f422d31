"""Who is speaking: name phrases split into name and role, short names resolved to full ones."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from digest.lexicon.reference import zipf
from digest.loader import names
from digest.loader.patterns import MONTHS, UPPER, Patterns, word_union

PRONOUNS = {"he", "she", "they", "it", "He", "She", "They", "It"}
_AGE_ANAPHOR = re.compile(r"^[Tt]he \d{1,3}-year-old$")
_NOT_ROLE_START = re.compile(r"^(?:who|which|that|adding|according|as|in|at|on|when|while|after|before)\b")
_APPOSITIVE = re.compile(r"^, ([^,.;“”\"]{3,80})[,.;]")
_SENTENCE_BREAK = re.compile(r"\s(?<=[.!?]\s)\s*(?=[A-Z“\"])")  # starts with \s: the engine skips to spaces
_DESCRIBED = re.compile(r"(?:the|[Aa]n?|[Oo]ne) |The (?![A-Z])|(?:[A-Z][\w-]* ){0,3}[A-Z][\w-]*['’]s [a-z][\w-]*(?: [a-z][\w-]*){0,2}$")
# "the doctor", "a spokesman", "Elton John's publicist": not "The Hague", nor "Raj Patel, who has run a newsagent's on ..."  # "the doctor", "a spokesman": not "The Hague"
_POSSESSIVE = ("'s", "’s")
_VOICE = re.compile(r"(?:the|an?|one) (?:[\w'’&-]+ ){0,3}?(?P<head>[a-z][\w-]*) (?:for|of|at|with) (?:the )?[A-Z]")
_ARTICLE = re.compile(r"(?:[Tt]he|[Aa]n?|[Oo]ne) ")
_TIME_WORDS = frozenset(MONTHS) | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                   "today", "yesterday", "tomorrow"}
_SENTENCE_STOP = re.compile(r"(?<=[a-z])\.$")  # not the dot of "U.S."
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")  # a name inside a quotation is not one the story speaks of
_APPOSITION_OF_NAME = re.compile(r"[A-Z][\w'’.-]*, $")
_NOT_AGENT = frozenset(("of", "for", "at", "in", "on", "from", "with", "by", "into", "about", "over", "under", "than"))
# after a lower-case word or a comma, or after a quotation closed by a comma (`,” Tanaka said`)
_MID_SENTENCE_CAPITAL = re.compile(r"(?:(?<=[a-z,;:] )|(?<=,” )|(?<=,\" )|(?<=,’ ))[A-Z][\w'’-]*")


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


_EMPLOYER_ROLE = re.compile(r" ((?:[a-z][\w-]* ){1,3})(?=[A-Z])")  # " analyst " between employer and name


@cache
def name_pattern(patterns: Patterns) -> re.Pattern[str]:
    return re.compile(patterns.name_phrase)


@cache
def full_name_pattern(patterns: Patterns) -> re.Pattern[str]:
    return re.compile(patterns.full_name_phrase)


@cache
def described_speaking(patterns: Patterns) -> re.Pattern[str]:
    """An unnamed speaker the story describes speaking: "a spokeswoman for the Service Employees
    International Union said", "the ministry's spokesman told reporters"."""
    verbs = "|".join(re.escape(v) for v in patterns.speech_verbs)
    # the describing noun is a title or occupation of the role words ("spokeswoman", "officer"), so
    # "a reasonable short-term fix but warned" describes no one
    heads = word_union(sorted(w for w in patterns.role_words if w.isalpha() and w not in ("the", "of")))
    employer = r"(?: (?:for|of|at|with) (?:the )?[A-Z][\w&.'’-]*(?: (?:of |and |& |the )?[A-Z][\w&.'’-]*){0,5})?"
    return re.compile(rf"(?P<who>\b[Aa]n? (?:[\w'’-]+ ){{0,3}}?(?i:{heads}){employer}),? (?:{verbs})\b")


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
            lead, is_role = _name_start(name_tokens, patterns)
            role_tokens = tokens[:cut] + (name_tokens[:lead] if is_role else [])
            name_tokens = name_tokens[lead:]
            role_parts = [" ".join(role_tokens)] + [p for j, p in enumerate(parts) if j != i]
            role = ", ".join(r for r in role_parts if r) or None
            return Speaker(" ".join(name_tokens), role)
    return None


_INITIAL = re.compile(r"[A-Z]\.")
OPENER_ZIPF = 5.5
ROLE_ZIPF = 3.5  # "Longtime", "Prosecution", "Consultant" may be words of a role; "Bong" (Bong Joon Ho) is not  # "In", "On", "Both", "Some": words so common that, capitalised, they open a sentence


def _role_like(token: str, patterns: Patterns) -> bool:
    """A word that may stand in a role before a name: a title, a common word ("Public Prosecution",
    "Longtime", "Strategic Health Policy Consultant"), an organisation's letters ("UNSW"), a place."""
    if _INITIAL.fullmatch(token):
        return False  # "J. Richard Harvey": an initial is part of the name
    if token in patterns.role_words or not token[:1].isupper():
        return True
    if names.is_given_name(token):
        return False  # "Bong Joon Ho": a given name is part of the name, though Bong is also a county
    return names.is_acronym(token) or names.is_place_word(token) or zipf(token.casefold()) >= ROLE_ZIPF


def _name_start(tokens: list[str], patterns: Patterns) -> tuple[int, bool]:
    """Where a person's name starts among capitalised words, and whether the words before it are a
    role: at its given name when the words before it are words of a role ("Public Prosecution
    Eva-Marie Persson" -> Eva-Marie Persson, "Ukraine Kurt Volker" -> Kurt Volker); else after a
    leading word so common that it only opens the sentence ("Both Chazelle", "In July"), dropped."""
    for i in range(1, len(tokens) - 1):
        if tokens[i].casefold() in patterns.name_particles or not names.is_given_name(tokens[i]):
            continue
        if not names.is_place(f"{tokens[i - 1]} {tokens[i]}") and all(_role_like(t, patterns) for t in tokens[:i]):
            return i, True
        break
    lead = 0
    while lead < len(tokens) - 1 and zipf(tokens[lead].casefold()) >= OPENER_ZIPF and not names.is_given_name(tokens[lead]) \
            and tokens[lead].casefold() not in patterns.name_particles \
            and not names.is_place(" ".join(tokens[lead:lead + 2])) \
            and not (names.given_name_sex_any(tokens[lead]) and not names.is_common(tokens[lead + 1])):
        lead += 1  # "In July"; but "Will Moy": a given name before a surname stays
    return lead, False


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


PREPOSITIONS = frozenset(("of", "on", "in", "at", "to", "for", "with", "from", "by", "about", "between", "into", "over", "under", "against", "among"))
SUBJECT_REACH = 8  # a sentence's subject stands among its first words: "Then, last week, Taylor Swift posted"
ANTECEDENT_PARAGRAPHS = 2


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_BREAK.split(text) if s]


def learn_names(paragraphs: tuple[str, ...], patterns: Patterns) -> list[Speaker]:
    found: dict[str, Speaker] = {}
    for text in paragraphs:
        for phrase in _full_name_phrases(text, patterns):
            speaker = split_name(phrase, patterns)
            if speaker and " " in speaker.name and speaker.name not in found \
                    and names.name_kind(speaker.name) == "person":
                found[speaker.name] = _with_role_before(speaker, phrase, text)
    return list(found.values())


# Lower-case words of a role that run into the capitalised ones: "former special envoy to" Ukraine
_ROLE_RUN_IN = re.compile(r"(?:^|(?<=[,;:(—] )|(?<=\b[Aa]n )|(?<=\b[Aa] )|(?<=\b[Tt]he ))((?:[a-z][\w-]* ){1,5}(?:to|of|for|at|in) )$")


def _with_role_before(speaker: Speaker, phrase: str, text: str) -> Speaker:
    """"former special envoy to Ukraine Kurt Volker": the place alone is no role; the words before it
    that end in a preposition belong to it."""
    if not speaker.role or " " in speaker.role:
        return speaker
    at = text.find(phrase)
    m = _ROLE_RUN_IN.search(text, 0, at) if at > 0 else None
    return Speaker(speaker.name, m.group(1) + speaker.role) if m else speaker


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


_SETTING_WORDS = ("in", "at", "from", "to", "near", "of")


def _set_in(place: str, text: str) -> bool:
    """The text sets something in the place: "in Brussels", "from Ankara". The plain-text test first:
    the regular expression searches the whole document, only where one of the phrases stands in it."""
    return any(f"{word} {place}" in text for word in _SETTING_WORDS) \
        and re.search(rf"\b(?:{'|'.join(_SETTING_WORDS)}) {re.escape(place)}\b", text) is not None


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
    _capitalised: frozenset[str] | None = None  # words the document capitalises in mid-sentence

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

    def antecedent(self, pronoun: str, upto: int | None) -> Speaker | None:
        """The last speaker named before the pronoun that it can stand for ("she" not for "Kurt
        Volker", "it" only for an organisation), in its paragraph or the ones before; a
        paragraph's quoted speaker counts where its text names no one who fits (a described one)."""
        if self.last and self._fits(pronoun, self.last):
            return self.last
        for j in range(self.current, max(-1, self.current - 1 - ANTECEDENT_PARAGRAPHS), -1):
            text = self.paragraphs[j] if j < len(self.paragraphs) else ""
            if j == self.current:
                text = text[:upto] if upto is not None else ""
            for speaker in reversed(self._mentions(text)):
                if self._fits(pronoun, speaker):
                    return speaker
            if j != self.current and j in self.speakers and self._fits(pronoun, self.speakers[j]):
                return self.speakers[j]
        return None

    def _mentions(self, text: str) -> list[Speaker]:
        """The people and organisations the text names outside quotation marks, in order, and the
        unnamed ones it describes as speaking ("a spokeswoman for the union said")."""
        found: list[tuple[int, Speaker]] = []
        text = _QUOTED.sub(_blank, text)
        for m in name_pattern(self.patterns).finditer(text):
            before = text[max(0, m.start() - 12): m.start()].split()
            if before and before[-1].casefold() in _NOT_AGENT or text.startswith(("/", " /"), m.end()):
                continue  # "the economics of Powder River Basin", "Anthony Wallace / AFP": no one who speaks
            speaker = self._known(m.group(0))
            # a full name printed whole needs plain evidence ("Zangezur Corridor" is no one); one
            # name standing for a full one the story printed ("Patrick") is a person already
            printed = split_name(m.group(0), self.patterns)
            if speaker and printed and " " in printed.name and not names.plainly_person(speaker.name):
                speaker = None
            if speaker is None:
                kind = self.kind(printed.name) if printed else None
                speaker = printed if kind == "organisation" else None
            if speaker:
                found.append((m.start(), speaker))
        for m in described_speaking(self.patterns).finditer(text):
            who = m.group("who")
            if _APPOSITION_OF_NAME.search(text, 0, m.start()):
                continue  # "SBM Intel, a Lagos intelligence firm, says": the firm is named already
            found.append((m.start(), Speaker(who[0].lower() + who[1:], (v := _VOICE.match(who.lower())) and v.group("head"))))
        return [speaker for _, speaker in sorted(found, key=lambda pair: pair[0])]

    def kind(self, name: str) -> str | None:
        """"person", "organisation", "described" ("a spokesman for Disney") or None (no speaker)."""
        if name[:1].islower():
            return "described"
        if self._capitalised is None:
            self._capitalised = frozenset(_MID_SENTENCE_CAPITAL.findall("\n".join(self.paragraphs)))
        kind = names.name_kind(name, self._capitalised)
        if kind == "place":
            # "in Brussels": the story's place says nothing; "Tottenham said", never a place in the
            # story, is the club, as "China said" is its government
            if self._text is None:
                self._text = "\n".join(self.paragraphs)
            return None if _set_in(name, self._text) else "organisation"
        return kind

    def _fits(self, pronoun: str, speaker: Speaker) -> bool:
        kind = self.kind(speaker.name)
        if kind == "described":
            return True
        if _AGE_ANAPHOR.match(pronoun):
            return kind == "person"
        if pronoun.casefold() == "it" and names.is_place_word(speaker.name.split()[-1]):
            return False  # "a Lagos intelligence firm ... it says": the firm, not the city
        return kind is not None and names.compatible(pronoun, speaker.name, kind)

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
            return self.antecedent(phrase, upto)
        if _DESCRIBED.match(phrase):
            phrase = _SENTENCE_STOP.sub("", phrase)  # "... for the Ministry of Defence." ends the sentence
            described = self._introduced(phrase, upto) or (
                phrase[0].lower() + phrase[1:] if _ARTICLE.match(phrase) else phrase)  # not "Elton John's publicist"
            voice = _VOICE.match(described)
            # "the doctor": described, not named; "a spokesman for Disney": Disney's voice, role "spokesman"
            speaker = Speaker(described, role or (voice and voice.group("head")))
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
        elif self._no_name(speaker.name) or self.kind(speaker.name) is None:
            return None  # a month, a place the story is set in, a sentence's opening word: nobody
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
        word = words[0].casefold()  # case kept: lower only
        # the plain-text test first: a search of the whole document, only where the word stands in it
        return word in self._text and re.search(rf"\b{re.escape(word)}\b", self._text) is not None

    def _fuller(self, tokens: list[str]) -> Speaker | None:
        """The full name a short one stands for: one word, a known name's first or last ("Aliyev");
        more, a known name's last words ("Al Tayer" for Mattar Al Tayer, "bin Salman")."""
        if len(tokens) == 1:
            return next((k for k in self.full_names if tokens[0] in (k.name.split()[0], k.name.split()[-1])), None)
        tail = " " + " ".join(tokens)
        return next((k for k in self.full_names if k.name.endswith(tail)), None)
