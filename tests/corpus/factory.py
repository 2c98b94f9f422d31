"""Story records for tests, with only the fields a test cares about filled."""
from __future__ import annotations

from digest.records import Dateline, Quote, RelatedItem, StoryRecord

WIRE = (
    "The central bank raised its benchmark interest rate by half a point on Tuesday, the largest increase in two decades, "
    "as policymakers moved to cool prices that have climbed faster than wages for most of the year.",
    "Governor Elena Marsh told reporters that the board had weighed a smaller step but judged that waiting would only make "
    "the eventual tightening more painful for households and for the firms that employ them.",
    "Markets had priced in a quarter point move, and the currency jumped against the dollar within minutes of the decision "
    "while shares of lenders and builders fell sharply in afternoon trading.",
    "Economists said the decision would push mortgage payments higher for millions of borrowers whose fixed terms expire "
    "next year, and some warned of a mild recession before the summer.",
    "The board will meet again in six weeks, and Marsh declined to say whether another increase of the same size was on "
    "the table, saying only that the committee would look closely at the data.",
)


def record(path: str, headline: str = "Central bank lifts rates by half a point", body: tuple[str, ...] = WIRE,
           date: str | None = "2024-03-05", source: str | None = None, inferred: bool = False,
           quotes: tuple[Quote, ...] = (), related: tuple[RelatedItem, ...] = (),
           dateline: Dateline | None = None) -> StoryRecord:
    return StoryRecord(path=path, headline=headline, headline_inferred=inferred, dateline=dateline, date=date,
                       source=source, photo_credit=None, photo_caption=None, body=tuple(body), quotes=quotes,
                       related=related)


def quote(speaker: str | None, text: str = "We judged that waiting would be worse", role: str | None = None,
          paragraph: int = 0) -> Quote:
    return Quote(text=text, speaker=speaker, role=role, kind="direct", paragraph=paragraph)
