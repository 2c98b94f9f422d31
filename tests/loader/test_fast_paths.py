"""The loader's shortcuts give the answers of the slow ways they stand for: the same record for
the same dump however often and in whatever order dumps are read, and the same answer from each
gate, table and count as from the test or library it replaces."""
from __future__ import annotations

import random
import re
import string
import unicodedata
from pathlib import Path

import pytest

from digest.errors import DumpError
from digest.loader import features, load_dump, names
from digest.loader.article import lowercase_share, text_lowercase_share
from digest.loader.dateline import match_dateline
from digest.loader.patterns import either, patterns
from digest.loader.speakers import _set_in

PAGES = Path(__file__).parent / "pages"
SAMPLE_LINES = [
    "WASHINGTON (AP) — The Senate voted on Tuesday to pass the bill.",
    "MOSCOW, March 3. /TASS/. Russia's foreign minister said on Friday ...",
    "NEW DELHI: The government on Monday announced a new scheme for farmers.",
    "Dubai: Residents will see warmer weather this week as temperatures climb past the seasonal average.",
    "SAN JOSE, Calif., Nov. 18, 2019 /PRNewswire/ -- Acme Corp. today announced results.",
    "(Reuters) - Oil prices rose on Tuesday.",
    "BAKU, Azerbaijan, April 23. The talks resumed.",
    "UPDATE: The story has been corrected.",
    "Home | News | Sport",
    "the quick brown fox",
    "",
    "Ünïcödé Straße, 12 März 2019 —",
]


def _page_lines() -> list[str]:
    return [line for path in sorted(PAGES.glob("*.txt")) for line in path.read_text(encoding="utf-8").split("\n")]


def _load(path: Path) -> object:
    try:
        return load_dump(str(path), path.read_bytes())
    except DumpError as error:
        return str(error)


def test_records_do_not_depend_on_what_was_read_before() -> None:
    """Menus' lines, links' sites and names are remembered across dumps: a dump read after others,
    or again, gives the record it gives in a process that reads it alone."""
    paths = sorted(PAGES.glob("*.txt"))[:12]
    first = [_load(p) for p in paths]
    features._read_before.clear()
    features._views.clear()
    assert [_load(p) for p in reversed(paths)] == first[::-1]
    assert [_load(p) for p in paths] == first


def test_dateline_gate_matches_where_a_dateline_form_does() -> None:
    pats = patterns()
    for text in SAMPLE_LINES + _page_lines():
        anywhere = any(form.match(text) for form in pats.datelines)
        assert bool(pats.dateline_gate.match(text)) == anywhere, text
    assert match_dateline(SAMPLE_LINES[0], pats).dateline.agency == "AP"


def test_union_steps_aside_where_a_form_refers_back_to_a_group() -> None:
    """In a union a numbered group's number shifts: such forms are tried one by one instead."""
    referring = (re.compile(r"(ab)\1"), re.compile(r"(?P<x>c)(?P=x)"))
    assert all(either((form,)).match("no match here") for form in referring)
    plain = either((re.compile(r"^(?P<place>[A-Z]+), "), re.compile(r"^(?P<place>)\(AP\)")))
    assert plain.match("PARIS, France") and plain.match("(AP) text") and not plain.match("Paris, France")


def test_lowercase_share_from_bytes_equals_the_split_words() -> None:
    rnd = random.Random(7)
    alphabet = string.printable + "\x1c\x1d\x1e\x1f\x00\x7f"
    texts = SAMPLE_LINES + _page_lines() + ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 15)))
                                            for _ in range(20_000)]
    for text in texts:
        assert text_lowercase_share(text) == lowercase_share(text.split()), repr(text)


def test_character_counts_equal_a_count_per_character() -> None:
    for text in SAMPLE_LINES + _page_lines():
        sample = text[: features.SAMPLE_CHARS]
        expected = (sum(map(str.isalpha, sample)), sum(map(str.isupper, sample)), sum(map(str.isdigit, sample)))
        assert features._counts(sample) == expected, text


def test_distance_names_from_the_table_equal_the_rule() -> None:
    assert [features._distance(d) for d in range(-60, 61)] == [features._coarse(d) for d in range(-60, 61)]


def test_given_names_read_as_gender_guesser_reads_them() -> None:
    gender_guesser = pytest.importorskip("gender_guesser.detector")
    assert names._detector().names == gender_guesser.Detector(case_sensitive=False).names
    assert names.given_name_sex("Kurt") == "male"


@pytest.mark.parametrize("text", ["Rönnlund", "Ronnlund", "O’Brien", "O'Brien", "São Paulo", "NEW YORK", "İstanbul"])
def test_fold_of_ascii_equals_the_unicode_fold(text: str) -> None:
    slow = "".join(c for c in unicodedata.normalize("NFKD", text.replace("’", "'")) if not unicodedata.combining(c)).casefold()
    assert names.fold(text) == slow


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Talks were held in Brussels on Monday.", True),
        ("Brussels said the rules would change.", False),
        ("The minister flew within Brussels city limits.", False),  # "in Brussels" only inside "within"
        ("Officials from Brussels arrived.", True),
        ("She was born in Brusselsville.", False),
    ],
)
def test_place_setting_found_as_the_regular_expression_finds_it(text: str, found: bool) -> None:
    assert _set_in("Brussels", text) is found
