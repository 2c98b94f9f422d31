"""Text-browser dumps: residue removed, wrapped paragraphs joined into one line each."""
from __future__ import annotations

from digest.loader.blocks import split_lines
from digest.loader.patterns import patterns

NAV = "".join(f"     * Section {i}\n" for i in range(20))
LYNX = (
    "   #alternate\n\n   (BUTTON) ____________________\n"
    + NAV
    + "\nCouncil approves the new bridge\n\n"
    "   The city council approved the new bridge on Tuesday after a debate that\n"
    "   lasted most of the night, ending two years of argument over its cost.\n\n"
    "   Work is due to start in the spring.\n   (BUTTON)\n   Slideshow ( 5 images )\n\n"
    "   [bridge.jpg] Residents had asked for a bridge since the ferry stopped.\n"
)


def texts() -> list[str]:
    return [line.text for line in split_lines(LYNX, patterns())]


def test_wrapped_paragraph_becomes_one_line() -> None:
    assert (
        "The city council approved the new bridge on Tuesday after a debate that lasted most of the night, "
        "ending two years of argument over its cost."
    ) in texts()


def test_a_short_line_ends_its_paragraph() -> None:
    assert "Work is due to start in the spring." in texts()
    assert "Slideshow ( 5 images )" in texts()


def test_residue_is_removed() -> None:
    lines = texts()
    assert not any("BUTTON" in t or t.startswith("#") or "___" in t or "[bridge.jpg]" in t for t in lines)
    assert "Residents had asked for a bridge since the ferry stopped." in lines


def test_bullets_and_headings_are_marked() -> None:
    lines = split_lines(LYNX, patterns())
    assert all(line.bullet for line in lines if line.text.startswith("Section"))
    heading = next(line for line in lines if line.text == "Council approves the new bridge")
    assert heading.indent == 0 and not heading.bullet


def test_an_indentation_common_to_every_line_is_removed() -> None:
    indented = "\n".join("   " + line if line else line for line in LYNX.split("\n"))
    lines = split_lines(indented, patterns())
    heading = next(line for line in lines if line.text == "Council approves the new bridge")
    assert heading.indent == 0
    assert [line.text for line in lines] == texts()


PROSE = (
    "The city council approved the new bridge on Tuesday after a debate that lasted most of the night, "
    "ending two years of argument over its cost and its well-known design. Work is due to start in the "
    "spring, and the mayor said the first cars could cross it within three years of the vote."
)
HEADLINES = "".join(f"Headline {i} on the vote\n" for i in range(60))  # more lines than the article has


def _wrap(paragraph: str, width: int = 40) -> list[str]:
    lines, line = [], ""
    for word in paragraph.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return lines + [line]


def test_a_page_of_headlines_with_one_wrapped_article_is_joined() -> None:
    article = "\n\n".join("\n".join(_wrap(PROSE)) for _ in range(2))
    lines = split_lines(HEADLINES + "\n" + article + "\n", patterns())
    assert [line.text for line in lines].count(PROSE) == 2
    assert sum(line.text.startswith("Headline") for line in lines) == 60


QUOTED = ("The inspector told the court on Monday that", "“anyone who walked the lower deck” could have",
          "seen the rust, and that the owners knew it.")


def test_a_wrapped_line_that_opens_with_a_quotation_mark_carries_on_its_sentence() -> None:
    """A page of headlines with one short article: its carried-on lines are few, and those that
    open with a quotation mark carry on a sentence as much as those in lower case."""
    text = HEADLINES + "\n" + "\n\n".join("\n".join(QUOTED) for _ in range(3)) + "\n"
    assert [line.text for line in split_lines(text, patterns())].count(" ".join(QUOTED)) == 3


def test_a_hyphenated_word_broken_by_the_wrap_joins_without_a_space() -> None:
    from digest.loader.blocks import _joined

    assert _joined(["its well-", "known design"]) == "its well-known design"
    assert _joined(["the cost -", "and the design"]) == "the cost - and the design"


def test_without_blank_lines_each_line_is_a_block() -> None:
    text = "Bridge approved\n" + "".join(f"Paragraph {i} of the story, which runs on.\n" for i in range(20))
    lines = split_lines(text, patterns())
    assert len({line.block for line in lines}) == len(lines) == 21


def test_without_blank_lines_a_wrapped_paragraph_ends_at_a_closed_sentence() -> None:
    paragraphs = [PROSE, "Residents had asked for a bridge since the ferry stopped in the storm of last winter."]
    text = "Bridge approved\n" + "\n".join(line for p in paragraphs * 4 for line in _wrap(p)) + "\n"
    lines = split_lines(text, patterns())
    assert [line.text for line in lines[1:]] == paragraphs * 4
    assert len({line.block for line in lines}) == len(lines)


def test_a_furniture_label_after_a_full_title_line_is_not_joined_to_it() -> None:
    """A title line as long as the wrap width looks full; the menu label under it ("Sign in") is
    furniture, not the rest of the title."""
    article = "\n\n".join("\n".join(_wrap(PROSE)) for _ in range(3))
    title = "Council votes to approve bridge plan - Daily Post"  # 48 columns: longer than the wrap
    lines = [line.text for line in split_lines(f"{title}\nSign in\n\n{article}\n", patterns())]
    assert lines[:2] == [title, "Sign in"]


def test_a_lynx_references_list_neither_reaches_the_text_nor_sets_the_wrap_width() -> None:
    """lynx -dump lists every link's address at the end, one a line and often wider than the
    wrap: left in, the long ones made the dump look unwrapped."""
    refs = "".join(f"  {i}. https://www.example-paper.com/news/local/2023/10/12/a-story-about-item-number-{i}/\n" for i in range(1, 40))
    lines = split_lines(LYNX + "\nReferences\n\n" + refs, patterns())
    texts = [line.text for line in lines]
    assert not any("https://" in text for text in texts)
    assert any(text.startswith("The city council approved the new bridge") and text.endswith("over its cost.") for text in texts)


def test_a_drop_cap_joins_its_paragraph_again() -> None:
    """A first letter set large on its own line ("T", then "urkey, Poland ...") is the paragraph's."""
    lines = split_lines("Intro line\n\nT\n\nurkey, Poland and three islands were removed from the list.\n\nA\n\nB list\n", patterns())
    assert [line.text for line in lines] == ["Intro line", "Turkey, Poland and three islands were removed from the list.", "A", "B list"]


def test_a_lynx_share_links_address_with_spaces_in_its_query_is_residue_too() -> None:
    """Share buttons' addresses keep their query's spaces unescaped ("tweet?text=Bridge approved
    via @paper&url=..."): still the references list, and too wide to set the wrap width."""
    refs = "".join(f"  {i}. https://www.example-paper.com/news/local/2023/10/12/story-{i}/\n" for i in range(1, 30))
    shares = "".join(
        f"  {i}. https://twitter.com/intent/tweet?text=Council approves the new bridge number {i} via @paper"
        f"&url=https://www.example-paper.com/news/local/2023/10/12/story-{i}/\n" for i in range(30, 36)
    ) + "  36. mailto:?subject=Council approves the new bridge&body=https://www.example-paper.com/story/\n"
    lines = split_lines(LYNX + "\nReferences\n\n" + refs + shares, patterns())
    texts = [line.text for line in lines]
    assert not any("https://" in text or "mailto:" in text for text in texts)
    assert any(text.startswith("The city council approved the new bridge") and text.endswith("over its cost.") for text in texts)
