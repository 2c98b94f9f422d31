"""Property tests: generated dumps, hostile and broken, through the loader and a whole build.

The loader either returns a record or refuses the dump with a DumpError, every body paragraph
is text of the input and every date is a calendar day; a build of any few such dumps finishes, every
page is a well-formed HTML document with nothing that runs and every feed well-formed XML. The
dumps hold impossible dates, characters XML forbids and UTF-16 without its byte order mark; YAML
with aliases is refused wherever digest reads YAML of the user's. Derandomized, so CI sees the same
examples on every run.
"""
from __future__ import annotations

import datetime
import re
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest.build import BuildOptions, build
from digest.config import load_config
from digest.errors import ConfigError, DumpError
from digest.loader import load_dump
from digest.loader.text import decode, normalise
from digest.site.markdown import ContentError, parse_page
from tests.hardening.conftest import article, tree, write_site
from tests.hardening.scan import dangers, scan, structure_errors

WORDS = ["the", "council", "said", "on", "Monday", "river", "floods", "road", "closed", "minister", "Berg",
         "Ann", "Lee", "villages", "crews", "reopen", "Friday", "talks", "BAKU", "Azerbaijan", "Trend"]
HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "{{ 7*7 }}", "{% raw %}", "</script>",
           "javascript:alert(1)", "../../etc/passwd", "&amp;", "\u202e", "\x00", "\ufffd", "\u2028",
           "\ufffe", "\uffff"]  # the last two: text to Python, forbidden in XML
FURNITURE = ["Menu", "Home", "News", "Sport", "Subscribe", "Sign in", "Most read", "Related articles",
             "Share this article", "Advertisement", "© 2024 Valley Times"]
LINES = [
    "RIVERTON (AP) — ", "BAKU, Azerbaijan, April 23. ", "By JOHN SMITH", "Nov. 20, 2019 5:52 AM EST",
    "“We will rebuild the bridge,” said Mayor Tom Berg.", "Source: Trend", "Photo: Staff",
]

MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December"]
# Dates as pages print them, possible or not ("April 31, 2025", "29/02/2023 14:32 GMT", "2025-13-01").
printed_date = st.tuples(st.integers(1990, 2030), st.integers(1, 13), st.integers(1, 32), st.integers(0, 4)).map(
    lambda t: [f"{MONTH_NAMES[min(t[1], 12) - 1]} {t[2]}, {t[0]}", f"{t[2]:02d}/{t[1]:02d}/{t[0]} 14:32 GMT",
               f"{t[0]}-{t[1]:02d}-{t[2]:02d}", f"{t[2]}.{t[1]}.{t[0]}",
               f"BAKU, {MONTH_NAMES[min(t[1], 12) - 1]} {t[2]}. "][t[3]])
# Mostly news words, so that many dumps hold an article and the body property is exercised.
word = st.one_of(*[st.sampled_from(WORDS)] * 4, st.sampled_from(HOSTILE), st.text(min_size=1, max_size=8))
sentence = st.lists(word, min_size=3, max_size=30).map(lambda ws: " ".join(ws) + ".")
line = st.one_of(sentence, st.sampled_from(FURNITURE), st.sampled_from(LINES),
                 st.tuples(st.sampled_from(LINES), sentence).map("".join), st.just(""),
                 st.tuples(printed_date, sentence).map(" ".join))
dump_text = st.lists(line, min_size=0, max_size=40).map("\n".join)
encoded = st.tuples(dump_text, st.sampled_from(["utf-8", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1", "utf-8-sig"])).map(
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
    assert record.date is None or datetime.date.fromisoformat(record.date)  # an impossible date is no date
    if record.dateline and record.dateline.date:
        datetime.date.fromisoformat(f"2000{record.dateline.date[1:]}")  # "--04-31" is no date in any year


@PROPERTY
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=200).map(" ".join), st.sampled_from(["utf-16-le", "utf-16-be"]))
def test_utf16_without_its_byte_order_mark_decodes_to_the_text(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding), "fuzz.txt") == text


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
        for path in (p for p in files if p.endswith(".xml")):
            ET.fromstring(files[path])  # feeds and the sitemap: a character XML forbids raises


def unlucky_dump(headline: str, date: str, odd: str, encoding: str) -> bytes:
    """An ordinary article with a printed date, possible or not, a character XML forbids in its
    headline and body, saved in an encoding that may lack its byte order mark."""
    text = article(f"{headline}{odd} in the valley", extra=f"Roads{odd} shut.").replace("By Ann Lee\n", f"By Ann Lee\n\n{date}\n")
    return text.encode(encoding)


unlucky = st.lists(st.tuples(printed_date, st.sampled_from(["", "\ufffe", "\uffff"]),
                             st.sampled_from(["utf-8", "utf-16-le", "utf-16-be"])), min_size=1, max_size=3)


@settings(max_examples=10, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(unlucky)
def test_unlucky_dumps_each_become_a_story_dated_only_by_a_calendar_day(dumps: list[tuple[str, str, str]]) -> None:
    headlines = ["Floods close the road", "Storm cuts the power", "Ferries stop sailing"]
    with tempfile.TemporaryDirectory(prefix="digest-prop-") as scratch:
        site = write_site(Path(scratch) / "site", {f"d{i}.txt": unlucky_dump(headlines[i], *dump)
                                                   for i, dump in enumerate(dumps)})
        report = build(BuildOptions(site_dir=site))
        assert report.problems == () and report.stories == len(dumps)
        files = tree(site / "build")
        for path in (p for p in files if p.endswith(".xml")):
            ET.fromstring(files[path])
        for day in re.findall(rb'<meta property="article:published_time" content="([^"]+)">', b"".join(files.values())):
            datetime.date.fromisoformat(day.decode())


def aliased_yaml(depth: int, width: int, key: str) -> str:
    """Anchored lists each repeating the one before by alias: an alias bomb, from harmless to 450 bytes."""
    lines = [f"a0: &a0 [{', '.join(['lol'] * width)}]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]" for i in range(1, depth)]
    return "\n".join(lines) + f"\n{key}: *a{depth - 1}\n"


alias_yaml = st.builds(aliased_yaml, st.integers(1, 12), st.integers(1, 12),
                       st.sampled_from(["title", "description", "slug", "order", "base_url", "indexes"]))


@settings(max_examples=60, deadline=2000, derandomize=True, database=None)
@given(alias_yaml)
def test_yaml_with_aliases_is_refused_at_once_naming_the_file(text: str) -> None:
    with pytest.raises(ContentError, match=r"^about\.md:\d+: front matter is not valid YAML: aliases"):
        parse_page("about.md", f"---\ntitle: About\n{text}---\nText.\n")
    with tempfile.TemporaryDirectory(prefix="digest-prop-") as scratch:
        (Path(scratch) / "digest.yaml").write_text(text)
        with pytest.raises(ConfigError, match=r"digest\.yaml: not valid YAML: aliases"):
            load_config(Path(scratch))
