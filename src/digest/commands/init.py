"""`digest init`: create a site folder with two sample dumps and build it at once."""
from __future__ import annotations

import argparse
from pathlib import Path

from digest.build import BuildOptions
from digest.commands.build import build_and_report
from digest.errors import shown
from digest.init import create_site

HELP = "create a new site folder with two sample dumps"
DESCRIPTION = ("Create a site in DIR (new or empty): digest.yaml, content/ with two sample dumps, an empty\n"
               "templates/ with a note on overriding the theme, and a .gitignore. Then build it.")
EXAMPLES = """  digest init my-site
  digest init . && digest serve
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", type=Path, metavar="DIR", help="the new site folder (created if missing, else must be empty)")


def run(args: argparse.Namespace) -> int:
    written = create_site(args.dir)
    folder = shown(str(args.dir))
    if args.verbose:
        for relative in written:
            print(f"created {shown(str(args.dir / relative))}")
    status = build_and_report(BuildOptions(site_dir=args.dir), args.quiet, args.verbose)
    if not args.quiet:
        print(f"new site in {folder}: add your dumps to {shown(str(args.dir / 'content'))}, then run\n"
              f"  cd {folder} && digest serve")
    return status
