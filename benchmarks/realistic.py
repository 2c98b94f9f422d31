"""Dumps shaped like real ones, for the build benchmark: the same for the same seed.

Synthetic dumps are light (a dozen lines of furniture, short paragraphs), so they overstate how fast
digest reads a real archive. Each dump here is a real page's layout, taken from ../shared/pages and
../shared/corpus at run time (its menus, related blocks, captions, comments and as many lines as the
real page has), around article text recombined from real articles' sentences: stories of one event
share most of their sentences and a headline, dated within a few days; about 8% are undated, 3% exact
re-scrapes and 5% syndicated copies in another site's layout. Nothing from ../shared is stored in the
project: the dumps are written to the folder the benchmark gives and removed with it.

    .venv/bin/python benchmarks/realistic.py FOLDER 2000 [--seed 7]
"""
from __future__ import annotations

import random
import re
import sys
import textwrap
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth  # noqa: E402  (beside this file: the dumps are written and named as synth writes them)

SHARED = Path(__file__).resolve().parents[2] / "shared"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
YEARS = (2023, 2024, 2025)
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][”\"’]))\s+(?=[A-Z“\"‘])")
SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Layout:
    """A real dump's lines, with the article's lines marked (their width kept) and its headline's line."""

    lines: tuple[str, ...]
    article: frozenset[int]
    headline: int | None


@dataclass(frozen=True)
class Source:
    headline: str
    sentences: tuple[str, ...]


def available() -> bool:
    return (SHARED / "pages" / "truth.yaml").is_file()


def _flat(text: str) -> str:
    return SPACES.sub(" ", text).strip()


def _layout(path: Path) -> Layout | None:
    """The dump's lines; a line is the article's when the loader reads it into the body (so what the
    loader drops, the benchmark's dumps keep as furniture, as on the real page)."""
    from digest.errors import DumpError
    from digest.loader import load_dump

    data = path.read_bytes()
    try:
        record = load_dump(path.name, data)
    except DumpError:  # a page the loader refuses has no layout to lend
        return None
    body = " \n ".join(_flat(p) for p in record.body)
    lines = tuple(data.decode("utf-8", "replace").split("\n"))
    article = frozenset(i for i, line in enumerate(lines) if len(_flat(line)) >= 25 and _flat(line) in body)
    if len(article) < 3:
        return None
    headline = None
    if record.headline and not record.headline_inferred:
        # the headline's own line, or a title line that carries it with the site's name after it
        headline = next((i for i, line in enumerate(lines) if _flat(line).startswith(_flat(record.headline))), None)
    return Layout(lines, article, headline)


@lru_cache(maxsize=1)
def _material() -> tuple[tuple[Layout, ...], tuple[Source, ...]]:
    """Every real dump's layout, and every real article's headline and sentences (English ones)."""
    dumps = sorted((SHARED / "pages" / "dumps").glob("*/*.txt")) + sorted((SHARED / "corpus" / "dumps").glob("*.txt"))
    layouts = tuple(layout for layout in map(_layout, dumps) if layout is not None)
    sources = []
    for entry in yaml.safe_load((SHARED / "pages" / "truth.yaml").read_text(encoding="utf-8")):
        if entry.get("lang") == "en" and entry.get("body") and entry.get("headline"):
            sentences = tuple(s for p in entry["body"] for s in SENTENCE_END.split(_flat(p)) if len(s.split()) >= 5)
            if len(sentences) >= 8:
                sources.append(Source(_flat(entry["headline"]), sentences))
    return layouts, tuple(sources)


def _fill(layout: Layout, headline: str, sentences: list[str], dateline: str | None) -> str:
    """The layout with its article lines rewritten from `sentences` (each line as wide as the real one)
    and its headline replaced; the dateline, if any, goes before the article's first line."""
    stream = iter(sentences * 4)  # a long layout asks for more text than one story has
    out, carry = [], ""
    first = min(layout.article)
    for i, line in enumerate(layout.lines):
        if i == layout.headline:
            out.append(headline)
            continue
        if i not in layout.article:
            out.append(line)
            continue
        if i == first and dateline:
            out += [dateline, ""]
        width = max(25, len(line))
        while len(carry) < width:
            carry = f"{carry} {next(stream, 'The report said more would follow.')}".strip()
        piece = textwrap.wrap(carry, width, break_long_words=False)[0]
        carry = carry[len(piece):].strip()
        out.append(line[: len(line) - len(line.lstrip())] + piece)
    if layout.headline is None:
        out = [headline, "", *out]
    return "\n".join(out) + "\n"


def _headline(sentence: str) -> str:
    """A headline from an event's first sentence: its first words, cut at a word, no full stop."""
    words = sentence.split()[:rng_words(sentence)]
    return " ".join(words).rstrip(".,;:")


def rng_words(sentence: str) -> int:
    return 6 + len(sentence) % 7  # 6 to 12 words, fixed by the sentence so the dumps stay the same


def generate(folder: Path, count: int, seed: int = 7, years: tuple[int, ...] = YEARS) -> list[Path]:
    """Write `count` realistic dumps into `folder`, dated in `years`."""
    layouts, sources = _material()
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    texts: list[str] = []
    articles: list[tuple[str, list[str], str | None]] = []  # headline, sentences, dateline
    pool = [sentence for source in sources for sentence in source.sentences]
    events: list[tuple[tuple[str, ...], str, int, int, int]] = []  # sentences, headline, year, month, day
    for i in range(count):
        roll = rng.random()
        if texts and roll < 0.03:
            text = rng.choice(texts)  # the same page scraped again
        elif articles and roll < 0.08:  # a syndicated copy: another site's layout around the same text
            text = _fill(rng.choice(layouts), *rng.choice(articles[-200:]))
        else:
            if not events or rng.random() < 0.3:  # a new happening: its own sentences from the pool
                told = rng.sample(pool, k=rng.randint(10, 24))
                events.append((tuple(told), _headline(told[0]), rng.choice(years), rng.randrange(12), rng.randint(1, 26)))
            told, headline, year, month, day = rng.choice(events[-40:])  # events of the recent past
            own = rng.sample(told, k=max(4, len(told) * 2 // 3))
            sentences = own + [rng.choice(pool) for _ in range(len(own) // 2)]
            rng.shuffle(sentences)
            undated = rng.random() < 0.08
            dateline = None if undated else f"Published {MONTHS[month]} {day + rng.randint(0, 2)}, {year}"
            articles.append((headline, sentences, dateline))
            text = _fill(rng.choice(layouts), headline, sentences, dateline)
        texts.append(text)
        written.append(synth.write_dump(folder, i, text))
    return written


if __name__ == "__main__":
    synth.main(generate, __doc__)
