"""What commands print besides their results: a progress bar on a terminal, the summary line."""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from digest.build import BuildReport
from digest.errors import shown

Callback = Callable[[str, int, int], None]


@contextmanager
def progress_bar(enabled: bool = True) -> Iterator[Callback | None]:
    """A bar on stderr that vanishes when the work is done; nothing at all off a terminal,
    so logs and pipes get only the summary line."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    # here, not at the top: a build in a script or with -q should not spend 20 ms importing rich
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, transient=True) as bar:
        tasks: dict[str, int] = {}

        def advance(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done)

        yield advance


def timings_table(report: BuildReport) -> str:
    """The build's stages and the wall time of each, then their total; a rebuild with nothing to do
    has one stage."""
    width = max((len(stage) for stage, _ in report.timings), default=0)
    rows = [f"  {stage:<{width}}  {seconds:6.2f} s" for stage, seconds in report.timings]
    rows.append(f"  {'total':<{width}}  {sum(seconds for _, seconds in report.timings):6.2f} s")
    return "\n".join(["time by stage:", *rows])


def print_problems(report: BuildReport) -> None:
    for problem in report.problems:
        print(f"skipped {problem}", file=sys.stderr)
    for warning in report.warnings:
        print(f"warning: {shown(warning, lines=True)}", file=sys.stderr)
