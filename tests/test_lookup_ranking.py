"""Ranking rules of the lookup: word order, rare streets, glued street types, surnames that are street types,
mistyped dates (how many digits slipped), rare name words breaking ties, equal spellings taking turns, counts,
compaction."""

import datetime

import pytest

from frontdesk.lookup import CustomerIndex, LookupRecord
from frontdesk.lookup.birth_dates import near_ordinals
from frontdesk.lookup.index import DEAD_FLOOR
from frontdesk.lookup.query import TermKind, parse_query

JOHNSON = LookupRecord(1, "Mary Johnson", "12 Jackson Avenue")
JACKSON = LookupRecord(2, "Mary Jackson", "40 Johnson Avenue")


def ids(index: CustomerIndex, query: str) -> list[int]:
    return [m.customer_id for m in index.search(query)]


@pytest.mark.parametrize(("query", "meant", "other"), [
    ("mary jackson johnson", 2, 1),
    ("mary johnson jackson", 1, 2),
    ("jackson johnson", 2, 1),
])
def test_word_order_given_family_then_street_decides_who_comes_first(query, meant, other):
    index = CustomerIndex([JOHNSON, JACKSON])
    matches = index.search(query)
    assert [m.customer_id for m in matches] == [meant, other]
    # the order only ranks: the other reading stays flagged, never silently dropped
    assert matches[0].ambiguous and matches[1].ambiguous


def test_name_and_street_swapped_stays_flagged_when_one_street_is_rare():
    """Many neighbours on Jackson Avenue make Johnson Avenue the rarer street; the swap is still flagged."""
    index = CustomerIndex([JOHNSON, JACKSON, *_crowd("Jackson Avenue", 300, 100)])
    for query, meant in (("mary jackson johnson", 2), ("mary johnson jackson", 1)):
        top = index.search(query)[0]
        assert top.customer_id == meant or top.ambiguous


def test_a_comma_or_street_type_still_reads_swapped_names():
    index = CustomerIndex([JOHNSON, JACKSON])
    assert ids(index, "Johnson, Mary")[0] == 1
    assert ids(index, "mary jackson johnson avenue")[0] == 2
    assert not index.search("mary jackson johnson avenue")[0].ambiguous


def _crowd(street: str, count: int, first_id: int) -> list[LookupRecord]:
    return [LookupRecord(first_id + i, "Zz Crowd", f"{i} {street}") for i in range(count)]


def test_a_rare_street_outweighs_a_weak_given_name_match_and_a_common_one_does_not():
    petra = LookupRecord(1, "Petra Jones", "1 Main Street")
    paul = LookupRecord(2, "Paul Brown", "5 Croton Street")
    rare = CustomerIndex([petra, paul, *_crowd("Main Street", 300, 1000)])
    common = CustomerIndex([petra, paul, *_crowd("Main Street", 300, 1000), *_crowd("Croton Street", 300, 5000)])
    assert ids(rare, "peter croton")[0] == 2
    assert ids(common, "peter croton")[0] == 1
    # typed with its street type, the street weighs more the rarer it is
    assert rare.search("peter croton street")[0].score > common.search("peter croton street")[0].score


@pytest.mark.parametrize("query", ["paul crotonstreet", "crotonstreet", "paul croton street", "paul croton st"])
def test_glued_street_types_are_read_as_a_street(query):
    index = CustomerIndex([LookupRecord(1, "Paul Brown", "5 Croton Street"), LookupRecord(2, "Paul Croton", "1 Elm Road")])
    top = index.search(query)[0]
    assert top.customer_id == 1
    assert "street" in top.matched


def test_a_glued_street_on_file_is_found_spelled_apart():
    index = CustomerIndex([LookupRecord(1, "Harley Mccarthy", "177 Pridhamstreet"), LookupRecord(2, "Harley Pridham", "")])
    assert ids(index, "harley pridham street")[0] == 1


def test_a_surname_ending_like_a_street_type_is_not_cut():
    assert [t.text for t in parse_query("harcourt ")] == ["harcourt"]
    assert [(t.kind, t.text) for t in parse_query("crotonstreet ")] == [(TermKind.STREET, "croton"), (TermKind.STREET, "st")]


def test_a_surname_that_is_a_street_type_is_found_and_the_street_reading_stays_beside_it():
    index = CustomerIndex([
        LookupRecord(1, "Mary Lane", "3 Elm Road"),
        LookupRecord(2, "Mary Smith", "12 Mary Lane"),
        LookupRecord(3, "Penny Close", "1 Oak Road"),
        LookupRecord(4, "Flynn Cresp", "Nambucca Street", birth_date=datetime.date(1976, 11, 17)),
        LookupRecord(5, "Isaac Stephenson", "210 Julia Flynn Avenue"),
    ])
    matches = index.search("mary lane")
    assert {m.customer_id for m in matches[:2]} == {1, 2}  # Mary Lane, or someone on Mary Lane
    assert matches[0].ambiguous and matches[1].ambiguous
    assert ids(index, "penny close")[0] == 3
    assert ids(index, "flynn cres 17/11/1976")[0] == 4  # a cut-short surname, not Flynn Crescent
    assert ids(index, "12 mary lane")[0] == 2


def test_a_mistyped_birth_date_still_tells_namesakes_apart():
    index = CustomerIndex([
        LookupRecord(1, "Isabelle Hobson", "36 Albermarle Place", birth_date=datetime.date(1984, 10, 15)),
        LookupRecord(2, "Isabelle Hobson", "16 Dethridge Street", birth_date=datetime.date(1983, 1, 24)),
    ])
    assert ids(index, "isabelle hobson 24/10/1983")[0] == 2  # day and year right, month mistyped
    assert ids(index, "isabelle hobson 24/50/1983")[0] == 2  # not a date at all, still its day and year
    assert ids(index, "isabelle hobson 15/10/1984")[0] == 1


@pytest.mark.parametrize(("typed", "born"), [
    ("5/8/1944", datetime.date(1944, 9, 5)),  # a digit changed
    ("20/87/1944", datetime.date(1944, 7, 20)),  # a digit added
    ("2/11/1950", datetime.date(1950, 11, 12)),  # a digit dropped
    ("81/2/1979", datetime.date(1979, 8, 21)),  # two neighbours swapped across the separator: 8/21 month first
    ("5/9/1945", datetime.date(1944, 9, 5)),  # the year one digit off
])
def test_a_date_one_slipped_digit_off_picks_the_namesake_and_is_found_alone(typed, born):
    index = CustomerIndex([
        LookupRecord(1, "Nina Harcourt", "3 Elm Road", birth_date=datetime.date(1971, 2, 13)),
        LookupRecord(2, "Nina Harcourt", "9 Oak Lane", birth_date=born),
    ])
    assert ids(index, f"nina harcourt {typed}")[0] == 2
    assert ids(index, typed) == [2]  # no one was born on the typed day: the one a digit away is offered


@pytest.mark.parametrize("typed", ["4/3/61", "3/4/61", "4.3.61"])
def test_a_two_digit_year_finds_the_namesake_born_that_day(typed):
    index = CustomerIndex([
        LookupRecord(1, "Nina Harcourt", "3 Elm Road", birth_date=datetime.date(1975, 3, 4)),
        LookupRecord(2, "Nina Harcourt", "9 Oak Lane", birth_date=datetime.date(1961, 3, 4)),
    ])
    assert ids(index, f"nina harcourt {typed}")[0] == 2
    assert ids(index, typed) == [2]


def test_digits_grouped_by_dashes_stay_a_phone_number():
    assert [t.kind for t in parse_query("12-10-56")] == [TermKind.PHONE]
    assert [t.kind for t in parse_query("06/12/34/56")] == [TermKind.NUMBER] * 4


def test_one_slipped_digit_is_near_two_are_not():
    near = {datetime.date.fromordinal(o) for o in near_ordinals((5, 8, 1944))}
    assert {datetime.date(1944, 9, 5), datetime.date(1944, 8, 15), datetime.date(1945, 8, 5)} <= near
    assert datetime.date(1944, 8, 5) not in near  # the typed date itself is exact, not near
    assert datetime.date(1945, 9, 5) not in near


def test_day_and_month_right_with_the_year_wholly_wrong_does_not_outweigh_a_better_spelled_name():
    index = CustomerIndex([
        LookupRecord(1, "Nina Harcourt", "3 Elm Road", birth_date=datetime.date(1962, 9, 15)),
        LookupRecord(2, "Nina Harcroft", "9 Oak Lane", birth_date=datetime.date(1906, 11, 21)),
    ])
    assert ids(index, "nina harcourt 21/11/1937")[0] == 1


def test_an_exact_rare_name_word_breaks_a_tie_with_a_common_one_and_stays_flagged():
    amelias = [LookupRecord(10 + i, f"Amelia Other{chr(97 + i)}") for i in range(5)]
    index = CustomerIndex([LookupRecord(1, "Amelia Brinsmead"), *amelias, LookupRecord(2, "Mitchell Kimmonth")])
    matches = index.search("amelia kimmonth")
    assert matches[0].customer_id == 2  # one customer carries Kimmonth, six Amelia
    assert matches[0].ambiguous and matches[1].ambiguous


def test_between_two_equally_close_spellings_rarity_does_not_choose():
    """Penvankos is one letter from Pelvankos and from Lenvankos: the commoner spelling is the likelier one."""
    common = [LookupRecord(i, f"Kevin{chr(96 + i)} Pelvankos") for i in range(1, 6)]
    index = CustomerIndex([*common, LookupRecord(9, "Michael Lenvankos")])
    assert ids(index, "penvankos")[0] == 1


def test_equally_close_spellings_take_turns_at_the_top():
    """Amanda Hlal is one slip from Hall and from Hill: both spellings show before either repeats."""
    index = CustomerIndex([LookupRecord(i, "Amanda Hill" if i < 20 else "Amanda Hall") for i in range(1, 30)])
    shown = ids(index, "amanda hlal")
    assert shown[:4] == [1, 20, 2, 21]
    assert len(shown) == 10


def test_counts_say_how_many_fit_beyond_the_page():
    index = CustomerIndex([LookupRecord(i, f"Mary Smith{chr(96 + i)}") for i in range(1, 25)]
                          + [LookupRecord(100, "Peter Quill")])
    found = index.find("mary", limit=10)
    assert (len(found.matches), found.fitting, found.more, found.counted_all) == (10, 24, 14, True)
    assert len(index.find("mary", limit=30).matches) == 24
    assert index.find("mary", limit=30).more == 0
    assert index.find("quill", limit=10).fitting == 1
    assert index.find("", limit=10).fitting == 0


def test_removed_and_replaced_records_are_compacted_out():
    index = CustomerIndex([LookupRecord(i, f"Anna Number{i}", f"{i} Elm Road", aliases=(f"Hanna Old{i}",))
                           for i in range(1, 1001)])
    for customer_id in range(1, 701):
        index.remove(customer_id)
    for customer_id in range(701, 801):
        index.add(LookupRecord(customer_id, f"Anna Renamed{customer_id}", f"{customer_id} Oak Lane"))
    assert len(index) == 300
    assert index.stored_rows() <= len(index) + DEAD_FLOOR  # 1,100 rows without compaction
    assert 5 not in ids(index, "anna number5")
    assert ids(index, "anna renamed750")[0] == 750
    assert ids(index, "hanna old900")[0] == 900  # aliases survive compaction
    assert ids(index, "900 elm road")[0] == 900
    index.add(LookupRecord(5000, "Brand New", "1 Pine Street"))
    assert ids(index, "brand new")[0] == 5000


def test_a_date_alone_that_fits_nobody_offers_the_near_one_flagged_never_opened_by_enter():
    """5/3/1961 typed, nobody born that day: the customer born 8/3/1961 (a digit off) came first unflagged, with
    nothing under "Matched on", and Enter opened her card. Offered, yes; picked on its own, never."""
    index = CustomerIndex([LookupRecord(1, "Anastasia Nikolaou", "3 Elm Road", birth_date=datetime.date(1961, 3, 8))])
    [near] = index.search("5/3/1961")
    assert near.customer_id == 1 and near.ambiguous and near.matched == ()
    [exact] = index.search("8/3/1961")
    assert not exact.ambiguous and exact.matched


ZWNJ = "\u200c"
HALF_SPACED, JOINED = f"مریم نجف{ZWNJ}زاده", "مریم نجفزاده"


@pytest.mark.parametrize("crowd", [
    [f"حسن نجف{ZWNJ}زاده{suffix}" for suffix in ("", " کاظمی", " رضایی")],  # the halves common, the joined word rare
    ["حسن نجفزاده", "علی نجفزاده", "رضا نجفزاده"],  # the joined word common
])
@pytest.mark.parametrize("first_id", [1, 2])
def test_a_name_spelt_as_typed_comes_before_the_other_spacing_of_it(crowd: list[str], first_id: int):
    """Najaf-zadeh with the half-space (ZWNJ) and Najafzadeh joined are different customers: the one spelt exactly
    as typed comes first, the other right behind, both flagged, whichever word is rarer and whoever came first."""
    other_id = 3 - first_id
    index = CustomerIndex([LookupRecord(first_id, HALF_SPACED), LookupRecord(other_id, JOINED),
                           *(LookupRecord(10 + i, name) for i, name in enumerate(crowd))])
    for typed, meant, other in ((HALF_SPACED, first_id, other_id), (JOINED, other_id, first_id)):
        assert ids(index, typed)[:2] == [meant, other], typed
    matches = index.search(HALF_SPACED)  # the joined name fits it as well: never opened on its own
    assert matches[0].ambiguous and matches[1].ambiguous
