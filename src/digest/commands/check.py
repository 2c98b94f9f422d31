"""`digest check`: lint the dumps without building; a table for people, JSON for tools."""
from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path

from digest.check.findings import ERROR, WARNING, Finding
from digest.commands.exits import EXIT_OK, EXIT_PROBLEMS
from digest.config import load_config
from digest.errors import DumpError, shown, shown_json
from digest.inputs import read_dumps
from digest.summary import plural

HELP = "lint the dumps without building"
DESCRIPTION = """Check dumps without building the site. Errors (the build would skip the dump):
  empty, unreadable (no encoding fits), no-body (nothing but page furniture).
Warnings (built, but something is missing or odd):
  no-headline (inferred from the lead), no-date, duplicate (same article as another dump),
  boilerplate (page furniture left in the body), quote-speaker (a quote without a speaker),
  encoding (text that looks wrongly decoded).
PATH is a site folder (its content/ is checked), a folder of dumps, or dump files."""
EXAMPLES = """  digest check
  digest check my-site --strict
  digest check content/2025-*.txt
  digest check --json | jq '.findings[] | select(.level == "error") | .path'
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, default=[Path(".")], metavar="PATH",
                        help="site folder, dump folder or dump files (default: .)")
    parser.add_argument("--json", action="store_true", help="print one JSON document for tools")
    parser.add_argument("--strict", action="store_true", help="fail (exit 1) on warnings too")


def gather(paths: list[Path]) -> tuple[list[tuple[str, bytes]], list[Finding]]:
    dumps, unread = [], []
    for path in paths:
        if path.is_dir():
            content = path / load_config(path).content_dir
            found, problems = read_dumps(content if content.is_dir() else path)
        else:
            found, problems = read_dumps_from_file(path)
        dumps += found
        unread += [Finding(p.path, None, ERROR, "unreadable", p.reason) for p in problems]
    return dumps, unread


def read_dumps_from_file(path: Path) -> tuple[list[tuple[str, bytes]], list[DumpError]]:
    try:
        return [(str(path), path.read_bytes())], []
    except OSError as error:
        return [], [DumpError(str(path), f"cannot be read: {error.strerror or error}")]


def print_table(findings: list[Finding]) -> None:
    if not findings:
        return
    wheres = [f"{shown(f.path)}:{f.line}" if f.line else shown(f.path) for f in findings]
    width, checks = max(map(len, wheres)), max(len(f.check) for f in findings)
    for f, where in zip(findings, wheres):
        print(f"{where:<{width}}  {f.level:<7}  {f.check:<{checks}}  {shown(f.message)}")


def run(args: argparse.Namespace) -> int:
    from digest.check.lint import (
        check_dumps,  # the loader loads only for this command (see digest.cli)
    )
    dumps, unread = gather(args.paths)
    findings = sorted(unread + check_dumps(dumps), key=Finding.sort_key)
    errors = sum(f.level == ERROR for f in findings)
    warnings = sum(f.level == WARNING for f in findings)
    total = len(dumps) + len(unread)
    if args.json:
        print(shown_json(json.dumps({"dumps": total, "errors": errors, "warnings": warnings,
                                     "findings": [asdict(f) for f in findings]}, ensure_ascii=False, indent=1)))
    else:
        print_table([f for f in findings if f.level == ERROR or not args.quiet])
        bad = len({f.path for f in findings})
        if not args.quiet or errors:
            print(f"{plural(total, 'dump')} checked: {plural(errors, 'error')}, {plural(warnings, 'warning')}"
                  + (f" in {plural(bad, 'dump')}" if bad else ""))
    failed = errors or (args.strict and warnings)
    return EXIT_PROBLEMS if failed else EXIT_OK
