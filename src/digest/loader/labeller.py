"""The line labeller: a linear-chain CRF, trained on real pages of many sites, labels each line of
a page as headline, byline, date, body or other, and the page's layout is read off its labels.

The model (labeller.crfsuite, CRFsuite's own file format: data, never code) is made by
training/train_labeller.py. The hand-written rules' reading is one of its features; where the
model finds no body at all, that reading stands.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import repeat
from pathlib import Path

import pycrfsuite

from digest.loader.article import is_furniture
from digest.loader.blocks import Line
from digest.loader.classify import CREDIT_REACH, MAX_HEADER_LINES, Layout, is_credit
from digest.loader.features import is_paragraph, line_features, opening_name, reach
from digest.loader.patterns import Patterns, label_key
from digest.loader.title import parse_title

MODEL = Path(__file__).with_name("labeller.crfsuite")
HEADLINE, BYLINE, DATE, BODY, OTHER = "H", "B", "D", "P", "O"
LABEL_NAMES = {HEADLINE: "headline", BYLINE: "byline", DATE: "date", BODY: "body", OTHER: "other"}
LINES_ABOVE_HEADLINE = 3  # a time may stand just above the headline


ADD_BODY = 0.8  # a paragraph the rules left out joins the body when the model is this sure of it
ADD_SHORT = 0.9  # a short line (a list's item, a crosshead) inside the article, when this sure
FIELD_REACH = 40  # lines above the headline (or the body) and below the body where a byline may stand;
# 10 and 20 lost bylines on the training split, 40 none on either split
MIN_FIELD = 0.15  # the headline, byline or date line: the most likely one, when at least this likely
# (0.05-0.4 tried: lower reads more of them on both splits; this keeps a doubtful byline out)


@dataclass(frozen=True, slots=True)
class Reading:
    layout: Layout  # the layout the labels give (the rules' own where the model finds no body)
    labels: tuple[str, ...]  # one per line of layout.lines: the most likely label of each
    byline: Line | None  # the line the model reads as the byline
    dated: tuple[Line, ...]  # the lines the model reads as the story's date, then its byline


@dataclass(frozen=True, slots=True)
class Marginals:
    """Each line's probability of each label, given the whole page."""
    labels: tuple[str, ...]
    p: dict[str, tuple[float, ...]]


@lru_cache(maxsize=1)
def _tagger() -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL))
    return tagger


@lru_cache(maxsize=1)
def feature_weights() -> dict[tuple[str, str], float]:
    """The model's weight of each (feature, label): what `inspect --explain` shows as a line's reasons."""
    return dict(_tagger().info().state_features)


def label_lines(layout: Layout, pats: Patterns) -> Marginals:
    """Labels and probabilities for every line; lines out of the model's reach are other."""
    tagger = _tagger()
    window = reach(layout)
    tagged = tagger.tag(line_features(layout, pats)) if window else []
    before, after = window.start, len(layout.lines) - window.stop
    labels = (OTHER,) * before + tuple(tagged) + (OTHER,) * after
    rows = range(len(tagged))
    p = {label: (float(label == OTHER),) * before + tuple(map(tagger.marginal, repeat(label, len(rows)), rows))
         + (float(label == OTHER),) * after for label in LABEL_NAMES}  # map: no Python frame per line
    return Marginals(labels, p)


def _may_add(text: str, p: float, inside: bool, pats: Patterns) -> bool:
    """A line the rules left out may join the body, above the rules' end (bios and print-edition
    notes follow it; the development split holds no article text past it): a paragraph; inside
    the article, a short line too (a list's item, a crosshead), unless it shouts in capitals or
    reads as furniture ("Watch Live: ...": the label before a colon counts)."""
    if p < min(ADD_BODY, ADD_SHORT):
        return False  # too doubtful either way: most lines, decided without reading the text
    if is_paragraph(text):
        return p >= ADD_BODY
    label = text.partition(": ")[0]
    return inside and p >= ADD_SHORT and not text.isupper() and not is_furniture(text, pats) and not is_furniture(label, pats)


def _most_likely(p: tuple[float, ...], lo: int, hi: int) -> int | None:
    best = max(range(lo, hi), key=lambda i: (p[i], -i), default=None)
    return best if best is not None and p[best] >= MIN_FIELD else None


MIN_TITLE_WORDS = 3  # fewer words (a CJK title counts one or two) name a site ("CNET"), not an article: chosen on the development split
TITLE_AGREEMENT = 0.6  # this share of a heading's words in the page's title: the same headline
_TOKEN = re.compile(r"[^\W_]+")


def _agrees(heading: str, title: str) -> bool:
    """Most of the heading's words (characters, in a script without spaces) stand in the title."""
    words = _heading_words(heading)
    title_text = title.casefold()
    return bool(words) and sum(w in title_text for w in words) >= TITLE_AGREEMENT * len(words)


@lru_cache(maxsize=1024)  # one page's title is compared with each line above its body
def _heading_words(heading: str) -> tuple[str, ...]:
    words = _TOKEN.findall(heading.casefold())
    if len(words) <= 2 and not heading.isascii():
        words = [c for c in heading if c.isalnum()]  # a CJK heading: one or two "words" of many characters
    return tuple(words)


def _names_article(layout: Layout, start: int) -> bool:
    """The first line is the page's <title>: it parts a site from the headline, or a heading above
    the body prints its headline again. A text browser's first line is a menu's, and names nothing."""
    title, lines = layout.title, layout.lines
    if title is None or not lines or lines[0].number != 1 or title.headline not in lines[0].text \
            or len(_TOKEN.findall(title.headline)) < MIN_TITLE_WORDS:
        return False  # the rules' title is a heading lower down, or a bare site name ("CNET")
    return title.publisher is not None or any(_agrees(title.headline, line.text) for line in lines[1:start])


def read(layout: Layout, pats: Patterns, known_title: str | None = None) -> Reading:
    """`known_title`: the page's title as a scraping tool's header gives it, where it does."""
    return relayout(layout, label_lines(layout, pats), pats, known_title)


def relayout(layout: Layout, m: Marginals, pats: Patterns, known_title: str | None = None) -> Reading:
    """The rules' body, widened by the lines the model is sure of; the headline, byline and date
    lines the model finds most likely (the rules' own where it finds none)."""
    lines = layout.lines
    in_body = set(layout.body)
    ruled = [i for i, line in enumerate(lines) if line in in_body]
    span = range(ruled[0], ruled[-1] + 1) if ruled else range(0)
    body_at = [i for i, line in enumerate(lines) if line in in_body or (
        i < span.stop and _may_add(line.text, m.p[BODY][i], i in span, pats))]
    if not body_at:
        return Reading(layout, m.labels, None, ())
    start, end = body_at[0], body_at[-1]
    credits = set(layout.credits)
    body = tuple(lines[i] for i in body_at if lines[i] not in credits)
    if not body:
        return Reading(layout, m.labels, None, ())
    offset = 1 if layout.title else 0
    heading = _most_likely(m.p[HEADLINE], 0, start)
    title, headline = layout.title, layout.headline
    title_text = lines[0].text if _names_article(layout, start) else known_title
    if heading is not None and title_text and (heading == 0 or not _agrees(lines[heading].text, title_text)):
        heading = None  # the page's title names the article: a heading that does not is another's
    if heading is not None and (rules_key := label_key(layout.headline or "")) and rules_key in label_key(lines[heading].text):
        heading = None  # the line holds the rules' headline and more (a byline run on by a wrap)
    if heading is not None:
        parsed = parse_title(lines[heading].text, pats)
        headline = parsed.headline
        if title is None and parsed.publisher:
            title = parsed
    # a byline stands by its article: under the headline, over the body, or at its foot; a name far
    # off in the page's menus and teasers ("First Forecast Weather ...") is another item's
    near = max(offset, min(start, heading if heading is not None else start) - FIELD_REACH)
    byline_at = _most_likely(m.p[BYLINE], near, min(len(lines), end + 1 + FIELD_REACH))
    date_at = _most_likely(m.p[DATE], offset, len(lines))
    marked = sorted({i for i in (byline_at, date_at) if i is not None and i < start})
    top = max(offset, start - MAX_HEADER_LINES if heading is None else min(heading + 1, start) - LINES_ABOVE_HEADLINE)
    header = tuple(lines[i] for i in sorted(set(range(top, start)) | set(marked)) if i != heading)
    after = tuple(line for line in lines[end + 1 : end + 1 + CREDIT_REACH] if is_credit(line, pats))
    new = replace(layout, title=title, headline=headline, header=header, body=body,
                  credits=tuple(line for line in layout.credits if line not in body) + after,
                  tail=lines[end + 1 :])
    if byline_at is None and date_at is not None and opening_name(lines[date_at].text):
        byline_at = date_at  # "Dan Goodin - Apr 16, 2015 8:02 pm UTC": one line holds both
    byline = lines[byline_at] if byline_at is not None else None
    dated = tuple(lines[i] for i in (date_at, byline_at) if i is not None)
    return Reading(new, m.labels, byline, dated)
