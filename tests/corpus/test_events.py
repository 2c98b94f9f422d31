from datetime import date

from digest.corpus import build_corpus
from digest.corpus.dates import day_key, within
from tests.corpus.factory import WIRE, quote, record

REWRITE = (
    "Borrowing costs jumped on Tuesday after the central bank raised its benchmark rate by half a point, surprising "
    "markets that had expected a smaller interest rate move.",
    "Governor Elena Marsh said the board could not wait while prices kept outrunning wages.",
)
OLD = ("The central bank raised its benchmark rate by half a point on Friday to fight inflation, its first move in a year.",
       "Governor Elena Marsh said more increases could follow if wages kept rising.")
STORM = ("A winter storm closed three ports along the northern coast on Tuesday, stranding ferries and cargo ships.",
         "Harbour masters said the closures could last until Thursday as waves of up to nine metres were forecast.")


def corpus():
    return build_corpus([
        record("wire.txt", source="Wire", quotes=(quote("Governor Elena Marsh", paragraph=1),)),
        record("later.txt", headline="Central bank's half-point rate rise jolts borrowers", body=REWRITE,
               date="2024-03-06", source="Daily Courier", quotes=(quote("Marsh", paragraph=1),)),
        record("storm.txt", headline="Storm closes northern ports", body=STORM, source="Metro Wire"),
        record("old.txt", body=OLD, date="2023-01-10", headline="Central bank lifts rate by half a point"),
    ])


def test_other_outlets_on_the_same_happening_are_one_event_as_a_timeline():
    c = corpus()
    by_path = {s.record.path: s for s in c.stories}
    wire, later = by_path["wire.txt"], by_path["later.txt"]
    assert wire.event == later.event
    event = next(e for e in c.events if e.id == wire.event)
    assert event.story_ids == (wire.id, later.id)
    assert (event.start, event.end) == ("2024-03-05", "2024-03-06")
    assert event.title == "Central bank lifts rates by half a point"
    assert event.people == ("elena-marsh",)


def test_an_unrelated_story_of_the_same_day_and_an_old_one_are_events_of_their_own():
    by_path = {s.record.path: s for s in corpus().stories}
    assert by_path["storm.txt"].event != by_path["wire.txt"].event
    assert by_path["old.txt"].event != by_path["later.txt"].event  # same words, ten months apart


def test_yearless_dates_compare_by_month_and_day():
    assert within(day_key("2025-04-23"), day_key("--04-24"), 3)
    assert not within(day_key("2025-04-23"), day_key("--05-24"), 3)
    assert not within(day_key(None), day_key("2025-01-01"), 3)  # an unknown date is no evidence of nearness
    assert within(day_key("2024-12-31"), day_key("--01-01"), 3)


def test_event_title_prefers_a_real_headline():
    c = build_corpus([record("a.txt", headline="The central bank raised its benchmark interest rate", inferred=True),
                      record("b.txt", headline="Rates up half a point - Metro Wire", body=REWRITE)])
    [event] = {e.id: e for e in c.events}.values() if len(c.events) == 1 else [None]
    assert event is not None and event.title == "Rates up half a point"


def test_output_does_not_depend_on_input_order():
    records = [s.record for s in corpus().stories]
    assert build_corpus(records) == build_corpus(list(reversed(records)))


def test_outlets_places_and_topics_are_filled():
    wire = next(s for s in corpus().stories if s.record.path == "wire.txt")
    assert wire.outlets == ("Wire",)
    assert "Central bank" in wire.topics  # the phrase the stories share, not a lone word


def test_a_terms_stories_pair_only_within_the_window_and_undated_ones_with_all():
    from digest.corpus.events import _nearby_pairs

    ordinals = [100, 101, 110, None, 104]
    # window 3 days: 100-101 and 101-104 pair, 100-104 and 110 do not; 3 is undated
    assert sorted(_nearby_pairs([0, 1, 2, 3, 4], ordinals)) == [(0, 1), (0, 3), (1, 3), (1, 4), (2, 3), (3, 4)]


# Tails that make each report its own story (no near-duplicate of another) while its lead stays the same.
TAILS = (
    ("Analysts at three of the largest lenders wrote overnight that the tightening would weigh on spending in shops.",
     "Builders said new orders had already slowed as buyers waited to see how far the cost of a loan would climb."),
    ("Union leaders called the decision a blow to families who were still paying off last winter's heating bills.",
     "Retail groups warned that the busiest season of the year could be the weakest in a decade for high streets."),
    ("Farmers said the cost of credit for seed and machinery would rise just as the planting season began in earnest.",
     "Pension funds welcomed the move, saying savers had lost ground to inflation for far too long already."),
    ("Carmakers said dealers were already offering cheaper loans of their own to keep buyers coming into showrooms.",
     "Estate agents in the capital reported a rush of buyers trying to lock in mortgages before the change applied."),
    ("Small firms said overdrafts would cost more at a time when their energy and wage bills were still climbing.",
     "Travel companies said bookings for the summer had held up so far but could suffer if the squeeze went on."),
)


def _report(path: str, n: int, date: str | None):
    """One outlet's report: the wire's opening paragraph, then its own."""
    return record(path, body=(WIRE[0],) + TAILS[n], date=date, source=f"Outlet {n}")


def test_an_undated_story_like_two_events_weeks_apart_does_not_bridge_them():
    c = build_corpus([_report("march.txt", 0, "2024-03-05"), _report("march2.txt", 1, "2024-03-06"),
                      _report("april.txt", 2, "2024-04-09"), _report("april2.txt", 3, "2024-04-10"),
                      _report("undated.txt", 4, None)])
    by_path = {s.record.path: s for s in c.stories}
    assert by_path["march.txt"].event == by_path["march2.txt"].event
    assert by_path["april.txt"].event == by_path["april2.txt"].event
    assert by_path["march.txt"].event != by_path["april.txt"].event
    assert all(e.start is None or (date.fromisoformat(e.end) - date.fromisoformat(e.start)).days <= 3 for e in c.events)


def test_an_undated_story_that_all_but_repeats_a_dated_one_joins_its_event():
    c = build_corpus([_report("dated.txt", 0, "2024-03-05"), _report("undated.txt", 1, None)])
    by_path = {s.record.path: s for s in c.stories}
    assert by_path["dated.txt"].event == by_path["undated.txt"].event


def test_an_undated_story_alike_only_in_its_subject_stays_out_of_a_dated_event():
    loose = record("loose.txt", headline="Central bank keeps watch on prices", date=None,
                   body=(OLD[1], "The bank's board meets eight times a year and publishes its minutes two weeks later.",
                         "Its governor is appointed for a single term of eight years by parliament."))
    c = build_corpus([_report("dated.txt", 0, "2024-03-05"), loose])
    by_path = {s.record.path: s for s in c.stories}
    assert by_path["dated.txt"].event != by_path["loose.txt"].event



def test_the_window_holds_for_the_whole_event_not_only_each_pair():
    # the same report on five days in a row: each a day from the next, but no event may span more than 3 days
    c = build_corpus([_report(f"day{n}.txt", n, f"2024-03-0{n + 1}") for n in range(5)])
    assert len(c.events) >= 2
    assert all((date.fromisoformat(e.end) - date.fromisoformat(e.start)).days <= 3 for e in c.events)


def test_stories_of_one_event_whose_first_lines_are_a_caption_and_a_date_line_still_meet():
    furniture = ("Photo: Reuters", "Tuesday, March 5th, 2024")
    a = record("a.txt", headline="Rates up half a point", body=furniture + WIRE[1:], date=None)
    b = record("b.txt", headline="Central bank's half-point rise", body=REWRITE + WIRE[2:4], date="2024-03-05")
    by_path = {s.record.path: s for s in build_corpus([a, b]).stories}
    assert by_path["a.txt"].event == by_path["b.txt"].event  # a's date comes from its date line, its words from its body


# Made-up words: unknown to the reference table, so each weighs as a rare word, as names and jargon do.
def _lexicon(n: int) -> list[str]:
    syllables = ["ka", "lo", "mi", "ra", "to", "ne", "su", "vi", "de", "an", "or", "el"]
    return ["".join(syllables[i // 12 ** k % 12] for k in range(4)) + "ta" for i in range(n)]


def _one_day(count: int, shared_name: str = "Ravindra Okonkwo-Hale") -> list:
    """`count` stories of one day about as many happenings, each naming one person who is in every story."""
    words = _lexicon(6 * count + 50)
    stories = []
    for n in range(count):
        own = words[6 * n:6 * n + 6]
        sentence = f"{shared_name} said the {own[0]} {own[1]} of the {own[2]} was closed by the {own[3]} {own[4]} {own[5]}."
        stories.append(record(f"s{n}.txt", headline=f"{shared_name} on the {own[0]} {own[1]}",
                              body=(sentence, f"Officials of the {own[2]} {own[3]} met {shared_name} in the evening.",
                                    sentence), date="2025-06-01"))
    return stories


def test_one_name_in_every_story_of_a_crowded_day_makes_no_giant_event():
    c = build_corpus(_one_day(300))
    assert max(len(e.story_ids) for e in c.events) <= 2  # the name alone never makes a match


def test_a_thousand_stories_on_one_day_group_in_linear_time():
    import time

    def seconds(count: int) -> float:
        records = _one_day(count)
        start = time.perf_counter()
        build_corpus(records)
        return time.perf_counter() - start

    small, large = seconds(250), seconds(1000)
    assert large < 8 * small + 1.0  # four times the stories: not sixteen times the time


def test_stories_with_no_date_no_body_or_only_a_headline_do_not_crash_or_join_anything():
    odd = [record("nobody.txt", headline="Storm closes northern ports", body=(), date=None),
           record("headline.txt", headline="Ferry strike called off", body=("Ferry strike called off",)),
           record("empty.txt", headline="", body=(), date=None), record("wire.txt", date=None),
           record("dated.txt", body=REWRITE, headline="Half-point rise jolts borrowers")]
    c = build_corpus(odd)
    assert len(c.stories) == len(odd) and all(s.event for s in c.stories)
    by_path = {s.record.path: s.event for s in c.stories}
    assert len({by_path[p] for p in ("nobody.txt", "headline.txt", "empty.txt", "wire.txt")}) == 4


def test_a_yearless_date_takes_the_year_of_the_archive_stories_near_it():
    from digest.corpus.dates import day_numbers

    april = date(2025, 4, 23).toordinal()
    assert day_numbers(["2025-04-23", "--04-24", "--09-01", None], 3) == [april, april + 1, None, None]
    # two years with stories near that day: no way to choose, so no day
    assert day_numbers(["2024-04-23", "2025-04-23", "--04-24"], 3)[2] is None


def test_an_event_is_titled_by_its_earliest_report_and_summed_up_by_its_lead():
    c = corpus()
    event = next(e for e in c.events if len(e.story_ids) == 2)
    assert event.title == "Central bank lifts rates by half a point"  # wire.txt, a day before later.txt
    assert event.summary == WIRE[0]  # its first sentence, short enough to stand whole
    from digest.corpus.events import summary_line
    assert summary_line(WIRE[0] + " " + WIRE[1]) == WIRE[0]
    assert summary_line("Word " * 100).endswith("Word…") and len(summary_line("Word " * 100)) <= 221


def test_an_event_lists_the_places_its_reports_share_not_one_reports_aside():
    from digest.records import Dateline

    a = record("a.txt", source="Wire", dateline=Dateline("LIMA, Peru, March 5.", "LIMA, Peru", "2024-03-05"))
    b = record("b.txt", headline="Central bank's half-point rise", body=REWRITE + WIRE[2:4], source="Courier",
               dateline=Dateline("LIMA, Peru, March 5.", "LIMA, Peru", "2024-03-05"))
    c = record("c.txt", headline="Rates up half a point in Lima", source="Post",
               body=(WIRE[0],) + TAILS[0] + ("Traders in Chile said they had taken note of the decision within minutes.",))
    [event] = {e.id: e for e in build_corpus([a, b, c]).events if len(e.story_ids) == 3}.values()
    assert "Lima" in event.places and "Chile" not in event.places
