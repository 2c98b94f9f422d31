"""An archive with 2% corrupt dumps and 2% odd but readable ones (benchmarks/fuzz_build.py at small
size; docs/benchmarks.md gives the 10,000-dump run): the build reports exactly the corrupt dumps and builds
every other, and its feeds are well-formed XML."""
from __future__ import annotations

from pathlib import Path

from benchmarks.fuzz_build import CORRUPTIONS, build_archive


def test_exactly_the_corrupt_dumps_are_reported_and_all_others_built(tmp_path: Path) -> None:
    outcome = build_archive(tmp_path, 250, 0.02, seed=7)
    assert len(outcome.corrupt) == len(CORRUPTIONS) == 5  # one of each kind
    assert sorted(p.path for p in outcome.report.problems) == sorted(outcome.corrupt)
    assert outcome.loaded == {str(p) for p in outcome.all_paths} - outcome.corrupt
    assert len(outcome.loaded) == 245 and outcome.report.dumps == 250
    assert outcome.story_pages == outcome.report.stories > 200  # synth makes some exact copies
    assert outcome.failures(250) == []
