"""`digest inspect`: what the loader reads off each dump, readable or as JSON Lines."""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

from digest.commands.exits import EXIT_OK, EXIT_PROBLEMS
from digest.errors import DumpError, shown, shown_json
from digest.records import StoryRecord

HELP = "show what the loader reads off dumps"
DESCRIPTION = "Print the story record the loader reads off each dump."
EXAMPLES = """  digest inspect content/*.txt
  digest inspect --explain dump.txt    # each line's label and why
  digest inspect --json dump.txt | jq .quotes
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    parser.add_argument("--json", action="store_true", help="one JSON object a line per dump")
    parser.add_argument("--explain", action="store_true",
                        help="each line of the dump with its label (headline, byline, date, body, other), "
                             "the model's probability, the rules' reading and the features that decided it")


def _record_json(record: StoryRecord, view: object) -> str:
    """The record, with the corpus view of it: its story id, the dump it copies, its event."""
    return json.dumps({**dataclasses.asdict(record), **dataclasses.asdict(view)}, ensure_ascii=False)


def _print_readable(record: StoryRecord) -> None:
    r = record
    print(f"== {shown(r.path)}")
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


def _print_explained(path: Path, data: bytes) -> None:
    from digest.loader.explain import explain
    print(f"== {path}\n{'line':>5}  {'label':8} {'p':>4}  {'rules':7} text  [features that decided it]")
    for r in explain(str(path), data):
        reasons = ", ".join(f"{name} {weight:+.1f}" for name, weight in r.reasons)
        text = r.text if len(r.text) <= 70 else r.text[:69] + "…"
        print(f"{r.number:>5}  {r.label:8} {r.probability:4.2f}  {r.rules:7} {text}  [{reasons}]")
    print()


def run(args: argparse.Namespace) -> int:
    from digest.corpus import (
        corpus_view,  # the loader and corpus stage load only for this command (see digest.cli)
    )
    from digest.loader import load_dump
    status, records = EXIT_OK, []
    for path in args.files:
        try:
            if args.explain:
                _print_explained(path, path.read_bytes())
                continue
            record = load_dump(str(path), path.read_bytes())
        except OSError as error:
            print(f"{shown(str(path))}: cannot be read: {shown(str(error.strerror or error))}", file=sys.stderr)
            status = EXIT_PROBLEMS
            continue
        except DumpError as error:
            print(error, file=sys.stderr)
            status = EXIT_PROBLEMS
            continue
        records.append(record) if args.json else _print_readable(record)
    if records:  # the corpus view (story, duplicate_of, event) needs every record first
        view = corpus_view(records)
        for record in records:
            print(shown_json(_record_json(record, view[record.path])))
    return status
