"""Recall on a seeded corpus of corrupted names (typos, order, dropped names, script variants)."""

from frontdesk.lookup import CustomerIndex
from frontdesk.lookup.synthetic import CORRUPTIONS, corrupted_queries, customers, name_words_by_id, recall


def test_recall_on_corrupted_names():
    records = list(customers(3000, seed=7))
    index = CustomerIndex(records)
    queries = corrupted_queries(records, 1400, seed=11)
    assert {q.kind for q in queries} == set(CORRUPTIONS)
    recall_1, recall_5 = recall(
        lambda q: [m.customer_id for m in index.search(q, limit=5)], queries, name_words_by_id(records)
    )
    assert recall_1 >= 0.95
    assert recall_5 >= 0.98
