"""Mandates as real communities write them: seats per named organization, per appointing side and with
``including`` (FSU333-336); substitutes and observers hold no seat and no appointment term; and the documents
that list them apart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import edit, line_of, validation_findings as findings

FSU = "data/committees/fsu.yaml"
MANDATE = "data/mandates/fsu-2023.yaml"
ULLA = "{name: Ulla Ulvik, organization: bruker, start_date: 2023-01-01, end_date: null}"
GEIR = "{name: Geir Grini, organization: lege, start_date: 2023-01-01, end_date: null}"
HANS = "{name: Hans Hauge, organization: hf, start_date: 2023-01-01, end_date: null}"






def codes(fsu, root: Path, *options: str) -> list[str]:
    return [f["code"] for f in findings(fsu, root, *options)]


def add_member(root: Path, entry: str) -> None:
    edit(root / FSU, f"  - {GEIR}\n", f"  - {GEIR}\n  - {entry}\n")


# --- seats of named organizations (FSU334, FSU335, FSU336) --------------------------------------


def test_fsu334_too_few_from_a_named_organization(fsu, small):
    edit(small / MANDATE, "    gp: {min: 1}\n", "    gp: {min: 1}\n    organizations:\n      alfa: {min: 2}\n")
    found = findings(fsu, small)
    assert [(f["code"], f["severity"], f["path"]) for f in found] == [("FSU334", "error", FSU)]
    assert (found[0]["line"], found[0]["column"]) == (line_of(small / FSU, "members:"), 1)
    assert found[0]["message"] == (
        "FSU has 1 member(s) from Alfa kommune in office on 2026-11-22; its mandate fsu-2023 requires at least 2.")
    add_member(small, "{name: Anne Alm, organization: alfa, start_date: 2026-01-01, end_date: null}")
    assert findings(fsu, small) == []


def test_fsu335_too_many_from_a_named_organization(fsu, small):
    edit(small / MANDATE, "    gp: {min: 1}\n", "    gp: {min: 1}\n    organizations:\n      hf: {max: 1}\n")
    found = findings(fsu, small)
    assert [(f["code"], f["severity"]) for f in found] == [("FSU335", "warning")]
    assert found[0]["message"] == (
        "FSU has 2 members from TSH in office on 2026-11-22; its mandate fsu-2023 allows at most 1.")
    # a substitute holds no seat: Hans as vararepresentant leaves one seat (and the hospital's min 2 unmet)
    edit(small / FSU, HANS, HANS.replace("organization: hf,", "organization: hf, role: substitute,"))
    assert codes(fsu, small) == ["FSU331"]


def test_fsu336_an_organization_the_community_does_not_have(fsu, small):
    edit(small / MANDATE, "    gp: {min: 1}\n", "    gp: {min: 1}\n    organizations:\n      alfaa: {min: 1}\n")
    found = findings(fsu, small)
    assert [(f["code"], f["path"], f["line"]) for f in found] == [
        ("FSU336", MANDATE, line_of(small / MANDATE, "alfaa:"))]
    assert "'alfaa'" in found[0]["message"]


# --- seats by appointing side (FSU333) and including --------------------------------------------


def test_fsu333_too_few_of_a_sides_seats_appointed_by_another(fsu, small):
    edit(small / MANDATE, "user: {min: 1}", "user: {min: 1, appointed_by: {municipality: 1}}")
    found = findings(fsu, small)
    assert [(f["code"], f["severity"]) for f in found] == [("FSU333", "error")]
    assert found[0]["message"] == (
        "FSU has 0 member(s) from the user representatives appointed by the municipalities in office on "
        "2026-11-22; its mandate fsu-2023 requires at least 1.")
    edit(small / FSU, ULLA, ULLA.replace("organization: bruker,", "organization: bruker, appointed_by: municipality,"))
    assert findings(fsu, small) == []


def test_appointed_by_each_side(fsu, small):
    """Two user seats, one appointed by the hospital and one by the municipalities."""
    edit(small / MANDATE, "user: {min: 1}", "user: {min: 2, appointed_by: {hospital: 1, municipality: 1}}")
    edit(small / FSU, ULLA, ULLA.replace("organization: bruker,", "organization: bruker, appointed_by: municipality,"))
    add_member(small, "{name: Bo Bakke, organization: bruker, appointed_by: municipality, start_date: 2026-01-01}")
    found = findings(fsu, small)
    assert [f["code"] for f in found] == ["FSU333"]
    assert "appointed by the hospital" in found[0]["message"]
    edit(small / FSU, "Bo Bakke, organization: bruker, appointed_by: municipality",
         "Bo Bakke, organization: bruker, appointed_by: hospital")
    assert findings(fsu, small) == []


def test_including_counts_a_gp_the_municipalities_appoint_in_their_seats(fsu, small):
    edit(small / MANDATE, "municipality: {min: 2}", "municipality: {min: 3, including: [gp]}")
    assert codes(fsu, small) == ["FSU331"]  # the GP is appointed by nobody in particular yet
    edit(small / FSU, GEIR, GEIR.replace("organization: lege,", "organization: lege, appointed_by: municipality,"))
    assert findings(fsu, small) == []
    edit(small / MANDATE, "municipality: {min: 3, including: [gp]}", "municipality: {min: 2, max: 2, including: [gp]}")
    assert codes(fsu, small) == ["FSU332"]


# --- substitutes and observers hold no seat and no term ---------------------------------------


def test_an_observer_does_not_fill_a_seat(fsu, small):
    edit(small / MANDATE, "hospital: {min: 2}", "hospital: {min: 3}")
    add_member(small, "{name: Olav Ose, organization: hf, role: observer, start_date: 2023-01-01}")
    assert codes(fsu, small) == ["FSU331"]
    edit(small / FSU, "role: observer", "role: member")
    assert findings(fsu, small) == []


def test_substitutes_and_observers_have_no_appointment_term(fsu, small):
    edit(small / MANDATE, "appointment_years: 4", "appointment_years: 3")
    before = [f for f in findings(fsu, small) if f["code"] == "FSU341"]
    assert len(before) == 6
    add_member(small, "{name: Olav Ose, organization: hf, role: observer, start_date: 2020-01-01}")
    add_member(small, "{name: Vera Vik, organization: alfa, role: substitute, start_date: 2020-01-01}")
    after = [f for f in findings(fsu, small) if f["code"] == "FSU341"]
    assert after == before


def test_the_quorum_counts_only_members_who_hold_a_seat():
    from fsu_cli.domain.attendance import seats
    from fsu_cli.domain.records import Member, Source

    def member(name: str, role: str) -> Member:
        return Member(name, "hf", None, None, None, None, Source("x.yaml"), role=role)

    office = {m.name: m for m in (member("A", "member"), member("B", "substitute"), member("C", "observer"))}
    assert list(seats(office)) == ["A"]


# --- documents -----------------------------------------------------------------------------


def docx_text(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    lines = [p.text for p in document.paragraphs]
    lines += [" | ".join(cell.text for cell in row.cells) for table in document.tables for row in table.rows]
    return "\n".join(lines)


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(page.extract_text() for page in PdfReader(str(path)).pages).split())


def render(fsu, root: Path, *args: str, out: Path | None = None, fmt: str = "md") -> str:
    options = ("--format", fmt, "--output", str(out)) if out else ("--format", fmt)
    result = fsu("render", *args, *options, "--repo", root)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_members_list_shows_substitutes_and_observers_apart(fsu, community, tmp_path):
    """The example FSU pasientforløp: a substitute, an observer and a user seat the municipalities appoint."""
    assert fsu("validate", "--repo", community).exit_code == 0
    lines = render(fsu, community, "members", "fsu-pasientforlop").splitlines()
    members = lines[:lines.index("## Vararepresentanter")]
    assert not any("Randi Lie" in line or "Eirik Dahl" in line for line in members)
    assert any(line.startswith("| Svein Olav Rise |") and "| brukerrepresentant oppnevnt av kommunene |" in line
               for line in members)
    substitutes = lines[lines.index("## Vararepresentanter"):lines.index("## Observatører, med tale- og forslagsrett")]
    assert [line.split(" | ")[0] for line in substitutes if line.startswith("| Randi")] == ["| Randi Lie"]
    observers = lines[lines.index("## Observatører, med tale- og forslagsrett"):]
    assert any(line.startswith("| Eirik Dahl | Hovedtillitsvalgte") for line in observers)
    pdf = tmp_path / "members.pdf"
    render(fsu, community, "members", "fsu-pasientforlop", out=pdf, fmt="pdf")
    text = pdf_text(pdf)
    assert text.index("Svein Olav Rise") < text.index("Vararepresentanter") < text.index("Randi Lie") \
        < text.index("Observatører, med tale- og forslagsrett") < text.index("Eirik Dahl")
    assert "oppnevnt av kommunene" in text
    word = tmp_path / "members.docx"
    render(fsu, community, "members", "fsu-pasientforlop", out=word, fmt="docx")
    assert "Observatører, med tale- og forslagsrett" in docx_text(word)
    assert "Randi Lie | Lundheim kommune | kommune" in docx_text(word)


def test_agenda_and_minutes_list_the_roles_apart(fsu, community, tmp_path):
    agenda = render(fsu, community, "agenda", "fsu-pasientforlop", "2026-09-10").splitlines()
    called = agenda[agenda.index("## Innkalte medlemmer"):agenda.index("## Vararepresentanter")]
    assert "- Svein Olav Rise, Kommunale råd for eldre og personer med funksjonsnedsettelse, oppnevnt av kommunene" \
        in called
    assert not any("Randi Lie" in line for line in called)
    assert agenda[agenda.index("## Vararepresentanter") + 2] == "- Randi Lie, Lundheim kommune"
    assert agenda[agenda.index("## Observatører, med tale- og forslagsrett") + 2] == (
        "- Eirik Dahl, Hovedtillitsvalgte i foretaket og kommunene")
    html = render(fsu, community, "agenda", "fsu-pasientforlop", "2026-09-10", fmt="html")
    assert html.index("<h2>Innkalte medlemmer</h2>") < html.index("<h2>Vararepresentanter</h2>") \
        < html.index("<h2>Observatører, med tale- og forslagsrett</h2>") < html.index("<h2>Saksliste</h2>")
    # minutes with attendance: who appointed the member who came
    pdf = tmp_path / "minutes.pdf"
    render(fsu, community, "minutes", "fsu-pasientforlop", "2026-09-10", out=pdf, fmt="pdf")
    assert "Svein Olav Rise (medlem oppnevnt av kommunene)" in pdf_text(pdf)
    # minutes without attendance list the members, then the substitutes and observers
    minutes = render(fsu, community, "minutes", "fsu-pasientforlop", "2025-10-23").splitlines()
    assert minutes.index("## Medlemmer") < minutes.index("## Vararepresentanter") < minutes.index("## Saker")


def test_annual_report_composition_lists_substitutes_and_observers(fsu, community):
    report = render(fsu, community, "report", "fsu-pasientforlop", "2026")
    assert "Vararepresentanter: Randi Lie." in report
    assert "Observatører, med tale- og forslagsrett: Eirik Dahl." in report
    table = report[report.index("## Sammensetning"):report.index("Vararepresentanter:")]
    assert "Eirik Dahl" not in table and "| brukerrepresentant oppnevnt av kommunene |" in table
    attendance = report[report.index("## Oppmøte"):]
    assert "Eirik Dahl" not in attendance  # an observer holds no seat to attend for


def test_mandate_adopted_by_the_partners_and_an_area_committee(fsu, small, tmp_path):
    edit(small / FSU, "kind: fsu\n", "kind: area\narea: Nordhordland\n")
    assert findings(fsu, small) == []
    edit(small / MANDATE, "approved: {by: ssu, date: 2022-12-01}",
         "approved:\n  by: partners\n  date: 2022-12-01\n  document: Samarbeidsavtale mellom Testfjord sykehus HF "
         "og kommunene")
    mandate = render(fsu, small, "mandate", "fsu-2023").splitlines()
    assert "Vedtatt av partnerne 01.12.2022 i «Samarbeidsavtale mellom Testfjord sykehus HF og kommunene»  " \
        in mandate
    assert "Område: Nordhordland  " in mandate
    assert "Område: Nordhordland" in render(fsu, small, "members", "fsu")
    assert "Område: Nordhordland  " in render(fsu, small, "agenda", "fsu", "2026-09-01").splitlines()
    pdf = tmp_path / "mandate.pdf"
    render(fsu, small, "mandate", "fsu-2023", out=pdf, fmt="pdf")
    assert "Vedtatt av partnerne 01.12.2022" in pdf_text(pdf)


def test_the_outcome_noted_reads_tatt_til_orientering(fsu, small, tmp_path):
    edit(small / "data/cases/fsu/2026/01.yaml", "outcome: adopted", "outcome: noted")
    assert "Tatt til orientering" in render(fsu, small, "case", "fsu/2026/1")
    minutes = render(fsu, small, "minutes", "fsu", "2026-09-01")
    assert "Vedtak (01.09.2026): Tatt til orientering" in minutes
    assert "– tatt til orientering" in render(fsu, small, "report", "fsu", "2026")
    word = tmp_path / "minutes.docx"
    render(fsu, small, "minutes", "fsu", "2026-09-01", out=word, fmt="docx")
    assert "Tatt til orientering" in docx_text(word)
