"""Markdown pages from content/: front matter checked, slug free of digest's own folders."""
from __future__ import annotations

import pytest

from digest.site.markdown import ContentError, parse_page, parse_pages


def test_page_with_front_matter_renders() -> None:
    page = parse_page("content/about.md", "---\ntitle: About us\norder: 2\n---\n# Hello\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert (page.slug, page.title, page.order) == ("about-us", "About us", 2)
    assert "<h1>Hello</h1>" in page.html and "<table>" in page.html


def test_missing_title_and_unknown_key_are_named_with_the_file() -> None:
    with pytest.raises(ContentError) as caught:
        parse_page("content/about.md", "---\ntitel: About\n---\nText\n")
    assert "content/about.md: unknown key 'titel'" in str(caught.value)
    assert "content/about.md: 'title' is required" in str(caught.value)


def test_bad_yaml_names_the_line() -> None:
    with pytest.raises(ContentError, match=r"content/x.md:3: front matter is not valid YAML"):
        parse_page("content/x.md", "---\ntitle: ok\ndescription: [unclosed\n---\n")


def test_no_front_matter_is_an_error() -> None:
    with pytest.raises(ContentError, match="content/x.md:1: a Markdown page starts with front matter"):
        parse_page("content/x.md", "# Just text\n")


def test_slugs_may_not_take_digests_folders_or_each_other() -> None:
    with pytest.raises(ContentError, match="slug 'sources' is used by digest's own pages"):
        parse_page("content/s.md", "---\ntitle: Sources\n---\n")
    with pytest.raises(ContentError, match="content/b.md: slug 'about' is taken by content/a.md"):
        parse_pages([("content/a.md", "---\ntitle: About\n---\n"), ("content/b.md", "---\ntitle: x\nslug: about\n---\n")])


def alias_bomb(key: str, depth: int = 9) -> str:
    """About 450 bytes of YAML that expand to 9 ** 9 strings wherever its last name is used."""
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, depth)]
    return "\n".join(lines) + f"\n{key}: *a{depth - 1}\n"


def test_yaml_aliases_in_front_matter_are_refused_naming_the_file() -> None:
    """An alias bomb held the build for minutes and gigabytes; a page's front matter has no use for aliases."""
    with pytest.raises(ContentError, match=r"^bomb\.md:3: front matter is not valid YAML: .*alias"):
        parse_page("bomb.md", f"---\n{alias_bomb('description')}title: About\n---\nText.\n")
