"""Topics are names and key phrases that stories share, read off each story alone."""
from __future__ import annotations

from digest.corpus import build_corpus
from digest.corpus.features import features_of
from digest.corpus.keyphrases import candidates
from digest.corpus.topics import story_topics
from tests.corpus.factory import record

PROTEST = (
    ("Hong Kong leader Carrie Lam said on Monday that the government would not bow to protesters, as the "
    "impeachment inquiry into her deputies moved to a second week of hearings in the Legislative Council."),
    ("Officials said the impeachment inquiry would call more witnesses. Carrie Lam declined to answer questions "
    "about the inquiry, and protesters gathered outside the Legislative Council again in the evening."),
    ("Great crowds marched through the city, and many things were said about the future of Hong Kong by people "
    "who have become used to faces of police officers behind plastic shields on every street corner."),
)
RIVAL = (
    ("Carrie Lam faced a second day of questions in the Legislative Council as the impeachment inquiries into "
    "her deputies widened, with lawmakers from both camps demanding that she answer for the police response."),
    ("The impeachment inquiries have become the longest in the history of Hong Kong, and Carrie Lam told the "
    "council that she would cooperate with every one of them until the hearings are over."),
)
FOOTBALL = (
    ("The club appointed a new manager on Tuesday after a run of defeats left the team three points above "
    "the relegation zone, and supporters greeted the news with relief outside the stadium gates."),
    ("The new manager said the squad had the quality to climb the table and promised an attacking style of "
    "play, starting with the home match against their local rivals at the weekend."),
)


def test_candidates_are_names_and_key_phrases_never_fragments_or_lone_common_words() -> None:
    found = candidates(record("a.txt", "Hong Kong leader faces impeachment inquiry", PROTEST))
    assert {"Hong Kong", "Carrie Lam", "impeachment inquiry", "Legislative Council"} <= set(found)
    assert not [c for c in found if " " not in c and c.islower()], "a lone common word is no topic"
    assert not {"hong", "carrie", "lam", "great", "things", "become", "faces", "Officials", "Great"} & set(found)


def test_a_title_before_a_name_is_left_out_and_a_title_after_one_is_a_role() -> None:
    body = (("President Vladimir Putin met the visiting delegation in Moscow on Friday and said that the talks on "
            "energy prices had gone well, according to a statement from the Kremlin press office."),
            "The Russian President also spoke about the pipeline project, which the Kremlin wants finished soon.")
    found = candidates(record("a.txt", "Putin hosts delegation for energy talks", body))
    assert "Vladimir Putin" in found
    assert not [c for c in found if c.startswith("President") or c.endswith("President")]


def test_a_title_case_headline_names_nothing_the_body_does_not() -> None:
    found = candidates(record("a.txt", "Club Appoints New Manager After Run Of Defeats", FOOTBALL))
    assert not [c for c in found if c[0].isupper()], found


def test_a_photo_credit_at_the_end_of_a_caption_is_not_the_story_s() -> None:
    body = tuple(p + " Ezra Acayan / Getty Images" for p in PROTEST)
    assert "Getty Images" not in candidates(record("a.txt", "Hong Kong leader faces impeachment inquiry", body))


def test_a_story_in_another_language_has_no_candidates_rather_than_wrong_ones() -> None:
    body = (("Le projet de loi sur le renseignement a été massivement approuvé par les députés mardi soir, malgré "
            "les critiques des associations de défense des libertés et de plusieurs élus de la majorité."),)
    assert candidates(record("a.txt", "Le projet de loi sur le renseignement approuvé", body)) == ()


def test_a_topic_needs_two_stories_and_one_phrase_in_two_forms_is_one_topic() -> None:
    stories = [record("a.txt", "Hong Kong leader faces impeachment inquiry", PROTEST),
               record("b.txt", "Carrie Lam faces more impeachment inquiries", RIVAL),
               record("c.txt", "Club names new manager", FOOTBALL)]
    by_path = {s.record.path: s.topics for s in build_corpus(stories).stories}
    assert "Impeachment inquiry" in by_path["a.txt"] and "Impeachment inquiry" in by_path["b.txt"]
    assert "Carrie Lam" in by_path["a.txt"] and "Carrie Lam" in by_path["b.txt"]
    assert by_path["c.txt"] == ()  # its phrases are its own: no other story shares them
    every = {t for topics in by_path.values() for t in topics}
    assert all(sum(t in topics for topics in by_path.values()) >= 2 for t in every)
    assert "Hong Kong" not in every  # a place with a page of its own (Places) is left to it


def test_a_story_s_candidates_do_not_change_when_unrelated_stories_arrive() -> None:
    story = record("a.txt", "Hong Kong leader faces impeachment inquiry", PROTEST)
    before = build_corpus([story, record("b.txt", "Carrie Lam faces more impeachment inquiries", RIVAL)])
    after = build_corpus([story, record("b.txt", "Carrie Lam faces more impeachment inquiries", RIVAL),
                          *(record(f"x{n}.txt", f"Club names manager number {n}", FOOTBALL) for n in range(5))])
    assert features_of(story).topics == candidates(story)  # cached with the record: of the story alone
    [a_before] = [s.topics for s in before.stories if s.record.path == "a.txt"]
    [a_after] = [s.topics for s in after.stories if s.record.path == "a.txt"]
    assert a_before == a_after


def test_names_with_pages_of_their_own_are_left_out_even_inside_a_longer_name() -> None:
    topics = story_topics([("President Trump", "Trump administration", "Acme Times"),
                           ("President Trump", "Trump administration", "Acme Times")],
                          named={"acme times", "trump", "donald trump"}, people={"trump", "donald trump"})
    assert topics == [("Trump administration",), ("Trump administration",)]


def test_each_story_shows_a_few_topics_and_every_topic_it_shows_has_two_stories() -> None:
    many = [f"topic {n}" for n in range(10)]
    topics = story_topics([many, many[::-1], many[:1]])
    assert all(len(t) <= 4 for t in topics)
    shown = [t for story in topics for t in story]
    assert all(shown.count(t) >= 2 for t in shown)
    assert topics == story_topics([many, many[::-1], many[:1]])  # the same input, the same topics
