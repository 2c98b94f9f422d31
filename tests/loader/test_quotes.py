"""Quote attribution forms seen across sites, each on a small paragraph."""
from __future__ import annotations

import pytest

from digest.loader.patterns import patterns
from digest.loader.quotes import find_quotes
from digest.loader.speakers import _full_name_phrases, full_name_pattern


def quotes(*paragraphs: str) -> list[tuple[str, str | None, str]]:
    return [(q.text, q.speaker, q.kind) for q in find_quotes(list(paragraphs), patterns())]


def test_verb_then_name_after_quote() -> None:
    assert quotes("“We will not accept attempts to assert unlawful claims,” said Defense Secretary Mark Esper.") == [
        ("We will not accept attempts to assert unlawful claims", "Mark Esper", "direct")
    ]


def test_name_then_verb_before_quote() -> None:
    found = quotes("The minister, Anna Berg, said: “Every day we lose ground to the floods here.”")
    assert found == [("Every day we lose ground to the floods here.", "Anna Berg", "direct")]


def test_surname_and_pronoun_resolve_to_full_name() -> None:
    found = quotes(
        "Economist Carla Diaz spoke on Monday.",
        '"Prices will keep rising through the winter," Diaz said.',
        '"Nobody should expect relief before spring," she added.',
    )
    assert [speaker for _, speaker, _ in found] == ["Carla Diaz", "Carla Diaz"]


def test_a_surname_of_two_words_resolves_to_the_full_name() -> None:
    found = quotes(
        "Mattar Al Tayer, Director-General of the authority, opened the station on Monday.",
        "“The line will take about 9,000 cars off the road every day,” Al Tayer said.",
        "“We expect the whole network to be finished in 2029,” said Hessa bin Rashid.",
    )
    assert [speaker for _, speaker, _ in found] == ["Mattar Al Tayer", "Hessa bin Rashid"]


def test_short_scare_quotes_are_fragments_not_quotations() -> None:
    assert quotes("He called the plan “a disgrace” on Tuesday.") == [("a disgrace", None, "fragment")]


def test_reported_speech_with_that() -> None:
    [(text, speaker, kind)] = quotes("Central bank governor Ida Holm said that rates would stay on hold.")
    assert (speaker, kind) == ("Ida Holm", "reported")
    assert text == "rates would stay on hold"


def test_according_to_before_or_after_the_quote() -> None:
    found = quotes(
        "According to the ministry, the plan was ready. “The new rules will apply from the first of May,” the text reads.",
        "“Nobody will be left without cover during the change,” according to Health Minister Ana Silva.",
    )
    assert [speaker for _, speaker, _ in found] == ["the ministry", "Ana Silva"]


def test_role_words_before_the_name_after_the_quote() -> None:
    found = quotes("“Prices will fall again before the winter comes,” said senior economist Ravi Patel of Bank One.")
    assert found == [("Prices will fall again before the winter comes", "Ravi Patel", "direct")]


def test_quote_running_over_paragraphs_keeps_its_speaker() -> None:
    found = quotes(
        "Coach Maria Lopez said after the match: “We were not good enough in the first half.",
        "“The second half showed what this team can do when it believes.”",
    )
    assert [speaker for _, speaker, _ in found] == ["Maria Lopez", "Maria Lopez"]


def test_pronoun_resolves_to_the_subject_of_the_sentence_before() -> None:
    found = quotes(
        "Then, last week, singer Taylor Swift posted a long message to her fans.",
        "She said the label had refused to answer her letters.",
        '"I just want to be able to perform my own music," she said.',
    )
    assert [speaker for _, speaker, kind in found if kind == "direct"] == ["Taylor Swift"]


def test_quoted_titles_are_fragments() -> None:
    found = quotes("She starred in “Once Upon A Time in Hollywood,” the director said of the film.")
    assert [kind for _, _, kind in found] == ["fragment"]


def test_full_names_are_found_as_the_plain_pattern_finds_them() -> None:
    text = ("Lt. Col. Alexander Vindman met the Bank of England's governor; McDonald Trump, iPhone Maker and "
            "U.S. President Joe Biden spoke. Prime Minister of the Netherlands Dick Schoof said so. Yes, Sir.")
    pats = patterns()
    assert _full_name_phrases(text, pats) == [m.group(0) for m in full_name_pattern(pats).finditer(text)]
    assert "Lt. Col. Alexander Vindman" in _full_name_phrases(text, pats)


def test_german_style_marks_close_with_a_high_opening_mark() -> None:
    found = quotes("„We have waited too long for a safe way home at night“, said councillor Petra Hollander.")
    assert found == [("We have waited too long for a safe way home at night", "Petra Hollander", "direct")]


def test_a_surname_resolves_through_a_name_with_title_and_home_state() -> None:
    found = quotes(
        "Republican Sen. Laura Mendez of Kansas voted against the bill.",
        '"We keep kicking this can down the road," Mendez said.',
    )
    assert [speaker for _, speaker, _ in found] == ["Laura Mendez"]


def test_a_speakers_age_between_name_and_verb() -> None:
    assert quotes('Speaking to reporters, pensioner Margaret Hughes, 81, said: "It has been a nightmare for all of us."') == [
        ("It has been a nightmare for all of us.", "Margaret Hughes", "direct")
    ]
    assert quotes('"We have lived here all our lives and never seen this," Tom Hale, 67, said.')[0][1] == "Tom Hale"


def test_the_spokesperson_refers_back_to_the_fuller_description() -> None:
    found = quotes(
        "A Cornwall Council spokesperson said engineers were monitoring the site every day.",
        "“We are doing everything we can to restore access,” the spokesperson added.",
    )
    assert found[0][1] == "a Cornwall Council spokesperson"
    # nothing fuller to refer back to: the speaker as described
    found = quotes("A doctor on the scene said he tried to help.", "“It was too late to save him,” the doctor said.")
    assert found[0][1] == "the doctor"


def test_an_everyday_job_at_a_sentence_start_is_the_speakers_role_not_their_name() -> None:
    found = find_quotes(
        ['Pensioner Margaret Hughes, 81, said: "We cannot afford to heat the house this winter at all."',
         'Shopkeeper Raj Patel said: "People simply stopped coming into town after the new rules."',
         '"The queue went round the block before the doors even opened," said Adam Driver.',
         '"Ethics asks more of us than we like to think, and it always has," said Peter Singer.'],
        patterns(),
    )
    assert [(q.speaker, q.role) for q in found] == [
        ("Margaret Hughes", "Pensioner"), ("Raj Patel", "Shopkeeper"), ("Adam Driver", None), ("Peter Singer", None)]


@pytest.mark.parametrize("text", [
    "''We will not back down,'' Senator Jane Smith said on Tuesday.",  # newspaper archives' ASCII pairs
    "``We will not back down,'' Senator Jane Smith said on Tuesday.",  # ``...'' as typesetters key them
    "‘‘We will not back down,’’ Senator Jane Smith said on Tuesday.",
])
def test_quotation_marks_typed_as_two_single_ones_are_read(text: str) -> None:
    quotes = find_quotes([text], patterns())
    assert [(q.text, q.speaker, q.kind) for q in quotes] == [("We will not back down", "Jane Smith", "direct")]


@pytest.mark.parametrize(("text", "speaker"), [
    ("“It was a mistake,” said John Doe, a spokesman.", "John Doe"),
    ("“It was a mistake,” John Doe said.", "John Doe"),
])
def test_a_short_sentence_quoted_with_its_comma_before_the_attribution_is_a_quotation(text: str, speaker: str) -> None:
    assert [(q.speaker, q.kind) for q in find_quotes([text], patterns())] == [(speaker, "direct")]


def test_a_scare_quoted_word_before_a_comma_stays_a_fragment() -> None:
    assert [q.kind for q in find_quotes(["He called it “vividly,” then left."], patterns())] == ["fragment"]


def test_a_spokesman_for_an_organisation_is_described_not_the_organisation() -> None:
    quotes = find_quotes(["“We are reviewing the matter with our partners,” a spokesman for Disney said."], patterns())
    assert [q.speaker for q in quotes] == ["a spokesman for Disney"]


@pytest.mark.parametrize("body", [
    ["October said the numbers were the worst in a decade for the whole region."],
    ["Officials said the bridge would reopen on Friday after the repairs.", "Two officials were at the site."],
])
def test_a_month_or_a_common_word_opening_a_sentence_is_no_speaker(body: list[str]) -> None:
    assert [q.speaker for q in find_quotes(body, patterns())] == []


@pytest.mark.parametrize(("paragraph", "speaker", "reported"), [
    # the sentence ends inside its closing quotation mark: the next sentence is not what was said
    ("President Donald Trump said he had watched part of the testimony and slammed the hearings as a "
     "“disgrace.” Over the weekend, Trump assailed Williams as part of the “Never Trumpers.”",
     "Donald Trump", "he had watched part of the testimony and slammed the hearings as a “disgrace.”"),
    # another speaker's attribution closing the sentence is no part of the reported words
    ("Gordon Sondland said he had relayed to the Ukrainian that aid might be freed if the country would "
     "announce the investigations, Morrison testified.",
     "Gordon Sondland", "he had relayed to the Ukrainian that aid might be freed if the country would announce the investigations"),
    # "told" takes its listener before the words: only "told ... that" reports them
    ("Alexander Vindman told lawmakers that it was his duty to report his concerns about the call.",
     "Alexander Vindman", "it was his duty to report his concerns about the call"),
])
def test_reported_speech_is_one_clean_clause(paragraph: str, speaker: str, reported: str) -> None:
    found = [q for q in find_quotes([paragraph], patterns()) if q.kind == "reported"]
    assert [(q.speaker, q.text) for q in found] == [(speaker, reported)]


def test_told_without_that_reports_no_words() -> None:
    paragraph = "Alexander Vindman told lawmakers it was his duty to report his concerns about the call."
    assert not [q for q in find_quotes([paragraph], patterns()) if q.kind == "reported"]
