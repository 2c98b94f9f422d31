"""patterns.yaml, compiled once into a frozen object the loader's steps read."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from digest.loader.forms import Forms, Gated
from digest.yamltext import data_yaml

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}


class RoleWords(frozenset):
    """Title words, matched without case: a sentence may start with "Economist Carla Diaz"."""

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and frozenset.__contains__(self, word.casefold())


@lru_cache(maxsize=16384)  # a line is compared with several label lists; menus repeat across dumps
def label_key(line: str) -> str:
    """How a line is compared with a label list: case, curly apostrophes, a trailing ':' and trailing
    emoji ("Keep Reading 🚀") folded."""
    key = line.strip().rstrip(":").strip()
    if not key.isascii():
        key = _without_trailing_symbols(key)
    return key.replace("\u2019", "'").casefold()


_EMOJI_JOINERS = "\u200d\ufe0f "  # the zero-width joiner and the emoji presentation selector, and spaces


def _without_trailing_symbols(text: str) -> str:
    end = len(text)
    while end and (text[end - 1] in _EMOJI_JOINERS or unicodedata.category(text[end - 1]) == "So"):
        end -= 1
    return text[:end] if end else text  # a line of symbols alone stays itself


@dataclass(frozen=True, slots=True)
class ScrapeHeaderForm:
    """One scraping tool's metadata header: the line that opens it, the one that closes it, and
    its keys, each mapped to the field the loader reads from it (None: known, not read)."""

    tool: str
    opening: str
    closing: str
    keys: dict[str, str | None]


@dataclass(frozen=True, eq=False)  # hashed by identity: compiled once, cached by steps
class Patterns:
    section_headers: frozenset[str]
    tag_headers: frozenset[str]
    teaser_links: frozenset[str]  # "Read More" under a listed post's excerpt
    item_labels: frozenset[str]
    boilerplate_lines: frozenset[str]
    furniture_labels: frozenset[str]  # boilerplate lines and section headers: one lookup for both
    credit_label: dict[str, str]  # folded label -> field ("source", "photo")
    credit_split: re.Pattern[str]
    source_suffix: re.Pattern[str]
    publisher_phrases: tuple[re.Pattern[str], ...]
    source_notes: tuple[re.Pattern[str], ...]  # "Provided by X", "This story originally appeared in X"
    masthead_domain: re.Pattern[str]  # a site's name printed as its address: "Phys.org"
    masthead_words: frozenset[str]
    datelines: tuple[re.Pattern[str], ...]
    dateline_gate: re.Pattern[str]  # matches where one of the datelines does: most lines fail it at once
    agencies: dict[str, str]  # folded name -> canonical name
    speech_verbs: tuple[str, ...]
    reporting_verbs: tuple[str, ...]
    clause_verbs: tuple[str, ...]  # reporting verbs a clause follows without "that"
    role_words: RoleWords
    sentence_openers: frozenset[str]
    department_offices: tuple[str, ...]
    min_quote_words: int
    name_phrase: str  # regex source of a run of name or title words, "Lt. Col. Alexander Vindman"
    full_name_phrase: str  # the same, two words or more: where a document's full names are
    name_particles: frozenset[str]  # lower-case words inside a name: "bin", "van", "von der"
    residue_line: re.Pattern[str]
    residue_inline: re.Pattern[str]
    image_mark: re.Pattern[str]  # a residue line that marks an image: the line under it may be its caption
    title_separators: tuple[str, ...]
    max_site_words: int
    furniture: Forms
    caption: Forms
    staff_credit: Forms
    article_end: Forms
    box_heading: Forms
    box_control: Forms  # a sign-up box's email field or button: the line above it is the box's pitch
    donation_button: Forms  # "Donate Now": the line above it in its block is a donation box's pitch
    item_note: Forms  # under a related item's title: its category ('In "Local News"')
    bylines: tuple[Gated, ...]
    bureau_datelines: tuple[Gated, ...]
    place_lines: tuple[re.Pattern[str], ...]  # the place alone on the line above the body: "ANKARA"
    headline_mark: re.Pattern[str]  # a wire's version mark before a headline: "(LEAD) "
    embed_signature: Forms
    body_end_mark: re.Pattern[str]
    navigation: re.Pattern[str]  # a whole line of menu words and separators
    navigation_starts: frozenset[str]  # the first word of each menu word, folded: a cheap first test
    footer_links: frozenset[str]  # footer words, folded: "Privacy policy", "Contact us"
    markdown_signs: re.Pattern[str]  # a dump saved as markdown shows one
    markdown_heading: re.Pattern[str]  # a "## Heading" line's opening
    markdown_forms: tuple[tuple[re.Pattern[str], str], ...]  # (form, replacement), applied in order
    scrape_headers: tuple[ScrapeHeaderForm, ...]
    scrape_header_openings: tuple[str, ...]  # what a dump with a header starts with: a cheap first test
    max_scrape_header_lines: int


def word_union(words: list[str] | tuple[str, ...]) -> str:
    """An alternation of words as a tree of their letters: "s(?:a(?:id|ys)|tated)" for "said",
    "says", "stated". The engine reads each letter once instead of trying every word in turn;
    where one word starts another, the longer is tried first, as a longest-first list would."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        if "" in node:
            return f"(?:{'|'.join(branches)})?"
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"

    return build(tree)


MONTH_RE = word_union([m.capitalize() for m in MONTHS])  # "Sep(?:t(?:ember)?)?": longest first
MONTH_CAPS_RE = word_union([m.upper() for m in MONTHS])  # "MARCH", as some agencies print datelines


def _labels(items: list[str]) -> frozenset[str]:
    return frozenset(label_key(item) for item in items)


# Capitals a name may start with: Latin letters with accents too ("Ángel", "Özdemir", "Łukasz", "Šimon").
UPPER = "A-ZÀ-ÖØ-ÞĀ-ž"


def _name_phrase(abbreviations: list[str], particles: list[str], words: str = "one") -> str:
    """A run of name or title words; `words="two"` asks for two or more, and for a word's start."""
    abbreviation = rf"(?:(?:{'|'.join(map(re.escape, abbreviations))}|[A-Z])\.(?= [A-Z]))"
    token = rf"(?:(?:[A-Z]\.){{2,}}|{abbreviation}|[{UPPER}][\w'’-]*)"
    joiner = rf"(?:(?:of|for|de) the|of|the|for|{'|'.join(map(re.escape, particles))})(?= [A-Z])"
    if words == "two":
        return rf"(?=[{UPPER}])(?<![\w'’.-]){token}(?: (?:{token}|{joiner}))+"
    return rf"(?=[{UPPER}]){token}(?: (?:{token}|{joiner}))*"  # the lookahead rejects most positions at once


_MENU_SEPARATORS = r"\s|•·*/,>»-"  # between menu words: "Home | News", "* World", "Business » Markets"
_MENU_SEPARATOR = rf"[{_MENU_SEPARATORS}]"
MENU_FIRST_WORD = re.compile(rf"{_MENU_SEPARATOR}*([^{_MENU_SEPARATORS}]*)")


def _navigation(words: list[str]) -> re.Pattern[str]:
    """Two or more menu words and nothing else, with any separators ("|", "•", "*") between."""
    word = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    sep = rf"{_MENU_SEPARATOR}+"
    return re.compile(rf"(?:{sep})?(?:{word})(?:{sep}(?:{word}))+(?:{sep})?", re.IGNORECASE)


_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
_BACK_REFERENCE = re.compile(r"\(\?P=|\(\?\(|\\[1-9]")  # by name, in a condition, by number


def either(forms: tuple[re.Pattern[str], ...]) -> re.Pattern[str]:
    """One pattern that matches at a position exactly where one of the forms does: their union,
    group names dropped (two forms may name the same group). One call says "none" for the lot.
    A form that refers back to a group would change meaning in the union: then the pattern
    matches everywhere, and each form is tried in turn as without it."""
    if any(_BACK_REFERENCE.search(form.pattern) or form.flags != re.UNICODE for form in forms):
        return re.compile("")
    return re.compile("|".join(f"(?:{_NAMED_GROUP.sub('(?:', form.pattern)})" for form in forms))


def _any(forms: list[str], flags: int = 0) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{form})" for form in forms), flags)


def _markdown(form: str, data: dict) -> str:
    return form.replace("{address}", data["markdown_address"]).replace("{heading}", data["markdown_heading"])


def _markdown_forms(data: dict) -> tuple[tuple[re.Pattern[str], str], ...]:
    """Each form with what replaces it: its `text` group, or nothing."""
    compiled = [re.compile(_markdown(form, data)) for form in data["markdown_forms"]]
    return tuple((form, r"\g<text>" if "text" in form.groupindex else "") for form in compiled)


def _scrape_headers(data: dict) -> tuple[ScrapeHeaderForm, ...]:
    return tuple(ScrapeHeaderForm(tool, form["opening"], form["closing"], dict(form["keys"]))
                 for tool, form in data["scrape_headers"].items())


def _compile(data: dict, speech: dict) -> Patterns:
    credit_label = {label_key(label): field for field, labels in data["credit_labels"].items() for label in labels}
    credit_names = sorted((re.escape(label) for labels in data["credit_labels"].values() for label in labels), key=len, reverse=True)
    suffixes = "|".join(re.escape(s) for s in data["source_suffixes"])
    return Patterns(
        navigation=_navigation(menu_words := data["navigation_words"] + data["footer_words"]),
        footer_links=_labels(data["footer_words"]),
        navigation_starts=frozenset(MENU_FIRST_WORD.match(w).group(1).casefold() for w in menu_words),
        section_headers=_labels(data["section_headers"]) | _labels(data["tag_headers"]),
        tag_headers=_labels(data["tag_headers"]),
        teaser_links=_labels(data["teaser_links"]),
        item_labels=_labels(data["item_labels"]),
        boilerplate_lines=_labels(data["boilerplate_lines"]),
        furniture_labels=_labels(data["boilerplate_lines"] + data["section_headers"] + data["tag_headers"]),
        credit_label=credit_label,
        credit_split=re.compile(rf"(?:^|(?<=[.)\s]))({'|'.join(credit_names)}):\s*", re.IGNORECASE),
        source_suffix=re.compile(rf"\s+(?:{suffixes})\s*$", re.IGNORECASE),
        publisher_phrases=tuple(re.compile(p) for p in data["publisher_phrases"]),
        source_notes=tuple(re.compile(p) for p in data["source_notes"]),
        masthead_domain=re.compile(rf"[A-Z][\w-]*\.(?:{'|'.join(map(re.escape, data['masthead_domains']))})"),
        masthead_words=frozenset(data["masthead_words"]),
        datelines=(datelines := tuple(re.compile(p.format(month=MONTH_RE, MONTH=MONTH_CAPS_RE)) for p in data["datelines"])),
        dateline_gate=either(datelines),
        agencies={name.casefold(): canonical for name, canonical in data["agencies"].items()},
        speech_verbs=tuple(sorted(speech["speech_verbs"], key=len, reverse=True)),
        reporting_verbs=tuple(sorted(speech["reporting_verbs"], key=len, reverse=True)),
        clause_verbs=tuple(sorted(speech["clause_verbs"], key=len, reverse=True)),
        role_words=RoleWords(w.casefold() for w in data["role_words"]),
        sentence_openers=frozenset(data["sentence_openers"]),
        department_offices=tuple(data["department_offices"]),
        min_quote_words=int(data["min_quote_words"]),
        name_phrase=_name_phrase(data["name_abbreviations"], data["name_particles"]),
        full_name_phrase=_name_phrase(data["name_abbreviations"], data["name_particles"], words="two"),
        name_particles=frozenset(data["name_particles"]),
        residue_line=_any(data["residue_lines"]),
        residue_inline=_any(data["residue_inline"]),
        image_mark=_any(data["image_marks"]),
        title_separators=tuple(data["title_separators"]),
        max_site_words=int(data["max_site_words"]),
        furniture=Forms(data["furniture_forms"]),
        caption=Forms(data["caption_forms"]),
        staff_credit=Forms(data["staff_credit_forms"]),
        article_end=Forms(data["article_end_forms"]),
        box_heading=Forms(data["box_headings"]),
        box_control=Forms(data["box_controls"]),
        donation_button=Forms(data["donation_buttons"]),
        item_note=Forms(data["item_notes"]),
        bylines=tuple(Gated(p) for p in data["byline_forms"]),
        bureau_datelines=tuple(Gated(p) for p in data["bureau_datelines"]),
        place_lines=tuple(re.compile(p) for p in data["place_lines"]),
        headline_mark=_any(data["headline_marks"]),
        embed_signature=Forms(data["embed_signatures"]),
        body_end_mark=_any(data["body_end_marks"]),
        markdown_signs=_any([_markdown(sign, data) for sign in data["markdown_signs"]], re.MULTILINE),
        markdown_heading=re.compile(data["markdown_heading"], re.MULTILINE),
        markdown_forms=_markdown_forms(data),
        scrape_headers=(headers := _scrape_headers(data)),
        scrape_header_openings=tuple(form.opening for form in headers),
        max_scrape_header_lines=int(data["max_scrape_header_lines"]),
    )


@cache
def patterns() -> Patterns:
    package = resources.files("digest.loader")
    text = package.joinpath("patterns.yaml").read_text(encoding="utf-8")
    speech = package.joinpath("speech.yaml").read_text(encoding="utf-8")  # the verbs that attribute words
    return _compile(data_yaml(text), data_yaml(speech))
