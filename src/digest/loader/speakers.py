"""Who is speaking: name phrases split into name and role, short names resolved to full ones."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from digest.loader.patterns import Patterns

PRONOUNS = {"he", "she", "they", "He", "She", "They"}
_NOT_ROLE_START = re.compile(r"^(?:who|which|that|adding|according|as|in|at|on|when|while|after|before)\b")


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    role: str | None


def split_name(phrase: str, patterns: Patterns) -> Speaker | None:
    """"Council of Europe Secretary General Alain Berset" -> Alain Berset, role the rest;
    "The Prime Minister of the Netherlands, Dick Schoof" -> Dick Schoof, role the first part."""
    parts = [p.strip() for p in phrase.strip(" ,").split(",") if p.strip()]
    for i in reversed(range(len(parts))):
        tokens = [re.sub(r"['’]s$", "", t) for t in parts[i].split()]
        cut = len(tokens)
        while cut > 0 and tokens[cut - 1] not in patterns.role_words and tokens[cut - 1][0].isupper():
            cut -= 1
        name_tokens = tokens[cut:]
        if name_tokens and all(t not in patterns.role_words for t in name_tokens):
            role_parts = [" ".join(tokens[:cut])] + [p for j, p in enumerate(parts) if j != i]
            role = ", ".join(r for r in role_parts if r) or None
            return Speaker(" ".join(name_tokens), role)
    return None


def role_after(text: str, patterns: Patterns) -> str | None:
    """An appositive after the name: ", President of the Republic of Moldova," -> that role."""
    m = re.match(r"^, ([^,.;“”\"]{3,80})[,.;]", text)
    if not m or _NOT_ROLE_START.match(m.group(1)):
        return None
    first = m.group(1).split()[0]
    return m.group(1) if first in patterns.role_words or first.islower() else None


@dataclass
class SpeakerBook:
    """The people a document names, so "Huseynov" and "he" resolve to "Ilyas Huseynov"."""

    patterns: Patterns
    full_names: list[Speaker] = field(default_factory=list)
    last: Speaker | None = None

    def learn(self, text: str) -> None:
        for m in re.finditer(self.patterns.name_phrase, text):
            speaker = split_name(m.group(0), self.patterns)
            if speaker and len(speaker.name.split()) >= 2 and all(s.name != speaker.name for s in self.full_names):
                self.full_names.append(speaker)

    def resolve(self, phrase: str, role: str | None = None) -> Speaker | None:
        if phrase.strip() in PRONOUNS:
            return self.last
        speaker = split_name(phrase, self.patterns)
        if speaker is None:
            return None
        role = speaker.role or role
        speaker = Speaker(speaker.name, role)
        tokens = speaker.name.split()
        if len(tokens) == 1:
            for known in self.full_names:
                known_tokens = known.name.split()
                if tokens[0] in (known_tokens[0], known_tokens[-1]):
                    roles = [r for r in (role, known.role) if r]
                    speaker = Speaker(known.name, max(roles, key=len) if roles else None)
                    break
        self.last = speaker
        return speaker
