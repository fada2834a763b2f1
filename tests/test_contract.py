"""A repository written from scratch to the data contract validates; so do the lenient
forms a secretariat writes in practice (nulls, drafts, unpadded file names)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import AS_OF, EXAMPLE_FILES, PROJECT

FSU_YAML = """\
name: Helsefellesskapet i Vestfold          # the health community
organizations:                              # every organization a member can represent
  - id: siv
    name: Sykehuset i Vestfold HF
    short_name: SiV
    side: hospital                          # hospital | municipality | user | gp | employee | external | secretariat
  - id: horten
    name: Horten kommune
    side: municipality
"""

COMMITTEE = """\
id: fsu                                     # equals the file name without .yaml
name: Faglig samarbeidsutvalg
short_name: FSU
kind: fsu                                   # partnership | ssu | fsu | working-committee | secretariat | other
parent: ssu                                 # the committee it reports to (optional)
founded: 2023-08-01
dissolved: null
case_number_format: "{year}.{number:02d}"   # placeholders: {number}, {year}, {yy}
members:
  - name: Sissel Andreassen
    organization: horten                    # an id from fsu.yaml; the side follows from it
    title: kommunalsjef                     # optional
    email: sissel.andreassen@horten.kommune.no   # optional
    start_date: 2023-08-01
    end_date: null                          # open
leadership:                                 # who held which office when
  - role: leader                            # leader | deputy
    name: Sissel Andreassen                 # must be a member during the whole period
    start_date: 2023-08-01
    end_date: 2024-12-31
meetings:
  - date: 2024-01-25
    status: held                            # planned | held | cancelled
    location: Tønsberg                      # optional
"""

SSU = """\
id: ssu
name: Strategisk samarbeidsutvalg
short_name: SSU
kind: ssu
founded: 2020-01-01
case_number_format: "{number:02d}-{year}"
meetings:
  - date: 2022-09-21
    status: held
  - date: 2024-11-28
    status: held
"""

MANDATE = """\
id: fsu-2024
committee: fsu
title: Mandat for Faglig samarbeidsutvalg
status: approved                            # draft | approved
approved:                                   # required when approved
  by: ssu                                   # committee id
  date: 2024-11-28
  case: ssu/2024/45                         # optional case reference
valid_from: 2025-01-01
valid_until: null                           # set for time-limited mandates
supersedes: []                              # mandate ids this one replaces
sections:                                   # the text, Markdown, rendered in this order
  - heading: Formål
    body: |
      ...
rules:                                      # what the tool checks; every key optional
  leadership:
    term_years: 1                           # 1 or 2 in the seeds
    alternate: [hospital, municipality]     # sides that take turns to lead
    deputy_from_other_side: true
    eligible_sides: [hospital, municipality]
  meetings:
    min_per_year: 4
    max_per_year: null
  composition:                              # seats per side
    hospital: {min: 6}
    municipality: {min: 6}
    user: {min: 1}
    gp: {min: 1}
  appointment_years: 4
  reporting: {to: ssu, every_months: 12}
  evaluation_every_months: 12
"""

CASE = """\
committee: ssu                              # must match the folder
year: 2022                                  # must match the folder
number: 20                                  # must match the file name; unique per committee and year
meeting: 2022-09-21                         # a meeting of that committee
title: Oppfølging av partnerskapsmøtets handlingsplan
kind: decision                              # information | discussion | decision
case_officer: Felles sekretariat            # optional (saksbehandler)
attachments:
  - title: SSU sak 03-2022 Oppfølging av partnerskapsmøtets handlingsplan
    printed: false
    case: ssu/2022/3                        # optional reference to another case
proposal:                                   # required for decision cases
  kind: consensus                           # consensus (innstilling til konsensus) | decision (forslag til vedtak)
  text: |
    1. Strategisk samarbeidsutvalg (SSU) opprettholder sitt vedtak ...
background: |
  ...
assessments:                                # optional, one per side
  - side: municipality
    text: |
      ...
decision:                                   # once the meeting has decided
  date: 2022-09-21
  outcome: adopted                          # adopted | amended | postponed | returned | rejected
  text: |
    ...
exemption:                                  # only for exempt cases
  basis: offl. § 14
  public_title: Sak om organisering
"""

EARLIER_CASE = """\
committee: ssu
year: 2022
number: 3
title: Oppfølging av partnerskapsmøtets handlingsplan
kind: discussion
"""

APPROVING_CASE = """\
committee: ssu
year: 2024
number: 45
meeting: 2024-11-28
title: Mandat for FSU
kind: decision
proposal: {kind: consensus, text: SSU godkjenner mandatet.}
decision: null
exemption: null
"""


def contract_repository(root: Path) -> Path:
    files = {
        "fsu.yaml": FSU_YAML,
        "data/committees/fsu.yaml": COMMITTEE,
        "data/committees/ssu.yaml": SSU,
        "data/mandates/fsu-2024.yaml": MANDATE,
        "data/cases/ssu/2022/20.yaml": CASE,
        "data/cases/ssu/2022/3.yaml": EARLIER_CASE,
        "data/cases/ssu/2024/45.yaml": APPROVING_CASE,
    }
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def structural(fsu, root: Path) -> list[dict]:
    """Findings about files, schemas and references (FSU0xx-FSU2xx), leaving out the mandate rules.

    The contract's example is a shape, not a community that follows its mandate (its FSU
    has one member against a composition of six and six), so the mandate rules fire.
    """
    result = fsu("validate", "--repo", root, "--format", "json")
    return [f for f in json.loads(result.stdout)["findings"] if f["code"] < "FSU300"]


def test_repository_written_to_the_contract_has_no_schema_or_reference_findings(fsu, tmp_path):
    root = contract_repository(tmp_path)
    assert structural(fsu, root) == []


def test_draft_mandate_needs_neither_approval_nor_start(fsu, tmp_path):
    root = contract_repository(tmp_path)
    (root / "data/mandates/fsu-2026.yaml").write_text(
        "id: fsu-2026\ncommittee: fsu\ntitle: Utkast\nstatus: draft\napproved: null\nsupersedes: [fsu-2024]\n",
        encoding="utf-8",
    )
    assert structural(fsu, root) == []


def test_approved_mandate_without_start_is_reported(fsu, tmp_path):
    root = contract_repository(tmp_path)
    path = root / "data/mandates/fsu-2024.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("valid_from: 2025-01-01\n", ""), encoding="utf-8")
    [finding] = structural(fsu, root)
    assert (finding["path"], finding["line"], finding["column"], finding["code"]) == (
        "data/mandates/fsu-2024.yaml", 1, 1, "FSU102")
    assert finding["message"] == "The required key 'valid_from' (Gjelder fra) is missing."


def test_console_script_and_module_entry_points(tmp_path):
    env = {**os.environ, "FSU_AS_OF": AS_OF}
    module = subprocess.run([sys.executable, "-m", "fsu_cli", "--version"], capture_output=True, text=True)
    assert module.returncode == 0 and module.stdout.startswith("fsu ")
    script = shutil.which("fsu") or str(Path(sys.executable).with_name("fsu"))
    assert Path(script).exists(), "pip installs the fsu console script"
    done = subprocess.run([str(script), "validate"], cwd=PROJECT / "data" / "cases", capture_output=True,
                          text=True, env=env)
    assert done.returncode == 0, done.stdout
    assert done.stdout == f"{EXAMPLE_FILES} files checked: no problems found.\n"
    done = subprocess.run([sys.executable, "-m", "fsu_cli", "validate", "--repo", str(PROJECT)],
                          capture_output=True, text=True, env=env)
    assert done.returncode == 0


def test_colour_on_a_terminal_and_never_when_asked_not_to(fsu, tmp_path, monkeypatch):
    root = contract_repository(tmp_path)
    path = root / "data/cases/ssu/2022/3.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "titel: x\n", encoding="utf-8")
    plain = fsu("validate", "--repo", root)
    assert "\x1b[" not in plain.stdout
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    coloured = fsu("validate", "--repo", root)
    assert "\x1b[1;31mFSU101\x1b[0m" in coloured.stdout
