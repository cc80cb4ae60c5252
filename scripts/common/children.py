"""Child processes of the build die with it, so a killed build leaves no writer behind."""
from __future__ import annotations

import ctypes
import signal

PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """In the child: ask Linux to kill it when the build dies, so a killed build leaves no writer behind."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass  # not Linux: the child still ends when mkdocs finishes
