from digest.corpus.places import story_places
from digest.records import Dateline
from tests.corpus.factory import record


def test_dateline_city_comes_first_then_countries_by_mentions():
    baku = Dateline("BAKU, Azerbaijan, April 23.", "BAKU, Azerbaijan", "--04-23")
    r = record("a.txt", headline="Azerbaijani leader visits China", dateline=baku,
               body=("Chinese and Azerbaijani officials met in Beijing.",
                     "China and Azerbaijan signed 20 documents; Spain was not there."))
    assert story_places(r) == ("Baku", "Azerbaijan", "China", "Spain")


def test_a_state_after_the_city_is_not_a_place_of_its_own():
    r = record("a.txt", dateline=Dateline("COLUMBIA, S.C. (AP) —", "COLUMBIA, S.C.", None), body=("Nothing foreign here.",))
    assert story_places(r) == ("Columbia",)


def test_aliases_and_long_names_resolve():
    r = record("a.txt", headline="Talks", body=("The U.S. and Russia met; South Korea and the United Kingdom watched.",))
    assert set(story_places(r)) == {"United States", "Russia", "South Korea", "United Kingdom"}
