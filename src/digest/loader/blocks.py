"""Text to lines: text-browser residue removed, wrapped paragraphs joined, each line tagged.

Text browsers (lynx, w3m) wrap paragraphs at a fixed width, indent body text and set headings
flush left; other scrapers save one paragraph a line. Both come out as one line a paragraph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from digest.loader.patterns import Patterns
from digest.loader.text import fold_inner

MAX_LINE_CHARS = 20_000  # longer lines are cut: no real paragraph is this long, and steps stay linear
MAX_WRAP_WIDTH = 100  # a dump whose lines all fit this width was wrapped by a text browser
WRAP_SHARE = 0.97  # the width that this share of lines fits in is the dump's wrap width
_BULLET = re.compile(r"^(?:[*+o•·-]|\d{1,3}\.) +(?=\S)")


class Line(NamedTuple):  # immutable; a tuple, because every paragraph of every dump makes one
    number: int  # 1-based, for messages that point into the dump
    text: str
    block: int  # index of the blank-line-separated block the line belongs to
    indent: int = 0  # leading spaces as saved: text browsers set headings flush left
    bullet: bool = False  # a list item ("* Home"): navigation far more often than prose


@dataclass(slots=True)  # not frozen: one is made for every saved line, and a frozen one costs 4x
class _Raw:
    number: int
    text: str
    indent: int
    bullet: bool
    width: int  # the saved line's length, indentation included


# Every inline residue form holds "(", "[" or "__", and most lines hold none: test before the patterns.
_BULLET_STARTS = frozenset("*+o•·-0123456789")


_RESIDUE_LINE_STARTS = frozenset("#ILh[")


def _clean(raw: str, patterns: Patterns) -> str:
    if raw[0] in _RESIDUE_LINE_STARTS and patterns.residue_line.match(raw):
        return ""
    return patterns.residue_inline.sub(" ", raw).strip()


def _raw_lines(text: str, patterns: Patterns) -> list[_Raw | None]:
    """One entry a saved line; None for a blank (or residue-only) line, which ends a block."""
    out: list[_Raw | None] = []
    for number, saved in enumerate(text.split("\n"), start=1):
        if not saved:
            out.append(None)
            continue
        saved = saved[:MAX_LINE_CHARS].rstrip(" ")
        body = saved.lstrip(" ")
        if not body:
            out.append(None)
            continue
        indent = len(saved) - len(body)
        if "  " in body:
            body = fold_inner(body)
        cleaned = body
        if body[0] in _RESIDUE_LINE_STARTS or "(" in body or "[" in body or "__" in body:
            cleaned = _clean(body, patterns)
            if not cleaned:
                out.append(None)
                continue
        bullet = _BULLET.match(cleaned) if cleaned[0] in _BULLET_STARTS else None
        if bullet:
            cleaned = cleaned[bullet.end() :]
        out.append(_Raw(number, cleaned, indent, bullet is not None, indent + len(body)))
    return out


def wrap_width(raws: list[_Raw | None]) -> int | None:
    widths = sorted(r.width for r in raws if r)
    if len(widths) < 20:
        return None
    width = widths[min(len(widths) - 1, int(WRAP_SHARE * len(widths)))]
    return width if width <= MAX_WRAP_WIDTH else None


def _continues(head: _Raw, previous_width: int, line: _Raw, width: int) -> bool:
    """The line carries on its paragraph (opened by `head`): the previous saved line was full (the
    next word did not fit)."""
    if line.bullet or line.indent != head.indent + (2 if head.bullet else 0) and line.indent != head.indent:
        return False
    first_word = line.text.split(" ", 1)[0]
    return previous_width + 1 + len(first_word) > width - 2


def split_lines(text: str, patterns: Patterns) -> tuple[Line, ...]:
    raws = _raw_lines(text, patterns)
    width = wrap_width(raws)
    paragraphs: list[tuple[_Raw, int, list[str]]] = []  # (first saved line, block, texts joined)
    block, open_, previous_width = 0, False, 0  # open_: the last saved line was not blank
    for raw in raws:
        if raw is None:
            open_ = False
            continue
        if not open_:
            block += bool(paragraphs)
        elif width and _continues(paragraphs[-1][0], previous_width, raw, width):
            paragraphs[-1][2].append(raw.text)
            previous_width = raw.width
            continue
        paragraphs.append((raw, block, [raw.text]))
        open_, previous_width = True, raw.width
    return tuple(
        Line(first.number, " ".join(texts) if len(texts) > 1 else texts[0], block, first.indent, first.bullet)
        for first, block, texts in paragraphs
    )
