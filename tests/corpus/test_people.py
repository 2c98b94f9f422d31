from digest.corpus.people import Said, build_people, build_speakers, split_title
from tests.corpus.factory import quote


def said(speaker, story="s1", date="2025-04-23", role=None):
    return Said(quote(speaker, role=role), story, date)


def test_titles_are_stripped_and_kept_as_the_role():
    assert split_title("Chinese President Xi Jinping") == ("Xi Jinping", "Chinese President")
    assert split_title("U.S. Defense Secretary Mark Esper") == ("Mark Esper", "U.S. Defense Secretary")
    assert split_title("Xi") == ("Xi", None)


def test_every_form_of_a_name_is_one_person_with_all_quotes():
    people = build_people([said("Xi", "s1"), said("President Xi", "s2", "2025-04-24"),
                           said("Chinese President Xi Jinping", "s3", "2025-04-22"), said("Xi Jinping", "s1")])
    [xi] = people
    assert (xi.id, xi.name) == ("xi-jinping", "Xi Jinping")
    assert set(xi.aliases) == {"Xi", "President Xi", "Chinese President Xi Jinping"}
    assert "Chinese President" in xi.roles
    assert [q.date for q in xi.quotes] == ["2025-04-22", "2025-04-23", "2025-04-23", "2025-04-24"]
    assert {q.story_id for q in xi.quotes} == {"s1", "s2", "s3"}


def test_a_surname_shared_by_two_people_is_not_guessed():
    people = build_people([said("John Smith", "s1"), said("Anna Smith", "s2"), said("Smith", "s3")])
    # "Smith" alone is credited to neither; a lone common word makes no page of its own either
    assert sorted(p.name for p in people) == ["Anna Smith", "John Smith"]
    assert all(len(p.quotes) == 1 for p in people)


def test_a_surname_in_the_same_story_resolves_there():
    people = build_people([said("John Smith", "s1"), said("Anna Smith", "s2"), said("Smith", "s2")])
    anna = next(p for p in people if p.name == "Anna Smith")
    assert len(anna.quotes) == 2


def test_a_first_name_that_is_a_country_is_kept():
    assert split_title("Jordan Henderson") == ("Jordan Henderson", None)
    assert split_title("British Prime Minister Boris Johnson") == ("Boris Johnson", "British Prime Minister")


def test_a_courtesy_title_is_not_a_role():
    [person] = build_people([said("Mr. Sondland", "s1"), said("Gordon Sondland", "s1", role="Ambassador")])
    assert person.name == "Gordon Sondland" and person.roles == ("Ambassador",)


def test_a_described_speaker_has_no_person_page() -> None:
    """"a spokesman for Disney" is quoted, but is nobody the People index can list."""
    from digest.corpus.people import Said, build_people
    from digest.records import Quote

    said = [Said(Quote("We are reviewing it", "a spokesman for Disney", None, "direct", 0), "s1", None),
            Said(Quote("It was a mistake", "Jane Roe", None, "direct", 1), "s1", None)]
    assert [p.name for p in build_people(said)] == ["Jane Roe"]


def test_places_organisations_and_words_have_no_person_page():
    speakers = ["Brussels", "Tottenham", "Minnesota Wild", "San Francisco Chronicle", "Officials", "October",
                "Twitter", "Western District", "Am I", "Kurt Volker", "Madonna"]
    people = build_people([said(name, f"s{i}") for i, name in enumerate(speakers)])
    assert sorted(p.name for p in people) == ["Kurt Volker", "Madonna"]


def test_a_name_in_another_script_makes_no_page_and_no_crash():
    assert build_people([said("習近平"), said("Владимир Путин")]) is not None


def test_people_file_under_their_surname():
    from digest.corpus.people import index_letter, surname_key

    names = ["Ilham Aliyev", "Martin Luther King Jr.", "Agshin Karimov", "Ursula von der Leyen", "Madonna"]
    assert sorted(names, key=surname_key) == [
        "Ilham Aliyev", "Agshin Karimov", "Martin Luther King Jr.", "Ursula von der Leyen", "Madonna"]
    assert [index_letter(n) for n in ("Ilham Aliyev", "Martin Luther King Jr.", "習近平")] == ["A", "K", "#"]


def test_an_organisation_quoted_has_its_own_kind_and_is_no_person() -> None:
    people, organisations = build_speakers([said("NASA"), said("Dick Clark Productions", story="s2"),
                                            said("Gordon Sondland"), said("Brussels", story="s3")])
    assert [p.name for p in people] == ["Gordon Sondland"]
    assert [o.name for o in organisations] == ["Dick Clark Productions", "NASA"]
    assert [q.story_id for q in organisations[0].quotes] == ["s2"]


def test_a_role_run_on_before_a_persons_name_is_no_organisation() -> None:
    _, organisations = build_speakers([said("Kraft Food Susan Davison"), said("Mozilla Corporation", story="s2")])
    assert [o.name for o in organisations] == ["Mozilla Corporation"]
