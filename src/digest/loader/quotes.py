"""Quotations and reported speech, each with its speaker.

Direct quotes are found from their marks and attributed from the words beside them
(`," Huseynov stated`, `said Maia Sandu, President of ...`, `Dick Schoof, said: “`);
reported speech from a speech verb with a named subject (`President Xi said that ...`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from digest.loader.marks import single_quoted, swap_levels
from digest.loader.patterns import Patterns, word_union
from digest.loader.speakers import Speaker, SpeakerBook, role_after
from digest.records import Quote

LOOKBEHIND_CHARS = 160  # how far before a quote its "X said:" introduction may stand
LOOKAHEAD_CHARS = 400  # how far after a quote its attribution may run; a window, so each quote costs
# the same however long its paragraph
MAX_NAME_CHARS = 120  # a speaker's name and title ("Council of Europe Secretary General Alain Berset")


_MARKS = re.compile("[“”\"«»„]")


def has_quote_marks(text: str) -> bool:
    return _MARKS.search(text) is not None


@dataclass(frozen=True, slots=True)
class Span:
    start: int  # index of the opening mark
    end: int  # index just past the closing mark (or the paragraph's end when left open)
    text: str
    closed: bool


@dataclass(frozen=True)
class Grammar:
    after_subject: re.Pattern[str]  # `" Huseynov stated` / `," he concluded` / `," Commerzbank analyst Carsten Fritsch said`
    after_name: re.Pattern[str]  # the same after a quote that closed its sentence: `." Volker said.`
    after_verb: re.Pattern[str]  # `," said Maia Sandu` / `," said planetary geologist Rosaly Lopes`
    after_verb_employer: re.Pattern[str]  # `," said Unite regional officer Karen Doyle`
    before: re.Pattern[str]  # `Dick Schoof, said: “` / `Esper said, “` / `Tottenham said in a statement: "`
    according_after: re.Pattern[str]  # `," according to the ministry`
    according_before: re.Pattern[str]  # `According to the website, ... “`
    reporting_verb: re.Pattern[str]  # a cheap first test: most sentences report no speech
    reported_lead: re.Pattern[str]  # `President Xi said that ...`
    reported_tail: re.Pattern[str]  # `..., Xi said.`
    attribution_tail: re.Pattern[str]  # `, Morrison testified.` closing what another speaker reported


PRONOUN = r"[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Tt]he \d{1,3}-year-old"  # "the 56-year-old" refers back, as a pronoun
# Lower-case words of a role before a name after the verb; never words that start a phrase of time or place.
_STOP = "on|in|at|to|for|that|this|with|from|by|after|before|during|when|while|as|of|and|but|it|he|she|they|we|the|a|an|his|her|their|its|last|next|earlier|later|then|also"
ROLE_PREFIX = rf"(?:(?!(?:{_STOP})\b)[a-z][\w-]* ){{0,4}}?"
# An unnamed speaker the story describes: "the doctor", "a WeWork spokesperson", "a team spokesman";
# up to three lower-case words, none that starts a phrase of time or place ("the minister on Monday").
_DESCRIBING = rf"(?!(?:{_STOP})\b)[a-z0-9][\w-]*"
# "a spokesman for Disney", "the head of Unite": the organisation named after the describing words is
# part of the description, not the speaker
_OF_EMPLOYER = r"(?: (?:for|of|at|with) (?:the )?[A-Z][\w&.'’-]*(?: (?:of |and |& |the )?[A-Z][\w&.'’-]*){0,4})?"
# "an Iowa Republican", "a Democrat": after "a" or "an", capitalised words describe too; after "the",
# a capitalised title of the role words ("the President-elect"), not an organisation's name ("the
# Monetary Policy Committee"); {title} is filled in from the role words
_OWNER = r"[A-Z][\w-]*(?: [A-Z][\w-]*){0,3}"  # "Elton John's publicist": described by whose they are
DESCRIPTOR = rf"(?:(?:[Tt]he|[Aa]n?|[Oo]ne) (?:[A-Z][\w-]* ){{0,3}}(?:{_DESCRIBING} ){{0,4}}{_DESCRIBING}{_OF_EMPLOYER}|[Aa]n? (?:[A-Z][\w-]* ){{0,2}}[A-Z][\w-]*|the (?:{{title}})(?:-elect)?\b(?! [A-Z])|{_OWNER}['’]s (?:{_DESCRIBING} ){{0,2}}{_DESCRIBING})"
ROLE_WORDS = rf"(?:(?!(?:{_STOP})\b)[a-z][\w-]* ){{1,4}}?"
EMPLOYER = r"[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,3} "  # "Unite", "Commerzbank", "Ventura County"


def _cases(verbs: tuple[str, ...]) -> list[str]:
    return sorted({form for verb in verbs for form in (verb.casefold(), verb.upper())})


@cache
def grammar(patterns: Patterns) -> Grammar:
    name = patterns.name_phrase
    # Whatever case the list gives, in lower case or capitals ("SAID" in a wire's capitals); never
    # capitalised, where the word is part of a name: "The International Claims Commission"
    verbs = word_union(_cases(patterns.speech_verbs))
    reporting = word_union(_cases(patterns.reporting_verbs))
    clause = word_union(_cases(patterns.clause_verbs))
    # "Plantation and Commodities Minister ...": the department's "and" joins the title, not two people
    department = rf"(?:[A-Z][\w'’-]* (?:and|&) (?=(?:[A-Z][\w'’-]* ){{0,2}}(?:{word_union(patterns.department_offices)}) ))?"
    titles = word_union(sorted(w.capitalize() for w in patterns.role_words if w.isalpha() and len(w) > 3))
    described = DESCRIPTOR.replace("{title}", titles)
    who = rf"(?P<who>{PRONOUN}|{name}|{described})"
    adverb = r"(?:\w+ly |also |then |later |has |had |have )?"
    age = r"(?:, \d{1,3},)?"  # "Margaret Hughes, 81, said"
    apposition = r"(?:, (?P<role>[^,“”\"]{3,120}),)?"  # "Name, who ran the branch for nineteen years ..., told me"
    lead_words = r"(?:[^\s“”\"]+ ){0,6}?"  # "Commerzbank analyst ", "in that law, "
    return Grammar(
        after_subject=re.compile(rf"^[\s,]*{lead_words}{who}{age}{apposition},? {adverb}(?:{verbs})\b"),
        after_name=re.compile(rf"^\s*(?P<who>{PRONOUN}|{name}) {adverb}(?:{verbs})\b"),
        after_verb=re.compile(rf"^[\s,]*(?:{verbs}) {ROLE_PREFIX}(?P<who>{department}{name}|{described})"),
        after_verb_employer=re.compile(rf"^[\s,]*(?:{verbs}) {ROLE_PREFIX}{EMPLOYER}{ROLE_WORDS}(?P<who>{name})"),
        before=re.compile(
            rf"(?P<who>{PRONOUN}|{name}(?:, [^,“”\"]{{3,80}},)?){age},? {adverb}(?:(?:{verbs})[:;,]?|(?:{verbs}) [^“”\".,]{{1,40}}[:,])\s*$"
        ),
        according_after=re.compile(rf"^[\s,]*according to {ROLE_PREFIX}(?P<who>{name}|{described})"),
        according_before=re.compile(rf"[Aa]ccording to (?P<who>{name}|{described}),[^“”\"]*$"),
        reporting_verb=re.compile(rf" (?:{reporting})\b"),
        # "said the talks ...", "insisted that ...", "told reporters that ...": the words the clause reports
        reported_lead=re.compile(rf"(?:^|(?<= ))(?P<who>{name}) {adverb}(?:(?:{clause})(?: that)?|(?:{reporting}) (?:[\w'’-]+ ){{0,3}}?that) (?P<what>\S+(?: \S+){{2,}})$"),
        # ", Morrison testified.": another speaker's attribution closing the sentence is not what was reported
        attribution_tail=re.compile(rf",? (?:{PRONOUN}|{name}) (?:{verbs})\.?$"),
        reported_tail=re.compile(rf"^(?P<what>.+), (?P<who>[Hh]e|[Ss]he|{name}) {adverb}(?:{reporting})\.$"),
    )


def quote_spans(text: str) -> list[Span]:
    """Spans between double quote marks; curly marks say their side, straight ones by context."""
    spans: list[Span] = []
    open_at: int | None = None
    for mark in _MARKS.finditer(text):
        i, ch = mark.start(), mark.group()
        before = text[i - 1] if i else " "
        opening = ch in "“«„" or (ch == '"' and (before.isspace() or before in "([—-"))
        if ch == "“" and open_at is not None and text[open_at] == "„":
            opening = False  # German and Central European style closes „ with “
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


def _closes_sentence(span: Span, after: str) -> bool:
    """`."  Volker said` vs `," said Volker`: after a full stop only a name or pronoun attributes."""
    return span.text.rstrip()[-1:] in ".!?" and after.lstrip()[:1].isupper()


def _introduces(before: str, verbs: tuple[str, ...]) -> bool:
    """Text ending as an introduction can ("he said:", "Esper said,", "he said"): a cheap test
    before the search, which tries a name at every position."""
    before = before.rstrip()
    return before[-1:] in (":", ";", ",") or before.endswith(verbs)


def attribute(text: str, span: Span, book: SpeakerBook, g: Grammar) -> Speaker | None:
    after = text[span.end : span.end + LOOKAHEAD_CHARS]
    if _closes_sentence(span, after):
        m = g.after_name.match(after)
        if m:
            return book.resolve(m.group("who"), upto=span.start)
    else:
        m = g.after_verb_employer.match(after) or g.after_verb.match(after)
        if m:
            return book.resolve(m.group("who"), role_after(after[m.end() :], book.patterns), upto=span.start)
        m = g.after_subject.match(after)
        if m:
            return book.resolve(m.group("who"), m.group("role"), upto=span.start)
    before = text[max(0, span.start - LOOKBEHIND_CHARS) : span.start]
    m = (_introduces(before, book.patterns.speech_verbs) and g.before.search(before)) or g.according_after.match(after) or g.according_before.search(before)
    if m:
        return book.resolve(m.group("who"), upto=span.start)
    if _PARTICIPLE_INTRO.search(before):
        # "Emery retweeted the story, saying, “...”": the sentence's subject says it
        sentence = _SENTENCE_START.split(before)[-1]
        found = book.subject(sentence)
        return book.resolve(found.name, found.role, upto=span.start) if found else None
    return None


# A quotation brought in by a participle after its sentence's verb: ", saying, “", ", adding: “"
_PARTICIPLE_INTRO = re.compile(r", (?:saying|adding|writing|noting|telling [\w ]{1,30}?|asking|explaining)[:,]?\s*$")
_SENTENCE_START = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])")


def is_title(text: str) -> bool:
    """A quoted name of a film, book or show ("Once Upon A Time in Hollywood"), not words said."""
    text = text.rstrip().rstrip(",")
    words = text.split()
    if text[-1:] in ".!?;:" or len(words) > 8:
        return False
    return sum(1 for w in words if w[:1].isupper()) >= 0.7 * len(words)


def _kind(span: Span, attributed: bool, patterns: Patterns) -> str:
    if is_title(span.text):
        return "fragment"
    if len(span.text.split()) >= patterns.min_quote_words:
        return "direct"
    # A short full sentence said aloud ("Don't mind me!" he told them; "It was a mistake," said Doe;
    # "Stay home.") is a quotation; a scare-quoted word inside a sentence ("vividly.") is not. News
    # style ends a quoted sentence with a comma inside the marks when the attribution follows.
    text = span.text.strip()
    full_sentence = len(text.split()) >= 2 and text[:1].isupper() and text[-1:] in "!?.,"
    return "direct" if attributed and full_sentence else "fragment"


def direct_quotes(text: str, paragraph: int, book: SpeakerBook, carried: Speaker | None) -> tuple[list[Quote], Speaker | None]:
    """Quotes of one paragraph. `carried` is the speaker of the previous paragraph's quotes: news
    style runs one speaker's quotation over several paragraphs, each opening with a quote mark."""
    g = grammar(book.patterns)
    book.begin(paragraph)
    quotes: list[Quote] = []
    spans = quote_spans(text)
    speakers = [attribute(text, span, book, g) for span in spans]
    neighbours = _neighbours(speakers)
    last: Speaker | None = None
    for i, span in enumerate(spans):
        kind = _kind(span, speakers[i] is not None or neighbours[i] is not None, book.patterns)
        if kind != "direct":
            quotes.append(Quote(clean_quote(span.text), None, None, kind, paragraph))
            continue
        speaker = speakers[i] or (carried if span.start == 0 else None) or neighbours[i]
        last = speaker or last
        quotes.append(Quote(clean_quote(span.text), speaker and speaker.name, speaker and speaker.role, "direct", paragraph))
    book.attributed(paragraph, last)
    return quotes, last


def _neighbours(speakers: list[Speaker | None]) -> list[Speaker | None]:
    """Per quote, the speaker it takes when it has no words of its own beside it: the nearest
    attributed quote before it, else the nearest after it. Two passes: linear in the quotes."""
    before: list[Speaker | None] = []
    seen: Speaker | None = None
    for speaker in speakers:
        before.append(seen)
        seen = speaker or seen
    after: list[Speaker | None] = []
    seen = None
    for speaker in reversed(speakers):
        after.append(seen)
        seen = speaker or seen
    return [b or a for b, a in zip(before, reversed(after))]


# A sentence ends at its stop, or after the quotation mark that closes on it ("a “disgrace.” Over ...");
# the next opens with a capital or an opening quote. Starts with \s: the engine skips to spaces
_SENTENCE_BREAK = re.compile(r"\s(?:(?<=[.!?]\s)|(?<=[.!?][”’\"]\s))\s*(?=[A-Z“‘\"])")


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_BREAK.split(text) if s]


def reported_quotes(text: str, paragraph: int, book: SpeakerBook) -> list[Quote]:
    g = grammar(book.patterns)
    found: list[Quote] = []
    offset = 0
    if not g.reporting_verb.search(text):
        return found
    for sentence in sentences(text):
        offset = text.find(sentence, offset)
        verb = g.reporting_verb.search(sentence)
        if not verb or any(len(span.text.split()) >= book.patterns.min_quote_words for span in quote_spans(sentence)):
            continue
        # the speaker's name ends just before the verb: the search starts a name's length before it
        m = g.reported_lead.search(sentence, max(0, verb.start() - MAX_NAME_CHARS)) or g.reported_tail.match(sentence)
        if not m:
            continue
        speaker = book.resolve(m.group("who"), upto=offset + m.start("who"))
        if speaker:
            what = g.attribution_tail.sub("", m.group("what")) if m.re is g.reported_lead else m.group("what")
            found.append(Quote(_clause(what), speaker.name, speaker.role, "reported", paragraph))
    return found


# "said backstage that ...", "said in a statement on Monday that ...": what was said starts after "that"
_BEFORE_THAT = re.compile(r"^(?:[a-z][\w'’-]*,? ){1,6}?that ")


def _clause(what: str) -> str:
    """Reported words as a clean clause: from after "that", without the sentence's full stop."""
    what = what.strip()
    m = _BEFORE_THAT.match(what)
    if m:
        what = what[m.end():]
    return what.rstrip(".").strip()


_ASCII_OPENING = re.compile(r"(?:^|(?<=[\s(\[—–-]))''(?=\S)")


def _doubled_singles(paragraph: str) -> str:
    """Quotation marks typed as two single ones, as typewriters and newspaper archives set them:
    ‘‘…’’, ``…'' and ''…'' read as “…”. An ASCII pair opens a quote after a space, else closes it."""
    paragraph = paragraph.replace("’’", "”").replace("‘‘", "“")
    if "''" not in paragraph and "``" not in paragraph:
        return paragraph
    return _ASCII_OPENING.sub("“", paragraph.replace("``", "“")).replace("''", "”")


def find_quotes(paragraphs: list[str], patterns: Patterns, paragraph_base: int = 0) -> tuple[Quote, ...]:
    paragraphs = [_doubled_singles(p) for p in paragraphs]
    if single_quoted(paragraphs):
        paragraphs = [swap_levels(p) for p in paragraphs]
    book = SpeakerBook(patterns, tuple(paragraphs))
    quotes: list[Quote] = []
    carried: Speaker | None = None
    for index, paragraph in enumerate(paragraphs):
        found, carried = direct_quotes(paragraph, index, book, carried)
        quotes.extend(found)
        quotes.extend(reported_quotes(paragraph, index, book))
    if paragraph_base:
        return tuple(replace(q, paragraph=q.paragraph + paragraph_base) for q in quotes)
    return tuple(quotes)
