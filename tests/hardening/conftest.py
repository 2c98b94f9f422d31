"""Sites made of hostile and broken dumps, built by the real build."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from benchmarks.synth import sentence


def article(headline: str, place: str = "RIVERTON", extra: str = "") -> str:
    """A dump as a scraper saves a news page: its title, furniture, headline, byline, dateline, body,
    a quote, more furniture."""
    return (
        f"{headline} - Valley Times\n\nMenu\nHome\nNews\n\n{headline}\n\nBy Ann Lee\n\n"
        f"{place} (AP) — Floods closed the only road into the valley on Monday, cutting off three villages "
        f"and the school. {extra}\n\n"
        "“We have never seen the river this high in forty years,” said Mayor Tom Berg.\n\n"
        "Crews expect to reopen the road by Friday if the rain stops, the county said in a statement.\n\n"
        f"{own_paragraph(headline + extra)}\n\n"
        "Most read\n\nA title of another story\n"
    )


def own_paragraph(headline: str) -> str:
    """Sentences that only this headline's story has: pages with the same stock text and different
    headlines would otherwise be one story to the corpus stage (near duplicates)."""
    rng = random.Random(headline)
    return " ".join(sentence(rng) for _ in range(14))


def write_site(folder: Path, dumps: dict[str, bytes | str]) -> Path:
    """A site folder with these dumps in content/, written in the given order."""
    content = folder / "content"
    content.mkdir(parents=True, exist_ok=True)
    for name, data in dumps.items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return folder


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def good_dumps() -> dict[str, str]:
    return {f"good-{i}.txt": article(f"Floods close valley road number {i}", extra=f"Bridge {i} is shut.")
            for i in range(3)}
