"""Check dumps without building: load each, run the rules, find duplicates across them.

A pure function over (path, bytes) pairs; reading the files is the command's job.
"""
from __future__ import annotations

from digest.check.findings import ERROR, WARNING, Finding
from digest.check.rules import RULES, mojibake
from digest.corpus.dedup import body_fingerprint
from digest.errors import DumpError
from digest.loader import load_text
from digest.loader.text import decode, normalise
from digest.records import StoryRecord


def check_one(path: str, data: bytes) -> tuple[StoryRecord | None, list[Finding]]:
    if not data.strip():
        return None, [Finding(path, None, ERROR, "empty", "the file is empty")]
    try:
        text = decode(data, path)
    except DumpError as error:
        return None, [Finding(path, error.line, ERROR, "unreadable", error.reason)]
    try:
        record = load_text(path, text)
    except DumpError as error:
        return None, [Finding(path, error.line, ERROR, "no-body", error.reason)]
    lines = normalise(text).split("\n")
    raw_lines = text.replace("\r\n", "\n").split("\n")  # before the loader repairs any mojibake
    return record, mojibake(record, raw_lines) + [finding for rule in RULES for finding in rule(record, lines)]


def duplicates(records: list[StoryRecord]) -> list[Finding]:
    """Every copy after the first (in path order) of an article another dump already holds."""
    first: dict[str, str] = {}
    found = []
    for record in sorted(records, key=lambda r: r.path):
        original = first.setdefault(body_fingerprint(record), record.path)
        if original != record.path:
            found.append(Finding(record.path, None, WARNING, "duplicate", f"same article as {original}"))
    return found


def check_dumps(dumps: list[tuple[str, bytes]]) -> list[Finding]:
    records, findings = [], []
    for path, data in dumps:
        record, found = check_one(path, data)
        findings += found
        if record is not None:
            records.append(record)
    findings += duplicates(records)
    return sorted(set(findings), key=Finding.sort_key)  # a furniture line printed twice is one finding
