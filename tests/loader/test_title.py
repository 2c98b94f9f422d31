"""The title line: the headline without the site's suffix, and the site as the publisher."""
from __future__ import annotations

import pytest

from digest.loader import load_text
from digest.loader.patterns import patterns
from digest.loader.title import parse_title

BODY = (
    "The old slate mine will reopen next spring after a company agreed to buy the site, bringing "
    "hundreds of jobs back to the valley.\n\nThe company said it would invest in new equipment and hire "
    "most of its workers from the towns nearby.\n"
)


@pytest.mark.parametrize(
    "line, headline, publisher",
    [
        ("Oil falls as supply worries grow - Reuters", "Oil falls as supply worries grow", "Reuters"),
        ("Senate passes the budget bill | Hosted", "Senate passes the budget bill", "Hosted"),
        ("Alibaba to raise $13bn in Hong Kong listing : CityAM", "Alibaba to raise $13bn in Hong Kong listing", "CityAM"),
        ("Mourinho agrees deal to manage Spurs | UK News | Sky News", "Mourinho agrees deal to manage Spurs", "Sky News"),
        ("Heavy snow closes mountain passes l NHK WORLD", "Heavy snow closes mountain passes", "NHK WORLD"),  # a pipe typed as "l"
        ("Son of former president stabbed - Breaking News - The Jerusalem post", "Son of former president stabbed", "The Jerusalem post"),
        ("Three killed in clashes near fuel plant — RT World News", "Three killed in clashes near fuel plant", "RT World News"),
    ],
)
def test_site_suffix_is_cut_and_kept_as_publisher(line: str, headline: str, publisher: str) -> None:
    title = parse_title(line, patterns())
    assert (title.headline, title.publisher) == (headline, publisher)


@pytest.mark.parametrize(
    "line",
    [
        "The Latest: Man stabbed to death on a train",
        "Brexit - what happens next",  # a lower-case tail is part of the headline, not a site
        "Ministers meet - and disagree over the long-awaited plan for the national rail network",
    ],
)
def test_headline_without_a_site_suffix_is_kept_whole(line: str) -> None:
    title = parse_title(line, patterns())
    assert (title.headline, title.publisher) == (line, None)


def test_site_name_first_when_the_page_prints_the_headline_again() -> None:
    page = "Kestrel Daily | Mine reopening brings jobs back to the valley\n\nMine reopening brings jobs back to the valley\n\n" + BODY
    record = load_text("p.txt", page)
    assert (record.headline, record.publisher) == ("Mine reopening brings jobs back to the valley", "Kestrel Daily")


def test_a_topic_before_the_headline_is_not_a_site() -> None:
    page = "Brexit - What happens next for traders and their lorries\n\n" + BODY
    record = load_text("p.txt", page)
    assert record.headline == "Brexit - What happens next for traders and their lorries"


def test_a_longer_section_is_cut_only_when_the_page_prints_the_headline_without_it() -> None:
    line = "Grain deal signed at Caspian ports — Business & Economy News - Wire"
    record = load_text("p.txt", f"{line}\n\nGrain deal signed at Caspian ports\n\n" + BODY)
    assert (record.headline, record.publisher) == ("Grain deal signed at Caspian ports", "Wire")
    record = load_text("p.txt", f"{line}\n\n" + BODY)
    assert record.headline == "Grain deal signed at Caspian ports — Business & Economy News"
