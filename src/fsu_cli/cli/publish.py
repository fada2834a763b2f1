"""``fsu publish``: the public website, the meeting calendar, the eInnsyn export and the open data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from fsu_cli.cli.options import AsOfOption, DebugOption, RepoOption, guarded

OutArg = Annotated[Path, typer.Argument(metavar="OUT", help="Where to write.", show_default=False)]
CommitteeOption = Annotated[Optional[str], typer.Option(
    "--committee", help="Only this committee, by id or short name.", show_default=False)]


@guarded
def site(
    out: Annotated[Path, typer.Argument(metavar="OUT", help="The folder to write the website into.",
                                        show_default=False)],
    check: Annotated[bool, typer.Option(
        "--check", help="Write nothing: exit 1 and list the stale files if OUT is not what the data gives.")] = False,
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    debug: DebugOption = False,
) -> int:
    """A static website of the whole community, public content only."""
    from fsu_cli.publish.site import publish_site

    return publish_site(repo, out, check=check, as_of=as_of)


@guarded
def ics(
    out: Annotated[Path, typer.Argument(metavar="OUT", help="The .ics file to write.", show_default=False)],
    committee: CommitteeOption = None,
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    debug: DebugOption = False,
) -> int:
    """The meetings as an iCalendar file, for the whole community or one committee."""
    from fsu_cli.publish.ics import publish_ics

    return publish_ics(repo, out, committee=committee, as_of=as_of)


@guarded
def einnsyn(
    out: Annotated[Path, typer.Argument(metavar="OUT", help="The JSON file to write.", show_default=False)],
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    debug: DebugOption = False,
) -> int:
    """Meetings, cases and documents in eInnsyn's publishing model, as JSON."""
    from fsu_cli.publish.einnsyn import publish_einnsyn

    return publish_einnsyn(repo, out, as_of=as_of)


@guarded
def data(
    out: Annotated[Path, typer.Argument(metavar="OUT", help="The JSON file to write.", show_default=False)],
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    debug: DebugOption = False,
) -> int:
    """The public register as one JSON file: committees, mandates, members, meetings, public cases."""
    from fsu_cli.publish.opendata import publish_data

    return publish_data(repo, out, as_of=as_of)
