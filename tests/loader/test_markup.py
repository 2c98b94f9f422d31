"""Markdown as reader-mode scrapers save pages: read as the text it marks, and only where it is markup."""
from __future__ import annotations

import pytest

from digest.loader import load_dump
from digest.loader.markup import markdown_as_text
from digest.loader.patterns import patterns

LINK = "[Home](https://example.com/)\n\n"  # a markdown sign: the rest of each dump is read as markdown


@pytest.mark.parametrize("saved, text", [
    ("[World news](https://example.com/world)", "World news"),
    ("[News](/news \"All the news\") | [Sport](<https://example.com/a b>)", "News | Sport"),
    ("[Foo (bar)](https://en.wikipedia.org/wiki/Foo_(bar)) rose", "Foo (bar) rose"),
    ("[Share [icon]](https://example.com/share)", "Share [icon]"),
    ("![photo](https://example.com/a.jpg)", ""),
    ("[![alt](https://example.com/a.jpg)](https://example.com/story)", ""),
    ("The **minister** said *it* was __final__ and _done_.", "The minister said it was final and done."),
    ("***Breaking***: talks end", "Breaking: talks end"),
    ("**A *very* long** day", "A very long day"),
    ("> “We will go on,” she said.", "“We will go on,” she said."),
    ("---", ""), ("* * *", ""),
    ("[1]: https://example.com/ref", ""),
    ("1\\. Escaped \\*stars\\* stay", "1. Escaped *stars* stay"),
])
def test_markdown_reads_as_its_text(saved: str, text: str) -> None:
    assert markdown_as_text(LINK + saved, patterns()) == "Home\n\n" + text


def test_headings_stay_flush_left_and_the_rest_is_indented() -> None:
    """The shape text browsers save, in which the loader reads headings (classify.py)."""
    saved = "# Why #MeToo matters ##\n\n[News](https://example.com/n)\n\n## Section\nText"
    assert markdown_as_text(saved, patterns()) == "Why #MeToo matters\n\n   News\n\nSection\n   Text"


@pytest.mark.parametrize("text", [
    "Rated 5 * 3 * 2 by A*B*C and footnote* marks*",
    "The file my_file_name.txt stays",
    "He wrote [sic] (twice) and [sic](really)",
    "Scores: 3*, 4** and ** alone",
])
def test_sentences_with_markup_characters_survive_in_markdown(text: str) -> None:
    assert markdown_as_text(LINK + text, patterns()) == "Home\n\n" + text


@pytest.mark.parametrize("text", [
    "Prices rose *sharply* in [brackets] and _this_ **too**\n\n> not a quote\n\n---\n",
    "The #1 seed won; seed # 2 lost\n#alternate\n",
    "See [12]Headline and [photo.jpg](BUTTON)\n",  # lynx and w3m residue
])
def test_a_plain_dump_is_not_read_as_markdown(text: str) -> None:
    assert markdown_as_text(text, patterns()) is text


def test_a_markdown_dump_loads_like_the_plain_one() -> None:
    body = ("WASHINGTON (AP) — The **ambassador** said the talks were “going well and would go on "
            "next week,” officials said on Tuesday.")
    dump = ("# Talks go on | Hosted\n\n![photo](https://example.com/a.jpg)\n\n* [News](https://example.com/n)\n"
            "* [Sports](https://example.com/s)\n\n## Talks go on\n\n" + body + "\n\n[Privacy](https://example.com/p)\n")
    record = load_dump("d.md", dump.encode())
    assert record.headline == "Talks go on"
    assert record.dateline is not None and record.dateline.place == "WASHINGTON"
    assert record.body == ("The ambassador said the talks were “going well and would go on next week,” officials said on Tuesday.",)
