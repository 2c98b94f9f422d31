#!/usr/bin/env python3
"""The loader on real pages from many sites it was never tuned on: the English pages of
trafilatura's evaluation set, saved as text by a text browser or as a scraper saves a page's text,
scored by the set's own snippets.

    git clone https://github.com/adbar/trafilatura /tmp/trafilatura   # once; its pages stay there
    apt-get install w3m lynx
    .venv/bin/python benchmarks/html_eval.py /tmp/trafilatura            # w3m, lynx and a scraper
    .venv/bin/python benchmarks/html_eval.py /tmp/trafilatura --tool w3m -v   # every miss

Each page of tests/evaldata.json names snippets that belong to the article ("with") and page
furniture that does not ("without"). A "with" snippet counts as found when the story's headline,
dateline and body hold it (the loader reads the first two apart); a "without" snippet counts as
left out when the body does not hold it. Pages are blogs, docs and recipes as well as news, so the
figures are for comparing the loader with itself, run to run, not for a target. The dumps are
made once into a cache folder beside the pages.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from digest.errors import DumpError
from digest.loader import load_dump

TOOLS = {  # how each text browser saves a page: 80 columns, UTF-8 out, as a reader's scraper would
    "w3m": ["w3m", "-dump", "-T", "text/html", "-cols", "80", "-O", "UTF-8"],
    "lynx": ["lynx", "-dump", "-width=80", "-display_charset=utf-8", "-assume_charset=utf-8"],
}
SCRAPER = "scraper"  # the page's title, then the text of each block on its own line, as scrapers save it
_ENGLISH = re.compile(rb"<html[^>]*\blang=[\"']?en\b", re.IGNORECASE)


@dataclass
class Score:
    pages: int = 0
    refused: int = 0
    found: int = 0
    wanted: int = 0
    left_out: int = 0
    furniture: int = 0
    misses: list[str] = field(default_factory=list)

    def line(self, tool: str) -> str:
        right = self.pages - len(self.misses)
        return (f"{tool:7} pages {self.pages}, refused {self.refused}, article snippets found "
                f"{self.found}/{self.wanted} = {self.found / self.wanted:.3f}, furniture left out "
                f"{self.left_out}/{self.furniture} = {self.left_out / self.furniture:.3f}, pages all right {right}")


def _folded(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def english_pages(root: Path) -> list[tuple[Path, dict]]:
    data = json.loads((root / "tests" / "evaldata.json").read_text(encoding="utf-8"))
    pages = [(root / "tests" / "eval" / entry["file"], entry) for entry in data.values()]
    return sorted(((path, entry) for path, entry in pages if path.is_file() and _ENGLISH.search(path.read_bytes()[:5000])),
                  key=lambda page: page[0].name)


class _Scraper(HTMLParser):
    """A page's visible text the way a scraper's "get text" saves it: the title line first, each
    block element's text on a line of its own, a blank line after paragraphs and headings, and
    where two line breaks follow each other ("<br><br>" between paragraphs)."""

    BLOCKS = {"div", "li", "ul", "ol", "tr", "table", "section", "article", "header", "footer", "nav",
              "aside", "form", "main", "figure", "dt", "dd", "td"}
    PARAGRAPHS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figcaption", "pre", "title"}
    HIDDEN = {"script", "style", "noscript", "template", "svg", "iframe", "select", "option"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.line: list[str] = []
        self.hidden = 0
        self.in_head = False

    def _flush(self, gap: bool) -> None:
        text = re.sub(r"\s+", " ", "".join(self.line)).strip()
        self.line = []
        if text:
            self.out.append(text)
        if gap and self.out and self.out[-1] != "":
            self.out.append("")

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag == "head":
            self.in_head = True
        elif tag == "br":
            self._flush(gap=not "".join(self.line).strip())  # a second break in a row: a blank line
        elif tag in self.BLOCKS or tag in self.PARAGRAPHS:
            self._flush(tag in self.PARAGRAPHS)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag == "head":
            self.in_head = False
        elif tag in self.BLOCKS or tag in self.PARAGRAPHS:
            self._flush(tag in self.PARAGRAPHS)

    def handle_data(self, data: str) -> None:
        if not self.hidden and (not self.in_head or self.lasttag == "title"):
            self.line.append(data)


def scraped(page: bytes) -> bytes:
    charset = re.search(rb"<meta[^>]+charset=[\"']?([\w-]+)", page[:5000], re.IGNORECASE)
    try:
        text = page.decode(charset.group(1).decode() if charset else "utf-8", errors="replace")
    except LookupError:
        text = page.decode("utf-8", errors="replace")
    scraper = _Scraper()
    scraper.feed(text)
    scraper.close()
    scraper._flush(True)
    return "\n".join(scraper.out).encode("utf-8")


def saved_as_text(page: Path, tool: str, cache: Path) -> bytes:
    dump = cache / f"{page.name}.txt"
    if not dump.exists():
        if tool == SCRAPER:
            dump.write_bytes(scraped(page.read_bytes()))
        else:
            dump.write_bytes(subprocess.run([*TOOLS[tool], str(page)], capture_output=True, timeout=60, check=False).stdout)
    return dump.read_bytes()


def score(root: Path, tool: str) -> Score:
    cache = root / f".digest-{tool}-dumps"
    cache.mkdir(exist_ok=True)
    result = Score()
    for page, entry in english_pages(root):
        result.pages += 1
        try:
            record = load_dump(page.name, saved_as_text(page, tool, cache))
            body = _folded(" ".join(record.body))
            story = _folded(" ".join([record.headline, record.dateline.text if record.dateline else "", *record.body]))
        except DumpError:
            result.refused += 1
            body = story = ""
        missing = [s for s in entry["with"] if _folded(s) not in story]
        kept = [s for s in entry["without"] if _folded(s) in body]
        result.wanted += len(entry["with"])
        result.found += len(entry["with"]) - len(missing)
        result.furniture += len(entry["without"])
        result.left_out += len(entry["without"]) - len(kept)
        if missing or kept:
            result.misses.append(f"{page.name}: missing {missing} kept {kept}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("trafilatura", type=Path, help="a checkout of github.com/adbar/trafilatura")
    parser.add_argument("--tool", choices=[*TOOLS, SCRAPER, "all"], default="all")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every page with a miss")
    args = parser.parse_args()
    for tool in [*TOOLS, SCRAPER] if args.tool == "all" else [args.tool]:
        result = score(args.trafilatura, tool)
        print(result.line(tool))
        if args.verbose:
            print("\n".join(f"  {miss}" for miss in result.misses))


if __name__ == "__main__":
    main()
