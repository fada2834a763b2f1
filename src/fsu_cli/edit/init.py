"""``fsu init``: a new governance repository that validates from the first commit."""

from __future__ import annotations

import json
from pathlib import Path

from fsu_cli.check.schema import SCHEMA_FILES
from fsu_cli.domain.dates import Date
from fsu_cli.errors import UsageError
from fsu_cli.store.files import create_exclusively
from fsu_cli.store.git import init_repository
from fsu_cli.store.paths import target_inside
from fsu_cli.store.resources import resource_dir
from fsu_cli.store.yamlio import dump_roundtrip


def _quoted(text: str) -> str:
    """A YAML value for the text, quoted when YAML needs it."""
    return dump_roundtrip({"v": text})[3:].rstrip("\n")


# Which schema an editor with the YAML language server (VS Code's YAML extension and others) uses for each
# data folder. The server puts "**/" before every pattern and matches the file's whole path, so a pattern
# "fsu.yaml" would also take in data/committees/fsu.yaml (a committee with the id fsu): fsu.yaml names its
# schema on its own first line instead (FSU_YAML_MODELINE), resolved from the file's folder.
EDITOR_SCHEMAS = {
    "./schemas/committee.schema.json": "data/committees/*.yaml",
    "./schemas/mandate.schema.json": "data/mandates/*.yaml",
    "./schemas/case.schema.json": "data/cases/*/*/*.yaml",
    "./schemas/meeting.schema.json": "data/meetings/*/*.yaml",
    "./schemas/report.schema.json": "data/reports/*/*.yaml",
}
FSU_YAML_MODELINE = "# yaml-language-server: $schema=schemas/fsu.schema.json"


def files_for(name: str, today: Date) -> dict[str, str]:
    year = today.year
    return {
        "fsu.yaml": f"""\
{FSU_YAML_MODELINE}
# {name}. Legg inn alle organisasjoner som medlemmer kan representere.
name: {_quoted(name)}
organizations:
  - id: helseforetaket
    name: Helseforetaket HF           # bytt til helseforetakets navn
    side: hospital
  - id: kommune-a
    name: Kommune A                   # bytt til kommunenes navn, én oppføring per kommune
    side: municipality
  - id: kommune-b
    name: Kommune B
    side: municipality
  - id: brukerutvalget
    name: Brukerutvalget
    side: user
""",
        "data/committees/ssu.yaml": f"""\
# Strategisk samarbeidsutvalg. Legg til medlemmer, ledelse og møter.
id: ssu
name: Strategisk samarbeidsutvalg
short_name: SSU
kind: ssu
founded: {today.isoformat()}
dissolved: null
case_number_format: "{{number:02d}}-{{year}}"   # gir «SSU sak 01-{year}»
members: []
leadership: []
meetings: []
""",
        f"data/mandates/ssu-{year}.yaml": f"""\
# Utkast til mandat. Sett status: approved og fyll ut «approved» når mandatet er godkjent.
id: ssu-{year}
committee: ssu
title: Mandat for Strategisk samarbeidsutvalg
status: draft
valid_from: {today.isoformat()}
valid_until: null
supersedes: []
sections:
  - heading: Formål
    body: |
      Skriv formålet her.
rules:
  leadership:
    term_years: 2
    alternate: [hospital, municipality]
    deputy_from_other_side: true
    eligible_sides: [hospital, municipality]
  meetings:
    min_per_year: 4
""",
        ".pre-commit-config.yaml": (resource_dir("examples") / "pre-commit-config.yaml").read_text(encoding="utf-8"),
        ".github/workflows/fsu.yml": (resource_dir("examples") / "github-actions.yml").read_text(encoding="utf-8"),
        ".vscode/settings.json": json.dumps({
            "yaml.schemas": EDITOR_SCHEMAS,
            "files.encoding": "utf8",
            "[yaml]": {"editor.insertSpaces": True, "editor.tabSize": 2},
        }, indent=2, ensure_ascii=False) + "\n",
        "README.md": f"""\
# {name}

Styringsdokumentene i {name} – utvalg, mandater, møter og saker – ligger her som
YAML-filer, og kontrolleres med `fsu` før hver endring.

## Slik jobber du

- **Sjekk alt:** `fsu validate` viser alle feil på én gang, med fil, linje og kolonne.
- **Ny sak:** `fsu new case ssu --meeting ÅÅÅÅ-MM-DD --title "Tittel"`
- **Nytt møte:** `fsu new meeting ssu ÅÅÅÅ-MM-DD --location "Sted"`
- **Nytt medlem:** `fsu member add ssu --name "Navn" --organization kommune-a --start ÅÅÅÅ-MM-DD`
- **Vedtak:** `fsu decide ssu/ÅÅÅÅ/N --outcome adopted`
- **Dokumenter:** `fsu render case ssu/ÅÅÅÅ/N --format docx --output sak.docx`
- **Oversikt:** `fsu status`, `fsu leaders`, `fsu meetings`
- **Før du slår sammen en endring:** `fsu diff` beskriver endringen med ord.

## Filene

- `fsu.yaml`: helsefellesskapet og organisasjonene medlemmene representerer
- `data/committees/<id>.yaml`: ett utvalg med medlemmer, ledelse og møter
- `data/mandates/<id>.yaml`: én versjon av ett mandat
- `data/cases/<utvalg>/<år>/<nummer>.yaml`: én sak
- `schemas/`: beskrivelsen av filene; en editor med YAML-støtte (for eksempel
  Visual Studio Code med utvidelsen «YAML») viser hjelp og feil mens du skriver.
  Den første linjen i `fsu.yaml` forteller editoren hvilken beskrivelse filen følger;
  la den stå.

Installer pre-commit én gang (`pipx install pre-commit`) og kjør `pre-commit install` her, så sjekkes
endringene automatisk før hver commit. Kroken bruker `fsu` fra PATH: installer fsu med `pipx`, slik at
den finnes i alle terminaler (også når du committer fra VS Code eller GitHub Desktop).

## Sjekk på GitHub

`.github/workflows/fsu.yml` sjekker hver pull request (bare det den endrer) og hver endring
på `main`, og legger en beskrivelse av endringen som kommentar. Den trenger én innstilling:
repository-variabelen `FSU_REPOSITORY` (Settings → Secrets and variables → Actions →
Variables), git-adressen fsu installeres fra, for eksempel
`https://github.com/<eier>/fsu.git@v1.0.0`.
""",
        ".gitignore": "*.docx\n*.pdf\n!templates/*.docx\n__pycache__/\n",
    }


def create(target: Path, name: str, today: Date) -> list[str]:
    """Write a new governance repository into an empty (or new) folder; returns the files written.

    Every file is created new (never written through something already there) and only inside the folder.
    """
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise UsageError(f"{target} is not empty. fsu init only writes into a new or empty folder.")
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"Could not create the folder {target}: {error.strerror}.") from None
    files = {rel: text.encode("utf-8") for rel, text in files_for(name, today).items()}
    files["data/cases/.gitkeep"] = b""
    for file_name in SCHEMA_FILES.values():
        files[f"schemas/{file_name}"] = (resource_dir("schemas") / file_name).read_bytes()
    for rel, data in files.items():
        try:
            create_exclusively(target_inside(target, rel), data)
        except FileExistsError:
            raise UsageError(f"{target / rel} appeared while fsu init was writing; nothing there was replaced.")
    init_repository(target)
    return [rel for rel in files if rel != "data/cases/.gitkeep"]
