"""The benchmark's synthetic dumps read as the generator wrote them: headline (or none), dateline,
date, source, body, quotes and their speakers, related items."""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest

from digest.loader import load_text

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import synth  # noqa: E402

_DATELINE = re.compile(r"^([A-Z]+), (\w+), (\w+) (\d+)\. ", re.MULTILINE)
_SAID = re.compile(r"” (\w+) (?:said|added|noted|stressed)\.$")


def _dumps(count: int) -> list[str]:
    rng = random.Random(3)
    return [synth.dump(rng, i) for i in range(count)]


@pytest.mark.parametrize("text", _dumps(40))
def test_synthetic_dump_reads_as_written(text: str) -> None:
    record = load_text("synth.txt", text)
    lines = text.split("\n")
    dateline = _DATELINE.search(text)
    first = next(i for i, line in enumerate(lines) if line.startswith(dateline.group(0)))
    credit = next(i for i, line in enumerate(lines) if line.startswith("Source:"))
    if first > 2:  # a title line stands above the body
        assert record.headline == lines[2].rsplit(" - ", 1)[0] and not record.headline_inferred
    else:
        assert record.headline_inferred
    assert record.dateline.place == f"{dateline.group(1)}, {dateline.group(2)}"
    year = re.search(r"(\d{4})\. \(Agency/Staff\)", lines[credit]).group(1)
    assert record.date == f"{year}-{synth.MONTHS.index(dateline.group(3)) + 1:02d}-{int(dateline.group(4)):02d}"
    assert record.source == re.match(r"Source: ([^.]+)\.", lines[credit]).group(1)
    assert list(record.body) == [lines[first][len(dateline.group(0)) :]] + [l for l in lines[first + 1 : credit] if l]
    direct = [q for q in record.quotes if q.kind == "direct"]
    assert len(direct) == sum(p.count("“") for p in record.body)
    for quote in direct:
        assert quote.speaker and quote.speaker.endswith(_SAID.search(record.body[quote.paragraph]).group(1))
    assert len(record.related) == 1 and record.related[0].labels == ("Editor's choice", "News")
