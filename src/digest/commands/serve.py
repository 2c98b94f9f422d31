"""`digest serve`: build, serve the output locally, rebuild on change and reload open tabs."""
from __future__ import annotations

import argparse
from pathlib import Path

HELP = "build, serve on 127.0.0.1 and rebuild on change, reloading the browser"
DESCRIPTION = ("Build the site, serve its output on http://127.0.0.1:PORT/ and watch content/, templates/,\n"
               "static/ and digest.yaml: a change rebuilds the site and reloads open tabs. A broken\n"
               "template or dump is shown in the page and here; the server keeps running. Ctrl-C stops it.")
EXAMPLES = """  digest serve
  digest serve my-site --port 8080
  digest serve --port 0            # any free port; the address is printed
  digest serve --bind 0.0.0.0      # let other machines see it (only when you mean to)
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("site", nargs="?", default=".", type=Path, help="the site folder (default: .)")
    parser.add_argument("--port", "-p", type=int, default=8000, help="port to listen on (default: 8000; 0: any free one)")
    parser.add_argument("--bind", default="127.0.0.1", metavar="ADDRESS",
                        help="address to listen on (default: 127.0.0.1, this machine only)")
    parser.add_argument("--output", "-o", type=Path, help="where to write the site (default: SITE/build)")


def run(args: argparse.Namespace) -> int:
    from digest.serve import (  # loaded only for this command (see digest.cli)
        ServeOptions,
        serve,
    )
    return serve(ServeOptions(site_dir=args.site, output=args.output, port=args.port, bind=args.bind,
                              quiet=args.quiet, verbose=args.verbose))
