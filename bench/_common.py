"""What every benchmark here shares: fsu run as an installed fsu runs."""

from __future__ import annotations

import compileall
import os
from pathlib import Path


def installed_env(**extra: str) -> dict[str, str]:
    """The environment to run fsu in, with fsu's bytecode compiled first.

    pip compiles a package's modules when it installs it, so an installed fsu starts from bytecode,
    as its peers (typer, PyYAML, check-jsonschema) do here. An editable install, or
    PYTHONDONTWRITEBYTECODE in the environment, would leave fsu compiling its own source at every
    start (about 35 ms), which no user pays; so the modules are compiled once, before anything is measured.
    """
    import fsu_cli

    compileall.compile_dir(Path(fsu_cli.__file__).parent, quiet=1)
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "FSU_AS_OF": "2026-11-22", **extra}
