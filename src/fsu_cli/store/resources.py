"""The folders shipped with fsu: schemas, templates and examples."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def resource_dir(name: str) -> Path:
    """A folder shipped with fsu (``schemas``, ``templates``, ``examples``): in the wheel, or in the source tree."""
    installed = _PACKAGE / name
    return installed if installed.is_dir() else _PACKAGE.parent.parent / name


def package_dir() -> Path:
    """fsu's own code, for the cache's fingerprint of it."""
    return _PACKAGE
