"""Property tests: generated dumps, hostile and broken, through the loader and a whole build.

The loader either returns a record or refuses the dump with a DumpError, and every body paragraph
is text of the input; a build of any few such dumps finishes, and every page is a well-formed HTML
document with nothing that runs. Derandomized, so CI sees the same examples on every run.
"""
from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest.build import BuildOptions, build
from digest.errors import DumpError
from digest.loader import load_dump
from digest.loader.text import decode, normalise
from tests.hardening.conftest import tree, write_site
from tests.hardening.scan import dangers, scan, structure_errors

WORDS = ["the", "council", "said", "on", "Monday", "river", "floods", "road", "closed", "minister", "Berg",
         "Ann", "Lee", "villages", "crews", "reopen", "Friday", "talks", "BAKU", "Azerbaijan", "Trend"]
HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "{{ 7*7 }}", "{% raw %}", "</script>",
           "javascript:alert(1)", "../../etc/passwd", "&amp;", "\u202e", "\x00", "\ufffd", "\u2028"]
FURNITURE = ["Menu", "Home", "News", "Sport", "Subscribe", "Sign in", "Most read", "Related articles",
             "Share this article", "Advertisement", "© 2024 Valley Times"]
LINES = [
    "RIVERTON (AP) — ", "BAKU, Azerbaijan, April 23. ", "By JOHN SMITH", "Nov. 20, 2019 5:52 AM EST",
    "“We will rebuild the bridge,” said Mayor Tom Berg.", "Source: Trend", "Photo: Staff",
]

# Mostly news words, so that many dumps hold an article and the body property is exercised.
word = st.one_of(*[st.sampled_from(WORDS)] * 4, st.sampled_from(HOSTILE), st.text(min_size=1, max_size=8))
sentence = st.lists(word, min_size=3, max_size=30).map(lambda ws: " ".join(ws) + ".")
line = st.one_of(sentence, st.sampled_from(FURNITURE), st.sampled_from(LINES),
                 st.tuples(st.sampled_from(LINES), sentence).map("".join), st.just(""))
dump_text = st.lists(line, min_size=0, max_size=40).map("\n".join)
encoded = st.tuples(dump_text, st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1", "utf-8-sig"])).map(
    lambda t: t[0].encode(t[1], errors="replace"))
dump_bytes = st.one_of(encoded, encoded, encoded, st.binary(max_size=3000),
                       st.tuples(encoded, st.binary(max_size=50)).map(lambda t: t[0][: len(t[0]) // 2] + t[1]))

PROPERTY = settings(max_examples=400, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@PROPERTY
@given(dump_bytes)
def test_the_loader_returns_a_record_or_a_dump_error_and_the_body_is_input_text(data: bytes) -> None:
    try:
        record = load_dump("fuzz.txt", data)
    except DumpError as error:
        assert error.path == "fuzz.txt" and error.reason
        return
    source = collapse(normalise(decode(data, "fuzz.txt")))
    assert record.body and record.headline
    for paragraph in record.body:
        assert paragraph.strip() and collapse(paragraph) in source, paragraph


@settings(max_examples=12, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(dump_bytes, min_size=1, max_size=4))
def test_a_build_of_any_few_dumps_finishes_with_well_formed_pages(dumps: list[bytes]) -> None:
    with tempfile.TemporaryDirectory(prefix="digest-prop-") as scratch:
        site = write_site(Path(scratch) / "site", {f"d{i}.txt": data for i, data in enumerate(dumps)})
        report = build(BuildOptions(site_dir=site))
        assert len(report.problems) + len({p.path for p in report.problems}) == 2 * len(report.problems)
        files = tree(site / "build")
        assert "index.html" in files and "404.html" in files
        pages = {p: d.decode("utf-8") for p, d in files.items() if p.endswith(".html") and not p.startswith("pagefind/")}
        assert sum(p.startswith("stories/") for p in pages) == report.stories
        for path, html in pages.items():
            assert structure_errors(html) == [], path
            assert dangers(scan(html)) == [], path
