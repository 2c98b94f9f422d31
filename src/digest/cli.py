"""Command line: parse arguments, call the stage, map errors to exit codes. No logic lives here.

argparse rather than click: the standard library covers subcommands, help and examples, and
keeps the install one dependency lighter.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

from digest import __version__
from digest.build import BuildOptions, build
from digest.corpus import corpus_view
from digest.errors import DigestError, DumpError
from digest.loader import load_dump

EXIT_OK, EXIT_SKIPPED, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130

EPILOG = """exit codes:
  0  done
  1  done, but some dumps could not be read and were skipped (each is listed)
  2  nothing done: a usage, config, template or output error
"""


def _parser() -> argparse.ArgumentParser:
    fmt = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(prog="digest", description="Turn scraped news-page dumps into a static news site.",
                                     epilog=EPILOG, formatter_class=fmt)
    parser.add_argument("--version", action="version", version=f"digest {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    b = commands.add_parser("build", help="build the site into build/", formatter_class=fmt,
                            description="Build the site in SITE (default: here) from its content/ dumps.",
                            epilog="examples:\n  digest build\n  digest build my-site --output /srv/www/news\n\n" + EPILOG)
    b.add_argument("site", nargs="?", default=".", type=Path, help="the site folder (default: .)")
    b.add_argument("--output", "-o", type=Path, help="where to write the site (default: SITE/build)")
    b.add_argument("--clean", action="store_true", help="delete the previous output first instead of swapping it")
    b.add_argument("--quiet", "-q", action="store_true", help="print only problems")

    i = commands.add_parser("inspect", help="show what the loader reads off dumps", formatter_class=fmt,
                            description="Print the story record the loader reads off each dump.",
                            epilog="examples:\n  digest inspect content/*.txt\n  digest inspect --json dump.txt | jq .quotes\n\n" + EPILOG)
    i.add_argument("files", nargs="+", type=Path, metavar="FILE")
    i.add_argument("--json", action="store_true", help="one JSON object a line per dump")
    return parser


def _record_json(record, view) -> str:
    return json.dumps({**dataclasses.asdict(record), **dataclasses.asdict(view)}, ensure_ascii=False)


def _print_readable(record) -> None:
    r = record
    print(f"== {r.path}")
    print(f"headline:  {r.headline}{'  (inferred)' if r.headline_inferred else ''}")
    if r.dateline:
        print(f"dateline:  {r.dateline.text}  [place {r.dateline.place}; date {r.dateline.date or '?'}]")
    print(f"date:      {r.date or '-'}\nsource:    {r.source or '-'}\nphoto:     {r.photo_credit or '-'}")
    print(f"body:      {len(r.body)} paragraphs")
    for n, paragraph in enumerate(r.body):
        print(f"  [{n}] {paragraph}")
    for q in r.quotes:
        print(f"  {q.kind:<9} {q.speaker or '?'}{f' ({q.role})' if q.role else ''}: {q.text}")
    for item in r.related:
        print(f"related:   {item.title}  {list(item.labels) or ''}")
        for q in item.quotes:
            print(f"    {q.speaker or '?'}: {q.text[:90]}")
    print()


def cmd_inspect(args) -> int:
    status, records = EXIT_OK, []
    for path in args.files:
        try:
            record = load_dump(str(path), path.read_bytes())
        except OSError as error:
            print(f"{path}: cannot be read: {error.strerror or error}", file=sys.stderr)
            status = EXIT_SKIPPED
            continue
        except DumpError as error:
            print(error, file=sys.stderr)
            status = EXIT_SKIPPED
            continue
        records.append(record) if args.json else _print_readable(record)
    if records:  # the corpus view (story, duplicate_of, event) needs every record first
        view = corpus_view(records)
        for record in records:
            print(_record_json(record, view[record.path]))
    return status


def cmd_build(args) -> int:
    report = build(BuildOptions(site_dir=args.site, output=args.output, clean=args.clean))
    for problem in report.problems:
        print(f"skipped {problem}", file=sys.stderr)
    if not args.quiet:
        skipped = f"; {len(report.problems)} dumps skipped, see above" if report.problems else ""
        print(f"{report.dumps} dumps -> {report.stories} stories, {report.pages} pages in {report.output}{skipped}")
    return EXIT_SKIPPED if report.problems else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return {"build": cmd_build, "inspect": cmd_inspect}[args.command](args)
    except DigestError as error:
        if args.debug:
            raise
        print(f"digest: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("digest: interrupted; the previous output is untouched", file=sys.stderr)
        return EXIT_INTERRUPTED
