"""Where the article is: the page's main run of prose paragraphs.

Pages are mostly furniture (menus, lists of other stories, captions); the article is the one long
run of sentence-like paragraphs, with at most a few furniture lines between them. The run is the
best-scoring stretch of lines (each prose line scores its words, each other line costs), then cut
to start at the article's own markers: the repeated headline and the first dateline.
"""
from __future__ import annotations

import re
from operator import itemgetter

from digest.loader.blocks import Line
from digest.loader.patterns import MENU_FIRST_WORD, Patterns, label_key

MIN_PROSE_WORDS = 5
MIN_UNPUNCTUATED_WORDS = 15  # a paragraph without closing punctuation must be this long
MAX_PROSE_SCORE = 40  # one long paragraph must not outweigh a list of headlines after it
FURNITURE_COST = 6
SHORT_SENTENCE_SCORE = 2  # "He declined to comment." inside the article; neutral enough outside it
SECTION_COST = 25
MIN_ENDED_SCORE = 40  # an end line ("Comments") closes a run this long: above the body it is a link
_CLOSERS = "\"”’')]"
_STOPS = ".!?…:;।。！？؟"  # the danda, the ideographic and the Arabic stops close sentences too
_QUOTE_ENDS = "\"”’"


_IDEOGRAPHS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")  # kana and Han characters
IDEOGRAPHS_PER_WORD = 2  # Chinese and Japanese set no spaces between words, which run about two characters


def word_gaps(text: str) -> int:
    """The gaps between the line's words: its spaces, or, in Chinese or Japanese text, which sets
    none, as many as its characters make words. Only a line too short by its spaces is counted
    again, so Latin text pays one test."""
    spaces = text.count(" ")
    if spaces >= MIN_PROSE_WORDS - 1 or text.isascii():
        return spaces
    return spaces + len(_IDEOGRAPHS.findall(text)) // IDEOGRAPHS_PER_WORD


def closes_sentence(text: str) -> bool:
    """Ends with a stop, maybe inside closing marks ('... said.")'), or with a quotation's mark."""
    return text[-1:] in _QUOTE_ENDS or text.rstrip(_CLOSERS)[-1:] in _STOPS


_FIRST = itemgetter(0)
_ASCII_NOT_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())
_ASCII_NOT_LOWER = bytes(c for c in range(128) if not chr(c).islower())


def lowercase_share(words: list[str]) -> float:
    """The share of words, among those that start with a letter, that start in lower case."""
    firsts = "".join(map(_FIRST, words))
    if firsts.isascii():  # most text: counted by byte deletion, without a Python call per word
        data = firsts.encode("ascii")
        letters = len(data.translate(None, _ASCII_NOT_LETTERS))
        return len(data.translate(None, _ASCII_NOT_LOWER)) / letters if letters else 0.0
    lower = sum(map(str.islower, firsts))
    cased = lower + sum(map(str.isupper, firsts))
    if not cased:  # a caseless script (Bengali, Arabic, Chinese): no capitals mark a headline
        return 1.0 if any(map(str.isalpha, firsts)) else 0.0
    return lower / cased


# ASCII text read as classes of characters: "l" a lower-case letter, "u" a capital, " " any character
# str.split() splits at, "o" the rest. A word starts right after a space, so its first character's
# class follows one: the words' first letters are counted without splitting the text.
_ASCII_CLASSES = bytes(
    ord("l") if chr(c).islower() else ord("u") if chr(c).isupper() else ord(" ") if chr(c).isspace() else ord("o")
    for c in range(256)
)


def text_lowercase_share(text: str) -> float:
    """lowercase_share(text.split()), faster on ASCII text: an article's paragraphs are read so."""
    if not text.isascii():
        return lowercase_share(text.split())
    classes = text.encode("ascii").translate(_ASCII_CLASSES)
    lower = classes.count(b" l") + (classes[:1] == b"l")
    letters = lower + classes.count(b" u") + (classes[:1] == b"u")
    return lower / letters if letters else 0.0


MIN_LOWER_SHARE = 0.4  # of a paragraph's words in lower case; a headline or a menu capitalises more
LONG_SENTENCE_WORDS = 25  # a closed sentence this long may be heavy with names and titles:
LONG_SENTENCE_LOWER_SHARE = 0.3  # it needs fewer lower-case words
NOT_PROSE, LOOSE_PROSE, PROSE = 0, 1, 2  # LOOSE_PROSE: long enough, but no closing punctuation


def prose_level(line: Line, patterns: Patterns) -> int:
    """How much the line reads as a sentence-like paragraph: long enough, mostly lower-case words,
    closing punctuation (PROSE); a long line without it is LOOSE_PROSE, fine where headlines are
    unlikely. One pass: the caller reads both answers."""
    text = line.text
    spaces = text.count(" ")
    if spaces < MIN_PROSE_WORDS - 1 and not text.isascii():
        spaces = word_gaps(text)
    if line.bullet or spaces < MIN_PROSE_WORDS - 1:
        return NOT_PROSE
    if closes_sentence(text):
        level = PROSE
    elif spaces + 1 >= MIN_UNPUNCTUATED_WORDS:
        level = LOOSE_PROSE
    else:
        return NOT_PROSE
    # officials' names and titles fill an agency's sentences ("signed by Salem Al Ketbi, Under-Secretary
    # of the Ministry of ..."): a long closed sentence needs fewer lower-case words than a headline has
    share = LONG_SENTENCE_LOWER_SHARE if level == PROSE and spaces + 1 >= LONG_SENTENCE_WORDS else MIN_LOWER_SHARE
    if text_lowercase_share(text) < share or is_furniture(text, patterns) or patterns.article_end.search(text):
        return NOT_PROSE  # an end line ("More information: ...", "The views expressed ...") is no paragraph
    return level


def is_prose(line: Line, patterns: Patterns, strict: bool = False) -> bool:
    """A sentence-like paragraph (`strict` asks for closing punctuation, where headlines are likely)."""
    return prose_level(line, patterns) >= (PROSE if strict else LOOSE_PROSE)


MAX_NAVIGATION_SPACES = 30  # a menu bar is a line of a few dozen words at most
MAX_LABEL_SPACES = 6  # labels ("Most read", "Skip to main content") are short; longer lines skip the lookup
MAX_LABEL_CHARS = 80  # seven words of a label never run longer: a cheaper first test than counting


def is_label(text: str, labels: frozenset[str]) -> bool:
    return len(text) <= MAX_LABEL_CHARS and text.count(" ") <= MAX_LABEL_SPACES and label_key(text) in labels


_SHORT_SENTENCE = re.compile(r"^[\"“‘'(]?[A-Z][^.!?]*(?:[.!?]|\.\.\.)[\"”’')]?$")


def is_short_sentence(line: Line, patterns: Patterns) -> bool:
    """A complete sentence too short for prose ("No one was hurt."): body text inside the article."""
    words = line.text.count(" ") + 1
    if line.bullet or not 2 <= words < MIN_PROSE_WORDS or not _SHORT_SENTENCE.match(line.text):
        return False
    return text_lowercase_share(line.text) >= 0.3 and not is_furniture(line.text, patterns)


MIN_LIST_SENTENCE_WORDS = 8  # a menu's or a related list's items are shorter, or close no sentence
_PERIOD_END = re.compile(r"\.[\"”’')\]]*$")
_PARAGRAPH_END = re.compile(r"[.:][\"”’')\]]*$")  # "... (all times local):" opens what follows


def is_list_sentence(line: Line, patterns: Patterns) -> bool:
    """A list item that is a full sentence ("* Best Buy lists the card from $699 to $899."): an
    article's list of points, not a menu's link or a related headline, which close no sentence
    with a full stop."""
    return line.bullet and line.text.count(" ") + 1 >= MIN_LIST_SENTENCE_WORDS and bool(_PERIOD_END.search(line.text)) \
        and prose_level(line._replace(bullet=False), patterns) == PROSE


def is_navigation(text: str, patterns: Patterns) -> bool:
    if text.count(" ") > MAX_NAVIGATION_SPACES:
        return False
    first = MENU_FIRST_WORD.match(text).group(1)  # a menu starts with a menu word: most lines stop here
    return first.casefold() in patterns.navigation_starts and bool(patterns.navigation.fullmatch(text))


def is_furniture(text: str, patterns: Patterns) -> bool:
    return is_boilerplate(text, patterns) or is_navigation(text, patterns)


def is_boilerplate(text: str, patterns: Patterns) -> bool:
    """Furniture by its label or its form: is_furniture without the menu test, for a caller that
    has that answer already."""
    return is_label(text, patterns.furniture_labels) or patterns.furniture.search(text)


def embedded(lines: tuple[Line, ...], patterns: Patterns) -> set[int]:
    """Indices of embedded posts: the text above a signature line ("— Dele (@dele_official) ...")."""
    found: set[int] = set()
    for i, line in enumerate(lines):
        if "(@" in line.text and patterns.embed_signature.search(line.text):
            found.update(j for j in (i - 1, i) if j >= 0)
    return found


def _alone(lines: tuple[Line, ...], i: int) -> bool:
    """The line is a block of its own: articles set paragraphs apart, lists run items together."""
    block = lines[i].block
    return (i == 0 or lines[i - 1].block != block) and (i + 1 == len(lines) or lines[i + 1].block != block)


def _menu_item(lines: tuple[Line, ...], i: int) -> bool:
    """The line is a list item with the list's next item under it, in its block: a menu's link. A
    section's header heads what follows it (a tab's label, "• Recent Posts", too, as its list's last)."""
    return lines[i].bullet and i + 1 < len(lines) and lines[i + 1].bullet and lines[i + 1].block == lines[i].block


MENU_NEIGHBOURS = 3  # short lines of its block on each side: a menu's column, not a share bar or a box's tabs


def _not_headline(text: str, spaces: int) -> bool:
    """Under a section's header, a paragraph rather than a listed headline: it ends with a full
    stop or a colon, or runs longer than headlines do. Headlines end with a quotation ("... 'let
    us come home'") or a question as often as a paragraph does."""
    return bool(_PARAGRAPH_END.search(text)) or spaces + 1 >= LONG_SENTENCE_WORDS


def _in_menu_column(lines: tuple[Line, ...], i: int) -> bool:
    """The line stands among short lines of its own block: one link of a menu saved without its
    list marks ("News", "Latest News", "North Korea"). A section's header ends its block, or heads
    a list of headlines longer than a menu's words."""
    around = range(i - MENU_NEIGHBOURS, i + MENU_NEIGHBOURS + 1)
    if around[0] < 0 or around[-1] >= len(lines):
        return False
    return all(lines[j].block == lines[i].block and (j == i or lines[j].text.count(" ") < MIN_PROSE_WORDS - 1)
               for j in around)


def _teaser(lines: tuple[Line, ...], i: int, patterns: Patterns) -> bool:
    """The paragraph has a "Read More" link under it: a listed post's excerpt, not the article's."""
    return i + 1 < len(lines) and len(lines[i + 1].text) <= MAX_LABEL_CHARS and label_key(lines[i + 1].text) in patterns.teaser_links


def line_scores(lines: tuple[Line, ...], patterns: Patterns) -> tuple[list[int], list[bool]]:
    """Per line, its score and whether it is prose at all. Prose scores its words, furniture costs.
    After a section header ("Most read") prose counts only when it stands apart as a paragraph
    and closes its sentence: a list's summaries and headlines are not the article. A menu's item
    named like a section ("• Latest News", then "• World", "• Sport") is a link, and heads nothing."""
    scores, prose, in_list = [], [], False
    skip = embedded(lines, patterns)
    sections = patterns.section_headers
    for i, line in enumerate(lines):
        text = line.text
        spaces = text.count(" ")
        if spaces < MIN_PROSE_WORDS - 1 and not text.isascii():
            spaces = word_gaps(text)  # Chinese or Japanese sets no spaces; most lines skip the call
        short = line.bullet or spaces < MIN_PROSE_WORDS - 1  # most lines: never prose
        level = NOT_PROSE if short or i in skip else prose_level(line, patterns)
        prose.append(level != NOT_PROSE)
        if level == NOT_PROSE:
            if len(text) <= MAX_LABEL_CHARS and spaces <= MAX_LABEL_SPACES and label_key(text) in sections \
                    and not _menu_item(lines, i) and not _in_menu_column(lines, i):
                scores.append(-SECTION_COST)
                in_list = True
            elif not in_list and short and _alone(lines, i) and is_short_sentence(line, patterns):
                scores.append(SHORT_SENTENCE_SCORE)
            elif not in_list and line.bullet and is_list_sentence(line, patterns):
                scores.append(min(spaces + 1, MAX_PROSE_SCORE))
            else:
                scores.append(-FURNITURE_COST)
        elif not in_list or (level == PROSE and _alone(lines, i) and _not_headline(text, spaces)
                             and not _teaser(lines, i, patterns)):
            scores.append(min(spaces + 1, MAX_PROSE_SCORE))
            in_list = False
        else:
            scores.append(-FURNITURE_COST)
    _between_paragraphs(lines, scores)
    return scores, prose


MAX_BOX_ITEMS = 6  # a box of links set between paragraphs ("Related stories") holds a few


def _between_paragraphs(lines: tuple[Line, ...], scores: list[int]) -> None:
    """A box of related links set between two paragraphs (a section header, a few list items in one
    block, then a paragraph standing alone that counts even under the header) costs as one
    furniture line, not as a list that ends the article: the paragraphs after it are the story's."""
    for h, score in enumerate(scores):
        if score != -SECTION_COST or h == 0 or scores[h - 1] <= 0 or h + 1 == len(lines) or not lines[h + 1].bullet:
            continue
        block, j = lines[h + 1].block, h + 1
        while j < len(lines) and lines[j].bullet and lines[j].block == block:
            j += 1
        if j - h - 1 <= MAX_BOX_ITEMS and j < len(lines) and scores[j] > 0 and lines[j].block != block:
            scores[h] = -FURNITURE_COST
            scores[h + 1 : j] = [0] * (j - h - 1)


MIN_ABOVE_FOOTER_SCORE = 2 * MIN_ENDED_SCORE  # a run this good above the page's footer is the article
MAX_FOOTER_SPACES = 20  # "Copyright 2020 The Jamaica Information Service. All Rights Reserved. Read our Privacy Policy."


def _is_rights_line(text: str) -> bool:
    return text.count(" ") <= MAX_FOOTER_SPACES and "rights reserved" in text.casefold()


def main_run(lines: tuple[Line, ...], scores: list[int], patterns: Patterns) -> tuple[int, int] | None:
    """The best-scoring run, read above the page's copyright footer when a good one stands there:
    text saved below the footer is a hidden window's (a second article, a course description),
    which a page shows only on demand."""
    footer = next((i for i, line in enumerate(lines) if "eserved" in line.text and _is_rights_line(line.text)), None)
    if footer is not None:
        above = _best_run(lines[:footer], scores[:footer], patterns)
        if above is not None and sum(scores[above[0] : above[1]]) >= MIN_ABOVE_FOOTER_SCORE:
            return above
    return _best_run(lines, scores, patterns)


def _best_run(lines: tuple[Line, ...], scores: list[int], patterns: Patterns) -> tuple[int, int] | None:
    """[start, end) of the best-scoring stretch of lines (Kadane), or None when no line is prose.
    A staff credit ("... contributed to this report", "Reporting by ...") closes the article, and so
    does an end line ("About Acme Robotics", "Comments") under a run of a few paragraphs at least."""
    best, best_span = 0, None
    total, start = 0, 0
    for i, score in enumerate(scores):
        if total <= 0:
            total, start = 0, i
        elif best_span and best_span[0] == start and score < 0 and best >= MIN_ENDED_SCORE \
                and patterns.article_end.search(lines[i].text):
            return best_span  # "About Acme Robotics", "Media contact:": the article has ended
        total += score
        if total > best:
            best, best_span = total, (start, i + 1)
        text = lines[i].text
        if best_span and best_span[0] == start and text.count(" ") >= 3 and patterns.staff_credit.search(text):
            return (start, i + 1)
    return best_span
