"""Quotations and reported speech, each with its speaker.

Direct quotes are found from their marks and attributed from the words beside them
(`," Huseynov stated`, `said Maia Sandu, President of ...`, `Dick Schoof, said: “`);
reported speech from a speech verb with a named subject (`President Xi said that ...`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from digest.loader.patterns import Patterns
from digest.loader.speakers import Speaker, SpeakerBook, role_after
from digest.records import Quote

LOOKBEHIND_CHARS = 160  # how far before a quote its "X said:" introduction may stand


@dataclass(frozen=True, slots=True)
class Span:
    start: int  # index of the opening mark
    end: int  # index just past the closing mark (or the paragraph's end when left open)
    text: str
    closed: bool


@dataclass(frozen=True)
class Grammar:
    after_subject: re.Pattern[str]  # `" Huseynov stated` / `," he concluded`
    after_verb: re.Pattern[str]  # `," said Maia Sandu`
    before: re.Pattern[str]  # `Dick Schoof, said: “`
    reported_lead: re.Pattern[str]  # `President Xi said that ...`
    reported_tail: re.Pattern[str]  # `..., Xi said.`


@cache
def grammar(patterns: Patterns) -> Grammar:
    name = patterns.name_phrase
    verbs = "|".join(re.escape(v) for v in patterns.speech_verbs)
    reporting = "|".join(re.escape(v) for v in patterns.reporting_verbs)
    who = rf"(?P<who>[Hh]e|[Ss]he|[Tt]hey|{name})"
    adverb = r"(?:\w+ly |also |then |later |has |had |have )?"
    return Grammar(
        after_subject=re.compile(rf"^[\s,]*{who} {adverb}(?:{verbs})\b"),
        after_verb=re.compile(rf"^[\s,]*(?:{verbs}) (?P<who>{name})"),
        before=re.compile(rf"(?P<who>{name}(?:, [^,“”\"]{{3,80}},)?),? {adverb}(?:{verbs}):?\s*$"),
        reported_lead=re.compile(rf"(?:^|(?<= ))(?P<who>{name}) {adverb}(?:{reporting})(?: that)? (?P<what>\S+(?: \S+){{2,}})$"),
        reported_tail=re.compile(rf"^(?P<what>.+), (?P<who>[Hh]e|[Ss]he|{name}) {adverb}(?:{reporting})\.$"),
    )


def quote_spans(text: str) -> list[Span]:
    """Spans between double quote marks; curly marks say their side, straight ones by context."""
    spans: list[Span] = []
    open_at: int | None = None
    for i, ch in enumerate(text):
        if ch not in "“”\"«»":
            continue
        before = text[i - 1] if i else " "
        opening = ch in "“«" or (ch == '"' and (before.isspace() or before in "([—-"))
        if opening and open_at is None:
            open_at = i
        elif not opening and open_at is not None:
            spans.append(Span(open_at, i + 1, text[open_at + 1 : i], True))
            open_at = None
    if open_at is not None:
        spans.append(Span(open_at, len(text), text[open_at + 1 :], False))
    return spans


def clean_quote(text: str) -> str:
    return text.strip().rstrip(",").strip()


def attribute(text: str, span: Span, book: SpeakerBook, g: Grammar) -> Speaker | None:
    after = text[span.end :]
    m = g.after_verb.match(after)
    if m:
        return book.resolve(m.group("who"), role_after(after[m.end() :], book.patterns))
    m = g.after_subject.match(after)
    if m:
        return book.resolve(m.group("who"))
    m = g.before.search(text[max(0, span.start - LOOKBEHIND_CHARS) : span.start])
    if m:
        return book.resolve(m.group("who"))
    return None


def direct_quotes(text: str, paragraph: int, book: SpeakerBook, carried: Speaker | None) -> tuple[list[Quote], Speaker | None]:
    """Quotes of one paragraph; `carried` is the speaker of a quote the previous paragraph left open."""
    g = grammar(book.patterns)
    quotes: list[Quote] = []
    spans = quote_spans(text)
    speakers = [attribute(text, span, book, g) for span in spans]
    for i, span in enumerate(spans):
        words = len(span.text.split())
        if words < book.patterns.min_quote_words:
            quotes.append(Quote(clean_quote(span.text), None, None, "fragment", paragraph))
            continue
        speaker = speakers[i] or (carried if span.start == 0 else None) or _neighbour(speakers, i)
        quotes.append(Quote(clean_quote(span.text), speaker and speaker.name, speaker and speaker.role, "direct", paragraph))
    left_open = spans and not spans[-1].closed
    return quotes, (speakers[-1] or carried) if left_open else None


def _neighbour(speakers: list[Speaker | None], i: int) -> Speaker | None:
    """A quote with no words of its own beside it belongs to the nearest attributed one."""
    for j in list(range(i - 1, -1, -1)) + list(range(i + 1, len(speakers))):
        if speakers[j]:
            return speakers[j]
    return None


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text) if s]


def reported_quotes(text: str, paragraph: int, book: SpeakerBook) -> list[Quote]:
    g = grammar(book.patterns)
    found: list[Quote] = []
    for sentence in sentences(text):
        if any(len(span.text.split()) >= book.patterns.min_quote_words for span in quote_spans(sentence)):
            continue
        m = g.reported_lead.search(sentence) or g.reported_tail.match(sentence)
        if not m:
            continue
        speaker = book.resolve(m.group("who"))
        if speaker:
            found.append(Quote(m.group("what").strip().rstrip("."), speaker.name, speaker.role, "reported", paragraph))
    return found


def find_quotes(paragraphs: list[str], patterns: Patterns, paragraph_base: int = 0) -> tuple[Quote, ...]:
    book = SpeakerBook(patterns)
    for paragraph in paragraphs:
        book.learn(paragraph)
    quotes: list[Quote] = []
    carried: Speaker | None = None
    for index, paragraph in enumerate(paragraphs):
        found, carried = direct_quotes(paragraph, index + paragraph_base, book, carried)
        quotes.extend(found)
        quotes.extend(reported_quotes(paragraph, index + paragraph_base, book))
    return tuple(quotes)
