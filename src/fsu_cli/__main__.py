"""Entry point for ``fsu`` and ``python -m fsu_cli``."""

from __future__ import annotations

import sys


def main() -> None:
    from fsu_cli.cli import run

    sys.exit(run())


if __name__ == "__main__":
    main()
