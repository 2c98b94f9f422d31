"""Markdown to the text it marks: reader-mode scrapers (Jina Reader, Firecrawl, trafilatura,
html2text) save pages as markdown, and the loader reads the words, not the markup. A link keeps
its text (menus and related lists are links, and read as they would in a plain dump); images,
addresses, emphasis and quote marks go. The forms are data (patterns.yaml, markdown_forms).
"""
from __future__ import annotations

from digest.loader.patterns import Patterns

BODY_INDENT = "   "


def markdown_as_text(text: str, patterns: Patterns) -> str:
    """The dump without its markdown, when it is markdown. A plain dump is returned as it is: a
    '*' or brackets in its sentences are text. Most dumps hold no "]" or "#", and a one-character
    test is far quicker than a two-character one: together they spare a plain dump the patterns."""
    if not (("]" in text and "](" in text) or ("#" in text and "# " in text)) or not patterns.markdown_signs.search(text):
        return text
    if patterns.markdown_heading.search(text):
        text = _headings_flush_left(text, patterns)
    for form, replacement in patterns.markdown_forms:
        text = form.sub(replacement, text)
    return text


def _headings_flush_left(text: str, patterns: Patterns) -> str:
    """Every line but the headings indented: the shape in which text browsers save a page, and
    the one the loader reads headings from (classify.py), so that "# Title" stays a heading."""
    return "\n".join(BODY_INDENT + line if line and not patterns.markdown_heading.match(line) else line
                     for line in text.split("\n"))
