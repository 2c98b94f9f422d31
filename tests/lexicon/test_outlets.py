"""Outlet names: every form a page gives maps to the one name readers know; what is no outlet is none."""
from __future__ import annotations

import pytest

from digest.lexicon.outlets import outlet_name, table


@pytest.mark.parametrize("given", ["NYP Holdings", "New York Post", "nypost.com", "NY Post", "www.nypost.com"])
def test_a_masthead_an_owner_a_title_suffix_and_a_domain_name_one_outlet(given: str) -> None:
    assert outlet_name(given) == "New York Post"


@pytest.mark.parametrize("given, name", [
    ("The Jerusalem post", "The Jerusalem Post"),  # case folded
    ("CNN Politics", "CNN"),  # a known outlet and its section
    ("RT World News", "RT"),
    ("CityAM", "City A.M."),
    ("The Atlantic.", "The Atlantic"),  # a sentence's full stop is no part of the name
])
def test_known_forms_give_the_outlets_name(given: str, name: str) -> None:
    assert outlet_name(given) == name


@pytest.mark.parametrize("given", [
    "News", "Nightly News", "Herald", "All", "Feb. 1, 2016", "Russian Defense Ministry, October 25, 2019",
    "Culture / Next", "2019", "", "  :: ",
])
def test_a_date_a_section_a_show_or_a_lone_masthead_word_is_no_outlet(given: str) -> None:
    assert outlet_name(given) is None


@pytest.mark.parametrize("given, name", [
    ("commonspace.eu", "commonspace.eu"), ("Harbour Gazette", "Harbour Gazette"),
    ("痞客邦 PIXNET ::", "痞客邦 PIXNET"), ("Some Paper Inc.", "Some Paper Inc."), ("Madonna", "Madonna"),
])
def test_an_unknown_outlet_keeps_the_pages_name_cleaned(given: str, name: str) -> None:
    assert outlet_name(given) == name


def test_no_form_names_two_outlets() -> None:
    """A form shared by two outlets would credit a story to whichever came first in the table."""
    from importlib import resources

    import yaml

    data = yaml.safe_load(resources.files("digest.lexicon").joinpath("outlets.yaml").read_text(encoding="utf-8"))
    seen: dict[str, str] = {}
    for outlet in data["outlets"]:
        for form in {outlet["name"], *outlet.get("forms", ()), *outlet.get("domains", ())}:
            key = " ".join(form.casefold().split())
            assert seen.setdefault(key, outlet["name"]) == outlet["name"], f"{form!r} names {seen[key]} and {outlet['name']}"
    assert not set(table().names) & table().not_outlets
