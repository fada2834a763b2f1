"""Agendas, minutes and annual reports of meetings recorded in meeting files, read back from Word and PDF."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import edit, meetings_back_in_the_list
from test_render import docx_text as docx_lines

COMMITTEE = "fsu-pasientforlop"

# A held meeting with the whole record: the standard items, a case, an orientering and eventuelt.
HELD = """\
committee: fsu-pasientforlop
date: 2026-05-21
status: held
time: "09:00-12:00"
location: Storelv rådhus
video: https://meet.example.no/fsu
form: hybrid
chair: Marte Haugland
minute_taker: Maren Sletten
notice_sent: 2026-05-12
attendance:
  present: [Marte Haugland, Trine Løken, Camilla Strand]
  absent:
    - name: Kari Vatne
      reason: sykdom
    - name: Mads Holm
  substitutes:
    - name: Ola Vik
      organization: lundheim
      for: Kari Vatne
  others:
    - {name: Eva Lie, organization: sekretariatet, role: referent}
agenda:
  - kind: approval-of-notice
  - kind: approval-of-minutes
    meeting: 2026-03-19
  - case: fsu-pasientforlop/2026/2
    time: "09:30-10:15"
    presenter: Camilla Strand
    recused:
      - {name: Siri Myhre, basis: "fvl. § 6 første ledd bokstav e"}
    discussion: |
      Utvalget drøftet varsling før utskrivning.
  - kind: information
    title: Orientering om status i prosjekt Helseteam
    presenter: Anne Lise Grøtta
    notes: |
      Prosjektet er i rute, og tre kommuner er med.
  - kind: any-other-business
    notes: Neste møte holdes på Sykehuset Fjordvik.
minutes:
  status: approved
  approved: {date: 2026-06-02, by: signatures}
"""

# A meeting with only orienteringer, as three of four meetings in a real annual report.
ONLY_ORIENTERINGER = """\
committee: fsu-pasientforlop
date: 2026-09-10
status: held
location: Sykehuset Fjordvik
attendance:
  present: [Marte Haugland, Kari Vatne]
  absent:
    - name: Trine Løken
agenda:
  - kind: approval-of-notice
  - kind: information
    title: Orientering om ny legemiddelliste
    presenter: Håkon Brekke
  - kind: any-other-business
minutes:
  status: draft
"""

CANCELLED = """\
committee: fsu-pasientforlop
date: 2026-12-17
status: cancelled
time: "09:00-11:00"
location: Teams
form: digital
"""


def write_meeting(root: Path, text: str) -> Path:
    """Write a meeting file and take the meeting out of the committee's list (a meeting is in one or the other)."""
    day = next(line.split(": ")[1] for line in text.splitlines() if line.startswith("date: "))
    listed = root / "data/committees/fsu-pasientforlop.yaml"
    listed.write_text("".join(line for line in listed.read_text(encoding="utf-8").splitlines(keepends=True)
                              if f"date: {day}" not in line), encoding="utf-8")
    path = root / "data" / "meetings" / COMMITTEE / f"{day}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def meetings(community: Path) -> Path:
    meetings_back_in_the_list(community)
    for text in (HELD, ONLY_ORIENTERINGER, CANCELLED):
        write_meeting(community, text)
    return community


def docx_headings(path: Path) -> list[str]:
    import docx

    return [p.text for p in docx.Document(str(path)).paragraphs if p.style.name.startswith("Heading")]


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(str(path)).pages)


def render(fsu, root: Path, tmp_path: Path, *args: str, fmt: str = "md") -> Path | str:
    if fmt == "md":
        result = fsu("render", *args, "--repo", root)
        assert result.exit_code == 0, result.stderr
        return result.stdout
    out = tmp_path / f"{args[0]}-{args[-1]}.{fmt}"
    result = fsu("render", *args, "--format", fmt, "--output", out, "--repo", root)
    assert result.exit_code == 0, result.stderr
    return out


def test_the_meeting_files_written_here_follow_the_schema(fsu, meetings):
    result = fsu("validate", "--repo", meetings, "--format", "json")
    codes = [f["code"] for f in json.loads(result.stdout)["findings"]]
    assert [c for c in codes if c.startswith(("FSU0", "FSU1", "FSU2", "FSU401", "FSU402", "FSU403"))] == []


# --- the agenda (innkalling) -------------------------------------------------------------


AGENDA_HEADINGS = [
    "1. Godkjenning av innkalling og saksliste",
    "2. Godkjenning av protokoll fra møtet 19.03.2026",
    "3. FSU pasientforløp sak 2026.02 Utskrivning av skrøpelige eldre – forslag til felles rutine",
    "4. Orientering om status i prosjekt Helseteam",
    "5. Eventuelt",
]


def test_agenda_in_word_follows_the_meeting_files_order(fsu, meetings, tmp_path):
    out = render(fsu, meetings, tmp_path, "agenda", COMMITTEE, "2026-05-21", fmt="docx")
    headings = docx_headings(out)
    assert [h for h in headings if h[:1].isdigit()] == AGENDA_HEADINGS
    lines = docx_lines(out)
    for expected in ("Tid: kl. 09.00–12.00", "Sted: Storelv rådhus", "Møteform: Hybridmøte (fysisk og digitalt)",
                     "Videolenke: https://meet.example.no/fsu",
                     "Forfall meldes til Maren Sletten, maren.sletten@hf-fjordvik.no.",
                     "kl. 09.30–10.15 · Innleder: Camilla Strand",
                     "Orientering · Innleder: Anne Lise Grøtta",
                     "Vedlegg (t):"):
        assert expected in lines, expected
    assert lines[lines.index("Vedlegg (t):") + 1] == "Utkast til felles rutine"
    assert "Innstilling til konsensus:" in headings
    assert not any("AVLYST" in line for line in lines)


def test_agenda_in_pdf(fsu, meetings, tmp_path):
    text = pdf_text(render(fsu, meetings, tmp_path, "agenda", COMMITTEE, "2026-05-21", fmt="pdf"))
    for expected in ("Tid: kl. 09.00–12.00", "Sted: Storelv rådhus", "Møteform: Hybridmøte",
                     "https://meet.example.no/fsu", "Forfall meldes til Maren Sletten",
                     "kl. 09.30–10.15 · Innleder: Camilla Strand", "Vedlegg (t): Utkast til felles rutine",
                     "Orientering · Innleder: Anne Lise Grøtta", *AGENDA_HEADINGS):
        assert expected in text, expected
    assert text.index(AGENDA_HEADINGS[2]) < text.index(AGENDA_HEADINGS[3]) < text.index(AGENDA_HEADINGS[4])


def test_a_cancelled_meeting_says_avlyst(fsu, meetings, tmp_path):
    text = render(fsu, meetings, tmp_path, "agenda", COMMITTEE, "2026-12-17")
    assert "**AVLYST** – møtet 17.12.2026 er avlyst." in text
    assert "Tid: kl. 09.00–11.00  " in text and "Møteform: Digitalt møte  " in text
    assert "Forfall meldes" not in text  # there is no meeting to send apologies for
    assert "Ingen saker er meldt" not in text
    minutes = render(fsu, meetings, tmp_path, "minutes", COMMITTEE, "2026-12-17")
    assert "Møtet ble avlyst, og det er ingen protokoll." in minutes and "## Saker" not in minutes
    out = render(fsu, meetings, tmp_path, "agenda", COMMITTEE, "2026-12-17", fmt="pdf")
    assert "AVLYST – møtet 17.12.2026 er avlyst." in pdf_text(out)
    lines = docx_lines(render(fsu, meetings, tmp_path, "agenda", COMMITTEE, "2026-12-17", fmt="docx"))
    assert "AVLYST – møtet 17.12.2026 er avlyst." in lines


def test_a_case_of_the_meeting_the_agenda_leaves_out_comes_after_its_last_case(fsu, meetings, tmp_path):
    case = meetings / "data/cases/fsu-pasientforlop/2026/03.yaml"
    case.write_text("committee: fsu-pasientforlop\nyear: 2026\nnumber: 3\nmeeting: 2026-05-21\n"
                    "title: Felles kompetansedag\nkind: information\n", encoding="utf-8")
    text = render(fsu, meetings, tmp_path, "agenda", COMMITTEE, "2026-05-21")
    headings = [line for line in text.splitlines() if line.startswith("### ")]
    assert headings[2:5] == [f"### {AGENDA_HEADINGS[2]}", "### 4. FSU pasientforløp sak 2026.03 Felles kompetansedag",
                             "### 5. Orientering om status i prosjekt Helseteam"]


def test_an_agenda_without_a_secretariat_contact_leaves_the_apologies_line_out(fsu, meetings, tmp_path):
    edit(meetings / "data/committees/sekretariat.yaml", "kind: secretariat", "kind: other")
    text = render(fsu, meetings, tmp_path, "agenda", COMMITTEE, "2026-05-21")
    assert "Forfall meldes" not in text and "### 1. Godkjenning av innkalling og saksliste" in text


def test_an_inline_meeting_keeps_its_listing_of_cases(fsu, meetings, tmp_path):
    text = render(fsu, meetings, tmp_path, "agenda", COMMITTEE, "2026-01-22")
    headings = [line for line in text.splitlines() if line.startswith("### ")]
    assert headings == ["### FSU pasientforløp sak 2026.01 Årsrapport 2025"]
    assert "Godkjenning av innkalling" not in text and "AVLYST" not in text
    minutes = render(fsu, meetings, tmp_path, "minutes", COMMITTEE, "2026-01-22")
    assert "## Medlemmer" in minutes and "Protokollen er ikke godkjent" not in minutes


# --- the minutes (protokoll) ---------------------------------------------------------------


def test_minutes_in_word_carry_attendance_items_and_signatures(fsu, meetings, tmp_path):
    out = render(fsu, meetings, tmp_path, "minutes", COMMITTEE, "2026-05-21", fmt="docx")
    lines = docx_lines(out)
    headings = docx_headings(out)
    assert "Møteleder: Marte Haugland" in lines and "Referent: Maren Sletten" in lines

    def section(title: str) -> list[str]:
        start = lines.index(title) + 1
        end = next(i for i in range(start, len(lines)) if lines[i] in headings)
        return lines[start:end]

    assert section("Til stede") == ["Marte Haugland (leder), Sykehuset Fjordvik HF",
                                    "Trine Løken (nestleder), Fjordvik kommune",
                                    "Camilla Strand (medlem), Sykehuset Fjordvik HF",
                                    "Ola Vik (vara for Kari Vatne), Lundheim kommune"]
    assert section("Forfall") == ["Kari Vatne, Lundheim kommune (sykdom)", "Mads Holm, Havnøy kommune"]
    assert section("Møtte også") == ["Eva Lie, Felles sekretariat for Helsefellesskapet Fjordvik (referent)"]
    assert [h for h in headings if h[:1].isdigit()] == AGENDA_HEADINGS
    assert section(AGENDA_HEADINGS[0]) == ["Innkalling og saksliste ble godkjent."]
    assert section(AGENDA_HEADINGS[1]) == ["Protokollen fra møtet 19.03.2026 ble godkjent."]
    assert section(AGENDA_HEADINGS[2])[:2] == ["Innleder: Camilla Strand",
                                               "Siri Myhre fratrådte som inhabil, jf. fvl. § 6 første ledd bokstav e."]
    assert "Utvalget drøftet varsling før utskrivning." in lines
    assert "Vedtak (21.05.2026): Vedtatt" in headings
    assert section(AGENDA_HEADINGS[3]) == ["Orientering ved Anne Lise Grøtta",
                                           "Prosjektet er i rute, og tre kommuner er med."]
    assert section(AGENDA_HEADINGS[4]) == ["Neste møte holdes på Sykehuset Fjordvik."]
    approval = lines[lines.index("Godkjenning av protokollen") + 1:]
    assert approval[0] == "Protokollen ble godkjent ved signatur 02.06.2026."
    assert "Marte Haugland, leder" in approval and "Trine Løken, nestleder" in approval
    assert sum(line.startswith("______") for line in approval) == 2


def test_minutes_in_pdf(fsu, meetings, tmp_path):
    text = pdf_text(render(fsu, meetings, tmp_path, "minutes", COMMITTEE, "2026-05-21", fmt="pdf"))
    for expected in ("Møteleder: Marte Haugland", "Referent: Maren Sletten",
                     "Til stede Marte Haugland (leder), Sykehuset Fjordvik HF",
                     "Ola Vik (vara for Kari Vatne), Lundheim kommune",
                     "Forfall Kari Vatne, Lundheim kommune (sykdom)",
                     "Møtte også Eva Lie, Felles sekretariat for Helsefellesskapet Fjordvik (referent)",
                     "Siri Myhre fratrådte som inhabil, jf. fvl. § 6 første ledd bokstav e.",
                     "Behandling: Utvalget drøftet varsling før utskrivning.",
                     "Vedtak (21.05.2026): Vedtatt",
                     "Orientering ved Anne Lise Grøtta Prosjektet er i rute",
                     "5. Eventuelt Neste møte holdes på Sykehuset Fjordvik.",
                     "Protokollen ble godkjent ved signatur 02.06.2026.",
                     "Marte Haugland, leder", "Trine Løken, nestleder"):
        assert expected in text, expected


@pytest.mark.parametrize("approved, line", [
    ("{date: 2026-06-18, by: meeting}", "Protokollen ble godkjent i møte 18.06.2026."),
    ("{date: 2026-05-28, by: email}", "Godkjent per e-post 28.05.2026."),
])
def test_how_the_minutes_were_approved(fsu, meetings, tmp_path, approved, line):
    edit(meetings / "data/meetings/fsu-pasientforlop/2026-05-21.yaml",
         "{date: 2026-06-02, by: signatures}", approved)
    text = render(fsu, meetings, tmp_path, "minutes", COMMITTEE, "2026-05-21")
    assert f"## Godkjenning av protokollen\n\n{line}\n" in text
    assert "\\_\\_\\_" not in text  # signature lines only for minutes approved by signatures


def test_minutes_approved_at_a_later_meeting_say_so_and_a_draft_says_it_is_not(fsu, meetings, tmp_path):
    # 19.03.2026 is still in the committee's list; the meeting of 21.05.2026 approves its minutes
    earlier = render(fsu, meetings, tmp_path, "minutes", COMMITTEE, "2026-03-19")
    assert earlier.endswith("## Godkjenning av protokollen\n\nProtokollen ble godkjent i møte 21.05.2026.\n")
    lines = docx_lines(render(fsu, meetings, tmp_path, "minutes", COMMITTEE, "2026-09-10", fmt="docx"))
    assert lines[lines.index("Godkjenning av protokollen") + 1] == "Protokollen er ikke godkjent ennå."
    assert "Ingen saker under eventuelt." in lines


def test_public_minutes_leave_out_the_discussion_of_an_exempt_case(fsu, meetings, tmp_path):
    case = meetings / "data/cases/fsu-pasientforlop/2026/02.yaml"
    case.write_text(case.read_text(encoding="utf-8") + "exemption:\n  basis: offl. § 13\n"
                    "  public_title: Rutine for utskrivning\n", encoding="utf-8")
    public = render(fsu, meetings, tmp_path, "minutes", COMMITTEE, "2026-05-21", "--public")
    assert "### 3. FSU pasientforløp sak 2026.02 Rutine for utskrivning" in public
    assert "**Unntatt offentlighet, jf. offl. § 13**" in public
    assert "varsling før utskrivning" not in public and "skrøpelige" not in public


# --- the annual report ------------------------------------------------------------------


def test_annual_report_gives_orienteringer_and_attendance(fsu, meetings, tmp_path):
    text = render(fsu, meetings, tmp_path, "report", COMMITTEE, "2026")
    september = text[text.index("### Møte 10.09.2026"):text.index("### Møte 19.11.2026")]
    assert "Ingen saker er registrert." not in september
    assert "Orienteringer:\n- Orientering om ny legemiddelliste (Håkon Brekke)\n" in september
    assert "- Orientering om status i prosjekt Helseteam (Anne Lise Grøtta)" in text
    assert "### Møte 19.11.2026, Teams\n\nIngen saker er registrert." in text  # nothing recorded at all
    out = render(fsu, meetings, tmp_path, "report", COMMITTEE, "2026", fmt="docx")
    lines = docx_lines(out)
    assert "Oppmøte" in docx_headings(out)
    assert "21.05.2026 | 3 | 1 | 2" in lines and "10.09.2026 | 2 | 0 | 1" in lines
    assert "Marte Haugland | Sykehuset Fjordvik HF | 2 av 2" in lines
    assert "Trine Løken | Fjordvik kommune | 1 av 2" in lines
    pdf = pdf_text(render(fsu, meetings, tmp_path, "report", COMMITTEE, "2026", fmt="pdf"))
    assert "Orienteringer: Orientering om ny legemiddelliste (Håkon Brekke)" in pdf
    assert "Oppmøte" in pdf and "2 av 2" in pdf


def test_annual_report_without_recorded_attendance_has_no_attendance_section(fsu, community, tmp_path):
    text = render(fsu, meetings_back_in_the_list(community), tmp_path, "report", COMMITTEE, "2026")
    assert "## Oppmøte" not in text and "Orienteringer:" not in text
