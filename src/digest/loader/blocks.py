"""Text to lines: text-browser residue removed, wrapped paragraphs joined, each line tagged.

Text browsers (lynx, w3m) wrap paragraphs at a fixed width, indent body text and set headings
flush left; other scrapers save one paragraph a line. Both come out as one line a paragraph.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from digest.loader.patterns import Patterns
from digest.loader.text import fold_inner

MAX_LINE_CHARS = 20_000  # longer lines are cut: no real paragraph is this long, and steps stay linear
MAX_WRAP_WIDTH = 100  # a dump whose lines all fit this width was wrapped by a text browser
WRAP_SHARE = 0.97  # the width that this share of lines fits in is the dump's wrap width
WRAP_SLACK = 10  # a wrapped line ends within this many characters of the wrap width
WRAP_FULL_SHARE = 0.15  # at least this share of a wrapped dump's lines are full ones
_BULLET = re.compile(r"^(?:[*+o•·-]|\d{1,3}\.) +(?=\S)")


class Line(NamedTuple):  # immutable; a tuple, because every paragraph of every dump makes one
    number: int  # 1-based, for messages that point into the dump
    text: str
    block: int  # index of the blank-line-separated block the line belongs to
    indent: int = 0  # leading spaces as saved: text browsers set headings flush left
    bullet: bool = False  # a list item ("* Home"): navigation far more often than prose


# Every inline residue form holds "(", "[" or "__", and most lines hold none: test before the patterns.
_BULLET_STARTS = frozenset("*+o•·-0123456789")


_RESIDUE_LINE_STARTS = frozenset("#ILh[")


def _clean(raw: str, patterns: Patterns) -> str:
    if raw[0] in _RESIDUE_LINE_STARTS and patterns.residue_line.match(raw):
        return ""
    return patterns.residue_inline.sub(" ", raw).strip()


_new_tuple = tuple.__new__  # Line(...) without its Python-level __new__: one is made a saved line


def _saved_lines(text: str, patterns: Patterns) -> tuple[list[Line], list[int]]:
    """One Line a saved line that keeps any text, and each one's saved width (indentation and
    residue included). A blank or residue-only line ends a block."""
    lines: list[Line] = []
    widths: list[int] = []
    block, blank = 0, False
    for number, saved in enumerate(text.split("\n"), start=1):
        if not saved:
            blank = True
            continue
        saved = saved[:MAX_LINE_CHARS].rstrip(" ")
        body = saved.lstrip(" ")
        cleaned = body
        if body and (body[0] in _RESIDUE_LINE_STARTS or "(" in body or "[" in body or "__" in body):
            cleaned = _clean(body, patterns)
            if "  " in cleaned:
                cleaned = fold_inner(cleaned)  # "the [9]Unite union" -> "the Unite union"
        if not cleaned:
            blank = True
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
        lines.append(_new_tuple(Line, (number, cleaned, block, indent, bullet is not None)))
        widths.append(indent + len(body))
    return _without_common_indent(lines), widths


def _without_common_indent(lines: list[Line]) -> list[Line]:
    """Indents made relative to the least-indented line. A dump indented as a whole (some browsers
    and mail clients indent every line, the heading too) then reads like one that sets its heading
    flush left; saved widths keep the indentation, since a wrap width counts it."""
    common = min((line.indent for line in lines), default=0)
    return lines if not common else [line._replace(indent=line.indent - common) for line in lines]


def wrap_width(lines: list[Line], widths: list[int]) -> int | None:
    """The width a text browser wrapped the dump at, or None: most lines fit it, and a good share
    of them (every full line of a paragraph, menus left out) come close to it. A page of short lines (a list of
    headlines) fits a narrow width too, but few of its lines reach it."""
    if len(widths) < 20:
        return None
    ordered = sorted(widths)
    width = ordered[min(len(ordered) - 1, int(WRAP_SHARE * len(ordered)))]
    if width > MAX_WRAP_WIDTH:
        return None
    text_widths = [w for line, w in zip(lines, widths) if not line.bullet]  # menus are lists of short items
    full = sum(1 for w in text_widths if w >= width - WRAP_SLACK)
    return width if full >= WRAP_FULL_SHARE * len(text_widths) else None


def _continues(head: Line, previous_width: int, line: Line, width: int) -> bool:
    """The line carries on its paragraph (opened by `head`): the previous saved line was full (the
    next word did not fit)."""
    if line.block != head.block or line.bullet:
        return False
    if line.indent != head.indent + (2 if head.bullet else 0) and line.indent != head.indent:
        return False
    first_word = line.text.split(" ", 1)[0]
    return previous_width + 1 + len(first_word) > width - 2


def _join_wrapped(lines: list[Line], widths: list[int], width: int) -> tuple[Line, ...]:
    paragraphs: list[tuple[Line, list[str]]] = []  # (first saved line, the texts it joins)
    previous_width = 0
    for line, saved_width in zip(lines, widths):
        if paragraphs and _continues(paragraphs[-1][0], previous_width, line, width):
            paragraphs[-1][1].append(line.text)
        else:
            paragraphs.append((line, [line.text]))
        previous_width = saved_width
    return tuple(first if len(texts) == 1 else first._replace(text=" ".join(texts)) for first, texts in paragraphs)


def split_lines(text: str, patterns: Patterns) -> tuple[Line, ...]:
    """Lines of text, one a paragraph: a text browser's wrapped lines joined again."""
    lines, widths = _saved_lines(text, patterns)
    width = wrap_width(lines, widths)
    return tuple(lines) if width is None else _join_wrapped(lines, widths, width)
