"""Command line: parse arguments, call the command, map errors to exit codes. No logic lives here.

argparse rather than click: the standard library covers subcommands, help and examples, and
keeps the install one dependency lighter. Each command is a module of digest.commands that
declares its help, examples, arguments and `run`; this file only assembles them. A command module
imports its heavy machinery (loader, corpus stage, renderer, server) inside `run`, so that
`digest build` with nothing to rebuild answers in a fraction of a second.
"""
from __future__ import annotations

import argparse
import os
import sys

from digest import __version__
from digest.commands import build, check, init, inspect, serve
from digest.commands.exits import (
    EPILOG,
    EXIT_BUG,
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    EXIT_OK,
)
from digest.errors import DigestError, shown

COMMANDS = (init, serve, check, build, inspect)
FORMAT = argparse.RawDescriptionHelpFormatter


def _common(defaults: bool) -> argparse.ArgumentParser:
    """-q/-v/--debug, accepted before or after the command. Only the top level sets defaults:
    argparse lets a subcommand's defaults overwrite what was given before the command."""
    common = argparse.ArgumentParser(add_help=False)
    default = (lambda value: value) if defaults else (lambda value: argparse.SUPPRESS)
    common.add_argument("-q", "--quiet", action="store_true", default=default(False), help="print only problems")
    common.add_argument("-v", "--verbose", action="store_true", default=default(False), help="say more about each step")
    common.add_argument("--debug", action="store_true", default=default(False), help="show tracebacks")
    return common


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="digest", description="Turn scraped news-page dumps into a static news site.",
        epilog="examples:\n  digest init my-site\n  cd my-site && digest serve\n  digest check\n  digest build\n\n" + EPILOG,
        formatter_class=FORMAT, parents=[_common(defaults=True)],
    )
    parser.add_argument("--version", action="version", version=f"digest {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMANDS:
        name = module.__name__.rsplit(".", 1)[-1]
        sub = commands.add_parser(name, help=module.HELP, description=module.DESCRIPTION, formatter_class=FORMAT,
                                  epilog=f"examples:\n{module.EXAMPLES}\n{EPILOG}", parents=[_common(defaults=False)])
        module.add_arguments(sub)
        sub.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except DigestError as error:
        if args.debug:
            raise
        print(f"digest: {shown(str(error), lines=True)}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("digest: interrupted; the previous output is untouched", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `digest inspect ... | head`: the reader has all it wanted
        sys.stderr.close()  # and nothing more may be written to a closed pipe at exit
        return EXIT_OK
    except OSError as error:
        if args.debug:
            raise
        where = f"{shown(os.fsdecode(error.filename))}: " if error.filename else ""
        print(f"digest: {where}{shown(str(error.strerror or error), lines=True)}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as error:  # a bug in digest: say so in one line, the traceback on request
        if args.debug:
            raise
        print(f"digest: internal error: {type(error).__name__}: {shown(str(error), lines=True)}\n"
              f"  (a bug in digest; run again with --debug and report the traceback)", file=sys.stderr)
        return EXIT_BUG


def run() -> None:
    """The `digest` command: main(), then an exit that skips tearing the interpreter down. A build
    leaves millions of records, stories and pages in memory; freeing them one by one at exit, with a
    last collection over all of them, took half a second at 10,000 dumps after the work was done.
    Every file, pool and connection is closed by then (they are all context-managed)."""
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):  # a reader that went away, or a stream main() closed
        pass
    os._exit(code)
