"""Paywalls, sign-up boxes and disclosures that sites print in a story's place or under it."""
from __future__ import annotations

import pytest

from digest.loader.article import is_furniture
from digest.loader.patterns import patterns


@pytest.mark.parametrize("line", [
    "To view the full story, please subscribe to The Harbour Times.",
    "Subscribe now to our eHERALD edition for the full story.",
    "Get The Harbour Post's Daily Edition by email and never miss our top stories",
    "Never miss the latest news by signing up to our free newsletter",
    "Receive our monthly newsletter",
    "First-time subscribers also receive a welcome gift.",
    "If you're seeing this message but you're already a subscriber, you can log in for immediate access.",
    "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
    "This post contains references to products from one or more of our advertisers.",
    "Join our readers and keep local reporting alive for $5 a month. Cancel anytime.",
    "Tú también puedes sostener el periodismo independiente. Cancela cuando quieras.",
    "*Bonus value is an estimated value calculated by the site, not the card issuer.",
])
def test_a_paywall_or_sign_up_line_is_furniture(line: str) -> None:
    assert is_furniture(line, patterns())


@pytest.mark.parametrize("line", [
    "The council said it would never miss a payment to the pension fund again, the mayor told reporters.",
    "Subscribers to the water scheme will get a rebate for the full story of the outage, the utility said.",
    "New figures show the paper's daily edition sold 40,000 copies last year, up from 31,000.",
    "Members can cancel at any time before the renewal date, the gym's owner said.",
])
def test_a_sentence_of_the_story_is_not(line: str) -> None:
    assert not is_furniture(line, patterns())


@pytest.mark.parametrize("line", [
    "Join the thousands of gardeners who get new tips and recipes delivered to their inboxes every week.",
    "Get the best stories sent straight to your inbox.",
])
def test_a_newsletters_pitch_to_readers_inboxes_is_furniture(line: str) -> None:
    assert is_furniture(line, patterns())


def test_a_paywall_under_a_preview_ends_the_article() -> None:
    """"This is a preview of subscription content": what follows is the paywall's offer, written in
    sentences ("Instant access to the full article PDF."), not the article."""
    from digest.loader import load_text

    paragraphs = [
        "The review sums up what is known about the drugs that most often cause the reaction in patients.",
        "The drugs most often reported are three older ones, which carry a very high risk for the patients who take them.",
        "The reaction is serious and can be fatal, and doctors should consider it in any patient with a fever and a rash.",
    ]
    text = "\n\n".join([
        "Drug reactions in rheumatology: a review", *paragraphs,
        "This is a preview of subscription content, log in to check access.", "Access options",
        "Instant access to the full article PDF, which you can keep and read offline for as long as you like.",
        "Immediate online access to all issues from 2019. Subscription will auto renew annually.",
    ])
    body = load_text("review.txt", text).body
    assert body == tuple(paragraphs)


@pytest.mark.parametrize("line", [
    "Please understand that comments are moderated and it is not always possible to publish all that have been submitted.",
    "Some comments may be republished on the website or in the newspaper; email addresses will not be published.",
    "For the latest stories and breaking news updates download the Harbour News apps for iOS and Android.",
])
def test_comment_rules_and_app_pitches_are_furniture(line: str) -> None:
    assert is_furniture(line, patterns())


def test_a_story_about_an_app_is_not() -> None:
    line = "More than a million people tried to download the new tax app on its first day, the ministry said."
    assert not is_furniture(line, patterns())
