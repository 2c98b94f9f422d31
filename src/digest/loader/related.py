"""The page's tail ("Related articles", "Popular", ...) to related items, each once.

Pages print the same related item under several headers, often with its title twice (link text
and heading) and a summary; an item is a title, the labels above it and the summary below it.
Only the lists the page offers as related to this story give related items: a header's kind
(related_headers.yaml) decides, so the site's "Most read" or its readers' comments never do.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources

from digest.loader.article import is_furniture
from digest.loader.blocks import Line
from digest.loader.patterns import MONTH_RE, Patterns, label_key
from digest.loader.quotes import find_quotes, has_quote_marks
from digest.records import RelatedItem
from digest.yamltext import data_yaml

MIN_SUMMARY_WORDS = 25  # a line this long is a summary (or text), never a title
MAX_TITLE_WORDS = 25
MIN_TITLE_WORDS = 3  # "Privacy policy", "All news": footer links, not stories


@dataclass
class _Draft:
    title: str
    labels: list[str] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    summary: str | None = None


SENTENCE_WORDS = 8  # a line this long that ends with a full stop is a sentence, not a title


def _is_summary(text: str) -> bool:
    words = len(text.split())
    return words >= MIN_SUMMARY_WORDS or (words >= SENTENCE_WORDS and text.endswith("."))


MAX_HEADER_WORDS = 6
MAX_DATE_CHARS = 40  # "Wednesday, 20 November 2019": a date alone on its line is short
_DATE_ONLY = re.compile(rf"^(?:\w+,? )?(?:\d{{1,2}} (?:{MONTH_RE})\.?,? \d{{4}}|(?:{MONTH_RE})\.? \d{{1,2}},? \d{{4}})$")


@cache
def _header_starts(patterns: Patterns) -> frozenset[str]:
    return frozenset(header.split(" ", 1)[0] for header in patterns.section_headers if " " in header)


def _opens_section(key: str, patterns: Patterns) -> bool:
    """"Most popular in the section", "More from UK": a known header that goes on a little."""
    if key.count(" ") >= MAX_HEADER_WORDS or " " not in key:
        return False
    words = key.split(" ", 3)
    if words[0] not in _header_starts(patterns):
        return False
    return " ".join(words[:2]) in patterns.section_headers or " ".join(words[:3]) in patterns.section_headers


_SITE_WORD = re.compile(r"\b[A-Z]{2,}\b")
_DOMAIN_END = re.compile(r"\.(?:com|net|org|co\.uk|co|in|pk|au|ca)$", re.I)


@cache
def _site_names(site: str) -> re.Pattern[str] | None:
    """The site's name and its capitalised short forms ("ABC News": "ABC"; "DAWN.COM": "Dawn")."""
    name = _DOMAIN_END.sub("", site.strip())
    names = {name, *_SITE_WORD.findall(name)} - {""}
    if not names:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b", re.I)


def _names_site(title: str, site: str | None) -> bool:
    """"Contact the ABC", "About CBC Accounts", "Dawn Media Group": a footer link, not a story."""
    names = _site_names(site) if site else None
    return bool(names and names.search(title))


def _drafts(lines: tuple[Line, ...], patterns: Patterns, site: str | None) -> list[_Draft]:
    drafts: list[_Draft] = []
    blocks: list[int] = []  # per draft, the block its title stands in
    indices: list[int] = []  # per draft, the index of its title's line
    site_key = label_key(site) if site else None
    section: str | None = None
    section_block = -1  # the block of the header that opened the list
    labels: list[str] = []  # tags seen since the last item, for the next title
    last_title: str | None = None  # folded; a summary or a repeat of it may follow
    for i, line in enumerate(lines):
        key = label_key(line.text)
        if key in patterns.tag_headers:
            section, labels, last_title = None, [], None
        elif key in patterns.section_headers or _opens_section(key, patterns):
            section, labels, last_title = line.text.rstrip(": "), [], None
            section_block = line.block
        elif section is None:
            continue  # outside a list: nothing to collect
        elif line.text.endswith(":") or (len(line.text) <= MAX_DATE_CHARS and _DATE_ONLY.match(line.text)) \
                or patterns.item_note.search(line.text):
            continue  # a prompt ("Stay up to date:"), an item's date or category, not an item
        elif key == last_title:
            continue  # the title printed twice (link text, then heading)
        elif key in patterns.boilerplate_lines or key == site_key or key in patterns.footer_links \
                or is_furniture(line.text, patterns) or patterns.article_end.search(line.text):
            # share buttons, footers (which open with the site's own name), the comments ("11
            # responses to ..."): the list has ended. A
            # block of its own that holds such a line is the footer: its titles were links too.
            if line.block != section_block:
                while blocks and blocks[-1] == line.block:
                    drafts.pop()
                    blocks.pop()
                    indices.pop()
            # Saved without blank lines (a block a line), the footer is the run of links before
            # this line; those that name the site ("Contact the ABC", "Dawn Media Group") are its.
            while drafts and line.block - blocks[-1] == i - indices[-1] and _names_site(drafts[-1].title, site):
                drafts.pop()
                blocks.pop()
                indices.pop()
            section, labels, last_title = None, [], None
        elif _is_summary(line.text):
            if drafts and last_title is not None and drafts[-1].summary is None:
                drafts[-1].summary = line.text
            last_title = None
        elif key in patterns.item_labels:
            labels.append(line.text)
        elif section and MIN_TITLE_WORDS <= len(line.text.split()) <= MAX_TITLE_WORDS:
            drafts.append(_Draft(line.text, labels, [section] if section else []))
            blocks.append(line.block)
            indices.append(i)
            labels, last_title = [], key
    return drafts


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    """One item per title, keeping every label and section it was listed under."""
    merged: dict[str, _Draft] = {}
    for draft in drafts:
        key = label_key(draft.title)
        if key not in merged:
            merged[key] = draft
            continue
        kept = merged[key]
        kept.labels += [l for l in draft.labels if l not in kept.labels]
        kept.sections += [s for s in draft.sections if s not in kept.sections]
        kept.summary = kept.summary or draft.summary
    return list(merged.values())


@cache
def _header_kinds() -> dict[str, str]:
    """Folded header -> its kind ("related", "sitewide", "comments")."""
    data = data_yaml(resources.files("digest.loader").joinpath("related_headers.yaml").read_text(encoding="utf-8"))
    return {label_key(header): kind for kind, headers in data.items() for header in headers}


def header_kind(header: str) -> str | None:
    """The kind of list a header opens: the header whole, else the longest known phrase it starts
    with ("Most Read World" is a "most read"); None when nothing known opens it."""
    key = " ".join(label_key(header).split())
    kinds = _header_kinds()
    if key in kinds:
        return kinds[key]
    words = key.split(" ")
    for size in range(len(words) - 1, 0, -1):
        kind = kinds.get(" ".join(words[:size]))
        if kind:
            return kind
    return None


def is_related_list(sections: tuple[str, ...] | list[str]) -> bool:
    """Listed under at least one related header: a block a page repeats under "Popular" too is
    still the story's related item."""
    return any(header_kind(section) == "related" for section in sections)


_LETTERS = re.compile(r"[^\W\d_]")


# Lines a list holds that name no story: a reference's citation mark ("^ Walrond, Carl (2012)"),
# a writer's credit ("By Susan Glasser"), an address or a frame's markup ("IFRAME: https://...")
_NOT_A_TITLE = re.compile(r"^\^|^By [A-Z]|://")


def _is_story_title(title: str) -> bool:
    """"Life & Style", "1 / 5": a section link or a pager, not a story (words with letters count)."""
    return sum(1 for word in title.split() if _LETTERS.search(word)) >= MIN_TITLE_WORDS \
        and not _NOT_A_TITLE.search(title)


INLINE_ITEMS = 3  # a box of links set between paragraphs ("Related Coverage") holds a few titles
_INLINE = re.compile(r"^(?P<header>[^:]{2,40}?)\s*:\s+(?P<title>\S.*)$")


def _is_inline_title(text: str) -> bool:
    return _is_story_title(text) and len(text.split()) <= MAX_TITLE_WORDS and not _is_summary(text) \
        and not text.endswith((".", ":"))


def _inline_drafts(lines: tuple[Line, ...], patterns: Patterns) -> list[_Draft]:
    """Links the article sets among its paragraphs: "Read more: <title>" on one line, or a related
    header on its own line and a few titles under it (a "Related Coverage" box)."""
    drafts: list[_Draft] = []
    header: str | None = None
    taken = 0
    for line in lines:
        text = line.text.strip()
        if header is not None and taken < INLINE_ITEMS and _is_inline_title(text) \
                and header_kind(text) is None and label_key(text) not in patterns.boilerplate_lines:
            drafts.append(_Draft(text, [], [header]))
            taken += 1
            continue
        header, taken = None, 0
        # a header whole, as the table has it: "Read more about sharing." opens no list
        if _header_kinds().get(" ".join(label_key(text).split())) == "related":
            header = text.rstrip(": ")
        elif (m := _INLINE.match(text)) and _header_kinds().get(label_key(m.group("header"))) == "related" \
                and _is_inline_title(m.group("title")):
            drafts.append(_Draft(m.group("title"), [], [m.group("header")]))
    return drafts


def parse_related(lines: tuple[Line, ...], patterns: Patterns, site: str | None = None,
                  article: tuple[Line, ...] = ()) -> tuple[RelatedItem, ...]:
    """Related items of the page's tail (`lines`) and those set among the article's own lines
    (`article`: the page's lines before the tail)."""
    items = []
    for draft in _merge(_inline_drafts(article, patterns) + _drafts(lines, patterns, site)):
        if not is_related_list(draft.sections) or not _is_story_title(draft.title):
            continue
        labels = tuple(l for l in draft.labels if label_key(l) != label_key(draft.title))
        quotes = find_quotes([draft.summary], patterns) if draft.summary and has_quote_marks(draft.summary) else ()
        quotes = tuple(replace(q, paragraph=-1) for q in quotes if q.kind == "direct")
        items.append(RelatedItem(draft.title, draft.summary, labels, tuple(draft.sections), quotes))
    return tuple(items)
