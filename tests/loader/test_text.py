"""Decoding: whatever encoding the scraper saved, the same text comes out; unreadable input is named."""
from __future__ import annotations

import pytest

from digest.errors import DumpError
from digest.loader import load_dump
from digest.loader.article import lowercase_share
from digest.loader.text import decode, decode_entities, normalise

DUMP = "Minister’s visit ends\n\nPARIS, May 2. The minister said the café talks “went well and will go on next week,” she added.\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252"])
def test_common_encodings_decode_to_the_same_text(encoding: str) -> None:
    assert decode(DUMP.encode(encoding), "d.txt") == DUMP


def test_utf16_without_a_bom_decodes_even_when_truncated() -> None:
    """Tools that write UTF-16 as "Unicode" often omit the byte order mark; the README promises it."""
    for encoding in ("utf-16-le", "utf-16-be"):
        assert decode(DUMP.encode(encoding)[:-1], "d.txt") == DUMP[:-1] + "\ufffd"


def test_nul_bytes_at_every_position_are_still_no_text() -> None:
    with pytest.raises(DumpError, match="not text"):
        decode(b"\x00" * 4_000 + DUMP.encode(), "d.txt")


def test_latin1_text_decodes() -> None:
    text = "Le président a visité la ville de Montréal hier soir avec sa délégation.\n"
    assert decode(text.encode("latin-1"), "d.txt") == text


@pytest.mark.parametrize("data", [b"", b"  \n\t\n"])
def test_empty_dump_is_an_error_naming_the_file(data: bytes) -> None:
    with pytest.raises(DumpError, match=r"^d\.txt: the file is empty"):
        load_dump("d.txt", data)


def test_page_furniture_only_is_an_error() -> None:
    with pytest.raises(DumpError, match="no article text"):
        load_dump("menu.txt", b"Menu\n\nSkip to content\n")


def test_normalise_folds_spacing_and_keeps_curly_quotes() -> None:
    assert normalise("A\u00a0 b\u200b\r\n“c”  \t") == "A b\n“c”"


def test_lowercase_share_counts_word_initials_in_any_script() -> None:
    assert lowercase_share("the Mayor said 3 things".split()) == 0.75  # "3" is not a letter
    assert lowercase_share("über Änderungen sprach sie".split()) == 0.75
    assert lowercase_share("2019 - 42".split()) == 0.0


@pytest.mark.parametrize("saved, text", [
    ("it&#8217;s &#x2019;s &rsquo;", "it’s ’s ’"),
    ("&ldquo;Yes,&rdquo; she said &mdash; twice", "“Yes,” she said — twice"),
    ("&quot;a&quot; &#39;b&#39; M&amp;A", "\"a\" 'b' M&A"),
    ("a&nbsp;b", "a\u00a0b"),
    ("&#146;", "’"),  # cp1252's number for ’, as browsers read it
])
def test_entities_decode(saved: str, text: str) -> None:
    assert decode_entities(saved) == text


@pytest.mark.parametrize("text", [
    "R&D spending at AT&T rose", "AT&T;", "&copy2019 The Paper", "Q&A: &amp without its semicolon",
    "&notanentity; stays", "&#; and &#x; are not numbers", "Johnson & Johnson",
])
def test_text_that_only_looks_like_an_entity_is_kept(text: str) -> None:
    assert decode_entities(text) == text


def test_entities_become_the_characters_the_loader_reads() -> None:
    dump = "Talks go on\n\nPARIS (Reuters) &mdash; The minister said the caf&eacute; talks &ldquo;went well and will go on next week,&rdquo; she&nbsp;added.\n"
    record = load_dump("d.txt", dump.encode())
    assert record.body == ("The minister said the café talks “went well and will go on next week,” she added.",)
    assert [q.text for q in record.quotes] == ["went well and will go on next week"]


JAPANESE = "東京都は二十日、新しい防災計画を発表し、住民に避難経路の確認を呼びかけた。" * 20


@pytest.mark.parametrize("stray", [b"\xff\xfe", b"\x80", b"\xe3\x81"])
def test_utf8_with_a_few_stray_bytes_reads_with_replacement_characters(stray: bytes) -> None:
    """A lynx dump of a Japanese page with two bad bytes is that page, not "no encoding fits"."""
    data = JAPANESE.encode("utf-8")
    text = decode(data[:300] + stray + data[300:], "page.txt")
    assert "\ufffd" in text and text.replace("\ufffd", "") == JAPANESE


def test_latin_text_full_of_bad_utf8_is_not_read_as_damaged_utf8() -> None:
    """Each accented letter of cp1252 text is a bad UTF-8 byte: too many to be stray ones."""
    french = "Le maire a déclaré que la rénovation de l'école coûtera trois millions d'euros. " * 10
    assert "\ufffd" not in decode(french.encode("cp1252"), "page.txt")
