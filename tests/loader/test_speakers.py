"""Who may be a speaker: people and organisations from name evidence, never places, months or words."""
from __future__ import annotations

from pathlib import Path

import pytest

from digest.loader import names
from digest.loader.patterns import patterns
from digest.loader.quotes import find_quotes
from digest.loader.speakers import split_name


def speakers(*paragraphs: str) -> list[str | None]:
    return [q.speaker for q in find_quotes(list(paragraphs), patterns()) if q.kind == "direct"]


@pytest.mark.parametrize(("phrase", "name", "role"), [
    ("Ukraine envoy Kurt Volker", "Kurt Volker", "Ukraine envoy"),
    ("Ukraine Kurt Volker", "Kurt Volker", "Ukraine"),
    ("Public Prosecution Eva-Marie Persson", "Eva-Marie Persson", "Public Prosecution"),
    ("UNSW Strategic Health Policy Consultant Bill Bowtell", "Bill Bowtell", "UNSW Strategic Health Policy Consultant"),
    ("J. Richard Harvey", "J. Richard Harvey", None),
    ("Antonio De Iesu", "Antonio De Iesu", None),
    ("Both Chazelle", "Chazelle", None),
])
def test_a_role_before_a_name_is_the_role(phrase: str, name: str, role: str | None) -> None:
    speaker = split_name(phrase, patterns())
    assert (speaker.name, speaker.role) == (name, role)


@pytest.mark.parametrize(("name", "kind"), [
    ("Kurt Volker", "person"), ("Madonna", "person"), ("Serena Williams", "person"), ("Bill Gates", "person"),
    ("Will Moy", "person"), ("Dick Clark Productions", "organisation"), ("Huseynov", "person"), ("Yoon Suk Yeol", "person"),
    ("Brussels", "place"), ("Minnesota Wild", "organisation"), ("San Francisco Chronicle", "organisation"),
    ("Western District", "organisation"), ("SBM Intel", "organisation"), ("Human Services", None),
    ("Eventually", None), ("Officials", None), ("Am I", None), ("Tunisian Islamists", None),
    ("Elton John's publicist", "described"),
])
def test_name_kinds_come_from_name_data(name: str, kind: str | None) -> None:
    assert names.name_kind(name) == kind


def test_a_common_word_capitalised_in_mid_sentence_is_an_organisation() -> None:
    assert names.name_kind("Twitter", frozenset({"Twitter"})) == "organisation"
    assert names.name_kind("Twitter") is None


def test_a_place_the_story_is_set_in_is_nobody() -> None:
    found = speakers("Ministers met in Brussels on Monday.",
                     "“The rules will change for every member state next year,” Brussels said.")
    assert found == [None]


def test_a_place_never_named_as_a_place_is_its_club_or_government() -> None:
    found = speakers("“We have parted ways with our head coach after a long review,” Tottenham said.")
    assert found == ["Tottenham"]


def test_a_phrase_of_time_is_no_speaker() -> None:
    found = speakers("Vadim Makarov heads the lab.",
                     "In July, at a panel, the lab showed its work. “It’s a bit of a chicken-and-egg problem,” he said.")
    assert found == ["Vadim Makarov"]


def test_a_pronoun_goes_to_the_last_compatible_person_named() -> None:
    found = speakers(
        "Robert Godby, who directs the centre, spoke at length on Monday.",
        "Automation is making the Illinois Basin more competitive, according to Jane Ellis of the state survey.",
        "“When the last coal train leaves the station, it will be in Wyoming,” he said.",
    )
    assert found == ["Robert Godby"]  # Jane Ellis is named last, but "he" cannot be her


def test_she_goes_to_the_woman_named_last_across_paragraphs() -> None:
    found = speakers("Sen. Mark Dale met Maria Okafor, the union’s leader, at the plant.",
                     "The talks ran late.",
                     "“We will not sign anything that cuts a single job,” she said.")
    assert found == ["Maria Okafor"]


def test_it_goes_to_an_organisation_not_a_city() -> None:
    found = speakers("SBM Intel, a Lagos intelligence firm, warns of a recession.",
                     "“If oil demand continues to fall, Nigeria will be hit hard by the price trend,” it says.")
    assert found == ["SBM Intel"]


def test_a_photo_credit_is_not_an_antecedent() -> None:
    found = speakers("President Yoon Suk Yeol spoke in Seoul.",
                     "A rally in Seoul on Thursday. Anthony Wallace / AFP - Getty Images",
                     "“I deeply regret this and sincerely apologize to the citizens,” he said.")
    assert found == ["Yoon Suk Yeol"]


@pytest.mark.parametrize("verb", ["fumed", "implored", "emailed", "wrote", "tweeted", "retorted", "recalls", "SAID"])
def test_speech_verbs_newspapers_use(verb: str) -> None:
    assert speakers(f"“The whole plan is a waste of public money,” Dana Whitfield {verb}.") == ["Dana Whitfield"]


def test_a_capitalised_verb_inside_a_name_attributes_nothing() -> None:
    found = speakers("The minister, Dick Schoof, said: “Every day the shelling destroys more homes and businesses.” "
                     "The International Claims Commission will review the claims.")
    assert found == ["Dick Schoof"]


def test_described_speakers() -> None:
    assert speakers("“Kaine in a blowout, no contest at all,” an Iowa Republican predicted.") == ["an Iowa Republican"]
    assert speakers("“Incorrect. He will not be performing at all,” Elton John’s publicist retorted.") == [
        "Elton John’s publicist"]


def test_bad_names_never_crash_nor_invent() -> None:
    assert speakers("“我们不会接受这个计划，绝对不会，”王毅说。") in ([], [None])
    assert speakers("“I will keep singing until the very end of my days,” Madonna said.") == ["Madonna"]
    assert speakers("“Nobody believed the plan could work at the start,” 習近平 said.") == [None]


LABELS = Path(__file__).parent / "data" / "quotes_labelled.yaml"
PAGES = Path(__file__).resolve().parents[3] / "shared" / "pages"


@pytest.mark.skipif(not (PAGES / "truth.yaml").exists(), reason="needs ../shared/pages")
def test_speaker_right_on_labelled_real_quotes() -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from quote_speakers import halves, score

    outcomes = score(PAGES, LABELS)
    for part in halves(outcomes).values():
        assert sum(o.right for o in part) / len(part) >= 0.90


def test_reported_speech_is_a_clean_clause() -> None:
    [q] = find_quotes(["Director Bong Joon Ho said backstage that no one could predict the Oscars. The show ran long."],
                      patterns())
    assert (q.kind, q.speaker, q.text) == ("reported", "Bong Joon Ho", "no one could predict the Oscars")


def test_a_surname_that_is_a_place_is_still_a_surname() -> None:
    assert names.name_kind("Joaquin Phoenix") == "person"
    found = speakers("Joaquin Phoenix won the prize on Sunday.",
                     "“I am standing on the shoulders of my favorite actor,” Phoenix said.")
    assert found == ["Joaquin Phoenix"]


def test_a_spokesman_for_an_organisation_is_its_voice() -> None:
    [q] = find_quotes(["“We are reviewing the matter closely and will respond soon,” a spokesman for Disney said."],
                      patterns())
    assert (q.speaker, q.role) == ("a spokesman for Disney", "spokesman")


def test_she_goes_to_a_described_speaker_in_the_paragraph_before() -> None:
    found = speakers("The workers are not aiming to disrupt travel, a spokeswoman for the Service Employees "
                     "International Union said at a press conference.",
                     "“They do want to gain public support,” she said.")
    assert found == ["a spokeswoman for the Service Employees International Union"]


def test_a_quote_brought_in_by_saying_is_the_subjects() -> None:
    found = speakers("Snopes writer David Emery spoke up.",
                     "The tweet drew replies. Emery retweeted the story, saying, “Are there any calm supporters at all?”")
    assert found == ["David Emery"]


def test_a_title_after_the_describes_an_organisations_name_names() -> None:
    assert speakers("“The choice is made and we respect it, as always,” the President-elect fumed in a tweet.") == [
        "the President-elect"]
    assert speakers("“If those risks continue, policy may need to change,” the Monetary Policy Committee said.") == [
        "Monetary Policy Committee"]


def test_a_clause_describing_a_named_speaker_is_not_a_speaker() -> None:
    found = speakers("Shopkeeper Raj Patel, who has run a newsagent's on the High Street for 20 years, said: "
                     "“People simply stopped coming into town on Saturdays.”",
                     "Lydia Brennan, an economist, said the payments were a reasonable short-term fix but warned of risks.",
                     "“A check to the landowner is not a paycheck for the crew,” she said.")
    assert found == ["Raj Patel", "Lydia Brennan"]


def test_a_role_running_into_a_place_before_the_name_is_kept_whole() -> None:
    [q] = find_quotes(["Another diplomat, former special envoy to Ukraine Kurt Volker, changed his account.",
                       "“I think all of us thought it was inappropriate; the meeting concluded,” Volker said."], patterns())
    assert (q.speaker, q.role) == ("Kurt Volker", "former special envoy to Ukraine")
