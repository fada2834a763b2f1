"""Entry point for ``fsu`` and ``python -m fsu_cli``."""

from __future__ import annotations

import signal
import sys


def main() -> None:
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
