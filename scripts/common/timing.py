"""Time the build stages and weigh their memory, for the benchmark (`python -m scripts.build --timings FILE`)."""
from __future__ import annotations

import json
import os
import resource
import threading
import time
from contextlib import contextmanager
from pathlib import Path

SAMPLE_SECONDS = 0.2  # reading smaps_rollup costs the kernel a page-table walk per process


def pss_mb(pid: int) -> float:
    """Proportional set size of one process in MB: pages shared with forked workers are counted once overall (0 when gone)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def descendants(pid: int) -> list[int]:
    """The process and all its descendants (Linux /proc; children are listed per thread)."""
    out, todo = [], [pid]
    while todo:
        here = todo.pop()
        out.append(here)
        try:
            for tid in os.listdir(f"/proc/{here}/task"):
                with open(f"/proc/{here}/task/{tid}/children", encoding="ascii") as f:
                    todo += [int(c) for c in f.read().split()]
        except OSError:
            continue
    return out


class TreeSampler:
    """Samples the summed memory (PSS) of this process and its children (workers, MkDocs) in a thread."""

    def __init__(self):
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(SAMPLE_SECONDS):
            self.peak = max(self.peak, sum(pss_mb(p) for p in descendants(os.getpid())))

    def take(self) -> float:
        """The peak since the last call, and start again."""
        self.peak, peak = 0.0, max(self.peak, sum(pss_mb(p) for p in descendants(os.getpid())))
        return peak

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


class Timer:
    """Wall and CPU seconds of each build stage; with memory=True also the peak memory of the process tree during each stage."""

    def __init__(self, memory: bool = False):
        self.seconds: dict[str, float] = {}
        self.cpu: dict[str, float] = {}
        self.peak_mb: dict[str, float] = {}
        self.counts: dict[str, int] = {}
        self.notes: dict[str, float] = {}
        self._sampler = TreeSampler() if memory else None

    @contextmanager
    def stage(self, name: str):
        start, cpu = time.perf_counter(), time.process_time()
        if self._sampler:
            self._sampler.take()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start
            self.cpu[name] = self.cpu.get(name, 0.0) + time.process_time() - cpu
            if self._sampler:
                self.peak_mb[name] = max(self.peak_mb.get(name, 0.0), self._sampler.take())

    def add(self, name: str, seconds: float) -> None:
        """CPU time spent in a stage by worker processes (summed over them)."""
        self.cpu[name] = self.cpu.get(name, 0.0) + seconds

    def count(self, name: str, n: int = 1) -> None:
        """Count something the build did (requests loaded, reused from the cache, ...)."""
        self.counts[name] = self.counts.get(name, 0) + n

    def note(self, name: str, value: float) -> None:
        """A measured figure that is not a stage time (e.g. the MkDocs child's own peak memory)."""
        self.notes[name] = value

    def write(self, path: Path) -> None:
        """Save the figures as JSON, with this process's and its reaped children's own peak memory."""
        if self._sampler:
            self._sampler.stop()
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        path.write_text(json.dumps({"seconds": self.seconds, "cpu": self.cpu, "peak_mb": self.peak_mb, "counts": self.counts,
                                    "notes": {**self.notes, "main_maxrss_mb": own}}, indent=2), encoding="utf-8")
