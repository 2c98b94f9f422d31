"""Lines to a page layout: which line is the headline, which are body, credits, tail or furniture.

The rules are small named steps applied in order (the first that claims a line wins), so a new
kind of furniture is one more step or one more entry in patterns.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from digest.loader.blocks import Line
from digest.loader.dateline import match_dateline
from digest.loader.patterns import Patterns, label_key

MAX_HEADLINE_WORDS = 25


@dataclass(frozen=True, slots=True)
class Layout:
    headline: Line | None
    body: tuple[Line, ...]
    credits: tuple[Line, ...]
    tail: tuple[Line, ...]  # from the first related/popular section on
    dropped: tuple[Line, ...]


@dataclass(frozen=True, slots=True)
class Context:
    patterns: Patterns
    index: int  # position of the line among the article-zone lines
    headline: str | None  # the headline, once found


LineRule = Callable[[Line, Context], "str | None"]


def is_headline(line: Line, ctx: Context) -> str | None:
    if ctx.index != 0 or match_dateline(line.text, ctx.patterns):
        return None
    text = line.text
    if len(text.split()) > MAX_HEADLINE_WORDS or text.endswith((".", ",", ";", ":")):
        return None
    return "headline"


def is_repeated_headline(line: Line, ctx: Context) -> str | None:
    return "dropped" if ctx.headline and label_key(line.text) == label_key(ctx.headline) else None


def is_boilerplate(line: Line, ctx: Context) -> str | None:
    return "dropped" if label_key(line.text) in ctx.patterns.boilerplate_lines else None


def is_credit(line: Line, ctx: Context) -> str | None:
    match = ctx.patterns.credit_split.match(line.text)
    return "credit" if match and label_key(match.group(1)) in ctx.patterns.credit_label else None


def is_blank_text(line: Line, ctx: Context) -> str | None:
    return "dropped" if not re.search(r"\w", line.text) else None


LINE_RULES: tuple[tuple[str, LineRule], ...] = (
    ("blank_text", is_blank_text),
    ("headline", is_headline),
    ("repeated_headline", is_repeated_headline),
    ("boilerplate", is_boilerplate),
    ("credit", is_credit),
)


def tail_start(lines: tuple[Line, ...], patterns: Patterns) -> int:
    """Index of the first section header ("Related articles", "Popular"), or len(lines)."""
    for i, line in enumerate(lines):
        if label_key(line.text) in patterns.section_headers:
            return i
    return len(lines)


def classify(lines: tuple[Line, ...], patterns: Patterns) -> Layout:
    cut = tail_start(lines, patterns)
    kinds: dict[str, list[Line]] = {"headline": [], "body": [], "credit": [], "dropped": []}
    headline: str | None = None
    for index, line in enumerate(lines[:cut]):
        ctx = Context(patterns, index, headline)
        kind = next((k for _, rule in LINE_RULES if (k := rule(line, ctx))), "body")
        kinds[kind].append(line)
        if kind == "headline":
            headline = line.text
    return Layout(
        headline=kinds["headline"][0] if kinds["headline"] else None,
        body=tuple(kinds["body"]),
        credits=tuple(kinds["credit"]),
        tail=lines[cut:],
        dropped=tuple(kinds["dropped"]),
    )
