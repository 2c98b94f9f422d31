"""Text to lines and blocks: the units every later step classifies."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Line:
    number: int  # 1-based, for messages that point into the dump
    text: str
    block: int  # index of the blank-line-separated block the line belongs to


def split_lines(text: str) -> tuple[Line, ...]:
    """Non-blank lines, each tagged with its block so steps can see what stood together."""
    lines: list[Line] = []
    block, previous_blank = 0, True
    for number, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            previous_blank = True
            continue
        if previous_blank and lines:
            block += 1
        previous_blank = False
        lines.append(Line(number, raw.strip(), block))
    return tuple(lines)
