"""Time the build stages, for the benchmark."""
from __future__ import annotations

import time
from contextlib import contextmanager


class Timer:
    """Seconds spent in each build stage (read by the benchmark)."""

    def __init__(self):
        self.seconds: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str):
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start
