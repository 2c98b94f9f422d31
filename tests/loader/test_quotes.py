"""Quote attribution forms seen across sites, each on a small paragraph."""
from __future__ import annotations

from digest.loader.patterns import patterns
from digest.loader.quotes import find_quotes


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


def test_short_scare_quotes_are_fragments_not_quotations() -> None:
    assert quotes("He called the plan “a disgrace” on Tuesday.") == [("a disgrace", None, "fragment")]


def test_reported_speech_with_that() -> None:
    [(text, speaker, kind)] = quotes("Central bank governor Ida Holm said that rates would stay on hold.")
    assert (speaker, kind) == ("Ida Holm", "reported")
    assert text == "rates would stay on hold"
