"""Text to lines: text-browser residue removed, wrapped paragraphs joined, each line tagged.

Text browsers (lynx, w3m) wrap paragraphs at a fixed width, indent body text and set headings
flush left; other scrapers save one paragraph a line. Both come out as one line a paragraph.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from digest.loader.patterns import Patterns, label_key
from digest.loader.text import fold_inner

MAX_LINE_CHARS = 20_000  # longer lines are cut: no real paragraph is this long, and steps stay linear
MAX_WRAP_WIDTH = 100  # a dump whose lines all fit this width was wrapped by a text browser
MIN_WRAP_LINES = 20  # fewer saved lines tell too little about a width
WRAP_SHARE = 0.97  # the width that this share of lines fits in is the dump's wrap width
WRAP_SLACK = 10  # a wrapped line ends within this many characters of the wrap width
WRAP_FULL_SHARE = 0.15  # at least this share of a wrapped dump's lines are full ones, or:
MIN_CARRIED_LINES = 5  # at least this many lines after full ones carry on a sentence in lower case
WRAP_LOWER_SHARE = 0.3  # and this share of them: prose does (names aside), a list's next item hardly ever
# Blank lines part paragraphs when there are enough of them: a dump's blocks hold a few lines each
# (a menu, a list, a paragraph). With fewer blocks, most paragraphs share one, and each line is a block.
MAX_LINES_PER_BLOCK = 8
_HYPHEN_BREAK = re.compile(r"\w-$")  # "well-" at a line's end: a wrap broke a hyphenated word
_OPENING_MARKS = "\"“‘'(["  # a carried-on line may open with a quotation: "“anyone with ..."
_RULE = re.compile(r"[━─═]{3,}$")  # w3m's horizontal rule: as wide as the page, yet part of no paragraph
MAX_MARKER_CHARS = 5  # a list item's wrapped lines align with its text: "* " two columns in, "12. " four
# List marks: lynx's "*", "+", "o"; w3m's "•", then "□", "☆", "○" for nested lists; and others'.
_MARKS = "*+o•·□☆○◦▪■●◆►▸‣⁃-"
_BULLET = re.compile(rf"^(?:[{re.escape(_MARKS)}]|(\d{{1,3}})\.) +(?=\S)")


class Line(NamedTuple):  # immutable; a tuple, because every paragraph of every dump makes one
    number: int  # 1-based, for messages that point into the dump
    text: str
    block: int  # index of the blank-line-separated block the line belongs to
    indent: int = 0  # leading spaces as saved: text browsers set headings flush left
    bullet: bool = False  # a list item ("* Home"): navigation far more often than prose
    after_image: bool = False  # saved right under an image's mark ("[IMG]", "[harbour-0303]"): its caption, if any
    item: str = ""  # a numbered list item's number ("5" of "5. Kristi Dosh"): a ranked list's entries keep it


# Every inline residue form holds "(", "[" or "__", and most lines hold none: test before the patterns.
_BULLET_STARTS = frozenset(_MARKS + "0123456789")


_RESIDUE_LINE_STARTS = frozenset("#ILh[0123456789")


def _clean(raw: str, patterns: Patterns) -> str:
    if raw[0] in _RESIDUE_LINE_STARTS and patterns.residue_line.match(raw):
        return ""
    return patterns.residue_inline.sub(" ", raw).strip()


# Ends a sentence ("... said.", "... he asked?”", never ",”") or an aside ("[Read: ...]", "(Reuters)")
_SENTENCE_END = re.compile(r"(?:[.!?…][\"”’')\]]*|[)\]])$")


_new_tuple = tuple.__new__  # Line(...) without its Python-level __new__: one is made a saved line


def _saved_lines(text: str, patterns: Patterns) -> tuple[list[Line], list[int]]:
    """One Line a saved line that keeps any text, and each one's saved width (indentation and
    residue included). A blank or residue-only line ends a block."""
    lines: list[Line] = []
    widths: list[int] = []
    block, blank, image = 0, False, False
    for number, saved in enumerate(text.split("\n"), start=1):
        if not saved:
            blank, image = True, False
            continue
        saved = saved[:MAX_LINE_CHARS].rstrip(" ")
        body = saved.lstrip(" ")
        cleaned = body
        if body and (body[0] in _RESIDUE_LINE_STARTS or "(" in body or "[" in body or "__" in body):
            cleaned = _clean(body, patterns)
            if "  " in cleaned:
                cleaned = fold_inner(cleaned)  # "the [9]Unite union" -> "the Unite union"
        if not cleaned:
            blank, image = True, body[:1] == "[" and bool(patterns.image_mark.match(body))
            continue
        if blank and lines:
            block += 1
        blank = False
        indent = len(saved) - len(body)
        if "  " in body:
            body = fold_inner(body)
            cleaned = fold_inner(cleaned)
        bullet = _BULLET.match(cleaned) if cleaned[0] in _BULLET_STARTS else None
        if bullet:
            cleaned = cleaned[bullet.end() :]
        item = bullet.group(1) or "" if bullet else ""
        lines.append(_new_tuple(Line, (number, cleaned, block, indent, bullet is not None, image, item)))
        image = False
        widths.append(indent + len(body))
    return _without_common_indent(_with_drop_caps(lines, widths)), widths


def _with_drop_caps(lines: list[Line], widths: list[int]) -> list[Line]:
    """A paragraph's first letter set large apart from it (a drop cap: "T" on its own line, then
    "urkey, Poland and ...") joined to it again. Changes `widths` to match."""
    drops = [i for i, line in enumerate(lines[:-1]) if len(line.text) == 1 and line.text.isupper()
             and lines[i + 1].text[:1].islower()]
    for i in reversed(drops):
        lines[i + 1] = lines[i + 1]._replace(text=lines[i].text + lines[i + 1].text)
        widths[i + 1] += 1
        del lines[i], widths[i]
    return lines


def _without_common_indent(lines: list[Line]) -> list[Line]:
    """Indents made relative to the least-indented line. A dump indented as a whole (some browsers
    and mail clients indent every line, the heading too) then reads like one that sets its heading
    flush left; saved widths keep the indentation, since a wrap width counts it."""
    common = min((line.indent for line in lines), default=0)
    return lines if not common else [line._replace(indent=line.indent - common) for line in lines]


def _first_word(line: Line) -> str:
    return line.text.split(" ", 1)[0]


def _was_full(previous_width: int, line: Line, width: int) -> bool:
    """The saved line before `line` was full: `line`'s first word would not have fitted after it."""
    return previous_width + 1 + len(_first_word(line)) > width - 2


def wrap_width(lines: list[Line], widths: list[int]) -> int | None:
    """The width a text browser or mail client wrapped the dump at, or None. Most lines fit the
    width, and either a good share of them (every full line of a paragraph, menus left out) come
    close to it, or the lines after full ones carry on sentences, in lower case: a page that is
    mostly menus and headlines with one wrapped article. A page of short lines (a list of
    headlines) fits a narrow width too, but few of its lines reach it, and the lines after its
    longest ones start new items, in capitals."""
    if len(widths) < MIN_WRAP_LINES:
        return None
    ordered = sorted(widths)
    width = ordered[min(len(ordered) - 1, int(WRAP_SHARE * len(ordered)))]
    if width > MAX_WRAP_WIDTH:
        return None
    text_widths = [w for line, w in zip(lines, widths) if not line.bullet]  # menus are lists of short items
    if sum(1 for w in text_widths if w >= width - WRAP_SLACK) >= WRAP_FULL_SHARE * len(text_widths):
        return width
    after_full = [line.text.lstrip(_OPENING_MARKS)[:1] for previous, line, w in zip(lines, lines[1:], widths)
                  if not line.bullet and not previous.bullet and _was_full(w, line, width)]
    lower = sum(1 for first in after_full if first.isalpha() and not first.isupper())  # caseless scripts too
    return width if lower >= MIN_CARRIED_LINES and lower >= WRAP_LOWER_SHARE * len(after_full) else None


def _continues(head: Line, previous: Line, previous_width: int, line: Line, width: int, by_block: bool) -> bool:
    """The line carries on its paragraph (opened by `head`): the previous saved line was full (the
    next word did not fit). Where blank lines part paragraphs a block ends one; where they do not,
    a closed sentence before a capital does. A rule line is a full line that ends one."""
    if line.bullet or not _was_full(previous_width, line, width) or _RULE.match(previous.text) \
            or _RULE.match(line.text):
        return False
    if line.indent != head.indent and not (head.bullet and head.indent + 2 <= line.indent <= head.indent + MAX_MARKER_CHARS):
        return False
    if by_block:
        return line.block == head.block
    return not (_SENTENCE_END.search(previous.text) and not line.text[0].islower())


def _joined(texts: list[str]) -> str:
    """Wrapped lines as one: a line that a wrap broke after a hyphen ("well-" + "known") joins
    without a space."""
    pieces = [texts[0]]
    for before, part in zip(texts, texts[1:]):
        if not (before[-1] == "-" and _HYPHEN_BREAK.search(before[-2:]) and part[0].isalpha()):
            pieces.append(" ")
        pieces.append(part)
    return "".join(pieces)


def _join_wrapped(lines: list[Line], widths: list[int], width: int, by_block: bool, patterns: Patterns) -> list[Line]:
    """Wrapped lines joined into their paragraphs. A line that is page furniture on its own (a
    label, a run of menu words: "Homepage", "Live TV") carries on nothing, even after a full line
    (a long title line)."""
    paragraphs: list[list[Line]] = []  # per paragraph, the saved lines it joins
    for i, line in enumerate(lines):
        if paragraphs and _continues(paragraphs[-1][0], lines[i - 1], widths[i - 1], line, width, by_block) \
                and not _furniture_alone(line.text, patterns):
            paragraphs[-1].append(line)
        else:
            _part_titles(paragraphs, width, patterns)
            paragraphs.append([line])
    _part_titles(paragraphs, width, patterns)
    return [saved[0] if len(saved) == 1 else saved[0]._replace(text=_joined([l.text for l in saved])) for saved in paragraphs]


def _part_titles(paragraphs: list[list[Line]], width: int, patterns: Patterns) -> None:
    """The last paragraph parted again where it is two items of a list of headlines ("Most read",
    "Top stories") joined: two saved lines under the list's header, neither closing a sentence,
    the second a long capitalised one. A wrapped paragraph ends with a closed sentence, and
    a wrapped headline stands under no list header."""
    if len(paragraphs) < 2 or len(saved := paragraphs[-1]) != 2:
        return
    first, second = saved[0].text, saved[1].text
    if second[0].isupper() and 2 * len(second) >= width and second.count(" ") >= 2 \
            and not _SENTENCE_END.search(first) and not _SENTENCE_END.search(second) \
            and label_key(paragraphs[-2][0].text) in patterns.section_headers and len(paragraphs[-2]) == 1:
        paragraphs[-1:] = [[saved[0]], [saved[1]]]


def _furniture_alone(text: str, patterns: Patterns) -> bool:
    return label_key(text) in patterns.furniture_labels or bool(patterns.navigation.fullmatch(text))


def _parts_paragraphs(lines: list[Line], widths: list[int], width: int | None) -> bool:
    """Blank lines part the paragraphs: the dump's blocks are not far fewer than its paragraphs,
    counted without them (a wrapped line carries on unless a closed sentence ends it)."""
    blocks = lines[-1].block + 1 if lines else 1
    if len(lines) <= MAX_LINES_PER_BLOCK * blocks:
        return True
    if width is None:
        return False
    starts = sum(1 for i in range(1, len(lines)) if not _continues(lines[i - 1], lines[i - 1], widths[i - 1], lines[i], width, False))
    return starts + 1 <= MAX_LINES_PER_BLOCK * blocks


def split_lines(text: str, patterns: Patterns) -> tuple[Line, ...]:
    """Lines of text, one a paragraph: a text browser's wrapped lines joined again. Where blank
    lines do not part the paragraphs (scrapers that save one a line), each line is a block."""
    lines, widths = _saved_lines(text, patterns)
    width = wrap_width(lines, widths)
    by_block = _parts_paragraphs(lines, widths, width)
    joined = lines if width is None else _join_wrapped(lines, widths, width, by_block, patterns)
    return tuple(joined) if by_block else tuple(line._replace(block=i) for i, line in enumerate(joined))
