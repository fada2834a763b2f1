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
    except KeyboardInterrupt:
        code = errors.interrupted()
    except BrokenPipeError:
        code = errors.closed_pipe()
    sys.exit(code)


if __name__ == "__main__":
    main()
