"""Line labels derived from truth: each truth field aligned to the page's lines.

body: a line whose text stands in the expected body (compared on letters and digits only, so
wrapping, spacing and punctuation do not matter); short lines only between the first and last long
match, where "Share" or "Photo" cannot match by chance. headline: the line nearest above the body
that reads as the expected headline. byline and date: the short line nearest the body's start that
holds the expected names, or prints the expected day. Pages whose truth gives only the body's
first words are labelled up to that line, and the sequence is cut there.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from digest.loader.classify import Layout
from digest.loader.dateline import full_dates
from digest.loader.header import read_header
from digest.loader.labeller import BODY, BYLINE, DATE, HEADLINE, OTHER
from digest.loader.patterns import Patterns
from digest.loader.title import parse_title

STRONG_CHARS = 40  # a match this long cannot be chance
STRONG_CJK_CHARS = 15
MAX_META_WORDS = 25  # a byline or date line is short
_SEPARATOR = re.compile(r"\s+(?:[-|–—:·•»]|::)\s+")
_NAME_STOP = {"by", "and", "with", "von", "und", "par", "et", "por", "y", "the", "staff", "writer", "reporter"}


def key(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", text).casefold() if c.isalnum())


def _strong(k: str) -> bool:
    return len(k) >= (STRONG_CJK_CHARS if k and not k.isascii() else STRONG_CHARS)


def headline_keys(headline: str) -> set[str]:
    """The headline, and the headline less one short end segment ("Title | Site")."""
    keys = {key(headline)}
    parts = _SEPARATOR.split(headline)
    if len(parts) > 1:
        for kept in (parts[:-1], parts[1:]):
            keys.add(key(" ".join(kept)))
    return keys - {""}


@dataclass(frozen=True)
class Sequence:
    labels: list[str]
    cut: int  # label only lines[:cut]: past it the truth says nothing


def _body(lines_keys: list[str], entry: dict) -> tuple[list[bool], int | None, int | None]:
    """Which lines are body, the first body line and, for a whole expected body, the last."""
    n = len(lines_keys)
    start_key = key(entry.get("body_start", ""))
    if entry.get("truth") == "full" and entry.get("body"):
        gold = key(" ".join(entry["body"]))
        found = [bool(k) and k in gold for k in lines_keys]
        strong = [i for i in range(n) if found[i] and _strong(lines_keys[i])]
        if not strong:
            return [False] * n, None, None
        lo, hi = strong[0], strong[-1]
        # the opening words may be a short line above the first long one ("By the sea,")
        while lo > 0 and found[lo - 1] and start_key and lines_keys[lo - 1] and start_key.startswith(lines_keys[lo - 1][:20]):
            lo -= 1
        body = [found[i] and (lo <= i <= hi or _strong(lines_keys[i])) for i in range(n)]
        return body, lo, hi
    if not start_key:
        return [False] * n, None, None
    probe = start_key[:40]
    first = next((i for i, k in enumerate(lines_keys) if k.startswith(probe) or (len(probe) >= 20 and probe in k)), None)
    if first is None:
        return [False] * n, None, None
    return [i == first for i in range(n)], first, None


def _nearest(candidates: list[int], anchor: int) -> int | None:
    """The candidate nearest above the anchor, else nearest below it."""
    above = [i for i in candidates if i < anchor]
    if above:
        return above[-1]
    return min(candidates, key=lambda i: abs(i - anchor), default=None)


def _name_tokens(text: str) -> set[str]:
    return {t for t in re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold()) if t not in _NAME_STOP}


def from_truth(layout: Layout, entry: dict, pats: Patterns) -> Sequence | None:
    lines = layout.lines
    keys = [key(line.text) for line in lines]
    body, first, last = _body(keys, entry)
    if first is None:
        return None
    labels = [BODY if b else OTHER for b in body]
    cut = len(lines) if last is not None else first + 1
    if entry.get("headline"):
        wanted = headline_keys(entry["headline"])
        hits = [i for i in range(first) if keys[i] in wanted or key(parse_title(lines[i].text, pats).headline) in wanted]
        if hits:
            labels[hits[-1]] = HEADLINE
    short = [i for i in range(len(lines)) if labels[i] == OTHER and lines[i].text.count(" ") < MAX_META_WORDS]
    if entry.get("byline"):
        names = _name_tokens(entry["byline"])
        hits = [i for i in short if names and len(names & _name_tokens(lines[i].text)) * 2 >= len(names)]
        if (i := _nearest(hits, first)) is not None and i < cut:
            labels[i] = BYLINE
    if entry.get("date"):
        year, month, day = (int(x) for x in str(entry["date"])[:10].split("-"))
        hits = [i for i in short if labels[i] in (OTHER, BYLINE) and (year, month, day) in full_dates(lines[i].text)]
        i = _nearest(hits, first)
        if i is not None and i < cut and labels[i] == OTHER:
            labels[i] = DATE
    return Sequence(labels, cut)


def from_rules(layout: Layout, headline: str | None, pats: Patterns) -> Sequence | None:
    """Labels for a page the rules read right (the hand-checked corpus and the seeds score 1.000):
    their body, their header's byline and time lines, and the expected headline."""
    lines = layout.lines
    if not layout.body:
        return None
    in_body = set(layout.body)
    labels = [BODY if line in in_body else OTHER for line in lines]
    first = labels.index(BODY)
    if headline:
        wanted = headline_keys(headline)
        hits = [i for i in range(first) if key(lines[i].text) in wanted or key(parse_title(lines[i].text, pats).headline) in wanted]
        if hits:
            labels[hits[-1]] = HEADLINE
    for line in layout.header:
        i = lines.index(line)
        if labels[i] != OTHER:
            continue
        header = read_header((line,), pats)
        labels[i] = BYLINE if header.byline else DATE if header.timestamp else OTHER
    return Sequence(labels, len(lines))
