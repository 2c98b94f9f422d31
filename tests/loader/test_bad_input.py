"""Bad input: every dump gives a clear DumpError naming the file, or a best-effort record; never a
crash or a hang (regular expressions run on bounded lines, so time stays linear in the size)."""
from __future__ import annotations

import random

import pytest

from digest.errors import DumpError
from digest.loader import load_dump
from digest.loader.text import cut_long_lines

ARTICLE = (
    "Floods close the valley road - Valley Times\n\n"
    "Menu\nHome\nNews\n\n"
    "Floods close the valley road\n\n"
    "By Ann Lee\n\n"
    "RIVERTON (AP) — Floods closed the only road into the valley on Monday, cutting off three villages.\n\n"
    "“We have never seen the river this high in forty years,” said Mayor Tom Berg.\n\n"
    "Crews expect to reopen the road by Friday if the rain stops, the county said.\n\n"
    "Most read\n\nA title of another story\n"
)


def test_binary_file_is_named_as_not_text() -> None:
    rng = random.Random(4)
    data = bytes(rng.randrange(256) for _ in range(20_000))
    with pytest.raises(DumpError, match=r"^photo\.txt: not text"):
        load_dump("photo.txt", data)


def test_mostly_nul_bytes_is_not_text() -> None:
    with pytest.raises(DumpError, match="not text"):
        load_dump("nul.txt", b"\x00" * 5000 + ARTICLE.encode())


def test_stray_nul_bytes_are_dropped_and_the_article_read() -> None:
    record = load_dump("d.txt", ARTICLE.replace("\n\n", "\n\x00\n").encode())
    assert record.headline == "Floods close the valley road"
    assert "\x00" not in "".join(record.body)
    assert len(record.body) == 3


def test_utf8_cut_inside_its_last_character_still_loads() -> None:
    data = (ARTICLE + "Café").encode("utf-8")[:-1]
    record = load_dump("cut.txt", data)
    assert record.body[0].startswith("Floods closed the only road")


def test_a_single_one_megabyte_line_loads_without_hanging() -> None:
    line = ("The council said the river rose again overnight, and crews worked on. " * 15_000)[:1_000_000]
    record = load_dump("long.txt", line.encode())
    assert record.body and len(record.body[0]) < len(line)


@pytest.mark.parametrize("text", ["A " * 500_000, "“Aa Bb, ” said Cc Dd " * 50_000, "(" * 1_000_000])
def test_pathological_long_lines_end_with_a_record_or_an_error(text: str) -> None:
    try:
        load_dump("odd.txt", text.encode())
    except DumpError as error:
        assert str(error).startswith("odd.txt: ")


def test_a_large_dump_loads() -> None:
    data = (ARTICLE * 40_000).encode()  # about 16 MB
    record = load_dump("big.txt", data)
    assert record.headline == "Floods close the valley road"
    assert record.body[0].startswith("Floods closed the only road")


def _wrapped(words: str, lines: int = 14_000) -> str:
    """A text browser's dump of one paragraph of about a megabyte: its lines join into one."""
    return "A page\n\n" + "".join(f"   {words}\n" for _ in range(lines))


@pytest.mark.parametrize(
    "words",
    [
        'the "best of the times and the" worst said Aa Bb and "so on and',  # thousands of quotes
        "it was 'the best of 'the times and 'the worst of 'the times 'he said and",  # single marks
    ],
)
def test_a_megabyte_paragraph_of_quotes_loads(words: str) -> None:
    record = load_dump("wrapped.txt", _wrapped(words).encode())
    assert len(record.body) == 1 and len(record.body[0]) > 800_000


def test_a_long_line_with_mojibake_is_cut_before_it_is_repaired() -> None:
    text = "Headline\n\n" + "It’s" + "x" * 50_000 + "\nThe end.\n"
    assert cut_long_lines(text, 20_000).split("\n")[2] == ("It’s" + "x" * 50_000)[:20_000]
    assert cut_long_lines("short\nlines\n", 20_000) == "short\nlines\n"
    record = load_dump("mojibake.txt", ("Storm hits the coast - Daily\n\nThe storm hit the coast on Monday, and crews"
                                        " worked through the night to restore power to homes.\n\nItâ€™s " + "x" * 3_000_000).encode())
    assert record.body[0].startswith("The storm hit the coast")
