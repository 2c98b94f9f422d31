"""A hand-made corpus with everything the corpus stage may provide: events, people, places,
topics, links between stories, syndicated outlets and saved copies. Pages for all of them are
tested against it, whatever the real corpus stage fills in today.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from digest.build import make_site
from digest.config import SiteConfig
from digest.incremental.manifest import Previous
from digest.inputs import read_static
from digest.output.staging import MARKER, staged_site
from digest.records import (
    Corpus,
    Dateline,
    Event,
    Person,
    Quote,
    RelatedItem,
    SaidIn,
    Story,
    StoryRecord,
)
from digest.site.markdown import parse_pages

CONFIG = SiteConfig(title="Harbour Gazette", description="News from the harbour towns.",
                    base_url="https://news.example.org/digest/", timezone="Europe/Lisbon", items_per_page=2)

ABOUT = "---\ntitle: About this digest\ndescription: Who makes it.\n---\nWe gather **harbour** news.\n"


def record(path: str, headline: str, date: str, source: str, body: tuple[str, ...], quotes=(), related=(),
           place: str = "PORTO, Portugal") -> StoryRecord:
    return StoryRecord(path=path, headline=headline, headline_inferred=False,
                       dateline=Dateline(f"{place}, {date}.", place, date), date=date, source=source,
                       photo_credit=None, photo_caption=None, body=body, quotes=tuple(quotes), related=tuple(related))


MAYOR_QUOTE = Quote("The bridge will reopen before the summer festival", "Ana Costa", "mayor of Porto", "direct", 1)
ENGINEER_QUOTE = Quote("Every cable was inspected twice", "Rui Lima", "chief engineer", "direct", 0)


def corpus() -> Corpus:
    closing = Story("s-close", record(
        "c/1.txt", "Porto closes Luiz I bridge for cable repairs", "2025-06-02", "Harbour Wire",
        ("The city closed the upper deck of the Luiz I bridge on Monday after inspectors found worn cables.",
         'Mayor Ana Costa said: "The bridge will reopen before the summer festival" and asked for patience.'),
        quotes=[MAYOR_QUOTE],
        related=[RelatedItem("Bridge reopens after twelve days of repairs", "Traffic resumed on Saturday.")]),
        outlets=("Harbour Wire", "Coastal Daily"), event="e-bridge", places=("Porto",), topics=("Transport",),
        related_story=("s-open",),
        copies=(record("c/1-copy.txt", "Porto shuts bridge", "2025-06-02", "Coastal Daily", ("Copy.",)),))
    ferries = Story("s-ferry", record(
        "c/2.txt", "Ferries double their crossings while the bridge is shut", "2025-06-03", "Coastal Daily",
        ("Ferry operators doubled their crossings between Porto and Gaia on Tuesday.",)),
        event="e-bridge", places=("Porto", "Vila Nova de Gaia"), topics=("Transport",))
    reopening = Story("s-open", record(
        "c/3.txt", "Bridge reopens after twelve days of repairs", "2025-06-14", "Harbour Wire",
        ('"Every cable was inspected twice" and the deck is safe, engineers said on Saturday.',),
        quotes=[ENGINEER_QUOTE]),
        event="e-bridge", places=("Porto",), topics=("Transport",))
    festival = Story("s-fest", record(
        "c/4.txt", "Sardine festival draws record crowds", "2025-06-14", "Coastal Daily",
        ("Crowds filled the riverside for the sardine festival, the largest in a decade.",)),
        places=("Porto",), topics=("Culture",))
    twin = Story("s-twin", record(
        "c/5.txt", "Sardine festival draws record crowds", "2025-06-13", "Harbour Wire",
        ("A different story that happens to share the headline, filed the day before.",)),
        places=("Porto",), topics=("Culture",))
    event = Event("e-bridge", "Luiz I bridge closed for repairs", "2025-06-02", "2025-06-14",
                  ("s-close", "s-ferry", "s-open"), people=("ana-costa", "rui-lima"), places=("Porto",))
    people = (
        Person("ana-costa", "Ana Costa", roles=("mayor of Porto",), aliases=("Costa",),
               quotes=(SaidIn(MAYOR_QUOTE, "s-close", "2025-06-02"),)),
        Person("rui-lima", "Rui Lima", roles=("chief engineer",), quotes=(SaidIn(ENGINEER_QUOTE, "s-open", "2025-06-14"),)),
    )
    stories = (reopening, festival, twin, ferries, closing)
    return Corpus(stories=stories, events=(event,), people=people)


def build_handmade(output: Path, config: SiteConfig = CONFIG, data: Corpus | None = None) -> dict[str, bytes]:
    """Write the hand-made site the way `digest build` writes one; returns its files."""
    documents = parse_pages([("content/about.md", ABOUT)])
    nothing_before = Previous(output, output.parent / "no-manifest.json")
    with staged_site(output) as stage:
        make_site(data or corpus(), config, documents, output.parent / "no-templates", [], nothing_before, stage)
        static, _ = read_static(output.parent / "no-static")
        for path, static_file in static.items():
            stage.write(path, static_file)
        stage.commit("")
    return {p.relative_to(output).as_posix(): p.read_bytes() for p in sorted(output.rglob("*"))
            if p.is_file() and p.name != MARKER and not p.relative_to(output).as_posix().startswith("static/")}


def without_extras(data: Corpus) -> Corpus:
    """The corpus as the stage gives it today: stories only, no events, people, places or topics."""
    return Corpus(tuple(replace(s, event=None, places=(), topics=(), related_story=(), outlets=()) for s in data.stories))
