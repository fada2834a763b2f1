"""Entry point for ``fsu`` and ``python -m fsu_cli``."""

from __future__ import annotations

import gc
import signal
import sys


def main() -> None:
    # One command, then the process ends. The model fsu builds holds no reference cycles and is freed by
    # reference counting, but Python's cycle collector would walk every object built so far, over and over
    # as a large repository loads (half the time of a re-check of 30,000 cases); it is left off here.
    # Worker processes turn it back on.
    gc.disable()
    from fsu_cli import errors

    if hasattr(signal, "SIGXFSZ"):  # a file-size limit (ulimit -f) then gives an error fsu can explain
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    try:
        from fsu_cli.cli.app import run

        code = run()
        sys.stdout.flush()
    except KeyboardInterrupt:  # worker processes may still be finishing their batch: the usual exit waits
        sys.exit(errors.interrupted())
    except BrokenPipeError:
        sys.exit(errors.closed_pipe())
    if code not in (0, 1):  # stopped, refused or failed: the usual exit, which waits for what is still running
        sys.exit(code)
    _end(code)


def _end(code: int) -> None:
    """End the process at once, once everything written is flushed: tearing down the interpreter would free,
    object by object, a model that may hold 30,000 cases. Only after a command ran to its end: every file
    fsu writes is closed by then, and every worker process has been waited for."""
    import os

    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, OSError):
        sys.exit(code)  # the usual way, which knows how to end quietly on a closed pipe
    os._exit(code)


if __name__ == "__main__":
    main()
