"""A small health community that follows its mandates on 2026-11-22, written to the contract.

Tests change one thing in it and expect exactly the finding that change causes.
"""

from __future__ import annotations

from pathlib import Path

FILES = {
    "fsu.yaml": """\
name: Helsefellesskapet Testfjord
organizations:
  - {id: hf, name: Testfjord sykehus HF, short_name: TSH, side: hospital}
  - {id: alfa, name: Alfa kommune, side: municipality}
  - {id: beta, name: Beta kommune, side: municipality}
  - {id: bruker, name: Brukerutvalget, side: user}
  - {id: lege, name: Allmennlegeutvalget, side: gp}
""",
    "data/committees/ssu.yaml": """\
id: ssu
name: Strategisk samarbeidsutvalg
short_name: SSU
kind: ssu
founded: 2020-01-01
case_number_format: "{number:02d}-{year}"
meetings:
  - {date: 2022-12-01, status: held}
""",
    "data/mandates/ssu-2020.yaml": """\
id: ssu-2020
committee: ssu
title: Mandat for SSU
status: approved
approved: {by: ssu, date: 2020-01-01}
valid_from: 2020-01-01
""",
    "data/committees/fsu.yaml": """\
id: fsu
name: Faglig samarbeidsutvalg
short_name: FSU
kind: fsu
parent: ssu
founded: 2023-01-01
dissolved: null
case_number_format: "{year}.{number:02d}"
members:
  - {name: Hanne Holm, organization: hf, start_date: 2023-01-01, end_date: null}
  - {name: Hans Hauge, organization: hf, start_date: 2023-01-01, end_date: null}
  - {name: Mari Moe, organization: alfa, start_date: 2023-01-01, end_date: null}
  - {name: Mons Myklebust, organization: beta, start_date: 2023-01-01, end_date: null}
  - {name: Ulla Ulvik, organization: bruker, start_date: 2023-01-01, end_date: null}
  - {name: Geir Grini, organization: lege, start_date: 2023-01-01, end_date: null}
leadership:
  - {role: leader, name: Hanne Holm, start_date: 2023-01-01, end_date: 2023-12-31}
  - {role: deputy, name: Mari Moe, start_date: 2023-01-01, end_date: 2023-12-31}
  - {role: leader, name: Mari Moe, start_date: 2024-01-01, end_date: 2024-12-31}
  - {role: deputy, name: Hanne Holm, start_date: 2024-01-01, end_date: 2024-12-31}
  - {role: leader, name: Hans Hauge, start_date: 2025-01-01, end_date: 2025-12-31}
  - {role: deputy, name: Mons Myklebust, start_date: 2025-01-01, end_date: 2025-12-31}
  - {role: leader, name: Mons Myklebust, start_date: 2026-01-01, end_date: 2026-12-31}
  - {role: deputy, name: Hans Hauge, start_date: 2026-01-01, end_date: 2026-12-31}
meetings:
  - {date: 2023-02-01, status: held}
  - {date: 2023-05-01, status: held}
  - {date: 2023-09-01, status: held}
  - {date: 2023-11-01, status: held}
  - {date: 2024-02-01, status: held}
  - {date: 2024-05-02, status: held}
  - {date: 2024-09-02, status: held}
  - {date: 2024-11-01, status: held}
  - {date: 2025-02-03, status: held}
  - {date: 2025-05-02, status: held}
  - {date: 2025-09-01, status: held}
  - {date: 2025-11-03, status: held}
  - {date: 2026-02-02, status: held}
  - {date: 2026-05-04, status: held}
  - {date: 2026-09-01, status: held}
  - {date: 2026-12-07, status: planned}
""",
    "data/mandates/fsu-2023.yaml": """\
id: fsu-2023
committee: fsu
title: Mandat for FSU
status: approved
approved: {by: ssu, date: 2022-12-01}
valid_from: 2023-01-01
valid_until: null
rules:
  leadership:
    term_years: 1
    alternate: [hospital, municipality]
    deputy_from_other_side: true
    eligible_sides: [hospital, municipality]
  meetings: {min_per_year: 4, max_per_year: null}
  composition:
    hospital: {min: 2}
    municipality: {min: 2}
    user: {min: 1}
    gp: {min: 1}
  appointment_years: 4
  reporting: {to: ssu, every_months: 12}
""",
    "data/cases/fsu/2026/01.yaml": """\
committee: fsu
year: 2026
number: 1
meeting: 2026-09-01
title: Felles rutine for utskrivning
kind: decision
proposal: {kind: consensus, text: FSU anbefaler rutinen.}
decision: {date: 2026-09-01, outcome: adopted}
""",
    "data/cases/fsu/2026/02.yaml": """\
committee: fsu
year: 2026
number: 2
meeting: 2026-12-07
title: Arbeidsplan 2027
kind: decision
proposal: {kind: decision, text: FSU vedtar arbeidsplanen.}
""",
}


def write_small_community(root: Path) -> Path:
    for rel, text in FILES.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
