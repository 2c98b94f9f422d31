import math

from digest.corpus.linkage import Rules, average_groups

R = 1 / math.sqrt(2)


def dot(a, b):
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def rules(threshold, undated=None, window=3):
    return Rules(dot, threshold, threshold if undated is None else undated, window)


def test_a_chain_of_loose_likeness_is_not_one_group():
    a, b, c = {"x": 1.0}, {"x": R, "y": R}, {"y": 1.0}
    pairs = [(0, 1), (1, 2), (0, 2)]
    assert average_groups([a, b, c], [None] * 3, pairs, rules(0.6)) == [[0, 1], [2]]


def test_a_newcomer_joins_on_its_average_likeness_to_the_group_not_its_best():
    a, d, n = {"x": 1.0}, {"x": 0.8, "y": 0.6}, {"x": 0.6, "z": 0.8}
    # n is as like a as the threshold asks (0.6), but like d only 0.48: on average 0.54, short of it
    assert average_groups([a, d, n], [None] * 3, [(0, 1), (0, 2), (1, 2)], rules(0.6)) == [[0, 1], [2]]
    assert average_groups([a, d, n], [None] * 3, [(0, 1), (0, 2), (1, 2)], rules(0.5)) == [[0, 1, 2]]


def test_close_stories_join_and_order_of_pairs_does_not_matter():
    a, b, c = {"x": 1.0}, {"x": 1.0}, {"z": 1.0}
    pairs = [(0, 1), (1, 2)]
    assert average_groups([a, b, c], [None] * 3, pairs, rules(0.5)) \
        == average_groups([a, b, c], [None] * 3, pairs[::-1], rules(0.5)) == [[0, 1], [2]]


def test_the_window_holds_for_the_whole_group_not_each_pair():
    same = [{"x": 1.0}] * 3
    # days 0, 2, 4: each neighbour within 3 days, the group's span 4
    groups = average_groups(same, [0, 2, 4], [(0, 1), (1, 2), (0, 2)], rules(0.5))
    assert len(groups) == 2 and all(max(g) - min(g) <= 1 for g in groups)


def test_undated_stories_need_the_stronger_likeness_to_join_dated_ones():
    a, b, u = {"x": 1.0}, {"x": 1.0}, {"x": 0.6, "y": 0.8}
    pairs = [(0, 1), (0, 2), (1, 2)]
    assert average_groups([a, b, u], [10, 11, None], pairs, rules(0.5, undated=0.7)) == [[0, 1], [2]]
    assert average_groups([a, b, u], [10, 11, None], pairs, rules(0.5, undated=0.55)) == [[0, 1, 2]]
