"""Lines to a page layout: the title, the article's header (byline, time), body, credits and tail.

The article is found by structure (article.main_run), then cut to start at its own markers; inside
it, named line rules (first match wins) set captions, credits and furniture apart from the body,
so a new kind of furniture is one more entry in patterns.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from digest.loader.article import (
    closes_sentence,
    is_furniture,
    is_label,
    is_navigation,
    is_prose,
    line_scores,
    main_run,
)
from digest.loader.blocks import Line
from digest.loader.dateline import labelled_paragraphs, match_dateline, match_in_story
from digest.loader.header import is_header_line
from digest.loader.patterns import Patterns, label_key
from digest.loader.title import Title, parse_title, without_label, without_section

MAX_TITLE_WORDS = 30
MIN_HEADING_WORDS = 4  # "Get short URL", "Back to Gallery": buttons are shorter than headlines
_STAMP = re.compile(r"\d:\d\d|\b(?:19|20)\d\d\b|\bago$")  # times and dates are not headings
MAX_HEADER_LINES = 12  # byline, agency and time stand this close above the body
HEADER_SPAN = 40  # the headline's first repeat this close above the body opens the header
LINES_ABOVE_HEADLINE = 3  # a time may stand just above the headline ("Nov. 20, 2019 5:52 AM EST")
DATELINE_REACH = 15  # a dateline this many lines into the run starts the article
MAX_STANDFIRST_PARAGRAPHS = 2  # above a byline or time: more are the article itself
LONG_PARAGRAPH_WORDS = 30  # a standfirst or a caption is shorter
MAX_LONG_ABOVE_DATELINE = 2  # this many long paragraphs above a dateline: it is a quoted story's
CREDIT_REACH = 3  # "Source: ... Photo: ..." this close below the last paragraph still credits the article


@dataclass(frozen=True, slots=True)
class Layout:
    title: Title | None  # the page's title line, split into headline and site
    headline: str | None  # the title's headline, or the heading printed above the article
    header: tuple[Line, ...]  # between the headline and the body: byline, agency, time
    body: tuple[Line, ...]
    credits: tuple[Line, ...]  # "Source: ... Photo: ..." lines
    captions: tuple[Line, ...]
    tail: tuple[Line, ...]  # after the article: related lists, footers
    lines: tuple[Line, ...]  # every line, for page-wide facts (copyright, dates)


LineRule = Callable[[Line, Patterns], "str | None"]


def is_credit(line: Line, patterns: Patterns) -> str | None:
    if ":" not in line.text:  # "Source: ...", "Photo: ...": most lines have no colon at all
        return None
    match = patterns.credit_split.match(line.text)
    return "credit" if match and label_key(match.group(1)) in patterns.credit_label else None


def is_caption(line: Line, patterns: Patterns) -> str | None:
    return "caption" if patterns.caption.search(line.text) else None


def is_image_caption(line: Line, patterns: Patterns) -> str | None:
    """The line under an image's mark, when it closes no sentence ("... over the cliff edge
    (pictured)", "... on Feb. 27. | Name/OUTLET"): a paragraph closes one."""
    return "caption" if line.after_image and not closes_sentence(line.text) else None


def is_staff_credit(line: Line, patterns: Patterns) -> str | None:
    return "dropped" if patterns.staff_credit.search(line.text) else None


LINE_RULES: tuple[tuple[str, LineRule], ...] = (
    ("credit", is_credit),
    ("caption", is_caption),
    ("image_caption", is_image_caption),
    ("staff_credit", is_staff_credit),
)


def _in_box(lines: tuple[Line, ...], i: int, patterns: Patterns) -> bool:
    """The line follows a box's heading ("Sign up for Inside Congress" / "Your guide to ..."): a
    newsletter box's pitch when it shares the heading's block (a paragraph stands in a block of its
    own), or when the box's email field or button comes with it or right under it. A donation box's
    pitch needs no heading: its button ("Donate Now") under it in its block tells it."""
    if i + 1 < len(lines) and lines[i + 1].block == lines[i].block and patterns.donation_button.search(lines[i + 1].text):
        return True  # a donation box's pitch over its button
    if i == 0 or not patterns.box_heading.search(lines[i - 1].text):
        return False
    if lines[i - 1].block == lines[i].block:
        return True
    return bool(patterns.box_control.search(lines[i].text)
                or (i + 1 < len(lines) and patterns.box_control.search(lines[i + 1].text)))


MAX_ENTRY_HEADING_WORDS = 12  # "5. Kristi Dosh", "37. What did one volcano say to the other?"


def _alone(lines: tuple[Line, ...], i: int) -> bool:
    block = lines[i].block
    return (i == 0 or lines[i - 1].block != block) and (i + 1 == len(lines) or lines[i + 1].block != block)


def _entry_heading(lines: tuple[Line, ...], i: int, run: tuple[int, int], next_kept: bool) -> bool:
    """A ranked list's entry heading its paragraph ("5. Kristi Dosh" above her write-up): a short
    numbered item in a block of its own, with a paragraph under it and the entry numbered next to
    it heading the run too. A menu's or a related list's numbers run in one block, item under item."""
    line = lines[i]
    if not line.item or not next_kept or line.text.count(" ") >= MAX_ENTRY_HEADING_WORDS or not _alone(lines, i):
        return False
    neighbours = {str(int(line.item) - 1), str(int(line.item) + 1)}
    return any(lines[j].item in neighbours and _alone(lines, j) for j in range(*run))


MAX_SUBHEADING_WORDS = 10  # "The takeaway", "Wie die Banane nach Europa kam": shorter than a paragraph;
# a single word ("Caption", "Advertisement") is a label far more often
_NOT_HEADING_ENDS = ".,;)_"  # a sentence, a caption's credit, a button's count ("View all (23)"), a rule


def _opens_heading(first: str) -> bool:
    """A capital, or a letter of a script without case: not a number, a mark or a lower-case word."""
    return first.isalpha() and not first.islower()


def _subheading(lines: tuple[Line, ...], i: int, after_paragraph: bool, next_kept: bool, patterns: Patterns) -> bool:
    """A heading inside the article ("The takeaway"): a short line in a block of its own between
    two of its paragraphs, that closes no sentence and is none of the page's labels, bylines or
    times. A list's item or a run of menu words is none."""
    line = lines[i]
    text = line.text
    if not (after_paragraph and next_kept) or line.bullet or not 1 <= text.count(" ") < MAX_SUBHEADING_WORDS \
            or not _alone(lines, i) or text[-1:] in _NOT_HEADING_ENDS or not _opens_heading(text[:1]) \
            or text.isupper():  # a line in capitals between paragraphs shouts a promotion ("CLICK HERE TO ...")
        return False
    label = text.partition(": ")[0]  # "Watch Live: Channel 7 News at 10" promotes, as its label says
    return not (is_furniture(text, patterns) or (label != text and is_furniture(label, patterns))
                or is_navigation(text, patterns) or is_caption(line, patterns)
                or is_header_line(line, patterns) or _STAMP.search(text))


def _line_kind(line: Line, patterns: Patterns) -> str | None:
    for _, rule in LINE_RULES:
        kind = rule(line, patterns)
        if kind:
            return kind
    return None


def title_line(lines: tuple[Line, ...], patterns: Patterns) -> Title | None:
    """The first saved line, when it reads as a title (not the article's first sentence)."""
    if not lines or lines[0].number != 1 or lines[0].bullet or lines[0].indent:
        return None
    text = lines[0].text
    if match_dateline(text, patterns) or len(text.split()) > MAX_TITLE_WORDS or text.endswith("."):
        return None
    if is_label(text, patterns.boilerplate_lines) or is_label(text, patterns.section_headers) or is_navigation(text, patterns):
        return None  # "Skip to main content", a menu bar: a page saved without its title ("A | B | C" titles are fine)
    title = parse_title(text, patterns)
    if title.publisher is None and patterns.furniture.search(text):
        return None  # furniture that names no site ("Home › World › Europe" breadcrumbs) is no title
    if title.site_first and not _printed_again(title.headline, lines):
        return Title(text, None)  # "Brexit - What happens next": a topic, not a site, before the headline
    if title.publisher and not title.site_first and not _printed_again(title.headline, lines):
        shorter = without_section(title, patterns)  # a section too long to be sure of from the title alone
        if shorter and _printed_again(shorter, lines):
            return Title(shorter, title.publisher)
        shorter = without_label(title, patterns)  # "Opinion | Headline": the page prints the headline alone
        if shorter and _printed_again(shorter, lines):
            return Title(shorter, title.publisher)
    return title


def _printed_again(headline: str, lines: tuple[Line, ...]) -> bool:
    key = label_key(headline)
    return any(line.text[:1] == headline[:1] and label_key(line.text) == key for line in lines[1:])


def _is_heading(line: Line, prose: bool, patterns: Patterns) -> bool:
    words = len(line.text.split())
    if line.bullet or not MIN_HEADING_WORDS <= words <= MAX_TITLE_WORDS or line.text.endswith("."):
        return False
    if (prose and is_prose(line, patterns, strict=True)) or _STAMP.search(line.text):
        return False
    return not (is_furniture(line.text, patterns) or is_caption(line, patterns) or is_header_line(line, patterns))


def _last_heading(lines: tuple[Line, ...], prose: list[bool], before: int, patterns: Patterns) -> int | None:
    """The heading printed above the article: a text browser sets it flush left; other dumps print it
    among the few lines above the body. Either way the nearest headline-like line (bylines, times,
    captions, buttons and labels skipped)."""
    indented = any(line.indent for line in lines)
    for i in range(before - 1, -1 if indented else max(-1, before - 1 - MAX_HEADER_LINES), -1):
        if not (indented and lines[i].indent) and _is_heading(lines[i], prose[i], patterns):
            # a long sentence-like line right under a short heading is the standfirst, not the headline
            above = i - 1
            if prose[i] and above >= 0 and not prose[above] and not (indented and lines[above].indent) \
                    and _is_heading(lines[above], False, patterns):
                return above
            return i
    return None


def _article_start(lines: tuple[Line, ...], prose: list[bool], run: tuple[int, int], headline: str | None, patterns: Patterns) -> tuple[int, int]:
    """(index of the headline's repeat or -1, index of the body's first line)."""
    begin, end = run
    marker = -1
    if headline:
        key = label_key(headline)
        repeats = [i for i in range(1, end) if lines[i].text[:1] == headline[:1] and label_key(lines[i].text) == key]
        if repeats:
            marker = repeats[-1]
            begin = marker + 1
    labelled = labelled_paragraphs(lines[i].text for i in range(begin, end) if prose[i])
    paragraphs = 0  # since `begin`: a standfirst is one or two, an article more
    long_paragraphs = 0  # captions and standfirsts are short; two long paragraphs are the article
    for i in range(begin, min(end, begin + DATELINE_REACH)):
        if prose[i] and match_in_story(lines[i].text, labelled, patterns):
            if long_paragraphs < MAX_LONG_ABOVE_DATELINE:  # under more, a story quoted inside this one
                begin = i
            break
        if not prose[i] and is_header_line(lines[i], patterns):
            if paragraphs > MAX_STANDFIRST_PARAGRAPHS:
                break  # the byline of a story linked from inside this one ("By JAKE SHERMAN")
            begin, paragraphs = i + 1, 0  # a summary above the byline or time is the standfirst, not the body
        paragraphs += prose[i]
        long_paragraphs += prose[i] and lines[i].text.count(" ") + 1 >= LONG_PARAGRAPH_WORDS
    while begin < end and not prose[begin]:
        begin += 1
    return marker, begin


def _past_standfirst(lines: tuple[Line, ...], prose: list[bool], marker: int, start: int, end: int, patterns: Patterns) -> int:
    """The body's first line, moved past a standfirst: a long line right under the headline that
    reads as a sentence but does not close one ("Six new lines will run ... from April")."""
    if marker < 0 or start != marker + 1 or is_prose(lines[start], patterns, strict=True) or match_dateline(lines[start].text, patterns):
        return start
    after = next((i for i in range(start + 1, end) if prose[i]), None)
    return start if after is None else after


def _header_start(lines: tuple[Line, ...], marker: int, start: int, headline: str | None, offset: int) -> int:
    """Pages repeat the headline around photo galleries; the header starts at its first repeat
    near the body, and takes in the few lines above it."""
    if marker < 0 or not headline:
        return max(offset, start - MAX_HEADER_LINES)
    key = label_key(headline)
    first = next((i for i in range(max(offset, start - HEADER_SPAN), marker + 1) if label_key(lines[i].text) == key), marker)
    return max(offset, first - LINES_ABOVE_HEADLINE)


def classify(lines: tuple[Line, ...], patterns: Patterns) -> Layout:
    title = title_line(lines, patterns)
    offset = 1 if title else 0
    scores, prose = line_scores(lines[offset:], patterns)
    run = main_run(lines[offset:], scores, patterns)
    if run is None:
        return Layout(title, title.headline if title else None, (), (), (), (), lines[offset:], lines)
    run = (run[0] + offset, run[1] + offset)
    prose = [False] * offset + prose
    headline = title.headline if title else None
    marker, start = _article_start(lines, prose, run, headline, patterns)
    if headline is None:
        heading = _last_heading(lines, prose, start, patterns)
        if heading is not None:
            title = parse_title(lines[heading].text, patterns)  # a heading may carry the site too
            headline, marker = title.headline, heading
    start = _past_standfirst(lines, prose, marker, start, run[1], patterns)
    kinds: dict[str, list[Line]] = {"body": [], "credit": [], "caption": [], "dropped": []}
    for i, score in zip(range(start, run[1]), scores[start - offset : run[1] - offset]):
        line = lines[i]
        next_kept = i + 1 < run[1] and scores[i + 1 - offset] > 0
        kept = score > 0 or _entry_heading(lines, i, run, next_kept) \
            or _subheading(lines, i, bool(kinds["body"]) and kinds["body"][-1] is lines[i - 1], next_kept, patterns)
        kind = _line_kind(line, patterns) or ("body" if kept and not _in_box(lines, i, patterns) else "dropped")
        kinds[kind].append(line)
    header = lines[_header_start(lines, marker, start, headline, offset) : start]
    # a short credit line just after the last paragraph scores too little to join the run
    after = tuple(line for line in lines[run[1] : run[1] + CREDIT_REACH] if is_credit(line, patterns))
    return Layout(
        title=title,
        headline=headline,
        header=header,
        body=tuple(kinds["body"]),
        credits=tuple(kinds["credit"]) + after,
        captions=tuple(line for line in header if is_caption(line, patterns) or is_image_caption(line, patterns))
        + tuple(kinds["caption"]),
        tail=lines[run[1] :],
        lines=lines,
    )
