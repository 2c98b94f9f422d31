"""Forms: the gate read from each form must never hide a line the form matches."""
from __future__ import annotations

import re
from importlib import resources

import pytest
import yaml

from digest.loader.forms import Forms, required_text
from digest.loader.patterns import patterns, word_union


@pytest.mark.parametrize(
    ("form", "gate"),
    [
        (r"\bRead More\s*»", "Read More"),
        (r"\S \| \S.* \| \S", " | "),
        (r"ab?c", "a"),  # an optional letter is not required
        (r"abc+d", "ab"),
        (r"a{2}bc", "bc"),
        (r"(?:x|y)zz", "zz"),
        (r"\(Photo\)", "(Photo)"),
        (r"[]x]yy", "yy"),
        (r"a|b", ""),  # either side may match alone
        (r"q(?i:ab)cd", ""),  # case folded: no plain text is safe
    ],
)
def test_required_text(form: str, gate: str) -> None:
    assert required_text(form) == gate


LINES = [
    "Read More »",
    "About us | Stats | Advertise with us",
    "© 2019 The Paper. All Rights Reserved",
    "Protesters gather outside parliament. (Photo by Jane Roe/Getty Images)",
    "A man walks past the flooded market. REUTERS/Ann Wang",
    "AP-US--Trump-Impeachment, 4th Ld-Writethru",
    "The minister said the talks would resume on Monday.",
    "Jane Doe is a freelance correspondent based in Nairobi.",
]


def test_forms_agree_with_plain_regular_expressions() -> None:
    """Every form list of patterns.yaml, tested through its gates, says what a plain search says."""
    data = yaml.safe_load(resources.files("digest.loader").joinpath("patterns.yaml").read_text(encoding="utf-8"))
    for key in ("furniture_forms", "caption_forms", "staff_credit_forms", "embed_signatures"):
        forms = Forms(data[key])
        plain = [re.compile(f) for f in data[key]]
        for line in LINES:
            assert forms.search(line) == any(p.search(line) for p in plain), (key, line)
    assert patterns().furniture.search("Read More »")


def test_word_union_matches_what_a_longest_first_list_matches() -> None:
    words = ["said", "says", "stated", "state", "pointed out", "tell", "tells"]
    tree = re.compile(rf" (?:{word_union(words)})\b")
    plain = re.compile(rf" (?:{'|'.join(sorted(map(re.escape, words), key=len, reverse=True))})\b")
    for text in [" she said", " it states", " stated x", " pointed out", " tells", " tell", " state", "x sa"]:
        found, expected = tree.search(text), plain.search(text)
        assert (found and found.group()) == (expected and expected.group()), text


@pytest.mark.parametrize(
    ("forms", "line"),
    [
        (["^abc", "xabc"], "zzxabc"),  # a form that may match anywhere is kept though its tail is an anchored form
        (["xabc", "^abc"], "zzxabc"),
        (["^a|bcd"], "zz bcd"),  # a top-level alternative is not anchored by the "^" of the first
        (["^[A-Z]\\w+ writes", "Photo: \\w+"], "A man. Photo: Reuters"),
    ],
)
def test_each_form_is_tested_where_it_may_match(forms: list[str], line: str) -> None:
    assert Forms(forms).search(line)
    assert Forms(forms).search(line) == any(re.search(f, line) for f in forms)


@pytest.mark.parametrize("line", ["abc", "zzabc", "xab", "a", "bcd", "zz xabc"])
def test_forms_agree_with_a_plain_search_on_anchored_and_free_forms(line: str) -> None:
    forms = ["^abc", "xabc", "^a|bcd", "^ab?c$"]
    assert Forms(forms).search(line) == any(re.search(f, line) for f in forms)
