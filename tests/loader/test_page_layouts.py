"""The family pages (pages/*.txt) in the other saved layouts of test_layouts.py: every page,
rewritten as a text browser, a mail client or a scraper saves it, must still read as its truth
says, by the very checks test_pages.py makes. A layout rewrites the page's text; the truth stays.

A (layout, page) pair in ARTEFACTS fails for an artefact of the rewrite that no real tool produces;
one in OPEN for a gap of the loader still to close. Each carries its reason, and fails the suite
once it passes (strict xfail), so both lists only shrink.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest
import yaml

from digest.errors import DumpError
from digest.loader import load_dump
from tests.loader import test_pages
from tests.loader.test_layouts import HEADER_LAYOUTS, LAYOUTS

# The checks of test_pages.py, each called with the page's (record, truth).
CHECKS: dict[str, Callable] = {
    "headline": test_pages.test_headline_publisher_and_source,
    "dateline": test_pages.test_dateline_and_date,
    "body": test_pages.check_body,
    "quotes": test_pages.test_quotes_and_speakers,
    "related": test_pages.test_related_items,
}
ALL_LAYOUTS = sorted([*LAYOUTS, *HEADER_LAYOUTS])

# (layout, page): why the rewritten page cannot read as its truth. A text browser's dump is
# wrapped already (at 78-80 columns): no tool wraps it again narrower, leaving one-word lines, nor
# drops the blank lines that alone part its wrapped paragraphs.
_REWRAPPED = "a text browser's wrapped dump wrapped again at 76 columns: ragged one-word lines"
_UNPARTED = "a text browser's wrapped dump without its blank lines: a full line ending a sentence parts nothing"
ARTEFACTS: dict[tuple[str, str], str] = {
    ("wrapped", "fox"): _REWRAPPED,
    ("wrapped", "gannett"): _REWRAPPED,
    ("wrapped", "mail"): _REWRAPPED,
    ("wrapped", "politico"): _REWRAPPED,
    ("wrapped", "w3m"): _REWRAPPED,
    ("wrapped", "w3m_stub"): _REWRAPPED,
    ("wrapped", "wapo"): _REWRAPPED,
    ("wrapped", "yahoo"): _REWRAPPED,
    ("no_blank_lines", "fox"): _UNPARTED,
    ("no_blank_lines", "gannett"): _UNPARTED,
    ("no_blank_lines", "w3m"): _UNPARTED,
    ("no_blank_lines", "wapo"): _UNPARTED,
}
# (layout, page): what the loader still misreads there.
OPEN: dict[tuple[str, str], str] = {
    ("markdown", "breadcrumbs"): "misreads its headline",
    ("trafilatura", "press_release"): "misreads its headline",
    ("no_blank_lines", "w3m_stub"): "reads the breadcrumbs line (\"Home News\" and the headline) as the headline",
    ("wrapped", "caseless_script"): "a short page hard-wrapped: too few lines (17) to read a wrap width from",
    ("wrapped", "ap_newspaper"): "the title line joins the site name under it",
    ("wrapped", "armenpress"): "the title's \"- Site\" wrapped onto a line of its own reads as a list item",
    ("wrapped", "bbc"): "the title line joins the menu word under it (\"Homepage\")",
    ("wrapped", "cnn"): "the title line joins the menu word under it (\"Live TV\")",
    ("wrapped", "dawn"): "the title's \"- Site\" wrapped onto a line of its own reads as a list item",
    ("wrapped", "tass"): "the wrapped title line keeps its section name in the headline",
}
OPEN.update({(layout, page): reason for page, reason in test_pages.OPEN_BODIES.items() for layout in ALL_LAYOUTS})
EXPECTED = {**OPEN, **ARTEFACTS}


def rewrite(case: Path, layout: str, truth: dict) -> str:
    text = case.with_suffix(".txt").read_text(encoding="utf-8")
    if layout in HEADER_LAYOUTS:
        return HEADER_LAYOUTS[layout](text, case.with_suffix(".txt"), truth)
    return LAYOUTS[layout](text)


def failed_checks(case: Path, layout: str) -> dict[str, str]:
    """The checks the page fails in the layout, each with the first line of its error."""
    truth = yaml.safe_load(case.read_text(encoding="utf-8"))
    name = case.with_suffix(".txt").name
    try:
        record = load_dump(name, rewrite(case, layout, truth).encode("utf-8"))
    except DumpError as error:
        return {check: f"refused: {error}" for check in CHECKS}
    failed = {}
    for check, run in CHECKS.items():
        try:
            run((record, truth))
        except AssertionError as error:
            failed[check] = str(error).split("\n")[0][:200]
    return failed


def _pairs() -> list:
    return [
        pytest.param(layout, case, id=f"{layout}-{case.stem}",
                     marks=[pytest.mark.xfail(strict=True, reason=EXPECTED[layout, case.stem])]
                     if (layout, case.stem) in EXPECTED else [])
        for layout in ALL_LAYOUTS for case in test_pages.CASES
    ]


@pytest.mark.parametrize(("layout", "case"), _pairs())
def test_a_page_in_another_layout_reads_as_its_truth(layout: str, case: Path) -> None:
    assert not failed_checks(case, layout)


@pytest.mark.parametrize("layout", ALL_LAYOUTS)
@pytest.mark.parametrize("case", test_pages.REFUSED, ids=[c.stem for c in test_pages.REFUSED])
def test_a_page_without_an_article_is_refused_in_every_layout(case: Path, layout: str) -> None:
    truth = yaml.safe_load(case.read_text(encoding="utf-8"))
    with pytest.raises(DumpError, match=truth["error"]):
        load_dump(case.with_suffix(".txt").name, rewrite(case, layout, truth).encode("utf-8"))


if __name__ == "__main__":  # the pass counts per layout: python -m tests.loader.test_page_layouts [-v]
    import sys

    for layout in ALL_LAYOUTS:
        results = {case.stem: failed_checks(case, layout) for case in test_pages.CASES}
        passed = sum(len(CHECKS) - len(failed) for failed in results.values())
        print(f"{layout:16} {passed:4}/{len(CHECKS) * len(results)} checks, "
              f"{sum(not f for f in results.values())}/{len(results)} pages")
        if "-v" in sys.argv:
            for stem, failed in results.items():
                for check, why in failed.items():
                    print(f"    {stem:20} {check:9} {why}")
