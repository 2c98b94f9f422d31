"""The evaluation gate on other saved layouts of the same pages: the corpus and the seeds rewritten
as text browsers, mail clients and scrapers also save them must score at least the floors in
floors.yaml (`layouts`); a metric a layout does not list there must stay at 1.000. A layout is a rewrite of the dump's text; the truth stays the same."""
from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path
from typing import Callable

import pytest
import yaml

from tests.loader.test_eval_gate import FLOORS, TRUTH, score


def indented(text: str) -> str:
    """Every line indented by three spaces, as text browsers print body text."""
    return "\n".join("   " + line for line in text.split("\n"))


def wrapped(text: str) -> str:
    """Lines longer than 76 columns hard-wrapped, as text browsers and mail clients do."""
    return "\n".join(part for line in text.split("\n") for part in (textwrap.wrap(line, 76) if len(line) > 76 else [line]))


def no_blank_lines(text: str) -> str:
    """Every run of blank lines made one line end: one paragraph a line, nothing between."""
    return re.sub(r"\n(?:[ \t]*\n)+", "\n", text)


def windows(text: str) -> str:
    """CRLF line ends, trailing spaces and a few no-break spaces."""
    return "\r\n".join(line + "  " for line in text.replace(" the ", " the\u00a0", 3).split("\n"))


# What a scraper that strips tags without decoding leaves: named and numeric entities, "&" first.
_ENTITY_OF = str.maketrans({
    "&": "&amp;", "’": "&#8217;", "‘": "&#x2018;", "“": "&ldquo;", "”": "&rdquo;", "—": "&mdash;",
    "–": "&#8211;", "…": "&hellip;", '"': "&quot;", "'": "&#39;", "é": "&eacute;", "<": "&lt;", ">": "&gt;",
})


def entities(text: str) -> str:
    """Characters saved as HTML entities, and a few no-break spaces as `&nbsp;`."""
    return text.translate(_ENTITY_OF).replace(" the ", " the&nbsp;", 3)


_MENU_ITEM = re.compile(r"(?:[*+-] +)?(?P<text>[^\d]+)")
_SENTENCE_CLOSE = tuple(".!?\"”’")
INDENTED_SHARE = 0.5  # a text browser's dump indents most lines and sets its headings flush left


def _emphasised(words: list[str]) -> str:
    """Two words bold and a later plain word in italics, as a scraper keeps <strong> and <em>."""
    words[3:5] = [f"**{words[3]} {words[4]}**"]
    plain = next((i for i in range(9, len(words)) if words[i].isalpha()), None)
    if plain is not None:
        words[plain] = f"_{words[plain]}_"
    return " ".join(words)


def markdown(text: str) -> str:
    """The page as reader-mode scrapers save it (Jina Reader, Firecrawl, html2text): the first line
    a `# ` heading with the photo below it, then a rule; a text browser's headings (flush left
    where it indents the rest) `## ` headings, as are labels ending in ":"; short lines without
    digits (menus, related items) links; in long paragraphs two words bold and one italic.
    Markdown is flush left."""
    lines = text.split("\n")
    filled = [line for line in lines if line.strip()]
    headings_flush_left = sum(line[0] == " " for line in filled) > INDENTED_SHARE * len(filled)
    out: list[str] = []
    for number, saved in enumerate(lines):
        line = saved.strip()
        words = line.split()
        item = _MENU_ITEM.fullmatch(line)
        if not line:
            out.append("")
        elif not any(out):
            out += [f"# {line}", "", "![photo](https://example.com/media/a.jpg)", "", "---"]
        elif (headings_flush_left and saved[0] != " ") or (line.endswith(":") and len(words) <= 4):
            out.append(f"## {line}")
        elif item and len(words) <= 6 and not line.endswith(_SENTENCE_CLOSE):
            out.append(f"{line[: item.start('text')]}[{item['text']}](https://example.com/news/{number})")
        else:
            out.append(_emphasised(words) if len(words) >= 25 else line)
    return "\n".join(out)


# The site each page was saved from, as a scraper's header names it (host name, site name): what
# the page's own title line or links show, never the source the truth credits (a CityAM page
# carries a Reuters story).
SITES: dict[str, tuple[str, str]] = {
    "001": ("hosted.ap.org", "AP News"), "002": ("hosted.ap.org", "AP News"), "003": ("www.reuters.com", "Reuters"),
    "004": ("www.rt.com", "RT"), "005": ("www.panarmenian.net", "PanARMENIAN.Net"),
    "006": ("www.chron.com", "Houston Chronicle"), "007": ("www.sfgate.com", "SFGate"),
    "009": ("news.sky.com", "Sky News"), "011": ("www.bbc.com", "BBC News"),
    "013": ("theparadigmng.com", "The Paradigm"), "015": ("www.aljazeera.com", "Al Jazeera"),
    "017": ("www.jpost.com", "The Jerusalem Post"), "019": ("www.cityam.com", "CityAM"),
    "023": ("www.ctvnews.ca", "CTV News"), "025": ("www.sciencealert.com", "ScienceAlert"),
    "027": ("venturebeat.com", "VentureBeat"), "029": ("www.newsnationtv.com", "News Nation"),
    "031": ("detroit.cbslocal.com", "CBS Detroit"), "034": ("www.reuters.com", "Reuters"),
    "037": ("news.yahoo.com", "Yahoo News"), "039": ("www.washingtonpost.com", "Washington Post"),
    "041": ("apnews.com", "AP News"),
    "000_6166f93d619a1581": ("www.commonspace.eu", "commonspace.eu"), "004_f2377d758a51198d": ("en.trend.az", "Trend"),
}


def _site(dump: Path) -> tuple[str, str]:
    return SITES.get(dump.stem, ("example.com", "Example"))


def jina(text: str, dump: Path, entry: dict) -> str:
    """Jina Reader's header above the page as markdown: the page's title (empty where the truth
    finds no headline: the page had none to give), its address and its date when the page has one."""
    host, _ = _site(dump)
    head = [f"Title: {entry.get('headline') or ''}".rstrip(), "", f"URL Source: https://{host}/news/{dump.stem}", ""]
    if entry.get("date"):
        head += [f"Published Time: {entry['date']}T10:02:00+00:00", ""]
    return "\n".join(head + ["Markdown Content:", markdown(text)])


def jina_site_title(text: str, dump: Path, entry: dict) -> str:
    """Jina Reader as it mostly is: the title with the site's name after it ("Headline | Site"),
    which the page's own headline must win over."""
    _, site = _site(dump)
    headline = entry.get("headline")
    return jina(text, dump, {**entry, "headline": f"{headline} | {site}" if headline else None})


def trafilatura(text: str, dump: Path, entry: dict) -> str:
    """trafilatura's front matter (--with-metadata) above the page's text: the fields it finds in
    the page's <head>, the title only where the page has a headline, the date where it has one."""
    host, site = _site(dump)
    fields = {"title": entry.get("headline"), "url": f"https://{host}/news/{dump.stem}", "hostname": host,
              "sitename": site, "date": entry.get("date"), "fingerprint": "a1b2c3d4e5f6a7b8"}
    return "\n".join(["---", *(f"{key}: {value}" for key, value in fields.items() if value), "---", text])


LAYOUTS: dict[str, Callable[[str], str]] = {
    "indented": indented, "wrapped": wrapped, "no_blank_lines": no_blank_lines, "windows": windows,
    "entities": entities, "markdown": markdown,
}
# Layouts that read the dump's truth entry: a scraper's header holds what the page's <head> does.
HEADER_LAYOUTS: dict[str, Callable[[str, Path, dict], str]] = {
    "jina": jina, "jina_site_title": jina_site_title, "trafilatura": trafilatura,
}


def rewritten(shared: Path, truth: Path, layout: str, into: Path) -> Path:
    """A copy of the truth's folder with every dump rewritten; the copy's truth file."""
    folder = into / truth.parent
    shutil.copytree(shared / truth.parent, folder)
    entries = {(folder / e["file"]).resolve(): e for e in yaml.safe_load((folder / truth.name).read_text(encoding="utf-8"))}
    for dump in folder.rglob("*.txt"):
        text = dump.read_text(encoding="utf-8")
        if layout in HEADER_LAYOUTS:
            text = HEADER_LAYOUTS[layout](text, dump, entries.get(dump.resolve(), {}))
        else:
            text = LAYOUTS[layout](text)
        dump.write_text(text, encoding="utf-8", newline="")
    return folder / truth.name


@pytest.mark.parametrize("layout", sorted([*LAYOUTS, *HEADER_LAYOUTS]))
@pytest.mark.parametrize("name", sorted(TRUTH))
def test_other_layouts_score_at_least_their_floors(shared: Path, tmp_path: Path, name: str, layout: str) -> None:
    truth = rewritten(shared, TRUTH[name], layout, tmp_path)
    scores, report = score(shared, truth)
    floors = FLOORS["layouts"][name][layout]  # a metric not listed must stay at 1.000
    below = {m: (s, floors.get(m, 1.0)) for m, s in scores.items() if s < floors.get(m, 1.0)}
    assert scores.get("parsed") is not None and "overall" in scores, report
    assert not below, f"{name}, {layout}: below the floor (score, floor): {below}\n{report}"
