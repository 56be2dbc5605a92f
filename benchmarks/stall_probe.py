"""Where one desk's event-loop stalls come from: the heaviest UI callbacks of a shift, in CPU time.

`desks_bench.py` says how long the longest stall was; this says what it was. One desk works the bench's
shift (`desks_bench.work_a_shift`) in this process, on a fresh practice desk, and every event-loop
callback is timed in CPU time of the UI thread, which the machine's load does not change:

- the heaviest callbacks, each with the Textual messages it handled, the garbage collections inside it
  (generation, objects walked, CPU), the CPU other threads of the process used meanwhile (a worker
  holding the GIL makes a stall with little CPU of the UI thread's own), and the functions a CPU
  sampler found it in most (inclusive samples of a 2 ms profiling timer);
- every garbage collection: how many per generation, the longest, and the total;
- the process's memory (RSS) and the collector's tracked objects, every few seconds, to see whether
  anything grows without bound over a long shift.

    python benchmarks/stall_probe.py --seconds 30
    python benchmarks/stall_probe.py --seconds 300 --top 5        # a long shift: is memory bounded?
    python benchmarks/stall_probe.py --db-url postgresql+psycopg://postgres@127.0.0.1:5432/EMPTY_DATABASE

A second desk (`--companions 1`) works the same shift in its own process, so this one hears news.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import desks_bench  # noqa: E402  (the shift, the desk's preparation and the stall meter are the bench's own)

SAMPLE_EVERY = 0.002
"""Seconds of process CPU between profiling samples."""

RECENT_CALLBACKS = 200
"""Callbacks of 1 ms of CPU or more remembered, to name those that ran inside a stall."""

PROBE_TASK = "the probe's look at memory"
"""Its own callbacks (counting objects) are left out of the heaviest; it cannot help stalling the shift a little."""

BORING = ("/asyncio/", "/contextlib.py", "stall_probe.py", "/textual/message_pump.py", "/textual/_callback.py")
"""Frames every callback passes through; they say nothing about which callback it was."""


@dataclass
class Step:
    """One event-loop callback: what it handled and what it cost."""

    wall_ms: float
    cpu_ms: float
    others_cpu_ms: float
    """CPU time of the process's other threads meanwhile (workers, the change feed's watcher)."""
    label: str
    messages: list[str] = field(default_factory=list)
    collections: list[tuple[int, int, float]] = field(default_factory=list)
    """(generation, objects it walked, CPU ms) of each garbage collection inside the callback."""
    samples: Counter = field(default_factory=Counter)
    stacks: Counter = field(default_factory=Counter)
    """Whole stacks sampled (innermost first), for --why."""


class Probe:
    """Times every asyncio callback, every garbage collection, and samples the UI thread's stack."""

    def __init__(self, keep_over_ms: float) -> None:
        self.keep_over_ms = keep_over_ms
        self.steps: list[Step] = []
        self.current: Step | None = None
        self.collections: list[tuple[int, int, float, float, float]] = []
        """(generation, objects walked, CPU ms, wall ms, seconds into the run) of every collection."""
        self.gc_started: tuple[float, float, int] = (0.0, 0.0, 0)
        self.memory: list[tuple[float, int, int, int, int]] = []
        """(seconds into the run, RSS in MB, objects the collector tracks, of them in the oldest generation, frozen objects)."""
        self.started = time.perf_counter()
        self.take_census = True
        self.stalls: list[tuple[float, float, float, list[tuple[float, str]]]] = []
        """(seconds into the run, ms late, UI thread CPU ms meanwhile, the callbacks run meanwhile) of each stall over 30 ms."""
        self.recent: deque[tuple[float, float, asyncio.events.Handle]] = deque(maxlen=RECENT_CALLBACKS)
        """(perf_counter at its start, CPU ms, handle) of the latest callbacks, for what ran inside a stall."""
        self.stalls_from = 0.0
        self.census: Counter = Counter()
        """Types of the objects in the oldest generation when it was largest."""

    def install(self, sample: bool) -> None:
        probe = self
        real_run = asyncio.events.Handle._run

        def timed_run(handle: asyncio.events.Handle) -> None:
            step = Step(0.0, 0.0, 0.0, "")
            probe.current = step
            wall, cpu, process = time.perf_counter(), time.thread_time(), time.process_time()
            try:
                real_run(handle)
            finally:
                probe.current = None
                step.cpu_ms = (time.thread_time() - cpu) * 1000
                step.wall_ms = (time.perf_counter() - wall) * 1000
                step.others_cpu_ms = max(0.0, (time.process_time() - process) * 1000 - step.cpu_ms)
                if step.cpu_ms >= 1:
                    probe.recent.append((wall, step.cpu_ms, handle))
                if step.cpu_ms >= probe.keep_over_ms or step.wall_ms >= 4 * probe.keep_over_ms:
                    step.label = label_of(handle)
                    if step.label != PROBE_TASK:
                        probe.steps.append(step)

        asyncio.events.Handle._run = timed_run
        gc.callbacks.append(self.on_collection)
        if sample:
            signal.signal(signal.SIGPROF, self.on_sample)
            signal.setitimer(signal.ITIMER_PROF, SAMPLE_EVERY, SAMPLE_EVERY)

    def uninstall(self) -> None:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        gc.callbacks.remove(self.on_collection)

    def on_collection(self, phase: str, info: dict) -> None:
        generation = info["generation"]
        if phase == "start":
            walked = len(gc.get_objects()) if generation == 2 else sum(gc.get_count()[: generation + 1])  # young: a rough count, cheaply
            self.gc_started = (time.thread_time(), time.perf_counter(), walked)
            return
        cpu, wall, walked = self.gc_started
        cpu_ms, wall_ms = (time.thread_time() - cpu) * 1000, (time.perf_counter() - wall) * 1000
        self.collections.append((generation, walked, cpu_ms, wall_ms, wall - self.started))
        if self.current is not None:
            self.current.collections.append((generation, walked, cpu_ms))

    def on_sample(self, _signal: int, frame) -> None:
        step = self.current
        if step is None:
            return
        seen = set()
        stack = []
        while frame is not None:
            code = frame.f_code
            where = f"{short_path(code.co_filename)}:{code.co_name}"
            if not any(part in code.co_filename for part in BORING):
                stack.append(where)
                if where not in seen:
                    seen.add(where)
                    step.samples[where] += 1
            frame = frame.f_back
        step.stacks[tuple(stack)] += 1

    async def note_stalls(self, stop: asyncio.Event) -> None:
        """Every stall over 30 ms, when it was: the bench's meter keeps only the longest."""
        while not stop.is_set():
            started, cpu = time.perf_counter(), time.thread_time()
            await asyncio.sleep(0.01)
            late = (time.perf_counter() - started - 0.01) * 1000
            if late > 30:
                inside = [(cpu_ms, label_of(handle)) for at, cpu_ms, handle in self.recent if at >= started]
                self.stalls.append((started - self.started, late, (time.thread_time() - cpu) * 1000, inside))

    def note_message(self, message) -> None:
        if self.current is not None:
            self.current.messages.append(type(message).__name__)

    def note_memory(self) -> None:
        rss_mb = int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 2**20
        oldest = gc.get_objects(2)
        if self.take_census and gc.get_freeze_count() and len(oldest) > sum(self.census.values()):
            self.census = Counter(map(type, oldest))  # types, not names: cheap enough not to stall the shift itself
        self.memory.append((time.perf_counter() - self.started, rss_mb, len(gc.get_objects()), len(oldest), gc.get_freeze_count()))
        del oldest


def short_path(filename: str) -> str:
    for marker in ("/site-packages/", "/frontdesk/", "/lib/python3"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


def label_of(handle: asyncio.events.Handle) -> str:
    callback = handle._callback
    task = getattr(callback, "__self__", None)
    if isinstance(task, asyncio.Task):
        return task.get_name()[:60]
    return getattr(callback, "__qualname__", repr(callback))[:60]


async def shift_with_memory(probe: Probe, url: str, agent: str, seconds: float, customers: list, every: float) -> desks_bench.ShiftLog:
    async def watch() -> None:
        while True:
            probe.note_memory()
            await asyncio.sleep(every)

    watcher = asyncio.create_task(watch(), name=PROBE_TASK)
    try:
        return await desks_bench.work_a_shift(url, agent, 0, seconds, customers)
    finally:
        watcher.cancel()
        probe.note_memory()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--db-url", help="an empty PostgreSQL database (default: a new SQLite file)")
    parser.add_argument("--companions", type=int, default=0, help="other desks working at the same time, in their own processes")
    parser.add_argument("--top", type=int, default=12, help="how many of the heaviest callbacks to show")
    parser.add_argument("--over-ms", type=float, default=20.0, help="keep callbacks over this many ms of CPU")
    parser.add_argument("--memory-every", type=float, default=5.0)
    parser.add_argument("--frames", type=int, default=14, help="how many functions to name for each heavy callback")
    parser.add_argument("--why", help="for each heavy callback, the commonest ways it reached this function (a name)")
    parser.add_argument("--census", type=int, default=15, help="how many types of the oldest generation to list")
    parser.add_argument("--no-sampler", action="store_true", help="no profiling timer (its signals cost a little)")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="stall-probe-") as folder_name:
        folder = Path(folder_name)
        url = args.db_url or f"sqlite:///{folder / 'desk.sqlite'}"
        prepared_path = folder / "desk.json"
        subprocess.run([sys.executable, desks_bench.__file__, "prepare", "--url", url, "--desks", str(1 + args.companions),
                        "--out", str(prepared_path)], check=True)
        prepared = json.loads(prepared_path.read_text())
        customers = [tuple(pair) for pair in prepared["customers"]]
        (folder / "customers.json").write_text(json.dumps(customers))
        companions = [
            subprocess.Popen([sys.executable, desks_bench.__file__, "worker", "--url", url, "--agent", agent, "--index", str(index),
                              "--seconds", str(args.seconds), "--start-at", str(time.time()), "--customers",
                              str(folder / "customers.json"), "--out", str(folder / f"desk{index}.json")],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for index, agent in enumerate(prepared["agents"][1:], start=1)
        ]
        probe = Probe(args.over_ms)
        real_observe = desks_bench.observe

        def observing(log, terminal_id):
            hook = real_observe(log, terminal_id)

            def both(message) -> None:
                probe.note_message(message)
                hook(message)

            return both

        desks_bench.observe = observing
        real_measure = desks_bench.measure_stalls

        async def measuring(log, stop) -> None:
            probe.stalls_from = time.perf_counter() - probe.started
            late = asyncio.create_task(probe.note_stalls(stop))
            await real_measure(log, stop)
            await late

        desks_bench.measure_stalls = measuring
        probe.take_census = args.census > 0
        probe.install(sample=not args.no_sampler)
        load_before = os.getloadavg()[0]
        usage_before = resource.getrusage(resource.RUSAGE_SELF)
        log = asyncio.run(shift_with_memory(probe, url, prepared["agents"][0], args.seconds, customers, args.memory_every))
        probe.uninstall()
        for process in companions:
            process.wait()
    report(probe, log, args, load_before, usage_before)


def report(probe: Probe, log: desks_bench.ShiftLog, args: argparse.Namespace, load_before: float, usage_before) -> None:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(f"load average {load_before:.2f} before, {os.getloadavg()[0]:.2f} after; shift {args.seconds:.0f} s: "
          f"{log.searches} searches, {log.calls} calls, {len(log.errors)} errors; "
          f"involuntary context switches {usage.ru_nivcsw - usage_before.ru_nivcsw}")
    print(f"longest stall {log.max_stall_ms:.0f} ms wall, {log.max_stall_cpu_ms:.0f} ms of it the UI thread's CPU")
    heaviest = sorted(probe.steps, key=lambda step: step.cpu_ms, reverse=True)[: args.top]
    print(f"\nthe {len(heaviest)} heaviest callbacks (CPU ms of the UI thread; wall ms; other threads' CPU ms):")
    for step in heaviest:
        collected = ", ".join(f"gen{gen} {walked:,} objects {cpu:.0f} ms" for gen, walked, cpu in step.collections if cpu >= 1)
        messages = Counter(step.messages).most_common(6)
        print(f"- {step.cpu_ms:.0f} ms cpu, {step.wall_ms:.0f} ms wall, others {step.others_cpu_ms:.0f} ms: {step.label}")
        if collected:
            print(f"    collections: {collected}")
        if messages:
            print("    messages: " + ", ".join(f"{name} x{count}" for name, count in messages))
        total = max(1, max(step.samples.values(), default=1))
        inner = step.samples.most_common(args.frames)
        if inner:
            print("    in: " + "; ".join(f"{where} {100 * count // total}%" for where, count in inner))
        if args.why:
            callers = Counter()
            for stack, count in step.stacks.items():
                for depth, where in enumerate(stack):
                    if where.endswith(f":{args.why}"):
                        callers[" < ".join(name.rsplit("/", 1)[-1] for name in stack[depth:depth + 7])] += count
                        break
            for path, count in callers.most_common(4):
                print(f"    why {args.why} ({100 * count // total}%): {path}")
    waiting = sorted((step for step in probe.steps if step.wall_ms > 2 * step.cpu_ms + 20), key=lambda step: step.wall_ms, reverse=True)
    print(f"\ncallbacks whose wall time is mostly waiting ({len(waiting)}), longest first:")
    for step in waiting[:8]:
        print(f"- {step.wall_ms:.0f} ms wall, {step.cpu_ms:.0f} ms cpu, other threads {step.others_cpu_ms:.0f} ms cpu: {step.label}")
    print("\ngarbage collections (count, longest CPU ms, total CPU ms, most objects walked):")
    for generation in range(3):
        mine = [entry for entry in probe.collections if entry[0] == generation]
        if mine:
            print(f"  gen{generation}: {len(mine)}, {max(e[2] for e in mine):.1f} ms, {sum(e[2] for e in mine):.0f} ms, "
                  f"{max(e[1] for e in mine):,}")
    print(f"\nstalls over 30 ms (s into the run, ms late, UI thread CPU ms: the callbacks of 1 ms or more inside, CPU ms), the shift's meter running from {probe.stalls_from:.1f} s:")
    for at, late, cpu, inside in probe.stalls:
        callbacks = ", ".join(f"{label} {cpu_ms:.0f}" for cpu_ms, label in sorted(inside, reverse=True)[:6])
        print(f"  {at:6.1f} s {late:5.0f} ms {cpu:5.0f} ms: {callbacks}")
    print("\nfull collections (s into the run, objects walked, CPU ms):")
    for generation, walked, cpu_ms, _wall_ms, at in probe.collections:
        if generation == 2:
            print(f"  {at:6.1f} s {walked:9,} {cpu_ms:6.0f} ms")
    print("\nmemory (s, RSS MB, tracked objects, of them in the oldest generation, frozen objects):")
    for at, rss, tracked, oldest, frozen in probe.memory:
        print(f"  {at:6.0f} s {rss:5d} MB {tracked:9,} {oldest:9,} {frozen:9,}")
    if probe.census:
        print(f"\nthe oldest generation at its largest after the start-up heap was frozen ({sum(probe.census.values()):,} objects), by type:")
        for kind, count in probe.census.most_common(args.census):
            print(f"  {count:8,} {kind.__module__}.{kind.__qualname__}")
    if args.json:
        Path(args.json).write_text(json.dumps({
            "max_stall_ms": log.max_stall_ms, "max_stall_cpu_ms": log.max_stall_cpu_ms,
            "heaviest": [[step.cpu_ms, step.wall_ms, step.label, step.collections] for step in heaviest],
            "collections": probe.collections, "memory": probe.memory,
        }))


if __name__ == "__main__":
    main()
