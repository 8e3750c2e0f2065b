"""Process hygiene applied first thing at start-up: no core dumps, no debugger attach on Linux,
private file permissions. A crash must never write note text to disk."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import sys

PR_SET_DUMPABLE = 4


def disable_core_dumps() -> None:
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        # Not dumpable: no core file even through systemd-coredump, and no ptrace by other
        # processes of the same user.
        with contextlib.suppress(OSError, AttributeError, TypeError):
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)


def private_umask() -> None:
    # Files we create (vault, keys, backups, exports) are readable by their owner only.
    os.umask(0o077)


def apply() -> None:
    disable_core_dumps()
    private_umask()
