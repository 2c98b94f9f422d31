import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from digest.lexicon.text import (
    SEPARATORS,
    WORD,
    headline_core,
    headline_tail,
    word_bytes,
    words,
)


def test_ascii_fast_path_finds_what_the_regular_expression_finds():
    text = "Aliyev's visit: U.S.-China co_operation, 20 documents (AP) -- don't STOP!\tNew\nline"
    assert words(text) == WORD.findall(text.casefold())
    assert words(text)[:3] == ["aliyev", "s", "visit"]


def test_other_text_is_folded_the_same_way():
    assert words("Aliyev’s visit — Café ＡＢＣ") == ["aliyev", "s", "visit", "café", "abc"]


def test_curly_quotes_and_dashes_split_words_as_the_regular_expression_does():
    text = "“Don’t,” she said — at 9\u00a0a.m.… «Ça va» ‘Ｑ’ x\u200by"
    assert words(text) == WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    for separator in SEPARATORS:
        mixed = f"Aliyev{separator}s visit{separator}{separator}Baku"
        assert words(mixed) == WORD.findall(unicodedata.normalize("NFKC", mixed).casefold()) == ["aliyev", "s", "visit", "baku"]


def test_word_bytes_are_the_words_in_utf8():
    for text in ("Aliyev's visit: U.S.-China, 20 documents", "“Café” — ＡＢＣ naïve", "", " \n "):
        assert word_bytes(text) == [w.encode("utf-8") for w in words(text)]


def test_headline_tail_names_the_outlet():
    assert headline_core("Oversupply angst drags oil lower - Reuters") == "Oversupply angst drags oil lower"
    assert headline_tail("Storm closes ports | Metro Wire") == "Metro Wire"
    assert headline_core("Man - bites dog") == "Man - bites dog"  # too short to lose a tail


ALPHABET = "aZ9_ .,'’“”—–…\u00a0\u200bé\u0301ＡﬁİßΣς\u3000"  # ASCII, separators, combining, compatibility forms


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_every_text_splits_as_normalisation_and_the_regular_expression_would(text):
    expected = WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    assert words(text) == expected
    assert word_bytes(text) == [w.encode("utf-8") for w in expected]
