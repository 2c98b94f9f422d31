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
