"""The loader on the two sample dumps, field by field, as ../shared/seeds/truth.yaml reads them."""
from __future__ import annotations

from pathlib import Path

import pytest

from digest.loader import load_dump
from digest.records import StoryRecord

CONTENT = Path(__file__).resolve().parents[2] / "content"


def load(name: str) -> StoryRecord:
    path = next(CONTENT.glob(f"{name}_*.txt"))
    return load_dump(str(path), path.read_bytes())


@pytest.fixture(scope="module")
def partnership() -> StoryRecord:
    return load("000")


@pytest.fixture(scope="module")
def trend() -> StoryRecord:
    return load("004")


def direct(record: StoryRecord) -> list:
    return [q for q in record.quotes if q.kind == "direct"]


def test_headline_read_from_first_line(partnership: StoryRecord) -> None:
    assert partnership.headline == "Azerbaijan and China sign Comprehensive Strategic Partnership"
    assert partnership.headline_inferred is False


def test_date_year_comes_from_photo_caption(partnership: StoryRecord) -> None:
    assert partnership.dateline is None
    assert partnership.date == "2025-04-23"


def test_credit_line_gives_source_and_photo(partnership: StoryRecord) -> None:
    assert partnership.source == "commonspace.eu"
    assert partnership.photo_credit == "Xinhua/Rao Aimin"
    assert partnership.photo_caption.startswith("Chinese President Xi Jinping holds a welcome ceremony")


def test_body_is_the_nine_article_paragraphs(partnership: StoryRecord) -> None:
    assert len(partnership.body) == 9
    assert partnership.body[0].startswith("China and Azerbaijan have announced the establishment of")
    assert partnership.body[-1].endswith("will only result in self-isolation, according to Xinhua.")
    text = "\n".join(partnership.body)
    for junk in ("Related articles", "Editor's choice", "Popular", "Source: commonspace.eu", "Thirty-four countries"):
        assert junk not in text


def test_main_story_has_reported_speech_only(partnership: StoryRecord) -> None:
    assert direct(partnership) == []
    assert {q.speaker for q in partnership.quotes if q.kind == "reported"} == {"Xi Jinping", "Ilham Aliyev"}
    assert [q.text for q in partnership.quotes if q.kind == "fragment"] == ["three evil forces"]


def test_related_item_once_despite_two_blocks(partnership: StoryRecord) -> None:
    [item] = partnership.related
    assert item.title == "Council of Europe launches new International Claims Commission for Ukraine"
    assert item.labels == ("Editor's choice", "News")
    assert item.sections == ("Related articles", "Popular")
    assert item.summary.startswith("Thirty-four countries and the European Union")


def test_related_item_quotes_attributed(partnership: StoryRecord) -> None:
    [item] = partnership.related
    found = [(q.text.split()[:3], q.speaker) for q in item.quotes]
    assert found == [
        (["Today", "marks", "a"], "Alain Berset"),
        (["We", "expect", "that"], "Volodymyr Zelenskyy"),
        (["Accountability", "is", "about"], "Maia Sandu"),
        (["Every", "day", "Russia"], "Dick Schoof"),
    ]
    roles = {q.speaker: q.role for q in item.quotes}
    assert roles["Maia Sandu"] == "President of the Republic of Moldova"
    assert roles["Dick Schoof"] == "The Prime Minister of the Netherlands"


def test_headline_inferred_when_dump_starts_with_dateline(trend: StoryRecord) -> None:
    assert trend.headline_inferred is True
    assert trend.headline.startswith("Azerbaijani President Ilham Aliyev's recent visit")


def test_dateline_parsed_and_removed_from_body(trend: StoryRecord) -> None:
    assert trend.dateline.text == "BAKU, Azerbaijan, April 23."
    assert trend.dateline.place == "BAKU, Azerbaijan"
    assert trend.dateline.date == "--04-23"  # the dump gives no year anywhere
    assert trend.date is None
    assert trend.body[0].startswith("Azerbaijani President Ilham Aliyev's recent visit")
    assert not any("BAKU, Azerbaijan, April 23." in p for p in trend.body)


def test_source_from_told_phrase(trend: StoryRecord) -> None:
    assert trend.source == "Trend"
    assert len(trend.body) == 7
    assert trend.body[-1].endswith('will yield significant dividends," he concluded.')


def test_direct_quotes_with_speakers_and_he_concluded(trend: StoryRecord) -> None:
    found = [(q.text.split()[:2], q.speaker, q.paragraph) for q in direct(trend)]
    assert found == [
        (["The", "range,"], "Ilyas Huseynov", 2),
        (["President", "Ilham"], "Agshin Karimov", 4),
        (["The", "visit"], "Agshin Karimov", 6),
    ]
    assert {q.speaker for q in trend.quotes if q.kind == "reported"} == {"Ilyas Huseynov", "Agshin Karimov"}
    assert trend.related == ()
