"""The bulk build folds whole batches at once; it must find exactly what adding customers one at a time finds."""

import datetime

import pytest

from frontdesk.lookup import CustomerIndex, LookupRecord
from frontdesk.lookup.store import phone_digits, phone_digits_of
from frontdesk.lookup.synthetic import customers

ODD = [
    LookupRecord(90001, "علی نیک‌نام", "خیابان ولیعصر ۱۲", "۰۹۱۲ ۳۴۵ ۶۷۸۹"),  # Persian digits
    LookupRecord(90002, "Anna Anna", "5 Crotonstreet", "555|0101 2020", datetime.date(1980, 2, 29)),  # "|" in a phone
    LookupRecord(90003, "William Smith", "1 Main St", "", aliases=("Will Smyth", "Bill Smith")),
    LookupRecord(90004, "Mary", "", "12", None),  # a phone shorter than the 4 digits searched by
    LookupRecord(90005, "Γιώργος Παπαδόπουλος", "Οδός Ερμού 5", "+30 694 111 1111"),  # a repeated gram
]
QUERIES = ["nikname", "0912 345", "6789", "anna anna", "crotonstreet", "1012", "29/2/1980", "will smyth",
           "bill", "mary", "1111", "694 111", "παπαδοπουλος ερμου"]


@pytest.fixture(scope="module")
def records() -> list[LookupRecord]:
    return list(customers(2500, seed=5)) + ODD  # beyond the postings' small-batch size, so they are merged


def _results(index: CustomerIndex, queries: list[str]) -> list[list[tuple[int, float, bool]]]:
    return [[(m.customer_id, m.score, m.ambiguous) for m in index.search(q)] for q in queries]


def test_bulk_build_finds_what_one_at_a_time_finds(records):
    one_by_one = CustomerIndex()
    for record in records:
        one_by_one.add(record)
    queries = QUERIES + [r.name for r in records[:40]] + [r.phone[-6:-2] for r in records[40:80]]
    queries += [f"{r.name} {r.birth_date.day}/{r.birth_date.month}/{r.birth_date.year}" for r in records[80:100]]
    assert _results(CustomerIndex(records), queries) == _results(one_by_one, queries)
    assert 90002 in [m.customer_id for m in one_by_one.search("1012")]


def test_a_batch_holding_a_customer_twice_keeps_the_later_record(records):
    index = CustomerIndex(records + [LookupRecord(90003, "Wilhelmina Quist", "8 Pine Road")])
    assert len(index) == len(records)
    assert index.search("wilhelmina quist")[0].customer_id == 90003
    assert not any(m.customer_id == 90003 for m in index.search("smyth"))
    index.add_many([LookupRecord(90003, "Walter Brandt"), LookupRecord(90003, "Xenia Oyelaran")])
    assert index.search("xenia oyelaran")[0].customer_id == 90003
    assert not any(m.customer_id == 90003 for m in index.search("walter brandt"))


@pytest.mark.parametrize("phones", [
    ["+1 (555) 123-4567", "0912 345 6789", "", "00"],
    ["۰۹۱۲ ۳۴۵ ۶۷۸۹", "+30 694 111 2222"],
    ["555|0101", "12"],
    ["(0)20 7946 0000"],
])
def test_phones_read_together_read_as_each_alone(phones):
    assert phone_digits_of(phones) == [phone_digits(p) for p in phones]
