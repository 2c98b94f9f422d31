"""Each line of a page to the features the line labeller reads: its shape, its place in the page,
what the hand-written rules say of it, and the same of its neighbours.

Features are strings ("w=6-8", "old=body"): the model weighs each one, so a rule that misleads on
unseen sites loses its weight in training instead of deciding.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from digest.loader.article import is_boilerplate, is_navigation, lowercase_share
from digest.loader.blocks import Line
from digest.loader.classify import Layout, is_caption, is_credit
from digest.loader.dateline import full_dates, match_dateline
from digest.loader.header import is_header_line
from digest.loader.patterns import Patterns, label_key

_WORD_BOUNDS = (0, 1, 2, 3, 4, 6, 9, 13, 21, 41)  # bucket edges of a line's word count
_WORD_NAMES = ("0", "1", "2", "3", "4-5", "6-8", "9-12", "13-20", "21-40", "41+")
_END_CLASS = {".": "stop", "!": "stop", "?": "stop", "…": "stop", ":": "colon", ",": "comma", ";": "comma",
              ")": "paren", "]": "paren", "\"": "quote", "”": "quote", "’": "quote", "'": "quote", "|": "bar",
              "。": "stop", "！": "stop", "？": "stop", "：": "colon", "、": "comma", "，": "comma", "」": "quote",
              "』": "quote", "）": "paren"}  # CJK text ends its sentences with full-width marks
_TIME = re.compile(r"\d:\d\d")
_URL = re.compile(r"https?://|www\.|\.(?:com|org|net)\b")
_BY = re.compile(r"^(?:by|von|par|por|di|door|av|af|por|written by|posted by|text by|story by)\b", re.IGNORECASE)
_FIRST_WORD = re.compile(r"[^\W\d_]{1,14}")
_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
# A person's name opening a line, "By" or its kin before it: "Dan Goodin - Apr 16", "Par Cécile Ducourtieux("
_NAME = re.compile(r"(?:(?:[Bb]y|BY|[Pp]ar|[Vv]on|[Pp]or|[Dd]i)\s+)?[A-Z][^\W\d_]+(?:[-'’][^\W\d_]+)?\.?"
                   r"(?:\s+(?:[A-Z]\.|[A-Z][^\W\d_]+(?:[-'’][^\W\d_]+)?)){1,3}(?=$|[\s(@|,·•–—-])")
NEIGHBOURS = (-2, -1, 1, 2)
SAMPLE_CHARS = 200  # shares of capitals, digits and lower-case words are read off a line's start: steps stay linear  # the neighbours whose shape features a line also sees


VOCABULARY = Path(__file__).with_name("labeller.words")  # made by training/train_labeller.py


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    """The first words the model knows: those opening short lines on several training sites. A
    word only one site uses (a writer's name, a section's) would teach the model that site."""
    return frozenset(VOCABULARY.read_text(encoding="utf-8").split()) if VOCABULARY.exists() else frozenset()


def first_word(text: str) -> str | None:
    """The opening word of a short line, lower-cased: a label's, a button's or a byline's."""
    first = _FIRST_WORD.match(text)
    return first.group().lower() if first and word_count(text) <= 8 else None


def opening_name(text: str) -> re.Match[str] | None:
    """A person's name at the line's start, "By" or its kin before it, in a script with capitals."""
    return _NAME.match(text)


def word_count(text: str) -> int:
    """Words, counting ideographs by two characters a word: CJK text sets no spaces."""
    cjk = len(_CJK.findall(text)) if not text.isascii() else 0
    return text.count(" ") + 1 + cjk // 2 if text else 0


def _bucket(value: int, bounds: tuple[int, ...], names: tuple[str, ...]) -> str:
    return names[bisect_right(bounds, value) - 1]


def _share(part: int, whole: int) -> str:
    return "0" if part == 0 else ("all" if part == whole else ("hi" if part * 3 >= whole * 2 else
                                                              ("mid" if part * 3 >= whole else "lo")))


def _distance(d: int) -> str:
    """How far a line stands from a landmark, coarse: the model learns the shape, not the page."""
    return _DISTANCES.get(d) or ("+far" if d > 0 else "-far")


def _coarse(d: int) -> str:
    if d == 0:
        return "0"
    sign = "+" if d > 0 else "-"
    d = abs(d)
    return sign + ("1" if d == 1 else "2" if d == 2 else "3-5" if d <= 5 else "6-15" if d <= 15 else "far")


_DISTANCES = {d: _coarse(d) for d in range(-15, 16)}  # every name but "far": a look-up, not a call


def old_roles(layout: Layout) -> dict[int, str]:
    """The hand-written rules' reading of each line, by line number: a feature, not a decision."""
    roles: dict[int, str] = {}
    for name, lines in (("tail", layout.tail), ("header", layout.header), ("credit", layout.credits),
                        ("caption", layout.captions), ("body", layout.body)):
        for line in lines:
            roles[line.number] = name
    if layout.title and layout.lines and layout.lines[0].number == 1:
        roles.setdefault(1, "title")
    return roles


CACHED_CHARS = 300  # lines this short (menus, labels, bylines) repeat across a site's pages: read once
MAX_CACHED_LINES = 100_000


class TextLook(NamedTuple):
    """What the labeller reads off a line's text alone."""

    shape: tuple[str, ...]  # the text's features
    opener: str | None  # its "w0=" feature, when the model knows its opening word: neighbours see it too
    paragraph: bool  # is_paragraph(text)


_read_before: dict[tuple[int, str], TextLook] = {}


def shape(line: Line, look: TextLook, text_key: str, repeats: Counter) -> list[str]:
    """What a line looks like on its own: its text's features, then its place in the dump's layout."""
    feats = list(look.shape)
    if line.bullet:
        feats.append("bullet")
    if line.indent > 0:
        feats.append("indent")
    if line.after_image:
        feats.append("image")
    if line.item:
        feats.append("item")
    if repeats[text_key] > 1:
        feats.append("repeat")
    return feats


def text_look(text: str, pats: Patterns) -> TextLook:
    """What a line's text alone says; a short line's is kept for the next time it is seen."""
    if len(text) > CACHED_CHARS:
        return _text_look(text, pats)
    key = (id(pats), text)
    found = _read_before.get(key)
    if found is None:
        if len(_read_before) >= MAX_CACHED_LINES:
            _read_before.clear()
        found = _read_before[key] = _text_look(text, pats)
    return found


_ASCII_LETTERS = bytes(c for c in range(128) if chr(c).isalpha())
_ASCII_UPPER = bytes(c for c in range(128) if chr(c).isupper())
_ASCII_DIGITS = bytes(c for c in range(128) if chr(c).isdigit())


def _counts(sample: str) -> tuple[int, int, int]:
    """Letters, capitals and digits in the sample. ASCII text (most lines) is counted by deleting
    bytes in C, not by a Python call per character; the counts are the same."""
    if sample.isascii():
        data = sample.encode("ascii")
        return (len(data) - len(data.translate(None, _ASCII_LETTERS)), len(data) - len(data.translate(None, _ASCII_UPPER)),
                len(data) - len(data.translate(None, _ASCII_DIGITS)))
    return sum(map(str.isalpha, sample)), sum(map(str.isupper, sample)), sum(map(str.isdigit, sample))


def _text_look(text: str, pats: Patterns) -> TextLook:
    words = word_count(text)
    sample = text[:SAMPLE_CHARS]
    tokens = sample.split()
    letters, upper, digits = _counts(sample)
    capitalised = sum(map(str.isupper, "".join([t[0] for t in tokens])))  # each token's first character
    last = text[-1:]
    word = first_word(text)
    feats = [
        "w=" + _bucket(words, _WORD_BOUNDS, _WORD_NAMES),
        "end=" + (_END_CLASS.get(last) or ("alnum" if last.isalnum() else "other")),
        "start=" + ("upper" if text[:1].isupper() else "lower" if text[:1].islower() else
                    "digit" if text[:1].isdigit() else "mark"),
        "caps=" + _share(upper, letters) if letters else "caps=none",
        "titlecase=" + _share(capitalised, len(tokens)),
        "digits=" + _share(digits, len(sample)),
        "lower=" + ("hi" if lowercase_share(tokens) >= 0.6 else "lo") if len(tokens) >= 4 else "lower=short",
    ]
    opener = "w0=" + word if word in vocabulary() else None
    if opener:
        feats.append(opener)  # "share", "advertisement", "by": words that open short lines on many sites
    name = opening_name(text) if words <= 20 else None
    if name:
        feats.append("name=" + ("whole" if name.end() == len(text) else "opens"))
    feats.extend(_rule_flags(text, words, pats))
    return TextLook(tuple(feats), opener, _closes_paragraph(text, words))


def _rule_flags(text: str, words: int, pats: Patterns) -> list[str]:
    """The flags of the line's marks and of the hand-written rules that say yes, in a fixed order."""
    line = Line(0, text, 0)  # the rules that take a line read its text only
    flags = []
    if _URL.search(text):
        flags.append("url")
    if "©" in text:
        flags.append("copy")
    if " | " in text:
        flags.append("bar")
    if _TIME.search(text):
        flags.append("time")
    if _BY.match(text):
        flags.append("by")
    if "@" in text:
        flags.append("email")
    if not text.isascii() and _CJK.search(text):
        flags.append("cjk")
    if words <= 30 and full_dates(text):
        flags.append("date")
    navigation = is_navigation(text, pats)
    if navigation or is_boilerplate(text, pats):  # is_furniture, the menu test made once
        flags.append("furniture")
    if navigation:
        flags.append("navigation")
    if words <= 30 and is_header_line(line, pats):
        flags.append("header")
    if is_caption(line, pats) is not None:
        flags.append("caption")
    if is_credit(line, pats) is not None:
        flags.append("credit")
    if words >= 6 and match_dateline(text, pats) is not None:
        flags.append("dateline")
    return flags


PROSE_WORDS = 13  # a line this long that closes a sentence reads as a paragraph
_PROSE_ENDS = frozenset(".!?…\"”’)。！？」』）")
DENSITY_REACH = 4  # paragraphs within this many lines either side: the article's neighbourhood


def is_paragraph(text: str) -> bool:
    return _closes_paragraph(text, word_count(text))


def _closes_paragraph(text: str, words: int) -> bool:
    return words >= PROSE_WORDS and text[-1:] in _PROSE_ENDS


def _window_counts(flags: list[bool], reach: int) -> list[int]:
    """For each position, how many flags are set within `reach` either side (itself excluded)."""
    sums = [0]
    for flag in flags:
        sums.append(sums[-1] + flag)
    n = len(flags)
    return [sums[min(n, i + reach + 1)] - sums[max(0, i - reach)] - flags[i] for i in range(n)]


REACH_ABOVE = 80  # the lines the model reads: this many above the rules' body (headline, byline, time)
REACH_BELOW = 40  # and this many below it (the article's end, its credits); the rest is other


def reach(layout: Layout) -> range:
    """The lines the model labels: around the rules' body, or the whole page when they find none.
    A page's far menus and footers cost time and never hold the article's parts."""
    body = {line.number for line in layout.body}
    at = [i for i, line in enumerate(layout.lines) if line.number in body]
    if not at:
        return range(len(layout.lines))
    return range(max(0, at[0] - REACH_ABOVE), min(len(layout.lines), at[-1] + REACH_BELOW + 1))


def line_features(layout: Layout, pats: Patterns) -> list[list[str]]:
    """One feature list per line of reach(layout), in order."""
    window = reach(layout)
    lines = layout.lines[window.start : window.stop]
    n = len(lines)
    keys = [label_key(line.text) for line in lines]
    repeats = Counter(keys)
    roles = old_roles(layout)
    body_at = [i for i, line in enumerate(lines) if roles.get(line.number) == "body"]
    start, end = (body_at[0], body_at[-1]) if body_at else (n, n)
    title_key = label_key(layout.title.headline) if layout.title else None
    headline_key = label_key(layout.headline) if layout.headline else None
    blocks = Counter(line.block for line in lines)
    # the rules' headline printed nearest above their body: bylines and times stand right under it
    headline_at = max((i for i in range(min(start, n)) if keys[i] and keys[i] == headline_key), default=None)
    looks = [text_look(line.text, pats) for line in lines]
    shapes = [shape(line, look, key, repeats) for line, look, key in zip(lines, looks, keys, strict=True)]
    openers = [look.opener for look in looks]
    prose = [look.paragraph for look in looks]
    dense = _window_counts(prose, DENSITY_REACH)
    seen = _neighbour_views(lines, shapes, roles, openers)
    out: list[list[str]] = []
    for i, line in enumerate(lines):
        feats = ["bias", "old=" + roles.get(line.number, "before" if i < start else "run"),
                 "pos=" + str(10 * i // n), "from_start=" + _distance(i - start), "from_end=" + _distance(i - end)]
        feats.extend(shapes[i])
        feats.append("dense=" + ("3+" if dense[i] >= 3 else str(dense[i])))
        if line.number == 1:
            feats.append("first")
        if blocks[line.block] == 1:
            feats.append("alone")
        if keys[i] and keys[i] == title_key and i > 0:
            feats.append("is_title_headline")
        if keys[i] and keys[i] == headline_key:
            feats.append("is_old_headline")
        if headline_at is not None:
            feats.append("from_headline=" + _distance(i - headline_at))
        for k, d in enumerate(NEIGHBOURS):
            j = i + d
            if 0 <= j < n:
                feats.extend(seen[j][k])
                if lines[j].block == line.block:
                    feats.append(_SAME_BLOCK[k])
            else:
                feats.append(_NONE[k])
        out.append(feats)
    return out


_PREFIXES = tuple(f"{d:+d}:" for d in NEIGHBOURS)
_SAME_BLOCK = tuple(prefix + "same_block" for prefix in _PREFIXES)
_NONE = tuple(prefix + "none" for prefix in _PREFIXES)
_views: dict[tuple[str | None, ...], tuple[tuple[str, ...], ...]] = {}  # a line's look -> what its neighbours see
MAX_VIEWS = 100_000


def _neighbour_views(lines: tuple[Line, ...], shapes: list[list[str]], roles: dict[int, str],
                     openers: list[str | None]) -> list[tuple[tuple[str, ...], ...]]:
    """Per line, what each neighbour (NEIGHBOURS, in order) sees of it: its first three shape
    features, its rules' role and, from next door, its opening word, each prefixed by the offset.
    These take few values, so the prefixed strings are made once per process for each
    combination, not once per line and neighbour."""
    views = []
    for line, shape_, opener in zip(lines, shapes, openers, strict=True):
        key = (*shape_[:3], "old=" + roles.get(line.number, "none"), opener)
        view = _views.get(key)
        if view is None:
            if len(_views) >= MAX_VIEWS:
                _views.clear()
            view = _views[key] = _view(key[:-1], opener)
        views.append(view)
    return views


def _view(own: tuple[str, ...], opener: str | None) -> tuple[tuple[str, ...], ...]:
    view = []
    for prefix, d in zip(_PREFIXES, NEIGHBOURS, strict=True):
        seen = [prefix + f for f in own]
        if opener and abs(d) == 1:
            seen.append(prefix + opener)  # "Author:" / "Austin Murphy": a label names the next line
        view.append(tuple(seen))
    return tuple(view)
