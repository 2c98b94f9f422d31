"""A story's candidate topics, read off the story alone: the names and key phrases it is about.

Two kinds of phrase, both found in the runs of words between stopwords and punctuation (as RAKE
does), in the headline and the first prose of the body:

- names: runs of capitalised words ("Hong Kong", "Carrie Lam", "House of Representatives"). A
  capitalised word that opens a sentence, or stands in a headline set in Title Case, is a name only
  if the story also capitalises it mid-sentence: "Officials said" names nobody.
- key phrases: two or three words ending in a noun ("impeachment inquiry", "trade war",
  "Trump administration"), every word one that can be a noun or an adjective by the lemminflect
  lexicon, so "told reporters" or "faces questions" (a verb inside) are no phrase.

Weights come from the language, not from the archive (digest.lexicon.reference): a phrase of rare
words weighs more than one of common words, and a lone word is a candidate only when it is a name
the story repeats, never a lone common word. Nothing here looks at another story: adding stories to
the archive never changes a story's candidates; digest.corpus.topics keeps those two stories share.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from lemminflect import getAllLemmas, getLemma

from digest.lexicon.patterns import patterns
from digest.lexicon.reference import rarity, zipf
from digest.lexicon.text import fold, headline_core
from digest.records import StoryRecord

SCAN_WORDS = 400  # the headline and the first prose say what a story is about; later text wanders
PROSE_SPACES = 7  # a paragraph of eight words or more is prose; shorter lines are mostly page furniture
LEAD_PARAGRAPHS = 2  # a mention in the headline or the lead shows the story is about it
HEADLINE_WEIGHT = 3.0
LEAD_WEIGHT = 2.0
TITLE_CASE_SHARE = 0.6  # of a sentence's words capitalised: Title Case, not a sentence full of names
MAX_NAME_WORDS = 4  # a longer capitalised run is a Title Case line (navigation, a book title), not a name
MAX_PHRASE_WORDS = 3
# A key phrase's words, on average, no commoner than this Zipf value ("trade war" 5.3; "last week",
# "next time" are commoner): it says what a story is about, not when or how.
MAX_MEAN_ZIPF = 5.3
COMMON_NAME_ZIPF = 5.0  # a lone capitalised word this common in lower case ("House") needs company
MIN_STOPWORD_SHARE = 0.2  # English prose is a third to a half stopwords; other languages have few of ours
CANDIDATES = 12  # per story; the shared ones become its topics

TOKEN = re.compile(r"\w+(?:['’.&-]\w+)*|[^\w\s]")
SENTENCE_END = re.compile(r"[.!?]['\"’”)]*$")
# A photo credit a caption ends with, "... Seoul on Friday. Ezra Acayan / Getty Images": not the story's.
CREDIT = re.compile(r"(?<!\w)(?:[A-Z][\w'’-]*\s?){1,4}\s?/\s?(?:[A-Z][\w'’.-]*[\s-]*){1,6}$")
POSSESSIVE = re.compile(r"['’]s?$")
ARTICLES = frozenset({"the", "a", "an"})  # "The White House" is the White House


@dataclass(frozen=True, slots=True)
class _Token:
    text: str  # as written, a possessive's "'s" removed
    folded: str
    capital: bool  # written with a capital
    initial: bool  # first word of a sentence, or a word of a Title Case headline: a capital proves nothing
    stop: bool  # a stopword: it breaks a key phrase, and joins a name only when capitalised ("New York")
    breaks_after: bool  # a possessive ends a name: "Trump's impeachment" is Trump and impeachment


@dataclass(frozen=True, slots=True)
class _Found:
    text: str
    second: bool = False  # the second half of "X and Y": maybe a name of its own, maybe half of one
    whole: str | None = None  # set on the "X and Y" a second half may be half of


def candidates(record: StoryRecord) -> tuple[str, ...]:
    """The story's candidate topics, best first: names as written, key phrases in lower case."""
    parts = _parts(record)
    if not _english(parts):
        return ()
    sentences = [(weight, tokens) for weight, text in parts for tokens in _sentences(text)]
    named_mid = {t.folded for _, tokens in sentences for t in tokens if t and t.capital and not t.initial}
    marks = [_name_marks(tokens, named_mid) for _, tokens in sentences]
    roles = _roles([tokens for _, tokens in sentences], marks)
    weights: Counter = Counter()
    forms: dict[str, Counter] = {}
    alone: set[str] = set()  # keys met at least once not as the second half of "X and Y"
    joined: list[tuple[str, str, float]] = []  # (the second half's key, "X and Y", weight)
    for (weight, tokens), name in zip(sentences, marks):
        for found in _phrases(tokens, name, roles):
            if found.whole is not None:
                joined.append((topic_key(found.text), found.whole, weight))
                continue
            key = topic_key(found.text)
            weights[key] += weight
            forms.setdefault(key, Counter())[found.text] += 1
            if not found.second:
                alone.add(key)
    # "Road Initiative" never stands alone: it is half of "Belt and Road Initiative", the name to keep
    for second, whole, weight in joined:
        if second not in alone:
            weights.pop(second, None)
            weights[topic_key(whole)] += weight
            forms.setdefault(topic_key(whole), Counter())[whole] += 1
    scored = []
    for key, mentions in weights.items():
        shown = min(forms[key], key=lambda form: (-forms[key][form], form))
        if _enough(shown, mentions):
            scored.append((-(1 + math.log(mentions)) * sum(rarity(w) for w in key.split()), shown))
    return tuple(shown for _, shown in sorted(scored)[:CANDIDATES])


def topic_key(phrase: str) -> str:
    """What stories share: the phrase folded, a key phrase's last word in the singular."""
    words = fold(phrase).split()
    if phrase.split()[-1].islower():
        words[-1] = _singular(words[-1])
    return " ".join(words)


def _enough(shown: str, mentions: float) -> bool:
    """A lone name, or a key phrase, the story mentions twice (the headline counts thrice); a name of
    several words once in the headline or lead."""
    if " " in shown and shown[0].isupper() and not shown.split()[-1].islower():
        return mentions >= LEAD_WEIGHT
    return mentions >= 2 * LEAD_WEIGHT if " " in shown else mentions >= HEADLINE_WEIGHT + LEAD_WEIGHT


def _parts(record: StoryRecord) -> list[tuple[float, str]]:
    """(weight, text): the headline, then the body's prose up to SCAN_WORDS words, less the dateline."""
    parts = [(HEADLINE_WEIGHT, headline_core(record.headline))]
    seen = 0
    for paragraph in (p for p in record.body if p.count(" ") >= PROSE_SPACES):
        if record.dateline and paragraph.startswith(record.dateline.text):
            paragraph = paragraph[len(record.dateline.text):]
        paragraph = CREDIT.sub("", paragraph)
        parts.append((LEAD_WEIGHT if len(parts) <= LEAD_PARAGRAPHS else 1.0, paragraph))
        seen += paragraph.count(" ") + 1
        if seen >= SCAN_WORDS:
            break
    return parts


def _english(parts: Sequence[tuple[float, str]]) -> bool:
    """Whether the prose reads as English: the lexicon and the stopwords are English ones, and German
    capitalises every noun. A story in another language has no candidates rather than wrong ones."""
    words = [_fold(w) for _, text in parts[1:] for w in text.split()]
    stop = patterns().stopwords
    return bool(words) and sum(w in stop for w in words) >= MIN_STOPWORD_SHARE * len(words)


def _sentences(text: str) -> Iterator[list[_Token | None]]:
    """Sentences as tokens, None where a run of words breaks (punctuation, a number)."""
    sentence: list[str] = []
    for word in TOKEN.findall(text):
        sentence.append(word)
        if SENTENCE_END.match(word):
            yield _tokens(sentence)
            sentence = []
    if sentence:
        yield _tokens(sentence)


def _tokens(raw: Sequence[str]) -> list[_Token | None]:
    words = [w for w in raw if w[0].isalpha()]
    # A sentence in Title Case (a headline, a heading or a caption in the body): no capital in it says "name".
    title_case = len(words) >= 3 and sum(w[0].isupper() for w in words) > TITLE_CASE_SHARE * len(words)
    stop = patterns().stopwords
    tokens: list[_Token | None] = []
    initial = True
    for word in raw:
        if not word[0].isalnum():
            tokens.append(None)
            continue
        possessive = bool(POSSESSIVE.search(word)) and ("'" in word or "’" in word)
        text = POSSESSIVE.sub("", word) if possessive else word
        if not text.isalpha() and not _initialism(text) or len(text) < 2 and text.casefold() != "a":
            tokens.append(None)
        else:
            shouted = text.isupper() and len(text) > 4  # "WASHINGTON", "BREAKING": a style, not an initialism
            folded = _fold(text)
            tokens.append(_Token(text, folded, text[0].isupper(), initial or title_case or shouted,
                                 folded in stop, possessive))
        initial = False
    return tokens


def _fold(word: str) -> str:
    """fold() for one word; most words are ASCII, and lower() is all that folding does to them."""
    return word.lower() if word.isascii() else fold(word)


def _initialism(word: str) -> bool:
    return word.replace(".", "").replace("&", "").isalpha() and word.isupper()


def _phrases(tokens: Sequence[_Token | None], name: Sequence[bool], roles: frozenset[str]) -> Iterator[_Found]:
    """Every name and key phrase of one sentence, as written (key phrases in lower case); `name`
    marks the tokens that are part of a name (_name_marks)."""
    spans = _name_spans(tokens, name)
    for n, (start, end) in enumerate(spans):
        words = _without_titles([t.text for t in tokens[start:end] if t])
        if len(words) <= MAX_NAME_WORDS and fold(words[-1]) not in roles and _name_worthy(words):
            before = spans[n - 1] if n else None
            linked = before is not None and before[1] == start - 1 and (link := tokens[start - 1]) is not None \
                and link.folded == "and"
            yield _Found(" ".join(words), second=linked)
            if linked and before is not None and words == [t.text for t in tokens[start:end] if t]:
                first = [t.text for t in tokens[before[0]:before[1]] if t]
                if len(first) + len(words) < MAX_NAME_WORDS + 1:
                    yield _Found(" ".join(words), whole=" ".join([*first, "and", *words]))
    run: list[int] = []
    for i, token in enumerate((*tokens, None)):
        if token is not None and (not token.stop or name[i]):
            run.append(i)
            if not token.breaks_after:
                continue
        if run:
            yield from map(_Found, _run_phrases([t for j in run if (t := tokens[j])], [name[j] for j in run]))
        run = []


def _name_marks(tokens: Sequence[_Token | None], named_mid: set[str]) -> list[bool]:
    """Which tokens are part of a name: capitalised where a capital means a name (or the story shows
    elsewhere that it does); a capitalised stopword that can be an adjective or noun before a name
    mid-sentence ("New York", "First Amendment"); "of" between two names ("Bank of England")."""
    name = [t is not None and not t.stop and (t.capital and (not t.initial or t.folded in named_mid)
                                              or _initialism(t.text) and len(t.text) <= 4) for t in tokens]
    for i in range(len(tokens) - 2, -1, -1):  # right to left, so "New" joins a name "of" has made
        t = tokens[i]
        if t is not None and t.stop and not t.breaks_after and name[i + 1] and (
                t.capital and (not t.initial or t.folded in named_mid) and t.folded not in ARTICLES
                or t.folded == "of" and i > 0 and name[i - 1]):
            name[i] = True
    return name


def _name_spans(tokens: Sequence[_Token | None], name: Sequence[bool]) -> list[tuple[int, int]]:
    """Maximal runs of name tokens, cut after a possessive, never ending in "of"."""
    spans: list[tuple[int, int]] = []
    start = None
    for i in range(len(name) + 1):
        is_name = i < len(name) and name[i]
        previous = tokens[i - 1] if i else None
        if start is not None and (not is_name or previous is not None and previous.breaks_after):
            spans.append((start, i))
            start = None
        if is_name and start is None:
            start = i
    return [(a, b) for a, b in spans if (last := tokens[b - 1]) is not None and last.folded != "of"]


def _without_titles(words: list[str]) -> list[str]:
    """A name less the titles before it: "Facebook CEO Mark Zuckerberg" is Mark Zuckerberg."""
    titles = patterns().title_words
    folded = [fold(w) for w in words]
    last_title = max((i for i, w in enumerate(folded) if w in titles), default=-1)
    return words[last_title + 1:] if len(words) - last_title - 1 >= 2 else words


def _roles(sentences: Sequence[Sequence[_Token | None]], marks: Sequence[Sequence[bool]]) -> frozenset[str]:
    """The title words the story sets right before a person's name ("President" in "President Donald
    Trump"): a name ending in one is a role ("Russian President"), not a subject. Read off the story,
    since the same title words also end names of places and bodies ("White House", "Labour Party")."""
    titles = patterns().title_words
    roles = set()
    for tokens, name in zip(sentences, marks):
        for start, end in _name_spans(tokens, name):
            folded = [t.folded for t in tokens[start:end] if t]
            last_title = max((i for i, w in enumerate(folded) if w in titles), default=-1)
            if last_title >= 0 and len(folded) - last_title - 1 >= 2:
                roles.add(folded[last_title])
    return frozenset(roles)


def _run_phrases(run: Sequence[_Token], name: Sequence[bool]) -> Iterator[str]:
    """The key phrases of a run of words: windows of two or three, the first words maybe a whole name."""
    starts: dict[int, int] = {}
    for i in range(len(run)):
        if name[i] and (i == 0 or not name[i - 1]):
            starts[i] = next((j for j in range(i, len(run)) if not name[j]), len(run))
    for start in range(len(run)):
        if name[start] and start not in starts:
            continue  # a window may begin with a whole name, never inside one
        lead_end = starts.get(start, start)
        for end in range(max(lead_end + 1, start + 2), min(start + MAX_PHRASE_WORDS, len(run)) + 1):
            window = run[start:end]
            if any(name[i] for i in range(lead_end, end)):
                break
            if _key_phrase(window, lead_end - start):
                named = [t.text for t in window[:lead_end - start]]
                yield " ".join(named + [t.folded for t in window[lead_end - start:]])


def _name_worthy(words: Sequence[str]) -> bool:
    """A lone capitalised word names something when lower case would not say the same ("Brexit",
    "NATO", "Congress"); "House" or "Great" alone do not."""
    if len(words) > 1:
        return True
    return words[0].isupper() or zipf(fold(words[0])) < COMMON_NAME_ZIPF


def _key_phrase(window: Sequence[_Token], named: int) -> bool:
    """Words after a leading name that can modify a noun, then a noun; on average not too common,
    and not all titles ("prime minister" is a role, not a subject)."""
    common = window[named:]
    if not common or not _head(common[-1].folded) or not all(_modifier(t.folded) for t in common[:-1]):
        return False
    if all(t.folded in patterns().title_words for t in common):
        return False
    return sum(zipf(t.folded) for t in common) / len(common) <= MAX_MEAN_ZIPF


@lru_cache(maxsize=1 << 16)
def _head(word: str) -> bool:
    """A noun by the lexicon, or a word it lacks long enough to be one ("cfdna"; not "vs")."""
    lemmas = getAllLemmas(word)
    return "NOUN" in lemmas if lemmas else len(word) >= 4


@lru_cache(maxsize=1 << 16)
def _modifier(word: str) -> bool:
    """An adjective or a noun in the singular ("trade war", "impeachment inquiry"): a plural or a verb
    before a noun is mostly a clause ("faces questions", "rookies keep"). A word the lexicon lacks may be."""
    lemmas = getAllLemmas(word)
    return not lemmas or "ADJ" in lemmas or word in lemmas.get("NOUN", ())


@lru_cache(maxsize=1 << 16)
def _singular(word: str) -> str:
    lemma = getLemma(word, upos="NOUN")
    return lemma[0] if lemma and lemma[0] else word
