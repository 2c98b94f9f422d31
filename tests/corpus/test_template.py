"""An outlet's template paragraph, printed in several of its stories, is dropped from their bodies."""
from __future__ import annotations

from digest.corpus import build_corpus
from tests.corpus.factory import quote, record

NOTE = "This article has been adapted from its original source."


LEADS = (
    ("The council approved a new budget for road repairs after a long debate about potholes in the old town.",
     "Its second paragraph says the work begins in spring and that residents may park on the market square."),
    ("A rare orchid flowered in the botanical garden for the first time since the glasshouse was rebuilt.",
     "Its second paragraph quotes the head gardener, who waited eleven years and photographs it every morning."),
    ("Fishermen landed their largest herring catch in a decade as cold currents returned to the northern banks.",
     "Its second paragraph notes that prices at the quayside auction fell by a third before noon on Friday."),
)


def _story(n: int, outlet: str, note: str = NOTE, quotes: tuple = (), note_first: bool = False) -> object:
    body = (note, *LEADS[n]) if note_first else (*LEADS[n], note)
    return record(f"{outlet}-{n}.txt", headline=f"Harbour {n} news of the day", body=body, source=outlet, quotes=quotes)


def _bodies(records: list) -> dict[str, tuple[str, ...]]:
    return {s.record.path: s.record.body for s in build_corpus(records).stories}


def test_a_paragraph_in_three_stories_of_one_outlet_is_its_template() -> None:
    bodies = _bodies([_story(n, "Harbour Times") for n in range(3)])
    assert all(NOTE not in body and len(body) == 2 for body in bodies.values())


def test_two_stories_or_two_outlets_sharing_a_paragraph_keep_it() -> None:
    two = _bodies([_story(n, "Harbour Times") for n in range(2)])
    assert all(NOTE in body for body in two.values())
    mixed = _bodies([_story(0, "Harbour Times"), _story(1, "Harbour Times"), _story(2, "Coast Post")])
    assert all(NOTE in body for body in mixed.values())


def test_quotes_point_at_the_paragraphs_left() -> None:
    said = quote("Ada Mole", text="We waited eleven years", paragraph=2)  # the note above it goes
    stories = [_story(n, "Harbour Times", note_first=True) for n in (0, 2)] + [_story(1, "Harbour Times", NOTE, (said,), True)]
    story = next(s for s in build_corpus(stories).stories if s.record.path == "Harbour Times-1.txt")
    assert story.record.body[story.record.quotes[0].paragraph].startswith("Its second paragraph")


def test_a_story_made_only_of_template_keeps_its_body() -> None:
    only = record("Harbour Times-x.txt", headline="A note", body=(NOTE,), source="Harbour Times")
    bodies = _bodies([_story(n, "Harbour Times") for n in range(3)] + [only])
    assert bodies["Harbour Times-x.txt"] == (NOTE,)
