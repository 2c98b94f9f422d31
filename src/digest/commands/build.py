"""`digest build`: the site from its dumps, with a progress bar and one summary line."""
from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

from digest.build import BuildOptions, build
from digest.commands.console import print_problems, progress_bar, timings_table
from digest.commands.exits import EXIT_OK, EXIT_PROBLEMS
from digest.errors import DigestError, shown
from digest.summary import summary_line

HELP = "build the site into build/"
DESCRIPTION = "Build the site in SITE (default: here) from the dumps in its content/ folder."
EXAMPLES = """  digest build
  digest build my-site --output /srv/www/news
  digest build --clean -q
  digest build --strict        # fail (exit 1) when any dump is skipped, e.g. in CI
  digest build --timings       # where the time went: reading, grouping, planning, rendering, search
  digest build --scheduler tcp://10.0.0.5:8786   # parse on a Dask cluster
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("site", nargs="?", default=".", type=Path, help="the site folder (default: .)")
    parser.add_argument("--output", "-o", type=Path, help="where to write the site (default: SITE/build)")
    parser.add_argument("--clean", action="store_true",
                        help="rebuild from scratch: forget cached records and reuse nothing of the previous output")
    parser.add_argument("--workers", "-j", type=int, metavar="N", help="processes that parse dumps (default: one per core)")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="parse on a Dask cluster, e.g. tcp://10.0.0.5:8786 (needs pip install 'digest[dask]')")
    parser.add_argument("--strict", action="store_true",
                        help="exit 1 when any dump was skipped (the site is still built and written)")
    parser.add_argument("--timings", action="store_true",
                        help="print where the build's time went, stage by stage (to find what makes a build slow)")


def build_and_report(options: BuildOptions, quiet: bool, verbose: bool = False, strict: bool = False,
                     timings: bool = False) -> int:
    """Shared by build and init: run the build, list skipped dumps, print the summary line.
    Skipped dumps fail the command only when asked (--strict): scrapers always leave a few bad
    files, and the site of every good story is what the user came for."""
    started = time.monotonic()
    with progress_bar(enabled=not quiet) as advance:
        report = build(replace(options, progress=advance, waiting=options.waiting or _say))
    print_problems(report)
    if not quiet:
        print(summary_line(report, time.monotonic() - started))
    if verbose:
        print(f"site written to {shown(str(report.output))}")
    if timings:
        print(timings_table(report))
    return EXIT_PROBLEMS if strict and report.problems else EXIT_OK


def _say(message: str) -> None:
    print(f"digest: {message}", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    if not args.site.is_dir():
        raise DigestError(f"{shown(str(args.site))}: no such folder (a site is a folder with your dumps in content/)")
    if args.workers is not None and args.workers < 1:
        raise DigestError(f"--workers takes a number of processes, 1 or more (got {args.workers})")
    options = BuildOptions(site_dir=args.site, output=args.output, clean=args.clean, workers=args.workers,
                           scheduler=args.scheduler)
    return build_and_report(options, args.quiet, args.verbose, args.strict, args.timings)
