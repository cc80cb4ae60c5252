"""A test seam for crash safety: FOI_BUILD_KILL_AT=<point> kills the build there, as a crash or the OOM killer would."""
from __future__ import annotations

import os
import signal

POINTS = ("loaded", "written", "validated", "site-running", "site-linked", "site-built", "link-made", "switched")


def checkpoint(name: str) -> None:
    """Die with SIGKILL (nothing cleaned up, no handler run) when the environment names this point."""
    if os.environ.get("FOI_BUILD_KILL_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)
