"""Entry point for ``fsu`` and ``python -m fsu_cli``."""

from __future__ import annotations

import sys


def main() -> None:
    from fsu_cli import errors

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
