"""``fsu org add``: an organization members can represent, in fsu.yaml."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer

from fsu_cli.cli.options import AsOfOption, DebugOption, RepoOption, guarded


class OrganizationSide(str, Enum):
    hospital = "hospital"
    municipality = "municipality"
    user = "user"
    gp = "gp"
    employee = "employee"
    external = "external"
    secretariat = "secretariat"


@guarded
def org_add(
    org_id: Annotated[str, typer.Argument(metavar="ID", help="The organization's id, e.g. 'larvik'.",
                                          show_default=False)],
    name: Annotated[str, typer.Option("--name", help="The full name, e.g. 'Larvik kommune'.", show_default=False)],
    side: Annotated[OrganizationSide, typer.Option("--side", help="hospital, municipality, user, gp, employee, "
                                                                  "external or secretariat.", show_default=False)],
    short_name: Annotated[Optional[str], typer.Option("--short-name", help="e.g. 'SiV'.", show_default=False)] = None,
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    debug: DebugOption = False,
) -> int:
    """Add an organization that members can represent to fsu.yaml, beside the others of its side."""
    from fsu_cli.cli.edit import _editing, edit_file
    from fsu_cli.edit.records import add_organization
    from fsu_cli.errors import UsageError

    if not name.strip():
        raise UsageError("The organization needs a name (--name).")
    with _editing(repo) as (root, _loaded):
        rel = edit_file(root, "fsu.yaml", as_of,
                        lambda doc: add_organization(doc, org_id, name.strip(), side.value, short_name))
    print(f"Added the organization {org_id} ({name.strip()}, {side.value}) to {rel}.")
    return 0
