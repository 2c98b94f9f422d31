import math

from digest.corpus.linkage import centroid_groups

R = 1 / math.sqrt(2)


def test_a_chain_of_loose_likeness_is_not_one_group():
    a, b, c = {"x": 1.0}, {"x": R, "y": R}, {"y": 1.0}
    pairs = [(R, 0, 1), (R, 1, 2), (0.0, 0, 2)]
    assert centroid_groups([a, b, c], pairs, threshold=0.6) == [[0, 1], [2]]


def test_close_stories_join_and_order_of_pairs_does_not_matter():
    a, b, c = {"x": 1.0}, {"x": 1.0}, {"z": 1.0}
    pairs = [(1.0, 0, 1), (0.0, 1, 2)]
    assert centroid_groups([a, b, c], pairs, 0.5) == centroid_groups([a, b, c], pairs[::-1], 0.5) == [[0, 1], [2]]
