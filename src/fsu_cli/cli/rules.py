"""``fsu rules`` and ``fsu explain CODE``."""

from __future__ import annotations

from typing import Annotated

import typer

from fsu_cli.cli.options import DebugOption, guarded


@guarded
def list_rules(debug: DebugOption = False) -> int:
    """List every finding code with its severity and what it means."""
    from fsu_cli.check.catalogue import all_rules

    for rule in all_rules().values():
        print(f"{rule.code}  {rule.severity:<7}  {rule.summary}")
    return 0


@guarded
def explain(
    code: Annotated[str, typer.Argument(help="A finding code, such as FSU101.", show_default=False)],
    debug: DebugOption = False,
) -> int:
    """Explain a finding code: what triggers it, an example, and how to fix it."""
    from fsu_cli.check.catalogue import all_rules
    from fsu_cli.errors import UsageError

    rules = all_rules()
    rule = rules.get(code.strip().upper())
    if rule is None:
        raise UsageError(f"There is no rule {code}. Run 'fsu rules' to list them.")
    print(f"{rule.code} ({rule.name}, {rule.severity}): {rule.summary}\n")
    print(rule.explanation)
    return 0
