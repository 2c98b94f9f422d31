"""The line a build ends with, for every caller that tells a person (the command line, `digest serve`)."""
from __future__ import annotations

from digest.build import BuildReport


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    return f"{count:,} {noun if count == 1 else nouns or noun + 's'}"


def summary_line(report: BuildReport, seconds: float) -> str:
    """`1,204 dumps -> 1,131 stories, 212 events, 3,870 pages in 4.2 s; 3 dumps skipped, see above`."""
    line = (f"{plural(report.dumps, 'dump')} -> {plural(report.stories, 'story', 'stories')}, "
            f"{plural(report.events, 'event')}, {plural(report.pages, 'page')} in {seconds:.1f} s")
    if report.rendered < report.pages:  # an incremental build: say how much it had to redo
        line += f" ({report.rendered:,} rendered, the rest unchanged)"
    if report.problems:
        line += f"; {plural(len(report.problems), 'dump')} skipped, see above"
    return line
